"""Invitation links are stored as the SHA-256 of their secret, as feed links are.

Existing links keep working: the hash of each stored token is kept, and the token itself goes.
"""

import hashlib

from django.db import migrations, models

import events.models.participation


def hash_tokens(apps, schema_editor):
    Invitation = apps.get_model("events", "Invitation")
    for invitation in Invitation.objects.only("pk", "token").iterator():
        Invitation.objects.filter(pk=invitation.pk).update(
            token_hash=hashlib.sha256(invitation.token.encode()).hexdigest()
        )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0012_privacy_retention_and_access_log"),
    ]

    operations = [
        migrations.AddField(
            model_name="invitation",
            name="token_hash",
            field=models.CharField(
                editable=False, max_length=64, null=True, verbose_name="link fingerprint"
            ),
        ),
        # A link's secret cannot be recovered from its hash: there is no way back.
        migrations.RunPython(hash_tokens, migrations.RunPython.noop, elidable=False),
        migrations.RemoveField(model_name="invitation", name="token"),
        migrations.AlterField(
            model_name="invitation",
            name="token_hash",
            field=models.CharField(
                default=events.models.participation.unissued_token_hash,
                editable=False,
                max_length=64,
                unique=True,
                verbose_name="link fingerprint",
            ),
        ),
    ]

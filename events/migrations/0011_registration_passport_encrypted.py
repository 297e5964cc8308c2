"""Passport numbers encrypted at rest: the column becomes text holding Fernet tokens.

The data step rewrites every stored number through the encrypted field (plain numbers are
read as they are and written back encrypted; an empty number becomes NULL). Reversed, the
numbers are written back in plain text before the column returns to varchar(32).
"""

from django.db import migrations

import core.fields
import events.validators


def encrypt_passport_numbers(apps, schema_editor):
    Registration = apps.get_model("events", "Registration")
    rows = Registration.objects.using(schema_editor.connection.alias).values_list(
        "pk", "passport_number"
    )
    for pk, number in rows.iterator():
        Registration.objects.using(schema_editor.connection.alias).filter(pk=pk).update(
            passport_number=number
        )


def decrypt_passport_numbers(apps, schema_editor):
    Registration = apps.get_model("events", "Registration")
    connection = schema_editor.connection
    table = connection.ops.quote_name(Registration._meta.db_table)
    rows = list(
        Registration.objects.using(connection.alias).values_list("pk", "passport_number")
    )
    with connection.cursor() as cursor:
        for pk, number in rows:
            cursor.execute(
                f"UPDATE {table} SET passport_number = %s WHERE id = %s",  # noqa: S608
                [number or "", pk],
            )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0010_updated_at_indexes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="registration",
            name="passport_number",
            field=core.fields.EncryptedCharField(
                blank=True,
                max_length=32,
                validators=[events.validators.validate_passport_number],
                verbose_name="passport number",
            ),
        ),
        migrations.RunPython(encrypt_passport_numbers, decrypt_passport_numbers),
    ]

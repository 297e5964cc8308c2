"""python manage.py rotate_encryption_key: rewrite encrypted values under the newest key."""

from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, transaction
from django.utils.translation import gettext

from core.fields import reencrypt_stored_values


class Command(BaseCommand):
    @property
    def help(self):
        return gettext(
            "Re-encrypt every encrypted value (passport numbers) with the first key of "
            "KIA_FIELD_ENCRYPTION_KEYS. To rotate: put a new key first in the list (keep the "
            "old ones after it), run this command, then remove the old keys. --new-key prints "
            "a fresh key and changes nothing."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "--new-key", action="store_true", help=gettext("Print a new key and stop.")
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, new_key=False, database=DEFAULT_DB_ALIAS, **options):
        if new_key:
            self.stdout.write(Fernet.generate_key().decode())
            return
        try:
            with transaction.atomic(using=database):
                counts = reencrypt_stored_values(using=database)
        except ImproperlyConfigured as error:
            raise CommandError(
                gettext("Nothing was re-encrypted: %(error)s") % {"error": error}
            ) from error
        for label, count in counts.items():
            self.stdout.write(
                gettext("%(field)s: %(count)d values re-encrypted with the newest key.")
                % {"field": label, "count": count}
            )
        self.stdout.write(
            self.style.SUCCESS(
                gettext("Done. Keys after the first may now be removed from the list.")
            )
        )

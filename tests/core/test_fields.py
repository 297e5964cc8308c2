"""Passport numbers at rest: Fernet tokens in the column, plain text through the ORM."""

from io import StringIO
from types import SimpleNamespace

import pytest
from cryptography.fernet import Fernet
from django.apps import apps as django_apps
from django.core.management import call_command
from django.db import connection

from core.fields import UnreadableValue, reencrypt_stored_values
from events.models import Registration
from tests.factories.events import RegistrationFactory

pytestmark = pytest.mark.django_db

OLD_KEY = Fernet.generate_key().decode()
NEW_KEY = Fernet.generate_key().decode()


def stored(registration):
    """The column as the database holds it, bypassing the field."""
    table = connection.ops.quote_name(Registration._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT passport_number FROM {table} WHERE id = %s", [registration.pk])  # noqa: S608
        return cursor.fetchone()[0]


def test_passport_number_is_stored_encrypted_and_read_plain():
    registration = RegistrationFactory(passport_number="M12345678")
    raw = stored(registration)
    assert raw.startswith("gAAAAA")
    assert "M12345678" not in raw
    assert Registration.objects.get(pk=registration.pk).passport_number == "M12345678"
    assert list(Registration.objects.values_list("passport_number", flat=True)) == ["M12345678"]


def test_empty_passport_number_is_stored_as_null_and_read_as_empty():
    registration = RegistrationFactory(passport_number="")
    assert stored(registration) is None
    assert Registration.objects.get(pk=registration.pk).passport_number == ""


def test_value_written_under_an_old_key_is_read_after_a_new_key_comes_first(settings):
    settings.KIA_FIELD_ENCRYPTION_KEYS = [OLD_KEY]
    registration = RegistrationFactory(passport_number="K7654321")
    settings.KIA_FIELD_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]
    assert Registration.objects.get(pk=registration.pk).passport_number == "K7654321"


def test_value_no_key_opens_is_refused_not_shown_as_ciphertext(settings):
    settings.KIA_FIELD_ENCRYPTION_KEYS = [OLD_KEY]
    registration = RegistrationFactory(passport_number="K7654321")
    settings.KIA_FIELD_ENCRYPTION_KEYS = [NEW_KEY]
    with pytest.raises(UnreadableValue):
        Registration.objects.get(pk=registration.pk)


def test_rotation_rewrites_every_value_under_the_first_key(settings):
    settings.KIA_FIELD_ENCRYPTION_KEYS = [OLD_KEY]
    first = RegistrationFactory(passport_number="K7654321")
    second = RegistrationFactory(passport_number="")
    settings.KIA_FIELD_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]
    call_command("rotate_encryption_key", stdout=StringIO())
    # Only the new key is needed from now on.
    settings.KIA_FIELD_ENCRYPTION_KEYS = [NEW_KEY]
    assert Registration.objects.get(pk=first.pk).passport_number == "K7654321"
    assert Fernet(NEW_KEY).decrypt(stored(first).encode()) == b"K7654321"
    assert stored(second) is None


def test_rotation_without_the_old_key_changes_nothing(settings):
    settings.KIA_FIELD_ENCRYPTION_KEYS = [OLD_KEY]
    first = RegistrationFactory(passport_number="K7654321")
    before = stored(first)
    settings.KIA_FIELD_ENCRYPTION_KEYS = [NEW_KEY]
    with pytest.raises(UnreadableValue):
        reencrypt_stored_values()
    assert stored(first) == before


def test_rotate_command_prints_a_new_key_on_request(capsys):
    call_command("rotate_encryption_key", "--new-key")
    key = capsys.readouterr().out.strip()
    assert Fernet(key).decrypt(Fernet(key).encrypt(b"x")) == b"x"


def test_migration_encrypts_numbers_stored_in_plain_text():
    registration = RegistrationFactory(passport_number="")
    table = connection.ops.quote_name(Registration._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET passport_number = %s WHERE id = %s",  # noqa: S608
            ["A1234567", registration.pk],
        )
    migration = __import__("events.migrations.0011_registration_passport_encrypted", fromlist=["x"])
    # The data step only reads the editor's connection.
    migration.encrypt_passport_numbers(django_apps, SimpleNamespace(connection=connection))
    assert stored(registration).startswith("gAAAAA")
    assert Registration.objects.get(pk=registration.pk).passport_number == "A1234567"

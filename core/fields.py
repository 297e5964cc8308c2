"""Model fields encrypted at rest (django-fernet-encrypted-fields) with keys from the settings.

The library encrypts on the way into the database and decrypts on the way out; it derives its
key from SECRET_KEY and a salt. Here the keys are Fernet keys of their own
(`KIA_FIELD_ENCRYPTION_KEYS`, newest first, read from the environment), so rotating the
SECRET_KEY (sessions, signed links) never touches stored passport numbers, and a key is rotated
with MultiFernet: the first key encrypts, every key decrypts, `rotate_encryption_key` rewrites
what older keys wrote. Two of the library's habits are replaced (docs/decisions.md):
- a value no key opens is refused loudly instead of being shown as ciphertext;
- cleaning does not flag the shared field object (a race between threads), because only a
  value that looks like a Fernet token is ever decrypted.
"""

from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from encrypted_fields.fields import EncryptedCharField as LibraryEncryptedCharField

# Every Fernet token starts with the version byte 0x80 and a 64-bit timestamp whose top bytes
# are zero for centuries to come: "gAAAAA" in URL-safe base64. Plain values stored before
# encryption (upper-case letters and digits) never start like this.
TOKEN_PREFIX = "gAAAAA"  # noqa: S105 (a format marker, not a secret)


class UnreadableValue(ImproperlyConfigured):
    """A stored token that none of the configured keys opens (a key is missing)."""


@lru_cache(maxsize=8)
def _multi_fernet(keys):
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except (ValueError, TypeError) as error:
        raise ImproperlyConfigured(
            "KIA_FIELD_ENCRYPTION_KEYS holds a value that is not a Fernet key "
            "(32 url-safe base64-encoded bytes; make one with "
            "`python manage.py rotate_encryption_key --new-key`)."
        ) from error


def field_keys():
    """The configured Fernet keys, newest (the one that encrypts) first."""
    keys = tuple(key for key in settings.KIA_FIELD_ENCRYPTION_KEYS if key)
    if not keys:
        raise ImproperlyConfigured("KIA_FIELD_ENCRYPTION_KEYS must name at least one key.")
    return keys


def field_fernet():
    """The MultiFernet of the configured keys (cached per list of keys)."""
    return _multi_fernet(field_keys())


def is_token(value):
    return isinstance(value, str) and value.startswith(TOKEN_PREFIX)


def decrypt(value):
    """The plain text of a stored token; refuses a token no configured key opens."""
    try:
        return field_fernet().decrypt(value.encode()).decode()
    except InvalidToken as error:
        raise UnreadableValue(
            "An encrypted value cannot be read with KIA_FIELD_ENCRYPTION_KEYS: "
            "the key that wrote it is missing from the list."
        ) from error


class EncryptedCharField(LibraryEncryptedCharField):
    """A CharField stored as a Fernet token; an empty value is stored as NULL, read as ""."""

    def __init__(self, *args, **kwargs):
        # The library stores "" as NULL; the column must allow it.
        kwargs["null"] = True
        super().__init__(*args, **kwargs)

    @property
    def keys(self):
        return list(field_keys())

    @property
    def f(self):
        return field_fernet()

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("null", None)
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None:
            return ""
        if is_token(value):
            return decrypt(value)
        return models.CharField.to_python(self, value)

    def clean(self, value, model_instance):
        return models.CharField.clean(self, value, model_instance)


def encrypted_fields():
    """(model, field name) of every EncryptedCharField of the installed apps."""
    return [
        (model, field.name)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, EncryptedCharField)
    ]


def reencrypt_stored_values(*, using="default"):
    """Rewrite every stored encrypted value under the newest key; {label: rows rewritten}.

    Reading opens a value with whichever configured key wrote it (or takes a plain value as
    it is); writing encrypts it with the first key. A token no key opens stops everything
    (UnreadableValue) before anything is written, since the caller's transaction rolls back.
    """
    counts = {}
    for model, name in encrypted_fields():
        manager = model._base_manager.using(using)
        rows = manager.filter(**{f"{name}__isnull": False}).values_list("pk", name)
        count = 0
        for pk, value in rows.iterator():
            manager.filter(pk=pk).update(**{name: value})
            count += 1
        counts[f"{model._meta.label}.{name}"] = count
    return counts

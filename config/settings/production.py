"""Production: everything secret or host-specific comes from the environment."""

from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DEV_FIELD_ENCRYPTION_KEY, env

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set to a random string of at least 50 characters."
    )
KIA_FIELD_ENCRYPTION_KEYS = env.list("KIA_FIELD_ENCRYPTION_KEYS", default=[])
if not KIA_FIELD_ENCRYPTION_KEYS or DEV_FIELD_ENCRYPTION_KEY in KIA_FIELD_ENCRYPTION_KEYS:
    raise ImproperlyConfigured(
        "KIA_FIELD_ENCRYPTION_KEYS must be set to the production Fernet key(s), newest first "
        "(make one with `python manage.py rotate_encryption_key --new-key`); the development "
        "key is refused."
    )
try:
    for _key in KIA_FIELD_ENCRYPTION_KEYS:
        Fernet(_key)
except ValueError as _error:
    raise ImproperlyConfigured(
        "KIA_FIELD_ENCRYPTION_KEYS holds a value that is not a Fernet key."
    ) from _error
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
# Opt-in: both bind every subdomain of the city's domain to HTTPS (preload for good, through
# the browsers' list), which is the domain owner's decision, not this application's.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=False)
# The deploy check recommends both; left off on purpose, its warnings are silenced, and only
# then (docs/decisions.md).
SILENCED_SYSTEM_CHECKS = [
    *([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"]),
    *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Mail and print packs leave the request: `python manage.py db_worker` runs them.
TASKS = {
    "default": {"BACKEND": env("KIA_TASKS_BACKEND", default="django_tasks_db.DatabaseBackend")}
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}

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
# Only `make prod` on loopback, which has no TLS, turns these off.
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# Mail and print packs leave the request: `python manage.py db_worker` runs them.
TASKS = {
    "default": {"BACKEND": env("KIA_TASKS_BACKEND", default="django_tasks_db.DatabaseBackend")}
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names and gzip/brotli copies, written by `collectstatic`, served by whitenoise.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Production logs are JSON objects, one per line, unless KIA_LOG_FORMAT=text.
LOGGING["handlers"]["console"]["formatter"] = env("KIA_LOG_FORMAT", default="json")  # noqa: F405

# Error reports go to Sentry only when SENTRY_DSN is set; without it nothing leaves the server.
if env("SENTRY_DSN", default=""):
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    from core.observability import tag_sentry_event

    sentry_sdk.init(
        dsn=env("SENTRY_DSN"),
        environment=env("SENTRY_ENVIRONMENT", default="production"),
        integrations=[DjangoIntegration()],
        # Guests' names, e-mails and passports must not leave the city's servers.
        send_default_pii=False,
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
        before_send=tag_sentry_event,
    )

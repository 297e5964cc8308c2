"""Test settings: fast hashing, in-memory cache and mail, tasks run inline."""

from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
KIA_PUBLIC_BASE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = "http://testserver"

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not :memory:, so threaded concurrency tests see real SQLite locking.
    # KIA_TEST_DB lets several checkouts or workers run suites side by side.
    _test_db = Path(env("KIA_TEST_DB", default=str(BASE_DIR / "var" / "test-db.sqlite3")))  # noqa: F405
    # var/ is not in git; a fresh clone has to make it before SQLite can create the file.
    _test_db.parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["TEST"] = {"NAME": str(_test_db)}  # noqa: F405

# Tests make many requests from one address in a minute; the throttle test sets its own rate.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute", "user": "100000/minute"},
}
# Test transactions never commit, so no content version is bumped: by default every hit
# re-reads its token (the safety net alone). tests/cms/test_cache_version.py turns the window
# on and runs the on-commit bumps.
KIA_PAGE_CACHE_RECHECK_SECONDS = 0

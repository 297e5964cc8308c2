"""Settings gunicorn serves the site benchmark with: production's, on the benchmark database.

Only what a measurement needs differs: the database name, a trivial view beside the site's
URLs, where collectstatic puts the manifest, and whether the page cache holds anything.
"""

import os

from config.settings.production import *  # noqa: F403

DATABASES["default"]["NAME"] = os.environ["KIA_BENCH_DB_NAME"]  # noqa: F405
ROOT_URLCONF = "benchmarks._site_urls"
STATIC_ROOT = os.environ["KIA_BENCH_STATIC_ROOT"]
# "off" never keeps an entry, so every request renders its page.
CACHES = {
    **CACHES,  # noqa: F405
    "off": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}
KIA_PAGE_CACHE_ALIAS = os.environ.get("KIA_BENCH_PAGE_CACHE", "default")

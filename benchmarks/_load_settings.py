"""Settings for the load benchmark: the site benchmark's (production) on Redis.

Every request comes from 127.0.0.1, which the public-form rate limit would otherwise stop
after a few registrations.
"""

import os

from benchmarks._site_settings import *  # noqa: F403

CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
        "OPTIONS": {"IGNORE_EXCEPTIONS": True},
    }
}
KIA_PAGE_CACHE_ALIAS = "default"
KIA_PUBLIC_FORM_RATE_LIMIT = {"submitted": (10**9, 3600), "failed": (10**9, 3600)}

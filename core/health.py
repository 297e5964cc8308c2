"""/healthz: may a load balancer send this app server traffic?

Only the database decides the status code. Without it no page can be answered, so the server
reports 503 and the balancer moves on. A cache that is down or a queue that has fallen behind
are reported in the body as "degraded" with 200: the pages still answer (from the database), and
taking every app server out of rotation because Redis or the worker is down would turn a slower
site into no site.
"""

import datetime

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

_CACHE_PROBE_KEY = "kia:healthz"


def _database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return "unavailable"
    return "ok"


def _cache():
    cache = caches[settings.KIA_PAGE_CACHE_ALIAS]
    try:
        cache.set(_CACHE_PROBE_KEY, 1, 10)
        answered = cache.get(_CACHE_PROBE_KEY)
    except Exception:  # noqa: BLE001 - any client error means the cache is not usable
        return "unavailable"
    return "ok" if answered == 1 else "unavailable"


def _queue():
    """Tasks waiting over settings.KIA_HEALTHZ_QUEUE_MAX_AGE: the worker is behind or gone."""
    backend = settings.TASKS["default"]["BACKEND"]
    if not backend.startswith("django_tasks_db."):
        return {"status": "not used"}
    from django_tasks_db.models import DBTaskResult

    stale_before = timezone.now() - datetime.timedelta(seconds=settings.KIA_HEALTHZ_QUEUE_MAX_AGE)
    try:
        ready = DBTaskResult.objects.ready()
        waiting = ready.count()
        stale = ready.filter(enqueued_at__lt=stale_before).count()
    except DatabaseError:
        return {"status": "unavailable"}
    return {"status": "degraded" if stale else "ok", "waiting": waiting, "stale": stale}


@never_cache
def healthz(request):
    checks = {"database": _database(), "cache": _cache()}
    if checks["database"] == "ok":
        checks["queue"] = _queue()
    if checks["database"] != "ok":
        status = "unavailable"
    elif checks["cache"] != "ok" or checks.get("queue", {}).get("status") in (
        "degraded",
        "unavailable",
    ):
        status = "degraded"
    else:
        status = "ok"
    return JsonResponse(
        {"status": status, "checks": checks}, status=503 if status == "unavailable" else 200
    )

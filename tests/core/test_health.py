import datetime
from unittest import mock

import pytest
from django.db import DatabaseError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db


def test_healthy_server_answers_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["cache"] == "ok"
    assert "no-cache" in response["Cache-Control"]


def test_database_down_takes_the_server_out_of_rotation(client):
    with mock.patch("core.health.connection.cursor", side_effect=DatabaseError("gone")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "unavailable"


def test_cache_down_is_degraded_but_pages_still_serve(client, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "broken": {
            "BACKEND": "django_redis.cache.RedisCache",
            # Nothing listens on port 1.
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.2,
                "SOCKET_TIMEOUT": 0.2,
            },
        },
    }
    settings.KIA_PAGE_CACHE_ALIAS = "broken"
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "checks": {"database": "ok", "cache": "unavailable", "queue": {"status": "not used"}},
    }
    assert client.get("/robots.txt").status_code == 200


def _queue_task(enqueued_at):
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="events.tasks.send_invitation",
        backend_name="default",
        run_after=timezone.now() - datetime.timedelta(days=1),
    )
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=enqueued_at)


def test_queue_backlog_is_reported(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.KIA_HEALTHZ_QUEUE_MAX_AGE = 300
    _queue_task(timezone.now())
    assert client.get("/healthz").json()["checks"]["queue"] == {
        "status": "ok",
        "waiting": 1,
        "stale": 0,
    }

    _queue_task(timezone.now() - datetime.timedelta(minutes=10))
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["queue"] == {"status": "degraded", "waiting": 2, "stale": 1}

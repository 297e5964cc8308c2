"""Two gunicorn instances on one PostgreSQL and one Redis: nothing kept in a process goes stale.

The servers run the production settings (static files from the plain storage, so no
collectstatic is needed) against the test database, with a long page-cache re-check window so
only the shared content version can make an edit show at once. Redis database 14 is this test's.
"""

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from cryptography.fernet import Fernet
from django.db import connection

from tests.factories.cms import build_site, event_page
from tests.factories.events import EventFactory, taipei

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/14"
PORTS = (8181, 8182)


def _redis_up():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="servers share PostgreSQL"),
    pytest.mark.skipif(not _redis_up(), reason="servers share Redis at 127.0.0.1:6379"),
]

SETTINGS = """
from config.settings.production import *  # noqa: F403
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
"""


def _database_url():
    db = connection.settings_dict
    return (
        f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


@pytest.fixture
def servers(tmp_path):
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    (tmp_path / "two_servers_settings.py").write_text(SETTINGS)
    env = {
        **os.environ,
        "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}",
        "DJANGO_SETTINGS_MODULE": "two_servers_settings",
        "DJANGO_SECRET_KEY": "two-servers-test-" + "x" * 50,
        "KIA_FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "DATABASE_URL": _database_url(),
        "REDIS_URL": REDIS_URL,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_CSRF_TRUSTED_ORIGINS": ",".join(f"http://127.0.0.1:{p}" for p in PORTS),
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SECURE_COOKIES": "false",
        "DJANGO_SECURE_HSTS_SECONDS": "0",
        "KIA_PAGE_CACHE_RECHECK_SECONDS": "600",
        "KIA_LOG_FORMAT": "text",
    }
    processes = [
        subprocess.Popen(  # noqa: S603 - our own interpreter and fixed arguments
            [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}"]
            + ["--workers", "2", "--graceful-timeout", "3", "--access-logfile", "/dev/null"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=(tmp_path / f"gunicorn-{port}.log").open("w"),
        )
        for port in PORTS
    ]
    try:
        for port in PORTS:
            _wait_for(f"http://127.0.0.1:{port}/healthz")
        yield [f"http://127.0.0.1:{port}" for port in PORTS]
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=20)


def _wait_for(url):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            # The first answer waits for a worker to import Django.
            if requests.get(url, timeout=20).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    pytest.fail(f"{url} did not come up")


def _cached(url):
    """Fill the cache and prove the next request is a hit."""
    assert requests.get(url, timeout=10).status_code == 200
    response = requests.get(url, timeout=10)
    assert response.headers.get("X-Page-Cache") == "hit"
    return response.text


def _csrf(session, url):
    page = session.get(url, timeout=10)
    assert page.status_code == 200, url
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


@pytest.fixture
def site(django_user_model, settings):
    # This process writes too, so it shares the servers' cache (and its content version).
    settings.CACHES = {
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL}
    }
    # The servers check passwords with production's hashers, not the tests' fast one.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    tree = build_site()
    event = EventFactory(
        title="2019高雄國際午宴",
        title_en="2019 Kaohsiung International Luncheon",
        is_public=True,
        starts_at=taipei(2019, 2, 16, 11),
        ends_at=taipei(2019, 2, 16, 14),
    )
    pages = event_page(tree, event, slug="luncheon")
    django_user_model.objects.create_superuser("officer", "officer@example.org", "pw-officer-1")
    return event, pages


def test_a_record_edited_elsewhere_shows_on_both_servers_at_once(servers, site):
    event, pages = site
    path = pages["en"].url
    for base in servers:
        assert "2019 Kaohsiung International Luncheon" in _cached(base + path)
    event.title_en = "Kaohsiung International Luncheon, moved indoors"
    event.save()
    for base in servers:
        response = requests.get(base + path, timeout=10)
        assert "X-Page-Cache" not in response.headers
        assert "Kaohsiung International Luncheon, moved indoors" in response.text


def test_a_page_unpublished_through_one_server_is_gone_from_the_other(servers, site):
    first, second = servers
    _event, pages = site
    page = pages["en"]
    _cached(second + page.url)
    staff = requests.Session()
    # Signed in on one server, the session (in the database) works on the other too.
    token = _csrf(staff, f"{second}/admin/login/")
    signed_in = staff.post(
        f"{second}/admin/login/",
        data={"username": "officer", "password": "pw-officer-1", "csrfmiddlewaretoken": token},
        timeout=10,
        headers={"Referer": f"{second}/admin/login/"},
    )
    assert "/admin/login/" not in signed_in.url
    unpublish = f"{first}/admin/pages/{page.pk}/unpublish/"
    answer = staff.post(
        unpublish, data={"csrfmiddlewaretoken": _csrf(staff, unpublish)}, timeout=10
    )
    assert answer.status_code == 200
    page.refresh_from_db()
    assert not page.live, answer.url
    assert requests.get(second + page.url, timeout=10).status_code == 404

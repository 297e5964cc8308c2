"""Production settings serve static files themselves, from what `collectstatic` wrote."""

import os
import subprocess
import sys
from pathlib import Path

from tests.test_settings import PRODUCTION_KEY, PRODUCTION_SECRET

ROOT = Path(__file__).resolve().parents[2]

# Runs under the production settings in a child process: they read the environment at import.
PROBE = """
import django
django.setup()
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import Client
client = Client(HTTP_HOST="intl.example.gov.tw", HTTP_X_FORWARDED_PROTO="https")
url = staticfiles_storage.url("cms/site.css")
print(url)
hashed = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
print(hashed.status_code, hashed.headers.get("Content-Encoding"), hashed.headers["Cache-Control"])
print(client.get("/static/cms/site.css").status_code)
"""


def _production(*args, static_root):
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "KIA_"))}
    environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY=PRODUCTION_SECRET,
        DJANGO_ALLOWED_HOSTS="intl.example.gov.tw",
        KIA_FIELD_ENCRYPTION_KEYS=PRODUCTION_KEY,
        DJANGO_STATIC_ROOT=str(static_root),
    )
    result = subprocess.run(  # noqa: S603 - our own scripts with fixed arguments
        [sys.executable, *args], cwd=ROOT, env=environ, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_collected_static_files_are_served_hashed_compressed_and_cached_forever(tmp_path):
    _production("manage.py", "collectstatic", "--noinput", "-v0", static_root=tmp_path)
    assert list(tmp_path.glob("cms/site.*.css.gz"))

    url, hashed, unhashed = _production("-c", PROBE, static_root=tmp_path).splitlines()
    assert url.startswith("/static/cms/site.") and url != "/static/cms/site.css"
    status, encoding, cache_control = hashed.split(" ", 2)
    assert (status, encoding) == ("200", "gzip")
    assert "immutable" in cache_control
    # The unhashed name still answers, for anything that links to it by hand.
    assert unhashed == "200"

import os
import subprocess
import sys
from pathlib import Path

from config.settings.base import DEV_FIELD_ENCRYPTION_KEY

ROOT = Path(__file__).resolve().parent.parent


def _manage(*args, **env):
    environ = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environ.update(DJANGO_SETTINGS_MODULE="config.settings.production", **env)
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION_KEY = "TPpXbbaNaKfu9zC_umtH6otTbIv5F0FntnMThVjYZd0="
PRODUCTION_SECRET = "x" * 20 + "-production-secret-for-the-deploy-check-0123456789"


def test_production_settings_refuse_to_start_without_secret():
    result = _manage("check", DJANGO_ALLOWED_HOSTS="intl.example.gov.tw")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_settings_pass_deploy_check_with_zero_warnings():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY=PRODUCTION_SECRET,
        DJANGO_ALLOWED_HOSTS="intl.example.gov.tw",
        KIA_FIELD_ENCRYPTION_KEYS=PRODUCTION_KEY,
    )
    assert result.returncode == 0, result.stderr
    # HSTS for subdomains and preloading are opt-in: only their two warnings are silenced.
    assert "System check identified no issues (2 silenced)." in result.stdout


def test_deploy_check_with_hsts_for_subdomains_and_preload_opted_in():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY=PRODUCTION_SECRET,
        DJANGO_ALLOWED_HOSTS="intl.example.gov.tw",
        KIA_FIELD_ENCRYPTION_KEYS=PRODUCTION_KEY,
        DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS="true",
        DJANGO_SECURE_HSTS_PRELOAD="true",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_settings_refuse_to_start_without_an_encryption_key():
    result = _manage(
        "check", DJANGO_SECRET_KEY=PRODUCTION_SECRET, DJANGO_ALLOWED_HOSTS="intl.example.gov.tw"
    )
    assert result.returncode != 0
    assert "KIA_FIELD_ENCRYPTION_KEYS must be set" in result.stderr


def test_production_settings_refuse_the_development_encryption_key():
    result = _manage(
        "check",
        DJANGO_SECRET_KEY=PRODUCTION_SECRET,
        DJANGO_ALLOWED_HOSTS="intl.example.gov.tw",
        KIA_FIELD_ENCRYPTION_KEYS=f"{PRODUCTION_KEY},{DEV_FIELD_ENCRYPTION_KEY}",
    )
    assert result.returncode != 0
    assert "the development key is refused" in result.stderr


def test_production_settings_refuse_a_value_that_is_not_a_fernet_key():
    result = _manage(
        "check",
        DJANGO_SECRET_KEY=PRODUCTION_SECRET,
        DJANGO_ALLOWED_HOSTS="intl.example.gov.tw",
        KIA_FIELD_ENCRYPTION_KEYS="not-a-key",
    )
    assert result.returncode != 0
    assert "not a Fernet key" in result.stderr

"""Real `manage.py db_worker` processes on the test database, for the worker fault tests.

The worker runs the test settings with the database queue, files on disk (MEDIA_ROOT in the
test's tmp_path) and mail over SMTP to 127.0.0.1, so what it does is seen by the test through
the database, the files and an SMTP server, as in production.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

SETTINGS = """
from config.settings.test import *  # noqa: F403
TASKS = {{"default": {{"BACKEND": "django_tasks_db.DatabaseBackend"}}}}
STORAGES = {{**STORAGES, "default": {{"BACKEND": "django.core.files.storage.FileSystemStorage"}}}}
MEDIA_ROOT = {media!r}
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = {smtp_port}
EMAIL_TIMEOUT = 5
KIA_MAIL_RETRY_SECONDS = 0.2
KIA_MAIL_RETRY_MAX_SECONDS = 0.5
"""


def database_url():
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return (
        f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


class Workers:
    """Starts worker processes that share the test's database, media folder and SMTP port."""

    def __init__(self, tmp_path, *, smtp_port=1):
        self.tmp_path = tmp_path
        self.media = tmp_path / "media"
        self.media.mkdir()
        (tmp_path / "worker_settings.py").write_text(
            SETTINGS.format(media=str(self.media), smtp_port=smtp_port)
        )
        self.env = {
            **os.environ,
            "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}",
            "DJANGO_SETTINGS_MODULE": "worker_settings",
            "DATABASE_URL": database_url(),
            "DJANGO_CONN_MAX_AGE": "0",
        }
        self.processes = []

    def start(self, *arguments, script=None, **env):
        command = [sys.executable, str(script)] if script else [sys.executable, "manage.py"]
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and fixed arguments
            [*command, "db_worker", "--no-startup-delay", "--interval", "0.1", *arguments],
            cwd=ROOT,
            env={**self.env, **env},
            stdout=(self.tmp_path / f"worker-{len(self.processes)}.log").open("w"),
            stderr=subprocess.STDOUT,
        )
        self.processes.append(process)
        return process

    def run_batch(self):
        """A worker that runs every task due and exits (as a restarted worker would)."""
        process = self.start("--batch")
        assert process.wait(timeout=120) == 0, self.log(len(self.processes) - 1)

    def log(self, index):
        return (self.tmp_path / f"worker-{index}.log").read_text()

    def stop(self):
        for process in self.processes:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=30)


def wait_until(condition, what, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    pytest.fail(f"gave up waiting: {what}")

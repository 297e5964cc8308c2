"""core.tasks and core.worker: retries of an unreachable mail server, tasks of dead workers."""

import os
import socket
import subprocess
import sys

import pytest
from django.core.management import call_command
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core.models import TaskCompletion
from core.tasks import retry_delay
from core.worker import host_name, new_worker_id, worker_alive
from events.tasks import send_registration_mail
from tests.factories.events import RegistrationFactory

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_down(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", _closed_port()
    settings.EMAIL_TIMEOUT = 2


def test_retry_delay_doubles_up_to_its_cap(settings):
    settings.KIA_MAIL_RETRY_SECONDS, settings.KIA_MAIL_RETRY_MAX_SECONDS = 30, 3600

    assert [retry_delay(n) for n in range(1, 10)] == [
        30, 60, 120, 240, 480, 960, 1920, 3600, 3600
    ]  # fmt: skip


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_unreachable_mail_server_is_tried_again_until_the_attempts_run_out(settings, smtp_down):
    settings.TASKS = DATABASE_QUEUE
    settings.KIA_MAIL_RETRY_SECONDS, settings.KIA_MAIL_RETRY_ATTEMPTS = 0, 3
    registration = RegistrationFactory()
    send_registration_mail.enqueue(registration.pk, "received")

    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)

    mail = DBTaskResult.objects.filter(task_path="events.tasks.send_registration_mail")
    attempts = list(mail.order_by("enqueued_at"))
    assert [(t.args_kwargs["kwargs"].get("attempt", 1), t.status) for t in attempts] == [
        (1, TaskResultStatus.SUCCESSFUL),
        (2, TaskResultStatus.SUCCESSFUL),
        (3, TaskResultStatus.FAILED),
    ]
    assert attempts[-1].exception_class_path == "builtins.ConnectionRefusedError"
    assert not TaskCompletion.objects.exists()


@pytest.mark.django_db
def test_inline_tasks_report_an_unreachable_mail_server_at_once(smtp_down):
    registration = RegistrationFactory()

    result = send_registration_mail.enqueue(registration.pk, "received")

    assert result.status == TaskResultStatus.FAILED
    assert result.errors[0].exception_class_path == "builtins.ConnectionRefusedError"


def test_worker_ids_name_the_host_and_process():
    host, pid, _random = new_worker_id().rsplit(":", 2)

    assert (host, int(pid)) == (host_name(), os.getpid())


def test_a_dead_or_foreign_process_is_no_live_worker():
    finished = subprocess.run([sys.executable, "-c", "pass"], check=True)  # noqa: S603
    del finished
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])  # noqa: S603
    try:
        # Alive, but not a db_worker: a reused process id.
        assert worker_alive(child.pid) is False
    finally:
        child.kill()
        child.wait()
    assert worker_alive(child.pid) is False

"""The mail server down: a registration is saved, and its mail is sent once when the server
returns (issue 18).

A real `manage.py db_worker` sends over SMTP to 127.0.0.1, where at first nothing listens; the
test then starts an SMTP server in process (aiosmtpd) on that port.
"""

import datetime
import socket
from email import message_from_bytes
from email.header import decode_header, make_header

import pytest
from aiosmtpd.controller import Controller
from django.test import override_settings
from django.utils import timezone, translation
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core.models import TaskCompletion
from events.models import Registration
from events.services.registrations import submit_registration
from tests.deploy.workers import DATABASE_QUEUE, Workers, wait_until
from tests.factories.events import EventFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


class Sink:
    """Keeps every message the SMTP server accepts."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append(envelope)
        return "250 Message accepted for delivery"


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _mail_tasks():
    return DBTaskResult.objects.filter(task_path__endswith="send_registration_mail").order_by(
        "enqueued_at"
    )


def _apply():
    now = timezone.now()
    event = EventFactory(
        takes_registrations=True,
        registration_opens_at=now - datetime.timedelta(days=1),
        registration_closes_at=now + datetime.timedelta(days=1),
        starts_at=now + datetime.timedelta(days=10),
        ends_at=now + datetime.timedelta(days=10, hours=2),
    )
    data = {"family_name": "Nakamura", "given_name": "Aoi", "email": "aoi@example.jp"}
    with override_settings(TASKS=DATABASE_QUEUE):
        return submit_registration(event, data=data, language="ja")


def test_registration_mail_is_retried_and_sent_once_when_the_server_returns(tmp_path):
    port = _free_port()
    workers = Workers(tmp_path, smtp_port=port)
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    try:
        registration = _apply()
        assert Registration.objects.filter(pk=registration.pk).exists()
        workers.start()
        # The first attempts find no server: each queues the next, with a growing delay.
        wait_until(lambda: _mail_tasks().count() >= 3, "two refused attempts")
        assert TaskCompletion.objects.count() == 0

        controller.start()
        wait_until(lambda: sink.messages, "the mail to arrive")
        wait_until(
            lambda: not _mail_tasks().exclude(status=TaskResultStatus.SUCCESSFUL).exists(),
            "every attempt to finish",
        )
        workers.stop()
        workers.run_batch()  # a restarted worker finds nothing left to send

        assert len(sink.messages) == 1
        envelope = sink.messages[0]
        assert envelope.rcpt_tos == ["aoi@example.jp"]
        message = message_from_bytes(envelope.content)
        assert message["Content-Language"] == "ja"
        with translation.override("ja"):
            title = str(registration.event.title)
        assert title in str(make_header(decode_header(message["Subject"])))
        attempts = list(_mail_tasks())
        assert [t.args_kwargs["kwargs"].get("attempt", 1) for t in attempts] == list(
            range(1, len(attempts) + 1)
        )
        assert [t.return_value for t in attempts] == [0] * (len(attempts) - 1) + [1]
        assert list(TaskCompletion.objects.values_list("task_id", "result")) == [
            (str(attempts[-1].pk), 1)
        ]
    finally:
        workers.stop()
        controller.stop(no_assert=True)

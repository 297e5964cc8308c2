"""Mail leaves the request in production: queued in the database, sent by `db_worker`."""

import socket

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from events.models import Invitation
from events.services.invitations import send_invitation
from events.tasks import send_invitation_mail
from tests.factories.crm import PersonFactory
from tests.factories.events import InvitationFactory

# The worker checks its connection between tasks, which closes one held inside a test's
# transaction: this test commits, and the rows migrations made are restored afterwards.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def queued(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_an_invitation_mail_waits_for_the_worker_and_is_sent_once(queued):
    invitation = InvitationFactory(person=PersonFactory(email="envoy@example.org"))

    send_invitation(invitation)

    # Wagtail queues tasks of its own (its reference index) beside ours.
    (queued_mail,) = DBTaskResult.objects.filter(task_path=send_invitation_mail.module_path)
    assert queued_mail.status == TaskResultStatus.READY
    assert mail.outbox == []

    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)

    assert [message.to for message in mail.outbox] == [["envoy@example.org"]]
    queued_mail.refresh_from_db()
    assert queued_mail.status == TaskResultStatus.SUCCESSFUL
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    assert len(mail.outbox) == 1


def test_an_invitation_mail_the_server_refused_keeps_the_previous_link(queued, settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port
    settings.KIA_MAIL_RETRY_SECONDS, settings.KIA_MAIL_RETRY_ATTEMPTS = 0, 2
    invitation = InvitationFactory(person=PersonFactory(email="envoy@example.org"))
    link_hash = Invitation.objects.get(pk=invitation.pk).token_hash

    send_invitation_mail.enqueue(invitation.pk, "reminder")
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)

    attempts = DBTaskResult.objects.filter(task_path=send_invitation_mail.module_path)
    assert sorted(attempts.values_list("status", flat=True)) == [
        TaskResultStatus.FAILED,
        TaskResultStatus.SUCCESSFUL,  # the first attempt, which queued the second
    ]
    assert Invitation.objects.get(pk=invitation.pk).token_hash == link_hash

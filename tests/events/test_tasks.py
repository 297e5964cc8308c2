"""Mail leaves the request in production: queued in the database, sent by `db_worker`."""

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

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

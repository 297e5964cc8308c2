"""Staff are told of replies: the dashboard, the replies page, the daily digest, and dietary
needs copied to a person's record only once an officer confirms."""

import pytest
from django.core import mail
from django.utils import translation
from wagtail.models import ModelLogEntry

from events.enums import ProposedChangeStatus
from events.models import DietaryChange, ReplyNotificationSettings
from events.services.invitations import respond_to_invitation
from events.services.replies import (
    confirm_dietary_change,
    ignore_dietary_change,
    send_reply_digests,
)
from tests.factories.crm import PersonFactory
from tests.factories.events import EventFactory, InvitationFactory, taipei

pytestmark = pytest.mark.django_db

BEFORE = taipei(2019, 2, 9, 12)
# Session, user, permissions, the two lists and the menu: the same at 10 and 100 replies.
QUERIES = 10


def _reply(invitation, needs="", now=BEFORE):
    return respond_to_invitation(invitation, accept=True, dietary_requirements=needs, now=now)


def test_a_new_dietary_need_in_a_reply_waits_for_an_officer_and_leaves_the_record_alone():
    person = PersonFactory(dietary_requirements="no pork")
    invitation = InvitationFactory(person=person)

    _reply(invitation, "vegetarian")

    person.refresh_from_db()
    assert person.dietary_requirements == "no pork"
    change = DietaryChange.objects.get()
    assert (change.on_record, change.proposed, change.status) == (
        "no pork",
        "vegetarian",
        ProposedChangeStatus.PENDING,
    )


def test_a_reply_repeating_the_record_or_empty_proposes_nothing():
    person = PersonFactory(dietary_requirements="halal")
    invitation = InvitationFactory(person=person)
    _reply(invitation, "kosher")

    _reply(invitation, "halal")

    assert not DietaryChange.objects.exists()


def test_a_second_reply_replaces_the_pending_proposal():
    invitation = InvitationFactory()
    _reply(invitation, "vegetarian")
    _reply(invitation, "vegan")

    assert list(DietaryChange.objects.values_list("proposed", flat=True)) == ["vegan"]


def test_confirming_copies_the_need_to_the_record_and_logs_it(officer):
    invitation = InvitationFactory(person=PersonFactory(dietary_requirements=""))
    _reply(invitation, "vegetarian")

    confirm_dietary_change(DietaryChange.objects.get(), user=officer)

    invitation.person.refresh_from_db()
    assert invitation.person.dietary_requirements == "vegetarian"
    entry = ModelLogEntry.objects.get(action="crm.edit", object_id=str(invitation.person.pk))
    assert entry.data == {"changes": {"dietary_requirements": ["", "vegetarian"]}}
    assert DietaryChange.objects.get().status == ProposedChangeStatus.CONFIRMED


def test_ignoring_leaves_the_record_and_a_decided_change_cannot_be_decided_again(officer):
    invitation = InvitationFactory(person=PersonFactory(dietary_requirements="none"))
    _reply(invitation, "vegetarian")
    change = DietaryChange.objects.get()

    ignore_dietary_change(change, user=officer)

    with translation.override("en"), pytest.raises(Exception, match="already"):
        confirm_dietary_change(change, user=officer)
    invitation.person.refresh_from_db()
    assert invitation.person.dietary_requirements == "none"


def test_the_replies_page_confirms_a_change(officer_client):
    invitation = InvitationFactory()
    _reply(invitation, "gluten-free")
    change = DietaryChange.objects.get()

    page = officer_client.get("/admin/replies/")
    assert page.status_code == 200
    assert "gluten-free" in page.content.decode()
    response = officer_client.post(f"/admin/replies/{change.pk}/confirm/")

    assert response.status_code == 302
    invitation.person.refresh_from_db()
    assert invitation.person.dietary_requirements == "gluten-free"


def test_a_viewer_cannot_confirm(viewer_client):
    invitation = InvitationFactory()
    _reply(invitation, "gluten-free")
    change = DietaryChange.objects.get()

    response = viewer_client.post(f"/admin/replies/{change.pk}/confirm/")

    assert response.status_code in (302, 403)
    assert DietaryChange.objects.get().status == ProposedChangeStatus.PENDING


@pytest.mark.parametrize("count", [10, 100])
def test_the_replies_page_reads_in_constant_queries(
    officer_client, count, django_assert_num_queries
):
    event = EventFactory()
    for _ in range(count):
        _reply(InvitationFactory(event=event), "vegetarian")
    officer_client.get("/admin/replies/")  # warm the session and permission caches

    with django_assert_num_queries(QUERIES):
        officer_client.get("/admin/replies/")


def test_the_dashboard_shows_the_latest_replies(officer_client):
    invitation = InvitationFactory(person=PersonFactory(family_name="Yamamoto"))
    respond_to_invitation(invitation, accept=True)

    body = officer_client.get("/admin/").content.decode()

    assert 'id="replies' in body and "/admin/replies/" in body
    assert "Yamamoto" in body


def test_the_account_page_switches_the_daily_digest_on(officer_client, officer):
    page = officer_client.get("/admin/account/")
    assert "reply_notifications-daily_digest" in page.content.decode()

    data = {"reply_notifications-daily_digest": "on"}
    # The account page saves every panel; its own fields are required where they are.
    data.update(
        {
            "name_email-first_name": "O",
            "name_email-last_name": "Fficer",
            "name_email-email": "officer@kcg.example",
            "locale-preferred_language": "en",
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-contrast": "system",
            "theme-density": "default",
            "theme-keyboard_shortcuts": "on",
        }
    )
    response = officer_client.post("/admin/account/", data)

    assert response.status_code == 302, response.context and [
        f.errors for f in response.context.get("panels_by_tab", {}) or []
    ]
    assert ReplyNotificationSettings.objects.get(user=officer).daily_digest is True


def test_the_daily_digest_mails_each_reply_once(django_user_model):
    officer = django_user_model.objects.create_user("o", email="o@kcg.example")
    ReplyNotificationSettings.objects.create(user=officer, daily_digest=True)
    silent = django_user_model.objects.create_user("s", email="s@kcg.example")
    ReplyNotificationSettings.objects.create(user=silent, daily_digest=False)
    first = InvitationFactory(person=PersonFactory(family_name="Yamamoto"))
    respond_to_invitation(first, accept=True, now=taipei(2030, 1, 1, 9))

    assert send_reply_digests(now=taipei(2030, 1, 1, 18)) == 1
    assert send_reply_digests(now=taipei(2030, 1, 1, 19)) == 0  # a repeated run
    second = InvitationFactory(person=PersonFactory(family_name="Kim"))
    respond_to_invitation(second, accept=False, now=taipei(2030, 1, 2, 9))
    assert send_reply_digests(now=taipei(2030, 1, 2, 18)) == 1

    assert [m.to for m in mail.outbox] == [["o@kcg.example"], ["o@kcg.example"]]
    assert "Yamamoto" in mail.outbox[0].body and "Kim" not in mail.outbox[0].body
    assert "Kim" in mail.outbox[1].body and "Yamamoto" not in mail.outbox[1].body
    assert f"http://testserver/admin/invitation/inspect/{second.pk}/" in mail.outbox[1].body


def test_the_digest_command_sends_and_queues(django_user_model, capsys):
    from django.core.management import call_command

    officer = django_user_model.objects.create_user("o", email="o@kcg.example")
    ReplyNotificationSettings.objects.create(user=officer, daily_digest=True)
    respond_to_invitation(InvitationFactory(), accept=True)

    with translation.override("en"):
        call_command("send_reply_digests")
        call_command("send_reply_digests", "--queue")

    assert "Reply digests sent: 1" in capsys.readouterr().out
    assert len(mail.outbox) == 1

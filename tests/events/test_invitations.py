import datetime
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import translation

from events.enums import EventStatus, InvitationStatus
from events.models import Invitation
from events.selectors.invitations import get_invitation_for_token
from events.services.invitations import (
    build_invitation_message,
    invite_person,
    respond_to_invitation,
    send_invitation,
    send_reminders,
)
from tests.factories.crm import PersonFactory
from tests.factories.events import EventFactory, InvitationFactory, taipei

pytestmark = pytest.mark.django_db

DEADLINE = taipei(2019, 2, 10, 18)
BEFORE = taipei(2019, 2, 9, 12)
AFTER = taipei(2019, 2, 11, 9)


def _respond(invitation, *, accept=True, companions=0, now=BEFORE, **fields):
    return respond_to_invitation(
        invitation, accept=accept, companions=companions, now=now, **fields
    )


def test_invite_person_creates_a_pending_invitation_with_a_long_token():
    event = EventFactory()
    person = PersonFactory()

    invitation = invite_person(event, person, respond_by=DEADLINE, max_companions=2)

    assert invitation.status == InvitationStatus.PENDING
    assert (invitation.respond_by, invitation.max_companions) == (DEADLINE, 2)
    # 32 random bytes, URL-safe base64: 43 characters, 256 bits.
    assert len(invitation.token) == 43


def test_invite_person_twice_is_refused():
    event = EventFactory()
    person = PersonFactory()
    invite_person(event, person)

    # Constraint messages are rendered as they are raised: raise them in English.
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        invite_person(event, person)

    assert caught.value.messages == ["This person is already invited to the event."]
    assert Invitation.objects.count() == 1


def test_get_invitation_for_token_finds_the_invitation():
    invitation = InvitationFactory()

    assert get_invitation_for_token(invitation.token) == invitation


@pytest.mark.parametrize("token", ["", "nope", "x" * 65, None])
def test_get_invitation_for_token_refuses_unknown_tokens(token):
    InvitationFactory()

    with pytest.raises(Invitation.DoesNotExist):
        get_invitation_for_token(token)


def test_get_invitation_for_token_refuses_a_prefix_of_a_real_token():
    invitation = InvitationFactory()

    with pytest.raises(Invitation.DoesNotExist):
        get_invitation_for_token(invitation.token[:-1])


def test_send_invitation_mails_the_rsvp_link_in_the_guests_language(
    django_capture_on_commit_callbacks,
):
    person = PersonFactory(preferred_languages=["ko", "en"], email="guest@suwon.example")
    event = EventFactory(title="國際午宴", title_ko="국제 오찬", title_en="International luncheon")
    invitation = invite_person(event, person, respond_by=DEADLINE)

    with django_capture_on_commit_callbacks(execute=True):
        send_invitation(invitation)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["guest@suwon.example"]
    assert "국제 오찬" in message.subject
    # The mail carries a link made as it was sent; the one shown at creation stops working.
    (token,) = re.findall(r"http://testserver/ko/rsvp/([\w-]{43})/", message.body)
    assert get_invitation_for_token(token) == invitation
    with pytest.raises(Invitation.DoesNotExist):
        get_invitation_for_token(invitation.token)
    assert message.extra_headers["Content-Language"] == "ko"
    invitation.refresh_from_db()
    assert invitation.sent_at is not None


def test_send_invitation_falls_back_to_the_office_language():
    person = PersonFactory(preferred_languages=["de"])
    invitation = InvitationFactory(person=person)

    message = build_invitation_message(invitation)

    assert f"/zh-hant/rsvp/{invitation.token}/" in message.body


def test_build_invitation_message_leaves_the_active_language_alone():
    invitation = InvitationFactory(person=PersonFactory(preferred_languages=["ja"]))

    with translation.override("en"):
        build_invitation_message(invitation)
        assert translation.get_language() == "en"


def test_send_invitation_without_email_is_refused():
    invitation = InvitationFactory(person=PersonFactory(email=""))

    with pytest.raises(ValidationError) as caught:
        send_invitation(invitation)

    assert caught.value.code == "no_email"


def test_send_invitation_sends_nothing_when_rolled_back(django_capture_on_commit_callbacks):
    invitation = InvitationFactory(event=EventFactory(status=EventStatus.CANCELLED))

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        send_invitation(invitation)

    assert mail.outbox == []


def test_respond_accept_records_the_reply():
    invitation = InvitationFactory(respond_by=DEADLINE, max_companions=2)

    _respond(invitation, companions=2, dietary_requirements="Halal", accessibility_needs="Ramp")

    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED
    assert (invitation.companions, invitation.seat_count) == (2, 3)
    assert (invitation.dietary_requirements, invitation.accessibility_needs) == ("Halal", "Ramp")
    assert invitation.responded_at == BEFORE


def test_respond_again_changes_the_answer_before_the_deadline():
    invitation = InvitationFactory(respond_by=DEADLINE)
    _respond(invitation, accept=True, companions=1)

    _respond(invitation, accept=False, now=BEFORE + datetime.timedelta(hours=1))

    invitation.refresh_from_db()
    assert (invitation.status, invitation.companions) == (InvitationStatus.DECLINED, 0)


def test_respond_after_the_deadline_is_refused_and_changes_nothing():
    invitation = InvitationFactory(respond_by=DEADLINE)
    _respond(invitation, accept=True)

    with translation.override("en"), pytest.raises(ValidationError) as caught:
        _respond(invitation, accept=False, now=AFTER)

    with translation.override("en"):
        assert caught.value.messages == ["The reply deadline (2019-02-10 18:00) has passed."]
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED


def test_respond_with_too_many_companions_is_refused():
    invitation = InvitationFactory(max_companions=1)

    with pytest.raises(ValidationError) as caught:
        _respond(invitation, companions=2)

    assert caught.value.code == "too_many_companions"
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING


def test_respond_beyond_capacity_is_waitlisted():
    event = EventFactory(capacity=3)
    first = InvitationFactory(event=event, max_companions=2)
    second = InvitationFactory(event=event, max_companions=2)
    _respond(first, companions=1)

    _respond(second, companions=1)

    second.refresh_from_db()
    assert second.status == InvitationStatus.WAITLISTED


def test_accepted_seats_fill_capacity_exactly():
    event = EventFactory(capacity=3)
    first = InvitationFactory(event=event, max_companions=2)
    second = InvitationFactory(event=event, max_companions=2)
    _respond(first, companions=1)

    _respond(second, companions=0)

    second.refresh_from_db()
    assert second.status == InvitationStatus.ACCEPTED


def test_decline_promotes_the_earliest_waitlisted_guest_who_fits(
    django_capture_on_commit_callbacks,
):
    event = EventFactory(capacity=2)
    holder = InvitationFactory(event=event, max_companions=1)
    big = InvitationFactory(event=event, max_companions=3)
    early = InvitationFactory(event=event, max_companions=1)
    late = InvitationFactory(event=event, max_companions=1)
    _respond(holder, companions=1)
    _respond(big, companions=3, now=BEFORE + datetime.timedelta(minutes=1))
    _respond(early, companions=1, now=BEFORE + datetime.timedelta(minutes=2))
    _respond(late, companions=1, now=BEFORE + datetime.timedelta(minutes=3))

    with django_capture_on_commit_callbacks(execute=True):
        _respond(holder, accept=False, now=BEFORE + datetime.timedelta(minutes=4))

    statuses = {
        name: Invitation.objects.get(pk=invitation.pk).status
        for name, invitation in {"big": big, "early": early, "late": late}.items()
    }
    assert statuses == {
        "big": InvitationStatus.WAITLISTED,
        "early": InvitationStatus.ACCEPTED,
        "late": InvitationStatus.WAITLISTED,
    }
    assert [message.to for message in mail.outbox] == [[early.person.email]]


def test_accepted_guest_asking_for_more_seats_than_remain_keeps_the_old_seats():
    event = EventFactory(capacity=3)
    first = InvitationFactory(event=event, max_companions=2)
    second = InvitationFactory(event=event, max_companions=2)
    _respond(first, companions=0)
    _respond(second, companions=0)

    with pytest.raises(ValidationError) as caught:
        _respond(first, companions=2)

    assert caught.value.code == "over_capacity"
    first.refresh_from_db()
    assert (first.status, first.companions) == (InvitationStatus.ACCEPTED, 0)


def test_accepted_seats_never_exceed_capacity():
    event = EventFactory(capacity=5)
    invitations = [InvitationFactory(event=event, max_companions=2) for _ in range(6)]
    for index, invitation in enumerate(invitations):
        _respond(invitation, companions=index % 3)

    # Seats asked: 1, 2, 3, 1, 2, 3 against a capacity of 5.
    statuses = [Invitation.objects.get(pk=invitation.pk).status for invitation in invitations]
    assert statuses == [
        InvitationStatus.ACCEPTED,
        InvitationStatus.ACCEPTED,
        InvitationStatus.WAITLISTED,
        InvitationStatus.ACCEPTED,
        InvitationStatus.WAITLISTED,
        InvitationStatus.WAITLISTED,
    ]
    accepted = Invitation.objects.filter(event=event, status=InvitationStatus.ACCEPTED)
    assert sum(invitation.seat_count for invitation in accepted) == 4


def test_send_reminders_mails_only_pending_guests(django_capture_on_commit_callbacks):
    event = EventFactory()
    pending = InvitationFactory(event=event, sent_at=BEFORE, respond_by=DEADLINE)
    InvitationFactory(event=event, sent_at=BEFORE, status=InvitationStatus.ACCEPTED)
    InvitationFactory(event=event, sent_at=None)
    InvitationFactory(event=event, sent_at=BEFORE, respond_by=taipei(2019, 2, 8))

    with django_capture_on_commit_callbacks(execute=True):
        count = send_reminders(event, now=BEFORE)

    assert count == 1
    assert [message.to for message in mail.outbox] == [[pending.person.email]]
    pending.refresh_from_db()
    assert pending.reminded_at == BEFORE


def test_the_mailed_rsvp_link_opens_the_guests_rsvp_page(client, settings):
    settings.KIA_PUBLIC_BASE_URL = "https://intl.kcg.example/"
    invitation = InvitationFactory(person=PersonFactory(preferred_languages=["ja"]))

    body = build_invitation_message(invitation).body

    address = f"https://intl.kcg.example/ja/rsvp/{invitation.token}/"
    assert address in body
    response = client.get(address.removeprefix("https://intl.kcg.example"))
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "ja"


def test_the_mailed_rsvp_link_uses_the_public_base_not_a_stale_site_or_the_admin(settings):
    from wagtail.models import Site

    settings.KIA_PUBLIC_BASE_URL = "https://intl.kcg.example"
    settings.WAGTAILADMIN_BASE_URL = "https://admin.internal:8443"
    Site.objects.update(hostname="old-server", port=8001)
    invitation = InvitationFactory(person=PersonFactory(preferred_languages=["en"]))

    body = build_invitation_message(invitation).body

    assert f"https://intl.kcg.example/en/rsvp/{invitation.token}/" in body
    assert "8001" not in body and "old-server" not in body and "admin.internal" not in body


def test_a_date_only_reply_deadline_means_the_end_of_that_day_in_taipei():
    from events.forms import ReplyByField

    deadline = ReplyByField(required=False).clean("2019-02-10")

    assert deadline == taipei(2019, 2, 11) - datetime.timedelta(microseconds=1)
    invitation = invite_person(EventFactory(), PersonFactory(), respond_by=deadline)
    # An evening reply on the deadline's day is still in time; the next morning is not.
    _respond(invitation, now=taipei(2019, 2, 10, 21))
    with pytest.raises(ValidationError):
        _respond(invitation, now=taipei(2019, 2, 11, 0, 1))


def test_invite_person_reads_a_date_deadline_as_the_end_of_that_office_day():
    invitation = invite_person(
        EventFactory(), PersonFactory(), respond_by=datetime.date(2019, 2, 10)
    )

    assert invitation.respond_by == taipei(2019, 2, 11) - datetime.timedelta(microseconds=1)


def test_a_deadline_with_a_time_is_kept_as_typed():
    from events.forms import ReplyByField

    assert ReplyByField(required=False).clean("2019-02-10 18:00") == taipei(2019, 2, 10, 18)

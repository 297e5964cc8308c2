"""The events back office: service-backed event, item, invitation and registration forms,
sensitive registration fields."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation

from events.enums import (
    BookingStatus,
    EventStatus,
    InvitationStatus,
    ItemStatus,
    RegistrationStatus,
)
from events.models import (
    Event,
    Invitation,
    ItineraryItem,
)
from events.selectors.invitations import get_invitation_for_token
from tests.factories.crm import PersonFactory
from tests.factories.events import (
    BookingFactory,
    DelegationMemberFactory,
    EventFactory,
    InvitationFactory,
    ItineraryItemFactory,
    RegistrationFactory,
    taipei,
)

pytestmark = pytest.mark.django_db


PASSPORT = "X1234567"


def test_event_filters_by_kind_status_and_year(officer_client):
    EventFactory(title_zh_hant="午宴", kind="luncheon", starts_at=taipei(2019, 2, 16, 11))
    EventFactory(
        title_zh_hant="論壇",
        kind="forum",
        starts_at=taipei(2019, 3, 1, 9),
        ends_at=taipei(2019, 3, 1, 12),
    )
    EventFactory(
        title_zh_hant="舊午宴",
        kind="luncheon",
        starts_at=taipei(2018, 2, 16, 11),
        ends_at=taipei(2018, 2, 16, 14),
    )

    response = officer_client.get(reverse("event:index"), {"kind": "luncheon", "year": 2019})

    assert [event.title for event in response.context["object_list"]] == ["午宴"]


def test_event_search_finds_any_language(officer_client):
    EventFactory(title_zh_hant="友好城市午宴", title_en="Sister-city luncheon")
    EventFactory(title_zh_hant="論壇", title_en="Forum")

    response = officer_client.get(reverse("event:index"), {"q": "luncheon"})

    assert [event.title_en for event in response.context["object_list"]] == ["Sister-city luncheon"]


def test_event_form_groups_each_translated_field_by_language(officer_client):
    content = officer_client.get(reverse("event:add")).content.decode()

    for code in ("zh_hant", "en", "ja", "ko"):
        assert f'name="title_{code}"' in content
        assert f'name="summary_{code}"' in content
    for label in ("繁體中文", "English", "日本語", "한국어"):
        assert label in content
    assert 'name="title"' not in content


def event_post_data(**overrides):
    data = {
        "kind": "luncheon",
        "title_zh_hant": "姊妹市午宴",
        "title_en": "Sister-city luncheon",
        "title_ja": "",
        "title_ko": "",
        "summary_zh_hant": "",
        "summary_en": "",
        "summary_ja": "",
        "summary_ko": "",
        "starts_at": "2019-02-16 11:00",
        "ends_at": "2019-02-16 14:00",
        "status": "confirmed",
        "location": "",
        "registration_questions": ["nationality", "passport"],
        "consent_text_zh_hant": "",
        "consent_text_en": "",
        "consent_text_ja": "",
        "consent_text_ko": "",
    }
    data.update(overrides)
    return data


def test_event_create_saves_all_languages(officer_client):
    response = officer_client.post(reverse("event:add"), event_post_data())

    assert response.status_code == 302
    event = Event.objects.get()
    assert (event.title_zh_hant, event.title_en) == ("姊妹市午宴", "Sister-city luncheon")
    assert event.starts_at == taipei(2019, 2, 16, 11)
    assert event.registration_questions == ["nationality", "passport"]


def test_event_edit_of_time_raises_sequence(officer_client):
    event = EventFactory(title_zh_hant="姊妹市午宴", title_en="Sister-city luncheon")

    response = officer_client.post(
        reverse("event:edit", args=[event.pk]),
        event_post_data(starts_at="2019-02-16 12:00", registration_questions=[]),
    )

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.starts_at == taipei(2019, 2, 16, 12)
    assert event.sequence == 1


def test_event_edit_of_title_keeps_sequence(officer_client):
    event = EventFactory(title_zh_hant="姊妹市午宴", title_en="Sister-city luncheon")

    officer_client.post(
        reverse("event:edit", args=[event.pk]),
        event_post_data(title_en="Luncheon", registration_questions=[]),
    )

    event.refresh_from_db()
    assert (event.title_en, event.sequence) == ("Luncheon", 0)


def item_post_data(event, **overrides):
    data = {
        "event": event.pk,
        "kind": "call",
        "title_zh_hant": "拜會市長",
        "title_en": "Call on the mayor",
        "title_ja": "",
        "title_ko": "",
        "starts_at": "2019-02-16 10:00",
        "ends_at": "2019-02-16 10:30",
        "status": "confirmed",
        "is_public": "on",
        "address": "",
        "public_description_zh_hant": "",
        "public_description_en": "",
        "public_description_ja": "",
        "public_description_ko": "",
        "private_notes": "",
    }
    data.update(overrides)
    return data


def test_item_create_goes_through_the_service(officer_client):
    event = EventFactory()
    member = DelegationMemberFactory(delegation__event=event)

    response = officer_client.post(
        reverse("itineraryitem:add"), item_post_data(event, members=[member.pk])
    )

    assert response.status_code == 302
    item = ItineraryItem.objects.get()
    assert (item.title_zh_hant, item.title_en) == ("拜會市長", "Call on the mayor")
    assert item.starts_at == taipei(2019, 2, 16, 10)
    assert list(item.members.all()) == [member]
    assert item.sequence == 0


def test_item_edit_of_time_raises_sequence_and_moves_its_booking(officer_client):
    item = ItineraryItemFactory(
        starts_at=taipei(2019, 2, 16, 10), ends_at=taipei(2019, 2, 16, 10, 30)
    )
    booking = BookingFactory(item=item, starts_at=item.starts_at, ends_at=item.ends_at)

    response = officer_client.post(
        reverse("itineraryitem:edit", args=[item.pk]),
        item_post_data(
            item.event,
            title_zh_hant=item.title_zh_hant,
            starts_at="2019-02-16 11:00",
            ends_at="2019-02-16 11:30",
        ),
    )

    assert response.status_code == 302
    item.refresh_from_db()
    booking.refresh_from_db()
    assert item.sequence == 1
    assert (booking.starts_at, booking.ends_at) == (
        taipei(2019, 2, 16, 11),
        taipei(2019, 2, 16, 11, 30),
    )


def test_invitation_create_goes_through_the_service(officer_client):
    event = EventFactory()
    person = PersonFactory()

    response = officer_client.post(
        reverse("invitation:add"),
        {"event": event.pk, "person": person.pk, "respond_by": "", "max_companions": 2},
    )

    # The answer is the one page that shows the new RSVP link.
    assert response.status_code == 200
    invitation = Invitation.objects.get()
    assert (invitation.person, invitation.max_companions, invitation.status) == (
        person,
        2,
        InvitationStatus.PENDING,
    )
    (token,) = re.findall(r"/rsvp/([\w-]{43})/", response.content.decode())
    assert get_invitation_for_token(token) == invitation


def test_send_invitations_mails_every_unsent_guest(
    officer_client, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory()
    InvitationFactory.create_batch(2, event=event)
    InvitationFactory(event=EventFactory())

    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(
            reverse("event:invitations", args=[event.pk]), {"action": "send"}
        )

    assert response.status_code == 302
    assert len(mailoutbox) == 2
    assert Invitation.objects.filter(event=event, sent_at__isnull=False).count() == 2


def test_send_invitations_refused_for_viewer(viewer_client, mailoutbox):
    event = EventFactory()
    InvitationFactory(event=event)

    response = viewer_client.post(reverse("event:invitations", args=[event.pk]), {"action": "send"})

    assert response.status_code == 302
    assert mailoutbox == []


def test_registration_review_accepts_from_the_list(officer_client, officer):
    registration = RegistrationFactory()

    listing = officer_client.get(reverse("registration:index")).content.decode()
    review_url = reverse("registration:review", args=[registration.pk])
    assert f"{review_url}?status=accepted" in listing

    response = officer_client.post(review_url, {"status": "accepted", "note": "Strong essay"})

    assert response.status_code == 302
    registration.refresh_from_db()
    assert (registration.status, registration.review_note, registration.reviewed_by) == (
        RegistrationStatus.ACCEPTED,
        "Strong essay",
        officer,
    )


def test_registration_passport_visible_with_the_permission(officer_client):
    registration = RegistrationFactory(
        passport_number=PASSPORT, date_of_birth=datetime.date(2000, 5, 1)
    )

    edit = officer_client.get(reverse("registration:edit", args=[registration.pk]))
    inspect = officer_client.get(reverse("registration:inspect", args=[registration.pk]))
    export = officer_client.get(reverse("registration:index"), {"export": "csv"})

    assert 'name="passport_number"' in edit.content.decode()
    assert 'name="date_of_birth"' in edit.content.decode()
    assert PASSPORT in inspect.content.decode()
    assert PASSPORT in b"".join(export.streaming_content).decode()


def test_registration_passport_hidden_without_the_permission(clerk_client):
    registration = RegistrationFactory(
        passport_number=PASSPORT, date_of_birth=datetime.date(2000, 5, 1)
    )

    listing = clerk_client.get(reverse("registration:index"))
    edit = clerk_client.get(reverse("registration:edit", args=[registration.pk]))
    inspect = clerk_client.get(reverse("registration:inspect", args=[registration.pk]))
    export = clerk_client.get(reverse("registration:index"), {"export": "csv"})

    assert listing.status_code == edit.status_code == inspect.status_code == 200
    for response in (listing, edit, inspect):
        content = response.content.decode()
        assert PASSPORT not in content
        assert "2000-05-01" not in content
        assert 'name="passport_number"' not in content
    exported = b"".join(export.streaming_content).decode()
    assert registration.email in exported
    assert PASSPORT not in exported
    assert "2000-05-01" not in exported


def test_registration_edit_without_the_permission_keeps_the_passport(clerk_client):
    registration = RegistrationFactory(
        passport_number=PASSPORT,
        date_of_birth=datetime.date(2000, 5, 1),
        family_name="Lin",
        given_name="Mei",
    )

    response = clerk_client.post(
        reverse("registration:edit", args=[registration.pk]),
        {
            "event": registration.event_id,
            "family_name": "Lin",
            "given_name": "Meiling",
            "native_name": "",
            "email": registration.email,
            "phone": "",
            "language": "en",
            "nationality": "",
            "university": "",
            "emergency_contact_name": "",
            "emergency_contact_phone": "",
            "dietary_requirements": "",
            "review_note": "",
            "passport_number": "",
            "date_of_birth": "",
        },
    )

    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.given_name == "Meiling"
    assert (registration.passport_number, registration.date_of_birth) == (
        PASSPORT,
        datetime.date(2000, 5, 1),
    )


def test_registration_review_refused_for_viewer(viewer_client):
    registration = RegistrationFactory()

    response = viewer_client.post(
        reverse("registration:review", args=[registration.pk]), {"status": "accepted"}
    )

    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.SUBMITTED
    listing = viewer_client.get(reverse("registration:index")).content.decode()
    assert reverse("registration:review", args=[registration.pk]) not in listing


def test_registration_review_shows_a_service_refusal_on_the_form(officer_client):
    registration = RegistrationFactory(status=RegistrationStatus.WITHDRAWN)

    response = officer_client.post(
        reverse("registration:review", args=[registration.pk]), {"status": "accepted"}
    )

    assert response.status_code == 200
    with translation.override("zh-hant"):
        expected = translation.gettext(
            "The applicant has withdrawn; the application cannot be reviewed."
        )
    assert response.context["form"].non_field_errors() == [expected]
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.WITHDRAWN


def test_send_invitations_reports_guests_it_cannot_mail(
    officer_client, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory()
    InvitationFactory(event=event)
    unreachable = InvitationFactory(event=event, person=PersonFactory(email=""))

    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(
            reverse("event:invitations", args=[event.pk]), {"action": "send"}, follow=True
        )

    assert response.status_code == 200
    assert len(mailoutbox) == 1
    unreachable.refresh_from_db()
    assert unreachable.sent_at is None
    with translation.override("zh-hant"):
        warning = translation.gettext("%(person)s has no e-mail address on record.") % {
            "person": unreachable.person
        }
    assert [str(message).strip() for message in response.context["messages"]][0] == warning


def test_send_reminders_mails_guests_who_have_not_replied(
    officer_client, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory()
    sent = datetime.datetime(2019, 1, 2, tzinfo=datetime.UTC)
    waiting = InvitationFactory(event=event, sent_at=sent)
    InvitationFactory(event=event, sent_at=sent, status=InvitationStatus.ACCEPTED)
    InvitationFactory(event=event)

    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(
            reverse("event:invitations", args=[event.pk]), {"action": "remind"}
        )

    assert response.status_code == 302
    assert [message.to for message in mailoutbox] == [[waiting.person.email]]
    waiting.refresh_from_db()
    assert waiting.reminded_at is not None


def test_event_edit_to_cancelled_cancels_items_and_frees_bookings(officer_client):
    event = EventFactory(title_zh_hant="姊妹市午宴", title_en="Sister-city luncheon")
    item = ItineraryItemFactory(event=event)
    booking = BookingFactory(item=item, starts_at=item.starts_at, ends_at=item.ends_at)

    response = officer_client.post(
        reverse("event:edit", args=[event.pk]),
        event_post_data(status="cancelled", registration_questions=[]),
    )

    assert response.status_code == 302
    event.refresh_from_db()
    item.refresh_from_db()
    booking.refresh_from_db()
    assert (event.status, event.sequence) == (EventStatus.CANCELLED, 1)
    assert (item.status, item.sequence) == (ItemStatus.CANCELLED, 1)
    assert booking.status == BookingStatus.CANCELLED


def test_item_edit_to_cancelled_frees_its_bookings(officer_client):
    item = ItineraryItemFactory(
        starts_at=taipei(2019, 2, 16, 10), ends_at=taipei(2019, 2, 16, 10, 30)
    )
    booking = BookingFactory(item=item, starts_at=item.starts_at, ends_at=item.ends_at)

    response = officer_client.post(
        reverse("itineraryitem:edit", args=[item.pk]),
        item_post_data(item.event, title_zh_hant=item.title_zh_hant, status="cancelled"),
    )

    assert response.status_code == 302
    item.refresh_from_db()
    booking.refresh_from_db()
    assert (item.status, item.sequence, booking.status) == (
        ItemStatus.CANCELLED,
        1,
        BookingStatus.CANCELLED,
    )


def test_event_edit_page_links_to_sending_invitations(officer_client):
    event = EventFactory()

    content = officer_client.get(reverse("event:edit", args=[event.pk])).content.decode()

    assert reverse("event:invitations", args=[event.pk]) in content

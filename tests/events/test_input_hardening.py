"""Issue 15: names stay one line and visible, needs stay short, one application per mailbox,
plausible birth dates, feeds that cannot be split by a name, and shared feeds without
anyone's e-mail address or internal notes (points 4, 8 and 11)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from crm.models import Person
from events.models import Booking, Delegation, Event, Registration
from events.services.registrations import submit_registration
from tests.factories.crm import PersonFactory
from tests.factories.events import (
    BookingFactory,
    DelegationFactory,
    EventFactory,
    InvitationFactory,
    RegistrationFactory,
    VenueFactory,
    taipei,
)

pytestmark = pytest.mark.django_db

INJECTION = "Suwon\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Fake event\r\nUID:forged"


def _open_camp(**fields):
    today = datetime.date.today()
    return EventFactory(
        kind="camp",
        is_public=True,
        takes_registrations=True,
        starts_at=taipei(today.year + 1, 8, 12, 9),
        ends_at=taipei(today.year + 1, 8, 17, 17),
        registration_questions=["date_of_birth", "dietary"],
        **fields,
    )


def _apply(event, **data):
    answers = {
        "family_name": "Kim",
        "given_name": "Minjun",
        "email": "minjun@example.org",
        "date_of_birth": datetime.date(2000, 5, 1),
    }
    return submit_registration(event, data={**answers, **data}, language="en")


@pytest.mark.parametrize(
    ("model", "field"),
    [
        (Event, "title_zh_hant"),
        (Event, "title_en"),
        (Delegation, "name"),
        (Person, "family_name"),
        (Registration, "given_name"),
        (Booking, "purpose"),
        (Booking, "requested_by"),
    ],
)
def test_a_line_break_in_a_name_or_title_is_refused_by_the_model(model, field):
    factories = {
        Event: EventFactory.build,
        Delegation: lambda: DelegationFactory.build(event=EventFactory()),
        Person: PersonFactory.build,
        Registration: lambda: RegistrationFactory.build(event=EventFactory()),
        Booking: lambda: BookingFactory.build(resource=VenueFactory()),
    }
    record = factories[model]()
    setattr(record, field, INJECTION)

    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            record.full_clean()
        assert caught.value.message_dict[field] == [
            "Line breaks and control characters are not allowed here."
        ]


@pytest.mark.parametrize(
    ("factory", "field"),
    [
        (DelegationFactory, "name"),
        (PersonFactory, "given_name"),
        (RegistrationFactory, "family_name"),
        # A booking's purpose is the summary of its event in the resource feeds.
        (BookingFactory, "purpose"),
        (BookingFactory, "pickup_address"),
    ],
)
def test_the_database_refuses_a_line_break_in_a_name(factory, field):
    record = factory()

    with pytest.raises(IntegrityError), transaction.atomic():
        type(record).objects.filter(pk=record.pk).update(**{field: "a\r\nb"})


def test_a_title_with_a_line_break_in_old_data_forges_no_calendar_line(client):
    event = EventFactory(is_public=True)
    # Written around the validators, as rows from before them may be.
    Event.objects.filter(pk=event.pk).update(title_zh_hant=INJECTION, title_en=INJECTION)

    response = client.get(reverse("events:feed-public-event", kwargs={"uid": event.uid}))

    assert response.status_code == 200
    lines = response.content.decode().split("\r\n")
    assert not any(line.startswith(("SUMMARY:Fake", "UID:forged")) for line in lines)
    assert sum(line == "BEGIN:VEVENT" for line in lines) == 1
    calendar = Calendar.from_ical(response.content)
    assert len(calendar.walk("VEVENT")) == 1
    assert "\n" not in str(calendar["X-WR-CALNAME"])


def test_an_invitation_attachment_with_a_line_break_in_the_title_stays_one_event():
    from events.tasks import build_invitation_message

    invitation = InvitationFactory(person=PersonFactory(preferred_languages=["en"]))
    Event.objects.filter(pk=invitation.event_id).update(title_en=INJECTION)
    invitation.event.refresh_from_db()

    (part,) = build_invitation_message(invitation).attachments
    calendar = Calendar.from_ical(part.get_payload(decode=True))

    assert len(calendar.walk("VEVENT")) == 1


@pytest.mark.parametrize("name", ["\u200b\u200b", "\ufeff", "\u202e", "\u200b \ufeff"])
def test_a_required_name_of_invisible_characters_is_refused(name):
    camp = _open_camp()

    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            _apply(camp, family_name=name)
        assert caught.value.message_dict["family_name"] == [
            "Enter a name that is visible: this one has only invisible characters."
        ]
    assert Registration.objects.count() == 0


def test_a_megabyte_of_dietary_needs_is_refused():
    camp = _open_camp()

    with pytest.raises(ValidationError) as caught:
        _apply(camp, dietary_requirements="x" * 1_000_000)

    assert "dietary_requirements" in caught.value.message_dict
    assert Registration.objects.count() == 0


def test_the_database_refuses_overlong_needs():
    invitation = InvitationFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        type(invitation).objects.filter(pk=invitation.pk).update(dietary_requirements="x" * 1001)


def test_the_same_address_in_other_cases_applies_once():
    camp = _open_camp()
    _apply(camp, email="dup@example.org")

    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            _apply(camp, email="DUP@Example.org")
        assert caught.value.messages == ["This e-mail address has already applied."]
    assert Registration.objects.count() == 1


def test_the_database_refuses_the_same_address_in_other_cases():
    first = RegistrationFactory(email="dup@example.org")

    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.bulk_create(
            [RegistrationFactory.build(event=first.event, email="DUP@example.org")]
        )


@pytest.mark.parametrize("birth", ["0001-01-01", "1899-12-31"])
def test_an_impossible_date_of_birth_is_refused(birth):
    camp = _open_camp()

    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            _apply(camp, date_of_birth=datetime.date.fromisoformat(birth))
        assert caught.value.message_dict["date_of_birth"] == [
            "Enter a date of birth from 1900-01-01 on."
        ]


def test_the_database_refuses_an_impossible_date_of_birth():
    registration = RegistrationFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.filter(pk=registration.pk).update(date_of_birth=datetime.date(1, 1, 1))


def test_a_date_of_birth_in_1900_is_accepted():
    camp = _open_camp()

    registration = _apply(camp, date_of_birth=datetime.date(1900, 1, 1))

    assert registration.date_of_birth == datetime.date(1900, 1, 1)

"""The database itself refuses what must never be stored, whichever code path writes."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from events.enums import InvitationStatus, RegistrationStatus, StaffRole
from events.models import Booking, Event, Invitation, ItineraryItem, ItineraryStaff
from tests.factories.crm import PersonFactory
from tests.factories.events import (
    DelegationMemberFactory,
    EventFactory,
    InvitationFactory,
    ItineraryItemFactory,
    RegistrationFactory,
    VenueFactory,
    taipei,
)

pytestmark = pytest.mark.django_db


def _refused(constraint):
    """The write fails with an IntegrityError naming the constraint (both databases do)."""
    return pytest.raises(IntegrityError, match=constraint)


def test_event_end_before_start_is_refused_by_the_database():
    with _refused("events_event_start_before_end"), transaction.atomic():
        Event.objects.create(
            kind="meeting",
            title="錯誤",
            starts_at=taipei(2019, 2, 16, 12),
            ends_at=taipei(2019, 2, 16, 11),
        )


def test_item_end_before_start_is_refused_by_the_database():
    event = EventFactory()

    with _refused("events_itineraryitem_start_before_end"), transaction.atomic():
        ItineraryItem.objects.create(
            event=event,
            kind="meal",
            title="午宴",
            starts_at=taipei(2019, 2, 16, 12),
            ends_at=taipei(2019, 2, 16, 11),
        )


@pytest.mark.parametrize("hours", [(10, 9), (10, 10)])
def test_booking_must_end_after_it_starts(hours):
    venue = VenueFactory()

    with _refused("events_booking_start_before_end"), transaction.atomic():
        Booking.objects.create(
            resource=venue,
            starts_at=taipei(2019, 2, 16, hours[0]),
            ends_at=taipei(2019, 2, 16, hours[1]),
        )


def test_invitation_companions_within_allowance_is_refused_by_the_database():
    with _refused("events_invitation_companions_within_allowance"), transaction.atomic():
        InvitationFactory(max_companions=1, companions=2)


def test_invitation_once_per_person_per_event():
    invitation = InvitationFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Invitation.objects.create(event=invitation.event, person=invitation.person)


def test_invitation_seat_count_is_guest_plus_companions():
    invitation = InvitationFactory(max_companions=3, companions=2)

    assert invitation.seat_count == 3


def test_registration_email_once_per_event_unless_withdrawn():
    first = RegistrationFactory(email="a@example.org", status=RegistrationStatus.WITHDRAWN)
    RegistrationFactory(event=first.event, email="a@example.org")

    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(event=first.event, email="a@example.org")


def test_registration_validators_run_in_full_clean():
    registration = RegistrationFactory.build(
        event=EventFactory(), passport_number="??", date_of_birth=taipei(2999, 1, 1).date()
    )

    with pytest.raises(ValidationError) as caught:
        registration.full_clean()

    assert sorted(caught.value.message_dict) == ["date_of_birth", "passport_number"]


def test_registration_str_shows_name_and_event_only():
    registration = RegistrationFactory(
        given_name="Minji",
        family_name="Kim",
        passport_number="M1234567",
        date_of_birth=taipei(2000, 5, 1).date(),
        event=EventFactory(title="夏令營"),
    )

    assert str(registration) == "Minji Kim → 夏令營"


def test_delegation_member_departure_before_arrival_is_refused():
    with _refused("events_delegationmember_arrival_before_departure"), transaction.atomic():
        DelegationMemberFactory(
            arrival_at=taipei(2019, 3, 29, 10), departure_at=taipei(2019, 3, 28, 10)
        )


def test_interpreter_duty_needs_both_languages():
    item = ItineraryItemFactory()

    with _refused("events_itinerarystaff_interpreter_has_languages"), transaction.atomic():
        ItineraryStaff.objects.create(
            item=item, person=PersonFactory(), role=StaffRole.INTERPRETER, language_from="ko"
        )


def test_invitation_defaults_to_pending():
    assert InvitationFactory().status == InvitationStatus.PENDING

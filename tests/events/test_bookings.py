import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import translation

from events.enums import BookingStatus
from events.exceptions import BookingConflict
from events.models import Booking
from events.services.bookings import cancel_booking, create_booking, move_booking
from tests.factories.crm import PersonFactory
from tests.factories.events import (
    ItineraryItemFactory,
    VehicleFactory,
    VenueFactory,
    taipei,
)

pytestmark = pytest.mark.django_db


def test_create_booking_saves_a_confirmed_booking():
    venue = VenueFactory()

    booking = create_booking(
        venue,
        starts_at=taipei(2019, 2, 16, 9),
        ends_at=taipei(2019, 2, 16, 10),
        purpose="Rehearsal",
    )

    stored = Booking.objects.get()
    assert stored == booking
    assert stored.resource_id == venue.pk
    assert stored.status == BookingStatus.CONFIRMED
    assert stored.purpose == "Rehearsal"


def test_create_booking_refuses_end_before_start():
    venue = VenueFactory()

    # Constraint messages are rendered as they are raised: raise them in English.
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        create_booking(venue, starts_at=taipei(2019, 2, 16, 10), ends_at=taipei(2019, 2, 16, 9))

    assert caught.value.messages == ["A booking must end after it starts."]
    assert Booking.objects.count() == 0


def test_create_booking_refuses_zero_length():
    venue = VenueFactory()

    with pytest.raises(ValidationError):
        create_booking(venue, starts_at=taipei(2019, 2, 16, 10), ends_at=taipei(2019, 2, 16, 10))

    assert Booking.objects.count() == 0


def test_create_booking_refuses_overlap_and_names_the_clash():
    venue = VenueFactory(name_en="Main hall")
    first = create_booking(
        venue,
        starts_at=taipei(2019, 2, 16, 9),
        ends_at=taipei(2019, 2, 16, 11),
        purpose="Luncheon set-up",
        requested_by="Protocol section",
    )

    with translation.override("en"), pytest.raises(BookingConflict) as caught:
        create_booking(venue, starts_at=taipei(2019, 2, 16, 10), ends_at=taipei(2019, 2, 16, 12))
        message = caught.value.messages

    with translation.override("en"):
        message = caught.value.messages
    assert caught.value.clashing == first
    assert message == [
        "Main hall is already booked from 2019-02-16 09:00 to 2019-02-16 11:00 "
        "for “Luncheon set-up” (Protocol section)."
    ]
    assert Booking.objects.count() == 1


def test_create_booking_conflict_names_the_staff_member_when_no_requester(django_user_model):
    venue = VenueFactory()
    user = django_user_model.objects.create_user("clerk", first_name="Mei", last_name="Lin")
    create_booking(
        venue, starts_at=taipei(2019, 2, 16, 9), ends_at=taipei(2019, 2, 16, 11), booked_by=user
    )

    with pytest.raises(BookingConflict) as caught:
        create_booking(venue, starts_at=taipei(2019, 2, 16, 8), ends_at=taipei(2019, 2, 16, 12))

    with translation.override("en"):
        assert "(Mei Lin)" in caught.value.messages[0]


def test_create_booking_conflict_is_a_validation_error():
    assert issubclass(BookingConflict, ValidationError)


def test_create_booking_allows_back_to_back_bookings():
    venue = VenueFactory()
    create_booking(venue, starts_at=taipei(2019, 2, 16, 9), ends_at=taipei(2019, 2, 16, 10))

    create_booking(venue, starts_at=taipei(2019, 2, 16, 10), ends_at=taipei(2019, 2, 16, 11))
    create_booking(venue, starts_at=taipei(2019, 2, 16, 8), ends_at=taipei(2019, 2, 16, 9))

    assert Booking.objects.count() == 3


def test_create_booking_allows_same_time_on_another_resource():
    create_booking(
        VenueFactory(), starts_at=taipei(2019, 2, 16, 9), ends_at=taipei(2019, 2, 16, 10)
    )

    create_booking(
        VehicleFactory(), starts_at=taipei(2019, 2, 16, 9), ends_at=taipei(2019, 2, 16, 10)
    )

    assert Booking.objects.count() == 2


def test_create_booking_refuses_resource_out_of_service():
    vehicle = VehicleFactory(is_active=False, name_en="Coach 1")

    with translation.override("en"), pytest.raises(ValidationError) as caught:
        create_booking(vehicle, starts_at=taipei(2019, 2, 16, 9), ends_at=taipei(2019, 2, 16, 10))

    assert caught.value.code == "resource_inactive"
    assert Booking.objects.count() == 0


def test_cancel_booking_frees_the_slot():
    venue = VenueFactory()
    first = create_booking(venue, starts_at=taipei(2019, 2, 16, 9), ends_at=taipei(2019, 2, 16, 10))

    cancel_booking(first)
    second = create_booking(
        venue, starts_at=taipei(2019, 2, 16, 9), ends_at=taipei(2019, 2, 16, 10)
    )

    first.refresh_from_db()
    assert first.status == BookingStatus.CANCELLED
    assert first.cancelled_at is not None
    assert first.sequence == 1
    assert second.status == BookingStatus.CONFIRMED


def test_cancel_booking_records_who_cancelled(django_user_model):
    user = django_user_model.objects.create_user("officer")
    booking = create_booking(
        VenueFactory(), starts_at=taipei(2019, 2, 16, 9), ends_at=taipei(2019, 2, 16, 10)
    )

    cancel_booking(booking, user=user)

    booking.refresh_from_db()
    assert booking.cancelled_by == user


def test_cancel_booking_twice_changes_nothing():
    booking = create_booking(
        VenueFactory(), starts_at=taipei(2019, 2, 16, 9), ends_at=taipei(2019, 2, 16, 10)
    )
    cancel_booking(booking)

    cancel_booking(booking)

    booking.refresh_from_db()
    assert booking.sequence == 1


def test_move_booking_to_free_time_raises_sequence():
    booking = create_booking(
        VenueFactory(), starts_at=taipei(2019, 2, 16, 9), ends_at=taipei(2019, 2, 16, 10)
    )

    move_booking(booking, starts_at=taipei(2019, 2, 16, 9, 30), ends_at=taipei(2019, 2, 16, 11))

    booking.refresh_from_db()
    assert (booking.starts_at, booking.ends_at) == (
        taipei(2019, 2, 16, 9, 30),
        taipei(2019, 2, 16, 11),
    )
    assert booking.sequence == 1


def test_move_booking_onto_another_booking_is_refused_and_keeps_the_old_time():
    venue = VenueFactory()
    booking = create_booking(
        venue, starts_at=taipei(2019, 2, 16, 9), ends_at=taipei(2019, 2, 16, 10)
    )
    other = create_booking(
        venue, starts_at=taipei(2019, 2, 16, 14), ends_at=taipei(2019, 2, 16, 15)
    )

    with pytest.raises(BookingConflict) as caught:
        move_booking(booking, starts_at=taipei(2019, 2, 16, 14), ends_at=taipei(2019, 2, 16, 16))

    assert caught.value.clashing == other
    assert (booking.starts_at, booking.sequence) == (taipei(2019, 2, 16, 9), 0)
    booking.refresh_from_db()
    assert (booking.starts_at, booking.sequence) == (taipei(2019, 2, 16, 9), 0)


def test_move_booking_refuses_cancelled_booking():
    booking = create_booking(
        VenueFactory(), starts_at=taipei(2019, 2, 16, 9), ends_at=taipei(2019, 2, 16, 10)
    )
    cancel_booking(booking)

    with pytest.raises(ValidationError) as caught:
        move_booking(booking, starts_at=taipei(2019, 2, 16, 11), ends_at=taipei(2019, 2, 16, 12))

    assert caught.value.code == "booking_cancelled"


def test_vip_cannot_be_in_two_places_at_once():
    from events.models import Vip

    vip = Vip.objects.create(person=PersonFactory(), name="Mayor")
    create_booking(
        vip, starts_at=taipei(2019, 2, 16, 9), ends_at=taipei(2019, 2, 16, 10), purpose="Call"
    )

    with pytest.raises(BookingConflict):
        create_booking(vip, starts_at=taipei(2019, 2, 16, 9, 30), ends_at=taipei(2019, 2, 16, 11))

    assert Booking.objects.filter(resource=vip).count() == 1


def test_booking_conflict_uses_item_title_when_no_purpose():
    venue = VenueFactory()
    item = ItineraryItemFactory(title_en="Courtesy call")
    create_booking(
        venue, starts_at=taipei(2019, 2, 16, 9), ends_at=taipei(2019, 2, 16, 10), item=item
    )

    with translation.override("en"), pytest.raises(BookingConflict) as caught:
        create_booking(venue, starts_at=taipei(2019, 2, 16, 9), ends_at=taipei(2019, 2, 16, 10))

    with translation.override("en"):
        assert "for “Courtesy call”" in caught.value.messages[0]


@pytest.mark.postgres_only
@pytest.mark.skipif(connection.vendor != "postgresql", reason="exclusion constraints")
def test_database_refuses_overlap_written_around_the_service():
    from django.db import IntegrityError

    venue = VenueFactory()
    Booking.objects.create(
        resource=venue, starts_at=taipei(2019, 2, 16, 9), ends_at=taipei(2019, 2, 16, 10)
    )

    with pytest.raises(IntegrityError, match="events_booking_no_overlap"):
        Booking.objects.create(
            resource=venue, starts_at=taipei(2019, 2, 16, 9, 30), ends_at=taipei(2019, 2, 16, 11)
        )


def test_booking_conflict_survives_copy_and_pickle():
    import copy
    import pickle

    venue = VenueFactory()
    first = create_booking(
        venue, starts_at=taipei(2019, 2, 16, 9), ends_at=taipei(2019, 2, 16, 10), purpose="A"
    )
    with pytest.raises(BookingConflict) as caught:
        create_booking(venue, starts_at=taipei(2019, 2, 16, 9), ends_at=taipei(2019, 2, 16, 10))

    copied = copy.deepcopy(caught.value)
    restored = pickle.loads(pickle.dumps(caught.value))  # noqa: S301 - our own bytes

    assert (copied.clashing, restored.clashing) == (first, first)
    assert copied.messages == restored.messages == caught.value.messages

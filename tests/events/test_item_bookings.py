"""An itinerary item's venue is a booking: one rule, refused by the database, follows the item."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from events.enums import BookingStatus, ItemKind, ItemStatus
from events.exceptions import BookingConflict
from events.models import Booking, ItineraryItem
from events.services.bookings import create_booking
from events.services.items import cancel_item, create_item, update_item
from tests.factories.events import EventFactory, ItineraryItemFactory, VenueFactory, taipei

pytestmark = pytest.mark.django_db


def _item(event, venue, start=10, end=11, **fields):
    return create_item(
        event,
        kind=ItemKind.MEETING,
        title="會談",
        starts_at=taipei(2019, 2, 16, start),
        ends_at=taipei(2019, 2, 16, end),
        venue=venue,
        **fields,
    )


def test_item_venue_is_booked_for_the_item():
    venue = VenueFactory()
    item = _item(EventFactory(), venue)

    booking = Booking.objects.get(item=item)
    assert (booking.resource_id, booking.starts_at, booking.ends_at, booking.status) == (
        venue.pk,
        item.starts_at,
        item.ends_at,
        BookingStatus.CONFIRMED,
    )


def test_two_items_of_different_events_cannot_hold_one_room_at_one_hour():
    venue = VenueFactory()
    _item(EventFactory(), venue, 10, 12)

    with pytest.raises(BookingConflict):
        _item(EventFactory(), venue, 11, 13)

    assert ItineraryItem.objects.count() == 1
    assert Booking.objects.count() == 1


def test_item_venue_clashes_with_a_room_booking_made_outside_any_programme():
    venue = VenueFactory()
    create_booking(venue, starts_at=taipei(2019, 2, 16, 9), ends_at=taipei(2019, 2, 16, 11))

    with pytest.raises(BookingConflict):
        _item(EventFactory(), venue, 10, 12)


def test_moving_an_item_moves_its_venue_booking():
    venue = VenueFactory()
    item = _item(EventFactory(), venue, 11, 12)

    update_item(item, starts_at=taipei(2019, 2, 16, 13), ends_at=taipei(2019, 2, 16, 14))

    booking = Booking.objects.get(item=item)
    expected = (taipei(2019, 2, 16, 13), taipei(2019, 2, 16, 14))
    assert (booking.starts_at, booking.ends_at) == expected


def test_moving_an_item_onto_a_held_room_is_refused_and_keeps_everything():
    venue = VenueFactory()
    # Another event's item: items of one event share their room (test_item_venue_sharing).
    _item(EventFactory(), venue, 11, 12)
    item = _item(EventFactory(), venue, 12, 13)

    with pytest.raises(BookingConflict), transaction.atomic():
        update_item(item, starts_at=taipei(2019, 2, 16, 11, 30))

    item.refresh_from_db()
    assert item.starts_at == taipei(2019, 2, 16, 12)
    assert Booking.objects.get(item=item).starts_at == taipei(2019, 2, 16, 12)


def test_changing_the_venue_frees_the_old_room_and_books_the_new_one():
    old, new = VenueFactory(), VenueFactory()
    item = _item(EventFactory(), old)

    update_item(item, venue=new)

    live = Booking.objects.filter(item=item, status=BookingStatus.CONFIRMED)
    assert [b.resource_id for b in live] == [new.pk]
    assert Booking.objects.get(item=item, resource=old).status == BookingStatus.CANCELLED


def test_cancelling_an_item_frees_its_room():
    venue = VenueFactory()
    item = _item(EventFactory(), venue)

    cancel_item(item)

    assert Booking.objects.get(item=item).status == BookingStatus.CANCELLED
    _item(EventFactory(), venue)  # the room is free again


def test_cancelled_through_update_frees_its_room():
    venue = VenueFactory()
    item = _item(EventFactory(), venue)

    update_item(item, status=ItemStatus.CANCELLED)

    assert Booking.objects.get(item=item).status == BookingStatus.CANCELLED


def test_zero_length_item_holds_no_time():
    venue = VenueFactory()
    _item(EventFactory(), venue, 10, 10)

    assert Booking.objects.count() == 0


def test_database_refuses_two_items_holding_one_venue_at_one_time():
    """Written around the services, on SQLite (triggers) and PostgreSQL (exclusion)."""
    venue = VenueFactory()
    first, second = ItineraryItemFactory(venue=venue), ItineraryItemFactory(venue=venue)
    Booking.objects.create(
        resource=venue, item=first, starts_at=first.starts_at, ends_at=first.ends_at
    )

    with pytest.raises(IntegrityError, match="events_booking_no_overlap"), transaction.atomic():
        Booking.objects.create(
            resource=venue, item=second, starts_at=second.starts_at, ends_at=second.ends_at
        )
    assert Booking.objects.count() == 1


def test_database_refuses_moving_a_booking_onto_another():
    venue = VenueFactory()
    Booking.objects.create(
        resource=venue, starts_at=taipei(2019, 2, 16, 9), ends_at=taipei(2019, 2, 16, 10)
    )
    later = Booking.objects.create(
        resource=venue, starts_at=taipei(2019, 2, 16, 10), ends_at=taipei(2019, 2, 16, 11)
    )

    with pytest.raises(IntegrityError, match="events_booking_no_overlap"), transaction.atomic():
        Booking.objects.filter(pk=later.pk).update(starts_at=taipei(2019, 2, 16, 9, 30))


def test_database_allows_back_to_back_and_cancelled_overlaps():
    venue = VenueFactory()
    Booking.objects.create(
        resource=venue, starts_at=taipei(2019, 2, 16, 9), ends_at=taipei(2019, 2, 16, 10)
    )
    Booking.objects.create(
        resource=venue, starts_at=taipei(2019, 2, 16, 10), ends_at=taipei(2019, 2, 16, 11)
    )
    Booking.objects.create(
        resource=venue,
        starts_at=taipei(2019, 2, 16, 9),
        ends_at=taipei(2019, 2, 16, 11),
        status=BookingStatus.CANCELLED,
    )

    assert Booking.objects.count() == 3


def test_items_are_private_unless_published():
    item = _item(EventFactory(), None)

    assert item.is_public is False
    assert ItineraryItem._meta.get_field("is_public").default is False


def test_item_outside_its_events_dates_is_refused_with_a_translated_error():
    event = EventFactory()  # 2019-02-16 11:00-14:00 Taipei

    with pytest.raises(ValidationError) as caught:
        create_item(
            event,
            kind=ItemKind.MEETING,
            title="會談",
            starts_at=taipei(2019, 2, 17, 10),
            ends_at=taipei(2019, 2, 17, 11),
            title_en="Talks",
        )

    with translation.override("en"):
        assert caught.value.messages == [
            "The item must fall within its event's dates, 2019-02-16 to 2019-02-16."
        ]
    assert ItineraryItem.objects.count() == 0


def test_item_on_its_events_date_outside_its_hours_is_accepted():
    """A transfer from the hotel before the event's first hour is still part of its day."""
    item = _item(EventFactory(), None, 8, 9)

    assert item.pk is not None


def test_moving_an_item_outside_its_events_dates_is_refused():
    item = _item(EventFactory(), None)

    with pytest.raises(ValidationError), transaction.atomic():
        update_item(item, starts_at=taipei(2019, 2, 15, 10))

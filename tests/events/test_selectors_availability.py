"""free_resources: free first (smallest that fits first), busy ones with who holds them."""

import pytest

from events.enums import BookingStatus, ResourceKind
from events.models import Booking
from events.selectors.availability import free_resources
from events.services.bookings import create_booking
from tests.factories.events import (
    ItineraryItemFactory,
    VehicleFactory,
    VenueFactory,
    taipei,
)

pytestmark = pytest.mark.django_db


def _cars(starts=13, ends=(16, 30), **options):
    return free_resources(
        kind=ResourceKind.VEHICLE,
        starts_at=taipei(2019, 2, 16, starts),
        ends_at=taipei(2019, 2, 16, *ends),
        **options,
    )


def test_free_cars_come_first_and_busy_ones_name_their_holder():
    busy = VehicleFactory(name="Busy van", seats=8)
    free = VehicleFactory(name="Free van", seats=8)
    item = ItineraryItemFactory(title="Factory visit", title_en="Factory visit")
    booking = create_booking(
        busy, starts_at=taipei(2019, 2, 16, 12), ends_at=taipei(2019, 2, 16, 14), item=item
    )

    found = _cars()

    assert [(a.resource, a.is_free) for a in found] == [(free, True), (busy, False)]
    assert found[1].holders == [booking]
    assert found[1].holders[0].item.event == item.event


def test_capacity_leaves_out_what_is_too_small_and_puts_the_best_fit_first():
    VehicleFactory(name="Sedan", seats=4)
    coach = VehicleFactory(name="Coach", seats=40)
    van = VehicleFactory(name="Van", seats=8)

    found = _cars(min_capacity=6)

    assert [a.resource for a in found] == [van, coach]


def test_a_booking_running_into_the_window_from_before_makes_it_busy():
    car = VehicleFactory()
    create_booking(car, starts_at=taipei(2019, 2, 16, 8), ends_at=taipei(2019, 2, 16, 13, 30))
    # Long history before: only the latest booking before the window can still be running.
    for day in range(1, 10):
        create_booking(car, starts_at=taipei(2019, 2, day, 8), ends_at=taipei(2019, 2, day, 9))

    assert [a.is_free for a in _cars()] == [False]


def test_back_to_back_and_cancelled_bookings_leave_it_free():
    car = VehicleFactory()
    create_booking(car, starts_at=taipei(2019, 2, 16, 10), ends_at=taipei(2019, 2, 16, 13))
    create_booking(car, starts_at=taipei(2019, 2, 16, 16, 30), ends_at=taipei(2019, 2, 16, 18))
    Booking.objects.create(
        resource=car,
        starts_at=taipei(2019, 2, 16, 14),
        ends_at=taipei(2019, 2, 16, 15),
        status=BookingStatus.CANCELLED,
    )

    assert [a.is_free for a in _cars()] == [True]


def test_rooms_of_one_building_only():
    VenueFactory(building="中正文化中心")
    room = VenueFactory(building="四維文化中心", capacity=10)

    found = free_resources(
        kind=ResourceKind.VENUE,
        starts_at=taipei(2019, 2, 16, 13),
        ends_at=taipei(2019, 2, 16, 16),
        building="四維文化中心",
        min_capacity=6,
    )

    assert [a.resource for a in found] == [room]


def test_an_items_own_bookings_do_not_count_against_it():
    car = VehicleFactory()
    item = ItineraryItemFactory()
    create_booking(
        car, starts_at=taipei(2019, 2, 16, 13), ends_at=taipei(2019, 2, 16, 14), item=item
    )

    assert [a.is_free for a in _cars(ignore_item=item)] == [True]


def test_out_of_service_resources_are_left_out():
    VehicleFactory(is_active=False)

    assert _cars() == []


@pytest.mark.parametrize("count", [10, 100])
def test_query_count_does_not_grow_with_resources_or_bookings(django_assert_num_queries, count):
    cars = [VehicleFactory() for _ in range(count // 10 + 2)]
    for n in range(count):
        car = cars[n % len(cars)]
        day = 1 + n // len(cars)
        create_booking(car, starts_at=taipei(2019, 2, day, 13), ends_at=taipei(2019, 2, day, 15))

    with django_assert_num_queries(3):
        _cars()

import pytest

from events.enums import Direction, EventKind
from events.selectors.stats import (
    YearFigure,
    room_bookings_by_venue,
    vehicle_trips_by_month,
    visitors_in_year,
    visits_in_year,
)
from events.services.bookings import cancel_booking, create_booking
from tests.factories.crm import OrganisationFactory
from tests.factories.events import (
    DelegationFactory,
    DelegationMemberFactory,
    EventFactory,
    VehicleFactory,
    VenueFactory,
    taipei,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def delegations_2019():
    suwon = OrganisationFactory(country="KR")
    akita = OrganisationFactory(country="JP")
    belize = OrganisationFactory(country="BZ")
    luncheon = EventFactory(kind=EventKind.LUNCHEON, starts_at=taipei(2019, 2, 16, 11))
    courtesy = EventFactory(
        kind=EventKind.COURTESY_VISIT,
        starts_at=taipei(2019, 3, 29, 10),
        ends_at=taipei(2019, 3, 29, 11),
    )
    # New Year's Eve 2018 in UTC, already 2019 in Kaohsiung: counts for 2019.
    new_year = EventFactory(
        kind=EventKind.COURTESY_VISIT,
        starts_at=taipei(2019, 1, 1, 2),
        ends_at=taipei(2019, 1, 1, 3),
    )
    DelegationFactory(event=luncheon, organisation=suwon, declared_size=12)
    listed = DelegationFactory(event=luncheon, organisation=akita)
    for _ in range(3):
        DelegationMemberFactory(delegation=listed)
    DelegationFactory(event=courtesy, organisation=belize, declared_size=4)
    DelegationFactory(event=new_year, organisation=suwon, declared_size=2)
    # Not counted: outbound, and another year.
    DelegationFactory(event=luncheon, organisation=suwon, direction=Direction.OUTBOUND)
    DelegationFactory(
        event=EventFactory(starts_at=taipei(2018, 12, 31, 9), ends_at=taipei(2018, 12, 31, 10)),
        organisation=suwon,
        declared_size=50,
    )


def test_visits_in_year_counts_inbound_delegations(delegations_2019):
    assert visits_in_year(2019) == YearFigure(
        total=4,
        by_country={"BZ": 1, "JP": 1, "KR": 2},
        by_kind={EventKind.COURTESY_VISIT: 2, EventKind.LUNCHEON: 2},
    )


def test_visitors_in_year_uses_declared_size_else_members(delegations_2019):
    assert visitors_in_year(2019) == YearFigure(
        total=21,
        by_country={"BZ": 4, "JP": 3, "KR": 14},
        by_kind={EventKind.COURTESY_VISIT: 6, EventKind.LUNCHEON: 15},
    )


def test_visits_in_an_empty_year_are_zero():
    assert visits_in_year(2030) == YearFigure(total=0, by_country={}, by_kind={})


def test_vehicle_trips_by_month_counts_confirmed_vehicle_bookings():
    van, coach = VehicleFactory(), VehicleFactory()
    create_booking(van, starts_at=taipei(2019, 1, 1, 0, 30), ends_at=taipei(2019, 1, 1, 2))
    create_booking(van, starts_at=taipei(2019, 3, 5, 9), ends_at=taipei(2019, 3, 5, 10))
    create_booking(coach, starts_at=taipei(2019, 3, 5, 9), ends_at=taipei(2019, 3, 5, 10))
    cancelled = create_booking(
        coach, starts_at=taipei(2019, 3, 6, 9), ends_at=taipei(2019, 3, 6, 10)
    )
    cancel_booking(cancelled)
    create_booking(van, starts_at=taipei(2020, 3, 5, 9), ends_at=taipei(2020, 3, 5, 10))
    create_booking(VenueFactory(), starts_at=taipei(2019, 3, 5, 9), ends_at=taipei(2019, 3, 5, 10))

    trips = vehicle_trips_by_month(2019)

    assert trips == {1: 1, 2: 0, 3: 2, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0, 10: 0, 11: 0, 12: 0}


def test_room_bookings_by_venue_counts_every_venue():
    hall = VenueFactory(building="Four Dimensions Civic Centre", name="Hall")
    room = VenueFactory(building="Four Dimensions Civic Centre", name="Room 201")
    idle = VenueFactory(building="Fongshan Civic Centre", name="Room 1")
    for day in (1, 2, 3):
        create_booking(hall, starts_at=taipei(2019, 5, day, 9), ends_at=taipei(2019, 5, day, 10))
    create_booking(room, starts_at=taipei(2019, 5, 1, 9), ends_at=taipei(2019, 5, 1, 10))
    create_booking(room, starts_at=taipei(2018, 5, 1, 9), ends_at=taipei(2018, 5, 1, 10))
    create_booking(
        VehicleFactory(), starts_at=taipei(2019, 5, 1, 9), ends_at=taipei(2019, 5, 1, 10)
    )

    # Ordered by building, then room name.
    assert room_bookings_by_venue(2019) == [(idle, 0), (hall, 3), (room, 1)]


@pytest.mark.parametrize("count", [10, 100])
def test_stats_query_counts_are_constant(count, django_assert_num_queries):
    event = EventFactory(starts_at=taipei(2019, 5, 1, 9), ends_at=taipei(2019, 5, 1, 10))
    for _ in range(count):
        DelegationFactory(event=event, declared_size=3)
        VenueFactory()

    with django_assert_num_queries(4):
        visits_in_year(2019)
        visitors_in_year(2019)
        vehicle_trips_by_month(2019)
        room_bookings_by_venue(2019)

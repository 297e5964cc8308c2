import datetime

import pytest

from events.enums import ItemStatus, ResourceKind, StaffRole
from events.models import ItineraryStaff, Vip
from events.selectors.logistics import delegation_programme, resource_week, run_sheet
from events.services.bookings import cancel_booking, create_booking
from tests.factories.crm import PersonFactory
from tests.factories.events import (
    DelegationFactory,
    DelegationMemberFactory,
    DriverFactory,
    EventFactory,
    InterpreterFactory,
    ItineraryItemFactory,
    VehicleFactory,
    VenueFactory,
    taipei,
)

pytestmark = pytest.mark.django_db

DAY = datetime.date(2019, 3, 29)


def _busy_item(event, hour, *, venue=None):
    """An item with a venue, a car, a driver, an interpreter and a liaison officer."""
    item = ItineraryItemFactory(
        event=event,
        starts_at=taipei(2019, 3, 29, hour),
        ends_at=taipei(2019, 3, 29, hour, 50),
        venue=venue or VenueFactory(),
    )
    for resource in (VehicleFactory(), DriverFactory(), InterpreterFactory()):
        create_booking(resource, starts_at=item.starts_at, ends_at=item.ends_at, item=item)
    ItineraryStaff.objects.create(item=item, person=PersonFactory(), role=StaffRole.LIAISON)
    ItineraryStaff.objects.create(
        item=item,
        person=PersonFactory(),
        role=StaffRole.INTERPRETER,
        language_from="zh-hant",
        language_to="en",
    )
    return item


def test_run_sheet_lists_items_and_standalone_bookings_in_time_order():
    event = EventFactory()
    afternoon = _busy_item(event, 14)
    morning = _busy_item(event, 9)
    car = VehicleFactory(name="Van 2")
    trip = create_booking(
        car,
        starts_at=taipei(2019, 3, 29, 11),
        ends_at=taipei(2019, 3, 29, 12),
        purpose="Airport pick-up",
        pickup_address="KHH Terminal 1",
    )
    ItineraryItemFactory(starts_at=taipei(2019, 3, 30, 9), ends_at=taipei(2019, 3, 30, 10))
    ItineraryItemFactory(starts_at=taipei(2019, 3, 28, 9), ends_at=taipei(2019, 3, 28, 10))

    sheet = run_sheet(DAY)

    assert [(entry.item, entry.booking) for entry in sheet] == [
        (morning, None),
        (None, trip),
        (afternoon, None),
    ]
    assert (sheet[1].title, sheet[1].place, sheet[1].vehicles) == (
        "Airport pick-up",
        "KHH Terminal 1",
        [car],
    )


def test_run_sheet_entry_holds_every_resource_and_staff_member():
    event = EventFactory()
    item = _busy_item(event, 9)

    (entry,) = run_sheet(DAY)

    bookings = {booking.resource.kind: booking.resource_id for booking in item.bookings.all()}
    assert [venue.pk for venue in entry.venues] == [item.venue_id]
    assert [vehicle.pk for vehicle in entry.vehicles] == [bookings[ResourceKind.VEHICLE]]
    assert [driver.pk for driver in entry.drivers] == [bookings[ResourceKind.DRIVER]]
    assert [type(i).__name__ for i in entry.interpreters] == ["ItineraryStaff", "Interpreter"]
    assert sorted(duty.role for duty in entry.staff) == [StaffRole.INTERPRETER, StaffRole.LIAISON]
    assert entry.event == event


def test_run_sheet_lists_an_interpreter_both_booked_and_assigned_once():
    item = ItineraryItemFactory(starts_at=taipei(2019, 3, 29, 9), ends_at=taipei(2019, 3, 29, 10))
    interpreter = InterpreterFactory(languages=["zh-hant", "ko"])
    create_booking(interpreter, starts_at=item.starts_at, ends_at=item.ends_at, item=item)
    duty = ItineraryStaff.objects.create(
        item=item,
        person=interpreter.person,
        role=StaffRole.INTERPRETER,
        language_from="zh-hant",
        language_to="ko",
    )

    (entry,) = run_sheet(DAY)

    assert entry.interpreters == [duty]


def test_run_sheet_leaves_out_cancelled_bookings_and_marks_cancelled_items():
    item = ItineraryItemFactory(
        starts_at=taipei(2019, 3, 29, 9),
        ends_at=taipei(2019, 3, 29, 10),
        status=ItemStatus.CANCELLED,
    )
    booking = create_booking(
        VehicleFactory(), starts_at=item.starts_at, ends_at=item.ends_at, item=item
    )
    cancel_booking(booking)

    (entry,) = run_sheet(DAY)

    assert (entry.is_cancelled, entry.vehicles) == (True, [])


def test_run_sheet_includes_a_vip():
    vip = Vip.objects.create(person=PersonFactory(), name="Mayor Chen")
    item = ItineraryItemFactory(starts_at=taipei(2019, 3, 29, 9), ends_at=taipei(2019, 3, 29, 10))
    create_booking(vip, starts_at=item.starts_at, ends_at=item.ends_at, item=item)

    (entry,) = run_sheet(DAY)

    assert entry.vips == [vip]


def test_run_sheet_includes_items_crossing_midnight():
    item = ItineraryItemFactory(starts_at=taipei(2019, 3, 28, 22), ends_at=taipei(2019, 3, 29, 1))

    assert [entry.item for entry in run_sheet(DAY)] == [item]


@pytest.mark.parametrize("count", [10, 100])
def test_run_sheet_query_count_is_constant(count, django_assert_num_queries):
    event = EventFactory()
    venue = VenueFactory()
    for index in range(count):
        item = ItineraryItemFactory(
            event=event,
            starts_at=taipei(2019, 3, 29, 8) + datetime.timedelta(minutes=5 * index),
            ends_at=taipei(2019, 3, 29, 8, 4) + datetime.timedelta(minutes=5 * index),
        )
        create_booking(venue, starts_at=item.starts_at, ends_at=item.ends_at, item=item)
        create_booking(VehicleFactory(), starts_at=item.starts_at, ends_at=item.ends_at, item=item)
        ItineraryStaff.objects.create(item=item, person=PersonFactory(), role=StaffRole.ESCORT)
        create_booking(
            DriverFactory(),
            starts_at=item.starts_at,
            ends_at=item.ends_at,
            purpose="standalone",
        )

    with django_assert_num_queries(4):
        sheet = run_sheet(DAY)
        for entry in sheet:
            _ = [
                (r.name, getattr(r, "plate", None))
                for r in entry.venues + entry.vehicles + entry.drivers
            ]
            _ = [(duty.person.family_name, entry.place) for duty in entry.staff]
            _ = entry.event and entry.event.title

    assert len(sheet) == 2 * count


def test_delegation_programme_groups_by_day_and_keeps_to_its_members():
    event = EventFactory()
    ours = DelegationFactory(event=event)
    theirs = DelegationFactory(event=event)
    our_member = DelegationMemberFactory(delegation=ours)
    their_member = DelegationMemberFactory(delegation=theirs)
    welcome = ItineraryItemFactory(
        event=event, starts_at=taipei(2019, 8, 12, 9), ends_at=taipei(2019, 8, 12, 10)
    )
    our_class = ItineraryItemFactory(
        event=event, starts_at=taipei(2019, 8, 13, 9), ends_at=taipei(2019, 8, 13, 10)
    )
    our_class.members.add(our_member, their_member)
    their_visit = ItineraryItemFactory(
        event=event, starts_at=taipei(2019, 8, 13, 14), ends_at=taipei(2019, 8, 13, 15)
    )
    their_visit.members.add(their_member)
    ItineraryItemFactory(starts_at=taipei(2019, 8, 12, 9), ends_at=taipei(2019, 8, 12, 10))

    programme = delegation_programme(ours)

    assert [(day.date, [e.item for e in day.entries]) for day in programme] == [
        (datetime.date(2019, 8, 12), [welcome]),
        (datetime.date(2019, 8, 13), [our_class]),
    ]


@pytest.mark.parametrize("count", [10, 100])
def test_delegation_programme_query_count_is_constant(count, django_assert_num_queries):
    delegation = DelegationFactory()
    for index in range(count):
        item = ItineraryItemFactory(
            event=delegation.event,
            starts_at=taipei(2019, 8, 12, 8) + datetime.timedelta(hours=index),
            ends_at=taipei(2019, 8, 12, 8, 30) + datetime.timedelta(hours=index),
            venue=VenueFactory(),
        )
        create_booking(VehicleFactory(), starts_at=item.starts_at, ends_at=item.ends_at, item=item)

    with django_assert_num_queries(3):
        programme = delegation_programme(delegation)
        _ = [(e.place, [v.plate for v in e.vehicles]) for d in programme for e in d.entries]

    assert sum(len(day.entries) for day in programme) == count


def test_resource_week_lists_confirmed_bookings_per_day():
    venue = VenueFactory()
    monday = datetime.date(2019, 2, 11)
    tuesday = create_booking(
        venue, starts_at=taipei(2019, 2, 12, 9), ends_at=taipei(2019, 2, 12, 10)
    )
    overnight = create_booking(
        venue, starts_at=taipei(2019, 2, 14, 22), ends_at=taipei(2019, 2, 15, 2)
    )
    cancelled = create_booking(
        venue, starts_at=taipei(2019, 2, 13, 9), ends_at=taipei(2019, 2, 13, 10)
    )
    cancel_booking(cancelled)
    create_booking(venue, starts_at=taipei(2019, 2, 18, 9), ends_at=taipei(2019, 2, 18, 10))
    create_booking(
        VenueFactory(), starts_at=taipei(2019, 2, 12, 9), ends_at=taipei(2019, 2, 12, 10)
    )

    week = resource_week(venue, monday)

    assert [day.date for day in week] == [monday + datetime.timedelta(days=n) for n in range(7)]
    assert [day.bookings for day in week] == [
        [],
        [tuesday],
        [],
        [overnight],
        [overnight],
        [],
        [],
    ]


@pytest.mark.parametrize("count", [10, 100])
def test_resource_week_query_count_is_constant(count, django_assert_num_queries):
    vehicle = VehicleFactory()
    for index in range(count):
        start = taipei(2019, 2, 11, 6) + datetime.timedelta(minutes=90 * index)
        create_booking(vehicle, starts_at=start, ends_at=start + datetime.timedelta(hours=1))

    with django_assert_num_queries(1):
        week = resource_week(vehicle, datetime.date(2019, 2, 11))
        _ = [(b.resource.name, b.item) for day in week for b in day.bookings]

    assert sum(len(day.bookings) for day in week) == count

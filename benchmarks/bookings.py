"""Booking cost must not grow with a resource's history, and the run-sheet's queries not at all.

Figures, per database (SQLite always; PostgreSQL too when DATABASE_URL is set):
- booking_10000_over_100: mean time of the service creating bookings around number 10,000
  of one resource divided by the mean around number 100 (target <= 1.5);
- run_sheet_queries_1000_minus_10: queries for a 1,000-item day minus a 10-item day (== 0).
Bookings are appended in time order, as an office books ahead; the filler between the
two marks is bulk-inserted because only the service's cost at each mark is measured.
"""

import datetime
import statistics
import time

from _harness import Report, per_database, setup_database, teardown_database

MARKS = (100, 10_000)
# Creations timed around each mark (from mark - SPREAD to mark + SPREAD - 1), repeated.
SPREAD = 10
ROUNDS = 5
RUN_SHEET_SIZES = (10, 1_000)


def _slot(index):
    from django.utils import timezone

    # Thirty-minute bookings, one per hour, from a fixed morning on.
    start = timezone.make_aware(datetime.datetime(2019, 1, 1, 8)) + datetime.timedelta(hours=index)
    return start, start + datetime.timedelta(minutes=30)


def _fill(resource, up_to, made):
    """Bulk-insert bookings made+1 .. up_to (no timing, no service)."""
    from events.models import Booking

    batch = []
    for index in range(made, up_to):
        starts_at, ends_at = _slot(index)
        batch.append(Booking(resource=resource, starts_at=starts_at, ends_at=ends_at))
    Booking.objects.bulk_create(batch, batch_size=1_000)
    return up_to


def _time_creations(resource, first, count):
    from events.services.bookings import create_booking

    durations = []
    for index in range(first, first + count):
        starts_at, ends_at = _slot(index)
        began = time.perf_counter()
        create_booking(resource, starts_at=starts_at, ends_at=ends_at, purpose="bench")
        durations.append(time.perf_counter() - began)
    return durations


def _cost_at_marks():
    """Mean seconds per service creation around each mark, each on a fresh resource."""
    from events.models import Booking, Venue

    costs = {mark: [] for mark in MARKS}
    for round_number in range(ROUNDS):
        venue = Venue.objects.create(name=f"Bench room {round_number}", venue_kind="hall")
        made = 0
        for mark in MARKS:
            made = _fill(venue, mark - SPREAD, made)
            costs[mark] += _time_creations(venue, made, 2 * SPREAD)
            made += 2 * SPREAD
        Booking.objects.filter(resource=venue).delete()
    # Median of the per-creation times resists a stray pause of the shared machine.
    return {mark: statistics.median(values) for mark, values in costs.items()}


def _run_sheet_queries(size):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from crm.models import Person
    from events.enums import StaffRole
    from events.models import Booking, Event, ItineraryItem, ItineraryStaff, Vehicle, Venue
    from events.selectors.logistics import run_sheet

    # Each size on its own day, so the second sheet does not also hold the first one's items.
    day = datetime.date(2019, 3, 29) + datetime.timedelta(days=RUN_SHEET_SIZES.index(size))
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    event = Event.objects.create(kind="tour", title=f"Bench {size}", starts_at=start, ends_at=start)
    venue = Venue.objects.create(name=f"Bench hall {size}", venue_kind="hall")
    person = Person.objects.create(family_name="Bench", given_name=str(size))
    step = datetime.timedelta(seconds=86_000 // size)
    items = ItineraryItem.objects.bulk_create(
        ItineraryItem(
            event=event,
            kind="meeting",
            title=f"Item {n}",
            starts_at=start + n * step,
            ends_at=start + (n + 1) * step,
            venue=venue,
        )
        for n in range(size)
    )
    vehicles = [
        Vehicle.objects.create(
            name=f"Car {size}-{n}", vehicle_kind="van", seats=8, plate=f"B{size}-{n}"
        )
        for n in range(3)
    ]
    Booking.objects.bulk_create(
        Booking(resource=vehicles[n % 3], starts_at=item.starts_at, ends_at=item.ends_at, item=item)
        for n, item in enumerate(items)
    )
    ItineraryStaff.objects.bulk_create(
        ItineraryStaff(item=item, person=person, role=StaffRole.LIAISON) for item in items
    )
    with CaptureQueriesContext(connection) as captured:
        sheet = run_sheet(day)
        for entry in sheet:
            _ = [(v.plate, d.person.family_name) for v in entry.vehicles for d in entry.staff]
    assert len(sheet) == size, (len(sheet), size)
    return len(captured.captured_queries)


def measure():
    """Run in one process against one database and print its figures."""
    connection = setup_database()
    vendor = connection.vendor
    report = Report()
    try:
        costs = _cost_at_marks()
        print(
            f"[{vendor}] service creation: {costs[100] * 1000:.2f} ms at booking 100, "
            f"{costs[10_000] * 1000:.2f} ms at booking 10,000",
            flush=True,
        )
        report.figure(f"{vendor}.booking_10000_over_100", costs[10_000] / costs[100], "<=", 1.5)
        small, large = (_run_sheet_queries(size) for size in RUN_SHEET_SIZES)
        print(f"[{vendor}] run-sheet queries: {small} at 10 items, {large} at 1,000", flush=True)
        report.figure(f"{vendor}.run_sheet_queries_1000_minus_10", large - small, "==", 0)
    finally:
        teardown_database(connection)
    report.exit()


if __name__ == "__main__":
    per_database(measure, __file__)

"""The free-resource search must cost the same however long the bookings' history is.

Figures, per database (SQLite always; PostgreSQL too when DATABASE_URL is set):
- free_search_100k_over_10k: median time of free_resources() over 100 rooms holding 100,000
  confirmed bookings divided by the same search over 100 rooms holding 10,000 (target <= 1.5);
  the two sets of rooms sit in one database (two buildings), the window lies in the middle of
  each history, and the two are timed in interleaved rounds so the machine's load cancels out;
- free_search_queries_100k_minus_10k: the search's queries at 100,000 minus at 10,000 (== 0).
"""

import datetime
import statistics
import time

from _harness import Report, per_database, setup_database, teardown_database

RESOURCES = 100
SETS = {"small": 10_000, "large": 100_000}
ROUNDS = 7
CALLS = 15
# Two-hour bookings every eight hours (so every room is busy some of each day).
STEP = datetime.timedelta(hours=8)
LENGTH = datetime.timedelta(hours=2)


def _start():
    from django.utils import timezone

    return timezone.make_aware(datetime.datetime(2019, 1, 1, 9))


def _make_set(name, total):
    """RESOURCES rooms in building `name`, each with total / RESOURCES bookings in time order."""
    from events.models import Booking, Venue

    rooms = [
        Venue.objects.create(
            name=f"{name} {n}", building=name, venue_kind="meeting_room", capacity=4 + n % 20
        )
        for n in range(RESOURCES)
    ]
    per_room = total // RESOURCES
    start = _start()
    batch = []
    for index in range(per_room):
        for n, room in enumerate(rooms):
            # Staggered by room so that at any moment some rooms are busy and some free.
            begins = start + index * STEP + datetime.timedelta(minutes=7 * n % 480)
            batch.append(Booking(resource=room, starts_at=begins, ends_at=begins + LENGTH))
            if len(batch) >= 5_000:
                Booking.objects.bulk_create(batch, batch_size=1_000)
                batch = []
    Booking.objects.bulk_create(batch, batch_size=1_000)
    # The window: 13:00 to 16:30 on the middle day of this set's history.
    middle = start + (per_room // 2) * STEP
    window = middle.replace(hour=13, minute=0), middle.replace(hour=16, minute=30)
    return window


def _search(name, window):
    from events.enums import ResourceKind
    from events.selectors.availability import free_resources

    found = free_resources(
        kind=ResourceKind.VENUE,
        starts_at=window[0],
        ends_at=window[1],
        min_capacity=6,
        building=name,
    )
    assert found, name
    return found


def _queries(name, window):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        _search(name, window)
    return len(captured.captured_queries)


def _timed(name, window):
    durations = []
    for _call in range(CALLS):
        began = time.perf_counter()
        _search(name, window)
        durations.append(time.perf_counter() - began)
    return statistics.median(durations)


def measure():
    connection = setup_database()
    vendor = connection.vendor
    report = Report()
    try:
        windows = {name: _make_set(name, total) for name, total in SETS.items()}
        if vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        for name, window in windows.items():
            _timed(name, window)  # warm caches and compiled statements
        ratios, small_times, large_times = [], [], []
        for _round in range(ROUNDS):
            small = _timed("small", windows["small"])
            large = _timed("large", windows["large"])
            small_times.append(small)
            large_times.append(large)
            ratios.append(large / small)
        print(
            f"[{vendor}] free-resource search over {RESOURCES} rooms: "
            f"{statistics.median(small_times) * 1000:.2f} ms at 10,000 bookings, "
            f"{statistics.median(large_times) * 1000:.2f} ms at 100,000",
            flush=True,
        )
        report.figure(f"{vendor}.free_search_100k_over_10k", statistics.median(ratios), "<=", 1.5)
        small_q = _queries("small", windows["small"])
        large_q = _queries("large", windows["large"])
        print(f"[{vendor}] search queries: {small_q} at 10,000, {large_q} at 100,000", flush=True)
        report.figure(f"{vendor}.free_search_queries_100k_minus_10k", large_q - small_q, "==", 0)
    finally:
        teardown_database(connection)
    report.exit()


if __name__ == "__main__":
    per_database(measure, __file__)

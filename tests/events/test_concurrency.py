"""Staff members grab the same room at the same moment: one wins, the others are told why.

The threads need committed rows, so these are transactional tests. Like every transactional
test in the suite (tests/conftest.py) they restore the migrated data when they start and flush
it when they end, so they find the same database whatever ran before them on their worker.
"""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from events.exceptions import BookingConflict
from events.models import Booking
from events.services.bookings import create_booking
from tests.factories.events import VenueFactory, taipei

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ATTEMPTS = 8


def _outcome(target, index):
    try:
        return ("ok", target(index))
    except BookingConflict as conflict:
        return ("conflict", conflict)
    except Exception as error:  # noqa: BLE001 - any other outcome is what the tests hunt
        return ("error", error)
    finally:
        # Each thread opened its own connection; close it so the test database can go.
        connections.close_all()


def _race(target, count):
    """Run target(index) in `count` threads released together; return what each produced."""
    barrier = threading.Barrier(count)
    outcomes = [None] * count

    def attempt(index):
        barrier.wait(timeout=30)
        outcomes[index] = _outcome(target, index)

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_concurrent_bookings_of_one_slot_give_one_success_and_clean_refusals():
    venue = VenueFactory()

    def book(index):
        return create_booking(
            venue,
            starts_at=taipei(2019, 2, 16, 9),
            ends_at=taipei(2019, 2, 16, 10),
            purpose=f"attempt {index}",
        )

    outcomes = _race(book, ATTEMPTS)

    kinds = sorted(kind for kind, _value in outcomes)
    assert kinds == ["conflict"] * (ATTEMPTS - 1) + ["ok"], outcomes
    winner = next(value for kind, value in outcomes if kind == "ok")
    clashes = {value.clashing.pk for kind, value in outcomes if kind == "conflict"}
    assert clashes == {winner.pk}
    stored = Booking.objects.filter(resource=venue).values_list("purpose", flat=True)
    assert list(stored) == [winner.purpose]


def test_concurrent_bookings_of_overlapping_slots_never_double_book():
    venue = VenueFactory()

    def book(index):
        # Each attempt overlaps every other: they all contain 09:45-10:00.
        return create_booking(
            venue,
            starts_at=taipei(2019, 2, 16, 9, index),
            ends_at=taipei(2019, 2, 16, 10, index),
        )

    outcomes = _race(book, ATTEMPTS)

    assert sorted(kind for kind, _value in outcomes).count("ok") == 1, outcomes
    assert {kind for kind, _value in outcomes} == {"ok", "conflict"}, outcomes
    assert Booking.objects.filter(resource=venue).count() == 1


def _waiting_on_a_lock(backend_pid):
    with connection.cursor() as cursor:
        cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [backend_pid])
        row = cursor.fetchone()
    return row is not None and row[0] == "Lock"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has one writer at a time")
def test_a_booker_waiting_for_the_room_never_deadlocks_the_one_it_waits_for():
    """An officer saving a day's holds books the room twice in one transaction (as the planner
    does); a colleague's overlapping booking comes in between. The colleague must wait and be
    refused, not lock the officer's second booking out and have the database kill one of them.
    """
    venue = VenueFactory()
    officer_holds_first = threading.Event()
    colleague_pid = []
    outcomes = {}

    def officer(_index):
        with transaction.atomic():
            first = create_booking(
                venue, starts_at=taipei(2019, 2, 16, 9), ends_at=taipei(2019, 2, 16, 10)
            )
            officer_holds_first.set()
            deadline = time.monotonic() + 10
            while not (colleague_pid and _waiting_on_a_lock(colleague_pid[0])):
                assert time.monotonic() < deadline, "the colleague never reached the room"
                time.sleep(0.02)
            # Overlaps the colleague's attempt only, not the officer's own first booking.
            second = create_booking(
                venue, starts_at=taipei(2019, 2, 16, 10, 30), ends_at=taipei(2019, 2, 16, 11)
            )
        return first, second

    def colleague(_index):
        officer_holds_first.wait(timeout=10)
        connection.ensure_connection()
        colleague_pid.append(connection.connection.info.backend_pid)
        return create_booking(
            venue, starts_at=taipei(2019, 2, 16, 9, 30), ends_at=taipei(2019, 2, 16, 10, 45)
        )

    threads = [
        threading.Thread(target=lambda: outcomes.update(officer=_outcome(officer, 0))),
        threading.Thread(target=lambda: outcomes.update(colleague=_outcome(colleague, 1))),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert outcomes["officer"][0] == "ok", outcomes
    assert outcomes["colleague"][0] == "conflict", outcomes
    first, second = outcomes["officer"][1]
    assert outcomes["colleague"][1].clashing.pk == first.pk
    stored = (
        Booking.objects.filter(resource=venue).order_by("starts_at").values_list("pk", flat=True)
    )
    assert list(stored) == [first.pk, second.pk]

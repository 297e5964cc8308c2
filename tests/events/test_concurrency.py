"""Eight staff members grab the same room at the same moment: one wins, seven are told why.

The threads need committed rows, so these tests cannot run inside the usual per-test
transaction. They do not use transaction=True either: its closing flush would also delete
what migrations put in the test database (Wagtail's locales, root page and site), breaking
later tests that reuse it. They write in autocommit and delete their own rows instead.
"""

import threading

import pytest
from django.db import connection, connections
from django.test.utils import setup_databases

from events.exceptions import BookingConflict
from events.models import Booking
from events.services.bookings import create_booking
from tests.factories.events import VenueFactory, taipei

ATTEMPTS = 8


def _on_test_database(connection):
    name = str(connection.settings_dict["NAME"])
    test_name = connection.settings_dict.get("TEST", {}).get("NAME")
    return name == str(test_name) if test_name else name.startswith("test_")


@pytest.fixture
def committed_venue(django_db_setup, django_db_blocker):
    """A venue committed for all threads to see; it and its bookings go afterwards."""
    with django_db_blocker.unblock():
        # pytest-django creates the test database only for sessions holding a django_db
        # test; run alone, these tests must create (or reuse) it rather than touch the real one.
        if not _on_test_database(connection):
            setup_databases(verbosity=0, interactive=False, aliases={"default"}, keepdb=True)
        assert _on_test_database(connection)
        venue = VenueFactory()
        try:
            yield venue
        finally:
            Booking.objects.filter(resource=venue).delete()
            venue.delete()
            connections.close_all()


def _race(target, count):
    """Run target(index) in `count` threads released together; return what each produced."""
    barrier = threading.Barrier(count)
    outcomes = [None] * count

    def attempt(index):
        try:
            barrier.wait(timeout=30)
            outcomes[index] = ("ok", target(index))
        except BookingConflict as conflict:
            outcomes[index] = ("conflict", conflict)
        except Exception as error:  # noqa: BLE001 - any other outcome is what the test hunts
            outcomes[index] = ("error", error)
        finally:
            # Each thread opened its own connection; close it so the test database can go.
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_concurrent_bookings_of_one_slot_give_one_success_and_clean_refusals(committed_venue):
    venue = committed_venue

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


def test_concurrent_bookings_of_overlapping_slots_never_double_book(committed_venue):
    venue = committed_venue

    def book(index):
        # Each attempt overlaps every other: they all contain 09:45-10:00.
        return create_booking(
            venue,
            starts_at=taipei(2019, 2, 16, 9, index),
            ends_at=taipei(2019, 2, 16, 10, index),
        )

    outcomes = _race(book, ATTEMPTS)

    assert sorted(kind for kind, _value in outcomes).count("ok") == 1, outcomes
    assert {kind for kind, _value in outcomes} == {"ok", "conflict"}
    assert Booking.objects.filter(resource=venue).count() == 1

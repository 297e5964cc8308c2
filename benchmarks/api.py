"""The API's list and the annual report must not slow down with the data.

Figures (SQLite always; PostgreSQL too when DATABASE_URL is set):
- api_list_1000_over_10: time of GET /api/v1/events/?kind=... for a kind with 1,000 public
  events divided by one with 10 (target <= 3);
- annual_report_10000_over_100: time of the annual report of a year with 10,000 visits
  divided by a year with 100 (target <= 3).
Both pairs live in one database and are measured side by side in interleaved rounds, so the
shared machine's noise falls on both alike; each figure is the ratio of the medians.
"""

import datetime
import statistics
import time

from _harness import Report, per_database, setup_database, teardown_database

ROUNDS = 15


def _events(kind, count):
    from django.utils import timezone

    from events.enums import EventStatus
    from events.models import Event

    start = timezone.make_aware(datetime.datetime(2019, 1, 1, 9))
    Event.objects.bulk_create(
        (
            Event(
                kind=kind,
                title=f"{kind} {n}",
                title_en=f"{kind} {n}",
                starts_at=start + datetime.timedelta(hours=n),
                ends_at=start + datetime.timedelta(hours=n, minutes=30),
                status=EventStatus.CONFIRMED,
                is_public=True,
            )
            for n in range(count)
        ),
        batch_size=1_000,
    )


def _visits(year, count):
    from django.utils import timezone

    from crm.models import Organisation
    from events.models import Delegation, Event

    countries = ["JP", "KR", "US", "PH", "VN", "TH", "MY", "ID"]
    organisations = [
        Organisation.objects.create(kind="city", name=f"City {year}-{c}", country=c)
        for c in countries
    ]
    start = timezone.make_aware(datetime.datetime(year, 1, 1, 9))
    events = Event.objects.bulk_create(
        (
            Event(
                kind="courtesy_visit",
                title=f"Visit {year}-{n}",
                starts_at=start + datetime.timedelta(minutes=50 * n),
                ends_at=start + datetime.timedelta(minutes=50 * n + 40),
            )
            for n in range(count)
        ),
        batch_size=1_000,
    )
    Delegation.objects.bulk_create(
        (
            Delegation(
                event=event,
                name=f"Delegation {n}",
                organisation=organisations[n % len(organisations)],
                declared_size=5 + n % 7,
            )
            for n, event in enumerate(events)
        ),
        batch_size=1_000,
    )


def _timed(call):
    began = time.perf_counter()
    call()
    return time.perf_counter() - began


def measure():
    connection = setup_database()
    vendor = connection.vendor
    report = Report()
    try:
        from django.test import Client

        from events.reports.annual import annual_report

        _events("forum", 10)
        _events("meeting", 1_000)
        _visits(2018, 100)
        _visits(2019, 10_000)
        client = Client()

        def listing(kind):
            response = client.get("/api/v1/events/", {"kind": kind})
            assert response.status_code == 200, response.status_code
            return response

        assert listing("meeting").json()["count"] == 1_000
        assert listing("forum").json()["count"] == 10
        assert annual_report(2019).visits == 10_000 and annual_report(2018).visits == 100
        small_list, large_list, small_year, large_year = [], [], [], []
        for _round in range(ROUNDS):
            small_list.append(_timed(lambda: listing("forum")))
            large_list.append(_timed(lambda: listing("meeting")))
            small_year.append(_timed(lambda: annual_report(2018)))
            large_year.append(_timed(lambda: annual_report(2019)))
        medians = [
            statistics.median(t) * 1000 for t in (small_list, large_list, small_year, large_year)
        ]
        print(
            f"[{vendor}] events list: {medians[0]:.1f} ms at 10, {medians[1]:.1f} ms at 1,000; "
            f"annual report: {medians[2]:.1f} ms at 100 visits, {medians[3]:.1f} ms at 10,000",
            flush=True,
        )
        report.figure(f"{vendor}.api_list_1000_over_10", medians[1] / medians[0], "<=", 3)
        report.figure(f"{vendor}.annual_report_10000_over_100", medians[3] / medians[2], "<=", 3)
    finally:
        teardown_database(connection)
    report.exit()


if __name__ == "__main__":
    per_database(measure, __file__)

"""The office's yearly figures, counted the way the 2019 report counts them.

A visit is an inbound delegation whose event starts in the year (local time); its visitors
are the declared head count when one is recorded, otherwise the members on record.
"""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import ExtractMonth

from ..enums import BookingStatus, ResourceKind
from ..models import Booking, Delegation, Venue


@dataclass(frozen=True)
class YearFigure:
    """A total for a year with its split by country (ISO code) and by event kind."""

    total: int
    by_country: dict
    by_kind: dict


def _inbound_in_year(year):
    return (
        Delegation.objects.inbound()
        .filter(event__starts_at__year=year)
        .annotate(member_count=Count("members"))
        .values_list("organisation__country", "event__kind", "declared_size", "member_count")
    )


def _figure(rows, weight):
    by_country, by_kind = Counter(), Counter()
    for country, kind, declared_size, member_count in rows:
        amount = weight(declared_size, member_count)
        by_country[country or ""] += amount
        by_kind[kind] += amount
    return YearFigure(
        total=sum(by_kind.values()),
        by_country=dict(sorted(by_country.items())),
        by_kind=dict(sorted(by_kind.items())),
    )


def visits_in_year(year):
    """Inbound delegations whose event starts in the year, by country and by event kind."""
    return _figure(_inbound_in_year(year), lambda declared, members: 1)


def visitors_in_year(year):
    """People who came with inbound delegations in the year, by country and by event kind."""
    return _figure(
        _inbound_in_year(year),
        lambda declared, members: declared if declared is not None else members,
    )


def vehicle_trips_by_month(year):
    """Confirmed vehicle bookings per month of the year, {1: n, ..., 12: n}."""
    counts = dict(
        Booking.objects.filter(
            status=BookingStatus.CONFIRMED,
            resource__kind=ResourceKind.VEHICLE,
            starts_at__year=year,
        )
        .annotate(month=ExtractMonth("starts_at"))
        .values("month")
        .annotate(trips=Count("pk"))
        .values_list("month", "trips")
    )
    return {month: counts.get(month, 0) for month in range(1, 13)}


def room_bookings_by_venue(year):
    """Every venue with its confirmed bookings in the year, as (venue, count), by building."""
    venues = Venue.objects.annotate(
        booking_count=Count(
            "bookings",
            filter=Q(bookings__status=BookingStatus.CONFIRMED, bookings__starts_at__year=year),
        )
    ).order_by("building", "name", "pk")
    return [(venue, venue.booking_count) for venue in venues]

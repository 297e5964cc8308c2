"""Every figure of the office's annual performance report, read from the records for a year.

The counting rules are those of events/selectors/stats.py (a visit is an inbound delegation
whose event starts in the year, office time); this module gathers the whole report in a fixed
number of queries, whatever the year holds, so the admin page and the downloads stay quick.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Max, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce, ExtractMonth, ExtractYear
from django.utils import timezone

from crm.models import Relationship, RelationshipRenewal
from crm.selectors.ties import (
    ANNIVERSARY_YEARS,
    CITY_TIE_TYPES,
    anniversary,
    sister_cities_in_order,
)

from ..enums import (
    BookingStatus,
    Direction,
    MemberRole,
    RegistrationStatus,
    ResourceKind,
    VenueKind,
)
from ..models import Booking, Delegation, DelegationMember, Event, Registration, Venue

MONTHS = range(1, 13)


@dataclass(frozen=True)
class NewTie:
    ordinal: int
    relationship: Relationship


@dataclass(frozen=True)
class Anniversary:
    relationship: Relationship
    years: int
    date: object


@dataclass(frozen=True)
class EventParticipation:
    """An event of the year that took participants (accepted registrations)."""

    event: Event
    participants: int
    by_country: dict
    by_university: dict


@dataclass
class AnnualReport:
    year: int
    visits: int = 0
    visitors: int = 0
    visits_by_country: dict = field(default_factory=dict)
    visitors_by_country: dict = field(default_factory=dict)
    visits_by_kind: dict = field(default_factory=dict)
    visitors_by_kind: dict = field(default_factory=dict)
    visits_by_month: dict = field(default_factory=dict)
    visitors_by_month: dict = field(default_factory=dict)
    dignitaries: list = field(default_factory=list)
    new_ties: list = field(default_factory=list)
    renewals: list = field(default_factory=list)
    anniversaries: list = field(default_factory=list)
    events: list = field(default_factory=list)
    participants_by_country: dict = field(default_factory=dict)
    participants_by_university: dict = field(default_factory=dict)
    outbound_missions: list = field(default_factory=list)
    room_bookings_by_centre: dict = field(default_factory=dict)
    hall_openings_by_centre: dict = field(default_factory=dict)
    car_trips_by_month: dict = field(default_factory=dict)

    @property
    def room_bookings(self):
        return sum(self.room_bookings_by_centre.values())

    @property
    def hall_openings(self):
        return sum(self.hall_openings_by_centre.values())

    @property
    def car_trips(self):
        return sum(self.car_trips_by_month.values())

    @property
    def participants(self):
        return sum(self.participants_by_country.values())

    @property
    def is_empty(self):
        return not (
            self.visits or self.room_bookings or self.hall_openings or self.car_trips
        ) and not (self.new_ties or self.renewals or self.events or self.outbound_missions)


def _sorted(counter):
    """Largest first, then by key, as the report lists them."""
    return dict(sorted(counter.items(), key=lambda item: (-item[1], str(item[0]))))


def _month_bounds(year):
    """Each month's [start, end) in the office's time zone, 1 to 12."""
    starts = [
        timezone.make_aware(datetime.datetime(year + (m - 1) // 12, (m - 1) % 12 + 1, 1))
        for m in range(1, 14)
    ]
    return {month: (starts[month - 1], starts[month]) for month in MONTHS}


def _visits(report):
    # Summed in the database by country and kind, each month a filtered sum over a plain range
    # of starts_at: SQLite would otherwise extract the month of an aware datetime with a
    # Python function per row, and a year of 10,000 visits would cost far more than 100.
    members = (
        DelegationMember.objects.filter(delegation=OuterRef("pk"))
        .order_by()
        .values("delegation")
        .annotate(count=Count("pk"))
        .values("count")
    )
    bounds = _month_bounds(report.year)
    in_month = {
        month: Q(event__starts_at__gte=start, event__starts_at__lt=end)
        for month, (start, end) in bounds.items()
    }
    sums = {}
    for month, condition in in_month.items():
        sums[f"visits_{month}"] = Count("pk", filter=condition)
        sums[f"visitors_{month}"] = Sum("people", filter=condition)
    rows = (
        Delegation.objects.inbound()
        .filter(event__starts_at__gte=bounds[1][0], event__starts_at__lt=bounds[12][1])
        .annotate(people=Coalesce("declared_size", Subquery(members), 0))
        .values("organisation__country", "event__kind")
        .annotate(**sums)
        .order_by()
    )
    visits = {"country": Counter(), "kind": Counter(), "month": Counter()}
    visitors = {"country": Counter(), "kind": Counter(), "month": Counter()}
    for row in rows:
        country, kind = row["organisation__country"] or "", row["event__kind"]
        for month in MONTHS:
            visit_count = row[f"visits_{month}"] or 0
            visitor_count = row[f"visitors_{month}"] or 0
            for key, value in (("country", country), ("kind", kind), ("month", month)):
                visits[key][value] += visit_count
                visitors[key][value] += visitor_count
    report.visits = sum(visits["kind"].values())
    report.visitors = sum(visitors["kind"].values())
    report.visits_by_country = _sorted(visits["country"])
    report.visitors_by_country = _sorted(visitors["country"])
    report.visits_by_kind = _sorted(visits["kind"])
    report.visitors_by_kind = _sorted(visitors["kind"])
    report.visits_by_month = {month: visits["month"][month] for month in MONTHS}
    report.visitors_by_month = {month: visitors["month"][month] for month in MONTHS}


def _dignitaries(report):
    report.dignitaries = list(
        DelegationMember.objects.filter(
            role=MemberRole.HEAD,
            delegation__direction=Direction.INBOUND,
            delegation__event__starts_at__year=report.year,
        )
        .select_related("person", "delegation__organisation", "delegation__event")
        .order_by("delegation__event__starts_at", "pk")
    )


def _ties(report):
    year = report.year
    report.new_ties = [
        NewTie(ordinal, tie)
        for ordinal, tie in sister_cities_in_order()
        if tie.signed_on and tie.signed_on.year == year
    ]
    report.renewals = list(
        RelationshipRenewal.objects.filter(renewed_on__year=year)
        .select_related("relationship__source", "relationship__target")
        .order_by("renewed_on", "pk")
    )
    signed_years = [year - years for years in ANNIVERSARY_YEARS]
    ties = (
        Relationship.objects.active()
        .filter(type__in=CITY_TIE_TYPES, signed_on__year__in=signed_years)
        .select_related("source", "target")
    )
    report.anniversaries = sorted(
        (
            Anniversary(
                tie,
                year - tie.signed_on.year,
                anniversary(tie.signed_on, year - tie.signed_on.year),
            )
            for tie in ties
        ),
        key=lambda item: (item.date, item.relationship.pk),
    )


def _participants(report):
    rows = (
        Registration.objects.filter(
            status=RegistrationStatus.ACCEPTED, event__starts_at__year=report.year
        )
        .values_list("event_id", "nationality", "university")
        .order_by()
    )
    per_event, by_country, by_university = {}, Counter(), Counter()
    for event_id, country, university in rows:
        counts = per_event.setdefault(event_id, (Counter(), Counter()))
        counts[0][country or ""] += 1
        counts[1][university.strip()] += 1
        by_country[country or ""] += 1
        by_university[university.strip()] += 1
    events = Event.objects.in_year(report.year).filter(pk__in=per_event).order_by("starts_at")
    report.events = [
        EventParticipation(
            event,
            sum(per_event[event.pk][0].values()),
            _sorted(per_event[event.pk][0]),
            _sorted(per_event[event.pk][1]),
        )
        for event in events
    ]
    report.participants_by_country = _sorted(by_country)
    report.participants_by_university = _sorted(by_university)


def _missions(report):
    report.outbound_missions = list(
        Delegation.objects.filter(direction=Direction.OUTBOUND, event__starts_at__year=report.year)
        .select_related("event", "organisation")
        .order_by("event__starts_at", "pk")
    )


def _bookings(report):
    counts = dict(
        Booking.objects.filter(
            status=BookingStatus.CONFIRMED,
            resource__kind=ResourceKind.VENUE,
            starts_at__year=report.year,
        )
        .values_list("resource_id")
        .annotate(count=Count("pk"))
        .order_by()
    )
    rooms, halls = Counter(), Counter()
    # Grouped by venue, then by building in Python: building is translated (modeltranslation),
    # and the venue's attribute gives the reader's language with its fallback.
    for venue in Venue.objects.all():
        if not venue.building:
            continue  # an outside venue, not one of the civic centres
        # Every civic centre is listed, a quiet one with 0, so two years compare line by line.
        rooms.setdefault(venue.building, 0)
        halls.setdefault(venue.building, 0)
        if venue.venue_kind == VenueKind.MEETING_ROOM:
            rooms[venue.building] += counts.get(venue.pk, 0)
        elif venue.venue_kind in (VenueKind.HALL, VenueKind.PLAZA):
            halls[venue.building] += counts.get(venue.pk, 0)
    report.room_bookings_by_centre = dict(sorted(rooms.items()))
    report.hall_openings_by_centre = dict(sorted(halls.items()))
    trips = dict(
        Booking.objects.filter(
            status=BookingStatus.CONFIRMED,
            resource__kind=ResourceKind.VEHICLE,
            starts_at__year=report.year,
        )
        .annotate(month=ExtractMonth("starts_at"))
        .values("month")
        .annotate(trips=Count("pk"))
        .values_list("month", "trips")
        .order_by()
    )
    report.car_trips_by_month = {month: trips.get(month, 0) for month in MONTHS}


def annual_report(year):
    """The annual report for a year: visits, ties, events, missions, bookings and car trips."""
    report = AnnualReport(year=year)
    for part in (_visits, _dignitaries, _ties, _participants, _missions, _bookings):
        part(report)
    return report


def latest_year_with_data(*, today):
    """The latest year up to today's in which a visit (inbound delegation) began; else today's."""
    year = (
        Delegation.objects.inbound()
        .filter(event__starts_at__date__lte=today)
        .aggregate(year=Max(ExtractYear("event__starts_at")))["year"]
    )
    return year or today.year


def report_figures(report):
    """The report as plain data, one key per figure (the JSON download and the command)."""
    return {
        "year": report.year,
        "visits": report.visits,
        "visitors": report.visitors,
        "visits_by_country": report.visits_by_country,
        "visitors_by_country": report.visitors_by_country,
        "visits_by_kind": report.visits_by_kind,
        "visitors_by_kind": report.visitors_by_kind,
        "visits_by_month": report.visits_by_month,
        "visitors_by_month": report.visitors_by_month,
        "dignitaries": [
            {
                "name": str(member.person),
                "chinese_name": member.person.chinese_name,
                "organisation": str(member.delegation.organisation),
                "country": str(member.delegation.organisation.country or ""),
                "date": timezone.localdate(member.delegation.event.starts_at).isoformat(),
                "event": str(member.delegation.event),
            }
            for member in report.dignitaries
        ],
        "new_sister_cities": [
            {
                "ordinal": tie.ordinal,
                "city": str(tie.relationship.partner),
                "type": tie.relationship.type,
                "signed_on": tie.relationship.signed_on.isoformat(),
            }
            for tie in report.new_ties
        ],
        "renewals": [
            {
                "partner": str(renewal.relationship.partner),
                "renewed_on": renewal.renewed_on.isoformat(),
            }
            for renewal in report.renewals
        ],
        "anniversaries": [
            {
                "partner": str(item.relationship.partner),
                "years": item.years,
                "date": item.date.isoformat(),
            }
            for item in report.anniversaries
        ],
        "events": [
            {
                "event": str(item.event),
                "starts_on": timezone.localdate(item.event.starts_at).isoformat(),
                "participants": item.participants,
                "by_country": item.by_country,
                "by_university": item.by_university,
            }
            for item in report.events
        ],
        "participants": report.participants,
        "participants_by_country": report.participants_by_country,
        "participants_by_university": report.participants_by_university,
        "outbound_missions": len(report.outbound_missions),
        "outbound_mission_list": [
            {
                "delegation": str(delegation),
                "destination": str(delegation.organisation),
                "country": str(delegation.organisation.country or ""),
                "starts_on": timezone.localdate(delegation.event.starts_at).isoformat(),
            }
            for delegation in report.outbound_missions
        ],
        "room_bookings": report.room_bookings,
        "room_bookings_by_centre": report.room_bookings_by_centre,
        "hall_openings": report.hall_openings,
        "hall_openings_by_centre": report.hall_openings_by_centre,
        "car_trips": report.car_trips,
        "car_trips_by_month": report.car_trips_by_month,
    }

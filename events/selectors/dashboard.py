"""The officer's day on the admin home page: what needs doing this week, in a fixed number of
queries whatever the office holds (each list is cut at LIMIT and carries its full count)."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Min, Q
from django.utils import timezone

from crm.selectors.ties import agreements_due, dormant_ties

from ..enums import (
    BookingStatus,
    EventStatus,
    InvitationStatus,
    ItemStatus,
    RegistrationStatus,
)
from ..models import Booking, Delegation, Event, ItineraryItem

LIMIT = 10
DEADLINE_DAYS = 7
AGREEMENT_DAYS = 90
DORMANT_MONTHS = 12


@dataclass(frozen=True)
class Listing:
    """At most LIMIT rows of a list, and how many there are in all."""

    rows: list
    total: int


def _listing(queryset):
    # Always counted, so the page asks the same queries on a quiet day and a busy one.
    return Listing(list(queryset[:LIMIT]), queryset.order_by().count())


def week_of(day):
    """Monday 00:00 to the next Monday 00:00 of the day's week, in the office's time."""
    monday = day - datetime.timedelta(days=day.weekday())
    start = timezone.make_aware(datetime.datetime.combine(monday, datetime.time()))
    return start, start + datetime.timedelta(days=7)


def visits_this_week(today):
    start, end = week_of(today)
    return _listing(
        Delegation.objects.inbound()
        .filter(event__starts_at__lt=end, event__ends_at__gte=start)
        .exclude(event__status=EventStatus.CANCELLED)
        .select_related("event", "organisation")
        .order_by("event__starts_at", "pk")
    )


def items_this_week(today):
    start, end = week_of(today)
    return _listing(
        ItineraryItem.objects.filter(
            status=ItemStatus.CONFIRMED, starts_at__lt=end, ends_at__gte=start
        )
        .select_related("event", "venue")
        .order_by("starts_at", "pk")
    )


def invitations_near_deadline(now):
    """Events with invitations still unanswered whose reply-by falls in the next days."""
    soon = Q(
        invitations__status=InvitationStatus.PENDING,
        invitations__respond_by__gte=now,
        invitations__respond_by__lte=now + datetime.timedelta(days=DEADLINE_DAYS),
    )
    return _listing(
        Event.objects.annotate(
            unanswered=Count("invitations", filter=soon),
            deadline=Min("invitations__respond_by", filter=soon),
        )
        .filter(unanswered__gt=0)
        .order_by("deadline", "pk")
    )


def registrations_awaiting_review():
    """Events with registrations submitted and not yet reviewed, oldest submission first."""
    waiting = Q(registrations__status=RegistrationStatus.SUBMITTED)
    return _listing(
        Event.objects.annotate(
            waiting=Count("registrations", filter=waiting),
            oldest=Min("registrations__created_at", filter=waiting),
        )
        .filter(waiting__gt=0)
        .order_by("oldest", "pk")
    )


def bookings_awaiting_confirmation(now):
    """Upcoming bookings held for an event still in draft: they stand until it is confirmed."""
    return _listing(
        Booking.objects.filter(
            status=BookingStatus.CONFIRMED,
            ends_at__gte=now,
            item__event__status=EventStatus.DRAFT,
        )
        .select_related("resource", "item__event")
        .order_by("starts_at", "pk")
    )


@dataclass(frozen=True)
class OfficerDay:
    visits: Listing
    items: Listing
    invitations: Listing
    registrations: Listing
    agreements: Listing
    dormant: Listing
    bookings: Listing


def officer_day(*, now=None):
    """Everything on the officer's desk today, each list cut at LIMIT with its total."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    due = agreements_due(within_days=AGREEMENT_DAYS, today=today)
    quiet = dormant_ties(months=DORMANT_MONTHS, today=today)
    return OfficerDay(
        visits=visits_this_week(today),
        items=items_this_week(today),
        invitations=invitations_near_deadline(now),
        registrations=registrations_awaiting_review(),
        agreements=Listing(due[:LIMIT], len(due)),
        dormant=Listing(quiet[:LIMIT], len(quiet)),
        bookings=bookings_awaiting_confirmation(now),
    )

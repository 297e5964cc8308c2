"""The records behind the annual report's figures, as rows for the XLSX download."""

from django.db.models import Count
from django.utils import timezone

from ..enums import BookingStatus, ResourceKind
from ..models import Booking, Delegation


def visit_rows(year):
    """Each inbound delegation of the year: date, names, country, kind, visitors."""
    delegations = (
        Delegation.objects.inbound()
        .filter(event__starts_at__year=year)
        .annotate(member_count=Count("members"))
        .select_related("event", "organisation")
        .order_by("event__starts_at", "pk")
    )
    for delegation in delegations:
        yield (
            timezone.localdate(delegation.event.starts_at),
            str(delegation),
            str(delegation.organisation),
            str(delegation.organisation.country.name or ""),
            delegation.event.get_kind_display(),
            delegation.declared_size
            if delegation.declared_size is not None
            else delegation.member_count,
        )


def booking_rows(year, kind):
    """Each confirmed booking of a resource kind in the year: start, end, resource, purpose."""
    bookings = (
        Booking.objects.filter(
            status=BookingStatus.CONFIRMED, resource__kind=kind, starts_at__year=year
        )
        .select_related("resource", "resource__venue")
        .order_by("starts_at", "pk")
    )
    for booking in bookings.iterator(chunk_size=2000):
        building = booking.resource.venue.building if kind == ResourceKind.VENUE else ""
        yield (
            timezone.localtime(booking.starts_at).replace(tzinfo=None),
            timezone.localtime(booking.ends_at).replace(tzinfo=None),
            building,
            str(booking.resource),
            booking.purpose,
        )

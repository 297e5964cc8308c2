"""What staff need on paper: the day's run-sheet, a delegation's programme, a resource's week.

Every selector here runs a fixed number of queries however many items, bookings and staff a
day holds (select_related for the single links, prefetch_related for the lists).
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.utils import timezone

from ..enums import BookingStatus, ItemStatus, ResourceKind, StaffRole
from ..models import Booking, ItineraryItem, ItineraryStaff

# One join per resource kind, so a booking's venue, vehicle or person comes in the same row.
RESOURCE_RELATED = (
    "resource__venue",
    "resource__vehicle",
    "resource__driver__person",
    "resource__interpreter__person",
    "resource__vip__person",
)


@dataclass(frozen=True)
class RunSheetEntry:
    """One line of a run-sheet: an itinerary item, or a booking made outside any programme."""

    starts_at: datetime.datetime
    ends_at: datetime.datetime
    title: str
    place: str
    item: ItineraryItem | None = None
    booking: Booking | None = None
    venues: list = field(default_factory=list)
    vehicles: list = field(default_factory=list)
    drivers: list = field(default_factory=list)
    interpreters: list = field(default_factory=list)
    vips: list = field(default_factory=list)
    staff: list = field(default_factory=list)

    @property
    def event(self):
        return self.item.event if self.item else None

    @property
    def is_cancelled(self):
        return self.item is not None and self.item.status == ItemStatus.CANCELLED


@dataclass(frozen=True)
class ProgrammeDay:
    date: datetime.date
    entries: list


@dataclass(frozen=True)
class ResourceDay:
    date: datetime.date
    bookings: list


def _confirmed_bookings():
    return Booking.objects.filter(status=BookingStatus.CONFIRMED).select_related(
        *RESOURCE_RELATED, "booked_by"
    )


def _item_queryset():
    return ItineraryItem.objects.select_related("event", "venue").prefetch_related(
        Prefetch("bookings", queryset=_confirmed_bookings().order_by("starts_at", "pk")),
        Prefetch(
            "staff",
            queryset=ItineraryStaff.objects.select_related("person").order_by("role", "pk"),
        ),
    )


def _by_kind(bookings):
    grouped = {kind: [] for kind in ResourceKind.values}
    for booking in bookings:
        resource = booking.resource
        kind = resource.kind
        # The subclass row (venue, vehicle ...) was joined in; fall back to the base row.
        specific = getattr(resource, {"person": "vip"}.get(kind, kind), resource)
        grouped[kind].append(specific)
    return grouped


def _place(item):
    if item.venue_id:
        building = item.venue.building
        return f"{building} {item.venue.name}".strip() if building else item.venue.name
    return item.address


def _entry_for_item(item):
    grouped = _by_kind(item.bookings.all())
    staff = list(item.staff.all())
    duties = [duty for duty in staff if duty.role == StaffRole.INTERPRETER]
    on_duty = {duty.person_id for duty in duties}
    # An interpreter both booked and assigned is one person: list the duty, which names the
    # language pair, and only the bookings of interpreters who have no duty on the item.
    interpreters = duties + [
        booked for booked in grouped["interpreter"] if booked.person_id not in on_duty
    ]
    venues = grouped["venue"]
    if item.venue_id and item.venue not in venues:
        venues = [item.venue, *venues]
    return RunSheetEntry(
        starts_at=item.starts_at,
        ends_at=item.ends_at,
        title=item.title,
        place=_place(item),
        item=item,
        venues=venues,
        vehicles=grouped["vehicle"],
        drivers=grouped["driver"],
        interpreters=interpreters,
        vips=grouped["person"],
        staff=staff,
    )


def _entry_for_booking(booking):
    grouped = _by_kind([booking])
    return RunSheetEntry(
        starts_at=booking.starts_at,
        ends_at=booking.ends_at,
        title=booking.purpose or booking.resource.name,
        place=booking.pickup_address,
        booking=booking,
        venues=grouped["venue"],
        vehicles=grouped["vehicle"],
        drivers=grouped["driver"],
        interpreters=grouped["interpreter"],
        vips=grouped["person"],
    )


def _day_bounds(date):
    start = timezone.make_aware(datetime.datetime.combine(date, datetime.time.min))
    return start, start + datetime.timedelta(days=1)


def run_sheet(date):
    """Every item and standalone booking touching a local date, in time order, with all it uses."""
    start, end = _day_bounds(date)
    # Zero-length items (a photo call at 10:00) still belong to the day they start on.
    items = _item_queryset().filter(
        Q(starts_at__lt=end, ends_at__gt=start) | Q(starts_at__gte=start, starts_at__lt=end)
    )
    standalone = _confirmed_bookings().filter(
        item__isnull=True, starts_at__lt=end, ends_at__gt=start
    )
    entries = [_entry_for_item(item) for item in items]
    entries += [_entry_for_booking(booking) for booking in standalone]
    return sorted(entries, key=lambda entry: (entry.starts_at, entry.ends_at, entry.title))


def delegation_programme(delegation):
    """A delegation's programme by day: its event's items that are for everyone or its members."""
    items = (
        _item_queryset()
        .filter(event_id=delegation.event_id)
        .filter(Q(members__isnull=True) | Q(members__delegation=delegation))
        .distinct()
        .order_by("starts_at", "pk")
    )
    days = {}
    for item in items:
        days.setdefault(timezone.localdate(item.starts_at), []).append(_entry_for_item(item))
    return [ProgrammeDay(date=date, entries=entries) for date, entries in days.items()]


def resource_week(resource, monday):
    """A resource's confirmed bookings for the seven days from `monday`, one list per day."""
    start, _end = _day_bounds(monday)
    end = start + datetime.timedelta(days=7)
    bookings = list(
        _confirmed_bookings()
        .select_related("item__event")
        .filter(resource_id=resource.pk, starts_at__lt=end, ends_at__gt=start)
        .order_by("starts_at", "pk")
    )
    days = []
    for offset in range(7):
        day = monday + datetime.timedelta(days=offset)
        day_start, day_end = _day_bounds(day)
        days.append(
            ResourceDay(
                date=day,
                bookings=[b for b in bookings if b.starts_at < day_end and b.ends_at > day_start],
            )
        )
    return days

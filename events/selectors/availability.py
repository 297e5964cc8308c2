"""Which resources of a kind are free for a time, and who holds the busy ones.

Confirmed bookings of one resource never overlap (events_booking_no_overlap, in the database
on both backends). So the bookings that touch [starts_at, ends_at) are those that start inside
it, plus at most one per resource that started before it: the latest such booking, if it has
not ended yet. Both are bounded index range scans on (resource, starts_at), so the search costs
the same at 10,000 bookings as at 100,000, however much history lies before or after.
"""

from dataclasses import dataclass, field

from django.db.models import OuterRef, Q, Subquery

from ..enums import BookingStatus, ResourceKind
from ..models import Booking, Driver, Interpreter, Resource, Vehicle, Venue, Vip

KIND_MODELS = {
    ResourceKind.VENUE: Venue,
    ResourceKind.VEHICLE: Vehicle,
    ResourceKind.DRIVER: Driver,
    ResourceKind.INTERPRETER: Interpreter,
    ResourceKind.PERSON: Vip,
}
# The column that says how many people a resource takes, for the kinds that have one.
CAPACITY_FIELDS = {ResourceKind.VENUE: "capacity", ResourceKind.VEHICLE: "seats"}
PEOPLE = {ResourceKind.DRIVER, ResourceKind.INTERPRETER, ResourceKind.PERSON}


@dataclass
class Availability:
    """A resource and the confirmed bookings that hold it during the asked time."""

    resource: object
    holders: list = field(default_factory=list)

    @property
    def is_free(self):
        return not self.holders

    @property
    def capacity(self):
        name = CAPACITY_FIELDS.get(self.resource.kind)
        return getattr(self.resource, name) if name else None


def resources_of_kind(kind, *, min_capacity=None, building=None, subkind=None):
    """Active resources of a kind as their own model, filtered by size, building and subkind."""
    model = KIND_MODELS[kind]
    queryset = model.objects.filter(is_active=True)
    if kind in PEOPLE:
        queryset = queryset.select_related("person")
    capacity = CAPACITY_FIELDS.get(kind)
    if min_capacity and capacity:
        queryset = queryset.filter(**{f"{capacity}__gte": min_capacity})
    if building and kind == ResourceKind.VENUE:
        queryset = queryset.filter(
            Q(building_zh_hant=building) | Q(building_en=building) | Q(building=building)
        )
    if subkind:
        name = {ResourceKind.VENUE: "venue_kind", ResourceKind.VEHICLE: "vehicle_kind"}.get(kind)
        if name:
            queryset = queryset.filter(**{name: subkind})
    return queryset


def bookings_touching(resource_ids, starts_at, ends_at, *, ignore_item=None):
    """Confirmed bookings of these resources that share an instant with [starts_at, ends_at).

    Two queries: the latest booking of each resource that started before the window (one index
    probe each), then those bookings if still running plus every booking starting inside it.
    """
    confirmed = Booking.objects.filter(status=BookingStatus.CONFIRMED)
    resource_ids = list(resource_ids)
    if not resource_ids:
        return []
    latest_before = (
        confirmed.filter(resource_id=OuterRef("pk"), starts_at__lt=starts_at)
        .order_by("-starts_at")
        .values("pk")[:1]
    )
    earlier = list(
        Resource.objects.filter(pk__in=resource_ids)
        .order_by()
        .annotate(latest=Subquery(latest_before))
        .values_list("latest", flat=True)
    )
    bookings = (
        confirmed.filter(
            Q(resource_id__in=resource_ids, starts_at__gte=starts_at, starts_at__lt=ends_at)
            | Q(pk__in=[pk for pk in earlier if pk], ends_at__gt=starts_at)
        )
        .select_related("item__event", "booked_by")
        .order_by("starts_at", "pk")
    )
    if ignore_item is not None:
        bookings = bookings.exclude(item=ignore_item)
    return list(bookings)


def free_resources(
    *,
    kind,
    starts_at,
    ends_at,
    min_capacity=None,
    building=None,
    subkind=None,
    ignore_item=None,
):
    """Resources of a kind for a time: free first (smallest that fits first), busy ones after,
    each busy one carrying the bookings (with their item and event) that hold it."""
    resources = list(
        resources_of_kind(kind, min_capacity=min_capacity, building=building, subkind=subkind)
    )
    held = {}
    for booking in bookings_touching(
        [resource.pk for resource in resources], starts_at, ends_at, ignore_item=ignore_item
    ):
        held.setdefault(booking.resource_id, []).append(booking)
    found = [Availability(resource, held.get(resource.pk, [])) for resource in resources]
    return sorted(
        found,
        key=lambda entry: (
            not entry.is_free,
            entry.capacity if entry.capacity is not None else 0,
            str(entry.resource),
        ),
    )

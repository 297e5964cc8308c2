"""What the visit planner shows of a visit already planned: its members, items and bookings."""

from django.db.models import Prefetch, Q

from ..enums import BookingStatus, ItemStatus, ResourceKind
from ..models import Booking, ItineraryItem

# The item fields that name a resource booked for the item (the venue is the item's own field).
BOOKED_FIELDS = {
    ResourceKind.VEHICLE: "vehicle",
    ResourceKind.DRIVER: "driver",
    ResourceKind.INTERPRETER: "interpreter",
}


def visit_members(delegation):
    """A delegation's members with their people, in the order the planner lists them."""
    return delegation.members.select_related("person").order_by("role", "pk")


def visit_items(delegation):
    """The items of a delegation's visit still on: its event's items for everyone or for its
    members (as its programme shows them), each with its confirmed bookings and resources."""
    live = (
        Booking.objects.filter(status=BookingStatus.CONFIRMED)
        .select_related("resource")
        .order_by("starts_at", "pk")
    )
    return (
        ItineraryItem.objects.filter(event_id=delegation.event_id)
        .exclude(status=ItemStatus.CANCELLED)
        .filter(Q(members__isnull=True) | Q(members__delegation=delegation))
        .distinct()
        .select_related("venue")
        .prefetch_related(
            Prefetch("bookings", queryset=live, to_attr="live_bookings"), "principals"
        )
        .order_by("starts_at", "pk")
    )


def booked_resources(item):
    """The car, driver and interpreter booked for an item: {field: booking}.

    One of each kind, the one that spans the item's time first (the planner's row names one
    of each; others booked in the booking form stay as they are).
    """
    bookings = getattr(item, "live_bookings", None)
    if bookings is None:
        bookings = list(
            item.bookings.filter(status=BookingStatus.CONFIRMED).select_related("resource")
        )
    found = {}
    for booking in sorted(
        bookings,
        key=lambda b: ((b.starts_at, b.ends_at) != (item.starts_at, item.ends_at), b.starts_at),
    ):
        name = BOOKED_FIELDS.get(booking.resource.kind)
        if name and name not in found:
            found[name] = booking
    return found

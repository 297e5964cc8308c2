"""Writing events and their itinerary items; SEQUENCE rises when calendars must update."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext

from core.audit import log_if_acted

from ..enums import BookingStatus, EventStatus, ItemStatus
from ..models import Booking, ItineraryItem
from .bookings import cancel_booking, create_booking, move_booking
from .invitations import send_cancellation_notices

# A calendar client must re-fetch an entry when one of these changes (RFC 5545 SEQUENCE).
ITEM_SCHEDULE_FIELDS = (
    "starts_at",
    "ends_at",
    "venue",
    "address",
    "latitude",
    "longitude",
    "status",
)
EVENT_SCHEDULE_FIELDS = ("starts_at", "ends_at", "all_day", "venue", "location", "status")
# Set only through the services below, never by a caller's **changes.
PROTECTED_FIELDS = {"id", "pk", "uid", "sequence", "event", "event_id", "created_at"}


def _apply_changes(instance, changes, schedule_fields):
    """Set changed attributes; return whether any of them is a schedule field."""
    refused = sorted(set(changes) & PROTECTED_FIELDS)
    if refused:
        raise ValidationError(
            gettext("These fields cannot be changed here: %(fields)s."),
            code="protected_field",
            params={"fields": ", ".join(refused)},
        )
    changed = set()
    for name, value in changes.items():
        field = instance._meta.get_field(name)
        if field.many_to_many:
            raise ValidationError(
                gettext("Set %(field)s through its own form, not as a change."),
                code="many_to_many",
                params={"field": name},
            )
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed.add(name)
    return changed, bool(changed & set(schedule_fields))


def _holds_of(item, venue_id, starts_at, ends_at):
    """The item's confirmed bookings of its venue over its time: what holds the room for it."""
    if not venue_id or ends_at <= starts_at:
        return []
    return list(
        item.bookings.filter(
            status=BookingStatus.CONFIRMED,
            resource_id=venue_id,
            starts_at__lt=ends_at,
            ends_at__gt=starts_at,
        )
    )


def _move_item_bookings(item, old_starts_at, old_ends_at, *, skip=()):
    """Bookings that follow an item: same times move to the new times, others keep their lag.

    `skip` are the venue holds, which sync_venue_holds places instead.
    """
    shift = item.starts_at - old_starts_at
    live = item.bookings.filter(status=BookingStatus.CONFIRMED).exclude(
        pk__in=[booking.pk for booking in skip]
    )
    for booking in live.order_by("starts_at"):
        if (booking.starts_at, booking.ends_at) == (old_starts_at, old_ends_at):
            move_booking(booking, starts_at=item.starts_at, ends_at=item.ends_at)
        elif shift:
            move_booking(
                booking, starts_at=booking.starts_at + shift, ends_at=booking.ends_at + shift
            )


def _venue_spans(event_id, venue_id):
    """An event's confirmed items in a venue, joined where they overlap: [start, end, items]."""
    spans = []
    items = ItineraryItem.objects.filter(
        event_id=event_id,
        venue_id=venue_id,
        status=ItemStatus.CONFIRMED,
        ends_at__gt=F("starts_at"),
    ).order_by("starts_at", "pk")
    for item in items:
        if spans and item.starts_at < spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], item.ends_at)
            spans[-1][2].append(item)
        else:
            spans.append([item.starts_at, item.ends_at, [item]])
    return spans


def _overlaps(booking, start, end):
    return booking.starts_at < end and booking.ends_at > start


def sync_venue_holds(event_id, venue_id, *, released=(), user=None):
    """Hold a venue for an event's items through the one booking rule: one booking per span.

    Items of one event may share a room at overlapping times (a speech inside the luncheon, a
    talk running on from it): the room is held once for the time they cover together, by a
    booking linked to one of them. Other events' bookings are refused as ever, by the database.
    The bookings kept are those already holding the span (so calendars see the same entry
    move); `released` are holds an item has just left (a move, a new room, a cancellation).
    """
    if not venue_id:
        return
    spans = _venue_spans(event_id, venue_id)
    live = Booking.objects.filter(
        status=BookingStatus.CONFIRMED, resource_id=venue_id, item__event_id=event_id
    ).select_related("resource", "item")
    released_ids = {booking.pk for booking in released}
    candidates = [
        booking
        for booking in live.order_by("starts_at", "pk")
        if booking.pk in released_ids
        or any(_overlaps(booking, start, end) for start, end, _items in spans)
    ]
    matched = {}
    # A booking already over a span keeps holding it, the span's own items' first.
    for index, (start, end, items) in enumerate(spans):
        ids = {item.pk for item in items}
        over = [b for b in candidates if b not in matched.values() and _overlaps(b, start, end)]
        if over:
            matched[index] = min(over, key=lambda b: b.item_id not in ids)
    # A span with none takes the hold one of its items left behind (the item moved).
    for index, (_start, _end, items) in enumerate(spans):
        ids = {item.pk for item in items}
        if index not in matched:
            spare = [b for b in candidates if b not in matched.values() and b.item_id in ids]
            if spare:
                matched[index] = spare[0]
    # Free what is not needed, shrink what overlaps to its span, then move and grow: each
    # booking then lies inside its own span, so none ever meets another of the event's.
    for booking in candidates:
        if booking not in matched.values():
            cancel_booking(booking, user=user)
    for index, booking in matched.items():
        start, end, _items = spans[index]
        if _overlaps(booking, start, end):
            move_booking(
                booking,
                starts_at=max(booking.starts_at, start),
                ends_at=min(booking.ends_at, end),
                user=user,
            )
    for index, (start, end, items) in enumerate(spans):
        booking = matched.get(index)
        if booking is None:
            create_booking(
                items[0].venue,
                starts_at=start,
                ends_at=end,
                item=items[0],
                purpose=items[0].title,
                booked_by=user,
            )
            continue
        move_booking(booking, starts_at=start, ends_at=end, user=user)
        if booking.item_id not in {item.pk for item in items}:
            booking.item, booking.purpose = items[0], items[0].title
            booking.save(update_fields=["item", "purpose", "updated_at"])


@transaction.atomic
def create_item(event, *, kind, title, starts_at, ends_at, user=None, **fields):
    """Add an itinerary item to an event's programme; members and people may be given too."""
    related = {
        name: fields.pop(name)
        for name in [f.name for f in ItineraryItem._meta.many_to_many]
        if name in fields
    }
    item = ItineraryItem(
        event=event, kind=kind, title=title, starts_at=starts_at, ends_at=ends_at, **fields
    )
    item.full_clean()
    item.save()
    for name, values in related.items():
        getattr(item, name).set(values)
    sync_venue_holds(event.pk, item.venue_id, user=user)
    log_if_acted(item, "wagtail.create", user=user)
    return item


@transaction.atomic
def update_item(item, *, user=None, **changes):
    """Change an item; SEQUENCE rises and its bookings follow when time, place or status change.

    A booking that cannot follow (the resource is taken at the new time) raises BookingConflict
    and nothing is saved.
    """
    old_starts_at, old_ends_at, old_venue_id = item.starts_at, item.ends_at, item.venue_id
    holds = _holds_of(item, old_venue_id, old_starts_at, old_ends_at)
    changed, rescheduled = _apply_changes(item, changes, ITEM_SCHEDULE_FIELDS)
    if changed:
        if rescheduled:
            item.sequence += 1
        item.full_clean()
        item.save()
        if item.status == ItemStatus.CANCELLED:
            for booking in item.bookings.filter(status=BookingStatus.CONFIRMED):
                if booking not in holds:
                    cancel_booking(booking)
            sync_venue_holds(item.event_id, old_venue_id, released=holds, user=user)
        else:
            # The old venue goes first, so it is never moved to a time it may not be free.
            if old_venue_id != item.venue_id:
                sync_venue_holds(item.event_id, old_venue_id, released=holds, user=user)
            if {"starts_at", "ends_at"} & changed:
                _move_item_bookings(item, old_starts_at, old_ends_at, skip=holds)
            sync_venue_holds(item.event_id, item.venue_id, released=holds, user=user)
    # An officer's save is recorded even when it changed nothing, as Wagtail's edit view does.
    log_if_acted(item, "wagtail.edit", user=user)
    return item


@transaction.atomic
def delete_item(item, *, user=None):
    """Delete an item; a room it held with other items of its event stays held for them.

    Its bookings would go with it (they cascade), the shared one too: cancelling first hands
    that one on.
    """
    cancel_item(item)
    log_if_acted(item, "wagtail.delete", user=user)
    item.delete()


@transaction.atomic
def update_event(event, *, user=None, **changes):
    """Change an event; SEQUENCE rises when its time, place or status change.

    Setting the status to cancelled does what cancel_event does (items, bookings, guests).
    """
    changed, rescheduled = _apply_changes(event, changes, EVENT_SCHEDULE_FIELDS)
    if changed:
        if rescheduled:
            event.sequence += 1
        event.full_clean()
        event.save()
        if "status" in changed and event.status == EventStatus.CANCELLED:
            for item in event.items.all():
                cancel_item(item)
            send_cancellation_notices(event)
    log_if_acted(event, "wagtail.edit", user=user)
    return event


@transaction.atomic
def cancel_item(item):
    """Cancel an item (it stays in calendars as cancelled) and free everything it booked.

    A room it held with other items of its event stays held for them.
    """
    holds = _holds_of(item, item.venue_id, item.starts_at, item.ends_at)
    for booking in item.bookings.filter(status=BookingStatus.CONFIRMED):
        if booking not in holds:
            cancel_booking(booking)
    if item.status != ItemStatus.CANCELLED:
        item.status = ItemStatus.CANCELLED
        item.sequence += 1
        item.save(update_fields=["status", "sequence", "updated_at"])
    sync_venue_holds(item.event_id, item.venue_id, released=holds)
    return item


@transaction.atomic
def cancel_event(event, *, notify_guests=True):
    """Cancel an event, its programme and bookings; invited guests are told (once) by mail."""
    for item in event.items.all():
        cancel_item(item)
    if event.status == EventStatus.CANCELLED:
        return event
    event.status = EventStatus.CANCELLED
    event.sequence += 1
    event.save(update_fields=["status", "sequence", "updated_at"])
    if notify_guests:
        send_cancellation_notices(event)
    return event

"""Writing events and their itinerary items; SEQUENCE rises when calendars must update."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from core.audit import log_if_acted

from ..enums import BookingStatus, EventStatus, ItemStatus
from ..models import ItineraryItem
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


def _move_item_bookings(item, old_starts_at, old_ends_at):
    """Bookings that follow an item: same times move to the new times, others keep their lag."""
    shift = item.starts_at - old_starts_at
    for booking in item.bookings.filter(status=BookingStatus.CONFIRMED).order_by("starts_at"):
        if (booking.starts_at, booking.ends_at) == (old_starts_at, old_ends_at):
            move_booking(booking, starts_at=item.starts_at, ends_at=item.ends_at)
        elif shift:
            move_booking(
                booking, starts_at=booking.starts_at + shift, ends_at=booking.ends_at + shift
            )


def _release_venue(item, venue_id, *, user=None):
    """Cancel what the item booked of a venue it no longer uses."""
    if venue_id and venue_id != item.venue_id:
        live = item.bookings.filter(status=BookingStatus.CONFIRMED, resource_id=venue_id)
        for booking in live:
            cancel_booking(booking, user=user)


def _hold_venue(item, *, user=None):
    """Keep the item's venue booked for the item's time through the one booking rule.

    The venue is a booking like any car or interpreter the item uses, so a clash with another
    item or a room booking is refused (by the database on conflict) and the booking moves and
    is cancelled with the item. A zero-length item (a photo call at 10:00) holds no time.
    """
    live = item.bookings.filter(status=BookingStatus.CONFIRMED)
    holds = (
        item.venue_id
        and item.status == ItemStatus.CONFIRMED
        and item.ends_at > item.starts_at
        and not live.filter(resource_id=item.venue_id).exists()
    )
    if holds:
        create_booking(
            item.venue,
            starts_at=item.starts_at,
            ends_at=item.ends_at,
            item=item,
            purpose=item.title,
            booked_by=user,
        )


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
    _hold_venue(item, user=user)
    log_if_acted(item, "wagtail.create", user=user)
    return item


@transaction.atomic
def update_item(item, *, user=None, **changes):
    """Change an item; SEQUENCE rises and its bookings follow when time, place or status change.

    A booking that cannot follow (the resource is taken at the new time) raises BookingConflict
    and nothing is saved.
    """
    old_starts_at, old_ends_at, old_venue_id = item.starts_at, item.ends_at, item.venue_id
    changed, rescheduled = _apply_changes(item, changes, ITEM_SCHEDULE_FIELDS)
    if changed:
        if rescheduled:
            item.sequence += 1
        item.full_clean()
        item.save()
        if item.status == ItemStatus.CANCELLED:
            for booking in item.bookings.filter(status=BookingStatus.CONFIRMED):
                cancel_booking(booking)
        else:
            # The old venue goes first, so it is never moved to a time it may not be free.
            _release_venue(item, old_venue_id, user=user)
            if {"starts_at", "ends_at"} & changed:
                _move_item_bookings(item, old_starts_at, old_ends_at)
            _hold_venue(item, user=user)
    # An officer's save is recorded even when it changed nothing, as Wagtail's edit view does.
    log_if_acted(item, "wagtail.edit", user=user)
    return item


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
    """Cancel an item (it stays in calendars as cancelled) and free everything it booked."""
    for booking in item.bookings.filter(status=BookingStatus.CONFIRMED):
        cancel_booking(booking)
    if item.status == ItemStatus.CANCELLED:
        return item
    item.status = ItemStatus.CANCELLED
    item.sequence += 1
    item.save(update_fields=["status", "sequence", "updated_at"])
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

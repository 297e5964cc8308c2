"""Booking resources (venues, vehicles, drivers, interpreters, VIPs) without double booking.

PostgreSQL refuses overlaps with the exclusion constraint events_booking_no_overlap, whatever
code path writes; the service turns that refusal into a BookingConflict naming the clash.
SQLite holds the same rule in two triggers (core.constraints.NoOverlapConstraint); there every
write transaction is BEGIN IMMEDIATE (see config/settings/base.py), so the service's own overlap
check and the insert below run under the database's write lock and no second writer can slip in
between them.

On PostgreSQL the services also take turns per resource (a row lock on it, held to the end of
the transaction). The constraint alone would keep the bookings apart, but two transactions that
each hold an uncommitted booking of one room can each wait on the other's in its check; the
database then kills one with "deadlock detected" instead of a refusal naming the clash.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext

from core.audit import log_if_acted

from ..enums import BookingStatus
from ..exceptions import BookingConflict
from ..models import Booking, Resource

OVERLAP_CONSTRAINT = "events_booking_no_overlap"


def _is_overlap_violation(error):
    diag = getattr(error.__cause__, "diag", None)
    return getattr(diag, "constraint_name", None) == OVERLAP_CONSTRAINT


def _first_clash(booking):
    return (
        Booking.objects.overlapping(booking.resource_id, booking.starts_at, booking.ends_at)
        .exclude(pk=booking.pk)
        .select_related("resource", "item", "booked_by")
        .order_by("ends_at", "pk")
        .first()
    )


def _validate(booking):
    if not booking.resource.is_active:
        raise ValidationError(
            gettext("%(resource)s is out of service and cannot be booked."),
            code="resource_inactive",
            params={"resource": booking.resource.name},
        )
    # The overlap rule is left to _save_without_overlap, which can name the clashing booking;
    # excluding "resource" skips only the exclusion constraint, not start-before-end.
    booking.full_clean(exclude=["resource"])


def _save_without_overlap(booking):
    """Save a confirmed booking, or raise BookingConflict naming what it overlaps."""
    if connection.vendor == "postgresql":
        # NO KEY UPDATE: other bookers of this resource wait here, while reads of it and the
        # foreign-key checks of rows pointing at it go on.
        Resource.objects.select_for_update(no_key=True).filter(pk=booking.resource_id).exists()
        for _attempt in range(3):
            try:
                with transaction.atomic():
                    booking.save()
                return
            except IntegrityError as error:
                if not _is_overlap_violation(error):
                    raise
                # The constraint waits for the competing transaction to finish, so the
                # clashing row is committed and visible to this next statement.
                clashing = _first_clash(booking)
                if clashing is not None:
                    raise BookingConflict(clashing) from None
        # The clash was cancelled between the refusal and our look-up three times running.
        raise ValidationError(
            gettext("The resource is being booked by someone else; please try again."),
            code="booking_busy",
        )
    clashing = _first_clash(booking)
    if clashing is not None:
        raise BookingConflict(clashing)
    booking.save()


@transaction.atomic
def create_booking(
    resource,
    *,
    starts_at,
    ends_at,
    item=None,
    purpose="",
    requested_by="",
    booked_by=None,
    pickup_address="",
    dropoff_address="",
):
    """Book a resource for [starts_at, ends_at); raise BookingConflict if it is taken.

    booked_by is also whom the audit entry names.
    """
    booking = Booking(
        resource=resource,
        starts_at=starts_at,
        ends_at=ends_at,
        item=item,
        purpose=purpose,
        requested_by=requested_by,
        booked_by=booked_by,
        pickup_address=pickup_address,
        dropoff_address=dropoff_address,
        status=BookingStatus.CONFIRMED,
    )
    _validate(booking)
    _save_without_overlap(booking)
    log_if_acted(booking, "wagtail.create", user=booked_by)
    return booking


@transaction.atomic
def cancel_booking(booking, *, user=None):
    """Cancel a booking, which frees its slot; cancelling twice changes nothing."""
    if booking.status == BookingStatus.CANCELLED:
        return booking
    booking.status = BookingStatus.CANCELLED
    booking.cancelled_at = timezone.now()
    booking.cancelled_by = user
    booking.sequence += 1
    booking.full_clean(exclude=["resource"])
    booking.save(update_fields=["status", "cancelled_at", "cancelled_by", "sequence", "updated_at"])
    log_if_acted(booking, "wagtail.edit", user=user)
    return booking


@transaction.atomic
def move_booking(booking, *, starts_at, ends_at, user=None):
    """Move a confirmed booking to a new time; raise BookingConflict if that time is taken."""
    if booking.status == BookingStatus.CANCELLED:
        raise ValidationError(
            gettext("A cancelled booking cannot be moved; book the resource again."),
            code="booking_cancelled",
        )
    if (booking.starts_at, booking.ends_at) == (starts_at, ends_at):
        return booking
    previous = (booking.starts_at, booking.ends_at, booking.sequence)
    booking.starts_at = starts_at
    booking.ends_at = ends_at
    booking.sequence += 1
    try:
        _validate(booking)
        _save_without_overlap(booking)
    except ValidationError:
        # The caller's object must keep describing what is stored, not the refused move.
        booking.starts_at, booking.ends_at, booking.sequence = previous
        raise
    log_if_acted(booking, "wagtail.edit", user=user)
    return booking


@transaction.atomic
def update_booking(booking, *, starts_at, ends_at, user=None, **details):
    """Change a booking's time and details (item, purpose, addresses) at once.

    The time moves as move_booking moves it; the resource stays (book another to change it).
    """
    for name, value in details.items():
        setattr(booking, name, value)
    booking = move_booking(booking, starts_at=starts_at, ends_at=ends_at)
    booking.full_clean(exclude=["resource"])
    booking.save(update_fields=[*details, "updated_at"])
    log_if_acted(booking, "wagtail.edit", user=user)
    return booking

"""Errors the events services raise, shaped so forms can show them as they are."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


def _local(moment):
    return format_date(timezone.localtime(moment), "Y-m-d H:i")


def _booking_owner(booking):
    if booking.requested_by:
        return booking.requested_by
    user = booking.booked_by
    if user is not None:
        return user.get_full_name() or user.get_username()
    return gettext("no owner recorded")


def _booking_purpose(booking):
    if booking.purpose:
        return booking.purpose
    if booking.item_id:
        return booking.item.title
    return gettext("no purpose given")


class BookingConflict(ValidationError):
    """A booking refused because its resource is already booked; `clashing` is that booking."""

    def __init__(self, clashing):
        self.clashing = clashing
        super().__init__(
            _(
                "%(resource)s is already booked from %(starts)s to %(ends)s "
                "for “%(purpose)s” (%(owner)s)."
            ),
            code="booking_conflict",
            params={
                "resource": clashing.resource.name,
                "starts": _local(clashing.starts_at),
                "ends": _local(clashing.ends_at),
                "purpose": _booking_purpose(clashing),
                "owner": _booking_owner(clashing),
            },
        )

    def __reduce__(self):
        # Exception pickling and copying re-call the class with self.args, which here are
        # ValidationError's (message, code, params); rebuild from the clashing booking instead.
        return (type(self), (self.clashing,))

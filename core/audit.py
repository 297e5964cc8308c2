"""Audit entries written by services (Wagtail's log), never by views."""

from wagtail.log_actions import log


def log_if_acted(instance, action, *, user):
    """Log what `user` did to `instance`; nothing when no person acted.

    For services that other services build on (a booking, an invitation): called inside an
    event's cancellation, a programme step or the demo loader they get no user, and the entry
    of the action that called them stands for the whole change.
    """
    if user is not None:
        log(instance, action, user=user)

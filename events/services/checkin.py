"""Check-in at the door: the staff action that reads a student's code.

The rule itself (accepted, this event, not twice) lives in
events.services.registrations.check_in_registration; this module adds the audit entry
naming the staff member at the door. The code's QR picture is drawn by events.checkin_codes.
"""

from django.db import transaction
from wagtail.log_actions import log

from .registrations import check_in_registration


@transaction.atomic
def check_in_by_code(event, code, *, user, now=None):
    """Check an accepted applicant in by the code scanned or typed at the door."""
    registration = check_in_registration(event, code, now=now)
    log(registration, "events.check_in", user=user)
    return registration

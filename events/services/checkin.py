"""Check-in at the door: the QR code a student shows, and the staff action that reads it.

The rule itself (accepted, this event, not twice) lives in
events.services.registrations.check_in_registration; this module adds the audit entry
naming the staff member at the door and draws the code.
"""

import io

import segno
from django.db import transaction
from wagtail.log_actions import log

from .registrations import check_in_registration, normalise_checkin_code


@transaction.atomic
def check_in_by_code(event, code, *, user, now=None):
    """Check an accepted applicant in by the code scanned or typed at the door."""
    registration = check_in_registration(event, code, now=now)
    log(registration, "events.check_in", user=user)
    return registration


def _qr(code):
    # A full QR code, never a Micro QR: phone cameras at the door do not all read those.
    return segno.make_qr(normalise_checkin_code(code), error="m")


def checkin_qr_png(code, *, scale=8):
    """The check-in code as a PNG QR code, for the acceptance mail."""
    buffer = io.BytesIO()
    _qr(code).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def checkin_qr_svg(code, *, scale=6):
    """The check-in code as an inline SVG QR code (no XML declaration)."""
    buffer = io.BytesIO()
    _qr(code).save(buffer, kind="svg", scale=scale, border=2, xmldecl=False, svgclass="checkin-qr")
    return buffer.getvalue().decode()

"""A check-in code as staff type it and as the door scans it: its normal form and its QR code.

Pure functions, kept apart from the services: the acceptance mail (events.tasks), the admin's
QR view and the check-in rule all use them, and the tasks must not import the services that
enqueue them.
"""

import io

import segno

# No 0/O or 1/I: codes are read aloud and typed at the door. 10 of 32 symbols = 50 bits.
CHECKIN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CHECKIN_LENGTH = 10


def normalise_checkin_code(code):
    """Upper case without spaces or hyphens, as staff may type a code read aloud."""
    return "".join(ch for ch in (code or "").upper() if ch not in " -")


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

"""Absolute public addresses for links that leave the site (mail, feeds, printed QR codes)."""

from django.conf import settings


def public_url(path):
    """`path` on the configured public base address (KIA_PUBLIC_BASE_URL).

    Mail is sent outside any request, and a Site record's hostname and port may be stale
    (a mailed RSVP link once pointed at another server's port), so neither is consulted.
    """
    return settings.KIA_PUBLIC_BASE_URL.rstrip("/") + "/" + path.lstrip("/")


def admin_url(path):
    """`path` on the admin's base address (WAGTAILADMIN_BASE_URL), for staff mail."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/" + path.lstrip("/")

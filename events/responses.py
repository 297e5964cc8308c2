"""The one HTTP response every iCal feed and download goes out as."""

from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import http_date, quote_etag

# Clients poll anyway; shared caches may keep a public feed this long.
PUBLIC_MAX_AGE = 15 * 60


class CalendarResponse(HttpResponse):
    """text/calendar bytes with validators, so a repeated poll can be answered with 304."""

    def __init__(
        self,
        content=b"",
        *,
        filename="calendar.ics",
        etag=None,
        last_modified=None,
        public=False,
        status=200,
    ):
        super().__init__(content, content_type="text/calendar; charset=utf-8", status=status)
        self["Content-Disposition"] = f'inline; filename="{filename}"'
        add_validators(self, etag=etag, last_modified=last_modified, public=public)


def add_validators(response, *, etag=None, last_modified=None, public=False):
    """ETag, Last-Modified and Cache-Control, on a 200 and on its 304 alike."""
    if etag:
        response["ETag"] = quote_etag(etag)
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    if public:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        # A private feed's address is its password: keep it out of shared caches and indexes.
        patch_cache_control(response, private=True, no_cache=True)
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "no-referrer"
    return response

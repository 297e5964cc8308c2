"""Reply deadlines: a deadline given as a date means the end of that day in the office's zone."""

import datetime
import zoneinfo

from django.conf import settings


def end_of_office_day(day):
    """The last instant of `day` in the office's time zone (Asia/Taipei), as an aware datetime."""
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return datetime.datetime.combine(day, datetime.time.max, tzinfo=zone)


def as_deadline(value):
    """A reply deadline from a datetime (kept) or a date (the end of that office day)."""
    if isinstance(value, datetime.datetime) or value is None:
        return value
    return end_of_office_day(value)

"""Every resource of a kind on one timeline: bookings as bars, free time as gaps between them.

Three queries whatever the number of resources and bookings (availability.bookings_touching).
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from .availability import bookings_touching, resources_of_kind


@dataclass
class Bar:
    """A stretch of a row: a booking, or free time (booking is None), placed in percent."""

    starts_at: datetime.datetime
    ends_at: datetime.datetime
    left: float
    width: float
    booking: object = None

    @property
    def is_free(self):
        return self.booking is None


@dataclass
class TimelineRow:
    resource: object
    bars: list = field(default_factory=list)

    @property
    def bookings(self):
        return [bar for bar in self.bars if not bar.is_free]


@dataclass
class Tick:
    label: str
    left: float


@dataclass
class Timeline:
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    rows: list
    ticks: list


def _place(start, end, window_start, window_end):
    total = (window_end - window_start).total_seconds()
    left = (max(start, window_start) - window_start).total_seconds() / total * 100
    right = (min(end, window_end) - window_start).total_seconds() / total * 100
    return round(left, 3), round(max(right - left, 0), 3)


def _bars(bookings, starts_at, ends_at):
    """Bookings in time order, with the free stretches between them."""
    bars, cursor = [], starts_at
    for booking in bookings:
        if booking.starts_at > cursor:
            bars.append(
                Bar(
                    cursor,
                    booking.starts_at,
                    *_place(cursor, booking.starts_at, starts_at, ends_at),
                )
            )
        bars.append(
            Bar(
                booking.starts_at,
                booking.ends_at,
                *_place(booking.starts_at, booking.ends_at, starts_at, ends_at),
                booking=booking,
            )
        )
        cursor = max(cursor, booking.ends_at)
    if cursor < ends_at:
        bars.append(Bar(cursor, ends_at, *_place(cursor, ends_at, starts_at, ends_at)))
    return bars


def _ticks(starts_at, ends_at):
    days = (ends_at - starts_at).days
    step = datetime.timedelta(days=1) if days > 1 else datetime.timedelta(hours=2)
    ticks, moment = [], starts_at
    while moment < ends_at:
        local = timezone.localtime(moment)
        label = local.strftime("%a %m-%d") if days > 1 else local.strftime("%H:%M")
        ticks.append(Tick(label, _place(moment, moment, starts_at, ends_at)[0]))
        moment += step
    return ticks


def resource_timeline(*, kind, starts_at, ends_at, building=None):
    """Every active resource of a kind (of one building, for rooms) over [starts_at, ends_at)."""
    resources = list(resources_of_kind(kind, building=building))
    held = {}
    for booking in bookings_touching([r.pk for r in resources], starts_at, ends_at):
        held.setdefault(booking.resource_id, []).append(booking)
    rows = [
        TimelineRow(resource, _bars(held.get(resource.pk, []), starts_at, ends_at))
        for resource in resources
    ]
    return Timeline(starts_at, ends_at, rows, _ticks(starts_at, ends_at))

"""The logistics pages: a resource's week, every resource of a kind on a timeline, and a search
for what is free."""

import datetime
import math

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..enums import ResourceKind
from ..forms import BookingWeekForm, FreeResourceForm, TimelineForm
from ..models import Booking
from ..selectors import availability, logistics, timelines
from .reports import ReportView

# The week grid's rows are quarter hours; its default span is a working day.
SLOT_MINUTES = 15
DAY_STARTS, DAY_ENDS = 7, 21


def week_blocks(days):
    """Place each day's bookings on the week grid, clipped to that day (overnight ones split)."""
    blocks = []
    for offset, day in enumerate(days):
        day_start = timezone.make_aware(datetime.datetime.combine(day.date, datetime.time()))
        day_end = day_start + datetime.timedelta(days=1)
        for booking in day.bookings:
            start = max(booking.starts_at, day_start)
            end = min(booking.ends_at, day_end)
            blocks.append(
                {
                    "booking": booking,
                    "day": offset,
                    "start_minute": int((start - day_start).total_seconds()) // 60,
                    "end_minute": math.ceil((end - day_start).total_seconds() / 60),
                    "continues_before": booking.starts_at < day_start,
                    "continues_after": booking.ends_at > day_end,
                }
            )
    return blocks


def week_grid(blocks):
    """Rows for the hours shown (a working day, widened to fit every block) and block spans."""
    first_hour = min([DAY_STARTS, *(block["start_minute"] // 60 for block in blocks)])
    last_hour = max([DAY_ENDS, *(math.ceil(block["end_minute"] / 60) for block in blocks)])
    origin = first_hour * 60
    for block in blocks:
        # Grid lines are 1-based and the first row holds the day headings.
        block["row_start"] = (block["start_minute"] - origin) // SLOT_MINUTES + 2
        block["row_end"] = max(
            math.ceil((block["end_minute"] - origin) / SLOT_MINUTES) + 2, block["row_start"] + 1
        )
        block["column"] = block["day"] + 2
    hours = [
        {"label": f"{hour:02d}:00", "row": (hour - first_hour) * 60 // SLOT_MINUTES + 2}
        for hour in range(first_hour, last_hour)
    ]
    return hours, (last_hour - first_hour) * 60 // SLOT_MINUTES


class BookingWeekView(ReportView):
    model = Booking
    template_name = "events/admin/booking_week.html"
    page_title = _("Week view")
    header_icon = "calendar"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = BookingWeekForm(self.request.GET or None)
        context.update(form=form, resource=None)
        if not form.is_valid():
            return context
        resource, monday = form.cleaned_data["resource"], form.cleaned_data["week"]
        # Confirmed bookings only: a cancelled booking has freed its slot and is not drawn.
        days = logistics.resource_week(resource, monday)
        blocks = week_blocks(days)
        hours, slots = week_grid(blocks)
        today = timezone.localdate()
        context.update(
            resource=resource,
            monday=monday,
            days=[
                {"date": day.date, "column": offset + 2, "is_today": day.date == today}
                for offset, day in enumerate(days)
            ],
            hours=hours,
            slots=slots,
            blocks=blocks,
            sunday=monday + datetime.timedelta(days=6),
            previous_week=monday - datetime.timedelta(days=7),
            next_week=monday + datetime.timedelta(days=7),
        )
        return context


class FreeResourceView(ReportView):
    """ "Find a free car (or room) from 13:00 to 16:30 for 6 people": free ones first, busy
    ones with who holds them."""

    model = Booking
    template_name = "events/admin/free_resources.html"
    page_title = _("Find a free resource")
    header_icon = "search"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = FreeResourceForm(self.request.GET or None)
        context.update(form=form, results=None)
        if form.is_valid():
            data = form.cleaned_data
            context["results"] = availability.free_resources(
                kind=data["kind"],
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                min_capacity=data["people"],
                building=data["building"] or None,
            )
        return context


class TimelineView(ReportView):
    """Every resource of a kind as a row, its bookings as bars across a day or a week."""

    model = Booking
    template_name = "events/admin/resource_timeline.html"
    page_title = _("Resource timeline")
    header_icon = "time"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The first visit shows today's cars rather than a form full of "required".
        query = self.request.GET.copy()
        query.setdefault("kind", ResourceKind.VEHICLE)
        form = TimelineForm(query)
        context.update(form=form, timeline=None)
        if form.is_valid():
            data = form.cleaned_data
            days = 7 if data["span"] == "week" else 1
            start = timezone.make_aware(datetime.datetime.combine(data["date"], datetime.time()))
            context["timeline"] = timelines.resource_timeline(
                kind=data["kind"],
                starts_at=start,
                ends_at=start + datetime.timedelta(days=days),
                building=data["building"] or None,
            )
            step = datetime.timedelta(days=days)
            context["previous"] = (data["date"] - step).isoformat()
            context["next"] = (data["date"] + step).isoformat()
        return context

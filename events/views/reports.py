"""Read-only admin pages: daily run sheet, delegation programme, booking week, statistics."""

import datetime
import math

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from django_countries.fields import Country
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from core.viewsets import ANY_PERMISSION

from ..charts import bar_lengths
from ..enums import EventKind
from ..forms import BookingWeekForm, RunSheetForm, StatisticsForm
from ..models import Booking, Delegation, Event, ItineraryItem
from ..selectors import logistics, stats

# The week grid's rows are quarter hours; its default span is a working day.
SLOT_MINUTES = 15
DAY_STARTS, DAY_ENDS = 7, 21


class ReportView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """A page anyone with a permission on `model` may read (protocol officers and viewers)."""

    any_permission_required = ANY_PERMISSION

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class RunSheetView(ReportView):
    model = ItineraryItem
    template_name = "events/admin/run_sheet.html"
    page_title = _("Daily run sheet")
    header_icon = "doc-full"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = RunSheetForm(self.request.GET)
        day = form.cleaned_data["date"] if form.is_valid() else None
        context.update(
            form=form,
            day=day,
            rows=logistics.run_sheet(day) if day else [],
            previous_day=day and day - datetime.timedelta(days=1),
            next_day=day and day + datetime.timedelta(days=1),
        )
        return context


class DelegationProgrammeView(ReportView):
    model = Delegation
    template_name = "events/admin/delegation_programme.html"
    page_title = _("Programme")
    header_icon = "list-ul"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.delegation = get_object_or_404(
            Delegation.objects.select_related("event", "organisation"), pk=kwargs["pk"]
        )

    def get_page_subtitle(self):
        return str(self.delegation)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("delegation:index"), "label": Delegation._meta.verbose_name_plural},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            delegation=self.delegation, programme=logistics.delegation_programme(self.delegation)
        )
        return context


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


def country_label(code):
    return Country(code).name if code else gettext("country unknown")


def kind_label(code):
    return EventKind(code).label if code in EventKind.values else code


def side_by_side(visits, visitors, label):
    """Visits and visitors of each key (country or kind) on one row, largest first."""
    keys = sorted(visitors, key=lambda key: (-visitors[key], -visits.get(key, 0), str(key)))
    return [
        {"label": label(key), "visits": visits.get(key, 0), "visitors": visitors[key]}
        for key in keys
    ]


class StatisticsView(ReportView):
    model = Event
    template_name = "events/admin/statistics.html"
    page_title = _("Statistics")
    header_icon = "table"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = StatisticsForm(self.request.GET)
        year = form.cleaned_data["year"] if form.is_valid() else None
        context.update(form=form, year=year)
        if year is None:
            return context
        visits = stats.visits_in_year(year)
        visitors = stats.visitors_in_year(year)
        trips = stats.vehicle_trips_by_month(year)
        room_bookings = stats.room_bookings_by_venue(year)
        trip_rows = [{"label": MONTHS[month], "count": count} for month, count in trips.items()]
        venue_rows = [{"venue": venue, "count": count} for venue, count in room_bookings]
        for rows in (trip_rows, venue_rows):
            # The bars are CSS widths in percent of the busiest month or venue.
            lengths = bar_lengths([row["count"] for row in rows], full=100)
            for row, percent in zip(rows, lengths):
                row["percent"] = percent
        context.update(
            visits=visits,
            visitors=visitors,
            by_country=side_by_side(visits.by_country, visitors.by_country, country_label),
            by_kind=side_by_side(visits.by_kind, visitors.by_kind, kind_label),
            trips=trip_rows,
            trips_total=sum(trips.values()),
            room_bookings=venue_rows,
            room_bookings_total=sum(count for _venue, count in room_bookings),
        )
        return context

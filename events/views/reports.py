"""Read-only admin pages: daily run sheet, delegation programme, statistics (and their base)."""

import datetime

from django.shortcuts import get_object_or_404
from django.urls import reverse
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
from ..forms import RunSheetForm, StatisticsForm
from ..models import Delegation, Event, ItineraryItem
from ..selectors import logistics, stats


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

"""The annual report page: a year's figures beside the year before, charts, downloads."""

from urllib.parse import urlencode

from django import forms
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from ..charts import figure_chart
from ..enums import BookingStatus, Direction, RegistrationStatus, ResourceKind, VenueKind
from ..models import Event
from ..reports.annual import annual_report, latest_year_with_data
from ..reports.downloads import FORMATS, report_download
from ..reports.labels import country_label, kind_label
from ..reports.text import summary_paragraph, tie_sentences, year_label
from .filters import UNKNOWN_COUNTRY
from .reports import ReportView

TOTAL_KEYS = (
    "visits",
    "visitors",
    "room_bookings",
    "hall_openings",
    "car_trips",
    "outbound_missions",
    "participants",
)


class AnnualReportForm(forms.Form):
    year = forms.IntegerField(label=_("year"), min_value=1900, max_value=2999, required=False)


def records(name, **params):
    """The filtered admin list behind a figure."""
    return f"{reverse(name)}?{urlencode(params, doseq=True)}"


def _rows(current, previous, label, href):
    keys = list(current) + [key for key in previous if key not in current]
    return [
        {
            "label": label(key),
            "value": current.get(key, 0),
            "previous": previous.get(key, 0),
            "href": href(key),
        }
        for key in keys
    ]


class AnnualReportView(ReportView):
    model = Event
    template_name = "events/admin/annual_report.html"
    page_title = _("Annual report")
    header_icon = "table"

    def year(self):
        form = AnnualReportForm(self.request.GET)
        year = form.cleaned_data["year"] if form.is_valid() else None
        return form, year or latest_year_with_data(today=timezone.localdate())

    def get(self, request, *args, **kwargs):
        download = request.GET.get("download")
        if download is None:
            return super().get(request, *args, **kwargs)
        if download not in ("xlsx", "pdf", "json"):
            raise Http404
        _form, year = self.year()
        file = report_download(year, format=download, language=get_language())
        response = HttpResponse(file.content, content_type=file.content_type)
        response["Content-Disposition"] = f'attachment; filename="{file.filename}"'
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form, year = self.year()
        report, previous = annual_report(year), annual_report(year - 1)
        inbound = {"direction": Direction.INBOUND, "year": year}
        venue = {"status": BookingStatus.CONFIRMED, "kind": ResourceKind.VENUE, "year": year}
        # What the report counts as a room booking and as a hall opening (reports.annual).
        rooms = {**venue, "venue_kind": [VenueKind.MEETING_ROOM]}
        halls = {**venue, "venue_kind": [VenueKind.HALL, VenueKind.PLAZA]}
        trips = {"status": BookingStatus.CONFIRMED, "kind": ResourceKind.VEHICLE, "year": year}
        totals = [
            (
                gettext("visits"),
                report.visits,
                previous.visits,
                records("delegation:index", **inbound),
            ),
            (
                gettext("visitors"),
                report.visitors,
                previous.visitors,
                records("delegation:index", **inbound),
            ),
            (
                gettext("room bookings"),
                report.room_bookings,
                previous.room_bookings,
                records("booking:index", **rooms),
            ),
            (
                gettext("hall openings"),
                report.hall_openings,
                previous.hall_openings,
                records("booking:index", **halls),
            ),
            (
                gettext("car trips"),
                report.car_trips,
                previous.car_trips,
                records("booking:index", **trips),
            ),
            (
                gettext("missions abroad"),
                len(report.outbound_missions),
                len(previous.outbound_missions),
                records("delegation:index", direction=Direction.OUTBOUND, year=year),
            ),
            (
                gettext("participants"),
                report.participants,
                previous.participants,
                records("registration:index", status=RegistrationStatus.ACCEPTED, year=year),
            ),
        ]
        charts = [
            (
                "visits-by-country",
                gettext("Visits by country"),
                _rows(
                    report.visits_by_country,
                    previous.visits_by_country,
                    country_label,
                    lambda code: records(
                        "delegation:index", country=code or UNKNOWN_COUNTRY, **inbound
                    ),
                ),
            ),
            (
                "visitors-by-country",
                gettext("Visitors by country"),
                _rows(
                    report.visitors_by_country,
                    previous.visitors_by_country,
                    country_label,
                    lambda code: records(
                        "delegation:index", country=code or UNKNOWN_COUNTRY, **inbound
                    ),
                ),
            ),
            (
                "visits-by-month",
                gettext("Visits by month"),
                _rows(
                    report.visits_by_month,
                    previous.visits_by_month,
                    MONTHS.get,
                    lambda month: records("delegation:index", month=month, **inbound),
                ),
            ),
            (
                "visits-by-kind",
                gettext("Visits by kind"),
                _rows(
                    report.visits_by_kind,
                    previous.visits_by_kind,
                    kind_label,
                    lambda kind: records("delegation:index", kind=kind, **inbound),
                ),
            ),
            (
                "room-bookings",
                gettext("Room bookings"),
                _rows(
                    report.room_bookings_by_centre,
                    previous.room_bookings_by_centre,
                    str,
                    lambda centre: records("booking:index", building=centre, **rooms),
                ),
            ),
            (
                "hall-openings",
                gettext("Hall openings"),
                _rows(
                    report.hall_openings_by_centre,
                    previous.hall_openings_by_centre,
                    str,
                    lambda centre: records("booking:index", building=centre, **halls),
                ),
            ),
            (
                "car-trips",
                gettext("Car trips by month"),
                _rows(
                    report.car_trips_by_month,
                    previous.car_trips_by_month,
                    MONTHS.get,
                    lambda month: records("booking:index", month=month, **trips),
                ),
            ),
        ]
        context.update(
            # The form shows the year shown, also when the page chose it.
            form=AnnualReportForm({"year": year}) if form.is_valid() else form,
            year=year,
            year_label=year_label(year),
            previous_label=year_label(year - 1),
            report=report,
            paragraph=summary_paragraph(report),
            ties=tie_sentences(report),
            totals=[
                {
                    "key": key,
                    "label": label,
                    "value": value,
                    "previous": old,
                    "change": value - old,
                    "href": href,
                }
                for key, (label, value, old, href) in zip(TOTAL_KEYS, totals)
            ],
            charts=[
                {"id": chart_id, "title": title, "chart": figure_chart(rows)}
                for chart_id, title, rows in charts
            ],
            ties_url=records("crm_relationship:index"),
            downloads=[(fmt, f"?{urlencode({'year': year, 'download': fmt})}") for fmt in FORMATS],
        )
        return context

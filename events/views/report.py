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


class AnnualReportForm(forms.Form):
    year = forms.IntegerField(label=_("year"), min_value=1900, max_value=2999, required=False)


def records(name, **params):
    """The filtered admin list behind a figure."""
    return f"{reverse(name)}?{urlencode(params, doseq=True)}"


def _figure(report, key):
    value = getattr(report, key)
    # The missions abroad are listed on the report; the table counts them.
    return len(value) if isinstance(value, list) else value


def _total(report, previous, key, label, href):
    """One figure of the year beside the year before."""
    value, old = _figure(report, key), _figure(previous, key)
    return {
        "key": key,
        "label": label,
        "value": value,
        "previous": old,
        "change": value - old,
        "href": href,
    }


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
        missions = {"direction": Direction.OUTBOUND, "year": year}
        accepted = {"status": RegistrationStatus.ACCEPTED, "year": year}
        # Each figure: its name on the report, its label, and the records it counts.
        totals = [
            ("visits", gettext("visits"), records("delegation:index", **inbound)),
            ("visitors", gettext("visitors"), records("delegation:index", **inbound)),
            ("room_bookings", gettext("room bookings"), records("booking:index", **rooms)),
            ("hall_openings", gettext("hall openings"), records("booking:index", **halls)),
            ("car_trips", gettext("car trips"), records("booking:index", **trips)),
            (
                "outbound_missions",
                gettext("missions abroad"),
                records("delegation:index", **missions),
            ),
            ("participants", gettext("participants"), records("registration:index", **accepted)),
        ]

        def by_country(code):
            return records("delegation:index", country=code or UNKNOWN_COUNTRY, **inbound)

        # Each chart: its id, title, figure on the report, and each bar's label and records.
        charts = [
            (
                "visits-by-country",
                gettext("Visits by country"),
                "visits_by_country",
                country_label,
                by_country,
            ),
            (
                "visitors-by-country",
                gettext("Visitors by country"),
                "visitors_by_country",
                country_label,
                by_country,
            ),
            (
                "visits-by-month",
                gettext("Visits by month"),
                "visits_by_month",
                MONTHS.get,
                lambda month: records("delegation:index", month=month, **inbound),
            ),
            (
                "visits-by-kind",
                gettext("Visits by kind"),
                "visits_by_kind",
                kind_label,
                lambda kind: records("delegation:index", kind=kind, **inbound),
            ),
            (
                "room-bookings",
                gettext("Room bookings"),
                "room_bookings_by_centre",
                str,
                lambda centre: records("booking:index", building=centre, **rooms),
            ),
            (
                "hall-openings",
                gettext("Hall openings"),
                "hall_openings_by_centre",
                str,
                lambda centre: records("booking:index", building=centre, **halls),
            ),
            (
                "car-trips",
                gettext("Car trips by month"),
                "car_trips_by_month",
                MONTHS.get,
                lambda month: records("booking:index", month=month, **trips),
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
            totals=[_total(report, previous, *total) for total in totals],
            charts=[
                {
                    "id": chart_id,
                    "title": title,
                    "chart": figure_chart(
                        _rows(getattr(report, key), getattr(previous, key), label, href)
                    ),
                }
                for chart_id, title, key, label, href in charts
            ],
            ties_url=records("crm_relationship:index"),
            downloads=[(fmt, f"?{urlencode({'year': year, 'download': fmt})}") for fmt in FORMATS],
        )
        return context

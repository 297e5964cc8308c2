"""The annual report as a workbook: the figures first, then one sheet per kind of record."""

import io

from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext, pgettext
from openpyxl import Workbook
from openpyxl.styles import Font

from ..enums import ResourceKind
from . import rows
from .labels import country_label, kind_label
from .text import summary_paragraph, year_label


def _sheet(workbook, title, headings, lines):
    sheet = workbook.create_sheet(title[:31])
    sheet.append([str(heading) for heading in headings])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for line in lines:
        sheet.append(list(line))
    sheet.freeze_panes = "A2"
    return sheet


def figure_lines(report, previous=None):
    """(section, label, value, previous year's value) for every figure of the report."""

    def line(section, label, value, before):
        return (section, str(label), value, before if previous is not None else None)

    prev = previous
    yield line(gettext("Totals"), gettext("visits"), report.visits, prev and prev.visits)
    yield line(gettext("Totals"), gettext("visitors"), report.visitors, prev and prev.visitors)
    yield line(
        gettext("Totals"),
        gettext("room bookings"),
        report.room_bookings,
        prev and prev.room_bookings,
    )
    yield line(
        gettext("Totals"),
        gettext("hall openings"),
        report.hall_openings,
        prev and prev.hall_openings,
    )
    yield line(gettext("Totals"), gettext("car trips"), report.car_trips, prev and prev.car_trips)
    yield line(
        gettext("Totals"),
        gettext("missions abroad"),
        len(report.outbound_missions),
        prev and len(prev.outbound_missions),
    )
    for code, count in report.visits_by_country.items():
        yield line(
            gettext("Visits by country"),
            country_label(code),
            count,
            prev and prev.visits_by_country.get(code, 0),
        )
    for code, count in report.visitors_by_country.items():
        yield line(
            gettext("Visitors by country"),
            country_label(code),
            count,
            prev and prev.visitors_by_country.get(code, 0),
        )
    for code, count in report.visits_by_kind.items():
        yield line(
            gettext("Visits by kind"),
            kind_label(code),
            count,
            prev and prev.visits_by_kind.get(code, 0),
        )
    for month, count in report.visits_by_month.items():
        yield line(
            gettext("Visits by month"), MONTHS[month], count, prev and prev.visits_by_month[month]
        )
    for centre, count in report.room_bookings_by_centre.items():
        yield line(
            gettext("Room bookings"),
            centre,
            count,
            prev and prev.room_bookings_by_centre.get(centre, 0),
        )
    for centre, count in report.hall_openings_by_centre.items():
        yield line(
            gettext("Hall openings"),
            centre,
            count,
            prev and prev.hall_openings_by_centre.get(centre, 0),
        )
    for month, count in report.car_trips_by_month.items():
        yield line(
            gettext("Car trips by month"),
            MONTHS[month],
            count,
            prev and prev.car_trips_by_month[month],
        )
    for code, count in report.participants_by_country.items():
        yield line(
            gettext("Participants by country"),
            country_label(code),
            count,
            prev and prev.participants_by_country.get(code, 0),
        )
    for university, count in report.participants_by_university.items():
        yield line(
            gettext("Participants by university"),
            university or gettext("university not given"),
            count,
            prev and prev.participants_by_university.get(university, 0),
        )


def annual_report_xlsx(report, previous=None):
    """The report's figures and the rows behind them, as XLSX bytes, in the active language."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    figures = _sheet(
        workbook,
        gettext("Figures"),
        [
            gettext("section"),
            pgettext("annual report", "figure"),
            year_label(report.year),
            year_label(report.year - 1),
        ],
        figure_lines(report, previous),
    )
    figures.append([])
    figures.append([summary_paragraph(report)])
    figures.column_dimensions["A"].width = 26
    figures.column_dimensions["B"].width = 44
    _sheet(
        workbook,
        gettext("Visits"),
        [
            gettext("date"),
            gettext("delegation"),
            gettext("organisation"),
            gettext("country"),
            gettext("kind"),
            gettext("visitors"),
        ],
        rows.visit_rows(report.year),
    )
    _sheet(
        workbook,
        gettext("Dignitaries"),
        [gettext("date"), gettext("name"), gettext("Chinese name"), gettext("organisation")],
        (
            (
                timezone.localdate(member.delegation.event.starts_at),
                str(member.person),
                member.person.chinese_name,
                str(member.delegation.organisation),
            )
            for member in report.dignitaries
        ),
    )
    booking_headings = [
        gettext("starts at"),
        gettext("ends at"),
        gettext("building"),
        gettext("resource"),
        gettext("purpose"),
    ]
    _sheet(
        workbook,
        gettext("Venue bookings"),
        booking_headings,
        rows.booking_rows(report.year, ResourceKind.VENUE),
    )
    _sheet(
        workbook,
        gettext("Car trips"),
        booking_headings,
        rows.booking_rows(report.year, ResourceKind.VEHICLE),
    )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()

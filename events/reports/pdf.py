"""The annual report as a printable A4 PDF in the reader's language (fpdf2, Noto CJK)."""

from django.utils import timezone, translation
from django.utils.dates import MONTHS
from django.utils.translation import gettext, pgettext
from fpdf.enums import XPos, YPos

from ..pdf import Document
from .labels import country_label, kind_label
from .text import number, summary_paragraph, tie_sentences, year_label

ROW = 6
LABEL, VALUE = 120, 30


def _heading(pdf, text, language):
    pdf.ln(3)
    pdf.line_of(text, 13, language=language, height=8)


def _table(pdf, headings, lines, language):
    """A two- or three-column table: label, this year, and optionally the year before."""
    pdf.use(9, "".join(headings), language)
    pdf.set_fill_color(235, 235, 235)
    for index, heading in enumerate(headings):
        pdf.cell(
            LABEL if index == 0 else VALUE,
            ROW,
            heading,
            border=1,
            fill=True,
            align="L" if index == 0 else "R",
        )
    pdf.ln(ROW)
    for line in lines:
        label = str(line[0])
        pdf.fit(label, LABEL - 2, 9, language=language)
        pdf.cell(LABEL, ROW, label, border=1)
        pdf.use(9, "", language)
        for value in line[1:]:
            pdf.cell(VALUE, ROW, "–" if value is None else number(value), border=1, align="R")
        pdf.ln(ROW)


def _compare(report, previous):
    this, before = year_label(report.year), year_label(report.year - 1)
    headings = (
        [pgettext("annual report", "figure"), this, before]
        if previous
        else [pgettext("annual report", "figure"), this]
    )

    def row(label, value, old):
        return (label, value, old) if previous else (label, value)

    lines = [
        row(gettext("visits"), report.visits, previous and previous.visits),
        row(gettext("visitors"), report.visitors, previous and previous.visitors),
        row(gettext("room bookings"), report.room_bookings, previous and previous.room_bookings),
        row(gettext("hall openings"), report.hall_openings, previous and previous.hall_openings),
        row(gettext("car trips"), report.car_trips, previous and previous.car_trips),
        row(
            gettext("missions abroad"),
            len(report.outbound_missions),
            previous and len(previous.outbound_missions),
        ),
    ]
    return headings, lines


def render_annual_report(report, *, language, previous=None):
    """The report as PDF bytes in `language`; `previous` (last year's report) adds a column."""
    with translation.override(language):
        title = gettext("Annual report %(year)s") % {"year": year_label(report.year)}
        pdf = Document(title=title)
        pdf.add_page()
        pdf.line_of(title, 18, language=language, height=11)
        pdf.ln(2)
        paragraph = summary_paragraph(report)
        pdf.use(10.5, paragraph, language)
        pdf.multi_cell(0, 6, paragraph, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

        _heading(pdf, gettext("Figures"), language)
        _table(pdf, *_compare(report, previous), language)

        count = gettext("count")
        _heading(pdf, gettext("Visits and visitors by country"), language)
        _table(
            pdf,
            [gettext("country"), gettext("visits"), gettext("visitors")],
            [
                (country_label(code), visits, report.visitors_by_country.get(code, 0))
                for code, visits in report.visits_by_country.items()
            ],
            language,
        )
        _heading(pdf, gettext("Visits and visitors by kind"), language)
        _table(
            pdf,
            [gettext("kind"), gettext("visits"), gettext("visitors")],
            [
                (kind_label(code), visits, report.visitors_by_kind.get(code, 0))
                for code, visits in report.visits_by_kind.items()
            ],
            language,
        )
        _heading(pdf, gettext("Visits by month"), language)
        _table(
            pdf,
            [gettext("month"), gettext("visits"), gettext("visitors")],
            [
                (MONTHS[month], visits, report.visitors_by_month[month])
                for month, visits in report.visits_by_month.items()
            ],
            language,
        )
        if report.dignitaries:
            _heading(pdf, gettext("Dignitaries received"), language)
            for member in report.dignitaries:
                day = timezone.localdate(member.delegation.event.starts_at).isoformat()
                person, organisation = member.person, member.delegation.organisation
                text = f"{day}  {person} {person.chinese_name}  {organisation}"
                pdf.fit(text, 180, 9.5, language=language)
                pdf.cell(0, ROW, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        ties = [sentence for _tie, sentence in tie_sentences(report)]
        if ties:
            _heading(pdf, gettext("Sister cities"), language)
            for text in ties:
                pdf.use(9.5, text, language)
                pdf.multi_cell(0, ROW, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if report.events:
            _heading(pdf, gettext("Events and participants"), language)
            _table(
                pdf,
                [gettext("event"), gettext("participants")],
                [(str(item.event), item.participants) for item in report.events],
                language,
            )
        if report.outbound_missions:
            _heading(pdf, gettext("Missions abroad"), language)
            for delegation in report.outbound_missions:
                text = f"{timezone.localdate(delegation.event.starts_at).isoformat()}  {delegation}"
                pdf.fit(text, 180, 9.5, language=language)
                pdf.cell(0, ROW, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        _heading(pdf, gettext("Civic centres"), language)
        _table(
            pdf,
            [gettext("building"), gettext("room bookings"), gettext("hall openings")],
            [
                (centre, rooms, report.hall_openings_by_centre.get(centre, 0))
                for centre, rooms in report.room_bookings_by_centre.items()
            ],
            language,
        )
        _heading(pdf, gettext("Car trips by month"), language)
        _table(
            pdf,
            [gettext("month"), count],
            [(MONTHS[month], trips) for month, trips in report.car_trips_by_month.items()],
            language,
        )
        return bytes(pdf.output())

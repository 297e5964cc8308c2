"""The annual report's selector, text and downloads on small records made here."""

import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from openpyxl import load_workbook
from pypdf import PdfReader

from crm.enums import RelationshipType
from crm.models import RelationshipRenewal
from events.enums import Direction, EventKind, MemberRole, RegistrationStatus, VenueKind
from events.reports.annual import annual_report, latest_year_with_data, report_figures
from events.reports.downloads import report_download
from events.reports.text import summary_paragraph, tie_sentences, year_label
from events.services.bookings import create_booking
from tests.factories.crm import OrganisationFactory, PersonFactory, RelationshipFactory
from tests.factories.events import (
    DelegationFactory,
    DelegationMemberFactory,
    EventFactory,
    RegistrationFactory,
    VehicleFactory,
    VenueFactory,
    taipei,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_2019():
    home = OrganisationFactory(is_home=True, name="高雄市政府", name_en="Kaohsiung")
    suwon = OrganisationFactory(country="KR", name="水原市", name_en="Suwon")
    akita = OrganisationFactory(country="JP", name="秋田縣", name_en="Akita Prefecture")
    older = OrganisationFactory(country="US", name_en="Older city")
    RelationshipFactory(source=home, target=older, signed_on=datetime.date(1999, 5, 1))
    tie = RelationshipFactory(
        source=home,
        target=suwon,
        type=RelationshipType.FRIENDSHIP_CITY,
        signed_on=datetime.date(2019, 2, 16),
    )
    mou = RelationshipFactory(
        source=home, target=akita, type=RelationshipType.MOU, signed_on=datetime.date(2016, 8, 23)
    )
    RelationshipRenewal.objects.create(relationship=mou, renewed_on=datetime.date(2019, 8, 23))
    luncheon = EventFactory(kind=EventKind.LUNCHEON, starts_at=taipei(2019, 2, 16, 11))
    visit = DelegationFactory(event=luncheon, organisation=suwon, declared_size=12)
    DelegationMemberFactory(
        delegation=visit, person=PersonFactory(chinese_name="廉泰英"), role=MemberRole.HEAD
    )
    call = EventFactory(
        kind=EventKind.COURTESY_VISIT,
        starts_at=taipei(2019, 8, 23, 10),
        ends_at=taipei(2019, 8, 23, 11),
    )
    listed = DelegationFactory(event=call, organisation=akita)
    for _ in range(3):
        DelegationMemberFactory(delegation=listed)
    DelegationFactory(event=luncheon, organisation=suwon, direction=Direction.OUTBOUND)
    camp = EventFactory(
        kind=EventKind.CAMP, starts_at=taipei(2019, 7, 1, 9), ends_at=taipei(2019, 7, 5, 17)
    )
    for nationality, university, status in [
        ("JP", "NSYSU", RegistrationStatus.ACCEPTED),
        ("JP", "NSYSU", RegistrationStatus.ACCEPTED),
        ("KR", "", RegistrationStatus.ACCEPTED),
        ("KR", "NSYSU", RegistrationStatus.REJECTED),
    ]:
        RegistrationFactory(
            event=camp, nationality=nationality, university=university, status=status
        )
    room = VenueFactory(building="四維行政中心", venue_kind=VenueKind.MEETING_ROOM)
    hall = VenueFactory(building="四維行政中心", venue_kind=VenueKind.HALL)
    VenueFactory(building="鳳山行政中心", venue_kind=VenueKind.PLAZA)
    for day in (1, 2):
        create_booking(room, starts_at=taipei(2019, 5, day, 9), ends_at=taipei(2019, 5, day, 10))
    create_booking(hall, starts_at=taipei(2019, 5, 1, 9), ends_at=taipei(2019, 5, 1, 10))
    create_booking(room, starts_at=taipei(2018, 5, 1, 9), ends_at=taipei(2018, 5, 1, 10))
    van = VehicleFactory()
    create_booking(van, starts_at=taipei(2019, 3, 5, 9), ends_at=taipei(2019, 3, 5, 10))
    return tie


def test_annual_report_counts_every_figure_of_the_year(year_2019):
    report = annual_report(2019)

    assert (report.visits, report.visitors) == (2, 15)
    assert report.visits_by_country == {"JP": 1, "KR": 1}
    assert report.visitors_by_country == {"KR": 12, "JP": 3}
    assert report.visits_by_month[2] == 1 and report.visits_by_month[8] == 1
    assert [member.person.chinese_name for member in report.dignitaries] == ["廉泰英"]
    assert [(tie.ordinal, tie.relationship) for tie in report.new_ties] == [(2, year_2019)]
    assert [renewal.renewed_on for renewal in report.renewals] == [datetime.date(2019, 8, 23)]
    assert [(item.years, item.date) for item in report.anniversaries] == [
        (20, datetime.date(2019, 5, 1))
    ]
    assert [(item.participants, item.by_country) for item in report.events] == [
        (3, {"JP": 2, "KR": 1})
    ]
    assert report.participants_by_university == {"NSYSU": 2, "": 1}
    assert len(report.outbound_missions) == 1
    with translation.override("zh-hant"):
        report = annual_report(2019)
    assert report.room_bookings_by_centre == {"四維行政中心": 2, "鳳山行政中心": 0}
    assert report.hall_openings_by_centre == {"四維行政中心": 1, "鳳山行政中心": 0}
    assert report.car_trips == 1 and report.car_trips_by_month[3] == 1


def test_an_empty_year_has_zero_figures():
    report = annual_report(2030)
    assert (report.visits, report.visitors, report.car_trips) == (0, 0, 0)
    assert report.is_empty
    assert report_figures(report)["visits_by_month"] == dict.fromkeys(range(1, 13), 0)


def test_a_bureaus_tie_is_reported_under_its_partner_organisation():
    home = OrganisationFactory(is_home=True)
    bureau = OrganisationFactory(parent=home, name_en="Tourism Bureau")
    busan = OrganisationFactory(name_en="Busan Tourism Organisation")
    tie = RelationshipFactory(source=bureau, target=busan, signed_on=datetime.date(2009, 3, 1))
    RelationshipRenewal.objects.create(relationship=tie, renewed_on=datetime.date(2019, 3, 1))
    with translation.override("en"):
        figures = report_figures(annual_report(2019))
        sentences = [sentence for _tie, sentence in tie_sentences(annual_report(2019))]
    assert [row["partner"] for row in figures["renewals"]] == ["Busan Tourism Organisation"]
    assert [row["partner"] for row in figures["anniversaries"]] == ["Busan Tourism Organisation"]
    assert all("Busan Tourism Organisation" in sentence for sentence in sentences)
    assert len(sentences) == 2


def test_latest_year_with_data_is_the_last_year_with_a_visit(year_2019):
    assert latest_year_with_data(today=datetime.date(2026, 12, 4)) == 2019
    # Visits planned for later years do not open the report on a year still to come.
    assert latest_year_with_data(today=datetime.date(2018, 6, 1)) == 2018


def test_year_label_uses_the_roc_calendar_in_chinese():
    with translation.override("zh-hant"):
        assert year_label(2019) == "108年"
    with translation.override("ja"):
        assert year_label(2019) == "2019年"
    with translation.override("ko"):
        assert year_label(2019) == "2019년"
    with translation.override("en"):
        assert year_label(2019) == "2019"


def test_summary_paragraph_states_the_figures_in_the_reports_manner(year_2019):
    report = annual_report(2019)
    with translation.override("zh-hant"):
        text = summary_paragraph(report)
    assert text.startswith("108年計接待外賓2團15人。")
    assert "第2個" in text
    with translation.override("en"):
        text = summary_paragraph(report)
    assert text.startswith("2019: 2 foreign delegations with 15 visitors received.")
    assert "Suwon became sister or friendship city no. 2." in text
    with translation.override("ko"):
        text = summary_paragraph(report)
    # No "이(가)": the sentence needs no particle after a name it cannot know the sound of.
    assert "(가)" not in text
    assert "번째 자매·우호도시" in text


@pytest.mark.parametrize("language", ["zh-hant", "en", "ja", "ko"])
def test_pdf_download_reads_back_in_each_language(year_2019, language):
    download = report_download(2019, format="pdf", language=language)

    reader = PdfReader(io.BytesIO(download.content))
    # fpdf2's CID fonts read back with NULs between the glyphs; line breaks fall anywhere.
    text = "".join(
        "".join(page.extract_text() for page in reader.pages).replace("\x00", "").split()
    )
    assert download.content_type == "application/pdf"
    expected = {
        "zh-hant": "108年計接待外賓2團15人",
        "en": "2foreigndelegationswith15visitors",
        "ja": "2019年",
        "ko": "2019년",
    }[language]
    assert expected in text
    assert "廉泰英" in text
    # The figures table's heading, not the image-with-caption block's word.
    assert "圖片" not in text and "キャプション" not in text and "캡션" not in text


def test_xlsx_download_holds_the_figures_and_the_rows(year_2019):
    download = report_download(2019, format="xlsx", language="en")

    book = load_workbook(io.BytesIO(download.content))
    figures = {(row[0], row[1]): row[2] for row in book["Figures"].iter_rows(values_only=True)}
    assert figures[("Totals", "visits")] == 2
    assert figures[("Totals", "visitors")] == 15
    assert figures[("Totals", "car trips")] == 1
    assert book["Visits"].max_row == 3  # heading and two delegations
    assert book["Car trips"].max_row == 2


def test_annual_report_command_writes_json_with_one_key_per_figure(year_2019, tmp_path):
    out = io.StringIO()
    call_command("annual_report", "--year", "2019", "--format", "json", stdout=out)
    figures = json.loads(out.getvalue())
    assert figures["visits"] == 2
    assert figures["visitors"] == 15
    assert figures["new_sister_cities"][0]["ordinal"] == 2

    target = tmp_path / "report.pdf"
    call_command("annual_report", "--year", "2019", "--format", "pdf", "--output", str(target))
    assert target.read_bytes().startswith(b"%PDF")


def test_annual_report_command_refuses_an_unknown_language():
    with translation.override("en"), pytest.raises(CommandError, match="Unknown language"):
        call_command("annual_report", "--year", "2019", "--language", "xx")


@pytest.mark.parametrize("count", [10, 100])
def test_annual_report_query_count_is_constant(count, django_assert_num_queries):
    event = EventFactory(starts_at=taipei(2019, 5, 1, 9), ends_at=taipei(2019, 5, 1, 10))
    for _ in range(count):
        delegation = DelegationFactory(event=event, declared_size=3)
        DelegationMemberFactory(delegation=delegation, role=MemberRole.HEAD)
        RegistrationFactory(event=event, status=RegistrationStatus.ACCEPTED)
        VenueFactory(building="四維行政中心")

    with django_assert_num_queries(11):
        annual_report(2019)

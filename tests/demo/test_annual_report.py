"""The annual report of the demo's 2019 gives the printed report's own figures."""

import io
import json

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from events.reports.downloads import report_download

pytestmark = pytest.mark.django_db


def test_annual_report_of_2019_gives_the_reports_figures():
    call_command("load_demo", stdout=io.StringIO())
    out = io.StringIO()

    call_command("annual_report", "--year", "2019", "--language", "en", stdout=out)

    figures = json.loads(out.getvalue())
    assert (figures["visits"], figures["visitors"]) == (60, 855)
    assert figures["room_bookings_by_centre"] == {
        "Fengshan Administrative Center": 851,
        "Siwei (Four Dimensions) Administrative Center": 1021,
    }
    assert figures["hall_openings_by_centre"] == {
        "Fengshan Administrative Center": 264,
        "Siwei (Four Dimensions) Administrative Center": 142,
    }
    assert figures["car_trips"] == 938
    assert [(tie["city"], tie["ordinal"]) for tie in figures["new_sister_cities"]] == [
        ("Suwon", 34)
    ]
    assert [renewal["partner"] for renewal in figures["renewals"]] == ["Akita Prefecture"]
    assert figures["outbound_missions"] == 4

    pdf = report_download(2019, format="pdf", language="zh-hant").content
    reader = PdfReader(io.BytesIO(pdf))
    text = "".join(
        "".join(page.extract_text() for page in reader.pages).replace("\x00", "").split()
    )
    assert "108年計接待外賓60團855人" in text
    assert "公務車派車938車次" in text

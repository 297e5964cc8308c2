"""The annual report page: the latest year with data, comparison, charts, links, downloads."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from events.enums import Direction
from tests.factories.crm import OrganisationFactory
from tests.factories.events import (
    BookingFactory,
    DelegationFactory,
    EventFactory,
    VehicleFactory,
    VenueFactory,
    taipei,
)

pytestmark = pytest.mark.django_db


def visits(year, count, *, country="KR", size=5):
    organisation = OrganisationFactory(country=country)
    for day in range(1, count + 1):
        event = EventFactory(starts_at=taipei(year, 3, day, 9), ends_at=taipei(year, 3, day, 10))
        DelegationFactory(event=event, organisation=organisation, declared_size=size)


def test_annual_report_opens_on_the_latest_year_with_visits(viewer_client):
    visits(2018, 2)
    visits(2019, 3)

    response = viewer_client.get(reverse("annual-report:index"))

    assert response.status_code == 200
    assert response.context["year"] == 2019
    totals = {row["key"]: row for row in response.context["totals"]}
    assert (totals["visits"]["value"], totals["visits"]["previous"]) == (3, 2)
    assert totals["visits"]["change"] == 1
    assert totals["visits"]["href"] == (
        f"{reverse('delegation:index')}?direction={Direction.INBOUND}&year=2019"
    )
    html = response.content.decode()
    # Every chart is an SVG with a title and a description, and its figures as a table.
    assert html.count('role="img"') == len(response.context["charts"]) == 7
    assert 'data-table="visits-by-country"' in html


def test_annual_report_links_a_country_to_its_delegations(viewer_client):
    visits(2019, 2, country="KR")
    visits(2019, 1, country="JP")
    response = viewer_client.get(reverse("annual-report:index"), {"year": 2019})
    chart = next(c for c in response.context["charts"] if c["id"] == "visits-by-country")
    link = next(row["href"] for row in chart["chart"]["rows"] if row["value"] == 2)

    listed = viewer_client.get(link)

    assert listed.status_code == 200
    assert len(listed.context["object_list"]) == 2


def test_annual_report_downloads_xlsx_and_pdf(viewer_client):
    visits(2019, 2)
    VehicleFactory()
    url = reverse("annual-report:index")

    xlsx = viewer_client.get(url, {"year": 2019, "download": "xlsx"})
    pdf = viewer_client.get(url, {"year": 2019, "download": "pdf"})

    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(xlsx.content))
    assert book.sheetnames[0] in ("Figures", "數據")
    assert pdf.content.startswith(b"%PDF")
    assert viewer_client.get(url, {"download": "exe"}).status_code == 404


def test_annual_report_needs_a_staff_login(client):
    response = client.get(reverse("annual-report:index"))
    assert response.status_code == 302


def test_annual_report_query_count_is_constant(viewer_client, django_assert_num_queries):
    url = reverse("annual-report:index")
    visits(2019, 10)
    with CaptureQueriesContext(connection) as at_ten:
        viewer_client.get(url, {"year": 2019})
    visits(2019, 25, country="JP")
    with django_assert_num_queries(len(at_ten)):
        viewer_client.get(url, {"year": 2019})


def test_statistics_page_also_opens_on_the_latest_year_with_visits(viewer_client):
    visits(2019, 2)
    response = viewer_client.get(reverse("event-statistics:index"))
    assert response.context["year"] == 2019
    assert response.context["visits"].total == 2
    assert reverse("annual-report:index") in response.content.decode()


@pytest.mark.parametrize(
    ("chart_id", "mine", "theirs"),
    [("room-bookings", "meeting_room", "hall"), ("hall-openings", "hall", "meeting_room")],
)
def test_annual_report_links_a_civic_centre_figure_to_its_bookings(
    viewer_client, chart_id, mine, theirs
):
    """Each centre's figure opens the bookings it counts: that building, that use, that year."""
    centre = VenueFactory(building="四維行政中心", building_en="Four Dimensions", venue_kind=mine)
    other_use = VenueFactory(
        building="四維行政中心", building_en="Four Dimensions", venue_kind=theirs
    )
    other_centre = VenueFactory(building="鳳山行政中心", building_en="Fengshan", venue_kind=mine)
    counted = [
        BookingFactory(
            resource=centre, starts_at=taipei(2019, 5, d, 9), ends_at=taipei(2019, 5, d, 10)
        )
        for d in (1, 2)
    ]
    BookingFactory(
        resource=other_use, starts_at=taipei(2019, 5, 3, 9), ends_at=taipei(2019, 5, 3, 10)
    )
    BookingFactory(
        resource=other_centre, starts_at=taipei(2019, 5, 4, 9), ends_at=taipei(2019, 5, 4, 10)
    )
    # New Year's morning in Kaohsiung is still 2018 in UTC: counted in 2019, as the report does.
    counted.append(
        BookingFactory(
            resource=centre, starts_at=taipei(2019, 1, 1, 7), ends_at=taipei(2019, 1, 1, 9)
        )
    )
    BookingFactory(resource=centre, starts_at=taipei(2018, 5, 1, 9), ends_at=taipei(2018, 5, 1, 10))

    for language in ("zh-hant", "en"):
        response = viewer_client.get(
            reverse("annual-report:index"), {"year": 2019}, HTTP_ACCEPT_LANGUAGE=language
        )
        chart = next(c for c in response.context["charts"] if c["id"] == chart_id)
        row = next(row for row in chart["chart"]["rows"] if row["value"] == 3)

        listed = viewer_client.get(row["href"], HTTP_ACCEPT_LANGUAGE=language)

        assert listed.status_code == 200
        assert sorted(b.pk for b in listed.context["object_list"]) == sorted(b.pk for b in counted)
    total = next(t for t in response.context["totals"] if t["key"] == chart_id.replace("-", "_"))
    listed = viewer_client.get(total["href"])
    # The total: both centres, that use only.
    assert len(listed.context["object_list"]) == total["value"] == 4


def test_annual_report_links_the_unknown_country_to_those_delegations_only(viewer_client):
    visits(2019, 2, country="KR")
    visits(2019, 1, country="")
    response = viewer_client.get(reverse("annual-report:index"), {"year": 2019})
    chart = next(c for c in response.context["charts"] if c["id"] == "visits-by-country")
    link = next(row["href"] for row in chart["chart"]["rows"] if row["value"] == 1)

    listed = viewer_client.get(link)

    assert [d.organisation.country for d in listed.context["object_list"]] == [""]

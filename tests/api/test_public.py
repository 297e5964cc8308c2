"""The public API: published events only, sister cities, visit figures; language, paging,
filters, throttling, and constant query counts."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.throttling import AnonRateThrottle

from crm.enums import RelationshipType
from events.enums import EventKind, EventStatus
from tests.factories.crm import OrganisationFactory, RelationshipFactory
from tests.factories.events import DelegationFactory, EventFactory, taipei

pytestmark = pytest.mark.django_db


def test_events_lists_public_events_only_in_the_requested_language(api):
    public = EventFactory(is_public=True, title="國際午宴", title_en="International Luncheon")
    EventFactory(is_public=False)
    EventFactory(is_public=True, status=EventStatus.DRAFT)

    by_header = api.get("/api/v1/events/", HTTP_ACCEPT_LANGUAGE="en").json()
    by_param = api.get("/api/v1/events/?lang=zh-hant", HTTP_ACCEPT_LANGUAGE="en")

    assert [row["uid"] for row in by_header["results"]] == [str(public.uid)]
    assert by_header["results"][0]["title"] == "International Luncheon"
    # The event's public feed, outside the language prefix.
    assert by_header["results"][0]["calendar"] == f"http://testserver/feeds/events/{public.uid}.ics"
    assert by_param.json()["results"][0]["title"] == "國際午宴"
    assert by_param["Content-Language"] == "zh-hant"
    assert api.get(f"/api/v1/events/{public.uid}/").status_code == 200


def test_events_are_filtered_and_paginated(api):
    for day in range(1, 8):
        EventFactory(
            is_public=True,
            kind=EventKind.FORUM if day % 2 else EventKind.MEETING,
            starts_at=taipei(2019, 3, day, 9),
            ends_at=taipei(2019, 3, day, 10),
        )
    EventFactory(is_public=True, starts_at=taipei(2020, 3, 1, 9), ends_at=taipei(2020, 3, 1, 10))

    forums = api.get("/api/v1/events/", {"kind": "forum", "year": 2019}).json()
    page = api.get("/api/v1/events/", {"page_size": 3}).json()

    assert forums["count"] == 4
    assert (page["count"], len(page["results"])) == (8, 3)
    assert page["next"]
    assert api.get("/api/v1/events/", {"kind": "nonsense"}).status_code == 400


@pytest.mark.parametrize(
    ("moment", "status"),
    [
        # An offset PostgreSQL refuses (beyond ±15:59): moved to UTC, it is a fine moment.
        ("4012-04-06T23:43:52.270-19:16", 200),
        ("2019-03-01T09:00:00+08:00", 200),
        # Moved to UTC, these leave the calendar: a 400, not an overflow.
        ("0001-01-01T00:00:00+14:00", 400),
        ("9999-12-31T23:59:59-14:00", 400),
        ("2019-02-30T09:00:00", 400),
    ],
)
def test_a_moment_filter_answers_any_offset_without_a_server_error(api, moment, status):
    EventFactory(is_public=True, starts_at=taipei(2019, 3, 1, 9), ends_at=taipei(2019, 3, 1, 10))

    response = api.get("/api/v1/events/", {"starts_after": moment})

    assert response.status_code == status


def test_sister_cities_and_visit_figures(api):
    home = OrganisationFactory(is_home=True)
    suwon = OrganisationFactory(name="水原市", name_en="Suwon", country="KR")
    RelationshipFactory(
        source=home,
        target=suwon,
        type=RelationshipType.FRIENDSHIP_CITY,
        signed_on=datetime.date(2019, 2, 16),
    )
    event = EventFactory()
    DelegationFactory(event=event, organisation=suwon, declared_size=12)

    cities = api.get("/api/v1/sister-cities/?lang=en").json()["results"]
    figures = api.get("/api/v1/visit-figures/", {"year": 2019, "country": "kr"}).json()

    assert cities == [
        {
            "ordinal": 1,
            "city": "Suwon",
            "country": "KR",
            "type": "friendship_city",
            "status": "active",
            "signed_on": "2019-02-16",
        }
    ]
    assert figures["results"] == [{"year": 2019, "country": "KR", "visits": 1, "visitors": 12}]


def test_public_api_is_throttled(api, monkeypatch):
    # DRF reads the rates once, at import; the test's own rate goes on the classes.
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    cache.clear()
    codes = [api.get("/api/v1/events/").status_code for _ in range(4)]
    cache.clear()
    assert codes == [200, 200, 200, 429]


@pytest.mark.parametrize(
    "path", ["/api/v1/events/", "/api/v1/sister-cities/", "/api/v1/visit-figures/"]
)
def test_public_list_query_count_is_the_same_at_10_and_1000_rows(api, path):
    home = OrganisationFactory(is_home=True)

    def grow(count):
        events = EventFactory.create_batch(count, is_public=True)
        for event in events:
            partner = OrganisationFactory(country="JP")
            RelationshipFactory(source=home, target=partner)
            DelegationFactory(event=event, organisation=partner, declared_size=3)

    grow(10)
    with CaptureQueriesContext(connection) as at_ten:
        assert api.get(path).status_code == 200
    grow(990)
    with CaptureQueriesContext(connection) as at_thousand:
        assert api.get(path).status_code == 200
    assert len(at_thousand) == len(at_ten)


def test_schema_and_docs_page_come_from_the_server_not_a_cdn(api):
    schema = api.get("/api/schema/?format=json")
    docs = api.get("/api/docs/")

    assert schema.status_code == 200
    assert "/api/v1/staff/bookings/" in schema.json()["paths"]
    html = docs.content.decode()
    assert docs.status_code == 200
    assert "drf_spectacular_sidecar/swagger-ui-dist/" in html
    assert "cdn.jsdelivr" not in html and "unpkg.com" not in html


@pytest.mark.parametrize("path", ["/api/v1/events/%C2%84/", "/api/v1/no-such-list/"])
def test_an_address_the_api_does_not_have_is_a_json_404(api, path):
    response = api.get(path, {"lang": "en"})

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Not found."}


@pytest.mark.parametrize("year", ["²", "٢٠١٩"])
def test_visit_figures_ignore_a_year_that_is_not_plain_digits(api, year):
    response = api.get("/api/v1/visit-figures/", {"year": year})

    assert response.status_code == 200

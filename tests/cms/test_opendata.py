"""Open data: each dataset as CSV and JSON parsed and validated against its published schema,
ETag and 304, the DCAT catalogue, and the page in four languages."""

import csv
import datetime
import io

import jsonschema
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from crm.enums import RelationshipType, TermKind
from crm.models import GlossaryTerm
from events.enums import EventStatus
from tests.factories.crm import OrganisationFactory, RelationshipFactory
from tests.factories.events import (
    DelegationFactory,
    DelegationMemberFactory,
    EventFactory,
    taipei,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def records():
    home = OrganisationFactory(is_home=True, name="高雄市政府", name_en="Kaohsiung")
    suwon = OrganisationFactory(country="KR", name="水原市", name_en="Suwon", kind="city")
    RelationshipFactory(
        source=home,
        target=suwon,
        type=RelationshipType.FRIENDSHIP_CITY,
        signed_on=datetime.date(2019, 2, 16),
    )
    RelationshipFactory(source=home, target=OrganisationFactory(country="US"), signed_on=None)
    luncheon = EventFactory(is_public=True, starts_at=taipei(2019, 2, 16, 11))
    EventFactory(is_public=False, title_en="Private meeting")
    EventFactory(is_public=True, status=EventStatus.DRAFT, title_en="Draft")
    DelegationFactory(event=luncheon, organisation=suwon, declared_size=12)
    listed = DelegationFactory(event=luncheon, organisation=OrganisationFactory(country="JP"))
    DelegationMemberFactory(delegation=listed)
    GlossaryTerm.objects.create(
        kind=TermKind.TITLE, name="市長", name_zh_hant="市長", name_en="Mayor", name_ko="시장"
    )
    return luncheon


def fetch(client, slug, fmt):
    return client.get(reverse("opendata:file", kwargs={"slug": slug, "fmt": fmt}))


def schema(client, slug):
    return client.get(reverse("opendata:schema", kwargs={"slug": slug})).json()


@pytest.mark.parametrize(
    "slug", ["sister-cities", "public-events", "visit-figures", "official-names"]
)
def test_each_dataset_is_valid_csv_and_json_against_its_schema(client, records, slug):
    document = fetch(client, slug, "json").json()
    published = schema(client, slug)
    jsonschema.validate(document, published, format_checker=jsonschema.FormatChecker())

    response = fetch(client, slug, "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    columns = published["properties"]["data"]["items"]["properties"]
    assert list(rows[0]) == list(columns)

    # The CSV's rows are the JSON's, once numbers are read back as numbers (an empty cell
    # of an optional number is null).
    def typed_value(key, value):
        kinds = columns[key]["type"]
        if kinds == "boolean":
            return {"true": True, "false": False}[value]
        if "integer" not in (kinds if isinstance(kinds, list) else [kinds]):
            return value
        return int(value) if value != "" else None

    typed = [{key: typed_value(key, value) for key, value in row.items()} for row in rows]
    assert typed == document["data"]


def test_datasets_hold_what_they_say(client, records):
    cities = fetch(client, "sister-cities", "json").json()["data"]
    assert [(row["ordinal"], row["city_en"], row["signed_on"]) for row in cities][0] == (
        1,
        "Suwon",
        "2019-02-16",
    )
    events = fetch(client, "public-events", "json").json()["data"]
    assert [row["uid"] for row in events] == [str(records.uid)]
    figures = fetch(client, "visit-figures", "json").json()["data"]
    assert figures == [
        {"year": 2019, "country": "JP", "visits": 1, "visitors": 1},
        {"year": 2019, "country": "KR", "visits": 1, "visitors": 12},
    ]
    # No personal data: no column names a person.
    names = fetch(client, "official-names", "json").json()["data"]
    assert [(row["name_zh_hant"], row["name_en"], row["name_ja"]) for row in names] == [
        ("市長", "Mayor", "")
    ]
    for slug in ("sister-cities", "public-events", "visit-figures", "official-names"):
        columns = schema(client, slug)["properties"]["data"]["items"]["properties"]
        assert not {"name", "email", "family_name", "passport"} & set(columns)


def test_public_events_calendar_is_the_public_feed(client, records):
    response = fetch(client, "public-events", "ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert str(records.uid) in response.content.decode()
    assert "Private meeting" not in response.content.decode()


def test_files_answer_304_to_their_etag(client, records):
    first = fetch(client, "sister-cities", "csv")
    assert first["ETag"]
    again = client.get(
        reverse("opendata:file", kwargs={"slug": "sister-cities", "fmt": "csv"}),
        HTTP_IF_NONE_MATCH=first["ETag"],
    )
    assert again.status_code == 304
    assert "max-age" in again["Cache-Control"]


def test_unknown_dataset_or_format_is_404(client):
    assert client.get("/open-data/people.csv").status_code == 404
    assert client.get("/open-data/sister-cities.ics").status_code == 404


def test_catalogue_is_dcat_json_ld(client, records):
    response = client.get("/open-data/catalog.jsonld")
    catalogue = response.json()
    assert response["Content-Type"] == "application/ld+json"
    assert catalogue["@type"] == "dcat:Catalog"
    datasets = {item["dct:identifier"]: item for item in catalogue["dcat:dataset"]}
    assert set(datasets) == {"sister-cities", "public-events", "visit-figures", "official-names"}
    events = datasets["public-events"]
    assert {item["dct:format"] for item in events["dcat:distribution"]} == {"CSV", "JSON", "ICS"}
    assert events["dct:license"] == {"@id": "https://data.gov.tw/license"}
    assert {title["@language"] for title in events["dct:title"]} == {"zh-Hant", "en", "ja", "ko"}
    assert len({title["@value"] for title in events["dct:title"]}) == 4
    for item in events["dcat:distribution"]:
        path = item["dcat:downloadURL"]["@id"].removeprefix("http://testserver")
        assert client.get(path).status_code == 200


@pytest.mark.parametrize(
    ("language", "licence"),
    [
        ("zh-hant", "政府資料開放授權條款"),
        ("en", "Open Government Data License, Taiwan, version 1.0"),
        ("ja", "政府資料開放授權條款"),
        ("ko", "政府資料開放授權條款"),
    ],
)
def test_open_data_page_in_each_language(client, records, language, licence):
    response = client.get(f"/{language}/open-data/")
    html = response.content.decode()
    assert response.status_code == 200
    assert licence in html
    assert 'data-dataset="visit-figures"' in html
    assert "/open-data/catalog.jsonld" in html


@pytest.mark.parametrize(
    "slug", ["sister-cities", "public-events", "visit-figures", "official-names"]
)
def test_dataset_query_count_is_constant(client, slug, django_assert_num_queries):
    def grow(count):
        home = OrganisationFactory(is_home=True) if count == 10 else None
        for _ in range(count):
            partner = OrganisationFactory(country="KR")
            if home:
                RelationshipFactory(source=home, target=partner)
            event = EventFactory(is_public=True)
            DelegationFactory(event=event, organisation=partner, declared_size=2)
            GlossaryTerm.objects.create(
                kind=TermKind.AGENCY, name=str(partner.pk), name_zh_hant=f"機關{partner.pk}"
            )

    grow(10)
    with CaptureQueriesContext(connection) as at_ten:
        fetch(client, slug, "json")
    grow(90)
    with django_assert_num_queries(len(at_ten)):
        fetch(client, slug, "json")

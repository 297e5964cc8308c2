"""The official names handbook: public page, open data, admin history, demo entries."""

import csv
import io
import json

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from crm.enums import TermKind
from crm.models import GlossaryTerm
from tests.factories.staff import protocol_officer

pytestmark = pytest.mark.django_db


def term(n=0, **kwargs):
    values = {
        "kind": TermKind.AGENCY,
        "name": f"機關{n}",
        "name_zh_hant": f"機關{n}",
        "name_en": f"Agency {n}",
        "name_ja": f"機関{n}",
        "name_ko": f"기관{n}",
    }
    return GlossaryTerm.objects.create(**{**values, **kwargs})


@pytest.mark.parametrize("language", ["zh-hant", "en", "ja", "ko"])
def test_official_names_page_in_each_language(client, language):
    term(1, name_zh_hant="高雄市政府", name_en="Kaohsiung City Government")
    with translation.override(language):
        url = reverse("cms:official_names")
    assert url.startswith(f"/{language}/")
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "高雄市政府" in body and "Kaohsiung City Government" in body


def test_official_names_open_data_csv_has_bom_and_json_every_term(client):
    term(1, name_en="=HYPERLINK(1)")
    term(2, is_illustrative=True)
    body = client.get("/open-data/official-names.csv").content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))
    assert [row["name_zh_hant"] for row in rows] == ["機關1", "機關2"]
    assert rows[0]["name_en"] == "'=HYPERLINK(1)"
    assert [row["illustrative"] for row in rows] == ["false", "true"]
    data = json.loads(client.get("/open-data/official-names.json").content)
    assert [t["name_ko"] for t in data["data"]] == ["기관1", "기관2"]
    assert [t["illustrative"] for t in data["data"]] == [False, True]


def test_official_names_first_addresses_redirect_to_the_open_dataset(client):
    term(1)
    with translation.override("en"):
        csv_url, json_url = reverse("cms:official_names_csv"), reverse("cms:official_names_json")
    assert client.get(csv_url).headers["Location"] == "/open-data/official-names.csv"
    assert client.get(csv_url).status_code == 301
    assert client.get(json_url).headers["Location"] == "/open-data/official-names.json"
    term(2, is_illustrative=True)
    with translation.override("en"):
        page = client.get(reverse("cms:official_names")).content.decode()
    assert "/open-data/official-names.csv" in page and "#official-names" in page
    # Demo entries say so on the page too, not only in the data.
    assert page.count("data-illustrative") == 1


def test_official_names_are_in_the_open_data_catalogue_and_page(client):
    term(1)
    catalogue = client.get("/open-data/catalog.jsonld").json()
    entry = next(
        item for item in catalogue["dcat:dataset"] if item["dct:identifier"] == "official-names"
    )
    assert {item["dct:format"] for item in entry["dcat:distribution"]} == {"CSV", "JSON"}
    assert entry["dct:modified"] is not None
    assert 'data-dataset="official-names"' in client.get("/en/open-data/").content.decode()


@pytest.mark.parametrize("url", ["/en/official-names/", "/open-data/official-names.json"])
def test_official_names_query_count_holds_from_10_to_100_terms(
    client, django_assert_num_queries, url
):
    for n in range(10):
        term(n)
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as at_10:
        client.get(url)
    for n in range(10, 100):
        term(n)
    with django_assert_num_queries(len(at_10.captured_queries)):
        assert client.get(url).status_code == 200


def test_official_names_edit_in_admin_keeps_history(client):
    client.force_login(protocol_officer())
    entry = term(1)
    data = {
        "kind": "agency",
        "name_zh_hant": "機關1",
        "name_en": "Agency One",
        "name_ja": "機関1",
        "name_ko": "기관1",
        "notes": "",
        "source": "",
    }
    response = client.post(reverse("crm_glossaryterm:edit", args=[entry.pk]), data)
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.name_en == "Agency One"
    log = ModelLogEntry.objects.filter(object_id=str(entry.pk), action="crm.edit").get()
    assert log.data["changes"]["name_en"] == ["Agency 1", "Agency One"]
    assert client.get(reverse("crm_glossaryterm:history", args=[entry.pk])).status_code == 200


def test_official_names_demo_entries_are_marked_illustrative():
    from demo import glossary

    glossary.load()
    glossary.load()
    assert GlossaryTerm.objects.count() == len(glossary.TERMS)
    assert not GlossaryTerm.objects.filter(is_illustrative=False).exists()
    assert GlossaryTerm.objects.get(name_zh_hant="市長").name_en == "Mayor"

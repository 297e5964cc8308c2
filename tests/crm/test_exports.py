"""Exports of people and organisations: CSV, XLSX and vCard, personal fields by permission."""

import csv
import io

import openpyxl
import pytest
import vobject
from django.urls import reverse

from core.exports import neutralise_csv_cell
from crm import enums, exports
from crm.models import Person
from tests.factories.crm import AffiliationFactory, OrganisationFactory, PersonFactory
from tests.factories.staff import protocol_officer

pytestmark = pytest.mark.django_db


def read_csv(body):
    text = body.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


@pytest.fixture
def ambassador():
    ait = OrganisationFactory(name="美國在台協會高雄分處", name_en="AIT Kaohsiung", country="US")
    person = PersonFactory(
        family_name="Christensen",
        given_name="Brent",
        chinese_name="酈英傑",
        honorific="Director",
        email="brent@ait.org",
        phone="+886 7 335 5006",
        preferred_languages=["en", "zh-hant"],
    )
    AffiliationFactory(person=person, organisation=ait, position_title_en="Director")
    return person


def test_people_csv_has_the_importers_header_and_values(ambassador):
    columns, rows = exports.people_table(Person.objects.all(), personal=True)
    rows = read_csv(exports.to_csv(columns, rows))
    assert rows[0] == list(exports.PEOPLE_COLUMNS)
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["family_name"] == "Christensen"
    assert record["chinese_name"] == "酈英傑"
    assert record["email"] == "brent@ait.org"
    assert record["phone"] == "tel:+886-7-335-5006"
    assert record["organisation"] == "AIT Kaohsiung"
    assert record["preferred_languages"] == "en, zh-hant"


def test_people_without_permission_leave_out_email_and_phone(ambassador):
    columns, rows = exports.people_table(Person.objects.all(), personal=False)
    assert "email" not in columns and "phone" not in columns
    assert "brent@ait.org" not in exports.to_csv(columns, rows).decode()


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_csv_cells_are_neutralised(cell):
    # Names refuse line breaks (a database check): notes, a free text, carry the cell instead.
    PersonFactory(family_name="X", given_name="X", notes=cell)
    columns, rows = exports.people_table(Person.objects.all(), personal=True)
    body = exports.to_csv(columns, rows)
    record = dict(zip(columns, read_csv(body)[1], strict=True))
    assert record["notes"] == neutralise_csv_cell(cell) == "'" + cell


def test_xlsx_keeps_text_as_text(ambassador):
    PersonFactory(family_name="=HYPERLINK(1)", given_name="Y")
    columns, rows = exports.people_table(Person.objects.order_by("pk"), personal=True)
    book = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx(columns, rows)))
    sheet_rows = list(book.active.iter_rows(values_only=True))
    assert list(sheet_rows[0]) == list(exports.PEOPLE_COLUMNS)
    assert sheet_rows[2][0] == "=HYPERLINK(1)"
    assert book.active["A3"].data_type == "s"


def test_organisations_csv():
    parent = OrganisationFactory(name="日本國", name_en="Japan")
    OrganisationFactory(
        name="秋田縣", name_en="Akita Prefecture", native_name="秋田県", parent=parent
    )
    columns, rows = exports.organisations_table()
    rows = read_csv(exports.to_csv(columns, rows))
    assert rows[0][:2] == ["name_zh_hant", "name_en"]
    akita = dict(zip(rows[0], next(r for r in rows if r[1] == "Akita Prefecture"), strict=True))
    assert (akita["native_name"], akita["country"], akita["parent"]) == ("秋田県", "JP", "Japan")


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_vcard_parses_back_with_n_and_fn(ambassador, version):
    korean = PersonFactory(
        family_name="廉",
        given_name="泰英",
        native_name="염태영",
        name_order=enums.NameOrder.FAMILY_FIRST,
        email="",
    )
    text = exports.people_vcards(Person.objects.order_by("pk"), version=version)
    cards = list(vobject.readComponents(text))
    assert len(cards) == 2
    brent, yeom = cards
    assert brent.version.value == version
    assert (brent.n.value.family, brent.n.value.given) == ("Christensen", "Brent")
    assert brent.fn.value == "Brent Christensen"
    assert brent.nickname.value == "酈英傑"
    assert brent.email.value == "brent@ait.org"
    assert "+88673355006" in brent.tel.value
    assert brent.org.value == ["AIT Kaohsiung"]
    assert (yeom.n.value.family, yeom.n.value.given) == ("廉", "泰英")
    assert yeom.fn.value == "廉泰英"
    assert yeom.contents["x-native-name"][0].value == "염태영"
    assert korean.pk


def test_vcard_without_permission_has_no_email_or_phone(ambassador):
    text = exports.people_vcards(Person.objects.all(), personal=False)
    card = vobject.readOne(text)
    assert "email" not in card.contents and "tel" not in card.contents


def test_export_page_downloads_with_and_without_permission(client, ambassador):
    officer = protocol_officer()
    client.force_login(officer)
    url = reverse("crm_export:index")
    assert client.get(url).status_code == 200
    response = client.get(url, {"download": 1, "kind": "people", "file_format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert b"brent@ait.org" in response.content


def test_viewers_export_without_personal_fields(viewer_client, ambassador):
    url = reverse("crm_export:index")
    response = viewer_client.get(url, {"download": 1, "kind": "people", "file_format": "csv"})
    assert response.status_code == 200
    assert b"brent@ait.org" not in response.content
    assert b"Christensen" in response.content


def test_export_selection_and_organisation_filter(officer_client, ambassador):
    other = PersonFactory(family_name="Satake", given_name="Norihisa")
    url = reverse("crm_export:index")
    selected = officer_client.get(
        url, {"download": 1, "kind": "people", "file_format": "vcf3", "people": [other.pk]}
    )
    assert [c.n.value.family for c in vobject.readComponents(selected.content.decode())] == [
        "Satake"
    ]
    organisation = ambassador.affiliations.get().organisation
    at = officer_client.get(
        url,
        {"download": 1, "kind": "people", "file_format": "csv", "organisation": organisation.pk},
    )
    assert len(read_csv(at.content)) == 2


def test_vcards_of_organisations_are_refused(officer_client):
    url = reverse("crm_export:index")
    page = officer_client.get(url, {"download": 1, "kind": "organisations", "file_format": "vcf3"})
    assert page.status_code == 200
    assert page.context["form"].errors


def test_person_vcard_download(officer_client, ambassador):
    response = officer_client.get(reverse("crm_export:vcard", args=[ambassador.pk]))
    assert vobject.readOne(response.content.decode()).fn.value == "Brent Christensen"
    page = officer_client.get(reverse("crm_person:inspect", args=[ambassador.pk]))
    assert reverse("crm_export:vcard", args=[ambassador.pk]).encode() in page.content


@pytest.mark.parametrize("size", [10, 100])
@pytest.mark.parametrize("file_format", ["csv", "xlsx", "vcf3"])
def test_export_queries_do_not_grow(size, file_format, officer_client, django_assert_num_queries):
    organisation = OrganisationFactory()
    for _n in range(size):
        AffiliationFactory(organisation=organisation)
    url = reverse("crm_export:index")
    query = {"download": 1, "kind": "people", "file_format": file_format}
    officer_client.get(url, query)
    with django_assert_num_queries(7):
        officer_client.get(url, query)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_exported_file_imports_again_without_a_change(ambassador, fmt):
    """Round trip: what the office exports, corrected or not, comes back through the importer."""
    from crm.enums import RowAction
    from crm.services.imports import import_file

    def snapshot():
        return [
            (p.family_name, p.given_name, p.name_suffix, p.chinese_name, p.email, str(p.phone))
            + (p.honorific,)
            for p in Person.objects.order_by("pk")
        ]

    PersonFactory(family_name="Yeom", given_name="Tae-young", native_name="염태영")
    PersonFactory(family_name="Feulner", given_name="Edwin J.", name_suffix="Jr.", email="")
    before = snapshot()
    columns, rows = exports.people_table(Person.objects.all(), personal=True)
    data = exports.to_csv(columns, rows) if fmt == "csv" else exports.to_xlsx(columns, rows)

    result = import_file(data, f"people.{fmt}")

    assert {plan.action for plan in result.plans} == {RowAction.UNCHANGED}
    assert snapshot() == before

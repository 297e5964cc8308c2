"""Importing files: one test per kind of bad input, and the guarantees (all or nothing, twice
changes nothing, a corrected file updates in place)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from crm.enums import DatePrecision, ImportKind, RelationshipType, RowAction
from crm.importing.readers import ImportFileError, read_table
from crm.models import Affiliation, Organisation, Person, Relationship
from crm.services.imports import ImportRowsError, import_file
from tests.factories.crm import OrganisationFactory, PersonFactory

from .conftest import SEED_HEADER, csv_bytes, xlsx

pytestmark = pytest.mark.django_db

TIE_ROWS = [
    SEED_HEADER,
    "Busan,釜山,KR,sister city,1966-06-30,35.18,129.08,https://www.busan.go.kr/eng/Kaohsiung",
    "Honolulu,,US,sister city,1962,21.31,-157.86,https://archives.starbulletin.com/x.html",
    "Miami,,US,sister city,,25.76,-80.19,http://ustaiwanconnect.org/x",
]


def counts():
    return (
        Organisation.objects.count(),
        Relationship.objects.count(),
        Person.objects.count(),
        Affiliation.objects.count(),
    )


def refused(data, name="contacts.csv", **options):
    before = counts()
    with pytest.raises(ValidationError) as caught:
        import_file(data, name, **options)
    assert counts() == before
    return caught.value


def test_ties_join_each_city_to_the_home_city_and_keep_what_the_source_gives(home):
    result = import_file(csv_bytes(TIE_ROWS), "cities.csv")

    assert result.counts[RowAction.CREATE] == 3
    busan = Relationship.objects.get(target__name_en="Busan")
    assert (busan.source, busan.type) == (home, RelationshipType.SISTER_CITY)
    assert busan.signed_on == datetime.date(1966, 6, 30)
    assert busan.target.name_zh_hant == "釜山"
    assert busan.target.latitude == Decimal("35.18")
    assert busan.source_url == "https://www.busan.go.kr/eng/Kaohsiung"
    honolulu = Relationship.objects.get(target__name_en="Honolulu")
    assert (honolulu.signed_on, honolulu.signed_precision) == (
        datetime.date(1962, 1, 1),
        DatePrecision.YEAR,
    )
    # A row whose source gives no date stays without one.
    assert Relationship.objects.get(target__name_en="Miami").signed_on is None


def test_importing_the_same_file_twice_changes_nothing(home):
    import_file(csv_bytes(TIE_ROWS), "cities.csv")
    stamps = list(Organisation.objects.order_by("pk").values_list("updated_at", flat=True))

    again = import_file(csv_bytes(TIE_ROWS), "cities.csv")

    assert again.counts[RowAction.UNCHANGED] == 3
    assert again.counts[RowAction.CREATE] == again.counts[RowAction.UPDATE] == 0
    assert list(Organisation.objects.order_by("pk").values_list("updated_at", flat=True)) == stamps


def test_a_corrected_file_updates_in_place(home):
    import_file(csv_bytes(TIE_ROWS), "cities.csv")
    corrected = [
        row.replace("Miami,,US,sister city,,", "Miami,邁阿密,US,sister city,1987,")
        for row in TIE_ROWS
    ]

    result = import_file(csv_bytes(corrected), "cities.csv")

    assert result.counts[RowAction.UPDATE] == 1
    miami = Relationship.objects.get(target__name_en="Miami")
    assert miami.signed_on == datetime.date(1987, 1, 1)
    assert miami.target.name_zh_hant == "邁阿密"
    assert Relationship.objects.count() == 3


def test_a_new_tie_with_a_known_city_brings_the_city_up_to_date(home):
    busan = OrganisationFactory(name="釜山", name_en="Busan", country="KR", latitude=None)

    import_file(csv_bytes(TIE_ROWS), "cities.csv")

    busan.refresh_from_db()
    assert busan.latitude == Decimal("35.18")
    assert Relationship.objects.get(target=busan).source == home


def test_a_dry_run_classifies_rows_and_writes_nothing(home):
    result = import_file(csv_bytes(TIE_ROWS), "cities.csv", dry_run=True)

    assert result.counts[RowAction.CREATE] == 3
    assert Relationship.objects.count() == 0


def test_an_empty_database_names_its_own_home_city():
    import_file(csv_bytes(TIE_ROWS), "cities.csv", home_city_name="Lyon")

    home = Organisation.objects.get(is_home=True)
    assert home.name_en == "Lyon"
    assert set(Relationship.objects.values_list("source__name_en", flat=True)) == {"Lyon"}


def test_ties_without_a_home_city_are_refused_with_a_reason():
    error = refused(csv_bytes(TIE_ROWS), "cities.csv")
    assert error.code == "no_home"
    assert "--home-city" in " ".join(error.messages)


def test_a_big5_csv_is_read_as_big5(home):
    import_file(csv_bytes(TIE_ROWS, "cp950"), "cities.csv")
    assert Organisation.objects.filter(name_zh_hant="釜山").exists()


def test_a_utf16_csv_is_read(home):
    import_file(csv_bytes(TIE_ROWS, "utf-16"), "cities.csv")
    assert Organisation.objects.filter(name_zh_hant="釜山").exists()


def test_a_byte_order_mark_does_not_spoil_the_first_header(home):
    import_file(csv_bytes(TIE_ROWS, "utf-8-sig"), "cities.csv")
    assert Organisation.objects.filter(name_en="Busan").exists()


def test_semicolon_separators_are_recognised(home):
    rows = [row.replace(",", ";") for row in TIE_ROWS]
    import_file(csv_bytes(rows), "cities.csv")
    assert Relationship.objects.count() == 3


def test_empty_rows_are_skipped(home):
    rows = [TIE_ROWS[0], "", ",,,,,,,", TIE_ROWS[1], "  ", TIE_ROWS[2]]
    result = import_file(csv_bytes(rows), "cities.csv")
    assert len(result.plans) == 2


def test_bytes_in_no_known_encoding_are_refused():
    error = refused(b"name_en\n\xff\xfe\xfa\x80\x81 Caf\xe9\x81\n", "x.csv")
    assert "CSV UTF-8" in error.messages[0]


@pytest.mark.parametrize(
    ("data", "file_name"),
    [
        (csv_bytes([SEED_HEADER, "Busan,釜山,KR,sister city", "Dae\x00gu,,KR,"]), "cities.csv"),
        (
            b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Kim;\r\nFN:Kim\r\nNOTE:a\x00b\r\nEND:VCARD\r\n",
            "x.vcf",
        ),
    ],
)
def test_a_nul_character_refuses_the_file_on_every_database(home, data, file_name):
    # PostgreSQL refuses NUL in any text value, even in a lookup: it must not reach the query.
    error = refused(data, file_name)
    assert error.code == "nul"
    assert Person.objects.count() == 0


def test_a_csv_formula_is_refused(home):
    rows = [*TIE_ROWS, '=HYPERLINK("http://evil.example"),,US,sister city,,,,']
    error = refused(csv_bytes(rows), "cities.csv")
    assert error.code == "formula"


def test_an_xlsx_formula_is_refused(home):
    header = SEED_HEADER.split(",")
    data = xlsx([header, ["Busan", "釜山", "KR", "sister city", "1966-06-30", "=1+1", 129, ""]])
    error = refused(data, "cities.xlsx")
    assert error.code == "formula"


def test_merged_cells_are_refused(home):
    header = SEED_HEADER.split(",")
    rows = [header, ["Busan", "釜山", "KR", "sister city"], ["Daegu", "", "KR", ""]]
    data = xlsx(rows, edit=lambda sheet: sheet.merge_cells("D2:D3"))
    error = refused(data, "cities.xlsx")
    assert error.code == "merged"
    assert "D2:D3" in error.messages[0]


def test_xlsx_dates_and_excel_serials_are_read(home):
    header = SEED_HEADER.split(",")
    data = xlsx(
        [
            header,
            ["Busan", "釜山", "KR", "sister city", datetime.datetime(1966, 6, 30), 35.18, 129.08],
            ["Suwon", "水原市", "KR", "friendship city", 43512, 37.26, 127.03],
            ["Daegu", "", "韓國", "友好城市", "民國107年9月13日", 35.87, 128.6],
        ]
    )
    import_file(data, "cities.xlsx")
    signed = dict(Relationship.objects.values_list("target__name_en", "signed_on"))
    assert signed == {
        "Busan": datetime.date(1966, 6, 30),
        "Suwon": datetime.date(2019, 2, 16),
        "Daegu": datetime.date(2018, 9, 13),
    }
    assert Relationship.objects.get(target__name_en="Daegu").type == "friendship_city"


def test_a_date_in_a_number_column_is_a_row_error(home):
    header = SEED_HEADER.split(",")
    data = xlsx(
        [header, ["Busan", "釜山", "KR", "sister city", "1966", datetime.datetime(2019, 1, 1), 1]]
    )
    error = refused(data, "cities.xlsx")
    assert isinstance(error, ImportRowsError)
    [plan] = error.plans
    assert plan.action == RowAction.ERROR
    assert "2019-01-01" in str(plan.reasons[0])


def test_countries_in_any_language_or_code_and_unknown_ones_are_errors(home):
    rows = [
        SEED_HEADER,
        "Busan,釜山,대한민국,sister city,,,,",
        "Tulsa,,美國,sister city,,,,",
        "Akita Prefecture,,JPN,MOU partner,,,,",
        "Atlantis,,Atlantis,sister city,,,,",
    ]
    error = refused(csv_bytes(rows), "cities.csv")
    reasons = {plan.label: plan.reasons for plan in error.plans}
    assert [reasons[name] for name in ("Busan", "Tulsa", "Akita Prefecture")] == [[], [], []]
    assert "Atlantis" in str(reasons["Atlantis"][0])
    import_file(csv_bytes(rows[:-1]), "cities.csv")
    assert dict(Organisation.objects.exclude(is_home=True).values_list("name_en", "country")) == {
        "Busan": "KR",
        "Tulsa": "US",
        "Akita Prefecture": "JP",
    }


def test_the_same_row_twice_in_one_file_is_refused(home):
    error = refused(csv_bytes([*TIE_ROWS, TIE_ROWS[1]]), "cities.csv")
    [duplicate] = [plan for plan in error.plans if plan.action == RowAction.ERROR]
    assert duplicate.line == 5
    assert "2" in str(duplicate.reasons[0])


def test_one_bad_row_refuses_the_whole_file(home):
    error = refused(csv_bytes([*TIE_ROWS, "Nowhere,,US,sister city,2019-13-45,,,"]), "c.csv")
    assert [plan.action for plan in error.plans].count(RowAction.ERROR) == 1


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.KIA_IMPORT_MAX_BYTES = 20 * 1024 * 1024
    data = csv_bytes(TIE_ROWS) + b"x" * (50 * 1024 * 1024)
    error = refused(data, "cities.csv")
    assert error.code == "too_large"


def test_an_xlsx_zip_bomb_is_refused_before_it_is_unpacked(settings):
    import io
    import zipfile

    settings.KIA_IMPORT_MAX_BYTES = 1024 * 1024
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (30 * 1024 * 1024))
    with pytest.raises(ImportFileError) as caught:
        read_table(buffer.getvalue(), "bomb.xlsx")
    assert caught.value.code == "zip_bomb"


def test_a_legacy_xls_file_is_refused_with_what_to_do():
    error = refused(b"\xd0\xcf\x11\xe0 old excel", "contacts.xls")
    assert ".xlsx" in error.messages[0]


# People and positions ----------------------------------------------------------------------


def test_people_rows_create_people_and_positions_and_match_by_email_after():
    suwon = OrganisationFactory(name="水原市", name_en="Suwon", country="KR")
    rows = [
        "family_name,given_name,native_name,email,phone,organisation,position_title,start_date",
        "Yeom,Tae-young,염태영,yeom@suwon.example,+82 31 228 2114,Suwon,Mayor,2014-07-01",
        "Kim,Min-jun,,,,水原市,國際協力官,108/01/02",
    ]
    first = import_file(csv_bytes(rows), "people.csv")
    assert first.counts[RowAction.CREATE] == 2
    yeom = Person.objects.get(email="yeom@suwon.example")
    assert (yeom.native_name, str(yeom.phone), yeom.name_order) == (
        "염태영",
        "+82312282114",
        "family_first",
    )
    position = yeom.affiliations.get()
    assert (position.organisation, position.position_title_en) == (suwon, "Mayor")
    kim = Affiliation.objects.get(person__family_name="Kim")
    assert (kim.position_title_zh_hant, kim.start_date) == ("國際協力官", datetime.date(2019, 1, 2))

    corrected = [*rows[:1], rows[1].replace("Mayor,2014-07-01", "Mayor,2014-07-02"), rows[2]]
    second = import_file(csv_bytes(corrected), "people.csv")
    assert (second.counts[RowAction.UPDATE], second.counts[RowAction.UNCHANGED]) == (1, 1)
    assert yeom.affiliations.get().start_date == datetime.date(2014, 7, 2)
    assert (Person.objects.count(), Affiliation.objects.count()) == (2, 2)


def test_people_rows_naming_an_unknown_organisation_are_errors():
    rows = ["family_name,given_name,organisation,position_title", "Kim,Min-jun,Nowhere,Clerk"]
    error = refused(csv_bytes(rows), "people.csv")
    assert "Nowhere" in str(error.plans[0].reasons[0])


def test_people_rows_report_bad_emails_and_phones_in_the_readers_language():
    from django.utils import translation

    rows = ["family_name,given_name,email,phone", "Kim,Min-jun,not-an-address,12"]
    with translation.override("en"):
        error = refused(csv_bytes(rows), "people.csv")
        reasons = [str(reason) for reason in error.plans[0].reasons]
    assert any("not-an-address" in reason for reason in reasons)
    assert any("phone" in reason for reason in reasons)


def test_a_vcard_file_imports_people():
    PersonFactory(family_name="Christensen", given_name="Brent", email="")
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Christensen;Brent;;;\r\nFN:Brent Christensen\r\n"
        "EMAIL:brent@ait.example\r\nTEL:+886 2 2162 2000\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:4.0\r\nN:O'Connor;Matthew;;;\r\nFN:Matthew O'Connor\r\n"
        "END:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Feulner;Edwin J.;;Dr.;Jr.\r\n"
        "FN:Dr. Edwin J. Feulner, Jr.\r\nEND:VCARD\r\n"
    )
    result = import_file(card.encode(), "ait.vcf")
    assert result.counts[RowAction.CREATE] == 3
    feulner = Person.objects.get(family_name="Feulner")
    assert (feulner.given_name, feulner.name_suffix, feulner.honorific) == (
        "Edwin J.",
        "Jr.",
        "Dr.",
    )
    assert Person.objects.filter(email="brent@ait.example").exists()
    assert Person.objects.filter(family_name="O'Connor", given_name="Matthew").exists()
    assert ImportKind.PEOPLE == "people"


def test_people_rows_without_a_name_or_with_dates_out_of_order_are_errors():
    rows = [
        "family_name,given_name,email,organisation,position_title,start_date,end_date",
        ",,only@example.org,,,,",
        "Kim,Min-jun,kim@example.org,,,,",
    ]
    OrganisationFactory(name="水原市", name_en="Suwon")
    rows.append("Lee,Ji-eun,lee@example.org,Suwon,Clerk,2019-05-01,2019-04-01")
    error = refused(csv_bytes(rows), "people.csv")
    assert [plan.action for plan in error.plans] == [
        RowAction.ERROR,
        RowAction.CREATE,
        RowAction.ERROR,
    ]


def _people_file(rows):
    lines = ["family_name,given_name,email,organisation,position_title"]
    lines += [f"Family{n},Given{n},person{n}@example.org,Bench office,Officer" for n in range(rows)]
    return csv_bytes(lines)


def _search_index_queries(data):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        import_file(data, "people.csv", kind=ImportKind.PEOPLE)
    return sum("crm_searchterm" in query["sql"] for query in context.captured_queries)


def test_an_import_indexes_its_people_for_search_in_batches_not_row_by_row():
    from crm.selectors.search import matching_ids

    OrganisationFactory(name="測試機關", name_en="Bench office")
    small = _search_index_queries(_people_file(10))
    Person.objects.all().delete()

    big = _search_index_queries(_people_file(60))

    # Each saved person and position re-indexed the person on its own: 4 queries a row.
    assert big == small
    found = Person.objects.filter(pk__in=matching_ids("person", "family59")).get()
    assert found.email == "person59@example.org"
    assert Person.objects.filter(pk__in=matching_ids("person", "測試機關")).count() == 60

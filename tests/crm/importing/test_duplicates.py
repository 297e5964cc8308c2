"""An import warns of rows that would create a likely duplicate of an existing record, found in
one pass over the file; the officer may have such a row update that record instead."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from crm.dedupe.scoring import Reason
from crm.enums import ImportKind, ImportStatus, RowAction
from crm.importing.readers import read_table
from crm.models import Affiliation, ImportRun, Organisation, Person, Relationship
from crm.services.imports import import_file, import_table
from tests.factories.crm import OrganisationFactory, PersonFactory

from .conftest import SEED_HEADER, csv_bytes

pytestmark = pytest.mark.django_db

PEOPLE_HEADER = "family_name,given_name,native_name,chinese_name,email,phone"


@pytest.fixture
def christensen():
    return PersonFactory(
        family_name="Christensen",
        given_name="Brent",
        native_name="",
        chinese_name="酈英傑",
        email="brent.christensen@ait.org.tw",
        phone="",
    )


def plans_of(rows, *, kind=ImportKind.PEOPLE, **options):
    result = import_file(csv_bytes(rows), "rows.csv", kind=kind, dry_run=True, **options)
    return {plan.line: plan for plan in result.plans}


def reasons(plan, record):
    return [candidate.reasons for candidate in plan.duplicates if candidate.second == record.pk][0]


def test_a_person_row_in_another_order_or_script_is_a_possible_duplicate(christensen):
    plans = plans_of(
        [
            PEOPLE_HEADER,
            "BRENT,Christensen,,,,",
            ",,酈英傑,,,",
            "Someone,Else,,,someone@example.org,",
        ]
    )

    assert plans[2].action == RowAction.CREATE
    assert Reason.NAME_ORDER in reasons(plans[2], christensen)
    assert plans[3].action == RowAction.CREATE
    assert Reason.CHINESE_IS_NATIVE in reasons(plans[3], christensen)
    assert plans[4].duplicates == []
    assert Person.objects.count() == 1


def test_a_person_with_the_same_e_mail_is_matched_without_asking(christensen):
    Person.objects.filter(pk=christensen.pk).update(email="Brent.Christensen@AIT.org.tw")

    plans = plans_of([PEOPLE_HEADER, "Christensen,Brent,,,brent.christensen@ait.org.tw,"])

    # The stored address differs in case only: the row is that person, not a new one.
    assert plans[2].record == christensen
    assert plans[2].action != RowAction.CREATE
    assert plans[2].matched.reasons[0] == Reason.EMAIL


def test_an_organisation_row_named_in_another_form_is_a_possible_duplicate():
    suwon = OrganisationFactory(name="水原市", name_en="Suwon", country="KR")

    plans = plans_of(
        ["name_en,name_zh_hant,country", "Suwon City,水原,KR"], kind=ImportKind.ORGANISATIONS
    )

    assert plans[2].action == RowAction.CREATE
    assert Reason.SAME_SCRIPT_NAME in reasons(plans[2], suwon)


def test_a_tie_whose_partner_would_duplicate_an_existing_city_is_flagged(home):
    suwon = OrganisationFactory(name="水原市", name_en="Suwon", country="KR")

    plans = plans_of(
        [SEED_HEADER, "Suwon City,水原,KR,sister city,2019-02-16,,,"], kind=ImportKind.TIES
    )

    assert [candidate.second for candidate in plans[2].duplicates] == [suwon.pk]


def test_a_row_chosen_to_update_its_duplicate_updates_it_and_creates_nothing(christensen):
    akita = OrganisationFactory(name="秋田縣", name_en="Akita Prefecture")
    rows = [
        "family_name,given_name,phone,organisation,position_title",
        "BRENT,Christensen,+886 7 123 4567,Akita Prefecture,Adviser",
    ]
    table = read_table(csv_bytes(rows), "rows.csv")

    result = import_table(table, kind=ImportKind.PEOPLE, matches={2: christensen.pk})

    assert result.plans[0].action == RowAction.UPDATE
    assert Person.objects.count() == 1
    christensen.refresh_from_db()
    assert str(christensen.phone) == "+88671234567"
    # An empty cell never overwrites; the file's spelling of the name does.
    assert christensen.chinese_name == "酈英傑"
    assert Affiliation.objects.get().organisation == akita


def test_a_chosen_record_must_be_one_the_row_was_warned_about(christensen):
    other = PersonFactory(family_name="Unrelated", given_name="Person", native_name="")
    table = read_table(csv_bytes([PEOPLE_HEADER, "BRENT,Christensen,,,,"]), "rows.csv")

    with pytest.raises(ValidationError):
        import_table(table, kind=ImportKind.PEOPLE, matches={2: other.pk})
    assert Person.objects.count() == 2


def test_two_rows_cannot_update_one_record(christensen):
    table = read_table(
        csv_bytes([PEOPLE_HEADER, "BRENT,Christensen,,,,", ",,酈英傑,,,"]), "rows.csv"
    )

    with pytest.raises(ValidationError):
        import_table(table, kind=ImportKind.PEOPLE, matches={2: christensen.pk, 3: christensen.pk})


@pytest.mark.parametrize("rows", [10, 100])
def test_duplicates_are_found_in_a_constant_number_of_queries(
    rows, christensen, django_assert_num_queries
):
    PersonFactory.create_batch(20)
    lines = [PEOPLE_HEADER] + [f"Family{n},Given{n},,,," for n in range(rows)]
    lines.append("BRENT,Christensen,,,,")
    table = read_table(csv_bytes(lines), "rows.csv")
    from crm.importing.plan import plan_table
    from crm.importing.schema import guess_mapping

    mapping = guess_mapping(ImportKind.PEOPLE, table.header)
    # People by name (no row has an e-mail), every person's names in one pass, the records
    # of the likely duplicates.
    with django_assert_num_queries(3):
        plans = plan_table(ImportKind.PEOPLE, table, mapping)
    assert plans[-1].duplicates[0].second == christensen.pk


def test_dry_run_names_each_possible_duplicate(christensen, tmp_path):
    path = tmp_path / "people.csv"
    path.write_bytes(csv_bytes([PEOPLE_HEADER, "BRENT,Christensen,,,,"]))
    out = io.StringIO()

    with translation.override("en"):
        call_command("import_contacts", str(path), "--dry-run", stdout=out, verbosity=1)

    text = out.getvalue()
    assert "possible duplicate" in text
    assert f"#{christensen.pk}" in text and "Christensen" in text


def test_command_match_updates_the_chosen_record(christensen, tmp_path):
    path = tmp_path / "people.csv"
    path.write_bytes(csv_bytes([PEOPLE_HEADER, "BRENT,Christensen,,,,+886 7 123 4567"]))

    call_command("import_contacts", str(path), f"--match=2:{christensen.pk}", stdout=io.StringIO())

    assert Person.objects.count() == 1
    christensen.refresh_from_db()
    assert str(christensen.phone) == "+88671234567"


@pytest.mark.parametrize("match", ["2:²", "²:1", "2:99999999999999999999"])
def test_command_refuses_a_match_that_is_not_plain_digits(tmp_path, match):
    path = tmp_path / "people.csv"
    path.write_bytes(csv_bytes([PEOPLE_HEADER, "BRENT,Christensen,,,,+886 7 123 4567"]))

    with pytest.raises(CommandError):
        call_command("import_contacts", str(path), f"--match={match}", stdout=io.StringIO())

    assert not Person.objects.exists()


# The admin: the preview names the record, the officer chooses per row --------------------


def previewed(client, rows, *, kind="people"):
    client.post(
        reverse("crm_imports:index"),
        {"kind": kind, "source": "", "file": SimpleUploadedFile("p.csv", csv_bytes(rows))},
    )
    run = ImportRun.objects.latest("created_at")
    mapping = {f"column_{index}": name for index, name in run.mapping.items()}
    client.post(reverse("crm_imports:mapping", args=[run.pk]), mapping)
    run.refresh_from_db()
    assert run.status == ImportStatus.PREVIEWED
    return run


def test_preview_shows_a_possible_duplicate_with_a_link_and_its_reason(officer_client, christensen):
    run = previewed(officer_client, [PEOPLE_HEADER, "BRENT,Christensen,,,,"])

    page = officer_client.get(reverse("crm_imports:run", args=[run.pk])).content.decode()

    assert "data-import-duplicate" in page
    assert reverse("crm_person:inspect", args=[christensen.pk]) in page
    assert str(Reason.NAME_ORDER.label) in page
    assert f'name="match_2" value="{christensen.pk}"' in page


def test_confirming_with_a_chosen_duplicate_updates_it(officer_client, christensen):
    run = previewed(officer_client, [PEOPLE_HEADER, "BRENT,Christensen,,,,+886 7 123 4567"])

    response = officer_client.post(
        reverse("crm_imports:confirm", args=[run.pk]), {"match_2": str(christensen.pk)}
    )

    assert response.status_code == 302
    run.refresh_from_db()
    assert run.status == ImportStatus.DONE
    assert Person.objects.count() == 1
    christensen.refresh_from_db()
    assert str(christensen.phone) == "+88671234567"


def test_confirming_without_a_choice_creates_the_new_record(officer_client, christensen):
    run = previewed(officer_client, [PEOPLE_HEADER, "BRENT,Christensen,,,,"])

    officer_client.post(reverse("crm_imports:confirm", args=[run.pk]), {"match_2": ""})

    assert Person.objects.count() == 2
    assert Organisation.objects.count() == 0
    assert Relationship.objects.count() == 0

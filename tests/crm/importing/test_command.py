"""manage.py import_contacts: the seed list into an empty database, dry runs, refusals."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from crm.models import Organisation, Relationship
from crm.selectors.ties import sister_cities_in_order

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parents[3] / "demo" / "data" / "kaohsiung_sister_cities.csv"


def run(*args):
    out = io.StringIO()
    call_command("import_contacts", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_an_empty_database_imports_its_own_partner_list_with_its_home_city():
    assert not Organisation.objects.exists()

    output = run(str(SEED), "--home-city", "Kaohsiung")

    home = Organisation.objects.get(is_home=True)
    assert home.name_en == "Kaohsiung"
    assert Relationship.objects.filter(source=home).count() == 35
    assert "35" in output
    numbered = sister_cities_in_order()
    assert len(numbered) == 34  # Akita's row is an MOU, not a city tie
    # The second run changes nothing.
    assert "35" in run(str(SEED))
    assert Relationship.objects.count() == 35


def test_a_dry_run_writes_nothing_not_even_the_home_city():
    run(str(SEED), "--dry-run", "--home-city", "Kaohsiung")
    assert not Organisation.objects.exists()


def test_a_file_with_bad_rows_stops_the_command_with_each_reason(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "name_en,country,kind,signed\nAtlantis,Atlantis,sister city,\nX,JP,sister city,2019-13\n",
        encoding="utf-8",
    )
    errors = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_contacts", str(bad), "--home-city", "Lyon", stderr=errors)
    assert "Atlantis" in errors.getvalue() and "2019-13" in errors.getvalue()
    assert not Organisation.objects.exists()


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError):
        run(str(tmp_path / "nowhere.csv"))


def test_organisations_import_with_their_parent(tmp_path):
    data = tmp_path / "orgs.csv"
    data.write_text(
        "name_en,name_zh_hant,kind,country,parent\n"
        "Suwon,水原市,city,KR,\n"
        "Suwon International Cooperation Office,水原市國際協力官室,city,KR,Suwon\n",
        encoding="utf-8",
    )
    run(str(data), "--kind", "organisations")
    office = Organisation.objects.get(name_en="Suwon International Cooperation Office")
    assert office.parent.name_en == "Suwon"

"""Importers under hostile files: no crash, no partial write.

The contact importer (crm.services.imports.import_file) is fuzzed with generated CSV files for
each kind of record and with arbitrary bytes named as CSV, XLSX or vCard. The tests at the end
show that the harness tells an importer that writes all or nothing from one that leaves half a
file behind.
"""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import given
from hypothesis.strategies import binary

from crm.models import Affiliation, Organisation, Person, Relationship
from crm.services.imports import import_file
from tests.factories.crm import OrganisationFactory

from .harness import isolated_example, run_refusable
from .strategies import csv_files

pytestmark = pytest.mark.django_db

COLUMNS = ["family_name", "given_name", "email"]
IMPORTED = (Person, Organisation, Affiliation, Relationship)
# The headers `manage.py import_contacts` reads without a mapping, one per kind of record.
HEADERS = {
    "people": ["family_name", "given_name", "native_name", "email", "phone", "organisation"],
    "organisations": ["name_en", "name_zh_hant", "country", "kind"],
    "ties": ["name_en", "name_zh_hant", "country", "kind", "signed", "lat", "lon", "source_url"],
}


@pytest.fixture
def home_city():
    return OrganisationFactory(name_en="Kaohsiung", is_home=True)


@pytest.mark.parametrize("kind", sorted(HEADERS))
def test_contact_import_of_any_csv_completes_or_writes_nothing(kind, home_city):
    @given(payload=csv_files(HEADERS[kind]))
    def check(payload):
        with isolated_example():
            run_refusable(
                lambda: import_file(payload, f"{kind}.csv"),
                watched=IMPORTED,
                refusals=(ValidationError,),
            )

    check()


@pytest.mark.parametrize("file_name", ["contacts.xlsx", "contacts.vcf", "contacts.csv"])
def test_contact_import_of_any_bytes_completes_or_writes_nothing(file_name, home_city):
    @given(payload=binary(max_size=3_000))
    def check(payload):
        with isolated_example():
            run_refusable(
                lambda: import_file(payload, file_name),
                watched=IMPORTED,
                refusals=(ValidationError,),
            )

    check()


def _rows(payload):
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValidationError("not UTF-8") from error
    try:
        return list(csv.DictReader(io.StringIO(text, newline="")))
    except csv.Error as error:
        # A stray carriage return inside a field: a file this toy importer refuses.
        raise ValidationError("not a CSV file") from error


def _save(row):
    person = Person(
        family_name=(row.get("family_name") or "")[:128],
        given_name=(row.get("given_name") or "")[:128],
        email=(row.get("email") or "")[:254],
    )
    person.full_clean()
    person.save()


@transaction.atomic
def import_all_or_nothing(payload):
    for row in _rows(payload):
        _save(row)


def import_row_by_row(payload):
    # Saves each row as it goes: a bad row halfway leaves the rows before it behind.
    for row in _rows(payload):
        _save(row)


def test_an_importer_that_writes_all_or_nothing_passes():
    @given(payload=csv_files(COLUMNS))
    def check(payload):
        with isolated_example():
            run_refusable(
                lambda: import_all_or_nothing(payload),
                watched=(Person,),
                refusals=(ValidationError,),
            )

    check()


def test_an_importer_that_leaves_half_a_file_is_caught():
    good = "Lin,Mei,mei@example.org"
    half_bad = f"{','.join(COLUMNS)}\n{good}\n,,not-an-address\n".encode()
    with pytest.raises(AssertionError, match="refused input changed"), isolated_example():
        run_refusable(
            lambda: import_row_by_row(half_bad),
            watched=(Person,),
            refusals=(ValidationError,),
        )

"""Importers under hostile files: no crash, no partial write.

No importer exists on main yet; when one lands, fuzz it here with a test like this one:

    @given(payload=csv_files(["family_name", "given_name", "email"]))
    def test_contacts_import_any_file(payload):
        with isolated_example():
            run_refusable(
                lambda: import_contacts(io.BytesIO(payload), user=None),
                watched=(Person, Organisation),
                refusals=(ValidationError,),
            )

The tests below show that the harness tells an importer that writes all or nothing from one
that leaves half a file behind.
"""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import given

from crm.models import Person

from .harness import isolated_example, run_refusable
from .strategies import csv_files

pytestmark = pytest.mark.django_db

COLUMNS = ["family_name", "given_name", "email"]


def _rows(payload):
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValidationError("not UTF-8") from error
    return list(csv.DictReader(io.StringIO(text)))


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

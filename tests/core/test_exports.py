import csv
import io

import pytest

from core.exports import CSV_FORMULA_PREFIXES, csv_writer, neutralise_csv_cell


@pytest.mark.parametrize("prefix", CSV_FORMULA_PREFIXES)
def test_neutralise_csv_cell_quotes_a_cell_a_spreadsheet_would_run(prefix):
    cell = f'{prefix}HYPERLINK("http://evil.example","x")'

    assert neutralise_csv_cell(cell) == "'" + cell


@pytest.mark.parametrize("value", ["Suwon", "水原市", "", " =1+1", "a=b", 42, -3, None, 1.5])
def test_neutralise_csv_cell_keeps_text_and_numbers_a_spreadsheet_reads_as_they_are(value):
    assert neutralise_csv_cell(value) == value


def test_csv_writer_neutralises_every_cell_of_every_row():
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    safe = csv_writer(writer)

    safe.writerow(["=1+1", "@SUM(A1)", "Akita"])
    safe.writerows([["+1", "-cmd"], ["\tx", "\rx"]])

    assert list(csv.reader(io.StringIO(buffer.getvalue()))) == [
        ["'=1+1", "'@SUM(A1)", "Akita"],
        ["'+1", "'-cmd"],
        ["'\tx", "'\rx"],
    ]

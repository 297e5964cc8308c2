"""Files as offices send them: CSV in several encodings, XLSX built with openpyxl, vCards."""

import io

import openpyxl
import pytest

from tests.factories.crm import OrganisationFactory

SEED_HEADER = "name_en,name_zh_hant,country,kind,signed,lat,lon,source_url"


def xlsx(rows, *, edit=None):
    """The bytes of a one-sheet workbook; `edit(sheet)` may merge cells or add formulas."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    if edit:
        edit(sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(lines, encoding="utf-8"):
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


@pytest.fixture
def home():
    return OrganisationFactory(
        name="高雄市政府", name_en="Kaohsiung City Government", is_home=True, country="TW"
    )

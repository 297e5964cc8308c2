"""Reading an uploaded file into a header and rows: CSV (csv module), XLSX (openpyxl), vCard.

Files are checked before they are parsed: size, an XLSX's unpacked size (a zip bomb), the
text encoding. Problems with the whole file raise ImportFileError with a translated message.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field

import openpyxl
import vobject
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .normalise import clean_text

DELIMITERS = ",;\t"
SNIFF_BYTES = 64 * 1024
# An XLSX of 10,000 contacts unpacks to a few megabytes; a zip bomb to gigabytes.
MAX_UNPACK_RATIO = 100
VCARD_HEADER = [
    "family_name",
    "given_name",
    "name_suffix",
    "native_name",
    "honorific",
    "email",
    "phone",
    "organisation",
    "position_title",
    "notes",
]


class ImportFileError(ValidationError):
    """The file as a whole cannot be read; nothing in it is imported."""


@dataclass
class Table:
    header: list
    # (line number as the reader counts it, cells), empty rows left out.
    rows: list = field(default_factory=list)
    # The vCard reader names its own columns; a mapping is not needed.
    fixed_header: bool = False


def max_bytes():
    return settings.KIA_IMPORT_MAX_BYTES


def read_table(data, file_name):
    """A Table from the bytes of a .csv, .txt, .tsv, .xlsx or .vcf file."""
    if len(data) > max_bytes():
        raise ImportFileError(
            _("The file is %(size)s; files up to %(limit)s can be imported."),
            code="too_large",
            params={"size": filesizeformat(len(data)), "limit": filesizeformat(max_bytes())},
        )
    if not data.strip():
        raise ImportFileError(_("The file is empty."), code="empty")
    extension = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    if extension == "xlsx" or data[:4] == b"PK\x03\x04":
        return _read_xlsx(data)
    if extension in {"xls", "ods", "numbers"}:
        raise ImportFileError(
            _("Save the sheet as .xlsx or as CSV UTF-8, then upload it again."), code="format"
        )
    text = decode(data)
    if "\x00" in text:
        raise _nul_error(text[: text.index("\x00")].count("\n") + 1)
    if extension in {"vcf", "vcard"} or text.lstrip().upper().startswith("BEGIN:VCARD"):
        return _read_vcard(text)
    return _read_csv(text)


def _nul_error(line):
    # No text field holds a NUL (PostgreSQL refuses it outright); a file that has one is
    # binary, or text in an encoding other than the one it was read as.
    return ImportFileError(
        _(
            "Line %(line)s holds a NUL character, which a text file does not have. In Excel, "
            "save the sheet as “CSV UTF-8 (comma delimited)” and upload it again."
        ),
        code="nul",
        params={"line": line},
    )


def decode(data):
    """Text from bytes: UTF-8 (with or without a byte-order mark), UTF-16 with one, or Big5.

    Taiwanese Excel saves "CSV" in Big5 (code page 950); UTF-8 is tried first because a
    UTF-8 file almost never decodes as Big5 by accident, while the reverse happens.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    else:
        for encoding in ("utf-8-sig", "cp950"):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
    raise ImportFileError(
        _(
            "The file's text encoding cannot be read. In Excel, save it as “CSV UTF-8 "
            "(comma delimited)” and upload it again."
        ),
        code="encoding",
    )


def _read_csv(text):
    sample = text[:SNIFF_BYTES]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=DELIMITERS)
    except csv.Error:
        dialect = csv.excel
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), dialect))
    except csv.Error as error:
        raise ImportFileError(
            _("The file is not valid CSV: %(reason)s"), code="csv", params={"reason": error}
        ) from error
    return _table(records, formulas=_csv_formulas(records))


def _csv_formulas(records):
    # A cell that starts with "=" is a formula an export left unevaluated (or an injection).
    return [
        (line, column)
        for line, cells in enumerate(records, start=1)
        for column, cell in enumerate(cells, start=1)
        if isinstance(cell, str) and cell.lstrip().startswith("=")
    ]


def _read_xlsx(data):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except zipfile.BadZipFile as error:
        raise ImportFileError(
            _("The file is not an Excel workbook (.xlsx)."), code="format"
        ) from error
    if unpacked > max(len(data) * MAX_UNPACK_RATIO, max_bytes()):
        raise ImportFileError(
            _("The workbook unpacks to %(size)s, far more than its data; it is refused."),
            code="zip_bomb",
            params={"size": filesizeformat(unpacked)},
        )
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        raise ImportFileError(
            _("The workbook cannot be opened: %(reason)s"),
            code="format",
            params={"reason": error},
        ) from error
    sheet = workbook.worksheets[0]
    if sheet.merged_cells.ranges:
        raise ImportFileError(
            _("Unmerge the merged cells (%(cells)s) and fill in each row, then upload again."),
            code="merged",
            params={"cells": ", ".join(str(cell) for cell in list(sheet.merged_cells.ranges)[:5])},
        )
    records = []
    formulas = []
    for row in sheet.iter_rows():
        values = []
        for cell in row:
            if cell.data_type == "f":
                formulas.append((cell.row, cell.column))
            values.append(cell.value)
        records.append(values)
    workbook.close()
    return _table(records, formulas=formulas)


def _table(records, *, formulas):
    if formulas:
        line, column = formulas[0]
        raise ImportFileError(
            _(
                "Row %(line)s, column %(column)s holds a formula (%(count)s cells in all). "
                "Paste the values instead of formulas, then upload again."
            ),
            code="formula",
            params={"line": line, "column": column, "count": len(formulas)},
        )
    rows = [
        (line, list(cells))
        for line, cells in enumerate(records, start=1)
        if any(clean_text(cell) for cell in cells)
    ]
    for line, cells in rows:
        if any(isinstance(cell, str) and "\x00" in cell for cell in cells):
            raise _nul_error(line)
    if not rows:
        raise ImportFileError(_("The file has no rows."), code="empty")
    (_line, header), *body = rows
    header = [clean_text(cell) for cell in header]
    while header and not header[-1]:
        header.pop()
    if not body:
        raise ImportFileError(_("The file has a header but no rows under it."), code="empty")
    return Table(header=header, rows=body)


def _read_vcard(text):
    rows = []
    try:
        for number, card in enumerate(vobject.readComponents(text), start=1):
            rows.append((number, _vcard_row(card)))
    except Exception as error:  # vobject raises ParseError and others for broken cards
        raise ImportFileError(
            _("The vCard file cannot be read: %(reason)s"), code="vcard", params={"reason": error}
        ) from error
    if not rows:
        raise ImportFileError(_("The file has no rows."), code="empty")
    return Table(header=list(VCARD_HEADER), rows=rows, fixed_header=True)


def _first(card, name):
    items = card.contents.get(name.lower(), [])
    return items[0].value if items else ""


def _suffix(name):
    suffix = getattr(name, "suffix", "") or ""
    return " ".join(suffix) if isinstance(suffix, list) else suffix


def _vcard_row(card):
    name = _first(card, "n")
    family = getattr(name, "family", "") or ""
    given = getattr(name, "given", "") or ""
    if not (family or given):
        given = _first(card, "fn")
    organisation = _first(card, "org")
    if isinstance(organisation, list):
        organisation = organisation[0] if organisation else ""
    return [
        " ".join(family) if isinstance(family, list) else family,
        " ".join(given) if isinstance(given, list) else given,
        _suffix(name),
        _first(card, "x-native-name"),
        getattr(name, "prefix", "") or "",
        _first(card, "email"),
        _first(card, "tel"),
        organisation,
        _first(card, "title"),
        _first(card, "note"),
    ]

"""CSV that a spreadsheet opens as text: no cell of a stranger's runs as a formula.

Excel, LibreOffice and Google Sheets treat a cell that begins with =, +, -, @ (and a tab or
carriage return before one of those) as a formula, which can fetch addresses or run commands on
a staff computer. OWASP's advice is followed: such a cell is written with a leading apostrophe,
which spreadsheets show as text. XLSX needs none of this: openpyxl writes strings as strings.
"""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

CSV_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_csv_cell(value):
    """The value, with an apostrophe before text a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(CSV_FORMULA_PREFIXES):
        return "'" + value
    return value


class csv_writer:  # noqa: N801 (used like csv.writer, which it wraps)
    """Wrap a csv.writer or csv.DictWriter so that every cell it writes is neutralised."""

    def __init__(self, writer):
        self._writer = writer

    def writerow(self, row):
        if isinstance(row, dict):
            return self._writer.writerow({k: neutralise_csv_cell(v) for k, v in row.items()})
        return self._writer.writerow([neutralise_csv_cell(cell) for cell in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)

    def __getattr__(self, name):
        # writeheader, dialect ...: the headings are the project's own labels.
        return getattr(self._writer, name)


class SafeSpreadsheetExportMixin(SpreadsheetExportMixin):
    """Wagtail's list export with every CSV cell neutralised."""

    def write_csv_row(self, writer, row_dict):
        return super().write_csv_row(csv_writer(writer), row_dict)

"""One place that turns a year's report into a download: JSON, XLSX or PDF, in a language.

The admin page's download links and `manage.py annual_report` both come here, so a file is
the same whichever way it was asked for.
"""

import json
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation

from .annual import annual_report, report_figures
from .pdf import render_annual_report
from .xlsx import annual_report_xlsx

FORMATS = ("json", "xlsx", "pdf")
CONTENT_TYPES = {
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


@dataclass(frozen=True)
class Download:
    content: bytes
    content_type: str
    filename: str


def report_download(year, *, format, language):  # noqa: A002 (the option's own name)
    """The year's report in a format (json, xlsx, pdf) and language, with the previous year's."""
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}")
    with translation.override(language):
        report = annual_report(year)
        if format == "json":
            content = json.dumps(
                report_figures(report), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
            ).encode()
        else:
            previous = annual_report(year - 1)
            if format == "xlsx":
                content = annual_report_xlsx(report, previous)
            else:
                content = render_annual_report(report, language=language, previous=previous)
    return Download(content, CONTENT_TYPES[format], f"annual-report-{year}-{language}.{format}")

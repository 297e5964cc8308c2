"""The official names handbook on the public site: a page in four languages and open data.

The dataset is the handbook itself (CSV with a BOM so that Excel opens it as UTF-8, and JSON);
it carries no personal data, only the city's own names for its agencies, places and titles.
"""

import csv
import io

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext

from core.exports import csv_writer
from crm.models import GlossaryTerm

COLUMNS = ("kind", "name_zh_hant", "name_en", "name_ja", "name_ko", "notes")


def _terms():
    return GlossaryTerm.objects.order_by("kind", "name_zh_hant")


def _rows():
    return [
        {
            "kind": term.kind,
            "name_zh_hant": term.name_zh_hant or "",
            "name_en": term.name_en or "",
            "name_ja": term.name_ja or "",
            "name_ko": term.name_ko or "",
            "notes": term.notes,
            "illustrative": term.is_illustrative,
        }
        for term in _terms()
    ]


def official_names_page(request):
    """The handbook as a public page in the visitor's language (all four names per row)."""
    return render(request, "cms/official_names.html", {"terms": _terms()})


def official_names_csv(request):
    """The handbook as CSV (UTF-8 with BOM, formula-safe cells)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv_writer(csv.DictWriter(buffer, fieldnames=[*COLUMNS, "illustrative"]))
    writer.writeheader()
    writer.writerows(_rows())
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="official-names.csv"'
    return response


def official_names_json(request):
    """The handbook as JSON, one object per term."""
    return JsonResponse(
        {"title": gettext("Official names handbook"), "terms": _rows()},
        json_dumps_params={"ensure_ascii": False},
    )

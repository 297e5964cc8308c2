"""The official names handbook on the public site: a page in four languages.

Its open data (CSV with a BOM so that Excel opens it as UTF-8, JSON, a JSON Schema and an entry
in the DCAT catalogue) is the `official-names` dataset of cms/opendata, at the stable
language-free addresses every dataset has; the language-prefixed addresses the handbook first
had redirect there.
"""

from django.shortcuts import redirect, render
from django.urls import reverse

from crm.models import GlossaryTerm


def official_names_page(request):
    """The handbook as a public page in the visitor's language (all four names per row)."""
    terms = GlossaryTerm.objects.order_by("kind", "name_zh_hant")
    files = {
        fmt: reverse("opendata:file", kwargs={"slug": "official-names", "fmt": fmt})
        for fmt in ("csv", "json")
    }
    return render(request, "cms/official_names.html", {"terms": terms, "files": files})


def official_names_csv(request):
    """The first address of the CSV, kept working: the open dataset is the file now."""
    return redirect("opendata:file", slug="official-names", fmt="csv", permanent=True)


def official_names_json(request):
    """The first address of the JSON, kept working: the open dataset is the file now."""
    return redirect("opendata:file", slug="official-names", fmt="json", permanent=True)

"""A dataset as CSV (UTF-8 with a byte-order mark, which Excel needs to read it as UTF-8), as
JSON, and its JSON Schema; the DCAT catalogue of all datasets as JSON-LD."""

import csv
import io
import json

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import gettext

from core.exports import csv_writer
from core.office import office_name

from .datasets import BOOLEAN, DATASETS, DATE, DATETIME, INTEGER, LICENCE_NAME, LICENCE_URL

MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "ics": "text/calendar",
}
LANGUAGE_TAGS = {"zh-hant": "zh-Hant", "en": "en", "ja": "ja", "ko": "ko"}


def as_csv(dataset):
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv_writer(csv.DictWriter(out, [column.name for column in dataset.columns]))
    writer.writeheader()
    booleans = [column.name for column in dataset.columns if column.type == BOOLEAN]
    for row in dataset.rows():
        # true/false as in the JSON, not Python's True/False.
        writer.writerow({**row, **{name: "true" if row[name] else "false" for name in booleans}})
    return out.getvalue().encode()


def as_json(dataset):
    document = {
        "dataset": dataset.slug,
        "licence": LICENCE_URL,
        "data": list(dataset.rows()),
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode()


def _column_schema(column):
    if column.type == BOOLEAN:
        return {"type": "boolean", "description": str(column.description)}
    if column.type == INTEGER:
        kinds = ["integer", "null"] if column.optional else "integer"
        return {"type": kinds, "description": str(column.description)}
    schema = {"type": "string", "description": str(column.description)}
    if column.type in (DATE, DATETIME):
        # Empty when the date is not on record.
        schema["anyOf"] = [{"format": column.type}, {"maxLength": 0}]
    return schema


def json_schema(dataset):
    """The JSON Schema (draft 2020-12) of the dataset's JSON; its data rows also fit the CSV."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": str(dataset.title),
        "type": "object",
        "required": ["dataset", "licence", "data"],
        "properties": {
            "dataset": {"const": dataset.slug},
            "licence": {"const": LICENCE_URL},
            "data": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": [column.name for column in dataset.columns],
                    "properties": {
                        column.name: _column_schema(column) for column in dataset.columns
                    },
                },
            },
        },
    }


def distribution_url(request, dataset, fmt):
    if fmt == "ics":
        return request.build_absolute_uri(reverse("events:feed-public-events"))
    return request.build_absolute_uri(
        reverse("opendata:file", kwargs={"slug": dataset.slug, "fmt": fmt})
    )


def _open_data_title():
    # Lazy, so that _in_languages writes it in each language, not four times in the current one.
    return lazy(lambda: gettext("%(office)s open data") % {"office": office_name()}, str)()


def _in_languages(value):
    values = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            values.append({"@language": LANGUAGE_TAGS.get(code, code), "@value": str(value)})
    return values


def catalogue(request):
    """The DCAT catalogue (JSON-LD) of every dataset, titled in the site's four languages."""
    page = request.build_absolute_uri(reverse("cms:open_data"))
    datasets = []
    for dataset in DATASETS:
        modified = dataset.last_modified()
        datasets.append(
            {
                "@id": f"{page}#{dataset.slug}",
                "@type": "dcat:Dataset",
                "dct:identifier": dataset.slug,
                "dct:title": _in_languages(dataset.title),
                "dct:description": _in_languages(dataset.description),
                "dct:license": {"@id": LICENCE_URL},
                "dct:accrualPeriodicity": {"@id": dataset.frequency},
                "dct:modified": modified.date().isoformat() if modified else None,
                "dcat:landingPage": {"@id": page},
                "dct:conformsTo": {
                    "@id": request.build_absolute_uri(
                        reverse("opendata:schema", kwargs={"slug": dataset.slug})
                    )
                },
                "dcat:distribution": [
                    {
                        "@type": "dcat:Distribution",
                        "dcat:downloadURL": {"@id": distribution_url(request, dataset, fmt)},
                        "dcat:mediaType": MEDIA_TYPES[fmt].split(";")[0],
                        "dct:format": fmt.upper(),
                        "dct:license": {"@id": LICENCE_URL},
                    }
                    for fmt in dataset.formats
                ],
            }
        )
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
        },
        "@id": request.build_absolute_uri(reverse("opendata:catalog")),
        "@type": "dcat:Catalog",
        "dct:title": _in_languages(_open_data_title()),
        "dct:license": {"@id": LICENCE_URL},
        "dct:rights": str(LICENCE_NAME),
        "foaf:homepage": {"@id": page},
        "dcat:dataset": datasets,
    }

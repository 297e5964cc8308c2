"""Open-data addresses (outside the language prefix, so they never change) and the page."""

import hashlib
import json

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag
from django.views.decorators.http import require_safe

from events.responses import add_validators
from events.views.feeds import public_events

from . import files
from .datasets import BY_SLUG, DATASETS, LICENCE_NAME, LICENCE_URL


def _respond(request, content, content_type, *, filename=None):
    """The bytes with an ETag of their digest; a repeated request with it is answered 304."""
    etag = hashlib.sha256(content).hexdigest()[:32]
    not_modified = get_conditional_response(request, etag=quote_etag(etag))
    response = not_modified or HttpResponse(content, content_type=content_type)
    if filename and not_modified is None:
        response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return add_validators(response, etag=etag, public=True)


def _dataset(slug):
    try:
        return BY_SLUG[slug]
    except KeyError:
        raise Http404 from None


@require_safe
def dataset_file(request, slug, fmt):
    dataset = _dataset(slug)
    if fmt not in dataset.formats:
        raise Http404
    if fmt == "ics":
        # The public events' calendar is the public feed itself, with its own validators.
        return public_events(request)
    content = files.as_csv(dataset) if fmt == "csv" else files.as_json(dataset)
    return _respond(request, content, files.MEDIA_TYPES[fmt], filename=f"{slug}.{fmt}")


@require_safe
def dataset_schema(request, slug):
    content = json.dumps(files.json_schema(_dataset(slug)), ensure_ascii=False, indent=1)
    return _respond(request, content.encode(), "application/schema+json")


@require_safe
def catalog(request):
    content = json.dumps(files.catalogue(request), ensure_ascii=False, indent=1)
    return _respond(request, content.encode(), "application/ld+json")


@require_safe
def open_data_page(request):
    datasets = [
        {
            "dataset": dataset,
            "modified": dataset.last_modified(),
            "files": [
                (fmt, files.distribution_url(request, dataset, fmt)) for fmt in dataset.formats
            ],
        }
        for dataset in DATASETS
    ]
    return render(
        request,
        "cms/open_data.html",
        {"datasets": datasets, "licence_name": LICENCE_NAME, "licence_url": LICENCE_URL},
    )

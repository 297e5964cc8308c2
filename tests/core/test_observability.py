import json
import logging

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from pythonjsonlogger.json import JsonFormatter

from core.observability import (
    RequestIdFilter,
    RequestIdMiddleware,
    current_request_id,
    tag_sentry_event,
)

pytestmark = pytest.mark.django_db


def _seen_ids(request):
    seen = []

    def view(request):
        seen.append(current_request_id())
        return HttpResponse("ok")

    response = RequestIdMiddleware(view)(request)
    return seen[0], response


def test_each_request_gets_an_id_returned_in_the_response():
    first, response = _seen_ids(RequestFactory().get("/"))
    second, _ = _seen_ids(RequestFactory().get("/"))
    assert len(first) == 32 and first != second
    assert response["X-Request-ID"] == first
    assert current_request_id() == "-"


def test_the_proxys_id_is_kept_only_when_trusted(settings):
    request = RequestFactory().get("/", HTTP_X_REQUEST_ID="nginx-4f2a9c1d")
    settings.KIA_TRUST_REQUEST_ID = False
    assert _seen_ids(request)[0] != "nginx-4f2a9c1d"
    settings.KIA_TRUST_REQUEST_ID = True
    assert _seen_ids(request)[0] == "nginx-4f2a9c1d"


def test_a_forged_id_cannot_write_log_lines(settings):
    settings.KIA_TRUST_REQUEST_ID = True
    request = RequestFactory().get("/", HTTP_X_REQUEST_ID="abcdefgh\nFAKE LINE")
    assert "\n" not in _seen_ids(request)[0]


def test_log_records_are_json_with_the_request_id():
    formatter = JsonFormatter("{asctime}{levelname}{name}{message}{request_id}", style="{")
    record = logging.LogRecord("events", logging.ERROR, __file__, 1, "mail failed", (), None)
    seen = {}

    def view(request):
        RequestIdFilter().filter(record)
        seen["line"] = formatter.format(record)
        return HttpResponse()

    response = RequestIdMiddleware(view)(RequestFactory().get("/"))
    line = json.loads(seen["line"])
    assert line["message"] == "mail failed"
    assert line["request_id"] == response["X-Request-ID"]


def test_every_response_carries_an_id(client):
    response = client.get("/healthz")
    assert len(response["X-Request-ID"]) == 32


def test_sentry_events_are_tagged_with_the_request_id():
    seen = {}

    def view(request):
        seen["event"] = tag_sentry_event({"message": "boom"}, None)
        return HttpResponse()

    response = RequestIdMiddleware(view)(RequestFactory().get("/"))
    assert seen["event"]["tags"]["request_id"] == response["X-Request-ID"]
    assert "tags" not in tag_sentry_event({}, None)

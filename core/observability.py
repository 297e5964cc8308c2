"""What an operator reads when something goes wrong: a request id on every log line and error.

The id comes from the proxy in front (X-Request-ID) when settings.KIA_TRUST_REQUEST_ID says the
proxy sets it, so one id follows a request from nginx through gunicorn into the logs and Sentry;
otherwise each request gets a fresh one. Either way it is sent back in the response header.
"""

import contextvars
import logging
import re
import uuid

from django.conf import settings

REQUEST_ID_HEADER = "X-Request-ID"
# A proxy's id is copied into logs: only short, plain tokens, so a client cannot forge log lines.
_ACCEPTABLE_ID = re.compile(r"^[A-Za-z0-9._-]{8,128}$")
_request_id = contextvars.ContextVar("request_id", default="-")


def current_request_id():
    return _request_id.get()


def _incoming_id(request):
    if not settings.KIA_TRUST_REQUEST_ID:
        return None
    candidate = request.headers.get(REQUEST_ID_HEADER, "")
    return candidate if _ACCEPTABLE_ID.match(candidate) else None


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = _incoming_id(request) or uuid.uuid4().hex
        request.request_id = request_id
        token = _request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(token)
        response.headers[REQUEST_ID_HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Gives every log record a request_id field ("-" outside a request)."""

    def filter(self, record):
        record.request_id = current_request_id()
        return True


def tag_sentry_event(event, hint):
    """sentry-sdk's before_send: the event carries the id the logs carry."""
    request_id = current_request_id()
    if request_id != "-":
        event.setdefault("tags", {})["request_id"] = request_id
    return event

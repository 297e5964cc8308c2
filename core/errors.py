"""Error pages that still answer when the database does not.

While PostgreSQL restarts, every page fails on its first query. Visitors then get a 503 "back
in a moment" page in their own language, with Retry-After, instead of a generic 500: it tells
them (and crawlers and load balancers) that the outage is temporary. The page is rendered from a
template that reads nothing from the database, and the language comes from the address or the
browser, since the middleware that usually chooses it may not have run.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django.views import defaults

from core.office import office_context

RETRY_AFTER_SECONDS = 10


def _reader_language(request):
    return translation.get_language_from_path(
        request.path_info
    ) or translation.get_language_from_request(request)


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """handler500: a database outage becomes a translated 503, anything else Django's 500."""
    error = sys.exc_info()[1]
    if not isinstance(error, OperationalError | InterfaceError):
        return defaults.server_error(request, template_name)
    language = _reader_language(request)
    with translation.override(language):
        body = loader.render_to_string(
            "503.html", {"language": language, **office_context(request)}
        )
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Content-Language"] = language
    return response

"""iCal feed endpoints: parse the request, pick the feed, answer 304 or cached bytes."""

from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag
from django.views.decorators.http import require_safe

from .. import ical
from ..models import FeedToken
from ..responses import CalendarResponse, add_validators
from ..selectors.feeds import calendars, rows, tokens
from ..services.feeds import touch_feed_token

# The key is versioned by the rows' count and latest change, so stale bytes are never served;
# this only bounds how long unused versions linger.
CACHE_TIMEOUT = 24 * 60 * 60
LANGUAGES = {code for code, _name in settings.LANGUAGES}


@require_safe
def public_events(request):
    language = _language(request, settings.LANGUAGE_CODE)
    return _serve(request, calendars.public_events_feed(language=language))


@require_safe
def public_event(request, uid):
    event = get_object_or_404(rows.public_events(), uid=uid)
    language = _language(request, settings.LANGUAGE_CODE)
    return _serve(request, calendars.public_event_feed(event, language=language))


@require_safe
def private_feed(request, secret):
    try:
        token = tokens.get_feed_token(secret)
    except FeedToken.DoesNotExist:
        # The same plain 404 for unknown, rotated and revoked links: nothing to probe.
        raise Http404 from None
    touch_feed_token(token)
    language = _language(request, None) or tokens.token_language(token)
    return _serve(request, calendars.token_feed(token, language=language))


def _language(request, default):
    code = request.GET.get("lang", "").lower()
    return code if code in LANGUAGES else default


def _serve(request, feed):
    with translation.override(feed.language):
        version, last_modified = feed.version()
        etag = f"{feed.key}-{version}"
        not_modified = get_conditional_response(
            request,
            etag=quote_etag(etag),
            last_modified=last_modified and int(last_modified.timestamp()),
        )
        if not_modified is not None:
            return add_validators(
                not_modified, etag=etag, last_modified=last_modified, public=feed.public
            )
        cache_key = f"ical:{etag}"
        content = cache.get(cache_key)
        if content is None:
            calendar = ical.new_calendar(feed.name)
            content = ical.serialise(calendar, feed.components())
            cache.set(cache_key, content, CACHE_TIMEOUT)
    return CalendarResponse(
        content,
        filename=feed.filename,
        etag=etag,
        last_modified=last_modified,
        public=feed.public,
    )

"""Whole-response cache for public pages, answered before sessions, logins and Wagtail routing.

A cached entry remembers which page it came from and a *token*: the values of everything the
page shows (its publication, the records behind it), read in one query. A hit re-reads the
token and serves the stored response only if nothing changed, so an edited page or event is
never served stale, without signals and without Wagtail's per-segment routing queries. Only
an edited Site, which can send a host to other pages without touching any page, is signalled:
it starts a new generation of keys.

Only cookie-less readers are served from or fill the cache: a session or message cookie means
a login, a preview or a one-off message, all of which must render afresh.
"""

import hashlib
import uuid

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse
from django.utils import timezone
from wagtail.models import Site

from core.prepared import PreparedQuery

from . import routing

CACHE_PREFIX = "cms:page:"


def _cache():
    from django.core.cache import caches

    return caches[settings.KIA_PAGE_CACHE_ALIAS]


SITES_GENERATION_KEY = CACHE_PREFIX + "sites"


def cache_key(request):
    # Kept on the request: a miss looks the page up, then stores it under the same key.
    if not hasattr(request, "_page_cache_key"):
        # Keys change with every edit of a Site: a host may now show another site's pages.
        generation = _cache().get(SITES_GENERATION_KEY, "")
        raw = f"{generation}|{request.get_host()}|{request.get_full_path()}".encode()
        request._page_cache_key = CACHE_PREFIX + hashlib.sha256(raw).hexdigest()
    return request._page_cache_key


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def forget_sites(**kwargs):
    """An edited Site may send a host to other pages: forget every host's site and page."""
    routing.forget_sites()
    _cache().set(SITES_GENERATION_KEY, uuid.uuid4().hex, None)


def request_is_cacheable(request):
    """Anonymous, cookie-less GET/HEAD requests only: staff see drafts, user bars, previews."""
    if request.method not in ("GET", "HEAD") or getattr(request, "is_preview", False):
        return False
    # Cookies that make a response personal; csrftoken or a language cookie do not.
    personal = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)
    if any(name in request.COOKIES for name in personal):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


# Compiling the stamps costs more than reading them.
_token_query = PreparedQuery(
    lambda page_class, pk: (
        page_class.objects.filter(pk=pk).order_by().values(**page_class.cache_stamps())
    )
)


def page_token(page_class, pk):
    """The current token of one page: a tuple that changes whenever what it shows changes."""
    rows = _token_query(pk, shape=(page_class,))
    if not rows:
        return None
    return page_class.cache_token(rows[0], timezone.now())


def mark_cacheable(request, page, token):
    """Called by a page as it serves: the middleware stores the finished response."""
    request.page_cache = (page._meta.label_lower, page.pk, token)


def store(request, response):
    """Keep a finished 200 response of a page that marked the request cacheable."""
    marked = getattr(request, "page_cache", None)
    if marked is None or marked[2] is None:
        return
    if response.status_code != 200 or response.cookies or response.streaming:
        return
    model, pk, token = marked
    entry = {
        "model": model,
        "pk": pk,
        "token": token,
        "content": response.content,
        "headers": dict(response.items()),
    }
    _cache().set(cache_key(request), entry, settings.KIA_PAGE_CACHE_SECONDS)


def fetch(request):
    """The stored response for this request if its page and records are unchanged, else None."""
    if not request_is_cacheable(request):
        return None
    entry = _cache().get(cache_key(request))
    if entry is None:
        return None
    if page_token(apps.get_model(entry["model"]), entry["pk"]) != entry["token"]:
        return None
    response = HttpResponse(entry["content"], headers=entry["headers"])
    response["X-Page-Cache"] = "hit"
    return response

"""Whole-response cache for public pages, answered before sessions, logins and Wagtail routing.

A cached entry remembers which page it came from and a *token*: the values of everything the
page shows (its publication, the records behind it), read in one query. Reading that token on
every hit cost a database round trip per page view, so a hit trusts the entry without the
database while two things hold:

- the shared *content version* is the one the entry was checked under. Every committed save or
  delete of a record a page shows (pages, page log, events, programme items, resources,
  organisations, ties, decided registrations) replaces the version, so the next hit on any
  page re-reads its token, in every process that shares the cache (Redis);
- the entry was checked less than KIA_PAGE_CACHE_RECHECK_SECONDS ago. This safety net catches
  what no signal reports: queryset.update(), raw SQL, a registration deadline or the hour
  passing, a version bump lost while Redis was away.

A re-read token that still matches renews the entry; one that differs is a miss. An edited
Site, which can send a host to other pages without touching any page, starts a new generation
of keys.

Only cookie-less readers are served from or fill the cache: a session or message cookie means
a login, a preview or a one-off message, all of which must render afresh.
"""

import hashlib
import time
import uuid

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
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
CONTENT_VERSION_KEY = CACHE_PREFIX + "version"


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


def bump_content_version():
    """Make every entry re-read its token on its next hit, in every process."""
    _cache().set(CONTENT_VERSION_KEY, uuid.uuid4().hex, None)


def _bump_on_commit(using=None):
    # After the commit: a reader who saw the new version must also see the new rows. A bump
    # is one small write, so a transaction saving many records simply bumps many times.
    transaction.on_commit(bump_content_version, using=using, robust=True)


def _shown_on_pages(sender, instance, created=False):
    """Whether saving this record may change what a public page shows (see cache_stamps)."""
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page, PageLogEntry

    from events.enums import RegistrationStatus
    from events.models import Registration

    if sender is Registration:
        # Pages count accepted registrations only: a new public application or waiting-list
        # place changes nothing shown, a staff decision on an existing one may.
        return not created or instance.status == RegistrationStatus.ACCEPTED
    if issubclass(sender, Page):
        return True
    return sender in _shown_models() or sender in (PageLogEntry, Locale, get_image_model())


def _shown_models():
    from crm.models import Organisation, Relationship
    from events.models import Event, ItineraryItem, Resource

    return (Event, ItineraryItem, Resource, Organisation, Relationship)


@receiver(post_save)
def _saved(sender, instance, created, using, **kwargs):
    if _shown_on_pages(sender, instance, created):
        _bump_on_commit(using)


@receiver(post_delete)
def _deleted(sender, instance, using, **kwargs):
    if _shown_on_pages(sender, None):
        _bump_on_commit(using)


@receiver(m2m_changed)
def _linked(sender, instance, action, using, **kwargs):
    if action.startswith("post_") and _shown_on_pages(type(instance), None):
        _bump_on_commit(using)


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
    # The version read as the request began, before the token: an edit committed while the
    # page rendered has replaced it, so the next hit re-reads the token.
    version = getattr(request, "_page_cache_version", None)
    entry = {
        "model": model,
        "pk": pk,
        "token": token,
        "version": version,
        "checked_at": time.time(),
        "content": response.content,
        "headers": dict(response.items()),
    }
    _cache().set(cache_key(request), entry, settings.KIA_PAGE_CACHE_SECONDS)


def fetch(request):
    """The stored response for this request if its page and records are unchanged, else None."""
    if not request_is_cacheable(request):
        return None
    key = cache_key(request)
    found = _cache().get_many([key, CONTENT_VERSION_KEY])
    entry, version = found.get(key), found.get(CONTENT_VERSION_KEY)
    if version is None:
        # First request since the cache started (or lost the key): read before any token.
        version = uuid.uuid4().hex
        if not _cache().add(CONTENT_VERSION_KEY, version, None):
            version = _cache().get(CONTENT_VERSION_KEY)
    request._page_cache_version = version
    if entry is None:
        return None
    now = time.time()
    trusted = (
        version is not None
        and entry.get("version") == version
        and now - entry.get("checked_at", 0) < settings.KIA_PAGE_CACHE_RECHECK_SECONDS
    )
    if not trusted:
        if page_token(apps.get_model(entry["model"]), entry["pk"]) != entry["token"]:
            return None
        entry.update(version=version, checked_at=now)
        _cache().set(key, entry, settings.KIA_PAGE_CACHE_SECONDS)
    response = HttpResponse(entry["content"], headers=entry["headers"])
    response["X-Page-Cache"] = "hit"
    return response

"""Writes of the public site: an event's pages follow its record.

The event record already carries its title in zh-hant, en, ja and ko (modeltranslation), so
nobody should retitle four pages by hand. Creating or publishing an event's page in one
language makes the missing translations (Wagtail's copy_for_translation, as
simple_translation does) under the event index of each language, and every page's title
follows the record's title in its language, now and on each later edit of the record.
"""

from django.apps import apps
from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page

from .event_pages import is_readable_slug, localised_title, page_slug, unique_slug
from .models import EventPage


def _parent_in(parent, locale):
    return parent.get_translations(inclusive=True).filter(locale=locale).first()


@transaction.atomic
def sync_event_pages(event):
    """Give each page group of the event a translation per site language, titled from the
    record; publish a translation when its source page is live. Returns pages changed."""
    pages = list(EventPage.objects.filter(event=event).select_related("locale"))
    changed = []
    groups = {}
    for page in pages:
        groups.setdefault(page.translation_key, []).append(page)
    for group in groups.values():
        by_language = {page.locale.language_code: page for page in group}
        source = by_language.get(settings.LANGUAGE_CODE) or group[0]
        parent = source.get_parent()
        for code, _name in settings.LANGUAGES:
            page = by_language.get(code)
            if page is None:
                locale = Locale.objects.filter(language_code=code).first()
                if locale is None or _parent_in(parent, locale) is None:
                    continue
                page = source.copy_for_translation(locale, copy_parents=False)
                page = page.specific
            title = localised_title(event, code)
            if page.title != title or page.draft_title != title:
                page.title = page.draft_title = title
                revision = page.save_revision(clean=False)
                if source.live or page.live:
                    revision.publish()
                changed.append(page)
            elif source.live and not page.live:
                page.save_revision(clean=False).publish()
                changed.append(page)
    return changed


def _english_titles(pages):
    """{translation key: the English translation's title} for these pages, in one query."""
    keys = {page.translation_key for page in pages}
    return dict(
        Page.objects.filter(translation_key__in=keys, locale__language_code="en").values_list(
            "translation_key", "title"
        )
    )


@transaction.atomic
def give_pages_ascii_slugs():
    """Give every page whose slug is not readable ASCII (made before slugs were, a
    percent-encoded 國際午宴 in its address) a readable one, unique among its siblings.

    The old addresses keep working: Wagtail's redirects (wagtail.contrib.redirects, when
    installed) send them to the page and its descendants. The latest revision takes the new
    slug too, so publishing a draft does not bring the old one back. Returns {page pk: (old
    slug, new slug)}.
    """
    candidates = [
        page
        for page in Page.objects.exclude(depth=1).order_by("path")
        if not is_readable_slug(page.slug)
    ]
    english = _english_titles(candidates)
    renamed = {}
    for candidate in candidates:
        page = candidate.specific
        before = type(page).objects.get(pk=page.pk)
        slug = unique_slug(
            page_slug(page, titles=[english.get(page.translation_key, "")]),
            page.get_parent(),
            page=page,
        )
        page.slug = slug
        page.save(clean=False, update_fields=["slug", "url_path"])
        renamed[page.pk] = (before.slug, slug)
        for revision in page.revisions.filter(pk=page.latest_revision_id):
            revision.content["slug"] = slug
            revision.save(update_fields=["content"])
        if apps.is_installed("wagtail.contrib.redirects"):
            _redirect_old_addresses(page, before)
    return renamed


def _redirect_old_addresses(page, before):
    # Wagtail's own redirect maker (what it does on a slug edit in the admin) covers the page
    # in every site and language it is served in and every descendant. It also runs on
    # commit through page_slug_changed; making the same redirects twice changes nothing.
    from wagtail.contrib.redirects.signal_handlers import create_redirects
    from wagtail.models import Site

    sites = Site.objects.filter(
        id__in=[option.site_id for option in page._get_relevant_site_root_paths(cache_object=page)]
    ).exclude(root_page=page)
    create_redirects(page=page, page_old=before, sites=sites)

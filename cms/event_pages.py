"""Titles and slugs of an event's public pages, from the event record.

Slugs are readable ASCII from the English title ("international-luncheon"), transliterated
from the Chinese one (anyascii) when there is no English title, never percent-encoded CJK.
"""

from anyascii import anyascii
from django.conf import settings
from django.utils.text import slugify
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page

SLUG_LENGTH = 50


def localised_title(event, language):
    """The record's title in a language, else in the office's (the page needs one)."""
    return (
        getattr(event, build_localized_fieldname("title", language), "")
        or getattr(event, build_localized_fieldname("title", settings.LANGUAGE_CODE), "")
        or event.title
    )


def ascii_slug(*texts, fallback):
    """The first text that slugifies to readable ASCII; CJK is transliterated."""
    for text in texts:
        slug = slugify(anyascii(text or ""))[:SLUG_LENGTH].strip("-")
        if slug:
            return slug
    return fallback


def event_slug(event):
    """A readable ASCII slug for an event's pages, the same in every language."""
    return ascii_slug(
        getattr(event, "title_en", ""),
        localised_title(event, settings.LANGUAGE_CODE),
        fallback=f"event-{event.pk}",
    )


def is_readable_slug(slug):
    """Whether a slug shows as itself in an address (ASCII, nothing percent-encoded)."""
    return bool(slug) and slug.isascii() and "%" not in slug


def page_slug(page, *, titles=()):
    """A readable ASCII slug for an existing page: its event's for an event page, else from
    the English title among its translations (`titles`), else its own title transliterated."""
    event = getattr(page, "event", None)
    fallback = f"page-{page.pk}"
    if event is not None:
        return ascii_slug(event_slug(event), fallback=fallback)
    return ascii_slug(*titles, page.title, fallback=fallback)


def unique_slug(slug, parent, *, page=None):
    """slug, or slug-2, slug-3 ... when a sibling already has it."""
    siblings = parent.get_children() if parent is not None else Page.objects.none()
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    taken = set(siblings.values_list("slug", flat=True))
    candidate, number = slug, 2
    while candidate in taken:
        candidate = f"{slug[: SLUG_LENGTH - 4]}-{number}"
        number += 1
    return candidate

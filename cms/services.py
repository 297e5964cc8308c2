"""Writes of the public site: an event's pages follow its record.

The event record already carries its title in zh-hant, en, ja and ko (modeltranslation), so
nobody should retitle four pages by hand. Creating or publishing an event's page in one
language makes the missing translations (Wagtail's copy_for_translation, as
simple_translation does) under the event index of each language, and every page's title
follows the record's title in its language, now and on each later edit of the record.
"""

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale

from .event_pages import localised_title
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

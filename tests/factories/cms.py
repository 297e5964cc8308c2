"""A small public site in four languages, built the way demo.cms builds the real one."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from wagtail.models import Page, Site

from cms import models
from demo.cms import ensure_locales

LANGS = [code for code, _name in settings.LANGUAGES]


def titles(base):
    return {code: f"{base} ({code})" for code in LANGS}


@dataclass
class SiteTree:
    homes: dict
    event_index: dict
    sister_index: dict
    about: dict
    contact: dict
    extra: dict = field(default_factory=dict)


def build_site():
    """Home, events, sister cities, an about page and a contact page in every language.

    Pages are added live without revisions: publishing through revisions is what the cache
    tests exercise, and it would make every other test several times slower.
    """
    locales = ensure_locales()
    # Transactional tests flush the tables, Wagtail's root page and default site included.
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locales[LANGS[0]])
    )
    homes = _subset_page(
        dict.fromkeys(LANGS, root),
        models.HomePage,
        slug=None,
        languages=LANGS,
        fields={"intro": {code: f"Intro ({code})" for code in LANGS}},
        title={code: f"Home ({code})" for code in LANGS},
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"root_page": homes[LANGS[0]], "hostname": "testserver", "port": 80},
    )
    return SiteTree(
        homes=homes,
        event_index=_subset_page(
            homes,
            models.EventIndexPage,
            slug="events",
            languages=LANGS,
            fields={"show_in_menus": True},
            title=titles("Events"),
        ),
        sister_index=_subset_page(
            homes,
            models.SisterCityIndexPage,
            slug="sister-cities",
            languages=LANGS,
            fields={},
            title=titles("Cities"),
        ),
        about=_subset_page(
            homes,
            models.StandardPage,
            slug="about",
            languages=LANGS,
            fields={
                "intro": {code: f"About intro ({code})" for code in LANGS},
                "date": datetime.date(2019, 2, 16),
            },
            title=titles("About"),
        ),
        contact=_subset_page(
            homes,
            models.ContactPage,
            slug="contact",
            languages=LANGS,
            fields={"address": "802 高雄市苓雅區四維三路2號", "email": "intl@kcg.example"},
            title=titles("Contact"),
        ),
    )


def event_page(tree, event, *, slug=None, languages=LANGS, **fields):
    """The event's page in the given languages (a subset leaves the others untranslated)."""
    parents = {code: tree.event_index[code] for code in languages}
    return _subset_page(
        parents,
        models.EventPage,
        slug=slug or f"event-{event.pk}",
        languages=languages,
        fields={"event": event, **fields},
        title=event.title_zh_hant,
    )


def sister_city_page(tree, relationship, *, slug=None, languages=LANGS):
    parents = {code: tree.sister_index[code] for code in languages}
    return _subset_page(
        parents,
        models.SisterCityPage,
        slug=slug or f"city-{relationship.pk}",
        languages=languages,
        fields={"relationship": relationship},
        title=str(relationship.target),
    )


def _subset_page(parents, page_class, *, slug, languages, fields, title):
    locales = ensure_locales()
    now = timezone.now()
    pages = {}
    for code in languages:
        values = {
            name: value[code] if isinstance(value, dict) else value
            for name, value in fields.items()
        }
        page = page_class(
            title=title[code] if isinstance(title, dict) else title,
            slug=slug or f"home-{code}",
            locale=locales[code],
            live=True,
            first_published_at=now,
            last_published_at=now,
            **values,
        )
        if pages:
            page.translation_key = next(iter(pages.values())).translation_key
        parents[code].add_child(instance=page)
        pages[code] = page
    return pages

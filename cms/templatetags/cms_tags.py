"""Template helpers for the public site: languages, navigation and event dates."""

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import formats, timezone, translation
from django.utils.translation import gettext
from wagtail.models import Page, Site

register = template.Library()


@register.filter
def html_lang(code):
    """BCP 47 tag for a Django language code: zh-hant -> zh-Hant."""
    language, _sep, script = code.partition("-")
    if len(script) == 4:
        return f"{language}-{script.title()}"
    return code


def _home_url(code):
    with translation.override(code):
        return reverse("wagtail_serve", args=[""])


@register.simple_tag(takes_context=True)
def language_links(context):
    """Each site language with the URL of this same page in it.

    `exists` is False where the page has no live translation: the link then goes to that
    language's home page, and no hreflang alternate is announced for it.
    """
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    by_code = {}
    if isinstance(page, Page) and page.pk:
        translations = (
            Page.objects.filter(translation_key=page.translation_key)
            .live()
            .select_related("locale")
            .only("url_path", "locale__language_code")
        )
        for translated in translations:
            by_code[translated.locale.language_code] = translated.get_url(request)
    links = []
    for code, name in settings.LANGUAGES:
        if isinstance(page, Page):
            url, exists = by_code.get(code), code in by_code
            if url is None:
                url = _home_url(code)
        elif request is not None:
            url, exists = translate_url(request.get_full_path(), code), True
        else:
            url, exists = _home_url(code), False
        links.append(
            {
                "code": code,
                "tag": html_lang(code),
                "name": name,
                "url": url,
                "absolute_url": request.build_absolute_uri(url) if request else url,
                "current": code == current,
                "exists": exists,
            }
        )
    return links


@register.simple_tag
def site_navigation():
    """The home page URL of the active language and the pages shown in its menu."""
    code = translation.get_language()
    # Wagtail keeps the site roots (one home page per language) in the cache.
    roots = Site.get_site_root_paths()
    root = next((root for root in roots if root.language_code == code), None)
    if root is None:
        return {"home_url": _home_url(code), "items": []}
    items = (
        Page.objects.live()
        .in_menu()
        .filter(depth=3, url_path__startswith=root.root_path)
        .only("title", "path", "url_path")
        .order_by("path")
    )
    return {"home_url": _home_url(code), "items": list(items)}


def _day(value):
    return formats.date_format(timezone.localtime(value), "DATE_FORMAT")


def _time(value):
    return formats.time_format(timezone.localtime(value), "TIME_FORMAT")


@register.simple_tag
def when(starts_at, ends_at, all_day=False):
    """A date or time range written the way the active language writes dates."""
    start_day, end_day = _day(starts_at), _day(ends_at)
    if all_day:
        if start_day == end_day:
            return start_day
        return gettext("%(start)s – %(end)s") % {"start": start_day, "end": end_day}
    if start_day == end_day:
        return gettext("%(day)s, %(start)s – %(end)s") % {
            "day": start_day,
            "start": _time(starts_at),
            "end": _time(ends_at),
        }
    return gettext("%(start)s – %(end)s") % {
        "start": f"{start_day} {_time(starts_at)}",
        "end": f"{end_day} {_time(ends_at)}",
    }


@register.filter
def local_date(value):
    return _day(value)


@register.filter
def local_time(value):
    return _time(value)

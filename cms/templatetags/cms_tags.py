"""Template helpers for the public site: languages, navigation and event dates."""

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import formats, timezone, translation
from django.utils.translation import gettext
from wagtail.models import Locale, Page

from cms.models import HomePage

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
        for translated in page.get_translations(inclusive=True).live().select_related("locale"):
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
    """The home page of the active language and the pages shown in its menu."""
    home = (
        HomePage.objects.live().filter(locale=Locale.get_active()).first()
        or HomePage.objects.live().first()
    )
    if home is None:
        return {"home": None, "items": []}
    return {"home": home, "items": list(home.get_children().live().in_menu())}


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

"""Template helpers for the public site: languages, navigation and event dates."""

import functools

from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import reverse, translate_url
from django.utils import formats, timezone, translation
from django.utils.html import format_html
from django.utils.translation import gettext
from wagtail.models import Page, Site

from cms.routing import page_url, site_root_paths
from core.prepared import PreparedQuery

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


def _menu_root(request):
    """The url_path of this site's home page in the active language, or None."""
    site = Site.find_for_request(request) if request is not None else None
    code = translation.get_language()
    return next(
        (
            root.root_path
            for root in site_root_paths(request)
            if root.language_code == code and (site is None or root.site_id == site.pk)
        ),
        None,
    )


def _language_of(request, url_path):
    """The language of the home page a page sits under (any site), from Wagtail's cache."""
    return next(
        (
            root.language_code
            for root in site_root_paths(request)
            if url_path.startswith(root.root_path)
        ),
        None,
    )


def _build_tree_query(with_translations, with_menu, *arguments):
    arguments = list(arguments)
    wanted = Q(pk__in=[])
    if with_translations:
        wanted |= Q(translation_key=arguments.pop(0))
    if with_menu:
        wanted |= Q(depth=3, show_in_menus=True, url_path__startswith=arguments.pop(0))
    # Unordered, so the database can look both halves up by index (cms migration 0003);
    # the few rows are put in tree order here.
    return (
        Page.objects.live()
        .filter(wanted)
        .order_by()
        .values_list("title", "path", "url_path", "translation_key", "show_in_menus", "depth")
    )


# Asked on every page (see core/prepared.py).
_tree_pages = PreparedQuery(_build_tree_query)


def _tree(request, page):
    """The live translations of `page` and the menu of the active language, in one query.

    Both the language switcher and the menu read it; it is kept on the request. Menu items
    are dicts of title, url and tree path.
    """
    key = page.pk if isinstance(page, Page) else None
    memo = getattr(request, "_cms_tree", None)
    if memo is not None and memo[0] == key:
        return memo[1]
    menu_root = _menu_root(request)
    arguments = [page.translation_key] if key is not None else []
    if menu_root is not None:
        arguments.append(menu_root)
    translations, menu = {}, []
    rows = _tree_pages(*arguments, shape=(key is not None, menu_root is not None))
    rows.sort(key=lambda row: row[1])  # by path, which is tree order
    for title, path, url_path, translation_key, show_in_menus, depth in rows:
        if key is not None and translation_key == page.translation_key:
            code = _language_of(request, url_path)
            if code is not None:
                translations[code] = page_url(request, url_path)
        in_menu = depth == 3 and show_in_menus
        if in_menu and menu_root is not None and url_path.startswith(menu_root):
            menu.append({"title": title, "url": page_url(request, url_path), "path": path})
    tree = {"translations": translations, "menu": menu}
    if request is not None:
        request._cms_tree = (key, tree)
    return tree


@register.simple_tag(takes_context=True)
def language_links(context):
    """Each site language with the URL of this same page in it.

    `exists` is False where the page has no live translation: the link then goes to that
    language's home page, and no hreflang alternate is announced for it.
    """
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    by_code = _tree(request, page)["translations"] if isinstance(page, Page) and page.pk else {}
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


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """The home page URL of the active language and the pages shown in its menu."""
    code = translation.get_language()
    page = context.get("page")
    request = context.get("request")
    items = _tree(request, page if isinstance(page, Page) and page.pk else None)["menu"]
    return {"home_url": _home_url(code), "items": items}


def _day(value):
    return _local_format(value, "DATE_FORMAT")


def _time(value):
    return _local_format(value, "TIME_FORMAT")


ISO_8601 = "c"


def _local_format(value, format_type):
    zone = timezone.get_current_timezone()
    return _formatted(value, zone, translation.get_language(), format_type)


@functools.lru_cache(maxsize=4096)
def _formatted(value, zone, language, format_type):
    # Formatting one date takes Django about 20 microseconds and a programme shows dozens,
    # the same ones on every request. The zone is part of the key because two datetimes of
    # the same instant are equal whatever their zones.
    local = timezone.localtime(value, zone)
    with translation.override(language):
        if format_type == ISO_8601:
            return local.isoformat()
        if format_type == "TIME_FORMAT":
            return formats.time_format(local, format_type)
        return formats.date_format(local, format_type)


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


@register.simple_tag
def time_span(starts_at, ends_at, all_day=False):
    """A <time> element: the start in ISO 8601 for machines, the range as `when` writes it."""
    return format_html(
        '<time datetime="{}">{}</time>',
        _local_format(starts_at, ISO_8601),
        when(starts_at, ends_at, all_day),
    )


@register.filter
def local_date(value):
    return _day(value)


@register.filter
def local_time(value):
    return _time(value)

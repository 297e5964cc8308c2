"""Finding the site and the page for a public request in two queries instead of a dozen.

Wagtail's serve view looks up the site (one query), the site root in the active language (three:
the locale, the translation, its specific row) and then asks each page on the way down for its
child by slug (two queries a step). None of this project's page types routes an intermediate
segment in its own way, so a page's `url_path`, which Wagtail keeps in step with slugs and
moves, answers the same question: one query reads the pages whose url_path is a prefix of the
request path, and a second reads the deepest one as its own class. That page still gets
`route()` with whatever is left of the path, so a 404 or a sub-route behaves as in Wagtail.

The answers are handed to Wagtail's own serve view through the attributes it keeps its own
lookups in (`request._wagtail_site`, `request._wagtail_route_for_request`, both named in
Wagtail's docstrings), so its hooks, view restrictions and 404s run unchanged. Whenever the
shortcut cannot be sure (no live home page in the active language, an unknown host) it hands
nothing over and Wagtail routes as usual. Those attributes are Wagtail's own, not an API: with
settings.KIA_ACCELERATIONS off, nothing is handed over or read from them, and Wagtail's serve
view routes every request itself.
"""

import functools

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, PageViewRestriction, Site

from core.prepared import PreparedQuery

SITES_CACHE_KEY = "cms:sites"
MAX_HOSTS = 64


def site_root_paths(request):
    """Wagtail's cached site root paths, read once per request.

    Kept where Wagtail's own Page.get_url() keeps them for the request, so routing, the
    language switcher and every page link share one read of the cache.
    """
    if request is None or not settings.KIA_ACCELERATIONS:
        return Site.get_site_root_paths()
    try:
        return request._wagtail_cached_site_root_paths
    except AttributeError:
        request._wagtail_cached_site_root_paths = Site.get_site_root_paths()
        return request._wagtail_cached_site_root_paths


def page_url(request, url_path):
    """What Page.get_url(request) answers, from the page's url_path alone.

    The language switcher and the menu read plain rows: building a Page instance costs more
    than the rest of their work (modelcluster walks every child relation of the class).
    """
    roots = [root for root in site_root_paths(request) if url_path.startswith(root.root_path)]
    if not roots:
        return None
    chosen = roots[0]
    current = Site.find_for_request(request) if request is not None else None
    if current is not None and len({root.site_id for root in roots}) > 1:
        chosen = next((root for root in roots if root.site_id == current.pk), chosen)
    language_code = chosen.language_code
    try:
        # A regional variant being read (en-gb for en) keeps its own prefix, as in Wagtail.
        if get_supported_content_language_variant(translation.get_language()) == language_code:
            language_code = translation.get_language()
    except LookupError:
        pass
    try:
        path = _serve_path(
            get_urlconf() or settings.ROOT_URLCONF,
            get_script_prefix(),
            language_code,
            url_path[len(chosen.root_path) :],
        )
    except NoReverseMatch:
        return None
    single_site = len({root.site_id for root in site_root_paths(request)}) == 1
    if single_site or (current is not None and chosen.site_id == current.pk):
        return path
    return chosen.root_url + path


@functools.lru_cache(maxsize=4096)
def _serve_path(urlconf, script_prefix, language_code, relative_path):
    # Reversing through the language prefix costs about 20 microseconds, and a page links
    # a dozen pages; the arguments are all that the answer depends on.
    with translation.override(language_code):
        return reverse("wagtail_serve", args=(relative_path,), urlconf=urlconf)


def find_site(request):
    """Wagtail's Site.find_for_request, remembered per host and port in the cache.

    The entry is kept with the site root paths it was made under (Wagtail's own cached list):
    a new home page, a moved root or an edited site changes them and so drops the entry.
    """
    try:
        # Validated against ALLOWED_HOSTS, so the remembered hosts stay few.
        key = (request.get_host(), request.get_port())
    except DisallowedHost:
        return Site.find_for_request(request)
    roots = site_root_paths(request)
    entry = cache.get(SITES_CACHE_KEY)
    # Many hosts means ALLOWED_HOSTS lets any through: start over rather than grow forever.
    if entry is None or entry["roots"] != roots or len(entry["sites"]) >= MAX_HOSTS:
        entry = {"roots": roots, "sites": {}}
    if key not in entry["sites"]:
        site = Site.find_for_request(request)
        if site is not None:
            # Only the id and host are read from a cached site; a stale copy of the home
            # page must not ride along with it.
            site._state.fields_cache.pop("root_page", None)
        entry["sites"][key] = site
        cache.set(SITES_CACHE_KEY, entry, None)
    request._wagtail_site = entry["sites"][key]
    return request._wagtail_site


def forget_sites():
    """Drop the remembered sites; cms.cache calls this when a Site is saved or deleted."""
    # A changed default site or port leaves the root paths as they were, so they cannot
    # tell that the entry is stale.
    cache.delete(SITES_CACHE_KEY)


def _site_root(site, roots):
    code = translation.get_language()
    return next(
        (root for root in roots if root.site_id == site.pk and root.language_code == code), None
    )


# Both are asked on every page request with other values (see core/prepared.py).
_pages_on_path = PreparedQuery(
    lambda *url_paths: (
        Page.objects.filter(url_path__in=url_paths)
        .annotate(restricted=Exists(PageViewRestriction.objects.filter(page=OuterRef("pk"))))
        .values_list("url_path", "pk", "content_type_id", "live", "alias_of_id", "restricted")
    )
)
_specific_page = PreparedQuery(
    lambda model, pk: model.objects.select_related(
        *getattr(model, "route_select_related", ())
    ).filter(pk=pk)
)


def route(request, path):
    """The RouteResult for `path` (a Wagtail serve path), or None to let Wagtail route.

    Raises Http404 where Wagtail would.
    """
    site = find_site(request)
    if site is None:
        return None
    root = _site_root(site, site_root_paths(request))
    if root is None:
        return None
    components = [component for component in path.split("/") if component]
    # The home page's own ancestors ("/" is the tree's root) come too: view restrictions
    # are inherited from every ancestor.
    above = ["/"]
    for segment in root.root_path.strip("/").split("/"):
        above.append(f"{above[-1]}{segment}/")
    prefixes = [root.root_path]
    for component in components:
        prefixes.append(f"{prefixes[-1]}{component}/")
    rows = {url_path: row for url_path, *row in _pages_on_path(*above[:-1], *prefixes)}
    # Wagtail serves from the default home page when the active language's is not live.
    if root.root_path not in rows or not rows[root.root_path][2]:
        return None
    depth = max(n for n, prefix in enumerate(prefixes) if prefix in rows)
    pk, content_type_id, _live, _alias, _restricted = rows[prefixes[depth]]
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    found = _specific_page(pk, shape=(model,))
    if not found:
        # Deleted since the first query: Wagtail will say so.
        return None
    page = found[0]
    result = page.route(request, components[depth:])
    on_path = [rows.get(url_path) for url_path in above[:-1] + prefixes[: depth + 1]]
    # result[0]: a sub-route may hand back a plain (page, args, kwargs) tuple.
    if result[0] is page and all(
        row is not None and row[3] is None and not row[4] for row in on_path
    ):
        # Nothing on the way is private or an alias (whose source's rules would apply), so
        # Wagtail's check, which would ask again, needs no query.
        page.known_view_restrictions = _no_restrictions()
    return result


def _no_restrictions():
    """An empty queryset that knows it is empty, as a prefetch leaves one.

    Iterating even .none() compiles its SQL before giving up; a filled result cache answers
    iteration and exists() at once, and any further filter or order starts a new queryset.
    """
    restrictions = PageViewRestriction.objects.none()
    restrictions._result_cache = []
    return restrictions


def hand_over(request, path):
    """Give Wagtail's serve view the site and route, as if it had found them itself."""
    try:
        result = route(request, path)
    except Http404:
        # Wagtail's own marker for "no page here": its serve view answers 404.
        request._wagtail_route_for_request = None
        return
    if result is not None:
        request._wagtail_route_for_request = result

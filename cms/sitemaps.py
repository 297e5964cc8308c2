"""One sitemap for every language tree, each URL listing its translations as alternates."""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .templatetags.cms_tags import html_lang


class MultilingualSitemap(Sitemap):
    def items(self):
        # Wagtail's sitemap walks only the site's root tree (zh-hant); the other languages
        # are the root's translations, each a tree of its own.
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        under_a_root = Q()
        for path in roots.values_list("path", flat=True):
            under_a_root |= Q(path__startswith=path)
        return (
            Page.objects.filter(under_a_root)
            .live()
            .public()
            .select_related("locale")
            .order_by("path")
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        by_key = defaultdict(list)
        for item in pages:
            by_key[item.translation_key].append(item)
        urls, lastmods = [], set()
        for item in pages:
            location = item.get_full_url(self.request)
            alternates = [
                {
                    "lang_code": html_lang(other.locale.language_code),
                    "location": other.get_full_url(self.request),
                }
                for other in by_key[item.translation_key]
            ]
            lastmod = item.last_published_at or item.latest_revision_created_at
            lastmods.add(lastmod)
            urls.append(
                {"item": item, "location": location, "lastmod": lastmod, "alternates": alternates}
            )
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

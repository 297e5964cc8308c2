"""The sister-city pages: an index with the world map and a page per tie.

The tie itself (partner, dates, areas of cooperation, renewals) is read from the crm record;
the exchanges listed on a tie's page are the public events held with the partner.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from .. import selectors
from .base import ArticlePage, CachedPageMixin, _crm_stamps, _event_stamps, _page_stamps
from .events import EventPage


class SisterCityIndexPage(CachedPageMixin, Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.SisterCityPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("sister city index page")
        verbose_name_plural = _("sister city index pages")

    @classmethod
    def cache_stamps(cls):
        return {**_page_stamps(), **_crm_stamps()}

    def get_items(self):
        return SisterCityPage.objects.live().public().child_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        urls = {
            page.relationship_id: page.get_url(request)
            for page in self.get_items().only("relationship", "url_path")
        }
        ties = selectors.sister_city_ties()
        for tie in ties:
            tie.url = urls.get(tie.relationship.pk)
        context["ties"] = ties
        context["world_map"] = selectors.world_map(ties)
        return context


class SisterCityPage(ArticlePage):
    relationship = models.ForeignKey(
        "crm.Relationship",
        verbose_name=_("agreement"),
        on_delete=models.PROTECT,
        related_name="pages",
        help_text=_("The sister-city or friendship-city tie this page presents."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("relationship"),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    parent_page_types = ["cms.SisterCityIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("sister city page")
        verbose_name_plural = _("sister city pages")

    @classmethod
    def cache_stamps(cls):
        return {**_page_stamps(), **_crm_stamps(), **_event_stamps()}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tie = selectors.sister_city_tie(self.relationship_id)
        exchanges = selectors.past_exchanges(tie.partner, tie.relationship)
        pages = {
            page.event_id: page.get_url(request)
            for page in EventPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, event__in=exchanges)
            .only("event", "url_path")
        }
        context.update(
            tie=tie,
            exchanges=[(event, pages.get(event.pk)) for event in exchanges],
        )
        return context

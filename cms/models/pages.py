"""The site's own pages: the home page of each language, news and plain pages, the contact page."""

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .. import selectors
from ..blocks import BodyBlock
from .base import ArticlePage, CachedPageMixin, _crm_stamps, _event_stamps, _page_stamps
from .events import EventIndexPage
from .sister_cities import SisterCityIndexPage


class HomePage(CachedPageMixin, Page):
    intro = models.CharField(_("introduction"), max_length=500, blank=True)
    body = RichTextField(_("body"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top; give the image a description (alt text) in the library."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.EventIndexPage",
        "cms.SisterCityIndexPage",
        "cms.StandardPage",
        "cms.ContactPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    @classmethod
    def cache_stamps(cls):
        return {**_page_stamps(), **_event_stamps(), **_crm_stamps()}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        index_page = EventIndexPage.objects.live().child_of(self).first()
        context["event_index"] = index_page
        context["upcoming"] = index_page.get_items().upcoming()[:3] if index_page else []
        context["sister_city_index"] = SisterCityIndexPage.objects.live().child_of(self).first()
        context["sister_city_count"] = len(selectors.sister_city_ties())
        context["news"] = (
            StandardPage.objects.live()
            .descendant_of(self)
            .filter(date__isnull=False)
            .select_related("hero_image")
            .order_by("-date", "-pk")[:3]
        )
        return context


class StandardPage(ArticlePage):
    """News items and plain pages (about the office, open data ...)."""

    date = models.DateField(
        _("date"), null=True, blank=True, help_text=_("For news: the day it happened.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    def get_items(self):
        return StandardPage.objects.live().public().child_of(self).order_by("-date", "title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_items()
        return context


class ContactPage(CachedPageMixin, Page):
    intro = models.CharField(_("introduction"), max_length=500, blank=True)
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=255, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("opening_hours"),
            ],
            heading=capfirst(_("how to reach the office")),
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")

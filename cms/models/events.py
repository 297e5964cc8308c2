"""The event pages: an index per language and a page per public event.

Facts (dates, venue, programme, registration) are read from the event record behind a page and
never retyped here; editors add the rich part (photos, body, performers) per language.
"""

import datetime

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import F, OuterRef
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.numbers import plain_int
from crm.models import Organisation
from events.enums import EventKind, EventStatus, RegistrationStatus
from events.models import ItineraryItem, Registration, Resource
from events.selectors.registrations import registration_state

from .. import selectors
from ..event_pages import event_slug, unique_slug
from .base import (
    ArticlePage,
    CachedPageMixin,
    _count,
    _event_stamps,
    _has_passed,
    _latest,
    _page_stamps,
)

EVENTS_PER_PAGE = 12
CARD_RENDITION = "fill-480x270"


class EventPageQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        return self.filter(event__ends_at__gte=now or timezone.now()).order_by("event__starts_at")

    def past(self, now=None):
        return self.filter(event__ends_at__lt=now or timezone.now()).order_by("-event__starts_at")


class EventIndexPage(CachedPageMixin, Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.EventPage"]

    class Meta:
        verbose_name = _("event index page")
        verbose_name_plural = _("event index pages")

    @classmethod
    def cache_stamps(cls):
        return {**_page_stamps(), **_event_stamps()}

    def get_items(self):
        """Live event pages under this index whose event is public, with what a card shows."""
        Image = get_image_model()
        return (
            EventPage.objects.live()
            .public()
            .child_of(self)
            .filter(event__is_public=True)
            .exclude(event__status=EventStatus.DRAFT)
            .select_related("event", "event__venue")
            .prefetch_related(
                models.Prefetch(
                    "hero_image", queryset=Image.objects.prefetch_renditions(CARD_RENDITION)
                )
            )
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = self.get_items()
        years = sorted(
            {
                timezone.localtime(starts).year
                for starts in items.values_list("event__starts_at", flat=True)
            },
            reverse=True,
        )
        kind = request.GET.get("kind", "")
        if kind in EventKind.values:
            items = items.filter(event__kind=kind)
        else:
            kind = ""
        year = plain_int(request.GET.get("year", ""))
        if year in years:
            start = timezone.make_aware(datetime.datetime(year, 1, 1))
            items = items.filter(
                event__starts_at__gte=start, event__starts_at__lt=start.replace(year=start.year + 1)
            )
        else:
            year = ""
        now = timezone.now()
        paginator = Paginator(items.past(now), EVENTS_PER_PAGE)
        try:
            past = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            past = paginator.page(1)
        except EmptyPage:
            past = paginator.page(paginator.num_pages)
        context.update(
            upcoming=list(items.upcoming(now)),
            past=past,
            kinds=EventKind.choices,
            years=years,
            selected_kind=kind,
            selected_year=year,
        )
        return context


class EventPageForm(WagtailAdminPageForm):
    """Readable ASCII slugs: a CJK title's percent-encoded slug is replaced by the event's."""

    def clean(self):
        slug = self.cleaned_data.get("slug") or ""
        event = self.cleaned_data.get("event")
        if event is not None and (not slug or not slug.isascii()):
            self.cleaned_data["slug"] = unique_slug(
                event_slug(event), self.parent_page, page=self.instance
            )
        return super().clean()


class EventPage(ArticlePage):
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.PROTECT,
        related_name="pages",
        help_text=_("Dates, venue, programme and registration come from this record."),
    )
    intro = models.CharField(
        _("introduction"),
        max_length=500,
        blank=True,
        help_text=_("A sentence or two; the event's public summary is shown when empty."),
    )

    objects = PageManager.from_queryset(EventPageQuerySet)()
    # What cms.routing reads with the page: the event and venue every event page shows.
    route_select_related = ("event", "event__venue")

    content_panels = Page.content_panels + [
        FieldPanel("event"),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = ArticlePage.search_fields + [index.FilterField("event")]
    parent_page_types = ["cms.EventIndexPage"]
    subpage_types = []
    base_form_class = EventPageForm

    class Meta:
        verbose_name = _("event page")
        verbose_name_plural = _("event pages")

    @classmethod
    def cache_stamps(cls):
        items = ItineraryItem.objects.filter(event=OuterRef("event"))
        registrations = Registration.objects.filter(event=OuterRef("event"))
        return {
            **_page_stamps(),
            "s_event": F("event__updated_at"),
            # Opening, closing and ending are moments, not edits: the database says which
            # side of each the present lies on.
            "s_opened": _has_passed("event__registration_opens_at"),
            "s_closed": _has_passed("event__registration_closes_at"),
            "s_ended": _has_passed("event__ends_at"),
            "s_items": _latest(items, "updated_at"),
            "s_item_count": _count(items, "event"),
            # The page shows whether accepted applications fill the event.
            "s_accepted": _count(registrations.filter(status=RegistrationStatus.ACCEPTED), "event"),
            "s_resources": _latest(Resource.objects.all(), "updated_at"),
            "s_organisations": _latest(Organisation.objects.all(), "updated_at"),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        event = self.event
        context.update(
            event=event,
            programme=selectors.public_programme(event),
            organisations=selectors.event_organisations(event),
            registration=registration_state(event, language=get_language()),
            feeds=selectors.event_feed_links(request, event),
        )
        return context

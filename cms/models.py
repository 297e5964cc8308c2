"""Public site pages; each locale has its own tree (Wagtail locales).

Facts (dates, venues, programmes, agreements) are read from the events and crm records behind a
page and never retyped here; editors add the rich part (photos, body, performers) per language.
"""

import datetime

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Count, ExpressionWrapper, F, OuterRef, Q, Subquery
from django.db.models.functions import Now
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from crm.models import Organisation, Relationship
from events.enums import EventKind, EventStatus, RegistrationStatus
from events.models import Event, ItineraryItem, Registration, Resource
from events.selectors.registrations import registration_state

from . import cache, selectors
from .blocks import BodyBlock
from .event_pages import event_slug, unique_slug

EVENTS_PER_PAGE = 12
CARD_RENDITION = "fill-480x270"


def _latest(queryset, field):
    """A subquery for the newest value of a non-null field.

    Plainly descending, so an index on the field (the primary key, or updated_at) is read from
    its end; NULLS LAST would make PostgreSQL sort the whole table on every cache hit.
    """
    return Subquery(queryset.order_by(F(field).desc()).values(field)[:1])


def _count(queryset, group_by):
    return Subquery(queryset.order_by().values(group_by).annotate(n=Count("pk")).values("n"))


def _has_passed(field):
    return ExpressionWrapper(Q(**{f"{field}__lte": Now()}), output_field=models.BooleanField())


def _page_stamps():
    # Publishing, unpublishing, moving or deleting any page writes a log entry (translations
    # and menus show on every page); the page's own publication time covers unlogged saves.
    return {
        "s_log": _latest(PageLogEntry.objects.all(), "pk"),
        "s_published": F("last_published_at"),
    }


def _event_stamps():
    return {
        "s_events": _latest(Event.objects.all(), "updated_at"),
        "s_event_count": Subquery(
            Event.objects.order_by()
            .annotate(one=models.Value(1))
            .values("one")
            .annotate(n=Count("pk"))
            .values("n")
        ),
        "s_items": _latest(ItineraryItem.objects.all(), "updated_at"),
        "s_resources": _latest(Resource.objects.all(), "updated_at"),
    }


def _crm_stamps():
    return {
        "s_relationships": _latest(Relationship.objects.all(), "updated_at"),
        "s_organisations": _latest(Organisation.objects.all(), "updated_at"),
    }


class CachedPageMixin:
    """Serve anonymous readers from the page cache (see cms/cache.py)."""

    @classmethod
    def cache_stamps(cls):
        return _page_stamps()

    @classmethod
    def cache_token(cls, values, now):
        # Lists split upcoming from past events, so their token also turns with the hour.
        hour = timezone.localtime(now).strftime("%Y%m%d%H")
        return (hour, *sorted(values.items()))

    def serve(self, request, *args, **kwargs):
        cacheable = cache.request_is_cacheable(request) and not self.is_restricted()
        # Read the token before rendering, so a change made meanwhile is never hidden.
        token = cache.page_token(type(self), self.pk) if cacheable else None
        if cacheable:
            cache.mark_cacheable(request, self, token)
        return super().serve(request, *args, **kwargs)

    def get_view_restrictions(self):
        # cms.routing already knows when there are none.
        known = getattr(self, "known_view_restrictions", None)
        return super().get_view_restrictions() if known is None else known

    def is_restricted(self):
        """Whether this page or an ancestor has a view restriction (never cached then)."""
        return self.get_view_restrictions().exists()


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
        year = request.GET.get("year", "")
        if year.isdigit() and int(year) in years:
            start = timezone.make_aware(datetime.datetime(int(year), 1, 1))
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


class EventPage(CachedPageMixin, Page):
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
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    objects = PageManager.from_queryset(EventPageQuerySet)()
    # What cms.routing reads with the page: the event and venue every event page shows.
    route_select_related = ("event", "event__venue")

    content_panels = Page.content_panels + [
        FieldPanel("event"),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("event"),
    ]
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


class SisterCityPage(CachedPageMixin, Page):
    relationship = models.ForeignKey(
        "crm.Relationship",
        verbose_name=_("agreement"),
        on_delete=models.PROTECT,
        related_name="pages",
        help_text=_("The sister-city or friendship-city tie this page presents."),
    )
    intro = models.CharField(_("introduction"), max_length=500, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("relationship"),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
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


class StandardPage(CachedPageMixin, Page):
    """News items and plain pages (about the office, open data ...)."""

    date = models.DateField(
        _("date"), null=True, blank=True, help_text=_("For news: the day it happened.")
    )
    intro = models.CharField(_("introduction"), max_length=500, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
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

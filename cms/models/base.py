"""What every public page shares: the page cache's stamps and the written page's fields.

A page class says which records it shows through cache_stamps(); cms/cache.py reads the
stamps in one query and serves anonymous readers while they stay the same.
"""

from django.db import models
from django.db.models import Count, ExpressionWrapper, F, Q, Subquery
from django.db.models.functions import Now
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField
from wagtail.models import Page, PageLogEntry
from wagtail.search import index

from crm.models import Organisation, Relationship
from events.models import Event, ItineraryItem, Resource

from .. import cache
from ..blocks import BodyBlock


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


class ArticlePage(CachedPageMixin, Page):
    """A page editors write: a short introduction, a hero image and a body of blocks."""

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

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        abstract = True

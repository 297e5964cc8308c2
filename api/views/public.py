"""Public, read-only: public events, sister cities, yearly visit figures. Throttled, paginated."""

import django_filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, viewsets
from rest_framework.permissions import AllowAny
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from cms.opendata.datasets import visit_figure_rows
from core.numbers import plain_int
from crm.selectors.ties import sister_cities_in_order
from events.enums import EventKind, EventStatus
from events.models import Event
from events.views.filters import year_filter

from ..filters import ApiFilterSet, UtcIsoDateTimeFilter
from ..language import LANG_PARAMETER, LanguageMixin
from ..serializers.public import (
    PublicEventSerializer,
    SisterCitySerializer,
    VisitFigureSerializer,
)


class PublicView(LanguageMixin):
    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [AnonRateThrottle, UserRateThrottle]


class EventFilter(ApiFilterSet):
    kind = django_filters.ChoiceFilter(choices=EventKind.choices)
    status = django_filters.ChoiceFilter(choices=EventStatus.choices)
    year = year_filter("starts_at")
    starts_after = UtcIsoDateTimeFilter(field_name="starts_at", lookup_expr="gte")

    class Meta:
        model = Event
        fields = ["kind", "status", "year", "starts_after"]


@extend_schema_view(
    list=extend_schema(parameters=[LANG_PARAMETER]),
    retrieve=extend_schema(parameters=[LANG_PARAMETER]),
)
class PublicEventViewSet(PublicView, viewsets.ReadOnlyModelViewSet):
    """Events published on the public site."""

    serializer_class = PublicEventSerializer
    filterset_class = EventFilter
    lookup_field = "uid"
    lookup_value_regex = "[0-9a-f-]{36}"

    def get_queryset(self):
        return Event.objects.public().select_related("venue").order_by("starts_at", "pk")


@extend_schema(parameters=[LANG_PARAMETER])
class SisterCityList(PublicView, generics.ListAPIView):
    """Sister and friendship cities in signing order, each with its number."""

    serializer_class = SisterCitySerializer
    filter_backends = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return []
        return [
            {
                "ordinal": ordinal,
                "city": str(tie.partner),
                "country": str(tie.partner.country or ""),
                "type": tie.type,
                "status": tie.status,
                "signed_on": tie.signed_on,
            }
            for ordinal, tie in sister_cities_in_order()
        ]


@extend_schema(
    parameters=[
        LANG_PARAMETER,
        OpenApiParameter("year", OpenApiTypes.INT),
        OpenApiParameter("country", OpenApiTypes.STR, description="ISO 3166 code"),
    ],
)
class VisitFigureList(PublicView, generics.ListAPIView):
    """Visits (inbound delegations) and visitors per year and country."""

    serializer_class = VisitFigureSerializer
    filter_backends = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return []
        rows = list(visit_figure_rows())
        year = self.request.query_params.get("year", "").strip()
        country = self.request.query_params.get("country", "").upper()
        if (number := plain_int(year)) is not None:
            rows = [row for row in rows if row["year"] == number]
        if country:
            rows = [row for row in rows if row["country"] == country]
        return rows

"""Staff records by token, with the admin's permissions. Bookings are written through the
same service as the admin's (events.services.bookings): a clash answers 409."""

from django.core.exceptions import ValidationError
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.response import Response

from crm.models import Organisation, Person, Relationship
from events.exceptions import BookingConflict
from events.models import Booking, Delegation, ItineraryItem
from events.services.bookings import create_booking

from ..filters import ApiFilterSet, BoundedLookupMixin, UtcIsoDateTimeFilter
from ..language import LanguageMixin
from ..permissions import StaffModelPermissions
from ..serializers import staff


class StaffView(BoundedLookupMixin, LanguageMixin):
    authentication_classes = [TokenAuthentication, SessionAuthentication]
    permission_classes = [StaffModelPermissions]


class OrganisationViewSet(StaffView, viewsets.ReadOnlyModelViewSet):
    serializer_class = staff.OrganisationSerializer
    queryset = Organisation.objects.order_by("pk")
    filterset_fields = ["kind", "country", "is_home"]


class PersonViewSet(StaffView, viewsets.ReadOnlyModelViewSet):
    serializer_class = staff.PersonSerializer
    queryset = Person.objects.filter(erased_at__isnull=True).order_by("pk")
    filterset_fields = ["family_name", "chinese_name"]


class RelationshipViewSet(StaffView, viewsets.ReadOnlyModelViewSet):
    serializer_class = staff.RelationshipSerializer
    queryset = Relationship.objects.order_by("pk")
    filterset_fields = ["type", "status", "source", "target"]


class DelegationViewSet(StaffView, viewsets.ReadOnlyModelViewSet):
    serializer_class = staff.DelegationSerializer
    queryset = Delegation.objects.select_related("event").order_by("pk")
    filterset_fields = ["direction", "event", "organisation"]


class ItineraryItemViewSet(StaffView, viewsets.ReadOnlyModelViewSet):
    serializer_class = staff.ItineraryItemSerializer
    queryset = ItineraryItem.objects.order_by("starts_at", "pk")
    filterset_fields = ["event", "kind", "status", "venue"]


class BookingFilter(ApiFilterSet):
    starts_after = UtcIsoDateTimeFilter(field_name="starts_at", lookup_expr="gte")
    starts_before = UtcIsoDateTimeFilter(field_name="starts_at", lookup_expr="lt")

    class Meta:
        model = Booking
        fields = ["resource", "status", "item", "starts_after", "starts_before"]


class BookingViewSet(StaffView, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = staff.BookingSerializer
    queryset = Booking.objects.order_by("starts_at", "pk")
    filterset_class = BookingFilter

    @extend_schema(
        responses={
            201: staff.BookingSerializer,
            400: OpenApiResponse(description="Invalid data"),
            409: staff.ConflictSerializer,
        }
    )
    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            booking = create_booking(
                data["resource"],
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                item=data.get("item"),
                purpose=data.get("purpose", ""),
                requested_by=request.user.get_username(),
                booked_by=request.user,
            )
        except BookingConflict as conflict:
            return Response(
                {
                    "detail": " ".join(conflict.messages),
                    "code": "booking_conflict",
                    "clashing_booking": conflict.clashing.pk,
                },
                status=status.HTTP_409_CONFLICT,
            )
        except ValidationError as error:
            raise ApiValidationError(
                error.message_dict if hasattr(error, "error_dict") else error.messages
            ) from error
        return Response(self.get_serializer(booking).data, status=status.HTTP_201_CREATED)

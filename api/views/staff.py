"""Staff records by token, with the admin's permissions. Every write goes through the same
service as the admin's (crm.services, events.services): a refusal is a 400 in the request's
language, a clash with another record a 409 that names it."""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.response import Response

from crm.models import Organisation, Person, Relationship
from crm.services import ONE_ACTIVE_PER_PAIR_TYPE, create_relationship, renew_relationship
from crm.services.records import (
    create_organisation,
    create_person,
    update_organisation,
    update_person,
)
from events.exceptions import BookingConflict
from events.models import Booking, Delegation, ItineraryItem
from events.services.bookings import cancel_booking, create_booking, update_booking
from events.services.delegations import create_delegation, update_delegation
from events.services.items import cancel_item, create_item, update_item

from ..filters import ApiFilterSet, BoundedLookupMixin, UtcIsoDateTimeFilter
from ..language import LanguageMixin
from ..permissions import StaffModelPermissions
from ..serializers import staff


class TieConflict(Exception):
    """A tie the rules refuse because an active one of its type already links the pair."""

    def __init__(self, message, clashing):
        super().__init__(message)
        self.message, self.clashing = message, clashing


def _api_error(error):
    """A service's ValidationError as DRF's 400 (messages already in the request's language)."""
    if hasattr(error, "error_dict"):
        return ApiValidationError(
            {
                ("non_field_errors" if name == NON_FIELD_ERRORS else name): messages
                for name, messages in error.message_dict.items()
            }
        )
    return ApiValidationError({"non_field_errors": error.messages})


WRITE_ERRORS = {
    400: OpenApiResponse(description="Invalid data, in the request's language"),
}


class StaffView(BoundedLookupMixin, LanguageMixin):
    authentication_classes = [TokenAuthentication, SessionAuthentication]
    permission_classes = [StaffModelPermissions]
    # PUT replaces nothing a service could not check field by field: changes are PATCHes.
    http_method_names = ["get", "post", "patch", "head", "options"]

    def handle_exception(self, exc):
        if isinstance(exc, BookingConflict):
            return Response(
                {
                    "detail": " ".join(exc.messages),
                    "code": "booking_conflict",
                    "clashing_booking": exc.clashing.pk,
                },
                status=status.HTTP_409_CONFLICT,
            )
        if isinstance(exc, TieConflict):
            return Response(
                {"detail": exc.message, "code": "tie_conflict", "clashing_tie": exc.clashing},
                status=status.HTTP_409_CONFLICT,
            )
        if isinstance(exc, DjangoValidationError):
            exc = _api_error(exc)
        return super().handle_exception(exc)

    def valid_data(self, instance=None, *, partial=False):
        serializer = self.get_serializer(instance, data=self.request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def answer(self, instance, code=status.HTTP_200_OK):
        return Response(self.get_serializer(instance).data, status=code)


@extend_schema_view(
    create=extend_schema(responses={201: staff.OrganisationSerializer, **WRITE_ERRORS}),
    partial_update=extend_schema(responses={200: staff.OrganisationSerializer, **WRITE_ERRORS}),
)
class OrganisationViewSet(
    StaffView, mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet
):
    serializer_class = staff.OrganisationSerializer
    queryset = Organisation.objects.order_by("pk")
    filterset_fields = ["kind", "country", "is_home"]

    def create(self, request, *args, **kwargs):
        organisation = create_organisation(user=request.user, **self.valid_data())
        return self.answer(organisation, status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        organisation = self.get_object()
        changes = self.valid_data(organisation, partial=True)
        return self.answer(update_organisation(organisation, user=request.user, **changes))


@extend_schema_view(
    create=extend_schema(responses={201: staff.PersonSerializer, **WRITE_ERRORS}),
    partial_update=extend_schema(responses={200: staff.PersonSerializer, **WRITE_ERRORS}),
)
class PersonViewSet(
    StaffView, mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet
):
    serializer_class = staff.PersonSerializer
    queryset = Person.objects.filter(erased_at__isnull=True).order_by("pk")
    filterset_fields = ["family_name", "chinese_name"]

    def create(self, request, *args, **kwargs):
        person = create_person(user=request.user, **self.valid_data())
        return self.answer(person, status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        person = self.get_object()
        changes = self.valid_data(person, partial=True)
        return self.answer(update_person(person, user=request.user, **changes))


def _active_tie(data):
    pair = {data["source"].pk, data["target"].pk}
    tie = (
        Relationship.objects.active()
        .filter(type=data["type"], source__in=pair, target__in=pair)
        .order_by("pk")
        .first()
    )
    return tie and tie.pk


@extend_schema_view(
    create=extend_schema(
        responses={
            201: staff.RelationshipSerializer,
            **WRITE_ERRORS,
            409: staff.TieConflictSerializer,
        }
    ),
    renew=extend_schema(
        request=staff.RenewalSerializer,
        responses={200: staff.RelationshipSerializer, **WRITE_ERRORS},
    ),
)
class RelationshipViewSet(StaffView, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = staff.RelationshipSerializer
    queryset = Relationship.objects.order_by("pk")
    filterset_fields = ["type", "status", "source", "target"]
    action_permissions = {"renew": "change"}

    def create(self, request, *args, **kwargs):
        data = self.valid_data()
        pair = {"source": data.pop("source"), "target": data.pop("target")}
        try:
            tie = create_relationship(pair["source"], pair["target"], user=request.user, **data)
        except DjangoValidationError as error:
            rule = next(
                c for c in Relationship._meta.constraints if c.name == ONE_ACTIVE_PER_PAIR_TYPE
            )
            text = str(rule.get_violation_error_message())
            if text in error.messages:
                raise TieConflict(text, _active_tie({**data, **pair})) from error
            raise
        return self.answer(tie, status.HTTP_201_CREATED)

    @action(detail=True, methods=["post"])
    def renew(self, request, *args, **kwargs):
        tie = self.get_object()
        serializer = staff.RenewalSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return self.answer(renew_relationship(tie, user=request.user, **serializer.validated_data))


@extend_schema_view(
    create=extend_schema(responses={201: staff.DelegationSerializer, **WRITE_ERRORS}),
    partial_update=extend_schema(responses={200: staff.DelegationSerializer, **WRITE_ERRORS}),
)
class DelegationViewSet(
    StaffView, mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet
):
    serializer_class = staff.DelegationSerializer
    queryset = Delegation.objects.select_related("event").order_by("pk")
    filterset_fields = ["direction", "event", "organisation"]

    def create(self, request, *args, **kwargs):
        data = self.valid_data()
        delegation = create_delegation(data.pop("event"), user=request.user, **data)
        return self.answer(delegation, status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        delegation = self.get_object()
        changes = self.valid_data(delegation, partial=True)
        if changes.get("event") == delegation.event:
            del changes["event"]  # restated, not moved
        return self.answer(update_delegation(delegation, user=request.user, **changes))


CONFLICT = {409: staff.ConflictSerializer}


@extend_schema_view(
    create=extend_schema(
        responses={201: staff.ItineraryItemSerializer, **WRITE_ERRORS, **CONFLICT}
    ),
    partial_update=extend_schema(
        responses={200: staff.ItineraryItemSerializer, **WRITE_ERRORS, **CONFLICT}
    ),
    cancel=extend_schema(request=None, responses={200: staff.ItineraryItemSerializer}),
)
class ItineraryItemViewSet(
    StaffView, mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet
):
    serializer_class = staff.ItineraryItemSerializer
    queryset = ItineraryItem.objects.order_by("starts_at", "pk")
    filterset_fields = ["event", "kind", "status", "venue"]
    action_permissions = {"cancel": "change"}

    def create(self, request, *args, **kwargs):
        data = self.valid_data()
        item = create_item(
            data.pop("event"),
            kind=data.pop("kind"),
            # The office's language, as the admin's form writes it; English beside it.
            title=data["title_zh_hant"],
            starts_at=data.pop("starts_at"),
            ends_at=data.pop("ends_at"),
            user=request.user,
            **data,
        )
        return self.answer(item, status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        item = self.get_object()
        changes = self.valid_data(item, partial=True)
        if changes.get("event") == item.event:
            del changes["event"]  # restated, not moved
        return self.answer(update_item(item, user=request.user, **changes))

    @action(detail=True, methods=["post"])
    def cancel(self, request, *args, **kwargs):
        """Cancel the item (it stays in calendars as cancelled) and free what it booked."""
        return self.answer(cancel_item(self.get_object()))


class BookingFilter(ApiFilterSet):
    starts_after = UtcIsoDateTimeFilter(field_name="starts_at", lookup_expr="gte")
    starts_before = UtcIsoDateTimeFilter(field_name="starts_at", lookup_expr="lt")

    class Meta:
        model = Booking
        fields = ["resource", "status", "item", "starts_after", "starts_before"]


BOOKING_DETAILS = ("item", "purpose")


@extend_schema_view(
    create=extend_schema(responses={201: staff.BookingSerializer, **WRITE_ERRORS, **CONFLICT}),
    partial_update=extend_schema(
        responses={200: staff.BookingSerializer, **WRITE_ERRORS, **CONFLICT}
    ),
    cancel=extend_schema(request=None, responses={200: staff.BookingSerializer}),
)
class BookingViewSet(
    StaffView, mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet
):
    serializer_class = staff.BookingSerializer
    queryset = Booking.objects.order_by("starts_at", "pk")
    filterset_class = BookingFilter
    action_permissions = {"cancel": "change"}

    def create(self, request, *args, **kwargs):
        data = self.valid_data()
        booking = create_booking(
            data["resource"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            item=data.get("item"),
            purpose=data.get("purpose", ""),
            requested_by=request.user.get_username(),
            booked_by=request.user,
        )
        return self.answer(booking, status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        """Move a booking or change its details; a time that is taken answers 409."""
        booking = self.get_object()
        data = self.valid_data(booking, partial=True)
        booking = update_booking(
            booking,
            starts_at=data.get("starts_at", booking.starts_at),
            ends_at=data.get("ends_at", booking.ends_at),
            user=request.user,
            **{name: data[name] for name in BOOKING_DETAILS if name in data},
        )
        return self.answer(booking)

    @action(detail=True, methods=["post"])
    def cancel(self, request, *args, **kwargs):
        """Cancel the booking, which frees its slot; cancelling twice changes nothing."""
        return self.answer(cancel_booking(self.get_object(), user=request.user))

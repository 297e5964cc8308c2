"""Staff records. A person's contact details and needs only for the sensitive permission."""

from django.utils.translation import gettext
from django_countries import countries
from rest_framework import serializers

from core.numbers import MAX_ID
from crm.models import Organisation, Person, Relationship
from events.models import Booking, Delegation, ItineraryItem, Resource

from ..permissions import may_see_personal_data


class BoundedPrimaryKeyRelatedField(serializers.PrimaryKeyRelatedField):
    """An id no row can have is "does not exist" (400), not an overflow inside SQLite (500)."""

    def to_internal_value(self, data):
        if isinstance(data, str) and not data.isascii():
            # The database would read "٣" as 3: only ASCII digits name a row.
            self.fail("incorrect_type", data_type=type(data).__name__)
        number = data if isinstance(data, int) and not isinstance(data, bool) else None
        if isinstance(data, str):
            try:
                number = int(data)
            except ValueError:
                number = None
        # "-623496696496156573696" is a number too: SQLite overflows on it as on a large one.
        if number is not None and not 0 < number <= MAX_ID:
            self.fail("does_not_exist", pk_value=data)
        return super().to_internal_value(data)


class StaffSerializer(serializers.ModelSerializer):
    serializer_related_field = BoundedPrimaryKeyRelatedField


class CountryCodeField(serializers.ChoiceField):
    """An ISO 3166 code both ways (the model holds a Country object, which JSON cannot)."""

    def to_representation(self, value):
        return str(value or "")


class OrganisationSerializer(StaffSerializer):
    # The name in the request's language (read); written in the office's language and English.
    name = serializers.CharField(read_only=True)
    name_zh_hant = serializers.CharField(max_length=255, write_only=True)
    name_en = serializers.CharField(
        max_length=255, write_only=True, required=False, allow_blank=True
    )
    country = CountryCodeField(choices=list(countries), required=False, allow_blank=True)

    class Meta:
        model = Organisation
        fields = [
            "id",
            "kind",
            "name",
            "name_zh_hant",
            "name_en",
            "native_name",
            "short_name",
            "country",
            "parent",
            "is_home",
        ]
        # The home city is set up with the installation, never through the API.
        read_only_fields = ["is_home"]


PERSONAL_FIELDS = ("email", "phone", "dietary_requirements", "accessibility_needs", "notes")


class PersonSerializer(StaffSerializer):
    # Checked by the model (a phone number in international form) when the service saves.
    phone = serializers.CharField(required=False, allow_blank=True, max_length=128)
    email = serializers.EmailField(required=False, allow_blank=True, max_length=254)

    class Meta:
        model = Person
        fields = [
            "id",
            "family_name",
            "given_name",
            "native_name",
            "chinese_name",
            "honorific",
            "preferred_languages",
            *PERSONAL_FIELDS,
        ]
        extra_kwargs = {field: {"required": False} for field in PERSONAL_FIELDS}

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        # The schema documents the fields; a caller without the permission never receives them.
        if request is not None and not may_see_personal_data(request.user):
            for name in PERSONAL_FIELDS:
                fields.pop(name, None)
        return fields


class RelationshipSerializer(StaffSerializer):
    class Meta:
        model = Relationship
        fields = ["id", "source", "target", "type", "status", "signed_on", "expires_on", "ended_on"]
        # A tie ends through the admin's own steps; renewals through /renew/.
        read_only_fields = ["ended_on"]
        # One active tie per pair and type is the service's and the database's rule (409).
        validators = []


class RenewalSerializer(serializers.Serializer):
    renewed_on = serializers.DateField()
    expires_on = serializers.DateField(required=False, allow_null=True)
    notes = serializers.CharField(required=False, allow_blank=True, default="")


class DelegationSerializer(StaffSerializer):
    event_uid = serializers.UUIDField(source="event.uid", read_only=True)

    class Meta:
        model = Delegation
        fields = ["id", "event", "event_uid", "name", "direction", "organisation", "declared_size"]


class ItineraryItemSerializer(StaffSerializer):
    # The title in the request's language (read); written in the office's language and English.
    title = serializers.CharField(read_only=True)
    title_zh_hant = serializers.CharField(max_length=255, write_only=True)
    title_en = serializers.CharField(
        max_length=255, write_only=True, required=False, allow_blank=True
    )

    class Meta:
        model = ItineraryItem
        fields = [
            "id",
            "event",
            "kind",
            "title",
            "title_zh_hant",
            "title_en",
            "starts_at",
            "ends_at",
            "status",
            "venue",
        ]
        # Cancelled through /cancel/, which frees what the item booked.
        read_only_fields = ["status"]


class BookingSerializer(StaffSerializer):
    resource = BoundedPrimaryKeyRelatedField(queryset=Resource.objects.all())
    item = BoundedPrimaryKeyRelatedField(
        queryset=ItineraryItem.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Booking
        fields = ["id", "resource", "starts_at", "ends_at", "status", "item", "purpose"]
        read_only_fields = ["status"]
        # The overlap rule is the service's and the database's (409), not the serializer's.
        validators = []

    def validate(self, attrs):
        # A partial change is checked against the times it keeps.
        starts_at = attrs.get("starts_at", getattr(self.instance, "starts_at", None))
        ends_at = attrs.get("ends_at", getattr(self.instance, "ends_at", None))
        if self.instance is not None and attrs.get("resource", self.instance.resource) != (
            self.instance.resource
        ):
            raise serializers.ValidationError(
                {"resource": gettext("A booking keeps its resource; book the other one.")}
            )
        if starts_at and ends_at and ends_at <= starts_at:
            raise serializers.ValidationError(
                {"ends_at": gettext("The end must be after the start.")}
            )
        return attrs


class ConflictSerializer(serializers.Serializer):
    """The body of a 409: the clash in words and the booking that holds the slot."""

    detail = serializers.CharField()
    code = serializers.CharField()
    clashing_booking = serializers.IntegerField()


class TieConflictSerializer(serializers.Serializer):
    """The body of a 409 for a tie: the rule in words and the active tie it would repeat."""

    detail = serializers.CharField()
    code = serializers.CharField()
    clashing_tie = serializers.IntegerField(allow_null=True)

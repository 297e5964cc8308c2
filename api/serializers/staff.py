"""Staff records. A person's contact details and needs only for the sensitive permission."""

from django.utils.translation import gettext
from rest_framework import serializers

from crm.models import Organisation, Person, Relationship
from events.models import Booking, Delegation, ItineraryItem, Resource

from ..permissions import may_see_personal_data


class OrganisationSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)
    country = serializers.CharField(read_only=True)

    class Meta:
        model = Organisation
        fields = ["id", "kind", "name", "native_name", "short_name", "country", "parent", "is_home"]


PERSONAL_FIELDS = ("email", "phone", "dietary_requirements", "accessibility_needs", "notes")


class PersonSerializer(serializers.ModelSerializer):
    phone = serializers.CharField(read_only=True)
    email = serializers.CharField(read_only=True)

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


class RelationshipSerializer(serializers.ModelSerializer):
    class Meta:
        model = Relationship
        fields = ["id", "source", "target", "type", "status", "signed_on", "expires_on", "ended_on"]


class DelegationSerializer(serializers.ModelSerializer):
    event_uid = serializers.UUIDField(source="event.uid", read_only=True)

    class Meta:
        model = Delegation
        fields = ["id", "event", "event_uid", "name", "direction", "organisation", "declared_size"]


class ItineraryItemSerializer(serializers.ModelSerializer):
    title = serializers.CharField(read_only=True)

    class Meta:
        model = ItineraryItem
        fields = ["id", "event", "kind", "title", "starts_at", "ends_at", "status", "venue"]


class BookingSerializer(serializers.ModelSerializer):
    resource = serializers.PrimaryKeyRelatedField(queryset=Resource.objects.all())
    item = serializers.PrimaryKeyRelatedField(
        queryset=ItineraryItem.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Booking
        fields = ["id", "resource", "starts_at", "ends_at", "status", "item", "purpose"]
        read_only_fields = ["status"]
        # The overlap rule is the service's and the database's (409), not the serializer's.
        validators = []

    def validate(self, attrs):
        if attrs["ends_at"] <= attrs["starts_at"]:
            raise serializers.ValidationError(
                {"ends_at": gettext("The end must be after the start.")}
            )
        return attrs


class ConflictSerializer(serializers.Serializer):
    """The body of a 409: the clash in words and the booking that holds the slot."""

    detail = serializers.CharField()
    code = serializers.CharField()
    clashing_booking = serializers.IntegerField()

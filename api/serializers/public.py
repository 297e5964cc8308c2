"""Public data: no personal data, translated fields in the request's language."""

from django.urls import reverse
from django.utils import timezone
from rest_framework import serializers

from events.models import Event


class PublicEventSerializer(serializers.ModelSerializer):
    # title and summary are modeltranslation fields: the attribute is the active language's.
    title = serializers.CharField(read_only=True)
    summary = serializers.CharField(read_only=True)
    place = serializers.SerializerMethodField()
    calendar = serializers.SerializerMethodField()

    class Meta:
        model = Event
        fields = [
            "uid",
            "title",
            "summary",
            "kind",
            "status",
            "starts_at",
            "ends_at",
            "all_day",
            "place",
            "calendar",
        ]

    def get_place(self, event) -> str:
        return str(event.venue) if event.venue_id else event.location

    def get_calendar(self, event) -> str:
        request = self.context["request"]
        return request.build_absolute_uri(reverse("events:feed-public-event", args=[event.uid]))

    def to_representation(self, event):
        data = super().to_representation(event)
        for key in ("starts_at", "ends_at"):
            data[key] = timezone.localtime(getattr(event, key)).isoformat()
        return data


class SisterCitySerializer(serializers.Serializer):
    ordinal = serializers.IntegerField()
    city = serializers.CharField()
    country = serializers.CharField(allow_blank=True)
    type = serializers.CharField()
    status = serializers.CharField()
    signed_on = serializers.DateField(allow_null=True)


class VisitFigureSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    country = serializers.CharField(allow_blank=True)
    visits = serializers.IntegerField()
    visitors = serializers.IntegerField()

"""Record fields shown in several languages (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Event, ItineraryItem, Resource, Venue


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "consent_text")
    required_languages = ("zh-hant",)


@register(ItineraryItem)
class ItineraryItemTranslationOptions(TranslationOptions):
    fields = ("title", "public_description")
    required_languages = ("zh-hant",)


@register(Resource)
class ResourceTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("zh-hant",)


@register(Venue)
class VenueTranslationOptions(TranslationOptions):
    fields = ("building",)

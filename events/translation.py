"""Record fields shown in several languages (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Driver, Event, Interpreter, ItineraryItem, Resource, Vehicle, Venue, Vip


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


# Subclasses of a translated model must be registered too, or their constructors refuse the
# inherited name_en, name_ja ... (multi-table inheritance caches the field list per class).
@register([Vehicle, Driver, Interpreter, Vip])
class ResourceSubclassTranslationOptions(TranslationOptions):
    fields = ()

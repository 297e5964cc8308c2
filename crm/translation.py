"""Record fields shown in several languages (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import (
    Affiliation,
    CooperationArea,
    Gift,
    GlossaryTerm,
    Organisation,
    Relationship,
)


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("zh-hant",)


@register(Affiliation)
class AffiliationTranslationOptions(TranslationOptions):
    fields = ("position_title",)
    required_languages = ("zh-hant",)


@register(CooperationArea)
class CooperationAreaTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("zh-hant",)


@register(Relationship)
class RelationshipTranslationOptions(TranslationOptions):
    fields = ("summary",)


@register(Gift)
class GiftTranslationOptions(TranslationOptions):
    fields = ("description",)
    required_languages = ("zh-hant",)


@register(GlossaryTerm)
class GlossaryTermTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("zh-hant",)

"""Wagtail admin panels shared by the apps' viewsets."""

from django.conf import settings
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


def translated(field, heading, **panel_options):
    """One field's four language versions together, each labelled with its language's own name."""
    return MultiFieldPanel(
        [
            FieldPanel(build_localized_fieldname(field, code), heading=label, **panel_options)
            for code, label in settings.LANGUAGES
        ],
        heading=heading,
    )


def translated_search_fields(field_name, prefix=""):
    """A translated field's column in every site language, for admin searches."""
    return [
        prefix + build_localized_fieldname(field_name, code) for code, _name in settings.LANGUAGES
    ]

"""Wagtail admin panels shared by the apps' viewsets."""

from django import forms
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


def translated(field, heading, **panel_options):
    """One field's four language versions together, each labelled with its language's own name."""
    return MultiFieldPanel(
        [
            FieldPanel(build_localized_fieldname(field, code), heading=label, **panel_options)
            for code, label in settings.LANGUAGES
        ],
        heading=capfirst(heading),
    )


def translated_search_fields(field_name, prefix=""):
    """A translated field's column in every site language, for admin searches."""
    return [
        prefix + build_localized_fieldname(field_name, code) for code, _name in settings.LANGUAGES
    ]


def when(start="starts_at", end="ends_at"):
    """Start and end side by side under one heading."""
    return FieldRowPanel([FieldPanel(start), FieldPanel(end)], heading=capfirst(_("when")))


def short_text():
    """A textarea of four rows, for summaries and descriptions."""
    return forms.Textarea(attrs={"rows": 4})

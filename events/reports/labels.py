"""Labels of the report's keys: a country code, an event kind."""

from django.utils.translation import gettext
from django_countries.fields import Country

from ..enums import EventKind


def country_label(code):
    return Country(code).name if code else gettext("country unknown")


def kind_label(code):
    return EventKind(code).label if code in EventKind.values else code

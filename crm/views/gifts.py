"""The gift register's admin: a filter for the ethics officer and a repeat warning on the form."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from core.views import RecordIndexView

from ..models import Gift


class GiftIndexView(RecordIndexView):
    """The register with each received gift's yearly total from its source (one query)."""

    def get_base_queryset(self):
        return super().get_base_queryset().with_value_twd().with_source_year_total()


class TickBox(forms.CheckboxInput):
    """A checkbox filter that is off, not "False", when the box is absent from the query: an
    unticked box then shows no active-filter chip and filters nothing."""

    def value_from_datadict(self, data, files, name):
        return super().value_from_datadict(data, files, name) if name in data else None


def _declaration(queryset, name, value):
    if value:
        return queryset.for_declaration()
    return queryset


def _undeclared(queryset, name, value):
    # An unticked box means "all", not "declared only".
    return queryset.filter(declared_on__isnull=True) if value else queryset


class GiftFilterSet(WagtailFilterSet):
    for_declaration = django_filters.BooleanFilter(
        label=_("to declare"),
        method=_declaration,
        widget=TickBox,
        help_text=_(
            "Gifts received above the ethics threshold, or from a source whose gifts in one "
            "year add up to more than the yearly cap."
        ),
    )
    undeclared = django_filters.BooleanFilter(
        label=_("not yet declared"),
        method=_undeclared,
        widget=TickBox,
    )

    class Meta:
        model = Gift
        fields = ["direction", "currency", "is_illustrative"]

"""The gift register's admin: a filter for the ethics officer and a repeat warning on the form."""

import django_filters
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm

from core.views import RecordIndexView

from ..enums import GiftDirection
from ..models import Gift
from ..selectors.gifts import repeat_gifts, suggested_gifts


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


class GiftForm(WagtailAdminModelForm):
    """Warns before the same item goes to the same recipient a second time."""

    give_again = forms.BooleanField(
        label=_("give it again anyway"),
        required=False,
        help_text=_("Tick after checking that a second gift of this item is intended."),
    )

    def clean(self):
        data = super().clean()
        person = data.get("counterpart_person")
        organisation = data.get("counterpart_organisation")
        if not person and not organisation:
            raise forms.ValidationError(gettext("A gift needs a person or an organisation."))
        description = data.get("description_zh_hant") or data.get("description") or ""
        if data.get("direction") != GiftDirection.GIVEN or data.get("give_again"):
            return data
        repeats = repeat_gifts(
            description, person=person, organisation=organisation, exclude_pk=self.instance.pk
        )
        if repeats:
            suggestions = suggested_gifts(person=person, organisation=organisation)
            message = gettext("%(recipient)s already received this gift on %(dates)s.") % {
                "recipient": person or organisation,
                "dates": ", ".join(f"{gift.given_on:%Y-%m-%d}" for gift in repeats),
            }
            if suggestions:
                message += " " + gettext("Not yet given to them: %(items)s.") % {
                    "items": "; ".join(suggestions)
                }
            self.add_error("give_again", message)
        return data

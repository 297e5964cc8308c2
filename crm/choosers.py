"""Choosers for people and organisations: a searchable modal instead of a select of every row.

Registering them makes every Wagtail admin form with a foreign key to Person or Organisation use
the chooser. Search matches any part of a name in every script and language the record keeps,
which word-based full-text search would miss for Chinese, Japanese and Korean names.
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from core.panels import translated_search_fields

from .models import Organisation, Person


class NameSearchForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
        required=False,
    )
    search_fields = ()

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q", "").strip()
        if query:
            condition = Q()
            for name in self.search_fields:
                condition |= Q(**{f"{name}__icontains": query})
            objects = objects.filter(condition)
            self.is_searching = True
            self.search_query = query
        return objects


class PersonSearchForm(NameSearchForm):
    search_fields = ("family_name", "given_name", "native_name", "chinese_name", "email")


class PersonChooseView(ChooseView):
    filter_form_class = PersonSearchForm
    ordering = ("family_name", "given_name", "pk")


class PersonChooseResultsView(ChooseResultsView):
    filter_form_class = PersonSearchForm
    ordering = PersonChooseView.ordering


class PersonChooserViewSet(ChooserViewSet):
    model = Person
    icon = "user"
    choose_one_text = _("Choose a person")
    choose_another_text = _("Choose another person")
    choose_view_class = PersonChooseView
    choose_results_view_class = PersonChooseResultsView


class OrganisationSearchForm(NameSearchForm):
    search_fields = (*translated_search_fields("name"), "native_name", "short_name")


class OrganisationChooseView(ChooseView):
    filter_form_class = OrganisationSearchForm
    ordering = ("name", "pk")


class OrganisationChooseResultsView(ChooseResultsView):
    filter_form_class = OrganisationSearchForm
    ordering = OrganisationChooseView.ordering


class OrganisationChooserViewSet(ChooserViewSet):
    model = Organisation
    icon = "site"
    choose_one_text = _("Choose an organisation")
    choose_another_text = _("Choose another organisation")
    choose_view_class = OrganisationChooseView
    choose_results_view_class = OrganisationChooseResultsView


def crm_choosers():
    return [
        PersonChooserViewSet("crm_person_chooser", url_prefix="crm/choose/person"),
        OrganisationChooserViewSet(
            "crm_organisation_chooser", url_prefix="crm/choose/organisation"
        ),
    ]

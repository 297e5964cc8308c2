"""Choosers for people and organisations: a searchable modal instead of a select of every row.

Registering them makes every Wagtail admin form with a foreign key to Person or Organisation use
the chooser. Search matches any part of a name in every script and language the record keeps,
which word-based full-text search would miss for Chinese, Japanese and Korean names.
"""

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from core.panels import translated_search_fields

from .models import Organisation, Person
from .selectors import titles_as_of


class NameSearchForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
        required=False,
    )

    def __init__(self, *args, search_fields, **kwargs):
        super().__init__(*args, **kwargs)
        self.search_fields = search_fields

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


class NameSearchMixin:
    search_fields = ()

    def get_filter_form(self):
        return NameSearchForm(self.request.GET, search_fields=self.search_fields)


class NameChooseView(NameSearchMixin, ChooseView):
    pass


class NameChooseResultsView(NameSearchMixin, ChooseResultsView):
    pass


class PersonColumnsMixin:
    """Who a person is today (position, organisation, its country) beside the name, so two
    people of one name (two Yamamotos) can be told apart; one query per page of results."""

    def get_results_page(self, request):
        page = super().get_results_page(request)
        titles = titles_as_of(page.object_list, timezone.localdate())
        for person in page.object_list:
            person.chooser_title = titles.get(person.pk)
        return page

    @property
    def columns(self):
        def held(attribute):
            def read(person):
                title = getattr(person, "chooser_title", None)
                if title is None:
                    return "–"
                if attribute == "country":
                    return title.organisation.country.name or "–"
                if attribute == "organisation":
                    return title.organisation.name
                return title.position_title or "–"

            return read

        return [
            *super().columns,
            Column("position", label=_("Position"), accessor=held("position")),
            Column("organisation", label=_("Organisation"), accessor=held("organisation")),
            Column("country", label=_("Country"), accessor=held("country")),
            Column("native_name", label=_("Native-script name"), accessor="native_name"),
        ]


class PersonChooseView(PersonColumnsMixin, NameChooseView):
    pass


class PersonChooseResultsView(PersonColumnsMixin, NameChooseResultsView):
    pass


class NameChooserViewSet(ChooserViewSet):
    """A chooser whose modal searches `search_fields` by substring, listed by `ordering`."""

    choose_view_class = NameChooseView
    choose_results_view_class = NameChooseResultsView
    search_fields = ()
    ordering = ()
    # Wagtail's own default is translated once, at import, in the office's language: the
    # English admin showed "編輯" in the chooser's menu. Lazy, it follows each reader.
    edit_item_text = _("Edit")

    def get_common_view_kwargs(self, **kwargs):
        # Wagtail hands each view only the keys it has, so the other views ignore these.
        return super().get_common_view_kwargs(
            search_fields=self.search_fields, ordering=self.ordering, **kwargs
        )


class PersonChooserViewSet(NameChooserViewSet):
    model = Person
    choose_view_class = PersonChooseView
    choose_results_view_class = PersonChooseResultsView
    icon = "user"
    choose_one_text = _("Choose a person")
    choose_another_text = _("Choose another person")
    search_fields = ("family_name", "given_name", "native_name", "chinese_name", "email")
    ordering = ("family_name", "given_name", "pk")


class OrganisationChooserViewSet(NameChooserViewSet):
    model = Organisation
    icon = "site"
    choose_one_text = _("Choose an organisation")
    choose_another_text = _("Choose another organisation")
    search_fields = (*translated_search_fields("name"), "native_name", "short_name")
    ordering = ("name", "pk")


def crm_choosers():
    return [
        PersonChooserViewSet("crm_person_chooser", url_prefix="crm/choose/person"),
        OrganisationChooserViewSet(
            "crm_organisation_chooser", url_prefix="crm/choose/organisation"
        ),
    ]

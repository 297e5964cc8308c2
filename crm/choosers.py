"""Choosers for people and organisations: a searchable modal instead of a select of every row.

Registering them makes every Wagtail admin form with a foreign key to Person or Organisation use
the chooser. Its search is the admin search's (crm.selectors.search): any stored form of a name
in any script (a substring for Chinese, Japanese and Korean), e-mail, phone, and a person
through their organisation ("Akita" or 秋田 finds its governor), so the modal finds whoever
the search box finds.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from .models import Organisation, Person
from .selectors.precedence import titles_as_of
from .selectors.search import matching_ids


class NameSearchForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
        required=False,
    )

    def __init__(self, *args, search_kind, **kwargs):
        super().__init__(*args, **kwargs)
        self.search_kind = search_kind

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q", "").strip()
        if query:
            ids = matching_ids(self.search_kind, query)
            objects = objects.none() if ids is None else objects.filter(pk__in=ids)
            self.is_searching = True
            self.search_query = query
        return objects


class NameSearchMixin:
    search_kind = None

    def get_filter_form(self):
        return NameSearchForm(self.request.GET, search_kind=self.search_kind)


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


class OrganisationColumnsMixin:
    """An organisation's native name, kind and country beside its name: the two chambers of
    commerce, of Osaka and of Busan, are told apart at a glance."""

    @property
    def columns(self):
        return [
            *super().columns,
            Column("native_name", label=_("Native-script name"), accessor="native_name"),
            Column("kind", label=_("Kind"), accessor="get_kind_display"),
            Column(
                "country",
                label=_("Country"),
                accessor=lambda organisation: organisation.country.name or "–",
            ),
        ]


class OrganisationChooseView(OrganisationColumnsMixin, NameChooseView):
    pass


class OrganisationChooseResultsView(OrganisationColumnsMixin, NameChooseResultsView):
    pass


class NameChooserViewSet(ChooserViewSet):
    """A chooser whose modal searches the admin search index of `search_kind`, listed by
    `ordering`."""

    choose_view_class = NameChooseView
    choose_results_view_class = NameChooseResultsView
    search_kind = None
    ordering = ()
    # Wagtail's own default is translated once, at import, in the office's language: the
    # English admin showed "編輯" in the chooser's menu. Lazy, it follows each reader.
    edit_item_text = _("Edit")

    def get_common_view_kwargs(self, **kwargs):
        # Wagtail hands each view only the keys it has, so the other views ignore these.
        return super().get_common_view_kwargs(
            search_kind=self.search_kind, ordering=self.ordering, **kwargs
        )


class PersonChooserViewSet(NameChooserViewSet):
    model = Person
    choose_view_class = PersonChooseView
    choose_results_view_class = PersonChooseResultsView
    icon = "user"
    choose_one_text = _("Choose a person")
    choose_another_text = _("Choose another person")
    search_kind = "person"
    ordering = ("family_name", "given_name", "pk")


class OrganisationChooserViewSet(NameChooserViewSet):
    model = Organisation
    choose_view_class = OrganisationChooseView
    choose_results_view_class = OrganisationChooseResultsView
    icon = "site"
    choose_one_text = _("Choose an organisation")
    choose_another_text = _("Choose another organisation")
    search_kind = "organisation"
    ordering = ("name", "pk")


def crm_choosers():
    return [
        PersonChooserViewSet("crm_person_chooser", url_prefix="crm/choose/person"),
        OrganisationChooserViewSet(
            "crm_organisation_chooser", url_prefix="crm/choose/organisation"
        ),
    ]

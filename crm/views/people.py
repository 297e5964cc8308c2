"""The people and organisation lists: the admin search index behind their search box, and
filters by where people work ("who do we know in Akita")."""

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column

from core.bulk import BulkRecordIndexView

from ..enums import NameOrder, OfficeRank
from ..models import Affiliation, Organisation, Person
from ..selectors.precedence import titles_as_of
from ..selectors.search import matching_ids

CURRENT, PAST = "current", "past"


class IndexedSearchMixin:
    """The list's search box asks the admin search index (any name, any script, e-mail,
    phone) instead of a LIKE over a few columns."""

    search_kind = None

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        ids = matching_ids(self.search_kind, self.search_query)
        return queryset.none() if ids is None else queryset.filter(pk__in=ids)


def _keep(queryset, name, value):
    # The position filters are applied together in PersonFilterSet.filter_queryset.
    return queryset


class PersonFilterSet(WagtailFilterSet):
    """People by a position they hold or held: where, in which country, of what rank, when.

    The position filters describe one and the same position: organisation and rank together
    mean a governor of Akita, not a governor anywhere who also once worked in Akita.
    """

    organisation = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.order_by("name"),
        label=_("organisation"),
        method=_keep,
        help_text=_("Includes its departments and offices."),
    )
    country = django_filters.ChoiceFilter(
        choices=lambda: list(countries), label=_("country"), method=_keep
    )
    rank = django_filters.ChoiceFilter(
        choices=OfficeRank.choices, label=_("office rank"), method=_keep
    )
    held = django_filters.ChoiceFilter(
        choices=[(CURRENT, _("current position")), (PAST, _("past position"))],
        label=_("position held"),
        method=_keep,
        empty_label=_("current or past"),
    )
    name_order = django_filters.ChoiceFilter(choices=NameOrder.choices, label=_("name order"))

    class Meta:
        model = Person
        fields = ["organisation", "country", "rank", "held", "name_order", "is_illustrative"]

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        positions = Q()
        if data.get("organisation"):
            organisation = data["organisation"]
            positions &= (
                Q(organisation=organisation)
                | Q(organisation__parent=organisation)
                | Q(organisation__parent__parent=organisation)
            )
        if data.get("country"):
            positions &= Q(organisation__country=data["country"])
        if data.get("rank"):
            positions &= Q(office_rank=data["rank"])
        if not (positions or data.get("held")):
            return queryset
        held = Affiliation.objects.filter(positions, person=OuterRef("pk"))
        today = timezone.localdate()
        if data.get("held") == CURRENT:
            held = held.as_of(today)
        elif data.get("held") == PAST:
            held = held.filter(end_date__lt=today)
        return queryset.filter(Exists(held))


class PositionColumn(Column):
    """The position a person holds today (primary, else highest), read for a page at once."""

    def get_value(self, instance):
        title = getattr(instance, "current_title", None)
        if title is None:
            return "—"
        return gettext("%(title)s, %(organisation)s") % {
            "title": title.position_title,
            "organisation": title.organisation,
        }


class PersonIndexView(IndexedSearchMixin, BulkRecordIndexView):
    search_kind = "person"

    def get_table(self, object_list):
        people = list(object_list)
        titles = titles_as_of(people, timezone.localdate()) if people else {}
        for person in people:
            person.current_title = titles.get(person.pk)
        return super().get_table(people)


class OrganisationIndexView(IndexedSearchMixin, BulkRecordIndexView):
    search_kind = "organisation"

"""List filters for the events admin: kind, status, year and event, where a model has them."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.admin.filters import WagtailFilterSet

from ..enums import (
    BookingStatus,
    Direction,
    EventKind,
    EventStatus,
    InvitationStatus,
    ItemKind,
    ItemStatus,
    MemberRole,
    RegistrationStatus,
    ResourceKind,
    StaffRole,
    VenueKind,
)
from ..models import (
    Booking,
    Delegation,
    DelegationMember,
    Event,
    Invitation,
    ItineraryItem,
    ItineraryStaff,
    Registration,
    Resource,
    Venue,
)


class YearFilter(django_filters.NumberFilter):
    """A whole year in the range dates can hold (?year=0 or 2019.5 is a form error, not a 500)."""

    field_class = forms.IntegerField


def year_filter(field_name):
    return YearFilter(
        field_name=field_name, lookup_expr="year", label=_("year"), min_value=1, max_value=9999
    )


def event_filter(field_name="event"):
    return django_filters.ModelChoiceFilter(
        field_name=field_name, queryset=Event.objects.order_by("-starts_at"), label=_("event")
    )


class EventFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(choices=EventKind.choices, label=_("kind"))
    status = django_filters.ChoiceFilter(choices=EventStatus.choices, label=_("status"))
    year = year_filter("starts_at")

    class Meta:
        model = Event
        fields = ["kind", "status", "year", "is_public"]


def month_filter(field_name):
    return django_filters.ChoiceFilter(
        field_name=field_name, lookup_expr="month", choices=list(MONTHS.items()), label=_("month")
    )


# The country filter's value for delegations whose organisation has no country (or no
# organisation): the annual report's "country unknown" line links to them.
UNKNOWN_COUNTRY = "unknown"


class DelegationFilterSet(WagtailFilterSet):
    direction = django_filters.ChoiceFilter(choices=Direction.choices, label=_("direction"))
    event = event_filter()
    year = year_filter("event__starts_at")
    # The annual report links each country's and month's figure to its delegations.
    month = month_filter("event__starts_at")
    country = django_filters.ChoiceFilter(
        choices=[(UNKNOWN_COUNTRY, _("country unknown")), *countries],
        label=_("country"),
        method="filter_country",
    )
    kind = django_filters.ChoiceFilter(
        field_name="event__kind", choices=EventKind.choices, label=_("kind")
    )

    class Meta:
        model = Delegation
        fields = ["direction", "event", "year", "month", "country", "kind"]

    def filter_country(self, queryset, name, value):
        if value == UNKNOWN_COUNTRY:
            return queryset.filter(Q(organisation__isnull=True) | Q(organisation__country=""))
        return queryset.filter(organisation__country=value)


class DelegationMemberFilterSet(WagtailFilterSet):
    role = django_filters.ChoiceFilter(choices=MemberRole.choices, label=_("role"))
    event = event_filter("delegation__event")
    delegation = django_filters.ModelChoiceFilter(
        queryset=Delegation.objects.all(), label=_("delegation")
    )

    class Meta:
        model = DelegationMember
        fields = ["role", "event", "delegation"]


class ItineraryItemFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(choices=ItemKind.choices, label=_("kind"))
    status = django_filters.ChoiceFilter(choices=ItemStatus.choices, label=_("status"))
    event = event_filter()
    year = year_filter("starts_at")

    class Meta:
        model = ItineraryItem
        fields = ["kind", "status", "event", "year"]


class ItineraryStaffFilterSet(WagtailFilterSet):
    role = django_filters.ChoiceFilter(choices=StaffRole.choices, label=_("role"))
    event = event_filter("item__event")
    year = year_filter("item__starts_at")

    class Meta:
        model = ItineraryStaff
        fields = ["role", "event", "year"]


class InvitationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=InvitationStatus.choices, label=_("status"))
    event = event_filter()
    year = year_filter("event__starts_at")

    class Meta:
        model = Invitation
        fields = ["status", "event", "year"]


class RegistrationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=RegistrationStatus.choices, label=_("status"))
    event = event_filter()
    year = year_filter("event__starts_at")

    class Meta:
        model = Registration
        fields = ["status", "event", "year"]


def resource_filterset(model, *extra):
    """A filter set for one kind of resource: in service, plus its own kind field."""
    return type(
        f"{model.__name__}FilterSet",
        (WagtailFilterSet,),
        {"Meta": type("Meta", (), {"model": model, "fields": ["is_active", *extra]})},
    )


class BookingFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=BookingStatus.choices, label=_("status"))
    kind = django_filters.ChoiceFilter(
        field_name="resource__kind", choices=ResourceKind.choices, label=_("kind")
    )
    resource = django_filters.ModelChoiceFilter(
        queryset=Resource.objects.order_by("kind", "name"), label=_("resource")
    )
    event = event_filter("item__event")
    year = year_filter("starts_at")
    month = month_filter("starts_at")
    # The annual report links each civic centre's room bookings and hall openings here.
    building = django_filters.CharFilter(label=_("building"), method="filter_building")
    venue_kind = django_filters.MultipleChoiceFilter(
        field_name="resource__venue__venue_kind", choices=VenueKind.choices, label=_("venue kind")
    )

    class Meta:
        model = Booking
        fields = ["status", "kind", "resource", "event", "year", "month", "building", "venue_kind"]

    def filter_building(self, queryset, name, value):
        # Matched as the report groups: the building in the reader's language, with its
        # fallback (a translated field), so a figure and its list always agree.
        venues = [venue.pk for venue in Venue.objects.all() if venue.building == value]
        return queryset.filter(resource__in=venues)

"""Events, delegations and venues in the admin search (crm/indexing.py keeps the index)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from crm.indexing import SearchKind, SearchResult, Touch, translations
from crm.models import Organisation
from crm.search_kinds import NAME, OTHER, THROUGH, add_terms, organisation_names
from crm.services.search import register_search_kind

from .models import Delegation, Event, Venue


def event_terms(pks):
    terms = {}
    for event in Event.objects.filter(pk__in=pks).select_related("venue"):
        found = {}
        add_terms(found, translations(event, "title"), NAME)
        add_terms(found, [event.location], OTHER)
        terms[event.pk] = found
    return terms


def event_results(pks):
    events = Event.objects.in_bulk(pks)
    return [
        SearchResult(
            kind="event",
            pk=pk,
            title=str(events[pk]),
            detail=f"{timezone.localtime(events[pk].starts_at):%Y-%m-%d} · "
            f"{events[pk].get_status_display()}",
            url=reverse("event:inspect", args=[pk]),
        )
        for pk in pks
        if pk in events
    ]


def delegation_terms(pks):
    terms = {}
    for delegation in Delegation.objects.filter(pk__in=pks).select_related("organisation", "event"):
        found = {}
        add_terms(found, [delegation.name], NAME)
        add_terms(found, organisation_names(delegation.organisation), THROUGH)
        add_terms(found, translations(delegation.event, "title"), THROUGH)
        terms[delegation.pk] = found
    return terms


def delegation_results(pks):
    delegations = Delegation.objects.select_related("event", "organisation").in_bulk(pks)
    return [
        SearchResult(
            kind="delegation",
            pk=pk,
            title=str(delegations[pk]),
            detail=f"{delegations[pk].organisation} · {delegations[pk].event} "
            f"({timezone.localtime(delegations[pk].event.starts_at):%Y-%m-%d})",
            url=reverse("delegation:inspect", args=[pk]),
        )
        for pk in pks
        if pk in delegations
    ]


def venue_terms(pks):
    terms = {}
    for venue in Venue.objects.filter(pk__in=pks):
        found = {}
        add_terms(found, translations(venue, "name"), NAME)
        add_terms(found, [*translations(venue, "building"), venue.address], OTHER)
        terms[venue.pk] = found
    return terms


def venue_results(pks):
    venues = Venue.objects.in_bulk(pks)
    return [
        SearchResult(
            kind="venue",
            pk=pk,
            title=str(venues[pk]),
            detail=" · ".join(part for part in (venues[pk].building, venues[pk].address) if part),
            url=reverse("venue:inspect", args=[pk]),
        )
        for pk in pks
        if pk in venues
    ]


def register():
    register_search_kind(
        SearchKind(
            key="event",
            model=Event,
            label=_("Events"),
            order=30,
            terms=event_terms,
            results=event_results,
            url_name="event:index",
        )
    )
    register_search_kind(
        SearchKind(
            key="delegation",
            model=Delegation,
            label=_("Delegations"),
            order=40,
            terms=delegation_terms,
            results=delegation_results,
            url_name="delegation:index",
            touches=(
                Touch(Event, lambda event: list(event.delegations.values_list("pk", flat=True))),
                Touch(
                    Organisation,
                    lambda organisation: list(
                        organisation.delegations.values_list("pk", flat=True)
                    ),
                ),
            ),
        )
    )
    register_search_kind(
        SearchKind(
            key="venue",
            model=Venue,
            label=_("Venues"),
            order=50,
            terms=venue_terms,
            results=venue_results,
            url_name="venue:index",
        )
    )

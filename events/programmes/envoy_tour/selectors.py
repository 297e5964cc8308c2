"""Reads for the envoys' tour: guests in protocol order, transport manifests, interpreters, forum.

Every list here runs a fixed number of queries however many rows it holds.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext

from crm.address import address, normalise_language
from crm.enums import OccasionOfAddress, OfficeRank, OrganisationKind
from crm.glossary import load_handbook
from crm.models import Affiliation, Organisation, Person
from crm.selectors.precedence import order_by_precedence, titles_as_of

from ...enums import InvitationStatus, ItemKind, ItemStatus, StaffRole
from ...models import (
    DepartmentArea,
    EnvoyInterest,
    ForumMeeting,
    Invitation,
    ItineraryItem,
    ItineraryStaff,
    ManifestEntry,
    TransportVehicle,
)

# Languages every envoy event is run in; anyone preferring another needs an interpreter.
WORKING_LANGUAGES = ("zh-hant", "en")


def envoys_as_of(date):
    """People heading a representative office on a date, in protocol order."""
    heads = Affiliation.objects.as_of(date).filter(
        office_rank=OfficeRank.AMBASSADOR, organisation__kind=OrganisationKind.REPRESENTATIVE_OFFICE
    )
    return order_by_precedence(Person.objects.filter(affiliations__in=heads).distinct(), date)


def interpreting_language(person):
    """The language an envoy is addressed in: their first preferred language, lower case."""
    preferred = [code.lower() for code in person.preferred_languages or []]
    return preferred[0] if preferred else person.preferred_language


def tour_guests(event):
    """Accepted invitations to a tour in protocol order, with their stated interests."""
    accepted = (
        Invitation.objects.filter(event=event, status=InvitationStatus.ACCEPTED)
        .select_related("person")
        .prefetch_related(
            Prefetch(
                "interests",
                queryset=EnvoyInterest.objects.select_related("area").order_by("area__slug"),
            )
        )
    )
    by_person = {invitation.person_id: invitation for invitation in accepted}
    people = order_by_precedence([i.person for i in by_person.values()], event.local_date)
    return [by_person[person.pk] for person in people]


def tour_invitations(event):
    """Every invitation to a tour by guest name, with the guest."""
    return list(
        Invitation.objects.filter(event=event)
        .select_related("person")
        .order_by("person__family_name", "person__given_name", "pk")
    )


def interpreter_duties(event):
    """Interpreters assigned to the event's items, by item time and language."""
    return list(
        ItineraryStaff.objects.filter(item__event=event, role=StaffRole.INTERPRETER)
        .select_related("person", "item")
        .order_by("item__starts_at", "language_to", "pk")
    )


@dataclass(frozen=True)
class Traveller:
    invitation: Invitation
    companion: int
    seat: int
    # The guest as the manifest's language writes them (crm.address), companions after.
    label: str = ""


def traveller_label(person, companion, *, language, affiliation=None, handbook=None):
    """A manifest line: the guest as a place card in `language` names them ("美國在台協會
    處長 酈英傑", "H.E. Brent Christensen"), or their companion."""
    name = address(
        person,
        language=language,
        occasion=OccasionOfAddress.PLACE_CARD,
        affiliation=affiliation,
        handbook=handbook,
    ).text
    if companion == 0:
        return name
    with translation.override(language):
        return gettext("%(name)s, companion %(number)d") % {"name": name, "number": companion}


@dataclass(frozen=True)
class VehicleLoad:
    transport: TransportVehicle
    travellers: list

    @property
    def free_seats(self):
        return self.transport.vehicle.seats - len(self.travellers)


@dataclass(frozen=True)
class Leg:
    item: ItineraryItem
    vehicles: list = field(default_factory=list)

    @property
    def traveller_count(self):
        return sum(len(load.travellers) for load in self.vehicles)


def transport_manifests(event, *, language=None):
    """Each transfer leg with its vehicles, drivers, pick-up times and seated travellers,
    named in `language` (the office's by default, never the officer's admin language)."""
    language = normalise_language(language or settings.LANGUAGE_CODE)
    passengers = ManifestEntry.objects.select_related("invitation__person").order_by("seat")
    transport = TransportVehicle.objects.select_related(
        "vehicle", "driver__person"
    ).prefetch_related(Prefetch("passengers", queryset=passengers))
    items = (
        ItineraryItem.objects.filter(event=event, kind=ItemKind.TRANSFER)
        .exclude(status=ItemStatus.CANCELLED)
        .prefetch_related(Prefetch("transport", queryset=transport.order_by("pickup_at", "pk")))
        .order_by("starts_at", "pk")
    )
    items = list(items)
    passengers = [
        p for item in items for vehicle in item.transport.all() for p in vehicle.passengers.all()
    ]
    # Titles as of the tour and the handbook's official names: two queries for every guest.
    titles = titles_as_of({p.invitation.person_id for p in passengers}, event.local_date)
    handbook = load_handbook(titles.values())

    def traveller(p):
        label = traveller_label(
            p.invitation.person,
            p.companion,
            language=language,
            affiliation=titles.get(p.invitation.person_id),
            handbook=handbook,
        )
        return Traveller(invitation=p.invitation, companion=p.companion, seat=p.seat, label=label)

    return [
        Leg(
            item=item,
            vehicles=[
                VehicleLoad(
                    transport=vehicle,
                    travellers=[traveller(p) for p in vehicle.passengers.all()],
                )
                for vehicle in item.transport.all()
            ],
        )
        for item in items
    ]


def home_departments():
    """The home city's departments with the areas they can discuss at a forum."""
    return list(
        Organisation.objects.filter(parent__is_home=True)
        .prefetch_related(
            Prefetch(
                "forum_areas",
                queryset=DepartmentArea.objects.select_related("area").order_by("area__slug"),
            )
        )
        .order_by("name", "pk")
    )


@dataclass(frozen=True)
class ForumTable:
    """Rows are slots (start time), columns departments; cells hold the meeting or None."""

    departments: list
    rows: list


def forum_table(event):
    """The forum's meetings as a slot-by-department table."""
    meetings = list(
        ForumMeeting.objects.filter(event=event)
        .select_related("envoy", "department", "area")
        .order_by("starts_at", "department__name", "pk")
    )
    departments = sorted(
        {m.department_id: m.department for m in meetings}.values(), key=lambda d: (d.name, d.pk)
    )
    slots = {}
    for meeting in meetings:
        slots.setdefault((meeting.starts_at, meeting.ends_at), {})[meeting.department_id] = meeting
    rows = [
        {
            "starts_at": starts_at,
            "ends_at": ends_at,
            "cells": [cells.get(department.pk) for department in departments],
        }
        for (starts_at, ends_at), cells in slots.items()
    ]
    return ForumTable(departments=departments, rows=rows)


def forum_slots(starts_at, *, slot_minutes, slot_count):
    """The forum's meeting slots as (start, end) pairs."""
    length = datetime.timedelta(minutes=slot_minutes)
    return [(starts_at + n * length, starts_at + (n + 1) * length) for n in range(slot_count)]

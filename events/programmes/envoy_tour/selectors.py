"""Reads for the signature programmes: camp lists, tour manifests and forum table, party figures.

Every list here runs a fixed number of queries however many rows it holds.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import F, Prefetch
from django.utils.translation import gettext
from django_countries.fields import Country

from crm import names
from crm.enums import OfficeRank, OrganisationKind
from crm.models import Affiliation, Organisation, Person
from crm.selectors import order_by_precedence

from ...enums import (
    BookingStatus,
    InvitationStatus,
    ItemKind,
    ItemStatus,
    RegistrationStatus,
    StaffRole,
)
from ...models import (
    Booking,
    CampGroupMember,
    DepartmentArea,
    EnvoyInterest,
    ForumMeeting,
    Invitation,
    ItineraryItem,
    ItineraryStaff,
    ManifestEntry,
    Registration,
    RoomAssignment,
    TransportVehicle,
)
from ...seating.selectors import event_date

# Languages every envoy event is run in; anyone preferring another needs an interpreter.
WORKING_LANGUAGES = ("zh-hant", "en")


# The language whose glyphs suit a Han name from this country.
HAN_LANGUAGE = {"JP": "ja", "KR": "ko", "KP": "ko", "CN": "zh-hans", "SG": "zh-hans"}


# Camp --------------------------------------------------------------------------------------


def camp_review(event):
    """Every application not withdrawn, best score first, with its home organisation."""
    return list(
        Registration.objects.filter(event=event)
        .exclude(status=RegistrationStatus.WITHDRAWN)
        .select_related("home_organisation")
        .order_by(F("score").desc(nulls_last=True), "created_at", "pk")
    )


@dataclass(frozen=True)
class Participant:
    registration: Registration
    group: object = None
    room: RoomAssignment | None = None

    @property
    def buddy(self):
        return self.group.buddy if self.group else None


def camp_participants(event):
    """Accepted participants by family name, with their group, local buddy and room."""
    registrations = (
        Registration.objects.filter(event=event, status=RegistrationStatus.ACCEPTED)
        .select_related("home_organisation")
        .prefetch_related(
            Prefetch(
                "camp_groups",
                queryset=CampGroupMember.objects.select_related("group__buddy"),
            ),
            Prefetch("room_assignments", queryset=RoomAssignment.objects.filter(event=event)),
        )
        .order_by("family_name", "given_name", "pk")
    )
    participants = []
    for registration in registrations:
        memberships = list(registration.camp_groups.all())
        rooms = list(registration.room_assignments.all())
        participants.append(
            Participant(
                registration=registration,
                group=memberships[0].group if memberships else None,
                room=rooms[0] if rooms else None,
            )
        )
    return participants


@dataclass(frozen=True)
class CampGroupView:
    group: object
    members: list


def camp_groups(event):
    """The camp's groups, each with its buddy and members by family name."""
    groups = event.camp_groups.select_related("buddy").prefetch_related(
        Prefetch(
            "members",
            queryset=CampGroupMember.objects.select_related("registration").order_by(
                "registration__family_name", "registration__given_name", "pk"
            ),
        )
    )
    return [
        CampGroupView(group=group, members=[m.registration for m in group.members.all()])
        for group in groups
    ]


@dataclass(frozen=True)
class Room:
    hotel: str
    room: str
    occupants: list


def rooming_list(event):
    """Rooms of the camp in hotel and room order, each with its occupants."""
    assignments = (
        RoomAssignment.objects.filter(event=event)
        .select_related("registration")
        .order_by("hotel", "room", "registration__family_name", "pk")
    )
    rooms = {}
    for assignment in assignments:
        rooms.setdefault((assignment.hotel, assignment.room), []).append(assignment.registration)
    # Room labels are text; "102" must still come before "1001".
    ordered = sorted(rooms.items(), key=lambda kv: (kv[0][0], len(kv[0][1]), kv[0][1]))
    return [
        Room(hotel=hotel, room=room, occupants=occupants) for (hotel, room), occupants in ordered
    ]


# Envoy tour --------------------------------------------------------------------------------


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
    people = order_by_precedence([i.person for i in by_person.values()], event_date(event))
    return [by_person[person.pk] for person in people]


def tour_invitations(event):
    """Every invitation to a tour by guest name, with the guest."""
    return list(
        Invitation.objects.filter(event=event)
        .select_related("person")
        .order_by("person__family_name", "person__given_name", "pk")
    )


def transfers(event):
    """The event's transfer legs in time order (cancelled legs left out)."""
    return list(
        ItineraryItem.objects.filter(event=event, kind=ItemKind.TRANSFER)
        .exclude(status=ItemStatus.CANCELLED)
        .order_by("starts_at", "pk")
    )


def transfer_bookings(event):
    """Confirmed bookings of the event's transfers, as {item pk: [booking, ...]}."""
    bookings = (
        Booking.objects.filter(
            item__event=event, item__kind=ItemKind.TRANSFER, status=BookingStatus.CONFIRMED
        )
        .select_related("resource")
        .order_by("starts_at", "resource__kind", "resource__name", "pk")
    )
    grouped = {}
    for booking in bookings:
        grouped.setdefault(booking.item_id, []).append(booking)
    return grouped


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

    @property
    def label(self):
        name = names.format_name(self.invitation.person, honorific=True)
        if self.companion == 0:
            return name
        return gettext("%(name)s, companion %(number)d") % {"name": name, "number": self.companion}


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


def transport_manifests(event):
    """Each transfer leg with its vehicles, drivers, pick-up times and seated travellers."""
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
    return [
        Leg(
            item=item,
            vehicles=[
                VehicleLoad(
                    transport=vehicle,
                    travellers=[
                        Traveller(invitation=p.invitation, companion=p.companion, seat=p.seat)
                        for p in vehicle.passengers.all()
                    ],
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


# Freshmen party ----------------------------------------------------------------------------


@dataclass(frozen=True)
class University:
    name: str
    registrations: list

    @property
    def checked_in(self):
        return sum(1 for r in self.registrations if r.checked_in_at)


def registrations_by_university(event):
    """Live registrations grouped by university (as typed, spacing and case tidied)."""
    registrations = (
        Registration.objects.filter(event=event)
        .exclude(status=RegistrationStatus.WITHDRAWN)
        .order_by("university", "family_name", "given_name", "pk")
    )
    groups = {}
    labels = {}
    for registration in registrations:
        label = " ".join(registration.university.split())
        key = label.casefold()
        labels.setdefault(key, label)
        groups.setdefault(key, []).append(registration)
    return [
        University(name=labels[key] or gettext("university unknown"), registrations=rows)
        for key, rows in sorted(groups.items(), key=lambda kv: (kv[0] == "", kv[0]))
    ]


@dataclass(frozen=True)
class Figure:
    label: str
    count: int
    checked_in: int


@dataclass(frozen=True)
class PartyStatistics:
    total: int
    checked_in: int
    by_country: list
    by_university: list


def _figures(counts, arrived, label):
    keys = sorted(counts, key=lambda key: (-counts[key], label(key)))
    return [Figure(label=label(key), count=counts[key], checked_in=arrived[key]) for key in keys]


def party_statistics(event):
    """Accepted students by nationality and by university, with how many have checked in."""
    rows = Registration.objects.filter(event=event, status=RegistrationStatus.ACCEPTED).values_list(
        "nationality", "university", "checked_in_at"
    )
    by_country, by_university = Counter(), Counter()
    country_in, university_in = Counter(), Counter()
    universities = {}
    for nationality, university, checked_in_at in rows:
        label = " ".join(university.split())
        universities.setdefault(label.casefold(), label)
        by_country[nationality or ""] += 1
        by_university[label.casefold()] += 1
        if checked_in_at:
            country_in[nationality or ""] += 1
            university_in[label.casefold()] += 1
    return PartyStatistics(
        total=sum(by_country.values()),
        checked_in=sum(country_in.values()),
        by_country=_figures(
            by_country,
            country_in,
            lambda code: str(Country(code).name) if code else gettext("country unknown"),
        ),
        by_university=_figures(
            by_university,
            university_in,
            lambda key: universities[key] or gettext("university unknown"),
        ),
    )


def forum_slots(starts_at, *, slot_minutes, slot_count):
    """The forum's meeting slots as (start, end) pairs."""
    length = datetime.timedelta(minutes=slot_minutes)
    return [(starts_at + n * length, starts_at + (n + 1) * length) for n in range(slot_count)]

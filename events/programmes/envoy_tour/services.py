"""The envoys' tour: invitations to representative-office heads, transport manifests,
interpreters by language, forum pairing with city departments, and the follow-ups.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from core.audit import log_if_acted
from crm.enums import InteractionKind
from crm.selectors.precedence import title_as_of
from crm.services import record_interaction

from ...enums import BookingStatus, ItemKind, ItemStatus, StaffRole
from ...exceptions import BookingConflict
from ...models import (
    Booking,
    DepartmentArea,
    EnvoyInterest,
    ForumMeeting,
    Interpreter,
    ItineraryStaff,
    ManifestEntry,
    ThankYouLetter,
    TransportVehicle,
)
from ...services.bookings import cancel_booking, create_booking
from ...services.invitations import invite_person
from .selectors import (
    WORKING_LANGUAGES,
    envoys_as_of,
    forum_slots,
    home_departments,
    interpreting_language,
    tour_guests,
)


@transaction.atomic
def invite_envoys(event, *, respond_by=None, max_companions=2, user=None):
    """Invite every head of a representative office on the event's date not yet invited;
    companions are the spouses and staff who may come along. Returns the new invitations."""
    invited = set(event.invitations.values_list("person_id", flat=True))
    return [
        invite_person(
            event, person, respond_by=respond_by, max_companions=max_companions, user=user
        )
        for person in envoys_as_of(event.local_date)
        if person.pk not in invited
    ]


@transaction.atomic
def set_envoy_interests(invitation, areas, *, user=None):
    """Record the areas an envoy wants to discuss at the forum (replacing earlier ones)."""
    wanted = {area.pk: area for area in areas}
    invitation.interests.exclude(area_id__in=wanted).delete()
    known = set(invitation.interests.values_list("area_id", flat=True))
    EnvoyInterest.objects.bulk_create(
        EnvoyInterest(invitation=invitation, area=area)
        for pk, area in wanted.items()
        if pk not in known
    )
    log_if_acted(invitation, "wagtail.edit", user=user)


@transaction.atomic
def set_department_areas(department, areas, *, user=None):
    """Record the areas a city department can discuss at a forum (replacing earlier ones).

    The entry goes on the department: the areas are its own, whichever tour asked.
    """
    if not department.parent_id or not department.parent.is_home:
        raise ValidationError(
            gettext("Only departments of the home city meet envoys at the forum."),
            code="not_a_department",
        )
    wanted = {area.pk: area for area in areas}
    department.forum_areas.exclude(area_id__in=wanted).delete()
    known = set(department.forum_areas.values_list("area_id", flat=True))
    DepartmentArea.objects.bulk_create(
        DepartmentArea(department=department, area=area)
        for pk, area in wanted.items()
        if pk not in known
    )
    log_if_acted(department, "wagtail.edit", user=user)


# Transport ---------------------------------------------------------------------------------


def _clear_transport(item, *, user):
    for transport in item.transport.select_related("vehicle_booking", "driver_booking"):
        for booking in (transport.vehicle_booking, transport.driver_booking):
            if booking is not None:
                cancel_booking(booking, user=user)
        transport.delete()


def _seat_parties(parties, vehicles):
    """Seat parties in order: a party rides together in the first vehicle with room for it;
    a party too large for any vehicle's free seats is split over the next free seats."""
    free = [vehicle.seats for vehicle in vehicles]
    seating = [[] for _vehicle in vehicles]
    for invitation, size in parties:
        travellers = [(invitation, companion) for companion in range(size)]
        whole = next((index for index, left in enumerate(free) if left >= size), None)
        if whole is not None:
            seating[whole].extend(travellers)
            free[whole] -= size
            continue
        for index in range(len(vehicles)):
            while free[index] and travellers:
                seating[index].append(travellers.pop(0))
                free[index] -= 1
    return seating


@transaction.atomic
def plan_transfer(item, *, vehicles, drivers=(), pickup_address="", user=None):
    """Seat every accepted guest and companion of the item's event in the vehicles for one
    transfer leg, booking each vehicle used and its driver; planning again replaces the leg.

    Each traveller rides once per leg and no vehicle carries more than its seats; too few
    seats or a clash with another booking is an error and nothing is written.
    """
    if item.kind != ItemKind.TRANSFER or item.status == ItemStatus.CANCELLED:
        raise ValidationError(
            gettext("Manifests are made for transfers that are not cancelled."),
            code="not_a_transfer",
        )
    vehicles, drivers = list(vehicles), list(drivers)
    if len({v.pk for v in vehicles}) != len(vehicles):
        raise ValidationError(gettext("A vehicle is listed twice."), code="duplicate_vehicle")
    parties = [(invitation, invitation.seat_count) for invitation in tour_guests(item.event)]
    travellers = sum(size for _invitation, size in parties)
    seats = sum(vehicle.seats for vehicle in vehicles)
    if seats < travellers:
        raise ValidationError(
            gettext("%(travellers)d travellers need more than the %(seats)d seats chosen."),
            code="too_few_seats",
            params={"travellers": travellers, "seats": seats},
        )
    _clear_transport(item, user=user)
    purpose = f"{item.event.title}: {item.title}"
    requested_by = str(item.event.host_organisation or "")
    planned = []
    for index, (vehicle, seated) in enumerate(zip(vehicles, _seat_parties(parties, vehicles))):
        if not seated:
            continue
        driver = drivers[index] if index < len(drivers) else None
        bookings = [
            create_booking(
                resource,
                starts_at=item.starts_at,
                ends_at=item.ends_at,
                item=item,
                purpose=purpose,
                requested_by=requested_by,
                booked_by=user,
                pickup_address=pickup_address,
                dropoff_address=item.address,
            )
            for resource in (vehicle, driver)
            if resource is not None
        ]
        transport = TransportVehicle(
            item=item,
            vehicle=vehicle,
            driver=driver,
            pickup_at=item.starts_at,
            pickup_address=pickup_address,
            vehicle_booking=bookings[0],
            driver_booking=bookings[1] if driver else None,
        )
        transport.full_clean()
        transport.save()
        entries = [
            ManifestEntry(
                item=item,
                transport=transport,
                invitation=invitation,
                companion=companion,
                seat=seat,
            )
            for seat, (invitation, companion) in enumerate(seated, start=1)
        ]
        for entry in entries:
            entry.clean()
        ManifestEntry.objects.bulk_create(entries)
        planned.append(transport)
    return planned


@transaction.atomic
def plan_tour_transport(event, *, vehicles, drivers=(), pickup_address="", user=None):
    """Plan every transfer leg of a tour with the same vehicles and drivers."""
    legs = event.items.filter(kind=ItemKind.TRANSFER).exclude(status=ItemStatus.CANCELLED)
    if not legs.exists():
        raise ValidationError(
            gettext("The event has no transfers; add itinerary items of kind transfer."),
            code="no_transfers",
        )
    return {
        item: plan_transfer(
            item, vehicles=vehicles, drivers=drivers, pickup_address=pickup_address, user=user
        )
        for item in legs.order_by("starts_at", "pk")
    }


# Interpreters ------------------------------------------------------------------------------


@dataclass(frozen=True)
class InterpreterPlan:
    assigned: list  # ItineraryStaff rows made now
    missing: list  # (item, language) pairs nobody could cover


def _interpreter_for(item, language, candidates):
    """A free interpreter for the pair (zh-hant, language), booked for the item, or None."""
    for interpreter in candidates:
        if language not in interpreter.languages or "zh-hant" not in interpreter.languages:
            continue
        if Booking.objects.filter(
            item=item, resource=interpreter, status=BookingStatus.CONFIRMED
        ).exists():
            return interpreter
        try:
            create_booking(
                interpreter,
                starts_at=item.starts_at,
                ends_at=item.ends_at,
                item=item,
                purpose=f"{item.event.title}: {item.title}",
                requested_by=str(item.event.host_organisation or ""),
            )
        except BookingConflict:
            continue
        return interpreter
    return None


@transaction.atomic
def assign_interpreters(event, *, user=None):
    """Book an interpreter for each language of accepted envoys who prefer neither Chinese
    nor English, on every programme item; report what nobody could cover."""
    languages = sorted(
        {interpreting_language(i.person) for i in tour_guests(event)} - set(WORKING_LANGUAGES)
    )
    candidates = list(Interpreter.objects.filter(is_active=True).select_related("person"))
    items = event.items.exclude(status=ItemStatus.CANCELLED).exclude(kind=ItemKind.TRANSFER)
    assigned, missing = [], []
    for item in items.order_by("starts_at", "pk").select_related("event"):
        covered = set(
            ItineraryStaff.objects.filter(item=item, role=StaffRole.INTERPRETER).values_list(
                "language_to", flat=True
            )
        )
        for language in languages:
            if language in covered:
                continue
            interpreter = _interpreter_for(item, language, candidates)
            if interpreter is None:
                missing.append((item, language))
                continue
            duty, created = ItineraryStaff.objects.get_or_create(
                item=item,
                person=interpreter.person,
                role=StaffRole.INTERPRETER,
                defaults={"language_from": "zh-hant", "language_to": language},
            )
            if created:
                assigned.append(duty)
    return InterpreterPlan(assigned=assigned, missing=missing)


# Forum -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ForumPlan:
    meetings: list
    unplaced: list  # (envoy, department, area) wishes no free slot could hold


def _wishes(guests, departments):
    """(invitation, department, area) per envoy and department sharing an interest, each
    envoy's list in department order; the lists are interleaved so every envoy gets a first
    meeting before anyone gets a second."""
    per_envoy = []
    for invitation in guests:
        interests = {interest.area_id: interest.area for interest in invitation.interests.all()}
        wishes = []
        for department in departments:
            shared = [a.area for a in department.forum_areas.all() if a.area_id in interests]
            if shared:
                wishes.append((invitation, department, shared[0]))
        per_envoy.append(wishes)
    longest = max((len(wishes) for wishes in per_envoy), default=0)
    return [wishes[n] for n in range(longest) for wishes in per_envoy if n < len(wishes)]


@transaction.atomic
def pair_forum(event, *, starts_at, slot_minutes=20, slot_count=6, user=None):
    """Match each accepted envoy's interests to city departments in the forum's slots,
    never two meetings of one envoy or one department in a slot; pairing again replaces
    the table, unless meetings have already been logged as CRM interactions."""
    if slot_minutes < 5 or slot_count < 1:
        raise ValidationError(
            gettext("Slots must last at least 5 minutes and there must be at least one."),
            code="invalid_slots",
        )
    if event.forum_meetings.filter(interaction__isnull=False).exists():
        raise ValidationError(
            gettext("The forum's meetings are already logged; they can no longer be re-paired."),
            code="already_logged",
        )
    event.forum_meetings.all().delete()
    slots = forum_slots(starts_at, slot_minutes=slot_minutes, slot_count=slot_count)
    busy_envoy, busy_department = set(), set()
    meetings, unplaced = [], []
    for invitation, department, area in _wishes(tour_guests(event), home_departments()):
        envoy = invitation.person
        slot = next(
            (
                slot
                for slot in slots
                if (slot, envoy.pk) not in busy_envoy
                and (slot, department.pk) not in busy_department
            ),
            None,
        )
        if slot is None:
            unplaced.append((envoy, department, area))
            continue
        busy_envoy.add((slot, envoy.pk))
        busy_department.add((slot, department.pk))
        meeting = ForumMeeting(
            event=event,
            starts_at=slot[0],
            ends_at=slot[1],
            envoy=envoy,
            department=department,
            area=area,
        )
        meeting.full_clean()
        meetings.append(meeting)
    ForumMeeting.objects.bulk_create(meetings)
    log_if_acted(event, "wagtail.edit", user=user)
    return ForumPlan(meetings=meetings, unplaced=unplaced)


# After the tour ----------------------------------------------------------------------------


@dataclass(frozen=True)
class FollowUps:
    letters: list  # interactions logged now for thank-you letters
    meetings: list  # interactions logged now for forum meetings held


def _office(person, date):
    affiliation = title_as_of(person, date)
    return affiliation.organisation if affiliation else None


@transaction.atomic
def record_tour_follow_ups(event, *, user, on=None):
    """Log a thank-you letter to every envoy who came and each forum meeting held as CRM
    interactions; running it again logs only what is new."""
    on = on or timezone.localdate()
    date = event.local_date
    letters = []
    for invitation in tour_guests(event):
        if ThankYouLetter.objects.filter(invitation=invitation).exists():
            continue
        office = _office(invitation.person, date)
        interaction = record_interaction(
            occurred_on=on,
            kind=InteractionKind.LETTER,
            subject=gettext("Thank-you letter: %(event)s") % {"event": event.title},
            organisations=[office] if office else [],
            people=[invitation.person],
            user=user,
        )
        ThankYouLetter.objects.create(invitation=invitation, interaction=interaction)
        letters.append(interaction)
    meetings = []
    held = event.forum_meetings.filter(held=True, interaction__isnull=True).select_related(
        "envoy", "department", "area"
    )
    for meeting in held:
        office = _office(meeting.envoy, date)
        interaction = record_interaction(
            occurred_on=timezone.localdate(meeting.starts_at),
            kind=InteractionKind.MEETING,
            subject=gettext("%(event)s: %(department)s meets %(envoy)s")
            % {"event": event.title, "department": meeting.department, "envoy": meeting.envoy},
            description=str(meeting.area or ""),
            organisations=[meeting.department, *([office] if office else [])],
            people=[meeting.envoy],
            user=user,
        )
        meeting.interaction = interaction
        meeting.save(update_fields=["interaction", "updated_at"])
        meetings.append(interaction)
    return FollowUps(letters=letters, meetings=meetings)

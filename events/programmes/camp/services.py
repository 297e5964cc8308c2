"""The summer camp: ranked review with a quota per city or university, groups with local
buddies, the rooming list and the vehicles for its transfers.
"""

from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext

from core.audit import log_if_acted

from ...enums import BookingStatus, ItemKind, ItemStatus, RegistrationStatus
from ...models import CampGroup, CampGroupMember, Event, Registration, RoomAssignment
from ...services.bookings import create_booking
from ...services.registrations import review_registration

UNDECIDED = (RegistrationStatus.SUBMITTED, RegistrationStatus.WAITLISTED)


@dataclass(frozen=True)
class RankingResult:
    accepted: list
    waitlisted: list


def quota_key(registration):
    """Whose quota an applicant counts against: their city or university on record, else the
    university they typed; applicants with neither share one quota."""
    if registration.home_organisation_id:
        return ("organisation", registration.home_organisation_id)
    university = " ".join(registration.university.split()).casefold()
    return ("university", university) if university else ("unknown", "")


def ranked(registrations):
    """Best review score first (unscored last), then earliest application."""
    return registrations.order_by(F("score").desc(nulls_last=True), "created_at", "pk")


@transaction.atomic
def rank_and_accept(event, *, quota_per_organisation, capacity, user):
    """Accept the best-scored applicants within each organisation's quota and the capacity;
    waitlist the rest. Applicants already accepted keep their places and count."""
    if quota_per_organisation < 1 or capacity < 1:
        raise ValidationError(
            gettext("The quota and the number of places must be at least 1."), code="invalid"
        )
    event = Event.objects.select_for_update().get(pk=event.pk)
    places = capacity if event.capacity is None else min(capacity, event.capacity)
    applicants = list(
        ranked(
            event.registrations.filter(status__in=[*UNDECIDED, RegistrationStatus.ACCEPTED])
        ).select_related("event")
    )
    taken = Counter(quota_key(r) for r in applicants if r.status == RegistrationStatus.ACCEPTED)
    accepted_total = sum(taken.values())
    accepted, waitlisted = [], []
    for registration in applicants:
        if registration.status == RegistrationStatus.ACCEPTED:
            continue
        key = quota_key(registration)
        fits = accepted_total < places and taken[key] < quota_per_organisation
        status = RegistrationStatus.ACCEPTED if fits else RegistrationStatus.WAITLISTED
        # The review service mails the applicant in the language they applied in.
        review_registration(registration, status=status, user=user, note=registration.review_note)
        if fits:
            taken[key] += 1
            accepted_total += 1
            accepted.append(registration)
        else:
            waitlisted.append(registration)
    return RankingResult(accepted=accepted, waitlisted=waitlisted)


def _participants(event):
    return Registration.objects.filter(event=event, status=RegistrationStatus.ACCEPTED)


@transaction.atomic
def form_camp_groups(event, *, buddies, user=None):
    """One group per local buddy; participants are dealt out in turn, city by city, so that
    every group mixes cities. Forming again replaces the groups and their members."""
    buddies = list(buddies)
    if not buddies:
        raise ValidationError(gettext("Choose at least one local buddy."), code="no_buddies")
    if len({buddy.pk for buddy in buddies}) != len(buddies):
        raise ValidationError(gettext("Each buddy can lead one group."), code="duplicate_buddy")
    CampGroupMember.objects.filter(group__event=event).delete()
    event.camp_groups.all().delete()
    groups = []
    for number, buddy in enumerate(buddies, start=1):
        group = CampGroup(
            event=event, name=gettext("Group %(number)d") % {"number": number}, buddy=buddy
        )
        group.full_clean()
        group.save()
        groups.append(group)
    participants = sorted(
        _participants(event),
        key=lambda r: (quota_key(r), r.family_name.casefold(), r.given_name.casefold(), r.pk),
    )
    CampGroupMember.objects.bulk_create(
        CampGroupMember(group=groups[index % len(groups)], registration=registration)
        for index, registration in enumerate(participants)
    )
    log_if_acted(event, "wagtail.edit", user=user)
    return groups


@transaction.atomic
def move_to_group(registration, group, *, user=None):
    """Put an accepted participant into another group of the same camp."""
    if group.event_id != registration.event_id:
        raise ValidationError(gettext("The group belongs to another event."), code="other_event")
    if registration.status != RegistrationStatus.ACCEPTED:
        raise ValidationError(
            gettext("Only accepted participants join groups."), code="not_accepted"
        )
    member, _created = CampGroupMember.objects.update_or_create(
        registration=registration, defaults={"group": group}
    )
    log_if_acted(registration, "wagtail.edit", user=user)
    return member


@transaction.atomic
def allocate_rooms(event, *, hotel, room_size=2, first_room=101, user=None):
    """Share rooms of room_size among the participants, numbered from first_room; a room
    holds compatriots only. Allocating again replaces the rooming list."""
    hotel = hotel.strip()
    if not hotel:
        raise ValidationError({"hotel": gettext("Name the hotel.")}, code="no_hotel")
    if room_size < 1 or first_room < 1:
        raise ValidationError(
            gettext("Room size and the first room number must be at least 1."), code="invalid"
        )
    event.room_assignments.all().delete()
    participants = sorted(
        _participants(event),
        key=lambda r: (str(r.nationality), r.family_name.casefold(), r.given_name.casefold()),
    )
    assignments, room, beds_left, nationality = [], first_room - 1, 0, None
    for registration in participants:
        # A new room when this one is full or the nationality changes.
        if beds_left == 0 or registration.nationality != nationality:
            room, beds_left, nationality = room + 1, room_size, registration.nationality
        assignments.append(
            RoomAssignment(event=event, registration=registration, hotel=hotel, room=str(room))
        )
        beds_left -= 1
    for assignment in assignments:
        assignment.full_clean(validate_constraints=False)
    rooms = RoomAssignment.objects.bulk_create(assignments)
    log_if_acted(event, "wagtail.edit", user=user)
    return rooms


@transaction.atomic
def assign_room(registration, *, hotel, room, user=None):
    """Put one accepted participant into a room (moving them out of any other)."""
    if registration.status != RegistrationStatus.ACCEPTED:
        raise ValidationError(gettext("Only accepted participants get rooms."), code="not_accepted")
    assignment = RoomAssignment.objects.filter(
        event_id=registration.event_id, registration=registration
    ).first() or RoomAssignment(event_id=registration.event_id, registration=registration)
    assignment.hotel, assignment.room = hotel.strip(), room.strip()
    assignment.full_clean()
    assignment.save()
    log_if_acted(registration, "wagtail.edit", user=user)
    return assignment


@transaction.atomic
def book_transfer_vehicles(event, *, vehicles, drivers=(), user=None):
    """Book the vehicles, and a driver for each, for every transfer of the event.

    A vehicle already booked for a transfer is left as it is; any clash with another
    booking raises BookingConflict and books nothing.
    """
    vehicles, drivers = list(vehicles), list(drivers)
    if not vehicles:
        raise ValidationError(gettext("Choose at least one vehicle."), code="no_vehicles")
    travellers = _participants(event).count() + event.camp_groups.exclude(buddy=None).count()
    seats = sum(vehicle.seats for vehicle in vehicles)
    if seats < travellers:
        raise ValidationError(
            gettext("%(travellers)d travellers need more than the %(seats)d seats chosen."),
            code="too_few_seats",
            params={"travellers": travellers, "seats": seats},
        )
    transfers = event.items.filter(kind=ItemKind.TRANSFER).exclude(status=ItemStatus.CANCELLED)
    booked = []
    for item in transfers.prefetch_related("bookings"):
        already = {
            b.resource_id for b in item.bookings.all() if b.status == BookingStatus.CONFIRMED
        }
        wanted = vehicles + drivers[: len(vehicles)]
        for resource in wanted:
            if resource.pk in already:
                continue
            booked.append(
                create_booking(
                    resource,
                    starts_at=item.starts_at,
                    ends_at=item.ends_at,
                    item=item,
                    purpose=f"{event.title}: {item.title}",
                    requested_by=str(event.host_organisation or ""),
                    booked_by=user,
                )
            )
    return booked

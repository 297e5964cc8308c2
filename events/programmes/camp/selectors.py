"""Reads for the summer camp: review list, participants, groups, rooms and transfers.

Every list here runs a fixed number of queries however many rows it holds.
"""

from dataclasses import dataclass

from django.db.models import F, Prefetch

from ...enums import BookingStatus, ItemKind, ItemStatus, RegistrationStatus
from ...models import Booking, CampGroupMember, ItineraryItem, Registration, RoomAssignment


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

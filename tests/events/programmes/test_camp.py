"""The summer camp's services: ranked review with quotas, groups, rooms and transfers."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from events.enums import BookingStatus, ItemKind, RegistrationStatus
from events.exceptions import BookingConflict
from events.models import Booking, CampGroupMember, RoomAssignment
from events.programmes.camp.selectors import rooming_list
from events.programmes.camp.services import (
    allocate_rooms,
    assign_room,
    book_transfer_vehicles,
    form_camp_groups,
    move_to_group,
    quota_key,
    rank_and_accept,
)
from tests.factories.crm import OrganisationFactory, PersonFactory
from tests.factories.events import (
    BookingFactory,
    DriverFactory,
    ItineraryItemFactory,
    RegistrationFactory,
    VehicleFactory,
    taipei,
)
from tests.factories.programmes import accepted, camp_event

pytestmark = pytest.mark.django_db


def applicants(event, organisation, scores, **kwargs):
    return [
        RegistrationFactory(
            event=event,
            home_organisation=organisation,
            score=score,
            family_name=f"{organisation.name_en}-{score}",
            **kwargs,
        )
        for score in scores
    ]


def test_rank_and_accept_takes_the_best_within_quota_and_capacity(
    django_capture_on_commit_callbacks,
):
    event = camp_event()
    suwon, akita, nsysu = OrganisationFactory(), OrganisationFactory(), OrganisationFactory()
    s90, s80, s70 = applicants(event, suwon, [90, 80, 70])
    a85, a60 = applicants(event, akita, [85, 60])
    n75, n50 = applicants(event, nsysu, [75, 50])
    unscored = RegistrationFactory(event=event, home_organisation=nsysu, score=None)

    with django_capture_on_commit_callbacks(execute=True):
        result = rank_and_accept(event, quota_per_organisation=2, capacity=5, user=None)

    # Quota 2 keeps s70 out although it outscores a60; the capacity of 5 stops at a60.
    assert [r.pk for r in result.accepted] == [s90.pk, a85.pk, s80.pk, n75.pk, a60.pk]
    assert [r.pk for r in result.waitlisted] == [s70.pk, n50.pk, unscored.pk]
    statuses = dict(event.registrations.values_list("pk", "status"))
    assert statuses[s70.pk] == RegistrationStatus.WAITLISTED
    assert statuses[a60.pk] == RegistrationStatus.ACCEPTED
    everyone = [s90, s80, s70, a85, a60, n75, n50, unscored]
    assert sorted(m.to[0] for m in mail.outbox) == sorted(r.email for r in everyone)


def test_rank_and_accept_mails_each_applicant_in_their_language(
    django_capture_on_commit_callbacks,
):
    event = camp_event()
    city = OrganisationFactory()
    korean = RegistrationFactory(event=event, home_organisation=city, score=9, language="ko")
    english = RegistrationFactory(event=event, home_organisation=city, score=5, language="en")

    with django_capture_on_commit_callbacks(execute=True):
        rank_and_accept(event, quota_per_organisation=1, capacity=10, user=None)

    by_address = {message.to[0]: message for message in mail.outbox}
    assert by_address[korean.email].extra_headers["Content-Language"] == "ko"
    assert "국제 여름캠프" in by_address[korean.email].subject
    korean.refresh_from_db()
    assert korean.checkin_code in by_address[korean.email].body
    assert by_address[english.email].extra_headers["Content-Language"] == "en"
    assert "International Summer Camp" in by_address[english.email].subject


def test_rank_and_accept_counts_earlier_acceptances_against_the_quota():
    event = camp_event()
    city = OrganisationFactory()
    earlier = accepted(event, home_organisation=city, score=1)
    later = RegistrationFactory(event=event, home_organisation=city, score=99)

    result = rank_and_accept(event, quota_per_organisation=1, capacity=10, user=None)

    assert result.accepted == []
    assert [r.pk for r in result.waitlisted] == [later.pk]
    earlier.refresh_from_db()
    assert earlier.status == RegistrationStatus.ACCEPTED


def test_rank_and_accept_never_exceeds_the_event_capacity():
    event = camp_event(capacity=2)
    applicants(event, OrganisationFactory(), [3, 2, 1])

    result = rank_and_accept(event, quota_per_organisation=5, capacity=10, user=None)

    assert len(result.accepted) == 2
    assert event.registrations.filter(status=RegistrationStatus.ACCEPTED).count() == 2


def test_rank_and_accept_refuses_a_zero_quota():
    event = camp_event()
    RegistrationFactory(event=event)

    with pytest.raises(ValidationError):
        rank_and_accept(event, quota_per_organisation=0, capacity=10, user=None)
    assert event.registrations.get().status == RegistrationStatus.SUBMITTED


def test_quota_key_falls_back_to_the_typed_university():
    event = camp_event()
    city = OrganisationFactory()

    assert quota_key(RegistrationFactory.build(event=event, home_organisation=city)) == (
        "organisation",
        city.pk,
    )
    assert quota_key(RegistrationFactory.build(event=event, university=" NSYSU  Univ ")) == (
        "university",
        "nsysu univ",
    )
    assert quota_key(RegistrationFactory.build(event=event)) == ("unknown", "")


def test_form_camp_groups_mixes_cities_and_replaces_earlier_groups():
    event = camp_event()
    suwon, akita = OrganisationFactory(), OrganisationFactory()
    for index in range(3):
        accepted(event, home_organisation=suwon, family_name=f"S{index}")
        accepted(event, home_organisation=akita, family_name=f"A{index}")
    RegistrationFactory(event=event, home_organisation=suwon)  # not accepted: no group
    buddies = [PersonFactory(), PersonFactory(), PersonFactory()]
    form_camp_groups(event, buddies=[PersonFactory()])

    groups = form_camp_groups(event, buddies=buddies)

    assert [g.buddy for g in groups] == buddies
    assert event.camp_groups.count() == 3
    members = {
        group.pk: sorted(
            m.registration.home_organisation_id
            for m in CampGroupMember.objects.filter(group=group).select_related("registration")
        )
        for group in groups
    }
    assert all(cities == sorted([suwon.pk, akita.pk]) for cities in members.values())


def test_form_camp_groups_needs_distinct_buddies():
    event = camp_event()
    buddy = PersonFactory()

    with pytest.raises(ValidationError):
        form_camp_groups(event, buddies=[buddy, buddy])
    assert event.camp_groups.count() == 0


def test_move_to_group_keeps_one_group_per_participant():
    event = camp_event()
    registration = accepted(event)
    first, second = form_camp_groups(event, buddies=[PersonFactory(), PersonFactory()])

    move_to_group(registration, second)

    assert list(CampGroupMember.objects.filter(registration=registration)) == [
        CampGroupMember.objects.get(group=second)
    ]
    other = camp_event()
    with pytest.raises(ValidationError):
        move_to_group(registration, form_camp_groups(other, buddies=[PersonFactory()])[0])


def test_allocate_rooms_puts_compatriots_together():
    event = camp_event()
    kr = [accepted(event, nationality="KR", family_name=f"Kim{i}") for i in range(3)]
    jp = [accepted(event, nationality="JP", family_name=f"Sato{i}") for i in range(2)]

    allocate_rooms(event, hotel="Hotel Kaohsiung", room_size=2, first_room=201)

    rooms = [(room.room, [r.pk for r in room.occupants]) for room in rooming_list(event)]
    # JP sorts before KR; five participants in rooms of two need three rooms.
    assert rooms == [
        ("201", [jp[0].pk, jp[1].pk]),
        ("202", [kr[0].pk, kr[1].pk]),
        ("203", [kr[2].pk]),
    ]


def test_one_room_per_registration_per_event():
    event = camp_event()
    registration = accepted(event)
    assign_room(registration, hotel="H", room="301")

    assign_room(registration, hotel="H", room="302")

    assert list(RoomAssignment.objects.values_list("room", flat=True)) == ["302"]
    with pytest.raises(ValidationError):
        RoomAssignment(event=event, registration=registration, hotel="H", room="303").full_clean()


def test_book_transfer_vehicles_books_every_transfer_once():
    event = camp_event()
    for _ in range(5):
        accepted(event)
    legs = [
        ItineraryItemFactory(
            event=event,
            kind=ItemKind.TRANSFER,
            starts_at=taipei(2019, 8, 12, 13),
            ends_at=taipei(2019, 8, 12, 14),
        ),
        ItineraryItemFactory(
            event=event,
            kind=ItemKind.TRANSFER,
            starts_at=taipei(2019, 8, 13, 13),
            ends_at=taipei(2019, 8, 13, 14),
        ),
    ]
    ItineraryItemFactory(event=event, kind=ItemKind.CLASS)  # no vehicle for a class
    coach, driver = VehicleFactory(seats=40), DriverFactory()

    first = book_transfer_vehicles(event, vehicles=[coach], drivers=[driver])
    again = book_transfer_vehicles(event, vehicles=[coach], drivers=[driver])

    assert len(first) == 4
    assert again == []
    assert sorted(
        Booking.objects.filter(status=BookingStatus.CONFIRMED).values_list("item", "resource")
    ) == sorted([(leg.pk, resource.pk) for leg in legs for resource in (coach, driver)])


def test_book_transfer_vehicles_refuses_too_few_seats_and_clashes():
    event = camp_event()
    for _ in range(5):
        accepted(event)
    ItineraryItemFactory(
        event=event,
        kind=ItemKind.TRANSFER,
        starts_at=taipei(2019, 8, 12, 13),
        ends_at=taipei(2019, 8, 12, 14),
    )
    small, busy = VehicleFactory(seats=4), VehicleFactory(seats=40)
    BookingFactory(
        resource=busy, starts_at=taipei(2019, 8, 12, 12), ends_at=taipei(2019, 8, 12, 15)
    )

    with pytest.raises(ValidationError):
        book_transfer_vehicles(event, vehicles=[small])
    with pytest.raises(BookingConflict):
        book_transfer_vehicles(event, vehicles=[busy])
    assert Booking.objects.filter(item__event=event).count() == 0

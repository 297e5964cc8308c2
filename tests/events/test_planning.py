"""The visit planner's service: one transaction, rows named on refusal, alternatives offered."""

import pytest
from django.core.exceptions import ValidationError

from crm.models import Person
from events.enums import BookingStatus, ItemKind, ItemStatus, MemberRole
from events.models import Booking, Delegation, DelegationMember, ItineraryItem
from events.planning.services import (
    ItemPlan,
    MemberPlan,
    PlanRowError,
    plan_visit,
    update_visit,
)
from events.services.bookings import create_booking
from tests.factories.crm import OrganisationFactory, PersonFactory
from tests.factories.events import (
    EventFactory,
    ItineraryItemFactory,
    VehicleFactory,
    VenueFactory,
    taipei,
)

pytestmark = pytest.mark.django_db


def _event():
    return EventFactory(starts_at=taipei(2019, 5, 1, 9), ends_at=taipei(2019, 5, 2, 18))


def _members():
    return [
        MemberPlan(
            role=MemberRole.HEAD, family_name="Yamamoto", given_name="Taro", native_name="山本太郎"
        ),
        MemberPlan(
            role=MemberRole.MEMBER,
            family_name="Yamamoto",
            given_name="Hanako",
            native_name="山本花子",
        ),
        MemberPlan(role=MemberRole.MEMBER, person=PersonFactory()),
    ]


def _items(room, car):
    return [
        ItemPlan(
            kind=ItemKind.CALL,
            title="拜會市長",
            starts_at=taipei(2019, 5, 1, 10),
            ends_at=taipei(2019, 5, 1, 11),
            resources={"venue": room, "vehicle": car},
        ),
        ItemPlan(
            kind=ItemKind.SITE_VISIT,
            title="參訪港口",
            starts_at=taipei(2019, 5, 2, 13),
            ends_at=taipei(2019, 5, 2, 16, 30),
            resources={"vehicle": car},
        ),
    ]


def test_plan_visit_saves_delegation_members_items_and_bookings():
    event, room, car = _event(), VenueFactory(), VehicleFactory()

    delegation, members, items = plan_visit(
        event,
        delegation_values={
            "name": "Akita",
            "organisation": OrganisationFactory(),
            "hotel": "Grand Hi-Lai",
        },
        members=_members(),
        items=_items(room, car),
    )

    assert delegation.hotel == "Grand Hi-Lai"
    assert len(members) == 3
    assert Person.objects.filter(native_name="山本花子").count() == 1
    assert [set(item.members.all()) for item in items] == [set(members)] * 2
    assert sorted(Booking.objects.values_list("resource_id", flat=True)) == sorted(
        [room.pk, car.pk, car.pk]
    )
    assert all(not item.is_public for item in items)


def test_a_clash_saves_nothing_and_offers_free_alternatives():
    event, room, car = _event(), VenueFactory(), VehicleFactory(name="Taken car")
    spare = VehicleFactory(name="Spare car")
    create_booking(car, starts_at=taipei(2019, 5, 2, 12), ends_at=taipei(2019, 5, 2, 14))
    members = _members()
    people = Person.objects.count()

    with pytest.raises(PlanRowError) as caught:
        plan_visit(
            event,
            delegation_values={"name": "Akita", "organisation": OrganisationFactory()},
            members=members,
            items=_items(room, car),
        )

    error = caught.value
    assert (error.section, error.row, error.field) == ("items", 1, "vehicle")
    assert [entry.resource for entry in error.alternatives] == [spare]
    assert Delegation.objects.count() == 0
    assert DelegationMember.objects.count() == 0
    assert ItineraryItem.objects.count() == 0
    assert Person.objects.count() == people
    assert Booking.objects.count() == 1


def test_a_member_without_a_name_is_refused_with_its_row():
    with pytest.raises(PlanRowError) as caught:
        plan_visit(
            _event(),
            delegation_values={"name": "Akita", "organisation": OrganisationFactory()},
            members=[MemberPlan(role=MemberRole.MEMBER)],
        )

    assert (caught.value.section, caught.value.row) == ("members", 0)
    assert Delegation.objects.count() == 0


# Editing a visit already planned: members, items and their bookings change in one transaction.


def _planned(event=None):
    event = event or _event()
    room, car = VenueFactory(name="Room"), VehicleFactory(name="Car A")
    delegation, members, items = plan_visit(
        event,
        delegation_values={"name": "Akita", "organisation": OrganisationFactory()},
        members=_members(),
        items=_items(room, car),
    )
    return delegation, members, items, room, car


def _edit(item, **changes):
    """The plan of an existing item as the planner shows it, with some fields changed."""
    live = item.bookings.filter(status=BookingStatus.CONFIRMED).select_related("resource")
    resources = {"venue": item.venue}
    for booking in live:
        if booking.resource.kind != "venue":
            resources[booking.resource.kind] = booking.resource
    plan = ItemPlan(
        item=item,
        kind=item.kind,
        title=item.title,
        starts_at=item.starts_at,
        ends_at=item.ends_at,
        is_public=item.is_public,
        resources=resources,
    )
    resources.update(changes.pop("resources", {}))
    for name, value in changes.items():
        setattr(plan, name, value)
    return plan


def _live(resource):
    return list(
        Booking.objects.filter(resource=resource, status=BookingStatus.CONFIRMED).values_list(
            "starts_at", "ends_at"
        )
    )


def test_update_visit_moves_an_item_with_its_bookings():
    delegation, _members_, items, room, car = _planned()

    update_visit(
        delegation,
        items=[_edit(items[0], starts_at=taipei(2019, 5, 1, 14), ends_at=taipei(2019, 5, 1, 15))],
    )

    assert _live(room) == [(taipei(2019, 5, 1, 14), taipei(2019, 5, 1, 15))]
    assert sorted(_live(car)) == [
        (taipei(2019, 5, 1, 14), taipei(2019, 5, 1, 15)),
        (taipei(2019, 5, 2, 13), taipei(2019, 5, 2, 16, 30)),
    ]


def test_update_visit_changes_the_car_and_frees_the_old_one():
    delegation, _members_, items, _room, car = _planned()
    other = VehicleFactory(name="Car B")

    update_visit(delegation, items=[_edit(items[1], resources={"vehicle": other})])

    assert _live(car) == [(taipei(2019, 5, 1, 10), taipei(2019, 5, 1, 11))]
    assert _live(other) == [(taipei(2019, 5, 2, 13), taipei(2019, 5, 2, 16, 30))]


def test_update_visit_adds_members_and_items_and_removes_others():
    delegation, members, items, room, _car = _planned()
    newcomer = MemberPlan(role=MemberRole.MEMBER, family_name="Kim", native_name="김")

    update_visit(
        delegation,
        members=[newcomer],
        removed_members=[members[2]],
        items=[
            ItemPlan(
                kind=ItemKind.MEAL,
                title="午宴",
                starts_at=taipei(2019, 5, 1, 12),
                ends_at=taipei(2019, 5, 1, 13),
            )
        ],
        removed_items=[items[0]],
    )

    names = {member.person.native_name for member in delegation.members.all()}
    assert names == {"山本太郎", "山本花子", "김"}
    items[0].refresh_from_db()
    assert items[0].status == ItemStatus.CANCELLED
    assert _live(room) == []
    # Newcomers join every item of the visit still on.
    lunch = ItineraryItem.objects.get(title="午宴")
    assert {m.person.native_name for m in lunch.members.all()} == names
    assert {m.person.native_name for m in items[1].members.all()} == names


def test_update_visit_clash_saves_nothing_and_offers_alternatives():
    delegation, members, items, _room, car = _planned()
    taken = VehicleFactory(name="Taken")
    spare = VehicleFactory(name="Spare")
    create_booking(taken, starts_at=taipei(2019, 5, 2, 15), ends_at=taipei(2019, 5, 2, 17))
    before = sorted(Booking.objects.values_list("pk", "status", "starts_at", "resource_id"))

    with pytest.raises(PlanRowError) as caught:
        update_visit(
            delegation,
            members=[MemberPlan(role=MemberRole.MEMBER, family_name="Kim")],
            items=[
                _edit(items[0], title="改期"),
                _edit(items[1], resources={"vehicle": taken}),
            ],
        )

    error = caught.value
    assert (error.section, error.row, error.field) == ("items", 1, "vehicle")
    # The car the item gives up counts as free again; the taken one is not offered.
    assert [entry.resource for entry in error.alternatives] == [car, spare]
    assert delegation.members.count() == 3
    assert sorted(Booking.objects.values_list("pk", "status", "starts_at", "resource_id")) == (
        before
    )
    items[0].refresh_from_db()
    assert items[0].title == "拜會市長"


def test_update_visit_refuses_records_of_another_visit():
    delegation, _members_, _items_, _room, _car = _planned()
    stranger = ItineraryItemFactory(
        starts_at=taipei(2019, 5, 1, 10), ends_at=taipei(2019, 5, 1, 11)
    )

    with pytest.raises(ValidationError):
        update_visit(delegation, removed_items=[stranger])

    stranger.refresh_from_db()
    assert stranger.status == ItemStatus.CONFIRMED

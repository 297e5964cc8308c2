"""The visit planner's service: one transaction, rows named on refusal, alternatives offered."""

import pytest

from crm.models import Person
from events.enums import ItemKind, MemberRole
from events.models import Booking, Delegation, DelegationMember, ItineraryItem
from events.planning.services import ItemPlan, MemberPlan, PlanRowError, plan_visit
from events.services.bookings import create_booking
from tests.factories.crm import OrganisationFactory, PersonFactory
from tests.factories.events import EventFactory, VehicleFactory, VenueFactory, taipei

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

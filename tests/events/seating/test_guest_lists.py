"""Building a luncheon's guest list from the CRM and sending the invitations."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from crm.enums import OfficeRank, OrganisationKind
from events.models import Invitation
from events.seating.guest_lists import build_guest_list
from events.seating.selectors import guest_list_candidates
from tests.factories.crm import AffiliationFactory, OrganisationFactory, PersonFactory
from tests.factories.events import DelegationFactory, DelegationMemberFactory
from tests.factories.seating import build_luncheon

pytestmark = pytest.mark.django_db


def invited(event):
    return set(Invitation.objects.filter(event=event).values_list("person", flat=True))


def expected_guests(scene):
    """Leadership, envoys and delegation members; not the home city's junior officers."""
    delegation_members = [p for p in scene.members if p.delegation_memberships.exists()]
    return {
        p.pk
        for p in [
            scene.host,
            *scene.deputies,
            *scene.envoys,
            *scene.heads,
            *scene.interpreters.values(),
            *delegation_members,
        ]
    }


def test_build_guest_list_invites_delegations_envoys_and_city_leadership():
    scene = build_luncheon(guests=16)

    created = build_guest_list(scene.event)

    assert invited(scene.event) == expected_guests(scene)
    assert {inv.person_id for inv in created} == expected_guests(scene)
    assert {inv.max_companions for inv in created} == {0}


def test_build_guest_list_is_idempotent():
    scene = build_luncheon(guests=16)
    build_guest_list(scene.event)

    again = build_guest_list(scene.event)

    assert again == []
    assert Invitation.objects.filter(event=scene.event).count() == len(expected_guests(scene))


def test_build_guest_list_adds_only_newcomers_on_a_second_run():
    scene = build_luncheon(guests=12)
    build_guest_list(scene.event)
    newcomer = PersonFactory()
    DelegationMemberFactory(delegation=scene.delegations[0], person=newcomer)

    again = build_guest_list(scene.event)

    assert [inv.person for inv in again] == [newcomer]


def test_build_guest_list_follows_the_filters():
    scene = build_luncheon(guests=16)

    build_guest_list(scene.event, delegations=False, city_leadership=False)

    assert invited(scene.event) == {p.pk for p in scene.envoys}


def test_build_guest_list_reads_offices_held_on_the_event_date():
    scene = build_luncheon(guests=10, envoys=0, deputies=0, delegations=1)
    office = OrganisationFactory(kind=OrganisationKind.REPRESENTATIVE_OFFICE)
    departed = AffiliationFactory(
        organisation=office,
        office_rank=OfficeRank.AMBASSADOR,
        start_date=datetime.date(2015, 1, 1),
        end_date=datetime.date(2018, 12, 31),
    ).person
    future = AffiliationFactory(
        organisation=office,
        office_rank=OfficeRank.AMBASSADOR,
        start_date=datetime.date(2019, 3, 1),
    ).person
    deputy_at_embassy = AffiliationFactory(
        organisation=office, office_rank=OfficeRank.DEPUTY
    ).person
    ambassador_elsewhere = AffiliationFactory(
        organisation=OrganisationFactory(kind=OrganisationKind.NGO),
        office_rank=OfficeRank.AMBASSADOR,
    ).person
    department = OrganisationFactory(parent=scene.home, kind=OrganisationKind.CITY)
    director = AffiliationFactory(organisation=department, office_rank=OfficeRank.DIRECTOR).person

    people = guest_list_candidates(scene.event, delegations=False)

    pks = {p.pk for p in people}
    assert director.pk in pks and scene.host.pk in pks
    assert not pks & {departed.pk, future.pk, deputy_at_embassy.pk, ambassador_elsewhere.pk}


def test_guest_list_candidates_only_counts_this_events_delegations():
    scene = build_luncheon(guests=10, delegations=1)
    elsewhere = DelegationMemberFactory(delegation=DelegationFactory()).person

    people = guest_list_candidates(scene.event, representative_heads=False, city_leadership=False)

    assert elsewhere not in people
    assert scene.heads[0] in people


def test_build_guest_list_needs_a_filter():
    scene = build_luncheon(guests=10)

    with pytest.raises(ValidationError):
        build_guest_list(
            scene.event, delegations=False, representative_heads=False, city_leadership=False
        )

    assert invited(scene.event) == set()

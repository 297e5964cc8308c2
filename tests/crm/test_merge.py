"""Merging people and organisations: every link moves, clashes are settled, history kept."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from crm.enums import RelationshipStatus, RelationshipType
from crm.models import MergedRecord, Organisation, Person, Relationship, RelationshipRenewal
from crm.services.merge import merge_records, merged_into
from events.enums import InvitationStatus
from events.models import (
    DelegationMember,
    FeedToken,
    Invitation,
    Seat,
    SeatingPlan,
    SeatingTable,
)
from tests.factories.crm import (
    AffiliationFactory,
    InteractionFactory,
    OrganisationFactory,
    PersonFactory,
    RelationshipFactory,
)
from tests.factories.events import (
    DelegationFactory,
    DelegationMemberFactory,
    DriverFactory,
    EventFactory,
    InvitationFactory,
    ItineraryItemFactory,
    RegistrationFactory,
)
from tests.factories.staff import protocol_officer

pytestmark = pytest.mark.django_db


def relations(model):
    """Every relation to the model, hidden ones (related_name "+") included."""
    return [
        field
        for field in model._meta.get_fields(include_hidden=True)
        if field.auto_created and not field.concrete and field.is_relation
    ]


def links(record):
    """How many rows of each model point at the record, relation by relation."""
    return {
        f"{rel.related_model._meta.label}.{rel.field.name}": rel.related_model._base_manager.filter(
            **{rel.field.name: record}
        ).count()
        for rel in relations(type(record))
    }


def total(*records):
    counts = {}
    for record in records:
        for name, count in links(record).items():
            counts[name] = counts.get(name, 0) + count
    return counts


def test_merge_people_moves_every_link_and_settles_clashes():
    survivor = PersonFactory(family_name="Christensen", given_name="Brent", email="")
    merged = PersonFactory(
        family_name="CHRISTENSEN", given_name="Brent", chinese_name="酈英傑", email="b@ait.org"
    )
    AffiliationFactory(person=merged)
    AffiliationFactory(person=survivor)
    tie = RelationshipFactory()
    tie.signatories.add(merged, survivor)
    InteractionFactory().people.add(merged)
    item = ItineraryItemFactory()
    item.people.add(merged)
    RegistrationFactory(person=merged)
    FeedToken.objects.create(kind="person", person=merged, token_hash="x" * 64)
    # The same delegation lists both: one membership stays.
    delegation = DelegationFactory()
    DelegationMemberFactory(delegation=delegation, person=survivor)
    DelegationMemberFactory(delegation=delegation, person=merged)
    DelegationMemberFactory(person=merged)
    # Invited twice to one event: the more advanced reply (the merged one's) is kept.
    event = EventFactory()
    InvitationFactory(event=event, person=survivor, status=InvitationStatus.PENDING)
    accepted = InvitationFactory(event=event, person=merged, status=InvitationStatus.ACCEPTED)
    InvitationFactory(person=merged)
    log(merged, "wagtail.edit", user=None)
    before = total(survivor, merged)

    officer = protocol_officer()
    record = merge_records(survivor, merged, take=["chinese_name", "email"], user=officer)

    assert not Person.objects.filter(pk=merged.pk).exists()
    after = links(survivor)
    settled = {
        "events.DelegationMember.person": 1,
        "events.Invitation.person": 1,
        "crm.Relationship.signatories": 1,
        "crm.Relationship_signatories.person": 1,
    }
    expected = {name: count - settled.get(name, 0) for name, count in before.items()}
    assert after == expected
    assert Invitation.objects.get(event=event, person=survivor).pk == accepted.pk
    assert DelegationMember.objects.filter(delegation=delegation).count() == 1
    survivor.refresh_from_db()
    assert (survivor.chinese_name, survivor.email) == ("酈英傑", "b@ait.org")
    assert record.old_pk == str(merged.pk) and record.survivor_pk == str(survivor.pk)
    assert record.merged_by == officer
    assert merged_into(Person, merged.pk) == str(survivor.pk)
    # Both histories: the merged record's entries now belong to the survivor, and the merge
    # itself is an entry with the merged record's values.
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(survivor.pk)).values_list("action", flat=True)
    )
    assert "wagtail.edit" in actions and "crm.merge" in actions
    entry = ModelLogEntry.objects.get(action="crm.merge")
    assert entry.data["merged_values"]["email"] == "b@ait.org"
    assert entry.data["changes"]["email"] == ["", "b@ait.org"]


def test_a_seat_in_the_same_plan_is_settled_not_refused():
    survivor, merged = PersonFactory(), PersonFactory()
    event = EventFactory()
    plan = SeatingPlan.objects.create(event=event)
    table = SeatingTable.objects.create(plan=plan, number=1, host=merged)
    Seat.objects.create(plan=plan, table=table, position=1, person=survivor)
    Seat.objects.create(plan=plan, table=table, position=2, person=merged)
    merge_records(survivor, merged)
    assert list(Seat.objects.filter(plan=plan).values_list("person", flat=True)) == [survivor.pk]
    # A relation without a reverse name (related_name="+") moves too.
    table.refresh_from_db()
    assert table.host == survivor


def test_two_drivers_are_refused_and_nothing_changes():
    survivor, merged = PersonFactory(), PersonFactory()
    DriverFactory(person=survivor)
    DriverFactory(person=merged)
    AffiliationFactory(person=merged)
    with pytest.raises(ValidationError):
        merge_records(survivor, merged)
    assert Person.objects.filter(pk=merged.pk).exists()
    assert merged.affiliations.count() == 1
    assert not MergedRecord.objects.exists()


def test_a_staff_login_can_be_taken_from_the_merged_record():
    officer = protocol_officer()
    survivor, merged = PersonFactory(), PersonFactory(user=officer)
    merge_records(survivor, merged, take=["user"])
    survivor.refresh_from_db()
    assert survivor.user == officer


def test_merge_refuses_itself_other_kinds_and_unknown_fields():
    person, organisation = PersonFactory(), OrganisationFactory()
    with pytest.raises(ValidationError):
        merge_records(person, person)
    with pytest.raises(ValidationError):
        merge_records(person, organisation)
    with pytest.raises(ValidationError):
        merge_records(person, PersonFactory(), take=["erased_at"])


def test_merge_organisations_settles_ties():
    home = OrganisationFactory(name="高雄市", name_en="Kaohsiung", is_home=True)
    suwon = OrganisationFactory(name="水原市", name_en="Suwon City")
    again = OrganisationFactory(name="水原", name_en="Suwon", parent=suwon)
    child = OrganisationFactory(parent=again)
    kept_tie = RelationshipFactory(source=home, target=suwon, signed_on=datetime.date(2019, 2, 16))
    other_tie = RelationshipFactory(source=again, target=home)
    RelationshipRenewal.objects.create(relationship=other_tie, renewed_on=datetime.date(2020, 1, 1))
    RelationshipFactory(source=suwon, target=again, type=RelationshipType.MOU)
    ended = RelationshipFactory(
        source=again,
        target=home,
        type=RelationshipType.SISTER_CITY,
        status=RelationshipStatus.ENDED,
    )
    AffiliationFactory(organisation=again)

    merge_records(suwon, again)

    assert not Organisation.objects.filter(pk=again.pk).exists()
    ties = Relationship.objects.involving(suwon)
    assert set(ties.values_list("pk", flat=True)) == {kept_tie.pk, ended.pk}
    assert kept_tie.renewals.count() == 1
    child.refresh_from_db()
    suwon.refresh_from_db()
    assert child.parent == suwon and suwon.parent is None
    assert suwon.affiliations.count() == 1


def test_merging_twice_follows_the_chain():
    first, second, third = PersonFactory(), PersonFactory(), PersonFactory()
    merge_records(second, first)
    merge_records(third, second)
    assert merged_into(Person, first.pk) == str(third.pk)


def test_merged_addresses_lead_to_the_survivor(officer_client):
    survivor, merged = PersonFactory(), PersonFactory()
    merge_records(survivor, merged)
    for name in ("edit", "inspect", "history"):
        response = officer_client.get(reverse(f"crm_person:{name}", args=[merged.pk]))
        assert response.status_code == 302
        assert response["Location"] == reverse(f"crm_person:{name}", args=[survivor.pk])
    missing = officer_client.get(reverse("crm_person:edit", args=[999_999]))
    assert missing.status_code == 404


def test_merge_page_merges_with_the_chosen_values(officer_client):
    first = PersonFactory(family_name="Christensen", given_name="Brent", email="")
    second = PersonFactory(family_name="CHRISTENSEN", given_name="Brent", email="b@ait.org")
    url = reverse("crm_duplicates:merge", args=["people", first.pk, second.pk])
    page = officer_client.get(url)
    assert page.status_code == 200
    assert page.context["form"].initial == {} or page.context["form"]["email"].initial == "second"
    response = officer_client.post(
        url, {"survivor": "second", "family_name": "first", "email": "second"}
    )
    assert response.status_code == 302
    second.refresh_from_db()
    assert (second.family_name, second.email) == ("Christensen", "b@ait.org")
    assert not Person.objects.filter(pk=first.pk).exists()


def test_merge_page_needs_delete_permission(viewer_client):
    first, second = PersonFactory(), PersonFactory()
    url = reverse("crm_duplicates:merge", args=["people", first.pk, second.pk])
    assert viewer_client.get(url).status_code in (302, 403)
    assert viewer_client.post(url, {"survivor": "first"}).status_code in (302, 403)
    assert Person.objects.count() == 2


def test_duplicates_page_lists_pairs_with_reasons(viewer_client):
    PersonFactory(family_name="Christensen", given_name="Brent", email="")
    PersonFactory(family_name="CHRISTENSEN", given_name="Brent", email="")
    OrganisationFactory(name="水原市", name_en="Suwon City")
    OrganisationFactory(name="水原市", name_en="Suwon")
    people = viewer_client.get(reverse("crm_duplicates:index"))
    assert people.status_code == 200
    assert len(people.context["pairs"]) == 1
    assert not people.context["can_merge"]
    organisations = viewer_client.get(reverse("crm_duplicates:index") + "?kind=organisations")
    assert len(organisations.context["pairs"]) == 1


@pytest.mark.parametrize("size", [10, 100])
def test_duplicates_page_queries_do_not_grow(size, officer_client, django_assert_max_num_queries):
    for n in range(size):
        PersonFactory(family_name=f"Family{n}", given_name="Same", email=f"same{n % 3}@x.org")
    officer_client.get(reverse("crm_duplicates:index"))  # warm the session and menu
    with django_assert_max_num_queries(12):
        officer_client.get(reverse("crm_duplicates:index"))


def test_adding_a_duplicate_warns_until_confirmed(officer_client):
    OrganisationFactory(name="水原市", name_en="Suwon City", native_name="수원시")
    url = reverse("crm_organisation:add")
    data = {"name_zh_hant": "水原市", "name_en": "Suwon", "kind": "city"}
    page = officer_client.get(url)
    form = page.context["form"]
    post = {**{name: form[name].value() or "" for name in form.fields}, **data}
    post = {key: value for key, value in post.items() if value not in (None, False)}
    warned = officer_client.post(url, post)
    assert warned.status_code == 200
    assert len(warned.context["duplicates"]) == 1
    assert Organisation.objects.count() == 1
    saved = officer_client.post(url, {**post, "duplicates_confirmed": "1"})
    assert saved.status_code == 302, saved.context["form"].errors
    assert Organisation.objects.count() == 2


def test_people_of_a_merged_organisation_are_found_by_the_survivors_name():
    from crm.selectors.search import matching_ids

    survivor = OrganisationFactory(name_en="Akita Prefecture", name_zh_hant="秋田縣")
    merged = OrganisationFactory(name_en="Akita Pref. Government", name_zh_hant="秋田县政府")
    governor = AffiliationFactory(organisation=merged).person
    assert not matching_ids("person", "秋田縣").filter(object_id=governor.pk).exists()

    merge_records(survivor, merged)

    assert matching_ids("person", "秋田縣").filter(object_id=governor.pk).exists()
    assert not matching_ids("person", "秋田县政府").filter(object_id=governor.pk).exists()

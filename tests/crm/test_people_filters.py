"""People lists: the search box asks the search index; filters by position held."""

import datetime

import pytest

from crm.enums import OfficeRank
from crm.models import Affiliation, Person
from crm.services.search import index_records
from tests.factories.crm import AffiliationFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

PEOPLE = "/admin/crm/people/"


@pytest.fixture
def akita():
    prefecture = OrganisationFactory(
        name="秋田縣", name_en="Akita Prefecture", native_name="秋田県", country="JP"
    )
    office = OrganisationFactory(name="秋田縣觀光課", name_en="Tourism Division", parent=prefecture)
    governor = AffiliationFactory(
        organisation=prefecture,
        person=PersonFactory(family_name="Satake", given_name="Norihisa"),
        position_title="知事",
        position_title_en="Governor",
        office_rank=OfficeRank.GOVERNOR,
    ).person
    officer = AffiliationFactory(
        organisation=office, person=PersonFactory(family_name="Ito", given_name="Aiko")
    ).person
    former = AffiliationFactory(
        organisation=prefecture,
        person=PersonFactory(family_name="Terata", given_name="Sukeshiro"),
        office_rank=OfficeRank.GOVERNOR,
        start_date=datetime.date(1997, 4, 1),
        end_date=datetime.date(2009, 4, 19),
    ).person
    suwon = OrganisationFactory(name_en="Suwon City", country="KR")
    mayor = AffiliationFactory(
        organisation=suwon,
        person=PersonFactory(family_name="Yeom", given_name="Tae-young"),
        office_rank=OfficeRank.MAYOR,
    ).person
    return prefecture, governor, officer, former, mayor


def listed(client, **params):
    response = client.get(PEOPLE, params)
    assert response.status_code == 200
    return {person.pk for person in response.context["object_list"]}


def test_searching_people_for_akita_in_any_script_finds_akitas_people(officer_client, akita):
    _prefecture, governor, officer, former, _mayor = akita
    assert listed(officer_client, q="Akita") == {governor.pk, officer.pk, former.pk}
    assert listed(officer_client, q="秋田") == {governor.pk, officer.pk, former.pk}
    assert listed(officer_client, q="tae-young") == {akita[4].pk}


def test_who_do_we_know_in_akita(officer_client, akita):
    prefecture, governor, officer, former, _mayor = akita
    assert listed(officer_client, organisation=prefecture.pk) == {
        governor.pk,
        officer.pk,
        former.pk,
    }
    assert listed(officer_client, organisation=prefecture.pk, held="current") == {
        governor.pk,
        officer.pk,
    }
    assert listed(officer_client, organisation=prefecture.pk, held="past") == {former.pk}


def test_rank_and_organisation_describe_one_position(officer_client, akita):
    prefecture, governor, _officer, former, mayor = akita
    assert listed(officer_client, rank=OfficeRank.GOVERNOR) == {governor.pk, former.pk}
    assert listed(
        officer_client, rank=OfficeRank.GOVERNOR, organisation=prefecture.pk, held="current"
    ) == {governor.pk}
    assert listed(officer_client, country="KR") == {mayor.pk}


def test_the_list_shows_each_persons_current_position(officer_client, akita):
    html = officer_client.get(PEOPLE, {"q": "satake"}).content.decode()
    assert "秋田縣 知事" in html


@pytest.mark.parametrize("count", [10, 1000])
def test_filtered_list_queries_do_not_grow_with_people(
    officer_client, akita, count, django_assert_num_queries
):
    prefecture = akita[0]
    # Written in bulk (no signals), then indexed in one call, as an import does.
    people = Person.objects.bulk_create(
        PersonFactory.build(family_name=f"Sato{number}") for number in range(count)
    )
    Affiliation.objects.bulk_create(
        AffiliationFactory.build(person=person, organisation=prefecture) for person in people
    )
    index_records("person", [person.pk for person in people])
    params = {"organisation": prefecture.pk, "held": "current", "q": "akita"}
    officer_client.get(PEOPLE, params)
    with django_assert_num_queries(QUERIES):
        response = officer_client.get(PEOPLE, params)
    assert response.context["items_count"] >= min(count, 50)


QUERIES = 13

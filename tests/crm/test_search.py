"""The admin search index stays current, and /admin/search/ finds records by any name."""

import datetime
import io

import pytest
from django.core.management import call_command

from crm.enums import NameOrder, OfficeRank
from crm.models import SearchTerm
from crm.selectors.search import matching_ids, search_records
from crm.services.search import rebuild_search_index
from tests.factories.crm import AffiliationFactory, OrganisationFactory, PersonFactory
from tests.factories.events import DelegationFactory, EventFactory, VenueFactory

pytestmark = pytest.mark.django_db


def found(query, kind="person"):
    """The pks of a kind's records matching a query."""
    ids = matching_ids(kind, query)
    return set() if ids is None else {row["object_id"] for row in ids}


@pytest.fixture
def akita():
    prefecture = OrganisationFactory(
        name="秋田縣", name_en="Akita Prefecture", name_ja="秋田県", native_name="秋田県"
    )
    governor = PersonFactory(
        family_name="Satake",
        given_name="Norihisa",
        native_name="佐竹敬久",
        name_order=NameOrder.FAMILY_FIRST,
        email="governor@pref.akita.example",
        phone="+81 18 860 1111",
    )
    AffiliationFactory(
        person=governor,
        organisation=prefecture,
        position_title="知事",
        position_title_en="Governor",
        office_rank=OfficeRank.GOVERNOR,
    )
    return prefecture, governor


def test_a_person_is_found_by_every_stored_form_of_the_name(akita):
    _prefecture, governor = akita
    for query in ("satake", "Norihisa Satake", "SATAKE norihisa", "佐竹", "敬久", "竹敬"):
        assert found(query) == {governor.pk}, query


def test_a_cjk_query_finds_a_substring_of_the_name():
    han = PersonFactory(family_name="韓", given_name="國瑜", native_name="韓國瑜")
    PersonFactory(family_name="Kuo", given_name="Yu")
    assert found("國瑜") == {han.pk}
    assert found("瑜") == {han.pk}


def test_a_person_is_found_by_e_mail_and_by_any_form_of_the_phone_number(akita):
    _prefecture, governor = akita
    for query in (
        "governor@pref.akita.example",
        "GOVERNOR@",
        "+81 18-860-1111",
        "018 860 1111",
        "8601111",
        "1111",
    ):
        assert found(query) == {governor.pk}, query
    assert found("9999") == set()


def test_people_are_found_through_their_organisation_in_any_language(akita):
    prefecture, governor = akita
    officer = AffiliationFactory(organisation=prefecture).person
    AffiliationFactory()  # someone elsewhere
    assert found("Akita") == {governor.pk, officer.pk}
    assert found("秋田") == {governor.pk, officer.pk}
    assert found("akita governor") == {governor.pk}
    # Own names rank before names found through the organisation.
    officer.family_name = "Akitani"
    officer.save()
    groups = search_records("akita", limit=10)
    people = next(group for group in groups if group.kind.key == "person")
    assert [result.pk for result in people.results][0] == officer.pk


def test_renaming_an_organisation_reindexes_its_people(akita):
    prefecture, governor = akita
    prefecture.name_en = "Akita Prefectural Government"
    prefecture.save()
    assert found("prefectural") == {governor.pk}
    assert found("prefectural", "organisation") == {prefecture.pk}


def test_a_changed_or_deleted_person_leaves_no_stale_terms(akita):
    _prefecture, governor = akita
    governor.family_name = "Sato"
    governor.save()
    assert found("satake") == set()
    assert found("sato") == {governor.pk}
    governor.affiliations.all().delete()
    assert found("akita") == set()
    governor.delete()
    assert not SearchTerm.objects.filter(kind="person", object_id=governor.pk).exists()


def test_an_erased_person_is_not_found(akita):
    _prefecture, governor = akita
    governor.erased_at = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    governor.save()
    assert found("satake") == set()
    assert found("akita") == set()


def test_events_delegations_and_venues_are_found():
    event = EventFactory(title="2019高雄國際午宴", title_en="International Luncheon 2019")
    suwon = OrganisationFactory(name="水原市", name_en="Suwon City", native_name="수원시")
    delegation = DelegationFactory(event=event, organisation=suwon, name="Suwon delegation")
    venue = VenueFactory(name="四維行政中心", name_en="Four Dimensions Civic Centre")
    assert found("午宴", "event") == {event.pk}
    assert found("luncheon", "event") == {event.pk}
    assert found("수원", "delegation") == {delegation.pk}
    assert found("四維", "venue") == {venue.pk}
    assert found("civic centre", "venue") == {venue.pk}


def test_a_query_without_words_matches_nothing_and_a_missing_word_matches_nobody(akita):
    assert matching_ids("person", "  ?! ") is None
    assert found("satake nobody") == set()


def test_rebuild_recreates_the_whole_index(akita):
    before = set(SearchTerm.objects.values_list("kind", "object_id", "term", "weight"))
    SearchTerm.objects.all().delete()
    call_command("rebuild_search_index", stdout=io.StringIO())
    after = set(SearchTerm.objects.values_list("kind", "object_id", "term", "weight"))
    assert after == before
    assert rebuild_search_index() == len(before)

"""Duplicate candidates: romanisation keys, reasons and scores, blocking and query counts."""

import pytest

from crm import enums
from crm.dedupe.keys import latin_key
from crm.dedupe.scoring import MAX_BLOCK, Reason
from crm.models import Organisation, Person
from crm.selectors.duplicates import (
    duplicate_organisations,
    duplicate_people,
    organisations_like,
    people_like,
)
from tests.factories.crm import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("CHRISTENSEN, Brent", "Brent Christensen"),
        ("Han Kuo-yu", "Han Guoyu"),  # Wade-Giles and pinyin
        ("Tsai Ing-wen", "Cai Yingwen"),
        ("Hsieh Chang-ting", "Xie Changting"),
        ("Ōno Shūji", "Ohno Shuji"),  # Hepburn with and without macrons
        ("Yeom Tae-young", "Yum Tae Young"),  # Revised Romanization and older spellings
        ("Park Nam-gi", "Bak Namki"),
        ("satake norihisa", "SATAKE Norihisa"),
    ],
)
def test_latin_key_meets_romanisation_variants(first, second):
    assert latin_key(first) == latin_key(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [("Brent Christensen", "Brent Kim"), ("Han Kuo-yu", "Lin Chia-lung"), ("Suwon", "Akita")],
)
def test_latin_key_keeps_different_names_apart(first, second):
    assert latin_key(first) != latin_key(second)


def pairs(candidates):
    return {frozenset((c.first, c.second)): c for c in candidates}


def test_duplicate_people_finds_each_reason():
    brent = PersonFactory(family_name="Christensen", given_name="Brent", email="b@ait.org")
    brent_caps = PersonFactory(family_name="", given_name="", native_name="CHRISTENSEN, Brent")
    brent_zh = PersonFactory(family_name="Christensen", given_name="B.", chinese_name="酈英傑")
    li = PersonFactory(family_name="", given_name="", native_name="酈英傑", email="li@x.org")
    mail = PersonFactory(family_name="Nobody", given_name="Else", email="B@AIT.org")
    phone_a = PersonFactory(family_name="Tanaka", given_name="Ichiro", phone="+81 18 860 1111")
    phone_b = PersonFactory(family_name="Suzuki", given_name="Jiro", phone="+81188601111")
    han = PersonFactory(family_name="Han", given_name="Kuo-yu", email="")
    han_pinyin = PersonFactory(family_name="HAN", given_name="Guoyu", email="")
    typo_a = PersonFactory(family_name="Wolfenstein", given_name="Margarethe", email="")
    typo_b = PersonFactory(family_name="Wolfenztein", given_name="Margarethe", email="")
    PersonFactory(family_name="Lin", given_name="Chia-lung", email="")

    found = pairs(duplicate_people())

    def reasons(a, b):
        return found[frozenset((a.pk, b.pk))].reasons

    assert reasons(brent, mail) == [Reason.EMAIL]
    assert reasons(brent, brent_caps) == [Reason.NAME_ORDER]
    assert reasons(brent_zh, li) == [Reason.CHINESE_IS_NATIVE]
    assert reasons(phone_a, phone_b) == [Reason.PHONE]
    assert reasons(han, han_pinyin) == [Reason.ROMANISATION]
    assert Reason.SIMILAR in reasons(typo_a, typo_b)
    lin = Person.objects.get(family_name="Lin")
    assert all(lin.pk not in pair for pair in found)
    # Most likely first, and a pair with two reasons outranks one with one.
    scores = [c.score for c in duplicate_people()]
    assert scores == sorted(scores, reverse=True)


def test_two_reasons_score_higher_than_one():
    a = PersonFactory(family_name="Kim", given_name="Minsu", email="kim@suwon.go.kr")
    b = PersonFactory(family_name="KIM", given_name="Min-su", email="kim@suwon.go.kr")
    c = PersonFactory(family_name="Other", given_name="Person", email="kim2@suwon.go.kr")
    d = PersonFactory(family_name="Another", given_name="Man", email="KIM2@suwon.go.kr")
    found = pairs(duplicate_people())
    assert found[frozenset((a.pk, b.pk))].score > found[frozenset((c.pk, d.pk))].score


def test_a_crowded_key_is_not_a_block():
    """A switchboard number shared by many says nothing, and is never compared pair by pair."""
    people = [
        PersonFactory(family_name=f"Name{n}", given_name=f"Given{n}", phone="+886 7 799 5678")
        for n in range(MAX_BLOCK + 1)
    ]
    found = pairs(duplicate_people())
    assert all(Reason.PHONE not in c.reasons for c in found.values())
    assert len(people) == MAX_BLOCK + 1


def test_erased_people_are_not_candidates():
    a = PersonFactory(family_name="Kim", given_name="Minsu", email="k@x.org")
    PersonFactory(family_name="Kim", given_name="Minsu", email="k@x.org")
    a.erased_at = "2020-01-01T00:00:00Z"
    a.save()
    assert duplicate_people() == []


def test_people_like_an_unsaved_person():
    brent = PersonFactory(family_name="Christensen", given_name="Brent", email="")
    unsaved = Person(family_name="CHRISTENSEN", given_name="Brent", name_order="given_first")
    found = people_like(unsaved)
    assert [c.second for c in found] == [brent.pk]
    assert people_like(brent) == []


def test_organisations_suwon_twice():
    suwon = OrganisationFactory(name="水原市", name_en="Suwon City", native_name="수원시")
    OrganisationFactory(name="秋田縣", name_en="Akita Prefecture", native_name="秋田県")
    again = Organisation(name="水原市", name_en="Suwon", kind=enums.OrganisationKind.CITY)
    found = organisations_like(again)
    assert [c.second for c in found] == [suwon.pk]
    assert Reason.SAME_SCRIPT_NAME in found[0].reasons
    latin_only = Organisation(name="Suwon-si", name_en="Suwon-si", kind=enums.OrganisationKind.CITY)
    assert [c.second for c in organisations_like(latin_only)] == [suwon.pk]


def test_duplicate_organisations():
    a = OrganisationFactory(name="水原市", name_en="Suwon City")
    b = OrganisationFactory(name="水原", name_en="Suwon")
    OrganisationFactory(name="秋田縣", name_en="Akita Prefecture")
    found = pairs(duplicate_organisations())
    assert list(found) == [frozenset((a.pk, b.pk))]


def test_factory_sequences_are_not_duplicates():
    for _n in range(5):
        OrganisationFactory()
    assert duplicate_organisations() == []


@pytest.mark.parametrize("size", [10, 100])
def test_duplicate_people_queries_do_not_grow(size, django_assert_num_queries):
    for n in range(size):
        PersonFactory(family_name=f"Family{n}", given_name="Same", email=f"same{n % 3}@x.org")
    with django_assert_num_queries(1):
        duplicate_people()


def test_different_short_family_names_are_not_typos():
    PersonFactory(family_name="Li", given_name="Wen-chieh", email="")
    PersonFactory(family_name="Liu", given_name="Wen-chieh", email="")
    PersonFactory(family_name="Yang", given_name="Hsin-yi", email="")
    PersonFactory(family_name="Wang", given_name="Hsin-yi", email="")
    assert duplicate_people() == []


def test_different_chinese_names_outweigh_similar_latin_ones():
    OrganisationFactory(name="奧地利台北辦事處", name_en="Austrian Office Taipei")
    OrganisationFactory(name="澳洲辦事處", name_en="Australian Office Taipei")
    a = PersonFactory(family_name="Christensen", given_name="Brent", chinese_name="酈英傑")
    b = PersonFactory(family_name="Christensen", given_name="Brent", chinese_name="柯良睿")
    assert duplicate_organisations() == []
    found = duplicate_people()
    assert all(c.score < 60 for c in found if {c.first, c.second} == {a.pk, b.pk})


def test_a_city_and_a_prefecture_of_one_name_are_two_bodies():
    city = OrganisationFactory(name="熊本市", name_en="Kumamoto City")
    OrganisationFactory(name="熊本縣", name_en="Kumamoto Prefecture", native_name="熊本県")
    again = OrganisationFactory(name="熊本", name_en="Kumamoto-shi")

    # 熊本市 and 熊本県 share a name but not a tier of government; "Kumamoto-shi" is the city.
    assert list(pairs(duplicate_organisations())) == [frozenset((city.pk, again.pk))]

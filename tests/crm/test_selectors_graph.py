"""CRM reads over the graph of ties: neighbourhoods and shortest paths as of a date."""

import pytest
from django.utils import translation

from crm.enums import OfficeRank, RelationshipStatus, RelationshipType
from crm.selectors.graph import neighbours, shortest_path
from crm.selectors.nodes import INLINE_ID_LIMIT, Node
from tests.crm.conftest import SPRING_2019, D, holds, person, tie
from tests.factories.crm import (
    AffiliationFactory,
    OrganisationFactory,
    PersonFactory,
    RelationshipFactory,
)

pytestmark = pytest.mark.django_db


def by_label(neighbourhood):
    return {node.label: distance for node, distance in neighbourhood.distances.items()}


def described(edges):
    return [(edge.source.label, edge.target.label, edge.kind, edge.label) for edge in edges]


def type_label(kind):
    return str(RelationshipType(kind).label)


def test_neighbours_one_hop_in_2019_skips_ended_expired_and_future(graph):
    around = neighbours(graph.kaohsiung, hops=1, as_of=SPRING_2019)
    assert around.centre == Node("organisation", graph.kaohsiung.pk, "")
    assert around.centre.label == "高雄市"
    assert by_label(around) == {
        "高雄市": 0,
        "Han Kuo-yu": 1,
        "Lin Yu-ting": 1,
        "水原市": 1,
        "秋田縣": 1,
        "美國在台協會": 1,
    }
    assert described(around.edges) == [
        ("Han Kuo-yu", "高雄市", "affiliation", "市長"),
        ("Lin Yu-ting", "高雄市", "affiliation", "處長"),
        ("高雄市", "水原市", "friendship_city", type_label("friendship_city")),
        ("秋田縣", "高雄市", "mou", type_label("mou")),
        ("高雄市", "美國在台協會", "partnership", type_label("partnership")),
    ]


def test_neighbours_two_hops_reaches_the_partners_people(graph):
    around = neighbours(graph.kaohsiung, hops=2, as_of=SPRING_2019)
    assert by_label(around) == {
        "高雄市": 0,
        "Han Kuo-yu": 1,
        "Lin Yu-ting": 1,
        "水原市": 1,
        "秋田縣": 1,
        "美國在台協會": 1,
        "Yeom Tae-young": 2,
        "Satake Norihisa": 2,
        "Brent Christensen": 2,
    }
    assert len(around.edges) == 8
    assert ("Yeom Tae-young", "水原市", "affiliation", "市長") in described(around.edges)


def test_neighbours_as_of_later_date_follows_who_holds_office(graph):
    around = neighbours(graph.kaohsiung, hops=1, as_of=D(2021, 1, 1))
    assert by_label(around) == {
        "高雄市": 0,
        "Chen Chi-mai": 1,
        "Lin Yu-ting": 1,
        "水原市": 1,
        "秋田縣": 1,
        "美國在台協會": 1,
    }


def test_neighbours_before_an_end_date_still_sees_the_tie(graph):
    around = neighbours(graph.kaohsiung, hops=1, as_of=D(2014, 6, 1))
    assert by_label(around) == {"高雄市": 0, "舊城": 1, "逾期市": 1}


def test_neighbours_type_filter_keeps_affiliations(graph):
    around = neighbours(
        graph.kaohsiung, hops=2, as_of=SPRING_2019, types=[RelationshipType.FRIENDSHIP_CITY]
    )
    assert by_label(around) == {
        "高雄市": 0,
        "Han Kuo-yu": 1,
        "Lin Yu-ting": 1,
        "水原市": 1,
        "Yeom Tae-young": 2,
    }
    one_type = neighbours(
        graph.kaohsiung, hops=2, as_of=SPRING_2019, types=RelationshipType.FRIENDSHIP_CITY
    )
    assert by_label(one_type) == by_label(around)


def test_neighbours_of_a_person_and_labels_in_the_active_language(graph):
    with translation.override("en"):
        around = neighbours(graph.yeom, hops=2, as_of=SPRING_2019)
    assert by_label(around) == {"Yeom Tae-young": 0, "Suwon": 1, "Kaohsiung City": 2}
    assert described(around.edges) == [
        ("Yeom Tae-young", "Suwon", "affiliation", "Mayor"),
        ("Kaohsiung City", "Suwon", "friendship_city", "friendship city"),
    ]


def test_neighbours_suspended_and_proposed_ties_do_not_count(graph):
    graph.suwon_tie.status = RelationshipStatus.SUSPENDED
    graph.suwon_tie.save()
    tie(graph.kaohsiung, graph.oldtown, RelationshipType.MOU, D(2019, 1, 1), status="proposed")
    around = neighbours(graph.kaohsiung, hops=1, as_of=SPRING_2019)
    assert "水原市" not in by_label(around)
    assert "舊城" not in by_label(around)


def test_neighbours_rejects_other_records(graph):
    with pytest.raises(TypeError):
        neighbours(graph.suwon_tie)


def star(size):
    """An organisation with size/2 people and size/2 partners, each partner with one person."""
    centre = OrganisationFactory()
    for _ in range(size // 2):
        AffiliationFactory(organisation=centre)
        partner = RelationshipFactory(source=centre).target
        AffiliationFactory(organisation=partner)
    return centre


@pytest.mark.parametrize("size", [10, 100])
def test_neighbours_query_count_constant(django_assert_num_queries, size):
    centre = star(size)
    # Hop 1: affiliations, ties. Hop 2: affiliations, ties. Labels: organisations, people.
    with django_assert_num_queries(6):
        around = neighbours(centre, hops=2, as_of=SPRING_2019)
    assert len(around.distances) == 1 + size // 2 * 3


def test_neighbours_frontier_beyond_inline_limit_is_one_query(django_assert_num_queries):
    centre = OrganisationFactory()
    partners = OrganisationFactory.create_batch(INLINE_ID_LIMIT + 20)
    for partner in partners:
        RelationshipFactory(source=centre, target=partner)
    far = RelationshipFactory(source=partners[-1]).target
    # Two hops of affiliations and ties, then the labels of organisations (there are no people).
    with django_assert_num_queries(5):
        around = neighbours(centre, hops=2, as_of=SPRING_2019)
    assert len(around.distances) == len(partners) + 2
    assert around.distances[Node("organisation", far.pk, "")] == 2


def test_shortest_path_how_we_know_the_suwon_mayor(graph):
    path = shortest_path(graph.lin, graph.yeom, as_of=SPRING_2019)
    assert described(path) == [
        ("Lin Yu-ting", "高雄市", "affiliation", "處長"),
        ("高雄市", "水原市", "friendship_city", type_label("friendship_city")),
        ("水原市", "Yeom Tae-young", "affiliation", "市長"),
    ]


def test_shortest_path_edges_point_from_a_to_b(graph):
    path = shortest_path(graph.yeom, graph.satake, as_of=SPRING_2019)
    assert described(path) == [
        ("Yeom Tae-young", "水原市", "affiliation", "市長"),
        ("水原市", "高雄市", "friendship_city", type_label("friendship_city")),
        ("高雄市", "秋田縣", "mou", type_label("mou")),
        ("秋田縣", "Satake Norihisa", "affiliation", "知事"),
    ]
    assert all(before.target == after.source for before, after in zip(path, path[1:], strict=False))


def test_shortest_path_none_before_the_tie_was_signed(graph):
    assert shortest_path(graph.lin, graph.yeom, as_of=D(2019, 2, 15)) is None


def test_shortest_path_none_when_types_exclude_the_tie(graph):
    found = shortest_path(graph.lin, graph.yeom, as_of=SPRING_2019, types=[RelationshipType.MOU])
    assert found is None


def test_shortest_path_respects_max_hops(graph):
    assert shortest_path(graph.lin, graph.yeom, as_of=SPRING_2019, max_hops=2) is None
    assert len(shortest_path(graph.lin, graph.yeom, as_of=SPRING_2019, max_hops=3)) == 3


def test_shortest_path_prefers_the_shorter_route(graph):
    # A direct MOU with Akita's governor's prefecture beats going round through Kaohsiung.
    tie(graph.suwon, graph.akita, RelationshipType.MOU, D(2018, 1, 1))
    path = shortest_path(graph.yeom, graph.satake, as_of=SPRING_2019)
    assert described(path) == [
        ("Yeom Tae-young", "水原市", "affiliation", "市長"),
        ("水原市", "秋田縣", "mou", type_label("mou")),
        ("秋田縣", "Satake Norihisa", "affiliation", "知事"),
    ]


def test_shortest_path_to_itself_is_empty(graph):
    assert shortest_path(graph.suwon, graph.suwon) == []


def test_shortest_path_ended_tie_not_walked_after_it_ended(graph):
    mayor = person("Smith", "John", cjk=False)
    holds(mayor, graph.oldtown, "市長", "Mayor", OfficeRank.MAYOR, D(2000, 1, 1))
    assert len(shortest_path(graph.kaohsiung, mayor, as_of=D(2010, 1, 1))) == 2
    assert shortest_path(graph.kaohsiung, mayor, as_of=SPRING_2019) is None


def chain_with_padding(size):
    """a - A = B - b, with size/4 extra people and size/4 extra ties on each of A and B."""
    a, b = PersonFactory(), PersonFactory()
    left, right = OrganisationFactory(), OrganisationFactory()
    AffiliationFactory(person=a, organisation=left)
    AffiliationFactory(person=b, organisation=right)
    RelationshipFactory(source=left, target=right)
    for org in (left, right):
        for _ in range(size // 4):
            AffiliationFactory(organisation=org)
            RelationshipFactory(source=org)
    return a, b


@pytest.mark.parametrize("size", [10, 100])
def test_shortest_path_query_count_constant(django_assert_num_queries, size):
    a, b = chain_with_padding(size)
    # From a: affiliations; from its organisation: affiliations, ties; from b: affiliations;
    # then the labels of organisations and people on the path.
    with django_assert_num_queries(6):
        path = shortest_path(a, b, as_of=SPRING_2019)
    assert len(path) == 3


def test_neighbours_labels_fall_back_to_chinese_when_a_translation_is_missing(graph):
    graph.akita.name_ja = "秋田県"
    graph.akita.save()
    with translation.override("ja"):
        around = neighbours(graph.satake, hops=2, as_of=SPRING_2019)
    # Akita has a Japanese name; Kaohsiung has none, so its Chinese name stands in.
    assert by_label(around) == {"Satake Norihisa": 0, "秋田県": 1, "高雄市": 2}

"""How do we know X: shortest dated, explained chains from the office or a colleague."""

import datetime

import pytest
from django.utils import translation

from crm.enums import InteractionKind
from crm.selectors.paths import colleagues, office, shortest_paths
from tests.factories.crm import InteractionFactory, PersonFactory
from tests.factories.events import DelegationFactory, DelegationMemberFactory, EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def chain(path):
    return [(step.source.label, step.target.label) for step in path]


def test_the_office_knows_a_mayor_through_the_tie_and_his_position(graph):
    paths = shortest_paths(graph.kaohsiung, graph.yeom)
    assert [chain(path) for path in paths] == [
        [
            ("Kaohsiung City", "Suwon"),
            ("Suwon", "Han Kuo-yu".replace("Han Kuo-yu", "Yeom Tae-young")),
        ]
    ]
    first, second = paths[0]
    assert first.date == datetime.date(2019, 2, 16)
    assert "friendship city" in first.text and "2019-02-16" in first.text
    assert "Mayor" in second.text and "from 2014-07-01 to 2022-06-30" in second.text


def test_a_colleague_knows_someone_through_an_interaction(graph):
    InteractionFactory(
        kind=InteractionKind.COURTESY_CALL,
        subject="Courtesy call at AIT",
        occurred_on=datetime.date(2019, 3, 29),
    ).people.set([graph.lin, graph.brent])
    paths = shortest_paths(graph.lin, graph.brent)
    assert [chain(path) for path in paths] == [[("Lin Yu-ting", "Brent Christensen")]]
    assert "Courtesy call at AIT" in paths[0][0].text
    assert "2019-03-29" in paths[0][0].text


def test_every_shortest_path_is_listed_and_longer_ones_are_not(graph):
    # Han and Lin both worked at Kaohsiung; Kaohsiung knows Han directly (one step).
    paths = shortest_paths(graph.lin, graph.han)
    assert [len(path) for path in paths] == [2]
    paths = shortest_paths(graph.kaohsiung, graph.han)
    assert [len(path) for path in paths] == [1]
    # Two colleagues meet Satake together: two shortest chains of two steps each.
    meeting = InteractionFactory(subject="Akita visit")
    meeting.people.set([graph.chen, graph.lin, graph.satake])
    paths = shortest_paths(graph.kaohsiung, graph.satake)
    assert sorted(chain(path)[0][1] for path in paths) == sorted(
        ["Akita Prefecture", "Chen Chi-mai", "Lin Yu-ting"]
    )
    assert {len(path) for path in paths} == {2}


def test_ended_ties_and_past_positions_still_explain_how_we_know_someone(graph):
    former = PersonFactory(family_name="Old", given_name="Mayor")
    from tests.crm.conftest import holds

    holds(
        former,
        graph.oldtown,
        "市長",
        "Mayor",
        60,
        datetime.date(1990, 1, 1),
        datetime.date(1999, 1, 1),
    )
    path = shortest_paths(graph.kaohsiung, former)[0]
    assert "ended 2015-01-01" in path[0].text


def test_delegation_memberships_are_steps(graph):
    luncheon = EventFactory(title_en="International Luncheon", host_organisation=graph.kaohsiung)
    guest = PersonFactory(family_name="Kim", given_name="Min-su")
    DelegationMemberFactory(
        person=guest,
        delegation=DelegationFactory(event=luncheon, organisation=graph.suwon, name="Suwon"),
    )
    path = shortest_paths(graph.kaohsiung, guest)[0]
    assert len(path) == 1
    assert "International Luncheon" in path[0].text and "2019-02-16" in path[0].text


def test_no_path_and_the_same_record(graph):
    assert shortest_paths(graph.kaohsiung, graph.nobody) == []
    assert shortest_paths(graph.kaohsiung, graph.kaohsiung) == []


def test_office_and_colleagues(graph):
    assert office() == graph.kaohsiung
    assert set(colleagues()) == {graph.han, graph.chen, graph.lin}


@pytest.mark.parametrize("extra", [5, 50])
def test_path_query_count_grows_with_hops_not_records(graph, extra, django_assert_num_queries):
    for _number in range(extra):
        InteractionFactory().people.set([graph.lin, PersonFactory()])
    with django_assert_num_queries(QUERIES):
        assert len(shortest_paths(graph.kaohsiung, graph.yeom)[0]) == 2


QUERIES = 9

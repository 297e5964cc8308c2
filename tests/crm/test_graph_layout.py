"""The neighbourhood picture stays readable: labels never overlap, city ties fold."""

import itertools
import random

import pytest

from crm.enums import RelationshipType
from crm.selectors.graph import Edge, Neighbourhood
from crm.selectors.nodes import Node
from crm.views import layout_neighbourhood
from crm.views.graph import GROUP, dot_box, fold_city_ties, label_boxes, overlaps

NAMES = [
    "高雄市",
    "Suwon",
    "Akita Prefecture",
    "American Institute in Taiwan",
    "수원시",
    "秋田県庁",
]


def star(count, *, kind=RelationshipType.SISTER_CITY, seed=0, outer=0):
    """A home city with `count` partners, and `outer` people at each of the first partners."""
    rng = random.Random(seed)
    home = Node("organisation", 1, "高雄市政府")
    distances = {home: 0}
    edges = []
    for number in range(count):
        label = f"{rng.choice(NAMES)} {'長い名前' * rng.randint(0, 3)}{number}"
        partner = Node("organisation", 100 + number, label)
        distances[partner] = 1
        edges.append(Edge(home, partner, kind, ""))
        for person in range(outer if number < 3 else 0):
            who = Node("person", 1000 * (number + 1) + person, f"Person {number}-{person}")
            distances[who] = 2
            edges.append(Edge(who, partner, "affiliation", "Mayor"))
    return Neighbourhood(centre=home, distances=distances, edges=edges)


def assert_no_overlaps(picture):
    boxes = label_boxes(picture)
    for (i, a), (j, b) in itertools.combinations(enumerate(boxes), 2):
        assert not overlaps(a, b), (i, j, a, b)
    dots = [dot_box(node) for node in picture.nodes]
    assert len(boxes) == 1 + len(picture.nodes) + sum(edge.captioned for edge in picture.edges)
    for label in boxes[1:]:
        assert not any(overlaps(label, dot) for dot in dots)


@pytest.mark.parametrize("count", [1, 3, 5, 12, 36, 80])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_no_two_labels_overlap_whatever_the_crowd(count, seed):
    # MOU partners never fold, so every one of them is drawn.
    picture = layout_neighbourhood(star(count, kind=RelationshipType.MOU, seed=seed, outer=4))
    assert_no_overlaps(picture)


def test_labels_moved_off_the_ring_are_marked_for_a_leader_line():
    picture = layout_neighbourhood(star(36, kind=RelationshipType.MOU))
    assert any(node.moved for node in picture.nodes)
    left, top, width, height = (float(value) for value in picture.view_box.split())
    for box in label_boxes(picture):
        assert left <= box[0] and box[2] <= left + width
        assert top <= box[1] and box[3] <= top + height


def test_dozens_of_sister_cities_fold_into_one_node_until_opened():
    neighbourhood = star(34, outer=2)
    folded = fold_city_ties(neighbourhood)
    groups = [node for node in folded.distances if node.kind == GROUP]
    assert len(groups) == 1
    assert "34" in groups[0].label
    # The partners and the people reached only through them are folded away.
    assert set(folded.distances) == {neighbourhood.centre, groups[0]}
    picture = layout_neighbourhood(folded)
    assert [node.url for node in picture.nodes] == ["?open=1"]
    opened = fold_city_ties(neighbourhood, opened=["1"])
    assert opened is neighbourhood


def test_a_few_city_ties_stay_unfolded():
    neighbourhood = star(8)
    assert fold_city_ties(neighbourhood) is neighbourhood

"""The relationship graph on one date: a record's neighbourhood and the shortest chain.

The graph has two kinds of node, people and organisations, and two kinds of edge:
affiliations (person to organisation) and relationships (organisation to organisation).
Graph selectors walk it breadth-first, one hop at a time, fetching every edge that touches
the current frontier in one query per edge table; the number of queries therefore grows with
the hops walked, never with the size of the graph.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from ..enums import RelationshipStatus, RelationshipType
from ..models import Affiliation, Relationship
from .nodes import (
    ORGANISATION,
    PERSON,
    Node,
    first_filled,
    id_values,
    labelled_node,
    localised_columns,
    node_key,
    node_labels,
    split_keys,
    touching,
)

AFFILIATION = "affiliation"
RELATIONSHIP = "relationship"


@dataclass(frozen=True)
class Edge:
    """An affiliation (kind "affiliation") or a relationship (kind: its RelationshipType)."""

    source: Node
    target: Node
    kind: str
    label: str


@dataclass(frozen=True)
class Neighbourhood:
    """The records within some hops of a centre, their distances and the edges walked."""

    centre: Node
    distances: dict
    edges: list


@dataclass(frozen=True)
class _Link:
    """An edge as fetched, before its ends are labelled; ends are (kind, pk) keys."""

    key: tuple
    source: tuple
    target: tuple
    kind: str
    label: str


def ties_in_force(date, types=None):
    """Relationships in force on a date (not proposed, suspended or ended), of some types."""
    if isinstance(types, str):
        types = [types]
    return (
        Relationship.objects.as_of(date)
        .of_types(types)
        .exclude(status=RelationshipStatus.SUSPENDED)
        # An ended tie without an end date cannot be placed in time, so it counts as over.
        .exclude(status=RelationshipStatus.ENDED, ended_on__isnull=True)
    )


def _links_touching(nodes, *, date, types):
    """Every affiliation and tie in force touching the nodes: at most one query per table."""
    people, organisations = split_keys(nodes)
    links = []
    if people or organisations:
        # Plain rows (rewrite off): modeltranslation's per-row fallback costs more than the query.
        rows = (
            Affiliation.objects.rewrite(False)
            .as_of(date)
            .filter(touching(people, organisations))
            .order_by()
            .values_list(
                "pk",
                "person_id",
                "organisation_id",
                *localised_columns(Affiliation, "position_title"),
            )
        )
        links += [
            _Link(
                (AFFILIATION, pk),
                (PERSON, person),
                (ORGANISATION, org),
                AFFILIATION,
                first_filled(titles),
            )
            for pk, person, org, *titles in sorted(rows)
        ]
    if organisations:
        ids = id_values(organisations)
        rows = (
            ties_in_force(date, types)
            .filter(Q(source_id__in=ids) | Q(target_id__in=ids))
            .order_by()
            .values_list("pk", "source_id", "target_id", "type")
        )
        type_labels = {value: str(label) for value, label in RelationshipType.choices}
        links += [
            _Link(
                (RELATIONSHIP, pk),
                (ORGANISATION, source),
                (ORGANISATION, target),
                kind,
                type_labels[kind],
            )
            for pk, source, target, kind in sorted(rows)
        ]
    return links


def _edge(link, labels, *, reverse=False):
    source, target = (link.target, link.source) if reverse else (link.source, link.target)
    return Edge(labelled_node(source, labels), labelled_node(target, labels), link.kind, link.label)


def neighbours(record, *, hops=2, as_of=None, types=None):
    """The people and organisations within `hops` of a record on a date (default today).

    types limits the relationship types walked (None: all); affiliations always count.
    Edges are those walked from nodes nearer than `hops`, in the order they were found.
    """
    date = as_of or timezone.localdate()
    centre = node_key(record)
    distances = {centre: 0}
    links = {}
    frontier = {centre}
    for hop in range(1, hops + 1):
        if not frontier:
            break
        found = set()
        for link in _links_touching(frontier, date=date, types=types):
            links.setdefault(link.key, link)
            for end in (link.source, link.target):
                if end not in distances:
                    distances[end] = hop
                    found.add(end)
        frontier = found
    labels = node_labels(distances)
    return Neighbourhood(
        centre=labelled_node(centre, labels),
        distances={labelled_node(key, labels): distance for key, distance in distances.items()},
        edges=[_edge(link, labels) for link in links.values()],
    )


def shortest_path(a, b, *, as_of=None, types=None, max_hops=6):
    """The shortest chain of edges from a to b on a date, each edge pointing from a towards b.

    Searches from both ends at once, always widening the smaller frontier by one hop.
    None when no path of at most max_hops exists; [] when a is b.
    """
    date = as_of or timezone.localdate()
    start, goal = node_key(a), node_key(b)
    if start == goal:
        return []
    # For each end: node -> (distance, the node one step nearer that end, link used).
    reached = ({start: (0, None, None)}, {goal: (0, None, None)})
    frontiers = [{start}, {goal}]
    depths = [0, 0]
    while depths[0] + depths[1] < max_hops and frontiers[0] and frontiers[1]:
        side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
        mine, theirs = reached[side], reached[1 - side]
        depths[side] += 1
        found = set()
        for link in _links_touching(frontiers[side], date=date, types=types):
            for here, there in ((link.source, link.target), (link.target, link.source)):
                if here in frontiers[side] and there not in mine:
                    mine[there] = (depths[side], here, link)
                    found.add(there)
        frontiers[side] = found
        meetings = [node for node in found if node in theirs]
        if meetings:
            meeting = min(meetings, key=lambda node: (theirs[node][0], node))
            return _path_through(meeting, reached)
    return None


def _path_through(meeting, reached):
    """Edges from the start to the goal through the node where both searches met."""
    steps = []
    node = meeting
    while reached[0][node][1] is not None:
        _distance, previous, link = reached[0][node]
        steps.append((previous, node, link))
        node = previous
    steps.reverse()
    node = meeting
    while reached[1][node][1] is not None:
        _distance, following, link = reached[1][node]
        steps.append((node, following, link))
        node = following
    labels = node_labels({end for before, after, _link in steps for end in (before, after)})
    return [_edge(link, labels, reverse=link.source != before) for before, _after, link in steps]

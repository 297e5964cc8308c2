"""How do we know X: the shortest chains from the office (or a colleague) to a record.

Unlike the neighbourhood picture, which shows the graph on one date, this walks the whole
history: positions held then and now, ties signed (ended ones too), interactions two
records took part in, and whatever apps above crm add through the "register_path_edges"
hook (events: delegation memberships). Every step carries its date and a sentence.

The walk is breadth-first from both ends at once, widening the smaller frontier a whole
hop at a time; each hop costs one query per edge source, whatever the size of the graph.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext
from wagtail import hooks

from ..enums import RelationshipStatus, RelationshipType
from ..models import Affiliation, Interaction, Organisation, Person, Relationship
from .nodes import (
    ORGANISATION,
    PERSON,
    first_filled,
    id_values,
    labelled_node,
    localised_columns,
    node_key,
    node_labels,
    split_keys,
    touching,
)

PATH_EDGES_HOOK = "register_path_edges"


@dataclass(frozen=True)
class PathLink:
    """An edge as an edge source returns it: ends are (kind, pk) keys.

    describe(labels) words the edge with the records' names (labels: key -> name).
    """

    key: tuple
    source: tuple
    target: tuple
    kind: str
    date: object
    describe: object


@dataclass(frozen=True)
class Step:
    """One step of a path, from `source` towards the goal."""

    source: object
    target: object
    kind: str
    date: object
    text: str


def _span(start, end):
    if start and end:
        return gettext("from %(start)s to %(end)s") % {"start": start, "end": end}
    if start:
        return gettext("since %(start)s") % {"start": start}
    if end:
        return gettext("until %(end)s") % {"end": end}
    return gettext("dates not recorded")


def affiliation_links(nodes):
    """Positions held, past and present, touching the nodes."""
    people, organisations = split_keys(nodes)
    if not (people or organisations):
        return []
    rows = (
        Affiliation.objects.rewrite(False)
        .filter(touching(people, organisations))
        .order_by()
        .values_list(
            "pk",
            "person_id",
            "organisation_id",
            "start_date",
            "end_date",
            *localised_columns(Affiliation, "position_title"),
        )
    )
    links = []
    for pk, person, organisation, start, end, *titles in sorted(rows):
        title = first_filled(titles)

        def describe(
            labels,
            person=person,
            organisation=organisation,
            title=title,
            start=start,
            end=end,
        ):
            return gettext("%(person)s: %(title)s, %(organisation)s (%(span)s)") % {
                "person": labels[(PERSON, person)],
                "organisation": labels[(ORGANISATION, organisation)],
                "title": title,
                "span": _span(start, end),
            }

        links.append(
            PathLink(
                ("affiliation", pk),
                (PERSON, person),
                (ORGANISATION, organisation),
                "affiliation",
                start,
                describe,
            )
        )
    return links


def relationship_links(nodes):
    """Ties between organisations (all but proposals), ended ones included."""
    _people, organisations = split_keys(nodes)
    if not organisations:
        return []
    ids = id_values(organisations)
    rows = (
        Relationship.objects.exclude(status=RelationshipStatus.PROPOSED)
        .filter(Q(source_id__in=ids) | Q(target_id__in=ids))
        .order_by()
        .values_list("pk", "source_id", "target_id", "type", "signed_on", "ended_on")
    )
    links = []
    for pk, source, target, kind, signed, ended in sorted(rows):

        def describe(labels, source=source, target=target, kind=kind, signed=signed, ended=ended):
            return gettext("%(a)s and %(b)s: %(type)s, signed %(signed)s%(ended)s") % {
                "a": labels[(ORGANISATION, source)],
                "b": labels[(ORGANISATION, target)],
                "type": RelationshipType(kind).label,
                "signed": signed or "—",
                "ended": (gettext(", ended %(date)s") % {"date": ended}) if ended else "",
            }

        links.append(
            PathLink(
                ("relationship", pk),
                (ORGANISATION, source),
                (ORGANISATION, target),
                "relationship",
                signed,
                describe,
            )
        )
    return links


def interaction_links(nodes):
    """Two records that took part in the same meeting, visit, letter or gift."""
    people, organisations = split_keys(nodes)
    if not (people or organisations):
        return []
    involved = touching(people, organisations, person="people", organisation="organisations")
    interactions = {
        pk: (subject, kind, occurred)
        for pk, subject, kind, occurred in Interaction.objects.filter(involved)
        .order_by()
        .values_list("pk", "subject", "kind", "occurred_on")
        .distinct()
    }
    if not interactions:
        return []
    ids = id_values(interactions)
    participants = {pk: [] for pk in interactions}
    people_through = Interaction.people.through.objects.filter(interaction_id__in=ids)
    for interaction, person in people_through.values_list("interaction_id", "person_id"):
        participants[interaction].append((PERSON, person))
    organisations_through = Interaction.organisations.through.objects.filter(interaction_id__in=ids)
    for interaction, organisation in organisations_through.values_list(
        "interaction_id", "organisation_id"
    ):
        participants[interaction].append((ORGANISATION, organisation))
    frontier = set(nodes)
    kinds = dict(Interaction._meta.get_field("kind").choices)
    links = []
    for pk in sorted(participants):
        subject, kind, occurred = interactions[pk]
        for here in sorted(set(participants[pk]) & frontier):
            for there in sorted(set(participants[pk]) - {here}):

                def describe(labels, a=here, b=there, s=subject, k=kind, o=occurred):
                    return gettext(
                        "%(a)s and %(b)s took part in %(kind)s “%(subject)s” on %(date)s"
                    ) % {
                        "a": labels[a],
                        "b": labels[b],
                        "kind": kinds.get(k, k),
                        "subject": s,
                        "date": o,
                    }

                links.append(
                    PathLink(
                        ("interaction", pk, *sorted((here, there))),
                        here,
                        there,
                        "interaction",
                        occurred,
                        describe,
                    )
                )
    return links


def edge_sources():
    """crm's own edge sources, then those apps above it register."""
    sources = [affiliation_links, relationship_links, interaction_links]
    for hook in hooks.get_hooks(PATH_EDGES_HOOK):
        sources.extend(hook())
    return sources


def _links(nodes, sources):
    links = {}
    for source in sources:
        for link in source(nodes):
            links.setdefault(link.key, link)
    return links.values()


def shortest_paths(a, b, *, max_hops=6, limit=5):
    """Up to `limit` shortest chains of steps from a to b, each step pointing towards b.

    [] when a is b or no chain of at most max_hops exists.
    """
    start, goal = node_key(a), node_key(b)
    if start == goal:
        return []
    sources = edge_sources()
    reached = ({start: 0}, {goal: 0})
    # For each end: node -> [(the node one step nearer that end, link)], all equally near.
    parents = ({}, {})
    frontiers = [{start}, {goal}]
    depths = [0, 0]
    while depths[0] + depths[1] < max_hops and frontiers[0] and frontiers[1]:
        side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
        mine, theirs = reached[side], reached[1 - side]
        depths[side] += 1
        found = set()
        for link in _links(frontiers[side], sources):
            for here, there in ((link.source, link.target), (link.target, link.source)):
                if here not in frontiers[side] or (there in mine and there not in found):
                    continue
                mine[there] = depths[side]
                found.add(there)
                parents[side].setdefault(there, []).append((here, link))
        frontiers[side] = found
        meetings = [node for node in found if node in theirs]
        if meetings:
            best = min(mine[node] + theirs[node] for node in meetings)
            meetings = sorted(node for node in meetings if mine[node] + theirs[node] == best)
            return _paths(meetings, parents, limit)
    return []


def _chains(node, parents):
    """Every chain of (nearer, farther, link) from an end's root to node."""
    if node not in parents:
        yield []
        return
    for nearer, link in parents[node]:
        for chain in _chains(nearer, parents):
            yield [*chain, (nearer, node, link)]


def _paths(meetings, parents, limit):
    raw = []
    for meeting in meetings:
        for head in _chains(meeting, parents[0]):
            for tail in _chains(meeting, parents[1]):
                # The goal's side was walked from the goal: turn its steps round.
                raw.append([*head, *[(b, a, link) for a, b, link in reversed(tail)]])
                if len(raw) >= limit:
                    break
            if len(raw) >= limit:
                break
        if len(raw) >= limit:
            break
    labels = node_labels({end for path in raw for a, b, _link in path for end in (a, b)})
    return [
        [
            Step(
                source=labelled_node(a, labels),
                target=labelled_node(b, labels),
                kind=link.kind,
                date=link.date,
                text=link.describe(labels),
            )
            for a, b, link in path
        ]
        for path in raw
    ]


def office():
    """The home organisation, where paths start unless a colleague is chosen."""
    return Organisation.objects.home().first()


def colleagues():
    """People who work for the office (its departments included), today or with a login."""
    home = Q(affiliations__organisation__is_home=True) | Q(
        affiliations__organisation__parent__is_home=True
    )
    return (
        Person.objects.filter(home | Q(user__isnull=False), erased_at__isnull=True)
        .distinct()
        .order_by("family_name", "given_name")
    )

"""Reads over the CRM: titles and precedence, the relationship graph, agreements and ties.

The graph has two kinds of node, people and organisations, and two kinds of edge:
affiliations (person to organisation) and relationships (organisation to organisation).
Graph selectors walk it breadth-first, one hop at a time, fetching every edge that touches
the current frontier in one query per edge table; the number of queries therefore grows with
the hops walked, never with the size of the graph.
"""

import calendar
import datetime
import json
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Exists, F, Min, OuterRef, Q, Subquery
from django.db.models.expressions import RawSQL
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname, get_language, resolution_order

from .. import names
from ..enums import OfficeRank, RelationshipStatus, RelationshipType
from ..models import (
    Affiliation,
    Interaction,
    Organisation,
    Person,
    Relationship,
    RelationshipRenewal,
)

PERSON = "person"
ORGANISATION = "organisation"
AFFILIATION = "affiliation"
RELATIONSHIP = "relationship"

CITY_TIE_TYPES = (RelationshipType.SISTER_CITY, RelationshipType.FRIENDSHIP_CITY)
ANNIVERSARY_YEARS = (5, 10, 20, 25, 30)

# Up to this many ids go into SQL as literal parameters; beyond it they travel as one
# array parameter, so a huge frontier is still one query and never hits parameter limits.
INLINE_ID_LIMIT = 500


# Precedence ------------------------------------------------------------------------------


# Which affiliation is a person's title on a date: the primary one, else the highest office,
# else the latest started; the single and the bulk reads below both choose by this.
TITLE_ORDER = ("-is_primary", "office_rank", F("start_date").desc(nulls_last=True), "pk")


def title_as_of(person, date):
    """The affiliation to print for a person on a date: the primary one, else the highest."""
    return titles_as_of([person], date)[person.pk]


def titles_as_of(people, date):
    """The affiliation to print per person pk on a date (None if none), in one query."""
    pks = [getattr(person, "pk", person) for person in people]
    chosen = dict.fromkeys(pks)
    held = (
        Affiliation.objects.as_of(date)
        .filter(person__in=pks)
        .select_related("organisation")
        .order_by(*TITLE_ORDER)
    )
    for affiliation in held:
        if chosen[affiliation.person_id] is None:
            chosen[affiliation.person_id] = affiliation
    return chosen


def precedence_ranks(people, date):
    """Protocol rank per person pk on a date, in one query for any number of people."""
    people = list(people)
    held = dict(
        Affiliation.objects.as_of(date)
        .filter(person__in=[person.pk for person in people])
        .order_by()
        .values("person")
        .annotate(best=Min("office_rank"))
        .values_list("person", "best")
    )
    return {
        person.pk: (
            person.precedence_override
            if person.precedence_override is not None
            else held.get(person.pk, OfficeRank.PRIVATE)
        )
        for person in people
    }


def precedence_rank(person, date):
    """A person's protocol rank on a date; lower comes first."""
    return precedence_ranks([person], date)[person.pk]


def order_by_precedence(people, date):
    """People in protocol order on a date; equal ranks by family name, then as given."""
    people = list(people)
    ranks = precedence_ranks(people, date)
    # sorted() is stable, so people the rules cannot tell apart keep the caller's order.
    return sorted(people, key=lambda person: (ranks[person.pk], names.sort_key(person)))


# The graph ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    """A person or an organisation; two nodes are equal when kind and pk are."""

    kind: str
    pk: int
    label: str = field(compare=False)


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


def _key(record):
    if isinstance(record, Person):
        return (PERSON, record.pk)
    if isinstance(record, Organisation):
        return (ORGANISATION, record.pk)
    raise TypeError(f"Expected a Person or an Organisation, got {type(record).__name__}.")


def _ids(ids):
    """A value for a `__in` lookup that stays one query with one parameter for many ids."""
    ids = sorted(ids)
    if len(ids) <= INLINE_ID_LIMIT:
        return ids
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", (ids,))
    if connection.vendor == "sqlite":
        return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(ids),))
    return ids


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


def _localised(model, field):
    """The columns of a translated field in the active language's fallback order."""
    fallbacks = getattr(model, field).fallback_languages
    return [
        build_localized_fieldname(field, code)
        for code in resolution_order(get_language(), fallbacks)
    ]


def _first_filled(values):
    # modeltranslation's own rule: an empty translation falls back to the next language.
    return next((value for value in values if value), "")


def _links_touching(nodes, *, date, types):
    """Every affiliation and tie in force touching the nodes: at most one query per table."""
    people = [pk for kind, pk in nodes if kind == PERSON]
    organisations = [pk for kind, pk in nodes if kind == ORGANISATION]
    links = []
    if people or organisations:
        touching = Q()
        if people:
            touching |= Q(person_id__in=_ids(people))
        if organisations:
            touching |= Q(organisation_id__in=_ids(organisations))
        # Plain rows (rewrite off): modeltranslation's per-row fallback costs more than the query.
        rows = (
            Affiliation.objects.rewrite(False)
            .as_of(date)
            .filter(touching)
            .order_by()
            .values_list(
                "pk", "person_id", "organisation_id", *_localised(Affiliation, "position_title")
            )
        )
        links += [
            _Link(
                (AFFILIATION, pk),
                (PERSON, person),
                (ORGANISATION, org),
                AFFILIATION,
                _first_filled(titles),
            )
            for pk, person, org, *titles in sorted(rows)
        ]
    if organisations:
        ids = _ids(organisations)
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


def _labels(keys):
    """Node labels by key: organisation names in the active language, people's names."""
    people = [pk for kind, pk in keys if kind == PERSON]
    organisations = [pk for kind, pk in keys if kind == ORGANISATION]
    labels = {}
    if organisations:
        rows = (
            Organisation.objects.rewrite(False)
            .filter(pk__in=_ids(organisations))
            .order_by()
            .values_list("pk", *_localised(Organisation, "name"))
        )
        labels.update(((ORGANISATION, pk), _first_filled(localised)) for pk, *localised in rows)
    if people:
        # Named rows carry just the attributes format_name() reads for a Latin-script name.
        rows = (
            Person.objects.filter(pk__in=_ids(people))
            .order_by()
            .values_list("pk", "family_name", "given_name", "name_order", named=True)
        )
        labels.update(((PERSON, row.pk), names.format_name(row)) for row in rows)
    return labels


def _node(key, labels):
    return Node(kind=key[0], pk=key[1], label=labels.get(key, ""))


def _edge(link, labels, *, reverse=False):
    source, target = (link.target, link.source) if reverse else (link.source, link.target)
    return Edge(_node(source, labels), _node(target, labels), link.kind, link.label)


def neighbours(record, *, hops=2, as_of=None, types=None):
    """The people and organisations within `hops` of a record on a date (default today).

    types limits the relationship types walked (None: all); affiliations always count.
    Edges are those walked from nodes nearer than `hops`, in the order they were found.
    """
    date = as_of or timezone.localdate()
    centre = _key(record)
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
    labels = _labels(distances)
    return Neighbourhood(
        centre=_node(centre, labels),
        distances={_node(key, labels): distance for key, distance in distances.items()},
        edges=[_edge(link, labels) for link in links.values()],
    )


def shortest_path(a, b, *, as_of=None, types=None, max_hops=6):
    """The shortest chain of edges from a to b on a date, each edge pointing from a towards b.

    Searches from both ends at once, always widening the smaller frontier by one hop.
    None when no path of at most max_hops exists; [] when a is b.
    """
    date = as_of or timezone.localdate()
    start, goal = _key(a), _key(b)
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
    labels = _labels({end for before, after, _link in steps for end in (before, after)})
    return [_edge(link, labels, reverse=link.source != before) for before, _after, link in steps]


# Sister cities, agreements and dormant ties -------------------------------------------------


def sister_cities_in_order(*, as_of=None):
    """The home city's sister and friendship ties in signing order, numbered from 1.

    A partner counts once: a later tie with the same city (say an upgrade from friendship to
    sister city) carries the number the city first received. Ended ties keep their number,
    since the numbering is history; as_of leaves out ties signed after that date. A number a
    source states (the report's "Suwon, the 34th") stands, and later ties count on from it.
    Ties without a date come last with no number: nobody knows where they belong.
    """
    ties = (
        Relationship.objects.filter(Q(source__is_home=True) | Q(target__is_home=True))
        .filter(type__in=CITY_TIE_TYPES)
        .exclude(status=RelationshipStatus.PROPOSED)
        .select_related("source", "target")
        .order_by(F("signed_on").asc(nulls_last=True), "pk")
    )
    if as_of is not None:
        ties = ties.filter(Q(signed_on__lte=as_of) | Q(signed_on__isnull=True))
    ordinals = {}
    counted = 0
    numbered = []
    for tie in ties:
        partner = tie.target_id if tie.source.is_home else tie.source_id
        if partner not in ordinals:
            if tie.signed_on is None:
                ordinals[partner] = None
            else:
                counted = max(counted + 1, tie.stated_ordinal or 0)
                ordinals[partner] = counted
        numbered.append((ordinals[partner], tie))
    return numbered


@dataclass(frozen=True)
class AgreementDue:
    """A tie needing attention on a date: its renewal, or a round anniversary (years)."""

    relationship: Relationship
    date: datetime.date
    reason: str
    years: int | None = None


RENEWAL = "renewal"
ANNIVERSARY = "anniversary"


def anniversary(signed_on, years):
    """The date a tie turns `years` old; a 29 February signing is marked on 28 February."""
    try:
        return signed_on.replace(year=signed_on.year + years)
    except ValueError:
        return signed_on.replace(year=signed_on.year + years, day=28)


def agreements_due(*, within_days, today=None):
    """Active ties whose expiry or a 5/10/20/25/30-year anniversary falls within N days."""
    today = today or timezone.localdate()
    until = today + datetime.timedelta(days=within_days)
    signed_years = {
        year - years for year in range(today.year, until.year + 1) for years in ANNIVERSARY_YEARS
    }
    latest_renewal = RelationshipRenewal.objects.filter(relationship=OuterRef("pk")).order_by(
        "-renewed_on"
    )
    ties = (
        Relationship.objects.active()
        .annotate(renewed_expiry=Subquery(latest_renewal.values("expires_on")[:1]))
        .filter(
            Q(renewed_expiry__range=(today, until))
            | Q(renewed_expiry__isnull=True, expires_on__range=(today, until))
            | Q(signed_on__year__in=signed_years)
        )
        .select_related("source", "target")
    )
    due = []
    for tie in ties:
        expiry = tie.renewed_expiry or tie.expires_on
        if expiry and today <= expiry <= until:
            due.append(AgreementDue(tie, expiry, RENEWAL))
        for years in ANNIVERSARY_YEARS if tie.signed_on else ():
            date = anniversary(tie.signed_on, years)
            if today <= date <= until:
                due.append(AgreementDue(tie, date, ANNIVERSARY, years))
    return sorted(due, key=lambda item: (item.date, item.relationship.pk, item.reason))


def months_before(day, months):
    """The same day `months` calendar months earlier, clamped to that month's last day."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last_day))


def dormant_ties(*, months, today=None):
    """Active ties in force with no interaction in the last N months (and older than that).

    An interaction counts when it names the tie, or names both of its organisations.
    """
    today = today or timezone.localdate()
    since = months_before(today, months)
    recent = Interaction.objects.filter(occurred_on__range=(since, today))
    return list(
        Relationship.objects.active()
        .as_of(today)
        # A tie signed within the window has not had N months to fall silent.
        .exclude(signed_on__gt=since)
        .exclude(Exists(recent.filter(relationship=OuterRef("pk"))))
        .exclude(
            Exists(
                recent.filter(organisations=OuterRef("source")).filter(
                    organisations=OuterRef("target")
                )
            )
        )
        .select_related("source", "target")
        .order_by(F("signed_on").asc(nulls_first=True), "pk")
    )


def principal_candidates(*, as_of=None, include=()):
    """People whose presence events and items may need: those holding, on `as_of`, an office of
    deputy rank or higher at the home organisation (the mayor, the deputy mayors), plus any
    already chosen (`include`, pks), in precedence order."""
    date = as_of or timezone.localdate()
    current = Affiliation.objects.filter(
        Q(start_date__isnull=True) | Q(start_date__lte=date),
        Q(end_date__isnull=True) | Q(end_date__gte=date),
        organisation__is_home=True,
        office_rank__lte=OfficeRank.DEPUTY,
    )
    return (
        Person.objects.filter(Q(pk__in=current.values("person_id")) | Q(pk__in=list(include)))
        .annotate(
            best_rank=Min(
                "affiliations__office_rank", filter=Q(affiliations__organisation__is_home=True)
            )
        )
        .order_by(F("best_rank").asc(nulls_last=True), "family_name", "given_name", "pk")
    )

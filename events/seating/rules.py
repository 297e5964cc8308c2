"""The seating rules: guests, seats and the rules a plan can break, checked on plain data.

Positions on a round table are numbered 1..size around it. Seat 1 is the table's anchor
(the host, a co-host or a local host); seat 2 is on the anchor's right and seat `size` on the
anchor's left, so guests in precedence order take 2, size, 3, size - 1, ... (alternating
outwards). Empty chairs are taken away, so a guest's neighbours are the next occupied seats
on either side.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext, gettext_noop

HARD = "hard"
SOFT = "soft"

CAPACITY = "capacity"
SEATED_TWICE = "seated_twice"
NOT_SEATED = "not_seated"
INTERPRETER_APART = "interpreter_apart"
GUEST_OF_HONOUR = "guest_of_honour"
LANGUAGE_ISOLATION = "language_isolation"
DELEGATION_CLUSTER = "delegation_cluster"

SEVERITY = {
    CAPACITY: HARD,
    SEATED_TWICE: HARD,
    NOT_SEATED: HARD,
    INTERPRETER_APART: HARD,
    GUEST_OF_HONOUR: HARD,
    LANGUAGE_ISOLATION: SOFT,
    DELEGATION_CLUSTER: SOFT,
}

# Messages are kept untranslated with their parameters, so that a stored warning is shown
# in the language of whoever reads it, not of whoever generated the plan.
MESSAGES = {
    "table_full": (
        CAPACITY,
        gettext_noop("Table %(table)s has %(count)s guests for %(size)s seats."),
    ),
    "seat_taken": (
        CAPACITY,
        gettext_noop("Seat %(position)s at table %(table)s is given to more than one guest."),
    ),
    "no_such_seat": (CAPACITY, gettext_noop("Table %(table)s has no seat %(position)s.")),
    "no_such_table": (CAPACITY, gettext_noop("Table %(table)s is not in the plan.")),
    "seated_twice": (SEATED_TWICE, gettext_noop("%(name)s is seated %(count)s times.")),
    "not_seated": (NOT_SEATED, gettext_noop("%(name)s has no seat.")),
    "interpreter_apart": (
        INTERPRETER_APART,
        gettext_noop("Interpreter %(name)s is not beside %(principal)s."),
    ),
    "companion_apart": (
        INTERPRETER_APART,
        gettext_noop("%(name)s is not beside %(principal)s, who brought them."),
    ),
    "guest_of_honour": (
        GUEST_OF_HONOUR,
        gettext_noop("The guest of honour, %(name)s, is not at the host's right."),
    ),
    "language_isolation": (
        LANGUAGE_ISOLATION,
        gettext_noop("%(name)s shares no language with either neighbour."),
    ),
    "delegation_cluster": (
        DELEGATION_CLUSTER,
        gettext_noop(
            "Table %(table)s seats %(count)s members of one delegation; an even spread is %(fair)s."
        ),
    ),
}


@dataclass(frozen=True)
class Guest:
    key: int
    name: str = ""
    rank: int = 110
    delegation: int | None = None
    languages: frozenset[str] = frozenset()
    serves: int | None = None
    is_host: bool = False
    is_cohost: bool = False
    is_local: bool = False
    # Chosen for the event (the partner who signs, say), whatever their rank.
    is_guest_of_honour: bool = False
    # A companion serves (sits beside) the guest who brought them, as an interpreter does.
    is_companion: bool = False


@dataclass(frozen=True)
class SeatAssignment:
    table: int
    position: int
    guest: int


@dataclass(frozen=True)
class Violation:
    kind: str
    params: dict = field(default_factory=dict, hash=False)
    guests: tuple[int, ...] = ()
    table: int | None = None

    @property
    def code(self):
        return MESSAGES[self.kind][0]

    @property
    def message(self):
        return gettext(MESSAGES[self.kind][1]) % self.params

    @property
    def severity(self):
        return SEVERITY[self.code]

    @property
    def is_hard(self):
        return self.severity == HARD


@dataclass
class SeatingResult:
    seats: list[SeatAssignment]
    violations: list[Violation]
    tables: int
    table_size: int

    @property
    def hard_violations(self):
        return [v for v in self.violations if v.is_hard]

    @property
    def soft_violations(self):
        return [v for v in self.violations if not v.is_hard]


def precedence_key(guest):
    """The chosen guest of honour first; then lower rank; visitors before the home side at
    equal rank; then by name."""
    return (
        not guest.is_guest_of_honour,
        guest.rank,
        guest.is_local,
        guest.name.casefold(),
        guest.key,
    )


def ring_of(table_seats):
    """Seats of one table in position order, as the occupied ring a guest sees."""
    return sorted(table_seats, key=lambda s: s.position)


def neighbours_by_guest(seats):
    """{guest key: keys of the guests in the occupied seats either side}."""
    by_table = defaultdict(list)
    for seat in seats:
        by_table[seat.table].append(seat)
    neighbours = {}
    for table_seats in by_table.values():
        ring = ring_of(table_seats)
        n = len(ring)
        for i, seat in enumerate(ring):
            if n == 1:
                neighbours[seat.guest] = ()
            elif n == 2:
                neighbours[seat.guest] = (ring[1 - i].guest,)
            else:
                neighbours[seat.guest] = (ring[i - 1].guest, ring[(i + 1) % n].guest)
    return neighbours


def is_isolated(guest, neighbour_keys, by_key):
    """Whether a guest who speaks some language shares none with any of their neighbours."""
    if not guest.languages or not neighbour_keys:
        return False
    return not any(guest.languages & by_key[k].languages for k in neighbour_keys if k in by_key)


def guest_of_honour(guests):
    """The chosen guest of honour, else the guest of highest precedence who is not the host,
    a co-host or an interpreter."""
    keys = {g.key for g in guests}
    candidates = [
        g
        for g in guests
        if not g.is_host and not g.is_cohost and (g.serves is None or g.serves not in keys)
    ]
    return min(candidates, key=precedence_key, default=None)


def check_seating(guests, seats, *, table_size, tables=None, keep_delegations_together=False):
    """List the rules a set of seats breaks (hard rules first, then soft)."""
    by_key = {g.key: g for g in guests}
    found = []
    per_guest = Counter(s.guest for s in seats)
    per_seat = Counter((s.table, s.position) for s in seats)
    per_table = Counter(s.table for s in seats)
    ordered = sorted(guests, key=precedence_key)

    for table, count in sorted(per_table.items()):
        if count > table_size:
            params = {"table": table, "count": count, "size": table_size}
            found.append(Violation("table_full", params, table=table))
        if tables is not None and not 1 <= table <= tables:
            found.append(Violation("no_such_table", {"table": table}, table=table))
    for (table, position), count in sorted(per_seat.items()):
        params = {"position": position, "table": table}
        if not 1 <= position <= table_size:
            found.append(Violation("no_such_seat", params, table=table))
        if count > 1:
            found.append(Violation("seat_taken", params, table=table))
    for key, count in sorted(per_guest.items()):
        if count > 1:
            params = {"name": _name(by_key, key), "count": count}
            found.append(Violation("seated_twice", params, guests=(key,)))
    for guest in ordered:
        if guest.key not in per_guest:
            found.append(Violation("not_seated", {"name": guest.name}, guests=(guest.key,)))

    place = {s.guest: s for s in seats}
    neighbours = neighbours_by_guest(seats)
    for guest in ordered:
        if guest.serves is None or guest.serves not in by_key or guest.key not in place:
            continue
        if guest.serves not in neighbours.get(guest.key, ()):
            params = {"name": guest.name, "principal": by_key[guest.serves].name}
            found.append(
                Violation(
                    "companion_apart" if guest.is_companion else "interpreter_apart",
                    params,
                    guests=(guest.key, guest.serves),
                    table=place[guest.key].table,
                )
            )

    host = next((g for g in guests if g.is_host), None)
    honour = guest_of_honour(guests)
    if host is not None and honour is not None and host.key in place:
        host_seat = place[host.key]
        if host_seat.position != 1 or _right_of(seats, host_seat) != honour.key:
            found.append(
                Violation(
                    "guest_of_honour",
                    {"name": honour.name},
                    guests=(honour.key, host.key),
                    table=host_seat.table,
                )
            )

    for guest in ordered:
        near = neighbours.get(guest.key)
        if near and is_isolated(guest, near, by_key):
            found.append(
                Violation(
                    "language_isolation",
                    {"name": guest.name},
                    guests=(guest.key,),
                    table=place[guest.key].table,
                )
            )

    if not keep_delegations_together:
        found.extend(_clusters(guests, seats, tables or len(per_table) or 1))
    return sorted(found, key=lambda v: (not v.is_hard, v.table or 0))


def _right_of(seats, seat):
    """The guest in the next occupied seat on the right of a seat, if any."""
    later = [s for s in seats if s.table == seat.table and s.position > seat.position]
    return min(later, key=lambda s: s.position).guest if later else None


def _clusters(guests, seats, tables):
    """Delegations holding more seats at a table than an even spread over the tables gives."""
    by_key = {g.key: g for g in guests}

    def member(key):
        guest = by_key.get(key)
        return (
            guest
            if guest is not None
            and guest.delegation is not None
            and not (guest.serves is not None and guest.serves in by_key)
            else None
        )

    sizes = Counter(g.delegation for g in guests if member(g.key))
    at_table = defaultdict(lambda: defaultdict(list))
    for seat in seats:
        guest = member(seat.guest)
        if guest is not None:
            at_table[seat.table][guest.delegation].append(seat.guest)
    found = []
    for table in sorted(at_table):
        for delegation, keys in sorted(at_table[table].items()):
            fair = max(1, math.ceil(sizes[delegation] / tables))
            # The host table seats by precedence alone, so it may hold a delegation's head
            # and deputy together; elsewhere more than an even share is clustering.
            allowed = fair + 1 if table == 1 else fair
            if len(keys) > allowed:
                params = {"table": table, "count": len(keys), "fair": fair}
                found.append(
                    Violation("delegation_cluster", params, guests=tuple(sorted(keys)), table=table)
                )
    return found


def _name(by_key, key):
    guest = by_key.get(key)
    return guest.name if guest is not None else str(key)

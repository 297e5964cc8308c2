"""The plan maker: seat guests by protocol precedence, a pure function on plain data, no ORM.

Seat numbering and the rules a plan is checked against are in rules.py.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .rules import (
    Guest,
    SeatAssignment,
    SeatingResult,
    check_seating,
    is_isolated,
    precedence_key,
    ring_of,
)

# The home side (is_local) hosts the tables its members sit at.
LOCAL = "local"


@dataclass
class _Unit:
    """A principal and the interpreters who must sit beside them."""

    principal: Guest
    interpreters: list[Guest] = field(default_factory=list)

    @property
    def size(self):
        return 1 + len(self.interpreters)

    @property
    def group(self):
        guest = self.principal
        if guest.delegation is not None:
            return guest.delegation
        # Guests who came on their own (an envoy, say) form a group of one.
        return LOCAL if guest.is_local else ("guest", guest.key)


def seat_guests(guests, *, table_size=10, tables=None, keep_delegations_together=False):
    """Seat every guest once by precedence; return seats and the rules the plan breaks."""
    if table_size < 2:
        raise ValueError("table_size must be at least 2")
    guests = list(guests)
    units, anchors_host, cohosts = _build_units(guests, table_size)
    needed = sum(unit.size for unit in units)
    count = tables if tables else max(1, math.ceil(needed / table_size))
    while True:
        layout, unseated = _assign_tables(
            units,
            anchors_host,
            cohosts,
            tables=count,
            size=table_size,
            together=keep_delegations_together,
        )
        # A computed table count may fall one short when interpreters cannot be split
        # from their principals; a count the staff chose is kept and the overflow reported.
        if not unseated or tables or count >= len(guests):
            break
        count += 1
    seats = []
    for number, table_units in enumerate(layout, start=1):
        seats.extend(_place_at_table(number, table_units, table_size))
    seats = _improve_languages(seats, {g.key: g for g in guests}, table_size)
    violations = check_seating(
        guests,
        seats,
        table_size=table_size,
        tables=count,
        keep_delegations_together=keep_delegations_together,
    )
    return SeatingResult(seats=seats, violations=violations, tables=count, table_size=table_size)


def _build_units(guests, table_size):
    by_key = {g.key: g for g in guests}
    ordered = sorted(guests, key=precedence_key)
    units = {}
    for guest in ordered:
        if guest.serves is None or guest.serves not in by_key or guest.serves == guest.key:
            units[guest.key] = _Unit(guest)
    for guest in ordered:
        if guest.key not in units:
            # An interpreter serving an interpreter sits with that interpreter's principal;
            # a loop of interpreters serving each other has no principal and sits alone.
            principal, seen = guest.serves, {guest.key}
            while principal not in units and principal not in seen:
                seen.add(principal)
                principal = by_key[principal].serves
            if principal in units:
                units[principal].interpreters.append(guest)
            else:
                units[guest.key] = _Unit(guest)
    # A principal with more interpreters than a table has chairs beside them keeps those that
    # fit; the others sit as guests of their own (and the check reports them apart).
    for unit in list(units.values()):
        while unit.size > table_size:
            extra = unit.interpreters.pop()
            units[extra.key] = _Unit(extra)
    unit_list = sorted(units.values(), key=lambda u: precedence_key(u.principal))
    host = next((u for u in unit_list if u.principal.is_host), None)
    cohosts = [u for u in unit_list if u.principal.is_cohost and u is not host]
    return unit_list, host, cohosts


def _assign_tables(units, host, cohosts, *, tables, size, together):
    layout = [[] for _ in range(tables)]
    free = [size] * tables
    placed = set()

    def put(unit, index):
        layout[index].append(unit)
        free[index] -= unit.size
        placed.add(id(unit))

    # The host table: the host (or the first guest) and the guests of highest precedence.
    anchoring_cohosts = cohosts[: tables - 1]
    reserved = {id(u) for u in anchoring_cohosts}
    first = host or next((u for u in units if id(u) not in reserved), None)
    if first is not None and first.size <= free[0]:
        put(first, 0)
    # The guest of honour belongs at the host's right even when their interpreters leave no
    # room at the host table; the interpreters then sit elsewhere (reported as apart).
    honour = next((u for u in units if id(u) not in placed and id(u) not in reserved), None)
    while honour is not None and honour.size > free[0] and honour.interpreters:
        units.append(_Unit(honour.interpreters.pop()))
    for unit in units:
        if id(unit) in placed or id(unit) in reserved:
            continue
        if unit.size <= free[0]:
            put(unit, 0)
        if free[0] == 0:
            break

    # Other tables are anchored by a co-host, else by the senior local guest left.
    remaining_locals = [u for u in units if id(u) not in placed and u.group == LOCAL]
    for index in range(1, tables):
        anchor = None
        if index - 1 < len(anchoring_cohosts):
            anchor = anchoring_cohosts[index - 1]
        else:
            while remaining_locals and id(remaining_locals[0]) in placed:
                remaining_locals.pop(0)
            if remaining_locals:
                anchor = remaining_locals.pop(0)
        if anchor is not None and anchor.size <= free[index]:
            put(anchor, index)

    rest = [u for u in units if id(u) not in placed]
    if together:
        best = {}
        for unit in rest:
            best.setdefault(unit.group, precedence_key(unit.principal))
        rest.sort(key=lambda u: (u.group == LOCAL, best[u.group], precedence_key(u.principal)))
    counts = [Counter(u.group for u in table) for table in layout]
    unseated = []
    for unit in rest:
        index = _choose_table(unit, free, counts, together)
        if index is None:
            index = _make_room(unit, layout, free, counts)
        if index is None:
            unseated.append(unit)
            continue
        put(unit, index)
        counts[index][unit.group] += 1
    if not together:
        _even_out(layout, units)
    _pair_languages(layout, units, together)
    return layout, unseated


def _even_out(layout, units):
    """Swap single guests between tables (not the host table) where a delegation has more
    than its even share: the last guests placed by precedence have the least choice left."""
    tables = len(layout)
    sizes = Counter(u.group for u in units if isinstance(u.group, int))
    fair = {group: max(1, math.ceil(size / tables)) for group, size in sizes.items()}
    counts = [Counter(u.group for u in table) for table in layout]

    def over(index, group):
        return isinstance(group, int) and counts[index][group] > fair[group]

    def fits(index, group):
        return not isinstance(group, int) or counts[index][group] + 1 <= fair[group]

    for a in range(1, tables):
        for unit in list(layout[a][1:]):
            if unit.size != 1 or not over(a, unit.group):
                continue
            for b in range(1, tables):
                if b == a or not fits(b, unit.group):
                    continue
                other = next(
                    (
                        u
                        for u in layout[b][1:]
                        if u.size == 1 and u.group != unit.group and fits(a, u.group)
                    ),
                    None,
                )
                if other is None:
                    continue
                layout[a][layout[a].index(unit)] = other
                layout[b][layout[b].index(other)] = unit
                counts[a][unit.group] -= 1
                counts[b][unit.group] += 1
                counts[b][other.group] -= 1
                counts[a][other.group] += 1
                break


def _unit_languages(unit):
    return [guest.languages for guest in (unit.principal, *unit.interpreters)]


def _isolated_at(table_units):
    """How many guests at a table share no language with anyone else there."""
    spoken = [langs for unit in table_units for langs in _unit_languages(unit)]
    return sum(
        1
        for index, langs in enumerate(spoken)
        if langs and not any(langs & other for j, other in enumerate(spoken) if j != index)
    )


def _pair_languages(layout, units, together):
    """Swap single guests between tables (not the host table) so that fewer guests sit at a
    table where nobody shares a language with them, without breaking the even spread."""
    tables = len(layout)
    sizes = Counter(u.group for u in units if isinstance(u.group, int))
    fair = {group: max(1, math.ceil(size / tables)) for group, size in sizes.items()}
    counts = [Counter(u.group for u in table) for table in layout]

    def allowed(index, arriving, leaving):
        group = arriving.group
        if group == leaving.group or not isinstance(group, int):
            return True
        # A delegation kept together stays at its table; a spread one keeps its even share.
        return not together and counts[index][group] + 1 <= fair[group]

    for a in range(1, tables):
        for unit in list(layout[a][1:]):
            if unit.size != 1 or not unit.principal.languages:
                continue
            rest_a = [u for u in layout[a] if u is not unit]
            if any(
                unit.principal.languages & langs for u in rest_a for langs in _unit_languages(u)
            ):
                continue
            before_a = _isolated_at(layout[a])
            for b in range(1, tables):
                if b == a:
                    continue
                if not any(
                    unit.principal.languages & langs
                    for u in layout[b]
                    for langs in _unit_languages(u)
                ):
                    continue
                before = before_a + _isolated_at(layout[b])
                swap = None
                for other in layout[b][1:]:
                    if (
                        other.size != 1
                        or not allowed(b, unit, other)
                        or not allowed(a, other, unit)
                    ):
                        continue
                    new_a = [*rest_a, other]
                    new_b = [u if u is not other else unit for u in layout[b]]
                    if _isolated_at(new_a) + _isolated_at(new_b) < before:
                        swap = other
                        break
                if swap is None:
                    continue
                layout[a][layout[a].index(unit)] = swap
                layout[b][layout[b].index(swap)] = unit
                for index, gone, came in ((a, unit, swap), (b, swap, unit)):
                    counts[index][gone.group] -= 1
                    counts[index][came.group] += 1
                break


def _choose_table(unit, free, counts, together):
    candidates = [i for i in range(1, len(free)) if free[i] >= unit.size]
    if not candidates and free[0] >= unit.size:
        candidates = [0]
    if not candidates:
        return None
    if together:
        # Join the table already holding most of the delegation, else the first with room.
        return min(candidates, key=lambda i: (-counts[i][unit.group], i))
    # Spread: the table holding fewest of this delegation, senior tables first.
    return min(candidates, key=lambda i: (counts[i][unit.group], i))


def _make_room(unit, layout, free, counts):
    """Free two adjacent chairs for an interpreter's principal by moving a single guest."""
    for target in range(1, len(layout)):
        if free[target] < 1:
            continue
        needed = unit.size - free[target]
        movable = [u for u in layout[target][1:] if u.size == 1][:needed]
        if len(movable) < needed:
            continue
        destinations = [i for i in range(1, len(layout)) if i != target and free[i] >= 1]
        if sum(free[i] for i in destinations) < needed:
            continue
        for single in movable:
            dest = next(i for i in destinations if free[i] >= 1)
            layout[target].remove(single)
            free[target] += 1
            counts[target][single.group] -= 1
            layout[dest].append(single)
            free[dest] -= 1
            counts[dest][single.group] += 1
        return target
    return None


def _place_at_table(number, units, size):
    """Anchor at seat 1, then units alternate right and left, each interpreter outward."""
    if not units:
        return []
    seats = []
    # Co-hosts who found no table to anchor yield the places of honour to guests.
    anchor, others = (
        units[0],
        sorted(units[1:], key=lambda u: (u.principal.is_cohost, precedence_key(u.principal))),
    )
    seats.append(SeatAssignment(number, 1, anchor.principal.key))
    right, left = 2, size
    # The anchor's own interpreters go to the left so that the right stays the guest of honour's.
    for interpreter in anchor.interpreters:
        seats.append(SeatAssignment(number, left, interpreter.key))
        left -= 1
    to_right = True
    for unit in others:
        members = [unit.principal, *unit.interpreters]
        if to_right:
            for guest in members:
                seats.append(SeatAssignment(number, right, guest.key))
                right += 1
        else:
            for guest in members:
                seats.append(SeatAssignment(number, left, guest.key))
                left -= 1
        to_right = not to_right
    return seats


def _improve_languages(seats, by_key, size):
    """Swap single guests within a table so fewer guests share no language with a neighbour."""
    fixed = {g.key for g in by_key.values() if g.serves is not None}
    fixed |= {g.serves for g in by_key.values() if g.serves is not None}
    by_table = defaultdict(list)
    for seat in seats:
        by_table[seat.table].append(seat)
    result = []
    for number, table_seats in by_table.items():
        ring = ring_of(table_seats)
        guests = [s.guest for s in ring]
        # The anchor keeps seat 1; at the host table the guests at the host's right and
        # left keep theirs, because precedence puts them there.
        locked = {0}
        if number == 1 and len(ring) > 1:
            locked |= {1, len(ring) - 1}
        swappable = [i for i in range(len(ring)) if i not in locked and guests[i] not in fixed]

        def isolated_count(order):
            n = len(order)
            total = 0
            for i, key in enumerate(order):
                near = () if n == 1 else {order[i - 1], order[(i + 1) % n]} - {key}
                total += is_isolated(by_key[key], tuple(near), by_key)
            return total

        current = isolated_count(guests)
        improved = current > 0
        while improved and current > 0:
            improved = False
            for a in swappable:
                for b in swappable:
                    if b <= a:
                        continue
                    guests[a], guests[b] = guests[b], guests[a]
                    score = isolated_count(guests)
                    if score < current:
                        current, improved = score, True
                    else:
                        guests[a], guests[b] = guests[b], guests[a]
        result.extend(SeatAssignment(number, seat.position, key) for seat, key in zip(ring, guests))
    return sorted(result, key=lambda s: (s.table, s.position))

"""The pure seating rules and plan maker (events/seating/rules.py, solver.py): no database."""

import random
from collections import Counter

import pytest
from django.utils import translation

from events.seating import rules
from events.seating.rules import Guest, SeatAssignment, check_seating
from events.seating.solver import seat_guests


def by_guest(result):
    return {seat.guest: (seat.table, seat.position) for seat in result.seats}


def table_order(result, table):
    return [s.guest for s in sorted(result.seats, key=lambda s: s.position) if s.table == table]


def codes(violations):
    return sorted(v.code for v in violations)


def luncheon(count, *, seed=7):
    """A host, four co-hosts, delegations with heads and interpreters, and local hosts."""
    rnd = random.Random(seed)
    guests = [Guest(1, "Host", 60, None, frozenset({"zh", "en"}), is_host=True, is_local=True)]
    guests += [
        Guest(k, f"Co-host {k}", 70, None, frozenset({"zh"}), is_cohost=True, is_local=True)
        for k in range(2, 6)
    ]
    languages = ["ko", "ja", "en", "es", "de", "fr", "th", "vi", "id"]
    key = 6
    while len(guests) < count:
        delegation = rnd.randrange(len(languages))
        language = languages[delegation]
        head = key
        guests.append(
            Guest(key, f"Head {key}", rnd.choice([40, 50, 60]), delegation, frozenset({language}))
        )
        guests.append(
            Guest(key + 1, f"Interp {key}", 100, delegation, frozenset({language, "zh"}), head)
        )
        key += 2
        for _ in range(rnd.randrange(3, 9)):
            spoken = frozenset({language, "en"} if rnd.random() < 0.5 else {language})
            guests.append(Guest(key, f"M {key}", rnd.choice([70, 90, 100]), delegation, spoken))
            key += 1
        for _ in range(rnd.randrange(2, 6)):
            spoken = frozenset({"zh", "en"} if rnd.random() < 0.5 else {"zh"})
            rank = rnd.choice([70, 80, 100])
            guests.append(Guest(key, f"L {key}", rank, None, spoken, is_local=True))
            key += 1
    return guests[:count]


def test_seat_guests_alternates_right_and_left_by_precedence():
    host = Guest(1, "Host", 60, is_host=True, is_local=True)
    guests = [host] + [Guest(k, f"G{k}", 40 + k) for k in range(2, 8)]

    result = seat_guests(guests, table_size=10)

    assert result.tables == 1
    positions = {g: p for g, (_t, p) in by_guest(result).items()}
    # Host at 1, guest of honour at the host's right (2), the next at the left (10), outwards.
    assert positions == {1: 1, 2: 2, 3: 10, 4: 3, 5: 9, 6: 4, 7: 8}
    assert result.violations == []


def test_seat_guests_puts_interpreters_beside_their_principals():
    guests = [
        Guest(1, "Host", 60, is_host=True, is_local=True),
        Guest(2, "Host's interpreter", 100, serves=1, is_local=True),
        Guest(3, "Guest of honour", 40, delegation=1),
        Guest(4, "Interpreter", 100, delegation=1, serves=3),
        Guest(5, "Second guest", 50, delegation=2),
    ]

    result = seat_guests(guests, table_size=10)

    positions = {g: p for g, (_t, p) in by_guest(result).items()}
    # The host's interpreter takes the left so the right stays the guest of honour's.
    assert positions == {1: 1, 2: 10, 3: 2, 4: 3, 5: 9}
    assert result.hard_violations == []


def test_seat_guests_lets_co_hosts_anchor_other_tables():
    guests = [
        Guest(1, "Host", 60, is_host=True, is_local=True),
        Guest(2, "Co-host A", 70, is_cohost=True, is_local=True),
        Guest(3, "Co-host B", 80, is_cohost=True, is_local=True),
    ] + [Guest(k, f"G{k}", 90, delegation=k % 3) for k in range(4, 16)]

    result = seat_guests(guests, table_size=5)

    assert result.tables == 3
    assert [s.guest for s in result.seats if s.position == 1] == [1, 2, 3]


def test_seat_guests_spreads_a_delegation_with_local_hosts():
    host = Guest(1, "Host", 60, is_host=True, is_local=True)
    # Visitors outrank the two local hosts, so the locals are left to anchor tables 2 and 3.
    locals_ = [Guest(k, f"Local {k}", 100, is_local=True) for k in (2, 3)]
    delegation = [Guest(k, f"Member {k}", 90, delegation=7) for k in range(4, 13)]

    result = seat_guests([host, *locals_, *delegation], table_size=4)

    members_per_table = Counter(t for g, (t, _p) in by_guest(result).items() if g >= 4)
    assert members_per_table == {1: 3, 2: 3, 3: 3}
    anchors = {s.table: s.guest for s in result.seats if s.position == 1}
    assert anchors == {1: 1, 2: 2, 3: 3}
    assert result.violations == []


def together_guests():
    return [
        Guest(1, "Host", 60, is_host=True, is_local=True),
        *[Guest(k, f"Senior {k}", 65, is_local=True) for k in (2, 3, 4)],
        *[Guest(k, f"Local {k}", 100, is_local=True) for k in (5, 6)],
        *[Guest(k, f"A{k}", 90, delegation=1) for k in (7, 8, 9)],
        *[Guest(k, f"B{k}", 95, delegation=2) for k in (10, 11, 12)],
    ]


def test_seat_guests_keeps_delegations_together_when_told():
    result = seat_guests(together_guests(), table_size=4, keep_delegations_together=True)

    tables_of = by_guest(result)
    assert {tables_of[k][0] for k in (5, 7, 8, 9)} == {2}
    assert {tables_of[k][0] for k in (6, 10, 11, 12)} == {3}
    assert result.violations == []


def test_seat_guests_spreads_the_same_delegations_by_default():
    result = seat_guests(together_guests(), table_size=4)

    tables_of = by_guest(result)
    assert sorted(tables_of[k][0] for k in (7, 8, 9)) == [2, 2, 3]
    assert sorted(tables_of[k][0] for k in (10, 11, 12)) == [2, 3, 3]
    assert result.hard_violations == []


def test_seat_guests_gives_a_guest_a_neighbour_who_shares_a_language():
    zh = frozenset({"zh"})
    guests = [
        Guest(1, "Host", 10, None, zh, is_host=True, is_local=True),
        *[Guest(k, f"Senior {k}", 20, None, zh, is_local=True) for k in (2, 3, 4, 5)],
        Guest(6, "Local host", 100, None, zh, is_local=True),
        Guest(7, "Ko one", 90, None, frozenset({"ko"})),
        Guest(8, "Ko two", 91, None, frozenset({"ko"})),
        Guest(9, "Ja one", 92, None, frozenset({"ja"})),
        Guest(10, "Ja two", 93, None, frozenset({"ja"})),
    ]

    result = seat_guests(guests, table_size=5)

    # By precedence alone table 2 would run 6, 7, 9, 10, 8: both Korean guests cut off.
    isolated = [v.guests for v in result.violations if v.code == rules.LANGUAGE_ISOLATION]
    assert isolated == [(6,)]
    assert table_order(result, 2)[0] == 6
    assert result.hard_violations == []


def test_seat_guests_brings_speakers_of_one_language_to_one_table():
    zh = frozenset({"zh"})
    guests = [
        Guest(1, "Host", 10, None, zh, is_host=True, is_local=True),
        Guest(2, "Senior", 20, None, zh, is_local=True),
        Guest(3, "Senior", 21, None, zh, is_local=True),
        Guest(4, "Local host", 100, None, zh, is_local=True),
        Guest(5, "Local host", 101, None, zh, is_local=True),
        Guest(6, "Ko one", 90, None, frozenset({"ko"})),
        Guest(7, "Ja one", 91, None, frozenset({"ja"})),
        Guest(8, "Ko two", 92, None, frozenset({"ko"})),
        Guest(9, "Ja two", 93, None, frozenset({"ja"})),
    ]

    result = seat_guests(guests, table_size=3)

    # By precedence each table would hold one Korean and one Japanese guest, all four alone;
    # only the two local hosts, who speak Chinese alone, are left without a partner.
    tables_of = by_guest(result)
    assert tables_of[6][0] == tables_of[8][0] and tables_of[7][0] == tables_of[9][0]
    isolated = [v.guests for v in result.violations if v.code == rules.LANGUAGE_ISOLATION]
    assert isolated == [(4,), (5,)]


@pytest.mark.parametrize("count", [140, 1000])
def test_seat_guests_seats_every_guest_exactly_once(count):
    guests = luncheon(count)

    result = seat_guests(guests)

    assert sorted(s.guest for s in result.seats) == sorted(g.key for g in guests)
    assert len({(s.table, s.position) for s in result.seats}) == count
    assert result.tables == -(-count // 10)
    assert result.hard_violations == []


def test_seat_guests_leaves_no_delegation_clustered_at_the_last_tables():
    # Placed by precedence alone, the last members of a large delegation find only the
    # last tables free; the evening-out pass trades them for guests of other groups.
    result = seat_guests(luncheon(140))

    assert [v for v in result.violations if v.code == rules.DELEGATION_CLUSTER] == []
    assert result.hard_violations == []


def test_seat_guests_honours_table_count_and_size():
    guests = luncheon(60, seed=3)

    result = seat_guests(guests, table_size=8, tables=9)

    assert result.tables == 9
    assert max(Counter(s.table for s in result.seats).values()) <= 8
    assert max(s.position for s in result.seats) <= 8
    assert result.hard_violations == []


def test_seat_guests_reports_guests_without_a_seat_when_tables_are_too_few():
    guests = [Guest(1, "Host", 60, is_host=True, is_local=True)] + [
        Guest(k, f"G{k}", 90) for k in range(2, 8)
    ]

    result = seat_guests(guests, table_size=3, tables=2)

    assert len(result.seats) == 6
    assert codes(result.hard_violations) == [rules.NOT_SEATED]
    assert result.hard_violations[0].guests == (7,)


def test_seat_guests_seats_everyone_when_interpreters_outnumber_the_chairs():
    guests = [Guest(1, "Host", 60, is_host=True, is_local=True), Guest(2, "Principal", 40)]
    guests += [Guest(k, f"Interpreter {k}", 100, serves=2) for k in (3, 4)]

    result = seat_guests(guests, table_size=2)

    assert sorted(s.guest for s in result.seats) == [1, 2, 3, 4]
    assert result.tables == 2
    assert by_guest(result)[2] == (1, 2)
    assert codes(result.hard_violations) == [rules.INTERPRETER_APART] * 2


def test_seat_guests_refuses_a_table_of_one():
    with pytest.raises(ValueError):
        seat_guests([Guest(1)], table_size=1)


def test_check_seating_flags_each_hard_rule():
    guests = [
        Guest(1, "Host", 60, is_host=True, is_local=True),
        Guest(2, "Honour", 40, delegation=1),
        Guest(3, "Interpreter", 100, delegation=1, serves=2),
        Guest(4, "Other", 90, delegation=2),
        Guest(5, "Fifth", 95, delegation=2),
    ]
    seats = [
        SeatAssignment(1, 1, 1),
        SeatAssignment(1, 2, 4),  # not the guest of honour at the host's right
        SeatAssignment(1, 3, 2),
        SeatAssignment(2, 1, 3),  # interpreter at another table
        SeatAssignment(2, 2, 4),  # seated twice
        SeatAssignment(2, 9, 5),  # beyond a table of 4
    ]

    violations = check_seating(
        guests, seats, table_size=4, tables=2, keep_delegations_together=True
    )

    # Hard rules first, by table (guest-wide rules have none and lead).
    assert [(v.kind, v.table) for v in violations] == [
        ("seated_twice", None),
        ("guest_of_honour", 1),
        ("no_such_seat", 2),
        ("interpreter_apart", 2),
    ]
    assert all(v.is_hard for v in violations)


def test_check_seating_flags_a_table_over_capacity_and_an_unknown_table():
    guests = [Guest(k, f"G{k}", 90) for k in range(1, 5)]
    seats = [SeatAssignment(1, 1, 1), SeatAssignment(1, 2, 2), SeatAssignment(1, 2, 3)]
    seats.append(SeatAssignment(3, 1, 4))

    violations = check_seating(guests, seats, table_size=2, tables=2)

    assert [(v.kind, v.table) for v in violations] == [
        ("table_full", 1),
        ("seat_taken", 1),
        ("no_such_table", 3),
    ]


def test_check_seating_flags_soft_rules_as_soft():
    guests = [
        Guest(1, "Host", 60, None, frozenset({"zh"}), is_host=True, is_local=True),
        Guest(2, "Honour", 40, None, frozenset({"zh"})),
        Guest(3, "Alone", 90, 5, frozenset({"ko"})),
        Guest(4, "Same", 90, 5, frozenset({"zh"})),
        Guest(5, "Same", 90, 5, frozenset({"zh"})),
        Guest(6, "Same", 90, 5, frozenset({"zh"})),
        Guest(7, "Other", 90, 6, frozenset({"zh"})),
    ]
    seats = [
        SeatAssignment(1, 1, 1),
        SeatAssignment(1, 2, 2),
        SeatAssignment(1, 3, 7),
        SeatAssignment(2, 1, 4),
        SeatAssignment(2, 2, 3),
        SeatAssignment(2, 3, 5),
        SeatAssignment(2, 4, 6),
    ]

    violations = check_seating(guests, seats, table_size=4, tables=2)

    assert [(v.code, v.severity, v.guests) for v in violations] == [
        (rules.LANGUAGE_ISOLATION, rules.SOFT, (3,)),
        (rules.DELEGATION_CLUSTER, rules.SOFT, (3, 4, 5, 6)),
    ]


def test_check_seating_ignores_clusters_when_delegations_stay_together():
    guests = [Guest(k, f"G{k}", 90, 5) for k in range(1, 5)]
    seats = [SeatAssignment(1, k, k) for k in range(1, 5)]

    spread = check_seating(guests, seats, table_size=4, tables=2)
    together = check_seating(guests, seats, table_size=4, tables=2, keep_delegations_together=True)

    assert codes(spread) == [rules.DELEGATION_CLUSTER]
    assert together == []


def test_violation_message_names_the_guest():
    guests = [Guest(1, "Kim Min-ji", 90)]

    (violation,) = check_seating(guests, [], table_size=10)

    with translation.override("en"):
        assert violation.message == "Kim Min-ji has no seat."


def test_a_chosen_guest_of_honour_sits_at_the_hosts_right_whatever_their_rank():
    host = Guest(1, "Host", 60, is_host=True, is_local=True)
    ambassador = Guest(2, "Ambassador", 40, delegation=1)
    mayor = Guest(3, "Signing mayor", 60, delegation=2, is_guest_of_honour=True)
    interpreter = Guest(4, "Mayor's interpreter", 100, delegation=2, serves=3)

    result = seat_guests([host, ambassador, mayor, interpreter], table_size=10)

    positions = {g: p for g, (_t, p) in by_guest(result).items()}
    assert positions[3] == 2
    assert positions[4] == 3
    assert positions[2] == 10
    assert rules.guest_of_honour([host, ambassador, mayor, interpreter]) == mayor
    assert result.violations == []

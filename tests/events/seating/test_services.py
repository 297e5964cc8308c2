"""Seating plans in the database: generating, moving a guest, and what the admin reads."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import ModelLogEntry

from events.models import Seat, SeatingTable
from events.seating import rules
from events.seating.selectors import (
    guests_to_seat,
    plan_view,
    print_guests,
)
from events.seating.services import configure_seating_plan, generate_seating_plan, move_guest
from tests.factories.crm import OrganisationFactory
from tests.factories.seating import accept_all, build_luncheon

pytestmark = pytest.mark.django_db


def seated(plan):
    return {
        seat.person_id: (seat.table.number, seat.position)
        for seat in Seat.objects.filter(plan=plan).select_related("table")
    }


def luncheon(guests=24, **kwargs):
    scene = build_luncheon(guests=guests, **kwargs)
    accept_all(scene)
    return scene, configure_seating_plan(scene.event)


def test_guests_to_seat_reads_ranks_delegations_interpreters_and_the_home_side():
    scene, plan = luncheon(guests=12)

    entries = {entry.guest.key: entry.guest for entry in guests_to_seat(plan)}

    assert set(entries) == {p.pk for p in scene.people}
    host = entries[scene.host.pk]
    assert (host.is_host, host.is_local, host.rank, host.languages) == (True, True, 60, {"zh"})
    envoy = entries[scene.envoys[0].pk]
    assert (envoy.rank, envoy.is_local, envoy.delegation) == (40, False, None)
    head = scene.heads[0]
    interpreter = entries[scene.interpreters[head.pk].pk]
    assert interpreter.serves == head.pk
    assert interpreter.delegation == scene.delegations[0].pk
    assert interpreter.languages == {"ko", "zh"}


def test_generate_seating_plan_seats_every_accepted_guest_once_by_precedence():
    scene, plan = luncheon(guests=24)

    result = generate_seating_plan(plan)

    places = seated(plan)
    assert sorted(places) == sorted(p.pk for p in scene.people)
    assert len(set(places.values())) == len(places)
    assert places[scene.host.pk] == (1, 1)
    # The envoys rank as ambassadors, above the visiting mayors: the first is the guest of
    # honour at the host's right, the second at the host's left.
    first, second = sorted(scene.envoys, key=lambda p: p.family_name)
    assert places[first.pk] == (1, 2)
    assert places[second.pk] == (1, 10)
    for head_pk, interpreter in scene.interpreters.items():
        table, position = places[head_pk]
        assert places[interpreter.pk][0] == table
        assert abs(places[interpreter.pk][1] - position) == 1
    assert result.hard_violations == []
    assert SeatingTable.objects.filter(plan=plan).count() == 3
    assert SeatingTable.objects.get(plan=plan, number=1).host == scene.host
    plan.refresh_from_db()
    assert plan.generated_at is not None
    assert [w["kind"] for w in plan.warnings] == [v.kind for v in result.violations]


def test_generate_seating_plan_lets_co_hosts_anchor_tables():
    scene, _plan = luncheon(guests=30)
    plan = configure_seating_plan(scene.event, table_size=8, co_hosts=scene.deputies)

    generate_seating_plan(plan)

    places = seated(plan)
    assert sorted(places[d.pk] for d in scene.deputies) == [(2, 1), (3, 1)]


def test_generate_seating_plan_replaces_the_previous_seats():
    scene, plan = luncheon(guests=16)
    generate_seating_plan(plan)
    plan = configure_seating_plan(scene.event, table_size=6)

    generate_seating_plan(plan)

    assert Seat.objects.filter(plan=plan).count() == 16
    assert SeatingTable.objects.filter(plan=plan).count() == 3
    assert max(position for _t, position in seated(plan).values()) <= 6


def test_generate_seating_plan_refuses_too_few_tables_and_writes_nothing():
    scene, plan = luncheon(guests=24)
    generate_seating_plan(plan)
    before = seated(plan)
    plan = configure_seating_plan(scene.event, table_size=10, table_count=2)

    with translation.override("en"), pytest.raises(ValidationError) as error:
        generate_seating_plan(plan)

    assert error.value.messages == ["24 guests need at least 3 tables of 10; the plan has 2."]
    assert seated(plan) == before


def test_generate_seating_plan_refuses_a_plan_without_guests():
    scene = build_luncheon(guests=10)
    plan = configure_seating_plan(scene.event)

    with pytest.raises(ValidationError):
        generate_seating_plan(plan)

    assert Seat.objects.filter(plan=plan).count() == 0


def test_configure_seating_plan_refuses_a_table_of_one():
    scene = build_luncheon(guests=10)

    with pytest.raises(ValidationError) as error:
        configure_seating_plan(scene.event, table_size=1)

    assert "table_size" in error.value.message_dict


def test_move_guest_swaps_seats_and_warns_when_a_rule_breaks():
    scene, plan = luncheon(guests=24)
    generate_seating_plan(plan)
    honour = sorted(scene.envoys, key=lambda p: p.family_name)[0]
    places = seated(plan)
    other = next(pk for pk, place in places.items() if place == (2, 4))
    mover = next(p for p in scene.people if p.pk == other)

    warnings = move_guest(plan, mover, table=1, position=2)

    after = seated(plan)
    assert after[other] == (1, 2)
    assert after[honour.pk] == (2, 4)
    entry = ModelLogEntry.objects.filter(action="events.seating_move").get()
    assert entry.data == {"person": other, "from": [2, 4], "to": [1, 2], "swapped_with": honour.pk}
    assert rules.GUEST_OF_HONOUR in [w.code for w in warnings]
    plan.refresh_from_db()
    assert "guest_of_honour" in [w["kind"] for w in plan.warnings]


def test_move_guest_to_a_free_seat_and_back_clears_the_warning():
    scene, plan = luncheon(guests=24)
    generate_seating_plan(plan)
    head = scene.heads[0]
    table, position = seated(plan)[head.pk]
    free = next(p for p in range(1, 11) if (3, p) not in set(seated(plan).values()))

    warnings = move_guest(plan, head, table=3, position=free)

    assert seated(plan)[head.pk] == (3, free)
    assert rules.INTERPRETER_APART in [w.code for w in warnings]
    warnings = move_guest(plan, head, table=table, position=position)
    assert rules.INTERPRETER_APART not in [w.code for w in warnings]


def test_move_guest_refuses_a_seat_that_does_not_exist():
    scene, plan = luncheon(guests=12)
    generate_seating_plan(plan)
    before = seated(plan)

    with translation.override("en"):
        with pytest.raises(ValidationError) as table_error:
            move_guest(plan, scene.host, table=9, position=1)
        with pytest.raises(ValidationError) as seat_error:
            move_guest(plan, scene.host, table=1, position=11)

    assert table_error.value.message_dict == {"table": ["Table 9 is not in the plan."]}
    assert seat_error.value.message_dict == {"position": ["Choose a seat from 1 to 10."]}
    assert seated(plan) == before


@pytest.mark.parametrize("guests", [10, 100])
def test_plan_view_reads_in_constant_queries(guests, django_assert_num_queries):
    scene, plan = luncheon(guests=guests, delegations=2 if guests == 10 else 9)
    generate_seating_plan(plan)

    with django_assert_num_queries(2):
        view = plan_view(plan)
        names = [seat.name for table in view.tables for seat in table.seats]

    assert view.guest_count == guests
    assert len([n for n in names if n]) == guests


@pytest.mark.parametrize("guests", [10, 100])
def test_print_guests_reads_in_constant_queries(guests, django_assert_num_queries):
    scene, plan = luncheon(guests=guests, delegations=2 if guests == 10 else 9)
    generate_seating_plan(plan)

    # Seats, titles, and one read of the official names handbook.
    with django_assert_num_queries(3):
        rows = print_guests(plan)

    assert len(rows) == guests
    host_row = next(r for r in rows if r.person == scene.host)
    assert (host_row.table, host_row.position, host_row.title) == (1, 1, "市長")


def test_guests_to_seat_counts_the_city_as_home_when_one_of_its_offices_hosts():
    scene, plan = luncheon(guests=12)
    office = OrganisationFactory(parent=scene.home, name="行政暨國際處")
    scene.event.host_organisation = office
    scene.event.save()

    entries = {entry.guest.key: entry.guest for entry in guests_to_seat(plan)}

    assert entries[scene.host.pk].is_host
    assert {entries[d.pk].is_local for d in scene.deputies} == {True}
    assert {entries[e.pk].is_local for e in scene.envoys} == {False}


def test_plan_view_keeps_every_seat_when_tables_shrink_before_regenerating():
    scene, plan = luncheon(guests=12)
    generate_seating_plan(plan)
    plan = configure_seating_plan(scene.event, table_size=6)

    view = plan_view(plan)

    assert view.guest_count == 12
    assert [len(table.seats) for table in view.tables] == [10, 10]


def test_a_chosen_guest_of_honour_takes_the_hosts_right():
    scene, _plan = luncheon(guests=24)
    mayor = scene.heads[0]
    plan = configure_seating_plan(scene.event, guest_of_honour=mayor)

    result = generate_seating_plan(plan)

    places = seated(plan)
    assert places[mayor.pk] == (1, 2)
    assert places[scene.interpreters[mayor.pk].pk][0] == 1
    assert "guest_of_honour" not in [v.kind for v in result.violations]


def test_the_guest_of_honour_cannot_be_a_host_and_nothing_is_saved():
    scene, plan = luncheon(guests=12)

    with pytest.raises(ValidationError) as raised:
        configure_seating_plan(scene.event, host=scene.host, guest_of_honour=scene.host)
    with pytest.raises(ValidationError):
        configure_seating_plan(
            scene.event, co_hosts=scene.deputies, guest_of_honour=scene.deputies[0]
        )

    assert raised.value.code == "honour_hosts"
    plan.refresh_from_db()
    assert plan.guest_of_honour is None

"""Writes for seating plans: configure, generate by precedence, move a guest."""

import math

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.log_actions import log

from ..models import Seat, SeatingPlan, SeatingTable
from .rules import SeatAssignment, check_seating
from .selectors import companion_key, guests_to_seat
from .solver import seat_guests


def _as_json(violations):
    return [
        {"kind": v.kind, "params": v.params, "guests": list(v.guests), "table": v.table}
        for v in violations
    ]


@transaction.atomic
def configure_seating_plan(
    event,
    *,
    table_size=10,
    table_count=None,
    keep_delegations_together=False,
    host=None,
    co_hosts=(),
    guest_of_honour=None,
    user=None,
):
    """Create or update the seating plan of an event (tables, size, host, co-hosts and the
    guest of honour)."""
    if guest_of_honour is not None and (
        (host is not None and guest_of_honour.pk == host.pk)
        or guest_of_honour.pk in {person.pk for person in co_hosts}
    ):
        raise ValidationError(
            gettext("The guest of honour cannot also be the host or a co-host."),
            code="honour_hosts",
        )
    plan = SeatingPlan.objects.filter(event=event).first() or SeatingPlan(event=event)
    plan.table_size = table_size
    plan.table_count = table_count or None
    plan.keep_delegations_together = keep_delegations_together
    plan.host = host
    plan.guest_of_honour = guest_of_honour
    plan.full_clean()
    plan.save()
    co_hosts = [person for person in co_hosts if host is None or person.pk != host.pk]
    plan.co_hosts.set(co_hosts)
    return plan


@transaction.atomic
def generate_seating_plan(plan, *, user=None):
    """Seat the event's accepted guests by precedence, replacing any earlier seats."""
    plan = (
        SeatingPlan.objects.select_for_update(of=("self",))
        .select_related("event", "host")
        .get(pk=plan.pk)
    )
    entries = guests_to_seat(plan)
    if not entries:
        raise ValidationError(gettext("No guest has accepted yet, so there is no one to seat."))
    if plan.table_count:
        # Interpreters must sit beside their principals, so the seats are counted as the
        # algorithm uses them; an undersized room is refused before anything is written.
        needed = len(entries)
        if needed > plan.table_count * plan.table_size:
            raise ValidationError(
                gettext(
                    "%(guests)s guests need at least %(tables)s tables of %(size)s; "
                    "the plan has %(count)s."
                )
                % {
                    "guests": needed,
                    "tables": math.ceil(needed / plan.table_size),
                    "size": plan.table_size,
                    "count": plan.table_count,
                }
            )
    result = seat_guests(
        [entry.guest for entry in entries],
        table_size=plan.table_size,
        tables=plan.table_count,
        keep_delegations_together=plan.keep_delegations_together,
    )
    by_key = {entry.guest.key: entry for entry in entries}
    Seat.objects.filter(plan=plan).delete()
    SeatingTable.objects.filter(plan=plan).delete()
    # A companion (negative key) may sit in seat 1 only when a unit overflowed; then the
    # table has no host on record.
    anchors = {
        seat.table: seat.guest for seat in result.seats if seat.position == 1 and seat.guest > 0
    }
    tables = SeatingTable.objects.bulk_create(
        [
            SeatingTable(plan=plan, number=number, host_id=anchors.get(number))
            for number in range(1, result.tables + 1)
        ]
    )
    table_of = {table.number: table for table in tables}
    seats = []
    for assignment in result.seats:
        entry = by_key[assignment.guest]
        seat = Seat(
            plan=plan,
            table=table_of[assignment.table],
            position=assignment.position,
            person=entry.person,
            invitation=entry.invitation,
            companion=entry.companion,
        )
        # Field and cross-field checks only: the database holds the seat constraints for the
        # whole batch, where validating them here would cost a query per seat.
        seat.full_clean(
            exclude=["plan", "table", "person", "invitation", "companion"],
            validate_unique=False,
            validate_constraints=False,
        )
        seats.append(seat)
    Seat.objects.bulk_create(seats)
    plan.warnings = _as_json(result.violations)
    plan.generated_at = timezone.now()
    plan.save(update_fields=["warnings", "generated_at", "updated_at"])
    log(
        plan,
        "events.seating_generate",
        user=user,
        data={"guests": len(result.seats), "tables": result.tables},
    )
    return result


@transaction.atomic
def move_guest(plan, person, *, table, position, user=None):
    """Move a guest to a seat (swapping with whoever sits there); return the rules now broken.

    A move is the staff's decision, so it is made even when it breaks a rule; the returned
    violations are shown as warnings and saved with the plan.
    """
    plan = SeatingPlan.objects.select_for_update().get(pk=plan.pk)
    seat = Seat.objects.filter(plan=plan, person=person).select_related("table").first()
    if seat is None:
        raise ValidationError(
            gettext("%(name)s has no seat in this plan.") % {"name": person.full_name}
        )
    target_table = SeatingTable.objects.filter(plan=plan, number=table).first()
    if target_table is None:
        raise ValidationError(
            {"table": gettext("Table %(table)s is not in the plan.") % {"table": table}}
        )
    if not 1 <= position <= plan.table_size:
        raise ValidationError(
            {"position": gettext("Choose a seat from 1 to %(size)s.") % {"size": plan.table_size}}
        )
    occupant = Seat.objects.filter(table=target_table, position=position).first()
    if occupant is not None and occupant.pk == seat.pk:
        return _recheck(plan)
    old_table, old_position = seat.table, seat.position
    # The two unique rules (one seat per person, one person per seat) hold after the swap
    # but not half-way through it, so the mover's row is taken out first.
    seat.delete()
    if occupant is not None:
        occupant.table, occupant.position = old_table, old_position
        occupant.full_clean()
        occupant.save(update_fields=["table", "position"])
    moved = Seat(
        plan=plan,
        table=target_table,
        position=position,
        person=seat.person,
        invitation=seat.invitation,
    )
    moved.full_clean()
    moved.save()
    _refresh_table_hosts(plan)
    log(
        plan,
        "events.seating_move",
        user=user,
        data={
            "person": person.pk,
            "from": [old_table.number, old_position],
            "to": [table, position],
            "swapped_with": occupant.person_id if occupant else None,
        },
    )
    return _recheck(plan)


def _refresh_table_hosts(plan):
    anchors = dict(Seat.objects.filter(plan=plan, position=1).values_list("table", "person"))
    for table in SeatingTable.objects.filter(plan=plan):
        host_id = anchors.get(table.pk)
        if table.host_id != host_id:
            table.host_id = host_id
            table.save(update_fields=["host"])


def _recheck(plan):
    entries = guests_to_seat(plan)
    numbers = dict(SeatingTable.objects.filter(plan=plan).values_list("pk", "number"))
    assignments = [
        SeatAssignment(
            numbers[table_id],
            position,
            person_id if person_id is not None else companion_key(companion_id),
        )
        for table_id, position, person_id, companion_id in Seat.objects.filter(
            plan=plan
        ).values_list("table", "position", "person", "companion")
    ]
    violations = check_seating(
        [entry.guest for entry in entries],
        assignments,
        table_size=plan.table_size,
        tables=len(numbers),
        keep_delegations_together=plan.keep_delegations_together,
    )
    plan.warnings = _as_json(violations)
    plan.save(update_fields=["warnings", "updated_at"])
    return violations

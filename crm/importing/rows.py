"""A row's plan and the steps every kind of import shares: reading the cells, refusing a
record named twice, taking a likely duplicate's record instead of a new one, classifying."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..dedupe.scoring import Reason
from ..enums import RowAction
from ..models import Person
from ..selectors import duplicates as likely
from .schema import fields_of

CHUNK = 500
PROGRESS_EVERY = 500


@dataclass
class RowPlan:
    line: int
    values: dict
    action: str = RowAction.CREATE
    key: tuple = ()
    label: str = ""
    changes: list = field(default_factory=list)
    reasons: list = field(default_factory=list)
    record: object = None
    # Existing records the row would duplicate if created (crm.dedupe Candidates, best first),
    # and the one it was matched to instead (certain, or chosen by the officer).
    duplicates: list = field(default_factory=list)
    duplicate_records: dict = field(default_factory=dict)  # {pk: record} of `duplicates`
    matched: object = None

    def refuse(self, message):
        self.action = RowAction.ERROR
        self.reasons.append(message)


def parse_rows(kind, table, mapping, *, progress=None):
    """RowPlans holding each row's parsed values, with a reason for every unreadable cell."""
    specs = fields_of(kind)
    plans = []
    for done, (line, cells) in enumerate(table.rows, start=1):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done)
        plan = RowPlan(line=line, values={})
        for index, name in mapping.items():
            spec = specs[name]
            cell = cells[index] if index < len(cells) else None
            try:
                plan.values[name] = spec.parse(cell)
            except ValidationError as error:
                for message in error.messages:
                    plan.refuse(
                        _("%(field)s: %(message)s") % {"field": spec.label, "message": message}
                    )
        plans.append(plan)
    return plans


def chunks(items, size=CHUNK):
    """The items in lists of `size`, for `__in` lookups of bounded length."""
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def differs(record, name, value):
    """Whether a parsed cell differs from the stored value (phones compare as text)."""
    current = getattr(record, name)
    if name == "phone":
        current = str(current or "")
    return current != value


def refuse_repeats(plans):
    """Refuse each row whose key an earlier row of the file already used."""
    seen = {}
    for plan in plans:
        if plan.action == RowAction.ERROR or not plan.key:
            continue
        if plan.key in seen:
            plan.refuse(
                _("The same record as row %(line)s (%(label)s); a file names each once.")
                % {"line": seen[plan.key], "label": plan.label}
            )
        else:
            seen[plan.key] = plan.line


def key_or_refuse(plan, key, label, message):
    """Give the row its key and label; a row without a key is refused with `message`."""
    plan.label = label
    if key is None and plan.action != RowAction.ERROR:
        plan.refuse(message)
    plan.key = key or ()


# A reason sure enough to take the existing record without asking: one address, one person.
CERTAIN = frozenset({Reason.EMAIL})


def match_duplicates(plans, records, *, model, matches=None, once=True):
    """Find the records that rows about to create one would duplicate, for all rows at once.

    `records` is {line: record or None} as the rows' keys matched; rows without a record are
    compared with the database in one pass (crm.selectors.duplicates). A row takes an existing
    record instead of creating one when the officer chose it (`matches`, {line: pk}, among the
    records the row was found to resemble) or when the match is certain (the same e-mail);
    otherwise its likely duplicates stay on the plan as a warning. Returns {line: record} for
    the rows matched so. With `once`, two rows cannot take one record (a tie's partner may
    have several rows, one per kind of tie).
    """
    matches = {int(line): int(pk) for line, pk in (matches or {}).items() if pk}
    creating = {
        plan.line: plan
        for plan in plans
        if plan.action != RowAction.ERROR and records.get(plan.line) is None
    }
    if not creating:
        return {}
    find = likely.people_like_rows if model is Person else likely.organisations_like_rows
    found = find({line: plan.values for line, plan in creating.items()})
    wanted = {c.second for candidates in found.values() for c in candidates}
    existing = model._default_manager.in_bulk(wanted) if wanted else {}
    taken = {}
    if once:
        taken = {record.pk: line for line, record in records.items() if record is not None}
    matched = {}
    for line, plan in creating.items():
        candidates = [c for c in found.get(line, []) if c.second in existing]
        chosen = matches.get(line)
        if chosen is not None:
            candidate = next((c for c in candidates if c.second == chosen), None)
            if candidate is None:
                plan.refuse(
                    _(
                        "The record chosen for this row (#%(pk)s) is not one it resembles; "
                        "preview the file again."
                    )
                    % {"pk": chosen}
                )
                continue
        else:
            certain = [c for c in candidates if CERTAIN & set(c.reasons)]
            candidate = certain[0] if len(certain) == 1 else None
        if candidate is None:
            plan.duplicates = candidates
            plan.duplicate_records = {c.second: existing[c.second] for c in candidates}
            continue
        if candidate.second in taken:
            plan.refuse(
                _("Row %(line)s already updates %(label)s; a file names each record once.")
                % {"line": taken[candidate.second], "label": existing[candidate.second]}
            )
            continue
        if once:
            taken[candidate.second] = line
        plan.matched = candidate
        matched[line] = existing[candidate.second]
    return matched


def classify(plan, record, changes):
    """Create without a record, update with changes, else unchanged."""
    plan.record = record
    if record is None:
        plan.action = RowAction.CREATE
    elif changes:
        plan.action = RowAction.UPDATE
        plan.changes = changes
    else:
        plan.action = RowAction.UNCHANGED

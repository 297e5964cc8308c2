"""Importing contacts: a file becomes organisations, ties, people and positions, all or nothing."""

from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from core.audit import log_if_acted

from ..enums import ImportKind, OrganisationKind, RelationshipStatus, RowAction
from ..importing import plan as planning
from ..importing.readers import read_table
from ..importing.schema import guess_mapping
from ..models import Affiliation, Organisation, Person
from ..names import infer_name_order
from . import create_relationship
from .search import deferred_indexing

PROGRESS_EVERY = 100


class ImportRowsError(ValidationError):
    """Some rows cannot be imported; the file is refused as a whole."""

    def __init__(self, plans):
        self.plans = plans
        errors = [plan for plan in plans if plan.action == RowAction.ERROR]
        super().__init__(
            _("%(count)s of %(total)s rows cannot be imported; nothing was imported."),
            code="rows",
            params={"count": len(errors), "total": len(plans)},
        )


@dataclass
class ImportResult:
    plans: list
    counts: dict
    dry_run: bool


def count_actions(plans):
    counts = Counter(plan.action for plan in plans)
    return {action: counts.get(action, 0) for action in RowAction.values}


def detect_kind(table):
    """The kind of records a header describes, for files read without a mapping."""
    mapped = {
        kind: set(guess_mapping(kind, table.header).values())
        for kind in (ImportKind.TIES, ImportKind.PEOPLE)
    }
    if "tie_type" in mapped[ImportKind.TIES]:
        return ImportKind.TIES
    if mapped[ImportKind.PEOPLE] & {"family_name", "given_name", "email"}:
        return ImportKind.PEOPLE
    return ImportKind.ORGANISATIONS


def home_city(*, name=""):
    """The office's own city; `name` finds or creates it when the database has none."""
    home = Organisation.objects.home().first()
    if home is not None or not name:
        return home
    found = planning.load_organisations({name}).get(("any", name))
    if found is not None:
        found.is_home = True
        found.full_clean()
        found.save()
        return found
    home = Organisation(
        kind=OrganisationKind.CITY,
        name_en=name,
        name_zh_hant=name,
        is_home=True,
        is_illustrative=False,
    )
    home.full_clean()
    home.save()
    return home


@transaction.atomic
def import_table(
    table,
    *,
    kind,
    mapping=None,
    home=None,
    matches=None,
    dry_run=False,
    user=None,
    progress=None,
):
    """Plan every row, then write them all, or raise ImportRowsError and write nothing.

    `matches` ({line: pk}) has those rows update the likely duplicate the preview named
    instead of creating a record.
    """
    mapping = mapping if mapping is not None else guess_mapping(kind, table.header)
    if kind == ImportKind.TIES and home is None:
        raise ValidationError(
            _(
                "Ties join partner cities to the office's own city, and none is set. Name it "
                "with --home-city, or mark an organisation as the home city."
            ),
            code="no_home",
        )
    plans = planning.plan_table(kind, table, mapping, home=home, matches=matches)
    if any(plan.action == RowAction.ERROR for plan in plans):
        raise ImportRowsError(plans)
    if not dry_run:
        try:
            write_plans(kind, plans, home=home, user=user, progress=progress)
        except IntegrityError as error:
            # A rule the plan does not know about (or a concurrent edit): nothing is kept.
            raise ValidationError(
                _("The database refused the file, and nothing was imported: %(reason)s"),
                code="integrity",
                params={"reason": error},
            ) from error
    return ImportResult(plans=plans, counts=count_actions(plans), dry_run=dry_run)


def import_file(
    data,
    file_name,
    *,
    kind=None,
    home_city_name="",
    matches=None,
    dry_run=False,
    user=None,
    progress=None,
):
    """Read a file (CSV, XLSX, vCard) and import it; what `manage.py import_contacts` calls."""
    table = read_table(data, file_name)
    kind = kind or detect_kind(table)
    with transaction.atomic():
        home = home_city(name=home_city_name) if kind == ImportKind.TIES else None
        result = import_table(
            table,
            kind=kind,
            home=home,
            matches=matches,
            dry_run=dry_run,
            user=user,
            progress=progress,
        )
        if dry_run:
            transaction.set_rollback(True)
    return result


def write_plans(kind, plans, *, home=None, user=None, progress=None):
    """Write planned rows (inside the caller's transaction); unchanged rows are left alone."""
    writer = {
        ImportKind.ORGANISATIONS: _write_organisation,
        ImportKind.TIES: lambda plan, user: _write_tie(plan, home=home, user=user),
        ImportKind.PEOPLE: _write_person,
    }[kind]
    if kind == ImportKind.ORGANISATIONS:
        # Rows whose parent is another row of the file come after the rows without one.
        plans = sorted(plans, key=lambda plan: bool(plan.values.get("parent")))
    # The admin search indexes the written records once, in batches, after the last row.
    with deferred_indexing():
        for done, plan in enumerate(plans, start=1):
            if plan.action in (RowAction.CREATE, RowAction.UPDATE):
                writer(plan, user)
            if progress is not None and (done % PROGRESS_EVERY == 0 or done == len(plans)):
                progress(done, len(plans))


def _save(record, action, user, *, checked=False):
    # `checked`: the plan has already applied the model's constraints to this row, so the
    # database is not asked once more per row (a 10,000-row file would ask 20,000 times).
    record.full_clean(validate_constraints=not checked)
    record.save()
    log_if_acted(record, action, user=user)
    return record


def _assign(record, values, names):
    for name in names:
        value = values.get(name)
        if value not in ("", None, []):
            setattr(record, name, value)


def _organisation(plan, *, default_kind, user):
    """The row's organisation, created or brought up to date from its non-empty cells."""
    record = plan.record
    creating = record is None
    if creating:
        record = Organisation(kind=plan.values.get("kind") or default_kind)
    _assign(record, plan.values, planning.ORGANISATION_VALUES)
    if creating and not record.name_zh_hant:
        # Chinese is the required language; the English name stands until someone translates.
        record.name_zh_hant = record.name_en
    if plan.values.get("parent"):
        record.parent = planning.load_organisations({plan.values["parent"]})[
            ("any", plan.values["parent"])
        ]
    if creating or set(plan.changes) & set(planning.ORGANISATION_VALUES):
        _save(record, "crm.import", user)
    plan.record = record
    return record


def _write_organisation(plan, user):
    _organisation(plan, default_kind=OrganisationKind.OTHER, user=user)


def _write_tie(plan, *, home, user):
    partner = _organisation(plan, default_kind=OrganisationKind.CITY, user=user)
    values = planning.tie_values(plan.values)
    tie = getattr(plan, "tie", None)
    if tie is None:
        tie = create_relationship(
            home,
            partner,
            type=plan.values["tie_type"],
            status=RelationshipStatus.ACTIVE,
            signed_on=values["signed_on"],
            user=user,
        )
    _assign(tie, values, planning.TIE_VALUES)
    tie.full_clean()
    tie.save()


def _write_person(plan, user):
    values = plan.values
    person = plan.record
    creating = person is None
    if creating:
        person = Person(
            name_order=values.get("name_order")
            or infer_name_order(native_name=values.get("native_name", ""))
        )
    _assign(person, values, planning.PERSON_VALUES)
    if creating or set(plan.changes) & set(planning.PERSON_VALUES):
        _save(person, "crm.import", user, checked=True)
    if plan.organisation is None:
        return
    affiliation = plan.affiliation or Affiliation(person=person, organisation=plan.organisation)
    if plan.affiliation is None:
        for name, text in planning.title_values(values["position_title"]).items():
            setattr(affiliation, name, text)
    _assign(affiliation, values, planning.AFFILIATION_VALUES)
    # The person and organisation are in hand, and the plan checked the dates' order.
    affiliation.full_clean(exclude=["person", "organisation"], validate_constraints=False)
    affiliation.save()

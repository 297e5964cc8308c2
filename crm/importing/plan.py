"""Each kind of import planned: rows matched to records by stable keys, then classified.

A row is matched by a key that does not change when a file is corrected: an organisation by
its English name (else its Chinese name), a tie by its partner and type, a person by e-mail
(else by family, given and native name). Existing records are loaded in bulk, a few queries
per thousand rows, so a preview's cost grows with the file and not with the database.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..enums import DatePrecision, ImportKind, RowAction
from ..models import Affiliation, Organisation, Person, Relationship
from ..names import has_cjk
from .rows import (
    chunks,
    classify,
    differs,
    key_or_refuse,
    match_duplicates,
    parse_rows,
    refuse_repeats,
)
from .schema import ORGANISATION_FIELDS, PERSON_FIELDS

# Organisations ---------------------------------------------------------------------------

# Cells written on the organisation as they are; a parent is looked up by name.
ORGANISATION_VALUES = tuple(spec.name for spec in ORGANISATION_FIELDS if spec.name != "parent")


def organisation_key(values):
    if values.get("name_en"):
        return ("en", values["name_en"])
    if values.get("name_zh_hant"):
        return ("zh", values["name_zh_hant"])
    return None


def load_organisations(names):
    """{("en"|"zh"|"any", name): Organisation} for names in English, Chinese or native script."""
    found = {}
    for part in chunks(set(names)):
        for organisation in Organisation.objects.filter(
            Q(name_en__in=part) | Q(name_zh_hant__in=part) | Q(native_name__in=part)
        ):
            for prefix, value in (
                ("en", organisation.name_en),
                ("zh", organisation.name_zh_hant),
                ("native", organisation.native_name),
            ):
                if value:
                    found.setdefault((prefix, value), organisation)
                    found.setdefault(("any", value), organisation)
    return found


def organisation_changes(record, values):
    """Fields a row would change; an empty cell leaves the stored value alone."""
    return [
        name
        for name in ORGANISATION_VALUES
        if name in values and values[name] not in ("", None) and differs(record, name, values[name])
    ]


def _organisation_label(values):
    return values.get("name_en") or values.get("name_zh_hant") or ""


def plan_organisations(plans, *, matches=None):
    names = set()
    for plan in plans:
        key = organisation_key(plan.values)
        key_or_refuse(
            plan,
            key,
            _organisation_label(plan.values),
            _("The row has no English or Chinese name."),
        )
        names.update(filter(None, (plan.values.get("name_en"), plan.values.get("name_zh_hant"))))
        if plan.values.get("parent"):
            names.add(plan.values["parent"])
    refuse_repeats(plans)
    existing = load_organisations(names)
    # A parent may be another row of the same file; it is written first (write_plans).
    in_file = {plan.key[1] for plan in plans if plan.key}
    for plan in plans:
        parent = plan.values.get("parent")
        if parent and ("any", parent) not in existing and parent not in in_file:
            plan.refuse(
                _("There is no organisation named “%(name)s” to be the parent.")
                % {"name": plan.values["parent"]}
            )
    records = {plan.line: existing.get(plan.key) for plan in plans if plan.key}
    records.update(match_duplicates(plans, records, model=Organisation, matches=matches))
    for plan in plans:
        if plan.action == RowAction.ERROR:
            continue
        record = records.get(plan.line)
        classify(plan, record, organisation_changes(record, plan.values) if record else [])
    return existing


# Ties of the home city ---------------------------------------------------------------------

TIE_VALUES = ("signed_on", "signed_precision", "source_url", "notes")


def tie_values(values):
    signed_on, precision = values.get("signed") or (None, "")
    return {
        "signed_on": signed_on,
        "signed_precision": precision or DatePrecision.DAY if signed_on else "",
        "source_url": values.get("source_url", ""),
        "notes": values.get("notes", ""),
    }


def plan_ties(plans, *, home, matches=None):
    for plan in plans:
        key = organisation_key(plan.values)
        if plan.action != RowAction.ERROR and not plan.values.get("tie_type"):
            plan.refuse(_("The row does not say which kind of tie it is."))
        key_or_refuse(
            plan,
            key and (*key, plan.values.get("tie_type")),
            _organisation_label(plan.values),
            _("The row has no English or Chinese name."),
        )
    refuse_repeats(plans)
    names = {plan.key[1] for plan in plans if plan.key}
    existing = load_organisations(names)
    partners = {plan.line: existing.get(plan.key[:2]) for plan in plans if plan.key}
    partners.update(
        match_duplicates(plans, partners, model=Organisation, matches=matches, once=False)
    )
    ties = {}
    if home is not None and home.pk:
        partner_ids = list({partner.pk for partner in partners.values() if partner})
        for part in chunks(partner_ids):
            for tie in Relationship.objects.filter(
                Q(source=home, target__in=part) | Q(target=home, source__in=part)
            ).order_by("pk"):
                ties.setdefault((tie.other_party(home).pk, tie.type), tie)
    for plan in plans:
        if plan.action == RowAction.ERROR:
            continue
        partner = partners.get(plan.line)
        if home is not None and partner is not None and partner.pk == home.pk:
            plan.refuse(_("The home city cannot be its own partner."))
            continue
        tie = ties.get((partner.pk, plan.values["tie_type"])) if partner else None
        changes = organisation_changes(partner, plan.values) if partner else []
        if tie is not None:
            wanted = tie_values(plan.values)
            changes += [
                name
                for name in TIE_VALUES
                if wanted[name] not in ("", None) and getattr(tie, name) != wanted[name]
            ]
        plan.tie = tie
        classify(plan, partner if tie else None, changes)
        # A new tie with a known partner still brings the partner's cells up to date.
        plan.record = partner
        plan.changes = changes
    return existing


# People and their positions ----------------------------------------------------------------

# Cells written on the affiliation as they are; the organisation and the title are looked up.
AFFILIATION_VALUES = ("office_rank", "start_date", "end_date")
# The rest of a person row is the person's own.
PERSON_VALUES = tuple(
    spec.name
    for spec in PERSON_FIELDS
    if spec.name not in ("organisation", "position_title", *AFFILIATION_VALUES)
)


# The database refuses a person without one of these (crm_person_has_a_name); the plan says
# so per row, so that writing need not ask the database row by row.
PERSON_NAMES = ("family_name", "given_name", "native_name")


def person_key(values):
    if values.get("email"):
        return ("email", values["email"])
    names = tuple(values.get(name, "") for name in PERSON_NAMES)
    return ("name", *names) if any(names) else None


def _person_label(values):
    parts = (values.get("family_name"), values.get("given_name"), values.get("native_name"))
    return " ".join(filter(None, parts)) or values.get("email", "")


def load_people(plans):
    """{key: Person} for rows' e-mail addresses and names, loaded in chunks."""
    emails = {plan.key[1] for plan in plans if plan.key and plan.key[0] == "email"}
    families = {plan.key[1] for plan in plans if plan.key and plan.key[0] == "name"}
    found = {}
    for part in chunks(emails):
        for person in Person.objects.filter(email__in=part):
            found.setdefault(("email", person.email.lower()), person)
    for part in chunks(families):
        for person in Person.objects.filter(family_name__in=part):
            found.setdefault(
                ("name", person.family_name, person.given_name, person.native_name), person
            )
    return found


def title_values(title):
    """A position title in the language it is written in; the required Chinese one is filled."""
    if has_cjk(title):
        return {"position_title_zh_hant": title}
    return {"position_title_en": title, "position_title_zh_hant": title}


def _same_title(affiliation, title):
    return title in (affiliation.position_title_zh_hant, affiliation.position_title_en)


def plan_people(plans, *, matches=None):
    for plan in plans:
        key_or_refuse(
            plan,
            person_key(plan.values),
            _person_label(plan.values),
            _("The row has no name and no e-mail address."),
        )
        values = plan.values
        if plan.key and not any(values.get(name) for name in PERSON_NAMES):
            plan.refuse(_("Enter at least a family, given or native name."))
        if values.get("organisation") and not values.get("position_title"):
            plan.refuse(_("A row that names an organisation needs a position title."))
        start, end = values.get("start_date"), values.get("end_date")
        if start and end and end < start:
            plan.refuse(_("The end date cannot be before the start date."))
    refuse_repeats(plans)
    people = load_people(plans)
    records = {plan.line: people.get(plan.key) for plan in plans if plan.key}
    records.update(match_duplicates(plans, records, model=Person, matches=matches))
    organisations = load_organisations(
        {plan.values["organisation"] for plan in plans if plan.values.get("organisation")}
    )
    affiliations = {}
    person_ids = list({person.pk for person in records.values() if person is not None})
    for part in chunks(person_ids):
        for affiliation in Affiliation.objects.filter(person__in=part):
            affiliations.setdefault(affiliation.person_id, []).append(affiliation)
    for plan in plans:
        plan.organisation = None
        plan.affiliation = None
        name = plan.values.get("organisation")
        if name:
            plan.organisation = organisations.get(("any", name))
            if plan.organisation is None:
                plan.refuse(
                    _("There is no organisation named “%(name)s”; import it first.")
                    % {"name": name}
                )
        if plan.action == RowAction.ERROR:
            continue
        person = records.get(plan.line)
        changes = (
            [
                name
                for name in PERSON_VALUES
                if plan.values.get(name) not in ("", None, [])
                and differs(person, name, plan.values[name])
            ]
            if person
            else []
        )
        if person and plan.organisation:
            title = plan.values["position_title"]
            plan.affiliation = next(
                (
                    affiliation
                    for affiliation in affiliations.get(person.pk, [])
                    if affiliation.organisation_id == plan.organisation.pk
                    and _same_title(affiliation, title)
                ),
                None,
            )
            if plan.affiliation is None:
                changes.append("position_title")
            else:
                changes += [
                    name
                    for name in AFFILIATION_VALUES
                    if plan.values.get(name) not in ("", None)
                    and getattr(plan.affiliation, name) != plan.values[name]
                ]
        classify(plan, person, changes)
    return people


PLANNERS = {
    ImportKind.ORGANISATIONS: lambda plans, home, matches: plan_organisations(
        plans, matches=matches
    ),
    ImportKind.TIES: lambda plans, home, matches: plan_ties(plans, home=home, matches=matches),
    ImportKind.PEOPLE: lambda plans, home, matches: plan_people(plans, matches=matches),
}


def plan_table(kind, table, mapping, *, home=None, matches=None):
    """Every row of a table as a RowPlan: create, update, unchanged or error with reasons.

    `matches` ({line: pk}) has rows update a likely duplicate instead of creating a record.
    """
    plans = parse_rows(kind, table, mapping)
    PLANNERS[kind](plans, home, matches)
    return plans

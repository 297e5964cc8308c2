"""Reading rows into values, matching them to records by stable keys, classifying each row.

A row is matched by a key that does not change when a file is corrected: an organisation by
its English name (else its Chinese name), a tie by its partner and type, a person by e-mail
(else by family, given and native name). Existing records are loaded in bulk, a few queries
per thousand rows, so a preview's cost grows with the file and not with the database.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ..dedupe.scoring import Reason
from ..enums import DatePrecision, ImportKind, RowAction
from ..models import Affiliation, Organisation, Person, Relationship
from ..names import has_cjk
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


def in_languages(message):
    """A lazy message rendered in each site language, so each reader sees their own."""
    rendered = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            rendered[language] = str(message)
    return rendered


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
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _differs(record, name, value):
    current = getattr(record, name)
    if name == "phone":
        current = str(current or "")
    return current != value


# Organisations ---------------------------------------------------------------------------

ORGANISATION_VALUES = (
    "name_en",
    "name_zh_hant",
    "name_ja",
    "name_ko",
    "native_name",
    "country",
    "latitude",
    "longitude",
    "website",
    "kind",
    "short_name",
    "address",
    "notes",
)


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
        if name in values
        and values[name] not in ("", None)
        and _differs(record, name, values[name])
    ]


def _organisation_label(values):
    return values.get("name_en") or values.get("name_zh_hant") or ""


def _mark_duplicates(plans):
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


def _key_or_refuse(plan, key, label, message):
    plan.label = label
    if key is None and plan.action != RowAction.ERROR:
        plan.refuse(message)
    plan.key = key or ()


def plan_organisations(plans, *, matches=None):
    names = set()
    for plan in plans:
        key = organisation_key(plan.values)
        _key_or_refuse(
            plan,
            key,
            _organisation_label(plan.values),
            _("The row has no English or Chinese name."),
        )
        names.update(filter(None, (plan.values.get("name_en"), plan.values.get("name_zh_hant"))))
        if plan.values.get("parent"):
            names.add(plan.values["parent"])
    _mark_duplicates(plans)
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
        _classify(plan, record, organisation_changes(record, plan.values) if record else [])
    return existing


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


def _classify(plan, record, changes):
    plan.record = record
    if record is None:
        plan.action = RowAction.CREATE
    elif changes:
        plan.action = RowAction.UPDATE
        plan.changes = changes
    else:
        plan.action = RowAction.UNCHANGED


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
        _key_or_refuse(
            plan,
            key and (*key, plan.values.get("tie_type")),
            _organisation_label(plan.values),
            _("The row has no English or Chinese name."),
        )
    _mark_duplicates(plans)
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
        _classify(plan, partner if tie else None, changes)
        # A new tie with a known partner still brings the partner's cells up to date.
        plan.record = partner
        plan.changes = changes
    return existing


# People and their positions ----------------------------------------------------------------

PERSON_VALUES = (
    "family_name",
    "given_name",
    "name_suffix",
    "native_name",
    "chinese_name",
    "name_order",
    "honorific",
    "email",
    "phone",
    "preferred_languages",
    "notes",
)


# The database refuses a person without one of these (crm_person_has_a_name); the plan says
# so per row, so that writing need not ask the database row by row.
PERSON_NAMES = ("family_name", "given_name", "native_name")


def person_key(values):
    if values.get("email"):
        return ("email", values["email"])
    names = tuple(values.get(name, "") for name in ("family_name", "given_name", "native_name"))
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
        _key_or_refuse(
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
    _mark_duplicates(plans)
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
                and _differs(person, name, plan.values[name])
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
                    for name in ("office_rank", "start_date", "end_date")
                    if plan.values.get(name) not in ("", None)
                    and getattr(plan.affiliation, name) != plan.values[name]
                ]
        _classify(plan, person, changes)
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

"""Likely duplicate people and organisations, with their scores and reasons."""

from types import SimpleNamespace

from django.conf import settings
from modeltranslation.utils import build_localized_fieldname

from ..dedupe.keys import (
    cjk_form,
    latin_key,
    organisation_keys,
    organisation_tiers,
    person_keys,
)
from ..dedupe.scoring import (
    Entry,
    candidates_among,
    candidates_for,
    find_candidates,
    sorted_name,
    without_gc,
)
from ..models import Organisation, Person

PERSON_COLUMNS = (
    "pk",
    "family_name",
    "given_name",
    "native_name",
    "chinese_name",
    "email",
    "phone",
)


def organisation_name_columns():
    """Every stored name of an organisation: each language's, the native and the short one."""
    languages = [build_localized_fieldname("name", code) for code, _name in settings.LANGUAGES]
    return (*languages, "native_name", "short_name")


def person_entry(person, pk=None):
    """The scorer's view of a person (an instance or a row with the same attributes)."""
    roles = tuple(
        (role, form)
        for role, form in (
            ("native", cjk_form(person.native_name)),
            ("chinese", cjk_form(person.chinese_name)),
        )
        if form
    )
    return Entry(
        pk=person.pk if pk is None else pk,
        keys=tuple(person_keys(person)),
        name=sorted_name(f"{person.family_name} {person.given_name}")
        or sorted_name(person.native_name),
        cjk_roles=roles,
    )


def organisation_entry(pk, names):
    """The scorer's view of an organisation from its names (English first for spelling)."""
    keys = tuple(organisation_keys([name for name in names if name]))
    latin = next((name for name in names if name and latin_key(name)), "")
    forms = tuple(("name", key) for reason, key in keys if reason == "cjk_name")
    return Entry(
        pk=pk,
        keys=keys,
        name=sorted_name(latin),
        cjk_roles=forms,
        tiers=organisation_tiers([name for name in names if name]),
    )


def _person_entries(queryset=None):
    queryset = Person.objects.all() if queryset is None else queryset
    rows = queryset.filter(erased_at__isnull=True).values_list(*PERSON_COLUMNS)
    for row in rows.iterator(chunk_size=5000):
        yield person_entry(SimpleNamespace(**dict(zip(PERSON_COLUMNS, row, strict=True))))


def _organisation_entries(queryset=None):
    queryset = Organisation.objects.all() if queryset is None else queryset
    columns = organisation_name_columns()
    for pk, *names in queryset.values_list("pk", *columns).iterator(chunk_size=5000):
        yield organisation_entry(pk, names)


def duplicate_people(queryset=None):
    """Scored pairs of people who may be one person, most likely first (pks, no instances)."""
    with without_gc():
        return find_candidates(_person_entries(queryset))


def duplicate_organisations(queryset=None):
    """Scored pairs of organisations that may be one, most likely first."""
    with without_gc():
        return find_candidates(_organisation_entries(queryset))


def people_like(person):
    """Existing people an unsaved (or edited) person may duplicate, most likely first."""
    others = Person.objects.exclude(pk=person.pk) if person.pk else Person.objects.all()
    with without_gc():
        return candidates_for(person_entry(person, pk=0), _person_entries(others))


def organisations_like(organisation):
    """Existing organisations an unsaved organisation may duplicate, most likely first."""
    names = [getattr(organisation, column, "") for column in organisation_name_columns()]
    names.append(organisation.name)
    others = Organisation.objects.all()
    if organisation.pk:
        others = others.exclude(pk=organisation.pk)
    with without_gc():
        return candidates_for(organisation_entry(0, names), _organisation_entries(others))


def people_like_rows(rows, *, exclude=()):
    """{ref: [Candidate]} for unsaved people keyed by ref (an import's line numbers).

    One pass over the people in the database for the whole batch, not a query per row;
    `exclude` leaves out records the rows already match by their keys.
    """
    entries = [
        person_entry(
            SimpleNamespace(pk=ref, **{name: values.get(name) or "" for name in PERSON_COLUMNS[1:]})
        )
        for ref, values in rows.items()
    ]
    if not entries:
        return {}
    exclude = set(exclude)
    with without_gc():
        others = (entry for entry in _person_entries() if entry.pk not in exclude)
        return candidates_among(entries, others)


def organisations_like_rows(rows, *, exclude=()):
    """{ref: [Candidate]} for unsaved organisations given as {ref: {column: name}}."""
    columns = organisation_name_columns()
    entries = [
        organisation_entry(ref, [values.get(column) or "" for column in columns])
        for ref, values in rows.items()
    ]
    if not entries:
        return {}
    exclude = set(exclude)
    with without_gc():
        others = (entry for entry in _organisation_entries() if entry.pk not in exclude)
        return candidates_among(entries, others)


def with_records(candidates, model):
    """Attach the two records to each candidate pair, in one query for the whole page."""
    pks = {pk for candidate in candidates for pk in (candidate.first, candidate.second)}
    records = model._default_manager.in_bulk(pks)
    pairs = []
    for candidate in candidates:
        first, second = records.get(candidate.first), records.get(candidate.second)
        if first is not None and second is not None:
            pairs.append((candidate, first, second))
    return pairs

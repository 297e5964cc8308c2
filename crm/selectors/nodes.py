"""The records of the CRM graph as nodes: people and organisations, keyed (kind, pk).

Shared by the neighbourhood picture (graph.py), the "how do we know X" paths (paths.py) and
the edges other apps add to those paths (events/paths.py).
"""

import json
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL
from modeltranslation.utils import build_localized_fieldname, get_language, resolution_order

from .. import names
from ..models import Organisation, Person

PERSON = "person"
ORGANISATION = "organisation"

# Up to this many ids go into SQL as literal parameters; beyond it they travel as one
# array parameter, so a huge frontier is still one query and never hits parameter limits.
INLINE_ID_LIMIT = 500


@dataclass(frozen=True)
class Node:
    """A person or an organisation; two nodes are equal when kind and pk are."""

    kind: str
    pk: int
    label: str = field(compare=False)


def node_key(record):
    """The (kind, pk) key of a person or an organisation."""
    if isinstance(record, Person):
        return (PERSON, record.pk)
    if isinstance(record, Organisation):
        return (ORGANISATION, record.pk)
    raise TypeError(f"Expected a Person or an Organisation, got {type(record).__name__}.")


def split_keys(keys):
    """The people's pks and the organisations' pks among node keys."""
    people = [pk for kind, pk in keys if kind == PERSON]
    organisations = [pk for kind, pk in keys if kind == ORGANISATION]
    return people, organisations


def id_values(ids):
    """A value for a `__in` lookup that stays one query with one parameter for many ids."""
    ids = sorted(ids)
    if len(ids) <= INLINE_ID_LIMIT:
        return ids
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", (ids,))
    if connection.vendor == "sqlite":
        return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(ids),))
    return ids


def touching(people, organisations, *, person="person_id", organisation="organisation_id"):
    """A filter for the rows that name one of the people or one of the organisations."""
    condition = Q(pk__in=[])
    if people:
        condition |= Q(**{f"{person}__in": id_values(people)})
    if organisations:
        condition |= Q(**{f"{organisation}__in": id_values(organisations)})
    return condition


def localised_columns(model, field):
    """The columns of a translated field in the active language's fallback order."""
    fallbacks = getattr(model, field).fallback_languages
    return [
        build_localized_fieldname(field, code)
        for code in resolution_order(get_language(), fallbacks)
    ]


def first_filled(values):
    # modeltranslation's own rule: an empty translation falls back to the next language.
    return next((value for value in values if value), "")


def node_labels(keys):
    """Node labels by key: organisation names in the active language, people's names."""
    people, organisations = split_keys(keys)
    labels = {}
    if organisations:
        rows = (
            Organisation.objects.rewrite(False)
            .filter(pk__in=id_values(organisations))
            .order_by()
            .values_list("pk", *localised_columns(Organisation, "name"))
        )
        labels.update(((ORGANISATION, pk), first_filled(localised)) for pk, *localised in rows)
    if people:
        # Named rows carry just the attributes format_name() reads for a Latin-script name.
        rows = (
            Person.objects.filter(pk__in=id_values(people))
            .order_by()
            .values_list("pk", "family_name", "given_name", "name_order", named=True)
        )
        labels.update(((PERSON, row.pk), names.format_name(row)) for row in rows)
    return labels


def labelled_node(key, labels):
    return Node(kind=key[0], pk=key[1], label=labels.get(key, ""))

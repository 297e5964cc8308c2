"""Which records the admin search finds, and how their index entries are kept up to date.

crm registers people and organisations; apps above crm register their own kinds (events:
events, delegations, venues) from their AppConfig.ready, so crm never imports them. A kind
says how to turn records into terms, how to show a hit, and which other records' changes
touch its terms (a person is found through their organisation's name, so renaming the
organisation re-indexes its people).

The index is derived data, rebuilt whole by `manage.py rebuild_search_index`. It is kept
current by post_save/post_delete receivers: every path that writes these records (Wagtail's
create and edit views with their inline children, services, imports, merges, the demo
loader) passes through save() or delete(), and a missed call would leave a person
unfindable. Writes that skip signals (queryset.update(), bulk_create()) must call
crm.services.search.index_records themselves.

"""

from dataclasses import dataclass, field

from django.conf import settings
from modeltranslation.utils import build_localized_fieldname


@dataclass(frozen=True)
class Touch:
    """When a record of `model` changes, the records of this kind whose terms it feeds."""

    model: type
    # instance -> pks of the kind to re-index (read before a delete removes the links).
    affected: object


@dataclass(frozen=True)
class SearchKind:
    """A kind of record the admin search finds.

    terms(pks) -> {pk: {term: weight}} for the records that exist (in a few queries);
    results(pks) -> [SearchResult] in the order of pks, for those the user may see.
    """

    key: str
    model: type
    label: object
    order: int
    terms: object
    results: object
    url_name: str
    touches: tuple = field(default=())


@dataclass(frozen=True)
class SearchResult:
    kind: str
    pk: int
    title: str
    detail: str
    url: str


_KINDS = {}


def add_search_kind(kind):
    """Record a kind; crm.services.search.register_search_kind also wires its receivers."""
    _KINDS[kind.key] = kind


def search_kinds():
    """Registered kinds in the order results are grouped."""
    return sorted(_KINDS.values(), key=lambda kind: (kind.order, kind.key))


def get_search_kind(key):
    return _KINDS[key]


def translations(instance, name):
    """Every language's value of a translated field (name_zh_hant, name_en, ...)."""
    return [
        getattr(instance, build_localized_fieldname(name, code.replace("-", "_")), "") or ""
        for code in settings.MODELTRANSLATION_LANGUAGES
    ]

"""Reads of the admin search index: which records of a kind match a query, best first."""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Min, Q

from ..indexing import search_kinds
from ..models import SearchTerm
from ..searchtext import query_terms

# The highest code point: every string with a given prefix sorts below prefix + this.
_TOP = "\U0010ffff"


@dataclass(frozen=True)
class SearchGroup:
    """One kind's hits: the first `limit` results and whether there are more."""

    kind: object
    results: list
    more: bool


def _prefix(term):
    # PostgreSQL compares text by the database's collation, where a range is not a prefix;
    # LIKE 'x%' uses the pattern-ops index instead. SQLite compares code points, so a range
    # scan of the index is exact (its LIKE folds ASCII case and skips the index).
    if connection.vendor == "postgresql":
        return Q(term__startswith=term)
    return Q(term__gte=term, term__lt=term + _TOP)


def matching_ids(kind, query):
    """A subquery of the pks of a kind's records whose terms match every word of the query.

    None when the query has no searchable word (the caller shows everything or nothing).
    """
    terms = query_terms(query)
    if not terms:
        return None
    matches = SearchTerm.objects.filter(_prefix(terms[0]), kind=kind)
    for term in terms[1:]:
        matches = matches.filter(
            object_id__in=SearchTerm.objects.filter(_prefix(term), kind=kind).values("object_id")
        )
    return matches.values("object_id")


def ranked_ids(kind, query, *, limit):
    """Up to `limit` pks of a kind matching the query, own names before names found through."""
    matching = matching_ids(kind, query)
    if matching is None:
        return []
    return list(
        matching.order_by()
        .values("object_id")
        .annotate(best=Min("weight"))
        .order_by("best", "object_id")
        .values_list("object_id", flat=True)[:limit]
    )


def search_records(query, *, kinds=None, limit=10):
    """Hits for a query grouped by kind (in the kinds' order); kinds with none are left out."""
    groups = []
    for kind in kinds if kinds is not None else search_kinds():
        pks = ranked_ids(kind.key, query, limit=limit + 1)
        if pks:
            groups.append(SearchGroup(kind, kind.results(pks[:limit]), len(pks) > limit))
    return groups

"""Writes to the admin search index (crm/indexing.py says when they happen)."""

import contextlib
from collections import defaultdict
from contextvars import ContextVar

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save

from ..indexing import add_search_kind, get_search_kind, search_kinds
from ..models import SearchTerm

BATCH = 1000
# {kind: pks} saved inside deferred_indexing(), indexed when it ends; None outside one.
_pending = ContextVar("crm_search_pending", default=None)


@contextlib.contextmanager
def deferred_indexing():
    """Index the records saved inside the block once, in batches, when it ends.

    An import saves thousands of people and positions; indexing each on its own save cost a
    dozen queries a row (and a position re-indexed its person). Inside this block the
    receivers only note what changed. If the block raises, nothing is indexed: its
    transaction rolls back too. A nested block leaves the indexing to the outer one.
    """
    if _pending.get() is not None:
        yield
        return
    pending = defaultdict(set)
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    for kind, pks in pending.items():
        pks = sorted(pks)
        for start in range(0, len(pks), BATCH):
            index_records(kind, pks[start : start + BATCH])


def _index_soon(kind, pks):
    pending = _pending.get()
    if pending is None:
        index_records(kind, pks)
    else:
        pending[kind].update(pks)


@transaction.atomic
def index_records(kind, pks):
    """Replace the terms of some records of a kind; records that no longer exist lose theirs."""
    pks = sorted(set(pks))
    terms = get_search_kind(kind).terms(pks)
    SearchTerm.objects.filter(kind=kind, object_id__in=pks).delete()
    rows = [
        (kind, pk, term, weight) for pk, found in terms.items() for term, weight in found.items()
    ]
    # Plain executemany: a person has some twenty terms, and building a model instance per
    # term made an import or a rebuild spend most of its time here.
    table = connection.ops.quote_name(SearchTerm._meta.db_table)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(
                f"INSERT INTO {table} (kind, object_id, term, weight) "  # noqa: S608 (no input)
                "VALUES (%s, %s, %s, %s)",
                rows[start : start + BATCH],
            )


def remove_records(kind, pks):
    """Drop the terms of deleted records."""
    SearchTerm.objects.filter(kind=kind, object_id__in=list(pks)).delete()


@transaction.atomic
def rebuild_search_index(*, progress=None):
    """Index every record of every kind afresh; returns the number of terms written."""
    SearchTerm.objects.all().delete()
    for kind in search_kinds():
        pks = list(kind.model._default_manager.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(pks), BATCH):
            index_records(kind.key, pks[start : start + BATCH])
            if progress:
                progress(kind, min(start + BATCH, len(pks)), len(pks))
    return SearchTerm.objects.count()


def register_search_kind(kind):
    """Add a kind of record to the admin search and keep its terms current on every save."""
    add_search_kind(kind)
    uid = f"crm.search.{kind.key}"
    post_save.connect(_saved(kind), sender=kind.model, weak=False, dispatch_uid=uid)
    post_delete.connect(_deleted(kind), sender=kind.model, weak=False, dispatch_uid=uid)
    for number, touch in enumerate(kind.touches):
        receiver = _touched(kind, touch)
        touch_uid = f"{uid}.{number}"
        post_save.connect(receiver, sender=touch.model, weak=False, dispatch_uid=touch_uid)
        post_delete.connect(receiver, sender=touch.model, weak=False, dispatch_uid=touch_uid)


def _saved(kind):
    def receiver(sender, instance, raw=False, **kwargs):
        # Fixtures load rows in any order (raw): rebuild_search_index indexes them after.
        if not raw:
            _index_soon(kind.key, [instance.pk])

    return receiver


def _deleted(kind):
    def receiver(sender, instance, **kwargs):
        remove_records(kind.key, [instance.pk])

    return receiver


def _touched(kind, touch):
    def receiver(sender, instance, raw=False, **kwargs):
        if raw:
            return
        pks = [pk for pk in touch.affected(instance) if pk is not None]
        if pks:
            _index_soon(kind.key, pks)

    return receiver

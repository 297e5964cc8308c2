"""Querysets compiled to SQL once per database connection, then run with new parameters.

On a public page Django spends more time turning a queryset into SQL than the database spends
answering it: an event page read with its event and venue is some ninety columns to name,
quote and fit with converters, for a query SQLite answers in a tenth of a millisecond. The
pages of the public site ask the same few questions on every request with other values, so
each question is compiled once, with stand-in values, and later runs only swap the values in.

A PreparedQuery wraps a function that builds the queryset from its arguments. The function
must use its arguments only as lookup values (`pk=`, `__in=`, `__startswith=`) and read
nothing that changes between calls, such as the time or the database: what it builds is
compiled once and reused for as long as the connection lives. Arguments that change the
query's shape (a model class, a flag that adds a condition) are passed as `shape`.

Results are what iterating the queryset would give: model instances with their
select_related objects and annotations, the dicts of values() or the tuples of
values_list().

It reaches into Django's compiler (as_sql, get_converters, the related populators), which a
Django upgrade may change: settings.KIA_ACCELERATIONS = False makes every PreparedQuery
evaluate its queryset the ordinary way.
"""

import itertools
import uuid

from django.conf import settings
from django.core.exceptions import EmptyResultSet, ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models.query import (
    ModelIterable,
    ValuesIterable,
    ValuesListIterable,
    get_related_populators,
)
from django.utils import translation

_sentinels = itertools.count(7_654_321)


def _sentinel_for(value):
    """A stand-in of the argument's type that no real query would hold."""
    number = next(_sentinels)
    if isinstance(value, bool):
        raise TypeError("Booleans change a query's shape: pass them as shape.")
    if isinstance(value, int):
        return -number
    if isinstance(value, str):
        return f"kiaprepared{number}x"
    if isinstance(value, uuid.UUID):
        return uuid.UUID(int=number)
    raise TypeError(f"PreparedQuery takes int, str and UUID arguments, not {type(value)!r}.")


def _adapters(connection):
    """The ways Django may turn a lookup value into the parameter it sends."""
    return (
        lambda value: value,
        lambda value: value.hex if isinstance(value, uuid.UUID) else value,
        lambda value: str(value),
        lambda value: f"{connection.ops.prep_for_like_query(value)}%",
    )


class _Compiled:
    """One query's SQL, where each argument goes in it, and how rows become results."""

    def __init__(self, queryset, sentinels):
        self.db = queryset.db
        compiler = queryset.query.get_compiler(using=self.db)
        self.sql, params = compiler.as_sql()
        self.params = list(params)
        self.slots = []
        adapters = _adapters(compiler.connection)
        for position, param in enumerate(self.params):
            for index, sentinel in enumerate(sentinels):
                adapter = next((a for a in adapters if _same(param, a(sentinel))), None)
                if adapter is not None:
                    self.slots.append((position, index, adapter))
                    break
        missing = set(range(len(sentinels))) - {index for _pos, index, _a in self.slots}
        if missing:
            raise ImproperlyConfigured(
                f"PreparedQuery arguments {sorted(missing)} are not parameters of its SQL; "
                "pass what changes the query's shape as shape."
            )
        self.compiler = compiler
        fields = [column[0] for column in compiler.select[: compiler.col_count]]
        self.converters = compiler.get_converters(fields)
        self.kind = queryset._iterable_class
        if self.kind is ModelIterable:
            self._prepare_models()
        elif self.kind in (ValuesIterable, ValuesListIterable):
            self._prepare_values(queryset)
        else:
            # Including modeltranslation's values(), which fill in fallbacks row by row.
            raise ImproperlyConfigured(
                "PreparedQuery reads models, or Django's own values() and values_list()."
            )

    def _prepare_models(self):
        compiler = self.compiler
        klass_info = compiler.klass_info
        select_fields = klass_info["select_fields"]
        self.model = klass_info["model"]
        self.model_slice = slice(select_fields[0], select_fields[-1] + 1)
        self.init_list = [column[0].target.attname for column in compiler.select[self.model_slice]]
        self.related_populators = get_related_populators(klass_info, compiler.select, self.db)
        self.annotation_col_map = compiler.annotation_col_map or {}

    def _prepare_values(self, queryset):
        # The names Django's ValuesIterable gives the columns, which come in this order.
        query = queryset.query
        if query.selected:
            self.names = list(query.selected)
        else:
            self.names = [*query.extra_select, *query.values_select, *query.annotation_select]

    def run(self, connection, arguments):
        params = list(self.params)
        for position, index, adapter in self.slots:
            params[position] = adapter(arguments[index])
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if self.converters:
            rows = self.compiler.apply_converters(rows, self.converters)
        if self.kind is ModelIterable:
            return [self._instance(row) for row in rows]
        if self.kind is ValuesIterable:
            return [dict(zip(self.names, row)) for row in rows]
        return [tuple(row) for row in rows]

    def _instance(self, row):
        # What Django's ModelIterable does for each row.
        obj = self.model.from_db(self.db, self.init_list, row[self.model_slice])
        for populator in self.related_populators:
            populator.populate(row, obj)
        for name, position in self.annotation_col_map.items():
            setattr(obj, name, row[position])
        return obj


def _same(param, candidate):
    return type(param) is type(candidate) and param == candidate


class PreparedQuery:
    """A queryset built by `build(*shape, *arguments)`, compiled once per connection."""

    def __init__(self, build):
        self.build = build

    def __call__(self, *arguments, shape=()):
        """The results of build(*shape, *arguments), as a list."""
        if not settings.KIA_ACCELERATIONS:
            # Switched off: Django compiles and evaluates the queryset as usual.
            return list(self.build(*shape, *arguments))
        # Each argument's type chose how its value is put into the SQL; modeltranslation
        # writes the active language's columns into lookups and orderings.
        key = (self, shape, tuple(map(type, arguments)), translation.get_language())
        compiled_queries = _compiled_queries()
        compiled = compiled_queries.get(key)
        if compiled is None:
            sentinels = [_sentinel_for(argument) for argument in arguments]
            try:
                compiled = _Compiled(self.build(*shape, *sentinels), sentinels)
            except EmptyResultSet:
                # A condition that can match nothing (`pk__in=[]` alone): no query at all.
                compiled = _NOTHING
            compiled_queries[key] = compiled
        if compiled is _NOTHING:
            return []
        return compiled.run(connections[compiled.db], arguments)


_NOTHING = object()


def _compiled_queries():
    # Kept on the thread's own connection wrapper, so compilers are never shared between
    # threads; a connection closed and reopened keeps its compiled queries.
    connection = connections[DEFAULT_DB_ALIAS]
    try:
        return connection._kia_compiled_queries
    except AttributeError:
        connection._kia_compiled_queries = {}
        return connection._kia_compiled_queries

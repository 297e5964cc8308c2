"""Database constraints shared by the apps, and those backends express differently."""

import functools
import operator

from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import RangeBoundary, RangeOperators
from django.db import models
from django.db.backends.ddl_references import Statement, Table
from django.db.models import Func, Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.db.models.sql import Query
from django.utils.translation import gettext_lazy as _


class TsTzRange(Func):
    function = "TSTZRANGE"
    output_field = models.DateTimeField()  # only used inside the PostgreSQL constraint


class PostgresExclusionConstraint(ExclusionConstraint):
    """An exclusion constraint that exists on PostgreSQL and is a no-op elsewhere.

    SQLite has no range types or GiST indexes; there the same rule is enforced by the
    service inside an IMMEDIATE transaction (see docs/decisions.md).
    """

    def constraint_sql(self, model, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return None
        return super().constraint_sql(model, schema_editor)

    def create_sql(self, model, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return None
        return super().create_sql(model, schema_editor)

    def remove_sql(self, model, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return None
        return super().remove_sql(model, schema_editor)

    def validate(self, model, instance, exclude=None, using="default"):
        from django.db import connections

        if connections[using].vendor != "postgresql":
            return
        super().validate(model, instance, exclude=exclude, using=using)


SQLITE_TRIGGER = (
    "CREATE TRIGGER %(trigger)s BEFORE %(event)s ON %(table)s FOR EACH ROW BEGIN "
    "SELECT RAISE(ABORT, '%(constraint)s') WHERE %(new_condition)s AND EXISTS ("
    "SELECT 1 FROM %(table)s WHERE %(condition)s AND %(key)s = NEW.%(key)s "
    "AND +%(start)s < NEW.%(end)s AND %(end)s > NEW.%(start)s%(other_row)s); END"
)
# The unary + keeps SQLite from searching an index on (key, start): "starts before the new
# end" holds for a resource's whole past, so that search grew with its history. Rows are
# written ahead of time, so few end after the new one starts, and an index on (key, end)
# (events_booking_res_end_live) finds them in a few steps.


class NoOverlapConstraint(PostgresExclusionConstraint):
    """No two rows with the same `key` whose half-open [start, end) ranges share an instant.

    PostgreSQL: an exclusion constraint (btree_gist, tstzrange). SQLite has no range types, so
    the same rule is two triggers (before insert, before update) that abort the statement;
    the error names the constraint on both databases. Created through constraint_sql, the
    triggers are rebuilt whenever SQLite's schema editor remakes the table.
    """

    def __init__(self, *, name, key, start, end, condition=None, violation_error_message=None):
        self.key, self.start, self.end = key, start, end
        super().__init__(
            name=name,
            expressions=[
                (key, RangeOperators.EQUAL),
                (TsTzRange(start, end, RangeBoundary()), RangeOperators.OVERLAPS),
            ],
            condition=condition,
            violation_error_message=violation_error_message,
        )

    def deconstruct(self):
        path, _args, kwargs = super().deconstruct()
        kwargs.pop("expressions")
        kwargs.update(key=self.key, start=self.start, end=self.end)
        return path, (), kwargs

    def sqlite_triggers(self, model, schema_editor):
        """The two CREATE TRIGGER statements that hold the rule on SQLite."""
        quote = schema_editor.quote_name
        opts = model._meta
        condition = "1"
        new_condition = "1"
        if self.condition is not None:
            query = Query(model, alias_cols=False)
            where = query.build_where(self.condition)
            compiler = query.get_compiler(connection=schema_editor.connection)
            sql, params = where.as_sql(compiler, schema_editor.connection)
            condition = sql % tuple(schema_editor.quote_value(p) for p in params)
            # The same condition read from the row being written (NEW).
            columns = ", ".join(
                f"NEW.{quote(f.column)} AS {quote(f.column)}" for f in opts.local_concrete_fields
            )
            # Column names and Django's own compiled condition, never user input.
            new_condition = f"EXISTS (SELECT 1 FROM (SELECT {columns}) WHERE {condition})"  # noqa: S608
        parts = {
            "table": Table(opts.db_table, quote),
            "constraint": self.name,
            "condition": condition,
            "new_condition": new_condition,
            "key": quote(opts.get_field(self.key).column),
            "start": quote(opts.get_field(self.start).column),
            "end": quote(opts.get_field(self.end).column),
        }
        pk = quote(opts.pk.column)
        return [
            Statement(
                SQLITE_TRIGGER,
                trigger=quote(f"{self.name}_{event.lower()}"),
                event=event,
                other_row=other_row,
                **parts,
            )
            for event, other_row in (("INSERT", ""), ("UPDATE", f" AND {pk} <> NEW.{pk}"))
        ]

    def constraint_sql(self, model, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            schema_editor.deferred_sql.extend(self.sqlite_triggers(model, schema_editor))
            return None
        return super().constraint_sql(model, schema_editor)

    def create_sql(self, model, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            on_insert, on_update = self.sqlite_triggers(model, schema_editor)
            schema_editor.deferred_sql.append(on_update)
            return on_insert
        return super().create_sql(model, schema_editor)


def one_line(name, *fields):
    """A check that the text fields hold no line break: a name that reaches a calendar or a
    mail header must stay one line whatever writes it (core.validators refuses it first)."""
    condition = Q()
    for field in fields:
        condition &= ~Q(**{f"{field}__contains": "\n"}) & ~Q(**{f"{field}__contains": "\r"})
    return models.CheckConstraint(
        condition=condition,
        name=name,
        violation_error_message=_("Line breaks and control characters are not allowed here."),
    )


def at_most(name, limit, *fields):
    """A check that each text field holds at most `limit` characters (a TextField's
    max_length is only a form's)."""
    condition = Q()
    for field in fields:
        condition &= Q(LessThanOrEqual(Length(field), limit))
    return models.CheckConstraint(
        condition=condition,
        name=name,
        violation_error_message=_("This text is too long."),
    )


def in_order(name, earlier, later, *, nullable=(), strict=False, message):
    """A check that `later` is not before `earlier` (with `strict`, is after it): an end and its
    start, an expiry and a signing. A field named in `nullable` may be empty, and then the pair
    is not compared."""
    checks = [Q(**{f"{field}__isnull": True}) for field in (earlier, later) if field in nullable]
    checks.append(Q(**{f"{later}__{'gt' if strict else 'gte'}": models.F(earlier)}))
    return models.CheckConstraint(
        condition=functools.reduce(operator.or_, checks),
        name=name,
        violation_error_message=message,
    )

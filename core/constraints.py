"""Database constraints shared by the apps, and those only one backend can express."""

from django.contrib.postgres.constraints import ExclusionConstraint
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils.translation import gettext_lazy as _


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

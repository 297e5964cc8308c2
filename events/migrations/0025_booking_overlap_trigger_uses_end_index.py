"""Rebuild the SQLite triggers of events_booking_no_overlap with the search they now make.

The constraint itself is unchanged (its state and PostgreSQL's exclusion constraint stay as
they are); only the SQL that core.constraints writes for SQLite changed, which no schema
change would carry to a database that already has the triggers.
"""

from django.db import migrations

CONSTRAINT = "events_booking_no_overlap"


def rebuild_sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    booking = apps.get_model("events", "Booking")
    constraint = next(c for c in booking._meta.constraints if c.name == CONSTRAINT)
    for event in ("insert", "update"):
        schema_editor.execute(
            f"DROP TRIGGER IF EXISTS {schema_editor.quote_name(f'{CONSTRAINT}_{event}')}"
        )
    for statement in constraint.sqlite_triggers(booking, schema_editor):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("events", "0024_merge_shorter_registration_label")]

    operations = [migrations.RunPython(rebuild_sqlite_triggers, migrations.RunPython.noop)]

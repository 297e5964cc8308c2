"""The documented backup and restore (deploy/backup.sh, deploy/restore.sh) on PostgreSQL."""

import shutil
import subprocess
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from crm.models import Organisation, Person
from events.models import Event
from tests.factories.crm import OrganisationFactory, PersonFactory
from tests.factories.events import EventFactory

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump backs up PostgreSQL"),
    pytest.mark.skipif(shutil.which("pg_dump") is None, reason="PostgreSQL client tools"),
]


def _url(name):
    settings = connection.settings_dict
    user = settings["USER"] or "postgres"
    host = settings["HOST"] or "127.0.0.1"
    port = settings["PORT"] or 5432
    return f"postgres://{user}@{host}:{port}/{name}"


def _snapshot(url):
    with psycopg.connect(url) as conn:
        rows = {}
        for model in (Person, Organisation, Event):
            table = model._meta.db_table
            rows[table] = conn.execute(f'SELECT * FROM "{table}" ORDER BY id').fetchall()  # noqa: S608
        return rows


def _run(*args):
    result = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=300)  # noqa: S603
    assert result.returncode == 0, result.stderr
    return result


def test_backup_drop_and_restore_gives_back_the_same_data(tmp_path):
    OrganisationFactory.create_batch(3)
    PersonFactory.create_batch(5)
    EventFactory.create_batch(2)
    original = _url(connection.settings_dict["NAME"])
    copy = _url(f"{connection.settings_dict['NAME']}_restored")
    dump = tmp_path / "kia.dump"

    _run("deploy/backup.sh", str(dump), original)
    # Twice: the second restore drops the first copy, as a restore over a live database would.
    _run("deploy/restore.sh", str(dump), copy)
    _run("deploy/restore.sh", str(dump), copy)

    try:
        before, after = _snapshot(original), _snapshot(copy)
        assert after == before
        assert len(after[Person._meta.db_table]) == Person.objects.count() >= 5
    finally:
        with psycopg.connect(_url("postgres"), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{copy.rsplit("/", 1)[1]}" WITH (FORCE)')

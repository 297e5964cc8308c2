"""Shared set-up for benchmark scripts: a fresh, migrated database and the report format.

A benchmark prints one line per figure, `<name>: <value> (target <op> <value>) ok|MISS`,
and exits non-zero if any figure missed (see report()).
"""

import operator
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

OPS = {"<=": operator.le, ">=": operator.ge, "==": operator.eq, "<": operator.lt, ">": operator.gt}


def setup_database():
    """Configure Django and create a throw-away test database (SQLite, or DATABASE_URL)."""
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    # A database of its own, so a benchmark never clobbers a test run's database.
    test_settings = connection.settings_dict.setdefault("TEST", {})
    if connection.vendor == "sqlite":
        (ROOT / "var").mkdir(exist_ok=True)
        test_settings["NAME"] = str(ROOT / "var" / f"bench-{os.getpid()}.sqlite3")
    else:
        test_settings["NAME"] = f"kia_bench_{os.getpid()}"
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    return connection


def teardown_database(connection):
    connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)


class Report:
    def __init__(self):
        self.missed = 0

    def figure(self, name, value, op, target, fmt="{:.3g}"):
        ok = OPS[op](value, target)
        self.missed += not ok
        shown = fmt.format(value) if isinstance(value, float) else str(value)
        print(f"{name}: {shown} (target {op} {target}) {'ok' if ok else 'MISS'}", flush=True)
        return ok

    def exit(self):
        sys.exit(1 if self.missed else 0)


def per_database(measure, script):
    """Run `script`'s measure() once on SQLite, then on PostgreSQL when DATABASE_URL is set.

    Each run is a child process of its own, because Django binds its database at set-up; the
    child (marked by KIA_BENCH_CHILD) measures, the parent exits non-zero if any child missed.
    """
    if os.environ.get("KIA_BENCH_CHILD"):
        measure()
        return
    runs = [{k: v for k, v in os.environ.items() if k != "DATABASE_URL"}]
    if os.environ.get("DATABASE_URL"):
        runs.append(dict(os.environ))
    failed = 0
    for env in runs:
        env["KIA_BENCH_CHILD"] = "1"
        failed += subprocess.call([sys.executable, str(script)], env=env) != 0  # noqa: S603
    sys.exit(1 if failed else 0)

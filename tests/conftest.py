import os

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

# Fuzzing (tests/fuzz): few examples in the normal suite, many by hand with
# HYPOTHESIS_PROFILE=thorough. Views answer in tens of milliseconds on a loaded machine, so no
# per-example deadline; the examples share a test's database fixture by design.
_fuzz = {"deadline": None, "suppress_health_check": [HealthCheck.function_scoped_fixture]}
hypothesis_settings.register_profile("default", max_examples=25, **_fuzz)
hypothesis_settings.register_profile("thorough", max_examples=1_000, **_fuzz)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def _media_and_language(settings):
    # Tests assert on the office's default language unless they switch explicitly.
    settings.LANGUAGE_CODE = "zh-hant"


def pytest_collection_modifyitems(items):
    """Every transactional test restores the migrated data (serialized_rollback).

    A transactional test ends with a flush. Without serialized_rollback the flush runs
    post_migrate again, which makes the staff groups anew under new ids; the next test that
    restores its snapshot then inserts "Protocol officers" a second time. SQLite reuses the
    freed ids, so the snapshot lands on the same rows; PostgreSQL's sequences do not, and the
    name is unique: the order of tests decided whether a run passed. With every transactional
    test restoring the snapshot, no flush runs post_migrate, and tables hold what migrations
    made before each test, whatever ran before it.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        transactional = {"transactional_db", "live_server"} & set(item.fixturenames)
        if marker is not None and marker.kwargs.get("transaction"):
            transactional = True
        if not transactional or (marker is not None and "serialized_rollback" in marker.kwargs):
            continue
        kwargs = {**(marker.kwargs if marker is not None else {}), "transaction": True}
        item.add_marker(pytest.mark.django_db(**kwargs, serialized_rollback=True), append=False)

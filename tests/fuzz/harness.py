"""The two checks every fuzz target shares: no server error, no partial write."""

from contextlib import contextmanager

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import translation


@contextmanager
def isolated_example():
    """Run one example in a transaction that is rolled back, with empty caches (rate-limit
    counters included), so examples neither see nor throttle each other."""
    cache.clear()
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def table_state(models):
    """What a write would change: each watched table's rows, as tuples of every column."""
    # modeltranslation reads a translated field (title) in the active language, which a
    # request switches; one fixed language makes two readings comparable (each language's
    # own column, title_en ..., is compared as well).
    with translation.override(settings.LANGUAGE_CODE):
        return {
            model._meta.label: sorted(
                model._base_manager.order_by().values_list(*_columns(model)), key=repr
            )
            for model in models
        }


def _columns(model):
    return [field.attname for field in model._meta.concrete_fields]


def assert_unchanged(before, models):
    """A refused input wrote nothing: every watched table is exactly as it was."""
    after = table_state(models)
    changed = sorted(label for label in before if before[label] != after[label])
    assert not changed, f"refused input changed {changed}"


def assert_not_server_error(response):
    # The test client raises a view's exception itself; this catches a 5xx answered on purpose.
    assert response.status_code < 500, response.status_code


def run_refusable(action, *, watched, refusals):
    """Run one import (or any write): it completes, or refuses with one of `refusals` and
    writes nothing. Any other exception fails the example, as a server error would."""
    before = table_state(watched)
    try:
        return action()
    except refusals:
        assert_unchanged(before, watched)
        return None

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_cache():
    # The demo's pages are requested as the cms tests request theirs: from an empty cache,
    # since the page cache and the remembered sites live in the locmem cache, which outlives
    # a test.
    cache.clear()
    yield
    cache.clear()

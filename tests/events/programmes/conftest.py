"""The check that a programme listing page's queries stay flat (the officer login is shared:
tests/events/conftest.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext


@pytest.fixture
def assert_listing_queries_constant(client, django_assert_num_queries):
    """check(url, listing, fill): the page at url reads as many queries for 100 rows of its
    context's `listing` as for 10, where fill(n) adds n rows. Returns both responses."""

    def check(url, listing, fill):
        fill(10)
        with CaptureQueriesContext(connection) as at_ten:
            few = client.get(url)
        assert len(few.context[listing]) == 10
        fill(90)
        with django_assert_num_queries(len(at_ten)):
            many = client.get(url)
        assert len(many.context[listing]) == 100
        return few, many

    return check

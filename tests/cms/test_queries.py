"""Query counts of the public lists and detail pages do not grow with events or guests."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from cms.models import StandardPage
from tests.factories.cms import event_page, sister_city_page
from tests.factories.crm import OrganisationFactory, RelationshipFactory
from tests.factories.events import (
    EventFactory,
    InvitationFactory,
    ItineraryItemFactory,
    RegistrationFactory,
    taipei,
)

# Rendered without the page cache (a query string the cache has not seen), after one warm-up
# request that fills Wagtail's site-root cache and cms.routing's site cache. Each page pays two
# queries to route (cms/routing.py), one for its cache token, one for the language switcher and
# menu together; the rest are its own records. The second figure is with KIA_ACCELERATIONS
# off, when Wagtail's serve view routes (the site, the root in the language, two queries a
# level, view restrictions) and Django compiles every query: more, but as many at 100 rows.
EVENT_INDEX_QUERIES = (9, 17)
EVENT_PAGE_QUERIES = (7, 18)
SISTER_INDEX_QUERIES = (8, 16)
# The home page's latest news is one query more.
HOME_QUERIES = (10, 16)
SITEMAP_QUERIES = (5, 5)


def _render(client, url, django_assert_num_queries, expected):
    accelerated, plain = expected
    client.get(url, {"warm": "1"})
    with django_assert_num_queries(accelerated if settings.KIA_ACCELERATIONS else plain):
        response = client.get(url, {"measured": "1"})
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("rows", [10, 100])
def test_event_index_query_count_holds(client, tree, rows, django_assert_num_queries):
    for number in range(rows):
        starts_at = taipei(2019, 1, 1, 9) + datetime.timedelta(days=number * 3)
        event = EventFactory(
            is_public=True, starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=2)
        )
        event_page(tree, event, slug=f"e{number}", languages=["en"])
    _render(client, tree.event_index["en"].url, django_assert_num_queries, EVENT_INDEX_QUERIES)


@pytest.mark.parametrize("rows", [10, 100])
def test_event_page_query_count_holds(client, tree, rows, django_assert_num_queries):
    event = EventFactory(is_public=True, takes_registrations=True, capacity=500)
    for number in range(rows):
        ItineraryItemFactory(
            event=event, starts_at=taipei(2019, 2, 16, 8) + datetime.timedelta(minutes=number)
        )
        InvitationFactory(event=event)
        RegistrationFactory(event=event)
    event.organisations.add(*[OrganisationFactory() for _ in range(rows)])
    pages = event_page(tree, event, slug="busy")
    _render(client, pages["en"].url, django_assert_num_queries, EVENT_PAGE_QUERIES)


@pytest.mark.parametrize("rows", [10, 100])
def test_sister_city_index_query_count_holds(client, tree, rows, django_assert_num_queries):
    home = OrganisationFactory(is_home=True, latitude=22.6, longitude=120.3)
    for number in range(rows):
        partner = OrganisationFactory(latitude=number % 80, longitude=number)
        tie = RelationshipFactory(
            source=home,
            target=partner,
            signed_on=datetime.date(1980, 1, 1) + datetime.timedelta(days=number),
        )
        sister_city_page(tree, tie, slug=f"c{number}", languages=["en"])
    _render(client, tree.sister_index["en"].url, django_assert_num_queries, SISTER_INDEX_QUERIES)


@pytest.mark.parametrize("rows", [10, 100])
def test_home_query_count_holds(client, tree, rows, django_assert_num_queries):
    # The home page shows the next events and counts the sister and friendship cities.
    home = OrganisationFactory(is_home=True)
    soon = timezone.now() + datetime.timedelta(days=1)
    for number in range(rows):
        starts_at = soon + datetime.timedelta(days=number)
        event = EventFactory(
            is_public=True, starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=2)
        )
        event_page(tree, event, slug=f"h{number}", languages=["en"])
        RelationshipFactory(source=home, target=OrganisationFactory())
        tree.homes["en"].add_child(
            instance=StandardPage(
                title=f"News {number}",
                slug=f"n{number}",
                locale=tree.homes["en"].locale,
                date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number),
            )
        )
    response = _render(client, tree.homes["en"].url, django_assert_num_queries, HOME_QUERIES)
    assert len(response.context["upcoming"]) == 3
    assert [item.title for item in response.context["news"]] == [
        f"News {rows - 1}",
        f"News {rows - 2}",
        f"News {rows - 3}",
    ]
    assert response.context["sister_city_count"] == rows


@pytest.mark.parametrize("rows", [10, 100])
def test_sitemap_query_count_holds(client, tree, rows, django_assert_num_queries):
    for number in range(rows):
        event_page(tree, EventFactory(is_public=True), slug=f"s{number}", languages=["en", "ja"])
    _render(client, "/sitemap.xml", django_assert_num_queries, SITEMAP_QUERIES)

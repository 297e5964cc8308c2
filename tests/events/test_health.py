"""Relationship health list: facts gathered per tie, filters, constant queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.enums import Direction
from events.selectors.health import ties_health
from tests.factories.crm import InteractionFactory, OrganisationFactory, RelationshipFactory
from tests.factories.events import DelegationFactory, EventFactory, taipei
from tests.factories.staff import protocol_officer

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 1)


def tie(home, **kwargs):
    partner = OrganisationFactory()
    relationship = RelationshipFactory(source=home, target=partner, **kwargs)
    return relationship, partner


def visit(partner, direction, year=2024):
    event = EventFactory(starts_at=taipei(year, 5, 1, 10), ends_at=taipei(year, 5, 1, 12))
    DelegationFactory(event=event, organisation=partner, direction=direction)


def test_health_gathers_visits_each_way_and_last_contact():
    home = OrganisationFactory(is_home=True)
    _balanced, partner = tie(home)
    visit(partner, Direction.INBOUND)
    visit(partner, Direction.OUTBOUND)
    visit(partner, Direction.OUTBOUND, year=2015)  # outside the five years
    InteractionFactory(occurred_on=datetime.date(2026, 4, 1)).organisations.add(partner)
    quiet, _ = tie(home, expires_on=datetime.date(2026, 8, 1))
    rows = ties_health(today=TODAY)
    assert [row.relationship for row in rows] == [quiet, _balanced]
    worst, best = rows
    assert (best.visits_in, best.visits_out, best.last_contact) == (
        1,
        1,
        datetime.date(2026, 4, 1),
    )
    assert best.health.score == 100
    assert worst.health.score == 100 - 40 - 30 - 15
    assert len(worst.health.reasons) == 3
    assert [row.relationship for row in ties_health(today=TODAY, band="poor")] == [quiet]


def ties(home, count):
    for _ in range(count):
        _relationship, partner = tie(home)
        visit(partner, Direction.INBOUND)
        InteractionFactory().organisations.add(partner)


def test_health_list_query_count_holds_from_10_to_100_ties(client, django_assert_num_queries):
    home = OrganisationFactory(is_home=True)
    client.force_login(protocol_officer())
    url = reverse("relationship-health:index") + "?band=watch"
    ties(home, 10)
    client.get(url)
    with CaptureQueriesContext(connection) as at_10:
        assert client.get(url).status_code == 200
    ties(home, 90)
    with django_assert_num_queries(len(at_10.captured_queries)):
        response = client.get(url)
    assert (
        len(response.context["rows"]) + len([r for r in ties_health() if r.health.band != "watch"])
        == 100
    )

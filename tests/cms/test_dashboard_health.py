"""The admin home's relationship-health panel: worst ties with their reasons, on a map, in a
constant number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from crm.enums import OrganisationKind, RelationshipStatus, RelationshipType
from crm.models import Organisation, Relationship
from tests.factories.crm import InteractionFactory, OrganisationFactory, RelationshipFactory
from tests.factories.staff import protocol_officer

pytestmark = pytest.mark.django_db


def translated(message):
    """The message in each of the admin's languages (the page uses the user's)."""
    found = set()
    for code in ("zh-hant", "en", "ja", "ko"):
        with translation.override(code):
            found.add(translation.gettext(message))
    return found


def add_ties(home, count, start=0):
    partners = Organisation.objects.bulk_create(
        Organisation(
            kind=OrganisationKind.CITY,
            name=f"城市{n}",
            name_zh_hant=f"城市{n}",
            name_en=f"City {n}",
            country="JP",
            latitude=35 + n % 10,
            longitude=135 + n % 10,
        )
        for n in range(start, start + count)
    )
    Relationship.objects.bulk_create(
        Relationship(
            source=home,
            target=partner,
            type=RelationshipType.FRIENDSHIP_CITY,
            status=RelationshipStatus.ACTIVE,
            signed_on=datetime.date(2010, 1, 1),
        )
        for partner in partners
    )


def test_dashboard_lists_ties_needing_attention_with_reasons_and_map(client):
    home = OrganisationFactory(is_home=True, latitude=22.6, longitude=120.3)
    looked_after = OrganisationFactory(name_en="Looked After", latitude=35.7, longitude=139.7)
    RelationshipFactory(source=home, target=looked_after)
    InteractionFactory(occurred_on=datetime.date.today()).organisations.add(looked_after)
    forgotten = OrganisationFactory(name_en="Forgotten", latitude=37.3, longitude=127.0)
    tie = RelationshipFactory(source=home, target=forgotten)
    client.force_login(protocol_officer())
    response = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert "data-health-panel" in html
    panel = html[html.index("data-health-panel") :]
    assert reverse("crm_relationship:inspect", args=[tie.pk]) in panel
    assert any(no_contact in panel for no_contact in translated("No contact on record."))
    assert reverse("relationship-health:index") in panel
    # Both ties are drawn on the map, coloured by band.
    assert panel.count("<circle") == 3  # two partners and home


def test_dashboard_health_panel_hidden_without_permission(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("reader", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert "data-health-panel" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_dashboard_query_count_holds_from_10_to_1000_ties(client, django_assert_num_queries):
    home = OrganisationFactory(is_home=True, latitude=22.6, longitude=120.3)
    client.force_login(protocol_officer())
    url = reverse("wagtailadmin_home")
    add_ties(home, 10)
    client.get(url)
    with CaptureQueriesContext(connection) as at_10:
        assert client.get(url).status_code == 200
    add_ties(home, 990, start=10)
    with django_assert_num_queries(len(at_10.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count('data-band="poor"') == 5 + 1000  # table + map

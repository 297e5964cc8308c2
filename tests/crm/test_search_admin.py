"""/admin/search/: one box for people, organisations, events, delegations and venues."""

import pytest
from django.urls import reverse

from tests.factories.crm import AffiliationFactory, OrganisationFactory, PersonFactory
from tests.factories.events import EventFactory, VenueFactory

pytestmark = pytest.mark.django_db

SEARCH = "/admin/search/"


def test_the_search_page_answers_and_the_sidebar_searches_records(officer_client):
    response = officer_client.get(SEARCH)
    assert response.status_code == 200
    assert reverse("records_search:index") == SEARCH
    home = officer_client.get("/admin/").content.decode()
    # The sidebar's search module is given the first search area's address.
    assert '"/admin/search/"' in home


def test_hits_are_grouped_by_kind_and_link_to_the_records(officer_client):
    akita = OrganisationFactory(name="秋田縣", name_en="Akita Prefecture", native_name="秋田県")
    governor = AffiliationFactory(
        organisation=akita, person=PersonFactory(family_name="Satake", given_name="Norihisa")
    ).person
    EventFactory(title="秋田交流", title_en="Akita exchange")
    VenueFactory(name="秋田廳", name_en="Akita hall")
    response = officer_client.get(SEARCH, {"q": "秋田"})
    html = response.content.decode()
    groups = [group.kind.key for group in response.context["groups"]]
    assert groups == ["person", "organisation", "event", "venue"]
    assert reverse("crm_person:inspect", args=[governor.pk]) in html
    assert reverse("crm_organisation:inspect", args=[akita.pk]) in html
    assert html.count("data-search-hit") == 4


def test_nothing_found_says_so(officer_client):
    response = officer_client.get(SEARCH, {"q": "nobody-at-all"})
    assert response.context["groups"] == []
    # The admin speaks Traditional Chinese unless the user chose otherwise.
    assert "找不到「nobody-at-all」" in response.content.decode()


def test_a_kind_the_user_may_not_read_is_not_searched(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("reader", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    PersonFactory(family_name="Satake")
    response = client.get(SEARCH, {"q": "satake"})
    assert response.status_code == 200
    assert response.context["groups"] == []


@pytest.mark.parametrize("people", [11, 60])
def test_search_query_count_does_not_grow_with_the_hits(
    officer_client, people, django_assert_num_queries
):
    akita = OrganisationFactory(name_en="Akita Prefecture")
    for _number in range(people):
        AffiliationFactory(organisation=akita)
    officer_client.get(SEARCH, {"q": "akita"})  # warm the session and permission caches
    with django_assert_num_queries(QUERIES):
        response = officer_client.get(SEARCH, {"q": "akita"})
    assert len(response.context["groups"][0].results) == 10
    assert response.context["groups"][0].more


QUERIES = 16

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext

from events import enums
from events.models import FeedToken
from events.services.feeds import create_feed_token, revoke_feed_token
from tests.factories.events import DelegationFactory, VenueFactory

pytestmark = pytest.mark.django_db
LINK = re.compile(r"https://testserver(/feeds/private/[\w-]+\.ics)")


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "boss@example.org", "x"))
    return client


def shown_feed_path(response):
    [path] = set(LINK.findall(response.content.decode()))
    return path


def test_feed_token_admin_create_shows_links_and_qr_once(admin_client):
    delegation = DelegationFactory()
    response = admin_client.post(
        reverse("feed_token:add"),
        {
            "kind": enums.FeedKind.DELEGATION,
            "delegation": delegation.pk,
            "label": "Suwon programme",
            "language": "ko",
        },
    )
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    html = response.content.decode()
    path = shown_feed_path(response)
    assert f"webcal://testserver{path}" in html
    assert "<svg" in html
    token = FeedToken.objects.get()
    assert (token.delegation, token.language, token.label) == (delegation, "ko", "Suwon programme")
    assert admin_client.get(path).status_code == 200
    # The list never shows the secret again.
    listing = admin_client.get(reverse("feed_token:index")).content.decode()
    assert path not in listing
    assert "Suwon programme" in listing


def test_feed_token_admin_create_refuses_wrong_target(admin_client):
    response = admin_client.post(
        reverse("feed_token:add"),
        {"kind": enums.FeedKind.PERSON, "delegation": DelegationFactory().pk},
    )
    assert response.status_code == 200
    expected = gettext("A feed link needs exactly the target its kind names.")
    assert expected in response.content.decode()
    assert FeedToken.objects.count() == 0


def test_feed_token_admin_rotate_shows_new_link_and_stops_old(admin_client):
    token, old = create_feed_token(enums.FeedKind.DELEGATION, delegation=DelegationFactory())
    url = reverse("feed_token:rotate", args=[token.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url)
    new_path = shown_feed_path(response)
    assert admin_client.get(new_path).status_code == 200
    old_path = reverse("events:feed-private", kwargs={"secret": old})
    assert admin_client.get(old_path).status_code == 404


def test_feed_token_admin_revoke_stops_link(admin_client):
    token, secret = create_feed_token(enums.FeedKind.RESOURCE, resource=VenueFactory())
    response = admin_client.post(reverse("feed_token:revoke", args=[token.pk]))
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    feed = reverse("events:feed-private", kwargs={"secret": secret})
    assert admin_client.get(feed).status_code == 404


def test_feed_token_admin_actions_need_change_permission(client, django_user_model):
    token, _secret = create_feed_token(enums.FeedKind.RESOURCE, resource=VenueFactory())
    user = django_user_model.objects.create_user("viewer", "viewer@example.org", "x")
    client.force_login(user)
    response = client.post(reverse("feed_token:revoke", args=[token.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    token.refresh_from_db()
    assert token.revoked_at is None


@pytest.mark.parametrize("size", [10, 100])
def test_feed_token_admin_index_queries_flat(admin_client, django_assert_num_queries, size):
    def make(count):
        for _n in range(count):
            create_feed_token(enums.FeedKind.DELEGATION, delegation=DelegationFactory())

    make(1)
    with CaptureQueriesContext(connection) as baseline:
        admin_client.get(reverse("feed_token:index"))
    make(size - 1)
    with django_assert_num_queries(len(baseline)):
        response = admin_client.get(reverse("feed_token:index"))
    html = response.content.decode()
    shown = [t for t in FeedToken.objects.all() if reverse("feed_token:edit", args=[t.pk]) in html]
    assert len(shown) == min(size, 20)  # one page of the list


def test_feed_token_admin_rotate_of_a_revoked_link_says_why_on_the_page(admin_client):
    token, _secret = create_feed_token(enums.FeedKind.RESOURCE, resource=VenueFactory())
    url = reverse("feed_token:rotate", args=[token.pk])
    page = admin_client.get(url)  # open, then the link is revoked before the officer confirms
    revoke_feed_token(token)

    response = admin_client.post(url)

    assert (page.status_code, response.status_code) == (200, 200)
    html = response.content.decode()
    assert gettext("A revoked feed link cannot be rotated; create a new one.") in html

"""The page cache serves unchanged pages in one query (none within the re-check window) and never
serves a stale one."""

import datetime

import pytest
from django.utils import timezone

from tests.factories.events import ItineraryItemFactory, RegistrationFactory


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize(
    ("recheck_seconds", "queries"),
    [
        pytest.param(0, 1, id="re-checked-by-its-token"),
        pytest.param(60, 0, id="trusted-within-the-window"),
    ],
)
def test_second_anonymous_request_is_served_from_cache(
    client, settings, luncheon_pages, django_assert_num_queries, recheck_seconds, queries
):
    # A hit re-checked reads the page's token; within the re-check window the shared content
    # version vouches for the entry without the database.
    settings.KIA_PAGE_CACHE_RECHECK_SECONDS = recheck_seconds
    url = luncheon_pages["en"].url
    first = _get(client, url)
    with django_assert_num_queries(queries):
        second = _get(client, url)
    assert second["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in first
    assert second.content == first.content


def test_editing_the_event_record_invalidates_its_page(client, luncheon_pages, luncheon):
    url = luncheon_pages["en"].url
    _get(client, url)
    luncheon.title_en = "Kaohsiung International Luncheon (moved)"
    luncheon.save()
    response = _get(client, url)
    assert "X-Page-Cache" not in response
    assert "<h1>Kaohsiung International Luncheon (moved)</h1>" in response.content.decode()


def test_new_programme_item_invalidates_the_page(client, luncheon_pages, luncheon):
    url = luncheon_pages["en"].url
    _get(client, url)
    ItineraryItemFactory(event=luncheon, title_en="Dragon dance", is_public=True)
    assert "Dragon dance" in _get(client, url).content.decode()


def test_publishing_a_page_revision_invalidates_it(client, luncheon_pages):
    page = luncheon_pages["en"]
    _get(client, page.url)
    page.intro = "A new introduction"
    page.save_revision().publish()
    assert "A new introduction" in _get(client, page.url).content.decode()


def test_unpublishing_a_translation_updates_the_switcher_elsewhere(client, luncheon_pages):
    url = luncheon_pages["en"].url
    assert "/ko/events/luncheon/" in _get(client, url).content.decode()
    luncheon_pages["ko"].unpublish()
    body = _get(client, url).content.decode()
    assert "/ko/events/luncheon/" not in body
    assert 'href="/ko/"' in body


def test_registration_filling_the_event_invalidates_the_page(client, camp_pages, camp):
    url = camp_pages["en"].url
    assert "Apply now" in _get(client, url).content.decode()
    RegistrationFactory.create_batch(2, event=camp, status="accepted")
    body = _get(client, url).content.decode()
    assert "Apply now" not in body
    assert "Full" in body


def test_registration_deadline_turns_the_token(client, camp_pages, camp):
    url = camp_pages["en"].url
    _get(client, url)
    # update() leaves updated_at alone: the deadline and which side of it "now" lies on are
    # part of the token themselves.
    type(camp).objects.filter(pk=camp.pk).update(
        registration_closes_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    body = _get(client, url).content.decode()
    assert "Apply now" not in body


@pytest.mark.django_db
def test_staff_never_get_or_fill_the_cache(client, admin_user, luncheon_pages):
    url = luncheon_pages["en"].url
    client.force_login(admin_user)
    client.get(url)
    assert "X-Page-Cache" not in client.get(url)
    client.logout()
    assert "X-Page-Cache" not in client.get(url)

"""Page cache hits without the database: the shared content version and the re-check window."""

import datetime

import pytest
from django.utils import timezone

from cms import cache as page_cache
from tests.factories.events import RegistrationFactory


@pytest.fixture(autouse=True)
def _window(settings):
    # The test settings re-check every hit; here hits trust the version for a minute.
    settings.KIA_PAGE_CACHE_RECHECK_SECONDS = 60


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


def test_a_committed_edit_shows_on_the_next_request(
    client, luncheon_pages, luncheon, django_capture_on_commit_callbacks
):
    url = luncheon_pages["en"].url
    _get(client, url)
    with django_capture_on_commit_callbacks(execute=True):
        luncheon.title_en = "Kaohsiung International Luncheon (moved)"
        luncheon.save()
    response = _get(client, url)
    assert "X-Page-Cache" not in response
    assert "Kaohsiung International Luncheon (moved)" in response.content.decode()


def test_a_published_revision_shows_on_the_next_request(
    client, luncheon_pages, django_capture_on_commit_callbacks
):
    page = luncheon_pages["en"]
    _get(client, page.url)
    with django_capture_on_commit_callbacks(execute=True):
        page.intro = "A new introduction"
        page.save_revision().publish()
    assert "A new introduction" in _get(client, page.url).content.decode()


def test_an_edit_not_yet_committed_changes_nothing(
    client, luncheon_pages, luncheon, django_capture_on_commit_callbacks
):
    url = luncheon_pages["en"].url
    _get(client, url)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        luncheon.save()
    # The bump waits for the commit (beside the translated pages' sync, which waits too).
    assert callbacks.count(page_cache.bump_content_version) == 1
    assert _get(client, url)["X-Page-Cache"] == "hit"


def test_an_unsignalled_change_shows_once_the_window_has_passed(
    client, camp_pages, camp, monkeypatch
):
    url = camp_pages["en"].url
    assert "Apply now" in _get(client, url).content.decode()
    # update() sends no signal: hits go on trusting the entry until the window closes.
    type(camp).objects.filter(pk=camp.pk).update(
        registration_closes_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert _get(client, url)["X-Page-Cache"] == "hit"
    later = page_cache.time.time() + 61
    monkeypatch.setattr(page_cache.time, "time", lambda: later)
    response = _get(client, url)
    assert "X-Page-Cache" not in response
    assert "Apply now" not in response.content.decode()


def test_an_unchanged_page_is_renewed_after_the_window(
    client, luncheon_pages, monkeypatch, django_assert_num_queries
):
    url = luncheon_pages["en"].url
    _get(client, url)
    later = page_cache.time.time() + 61
    monkeypatch.setattr(page_cache.time, "time", lambda: later)
    with django_assert_num_queries(1):
        assert _get(client, url)["X-Page-Cache"] == "hit"
    with django_assert_num_queries(0):
        assert _get(client, url)["X-Page-Cache"] == "hit"


def test_a_public_application_keeps_the_pages(
    client, camp_pages, camp, django_capture_on_commit_callbacks
):
    url = camp_pages["en"].url
    _get(client, url)
    with django_capture_on_commit_callbacks(execute=True):
        RegistrationFactory(event=camp, status="submitted")
        RegistrationFactory(event=camp, status="waitlisted")
    assert _get(client, url)["X-Page-Cache"] == "hit"


def test_an_accepted_registration_filling_the_event_shows_at_once(
    client, camp_pages, camp, django_capture_on_commit_callbacks
):
    url = camp_pages["en"].url
    assert "Apply now" in _get(client, url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        RegistrationFactory.create_batch(2, event=camp, status="accepted")
    body = _get(client, url).content.decode()
    assert "Apply now" not in body
    assert "Full" in body


def test_a_lost_version_falls_back_to_the_token(client, luncheon_pages, luncheon):
    url = luncheon_pages["en"].url
    _get(client, url)
    page_cache._cache().delete(page_cache.CONTENT_VERSION_KEY)
    luncheon.title_en = "Renamed while the version was lost"
    luncheon.save()
    assert "Renamed while the version was lost" in _get(client, url).content.decode()

from unittest import mock

import pytest
from django.db import OperationalError, connections
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitor():
    # A visitor sees the error page, not the exception the test client would re-raise.
    return Client(raise_request_exception=False)


def _database_down():
    return mock.patch.object(
        type(connections["default"]),
        "cursor",
        side_effect=OperationalError("server closed the connection"),
    )


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/zh-hant/", "稍候即回"),
        ("/en/", "Back in a moment"),
        ("/ja/", "まもなく再開します"),
        ("/ko/", "잠시 후 다시 열립니다"),
    ],
)
def test_a_database_outage_answers_a_translated_503(visitor, path, heading):
    with _database_down():
        response = visitor.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert heading in response.content.decode()


def test_the_language_comes_from_the_browser_outside_the_public_site(visitor):
    with _database_down():
        response = visitor.get("/sitemap.xml", HTTP_ACCEPT_LANGUAGE="ja")
    assert response.status_code == 503
    assert response["Content-Language"] == "ja"


def test_other_errors_stay_500(visitor):
    with mock.patch("core.health._database", side_effect=RuntimeError("bug")):
        response = visitor.get("/healthz")
    assert response.status_code == 500
    assert "Retry-After" not in response

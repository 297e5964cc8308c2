import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/admin/no-such-page/", "/feeds/no-such-feed.ics"])
def test_unknown_address_outside_public_site_is_a_plain_404(admin_client, path):
    response = admin_client.get(path)
    assert response.status_code == 404


def test_public_address_without_language_still_redirects_to_a_language(client):
    response = client.get("/events/")
    assert response.status_code == 302
    assert response["Location"] == "/zh-hant/events/"

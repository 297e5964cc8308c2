"""Issue 15, point 1: an invitation's RSVP link is stored only as a hash, never shown to a
reader, shown once to whoever may send it, and re-issued on demand."""

import re

import pytest
from django.urls import reverse

from core.tokens import hash_secret
from events.models import Invitation
from events.selectors.invitations import get_invitation_for_token
from tests.factories.events import InvitationFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r"/rsvp/([\w-]{43})/")


def test_the_token_itself_is_not_stored():
    invitation = InvitationFactory()

    stored = Invitation.objects.values().get(pk=invitation.pk)

    assert invitation.token not in {str(value) for value in stored.values()}
    assert stored["token_hash"] == hash_secret(invitation.token)


def test_a_viewer_sees_no_link_on_the_inspect_page(viewer_client):
    invitation = InvitationFactory()

    response = viewer_client.get(reverse("invitation:inspect", args=[invitation.pk]))

    assert response.status_code == 200
    page = response.content.decode()
    assert invitation.token not in page
    assert invitation.token_hash not in page
    assert not LINK.search(page)


def test_a_viewer_cannot_reissue_a_link(viewer_client):
    invitation = InvitationFactory()

    response = viewer_client.post(reverse("invitation:reissue_link", args=[invitation.pk]))

    assert response.status_code == 302  # to the admin's "no permission" answer
    assert not LINK.search(response.content.decode())
    assert get_invitation_for_token(invitation.token) == invitation


def test_an_officer_is_offered_the_link_on_the_list(officer_client):
    invitation = InvitationFactory()
    url = reverse("invitation:reissue_link", args=[invitation.pk])

    assert url in officer_client.get(reverse("invitation:index")).content.decode()


def test_a_viewer_is_not_offered_the_link_on_the_list(viewer_client):
    invitation = InvitationFactory()
    url = reverse("invitation:reissue_link", args=[invitation.pk])

    assert url not in viewer_client.get(reverse("invitation:index")).content.decode()


def test_reissue_shows_a_new_link_once_and_stops_the_old_one(officer_client):
    invitation = InvitationFactory(person__preferred_languages=["ja"])
    url = reverse("invitation:reissue_link", args=[invitation.pk])

    confirm = officer_client.get(url)
    response = officer_client.post(url)

    assert confirm.status_code == 200
    assert not LINK.search(confirm.content.decode())
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    (token,) = LINK.findall(response.content.decode())
    assert f"/ja/rsvp/{token}/" in response.content.decode()
    assert get_invitation_for_token(token) == invitation
    with pytest.raises(Invitation.DoesNotExist):
        get_invitation_for_token(invitation.token)
    # Nothing on the list or the inspect page shows it again.
    for page in ("invitation:index", "invitation:inspect"):
        args = [invitation.pk] if page.endswith("inspect") else []
        assert token not in officer_client.get(reverse(page, args=args)).content.decode()


def test_the_rsvp_page_opens_only_with_the_newest_link(client, officer_client):
    invitation = InvitationFactory()
    old = invitation.token
    response = officer_client.post(reverse("invitation:reissue_link", args=[invitation.pk]))
    (new,) = LINK.findall(response.content.decode())

    assert client.get(f"/en/rsvp/{new}/").status_code == 200
    assert client.get(f"/en/rsvp/{old}/").status_code == 404
    assert client.get(f"/en/rsvp/{hash_secret(new)}/").status_code == 404

"""The invitation RSVP page reached by the token link."""

import datetime

import pytest
from django.utils import timezone

from events.models import Invitation
from tests.factories.crm import PersonFactory
from tests.factories.events import InvitationFactory


def _invitation(luncheon, **fields):
    person = PersonFactory(family_name="Yeom", given_name="Tae-young", preferred_languages=["ko"])
    return InvitationFactory(event=luncheon, person=person, max_companions=2, **fields)


def test_rsvp_page_shows_the_invitation_in_the_url_language(client, luncheon):
    invitation = _invitation(luncheon)
    response = client.get(f"/ko/rsvp/{invitation.token}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="ko">' in body
    assert "<h1>2019 가오슝 국제 오찬</h1>" in body
    assert 'name="response"' in body
    assert '<meta name="robots" content="noindex">' in body


def test_accepting_with_companions_and_dietary_needs_is_recorded(client, luncheon):
    invitation = _invitation(luncheon)
    url = f"/en/rsvp/{invitation.token}/"
    response = client.post(
        url,
        {"response": "accept", "companions": "2", "dietary_requirements": "halal"},
    )
    assert response.status_code == 302
    assert response["Location"] == url
    invitation.refresh_from_db()
    assert (invitation.status, invitation.companions, invitation.dietary_requirements) == (
        "accepted",
        2,
        "halal",
    )
    assert "Thank you: your reply is recorded." in client.get(url).content.decode()


def test_declining_records_no_companions(client, luncheon):
    invitation = _invitation(luncheon, companions=1, status="accepted")
    client.post(f"/en/rsvp/{invitation.token}/", {"response": "decline", "companions": "1"})
    invitation.refresh_from_db()
    assert (invitation.status, invitation.companions) == ("declined", 0)


def test_too_many_companions_is_refused_and_nothing_saved(client, luncheon):
    invitation = _invitation(luncheon)
    response = client.post(
        f"/en/rsvp/{invitation.token}/", {"response": "accept", "companions": "3"}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["companions"] == ["You may bring at most 2 companions."]
    invitation.refresh_from_db()
    assert (invitation.status, invitation.companions) == ("pending", 0)


def test_missing_answer_is_refused(client, luncheon):
    invitation = _invitation(luncheon)
    response = client.post(f"/en/rsvp/{invitation.token}/", {"companions": "0"})
    assert response.status_code == 400
    assert response.context["form"].errors["response"] == ["Please say whether you will attend."]


def test_reply_after_the_deadline_is_refused_and_nothing_saved(client, luncheon):
    invitation = _invitation(luncheon, respond_by=timezone.now() - datetime.timedelta(hours=1))
    response = client.post(
        f"/en/rsvp/{invitation.token}/", {"response": "accept", "companions": "0"}
    )
    assert response.status_code == 400
    assert "The reply deadline" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.status == "pending"


def test_unknown_token_is_a_plain_not_found(client, luncheon):
    _invitation(luncheon)
    response = client.get("/en/rsvp/not-a-real-token/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "2019 Kaohsiung International Luncheon" not in response.content.decode()
    assert Invitation.objects.filter(status="pending").count() == 1


@pytest.mark.parametrize("address", ["%00", "abc%00def", "%00" * 43, "x%00%0d%0a"])
def test_a_nul_byte_in_the_address_is_not_found_not_an_error(client, luncheon, address):
    # PostgreSQL refuses a NUL in a query's text (a 500 once); run on both databases.
    _invitation(luncheon)

    assert client.get(f"/en/rsvp/{address}/").status_code == 404
    assert client.post(f"/en/rsvp/{address}/", {"response": "accept"}).status_code == 404


def test_a_nul_byte_in_a_reply_is_refused_with_an_error(client, luncheon):
    invitation = _invitation(luncheon)

    response = client.post(
        f"/en/rsvp/{invitation.token}/",
        {"response": "accept", "companions": "0", "dietary_requirements": "veg\x00an"},
    )

    assert response.status_code == 400
    assert "Null characters are not allowed." in response.content.decode()
    assert Invitation.objects.get().status == "pending"


def test_rsvp_page_names_the_guest_as_their_envelope_would(client, luncheon):
    from crm.enums import NameOrder, OfficeRank
    from tests.factories.crm import AffiliationFactory, OrganisationFactory

    invitation = _invitation(luncheon)
    person = invitation.person
    person.native_name, person.name_order = "염태영", NameOrder.FAMILY_FIRST
    person.save()
    AffiliationFactory(
        person=person,
        organisation=OrganisationFactory(name="水原市", name_en="Suwon", name_ko="수원시"),
        position_title="市長",
        position_title_ko="시장",
        office_rank=OfficeRank.MAYOR,
    )

    body = client.get(f"/ko/rsvp/{invitation.token}/").content.decode()

    assert "수원시장 염태영 귀하" in body


def test_accepting_names_the_companions_with_their_dietary_needs(client, luncheon):
    invitation = _invitation(luncheon)

    client.post(
        f"/en/rsvp/{invitation.token}/",
        {
            "response": "accept",
            "companions": "2",
            "companion_names": "Aiko Yamamoto: vegetarian\nTaro Yamamoto",
        },
    )

    assert list(invitation.companion_guests.values_list("name", "dietary_requirements")) == [
        ("Aiko Yamamoto", "vegetarian"),
        ("Taro Yamamoto", ""),
    ]


def test_naming_more_companions_than_coming_is_refused(client, luncheon):
    invitation = _invitation(luncheon)

    response = client.post(
        f"/en/rsvp/{invitation.token}/",
        {"response": "accept", "companions": "1", "companion_names": "A\nB"},
    )

    assert response.status_code == 400
    assert response.context["form"].errors["companion_names"] == [
        "You named 2 people but bring 1 companion."
    ]
    assert not invitation.companion_guests.exists()

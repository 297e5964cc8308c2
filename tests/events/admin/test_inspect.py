"""Inspect pages read as staff read: office time (and home time), dashes, yes or no."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from tests.factories.events import (
    DelegationFactory,
    DelegationMemberFactory,
    ItineraryItemFactory,
    taipei,
)

pytestmark = pytest.mark.django_db


def _values(response):
    return response.content.decode()


def test_item_inspect_shows_office_time_not_utc(officer_client):
    item = ItineraryItemFactory(starts_at=taipei(2019, 2, 16, 9), ends_at=taipei(2019, 2, 16, 17))
    item.event.ends_at = taipei(2019, 2, 16, 18)
    item.event.save()

    page = _values(officer_client.get(reverse("itineraryitem:inspect", args=[item.pk])))

    assert "2019-02-16 09:00 (CST)" in page
    assert "2019-02-16 17:00 (CST)" in page
    assert "01:00" not in page


def test_inspect_shows_dashes_and_yes_no_never_python_values(officer_client):
    item = ItineraryItemFactory()

    with translation.override("en"):
        page = _values(
            officer_client.get(
                reverse("itineraryitem:inspect", args=[item.pk]), HTTP_ACCEPT_LANGUAGE="en"
            )
        )

    for raw in (">None<", ">[]<", ">False<", ">True<"):
        assert raw not in page
    assert "—" in page


def test_yes_no_follow_the_readers_language(officer_client, officer):
    item = ItineraryItemFactory(is_public=True)
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = "ja"
    profile.save()

    page = _values(officer_client.get(reverse("itineraryitem:inspect", args=[item.pk])))

    with translation.override("ja"):
        assert translation.gettext("yes") in page
    assert ">True<" not in page


def test_member_inspect_adds_the_visitors_home_time(officer_client):
    delegation = DelegationFactory(home_timezone="Asia/Seoul")
    member = DelegationMemberFactory(delegation=delegation, arrival_at=taipei(2019, 2, 15, 14, 30))

    page = _values(officer_client.get(reverse("delegationmember:inspect", args=[member.pk])))

    assert "2019-02-15 14:30 (CST)" in page
    assert "2019-02-15 15:30" in page
    assert "Asia/Seoul" in page

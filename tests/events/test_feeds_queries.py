"""Every feed costs the same number of queries at 10 and at 1,000 entries."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse

from crm.enums import RelationshipType
from crm.models import Organisation, Relationship
from events import enums
from events.models import Booking
from events.services.feeds import create_feed_token
from tests.factories.crm import OrganisationFactory, PersonFactory
from tests.factories.events import (
    DelegationFactory,
    DelegationMemberFactory,
    DriverFactory,
    EventFactory,
    VenueFactory,
    taipei,
)
from tests.factories.feeds import bulk_items, staff_person

pytestmark = pytest.mark.django_db
SIZES = [10, 1000]


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def private_url(secret):
    return reverse("events:feed-private", kwargs={"secret": secret})


def entries(response):
    return response.content.count(b"BEGIN:VEVENT")


@pytest.mark.parametrize("size", SIZES)
def test_public_events_feed_queries_flat(client, django_assert_num_queries, size):
    venue = VenueFactory()
    EventFactory.create_batch(size, is_public=True, venue=venue)
    # version aggregate, events with venues
    with django_assert_num_queries(2):
        response = client.get(reverse("events:feed-public-events"))
    assert entries(response) == size


@pytest.mark.parametrize("size", SIZES)
def test_public_event_feed_queries_flat(client, django_assert_num_queries, size):
    event = EventFactory(is_public=True)
    bulk_items(event, size, venue=VenueFactory())
    url = reverse("events:feed-public-event", kwargs={"uid": event.uid})
    # event lookup, two version aggregates, the event with its venue, its items, their venues
    with django_assert_num_queries(6):
        response = client.get(url)
    assert entries(response) == size + 1


@pytest.mark.parametrize("size", SIZES)
def test_delegation_feed_queries_flat(client, django_assert_num_queries, size):
    delegation = DelegationFactory(hotel="Hotel", home_timezone="Asia/Seoul")
    member = DelegationMemberFactory(delegation=delegation, person=PersonFactory())
    bulk_items(delegation.event, size, member=member, venue=VenueFactory())
    _token, secret = create_feed_token(enums.FeedKind.DELEGATION, delegation=delegation)
    # token, touch, language (head of delegation), three version aggregates, three kinds of
    # participant links and their persons, items, their venues
    with django_assert_num_queries(12):
        response = client.get(private_url(secret))
    assert entries(response) == size


@pytest.mark.parametrize("size", SIZES)
def test_person_feed_queries_flat(client, django_assert_num_queries, django_user_model, size):
    person = staff_person(django_user_model.objects.create_user("staff"))
    delegation = DelegationFactory()
    member = DelegationMemberFactory(delegation=delegation, person=person)
    bulk_items(delegation.event, size, member=member)
    driver = DriverFactory(person=person)
    start = taipei(2019, 5, 1, 8)
    Booking.objects.bulk_create(
        Booking(
            resource=driver,
            starts_at=start + datetime.timedelta(hours=2 * n),
            ends_at=start + datetime.timedelta(hours=2 * n + 1),
            pickup_address="Pier 2",
        )
        for n in range(size)
    )
    _token, secret = create_feed_token(enums.FeedKind.PERSON, person=person)
    # token, touch, four version aggregates, memberships, three kinds of participant
    # links and their persons, items (no venues here), bookings
    with django_assert_num_queries(13):
        response = client.get(private_url(secret))
    assert entries(response) == 2 * size


@pytest.mark.parametrize("size", SIZES)
def test_resource_feed_queries_flat(client, django_assert_num_queries, size):
    venue = VenueFactory()
    start = taipei(2019, 5, 1, 8)
    Booking.objects.bulk_create(
        Booking(
            resource=venue,
            starts_at=start + datetime.timedelta(hours=2 * n),
            ends_at=start + datetime.timedelta(hours=2 * n + 1),
            purpose=f"Meeting {n}",
        )
        for n in range(size)
    )
    _token, secret = create_feed_token(enums.FeedKind.RESOURCE, resource=venue)
    # token, touch, two version aggregates, bookings
    with django_assert_num_queries(5):
        response = client.get(private_url(secret))
    assert entries(response) == size


@pytest.mark.parametrize("size", SIZES)
def test_agreements_feed_queries_flat(client, django_assert_num_queries, size):
    home = OrganisationFactory(is_home=True)
    partners = Organisation.objects.bulk_create(
        Organisation(kind="city", name=f"城市 {n}", name_en=f"City {n}") for n in range(size)
    )
    # Signed ten years before next month: every tie has an anniversary within the window.
    today = datetime.date.today()
    Relationship.objects.bulk_create(
        Relationship(
            source=home,
            target=partner,
            type=RelationshipType.FRIENDSHIP_CITY,
            signed_on=datetime.date(today.year - 10, today.month, 1) + datetime.timedelta(40),
        )
        for partner in partners
    )
    _token, secret = create_feed_token(enums.FeedKind.AGREEMENTS)
    # token, touch, two version aggregates, the ties due with both parties
    with django_assert_num_queries(5):
        response = client.get(private_url(secret))
    assert entries(response) == size

"""The admin home page shows the officer's day, links each line, and asks a fixed number of
queries however much the office holds."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from crm.models import Person, Relationship
from events.enums import EventStatus, InvitationStatus, RegistrationStatus
from events.models import Booking, Delegation, Invitation, ItineraryItem, Registration
from tests.factories.crm import OrganisationFactory
from tests.factories.events import EventFactory, VehicleFactory

pytestmark = pytest.mark.django_db


def this_week(hours=0):
    now = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    return now + datetime.timedelta(hours=hours)


def fill(count):
    """`count` rows of each kind the panel lists, made in bulk."""
    now = timezone.now()
    home = OrganisationFactory(is_home=True) if not Relationship.objects.exists() else None
    visiting = OrganisationFactory(country="JP")
    event = EventFactory(starts_at=this_week(1), ends_at=this_week(3), status=EventStatus.DRAFT)
    Delegation.objects.bulk_create(
        Delegation(event=event, name=f"Delegation {n}", organisation=visiting) for n in range(count)
    )
    ItineraryItem.objects.bulk_create(
        ItineraryItem(
            event=event,
            kind="meeting",
            title=f"Item {n}",
            starts_at=this_week(1),
            ends_at=this_week(2),
        )
        for n in range(count)
    )
    people = Person.objects.bulk_create(
        Person(family_name=f"Guest{n}", given_name="A") for n in range(count)
    )
    Invitation.objects.bulk_create(
        Invitation(
            event=event,
            person=person,
            status=InvitationStatus.PENDING,
            respond_by=now + datetime.timedelta(days=2),
        )
        for n, person in enumerate(people)
    )
    Registration.objects.bulk_create(
        Registration(
            event=event,
            family_name="Applicant",
            given_name=str(n),
            email=f"a{count}-{n}@example.org",
            status=RegistrationStatus.SUBMITTED,
        )
        for n in range(count)
    )
    partners = [OrganisationFactory(kind="city") for _ in range(count)] if home else []
    Relationship.objects.bulk_create(
        Relationship(
            source=home,
            target=partner,
            type="sister_city",
            status="active",
            signed_on=timezone.localdate() - datetime.timedelta(days=365 * 5 - 10),
        )
        for partner in partners
    )
    car = VehicleFactory()
    Booking.objects.bulk_create(
        Booking(
            resource=car,
            item=ItineraryItem.objects.filter(event=event).first(),
            starts_at=this_week(24 + 2 * n),
            ends_at=this_week(25 + 2 * n),
        )
        for n in range(count)
    )


def test_dashboard_shows_the_officers_day_with_links(viewer_client):
    fill(3)

    response = viewer_client.get(reverse("wagtailadmin_home"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "data-officer-day" in html
    for section in (
        "visits",
        "items",
        "invitations",
        "registrations",
        "agreements",
        "dormant",
        "bookings",
    ):
        assert f'data-section="{section}"' in html
    assert f"{reverse('registration:index')}?event=" in html
    assert f"{reverse('invitation:index')}?event=" in html
    assert reverse("booking:edit", args=[Booking.objects.first().pk]) in html
    # Wagtail's page, image and document counts are gone.
    assert response.context["site_summary"].summary_items == []


def test_dashboard_query_count_is_the_same_at_10_and_1000_rows(viewer_client):
    url = reverse("wagtailadmin_home")
    fill(10)
    viewer_client.get(url)  # warm caches of sites, permissions and locales
    with CaptureQueriesContext(connection) as at_ten:
        assert viewer_client.get(url).status_code == 200
    fill(990)
    with CaptureQueriesContext(connection) as at_thousand:
        response = viewer_client.get(url)
    assert response.context["panels"][0].name == "officer_day"
    assert len(at_thousand) == len(at_ten)

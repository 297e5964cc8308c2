"""The staff API: tokens and the admin's permissions, personal fields behind the sensitive
permission, bookings written through the service with 409 on a clash."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Booking
from tests.factories.crm import OrganisationFactory, PersonFactory, RelationshipFactory
from tests.factories.events import (
    BookingFactory,
    DelegationFactory,
    EventFactory,
    ItineraryItemFactory,
    VehicleFactory,
    taipei,
)

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/v1/staff/people/",
    "/api/v1/staff/organisations/",
    "/api/v1/staff/ties/",
    "/api/v1/staff/delegations/",
    "/api/v1/staff/itinerary-items/",
    "/api/v1/staff/bookings/",
]


@pytest.mark.parametrize("path", LISTS)
def test_staff_lists_need_a_token(api, path):
    assert api.get(path).status_code in (401, 403)


def test_a_viewer_reads_but_does_not_see_personal_fields(viewer_api, sensitive_api):
    PersonFactory(email="mayor@example.org", dietary_requirements="halal")

    plain = viewer_api.get("/api/v1/staff/people/").json()["results"][0]
    full = sensitive_api.get("/api/v1/staff/people/").json()["results"][0]

    assert "email" not in plain and "dietary_requirements" not in plain
    assert full["email"] == "mayor@example.org"
    assert full["dietary_requirements"] == "halal"


def test_a_viewer_cannot_book(viewer_api):
    car = VehicleFactory()
    response = viewer_api.post(
        "/api/v1/staff/bookings/",
        {
            "resource": car.pk,
            "starts_at": "2019-03-05T09:00+08:00",
            "ends_at": "2019-03-05T10:00+08:00",
        },
        format="json",
    )
    assert response.status_code == 403
    assert Booking.objects.count() == 0


def test_booking_through_the_api_uses_the_service_and_answers_409_on_a_clash(officer_api):
    car = VehicleFactory()
    slot = {
        "resource": car.pk,
        "starts_at": "2019-03-05T09:00:00+08:00",
        "ends_at": "2019-03-05T10:00:00+08:00",
        "purpose": "Airport pick-up",
    }

    created = officer_api.post("/api/v1/staff/bookings/", slot, format="json")
    clash = officer_api.post(
        "/api/v1/staff/bookings/",
        {**slot, "starts_at": "2019-03-05T09:30:00+08:00", "ends_at": "2019-03-05T11:00:00+08:00"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert created.status_code == 201
    assert clash.status_code == 409
    body = clash.json()
    assert body["code"] == "booking_conflict"
    assert body["clashing_booking"] == created.json()["id"]
    assert "already booked" in body["detail"]
    assert Booking.objects.count() == 1
    backwards = officer_api.post(
        "/api/v1/staff/bookings/",
        {**slot, "starts_at": "2019-03-06T10:00:00+08:00", "ends_at": "2019-03-06T09:00:00+08:00"},
        format="json",
    )
    assert backwards.status_code == 400
    assert Booking.objects.count() == 1


@pytest.mark.parametrize("path", LISTS)
def test_staff_list_query_count_is_the_same_at_10_and_1000_rows(sensitive_api, path):
    home = OrganisationFactory(is_home=True)
    car = VehicleFactory()

    def grow(count, offset):
        event = EventFactory()
        for n in range(count):
            partner = OrganisationFactory()
            PersonFactory()
            RelationshipFactory(source=home, target=partner)
            DelegationFactory(event=event, organisation=partner)
            ItineraryItemFactory(event=event)
            BookingFactory(
                resource=car,
                starts_at=taipei(2019, 1, 1, 0, 0) + (offset + n) * ONE_HOUR,
                ends_at=taipei(2019, 1, 1, 0, 30) + (offset + n) * ONE_HOUR,
            )

    grow(10, 0)
    with CaptureQueriesContext(connection) as at_ten:
        assert sensitive_api.get(path).status_code == 200
    grow(990, 10)
    with CaptureQueriesContext(connection) as at_thousand:
        assert sensitive_api.get(path).status_code == 200
    assert len(at_thousand) == len(at_ten)


ONE_HOUR = taipei(2019, 1, 1, 1) - taipei(2019, 1, 1, 0)

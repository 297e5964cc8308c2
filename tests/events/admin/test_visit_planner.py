"""The visit planner page: one POST saves everything, a clash comes back with alternatives."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from crm.enums import OfficeRank
from events.clashes import principal_warnings
from events.models import Booking, DelegationMember, ItineraryItem
from events.services.bookings import create_booking
from tests.factories.crm import AffiliationFactory, OrganisationFactory
from tests.factories.events import EventFactory, ItineraryItemFactory, VehicleFactory, taipei

pytestmark = pytest.mark.django_db


def _management(prefix, total):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def _post(organisation, car, **extra):
    data = {
        "delegation-name": "Akita",
        "delegation-organisation": organisation.pk,
        "delegation-hotel": "Grand Hi-Lai",
        **_management("members", 2),
        "members-0-family_name": "Yamamoto",
        "members-0-given_name": "Taro",
        "members-0-native_name": "山本太郎",
        "members-0-role": "head",
        "members-1-role": "member",
        **_management("items", 2),
        "items-0-day": "2019-05-01",
        "items-0-starts": "13:00",
        "items-0-ends": "16:30",
        "items-0-kind": "site_visit",
        "items-0-title": "Port visit",
        "items-0-vehicle": car.pk,
        "save": "1",
    }
    data.update(extra)
    return data


@pytest.fixture
def event():
    return EventFactory(starts_at=taipei(2019, 5, 1, 9), ends_at=taipei(2019, 5, 2, 18))


def test_planner_page_opens_for_officers(officer_client, event):
    response = officer_client.get(reverse("visit-planner:plan", args=[event.pk]))

    assert response.status_code == 200
    assert [day for day, _label in response.context["items"].forms[0].fields["day"].choices] == [
        "",
        "2019-05-01",
        "2019-05-02",
    ]


def test_planner_saves_the_visit_and_goes_to_its_programme(officer_client, event):
    car = VehicleFactory()

    response = officer_client.post(
        reverse("visit-planner:plan", args=[event.pk]), _post(OrganisationFactory(), car)
    )

    member = DelegationMember.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("delegation:programme", args=[member.delegation_id])
    assert member.person.native_name == "山本太郎"
    assert Booking.objects.get().resource_id == car.pk


def test_planner_clash_saves_nothing_and_offers_the_free_car(officer_client, event):
    taken, free = VehicleFactory(name="Van A"), VehicleFactory(name="Van B")
    create_booking(taken, starts_at=taipei(2019, 5, 1, 12), ends_at=taipei(2019, 5, 1, 14))

    response = officer_client.post(
        reverse("visit-planner:plan", args=[event.pk]), _post(OrganisationFactory(), taken)
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert DelegationMember.objects.count() == 0
    assert 'data-field-errors="vehicle"' in page
    assert f'data-value="{free.pk}"' in page
    assert f'data-value="{taken.pk}"' not in page


def test_check_availability_orders_free_first_and_names_the_holder(officer_client, event):
    taken, free = VehicleFactory(name="Van A"), VehicleFactory(name="Van B")
    booking = create_booking(
        taken,
        starts_at=taipei(2019, 5, 1, 12),
        ends_at=taipei(2019, 5, 1, 14),
        purpose="Mayor's trip",
    )
    data = _post(OrganisationFactory(), taken, check="1")
    del data["save"]

    response = officer_client.post(reverse("visit-planner:plan", args=[event.pk]), data)

    choices = response.context["items"].forms[0].fields["vehicle"].widget.choices
    assert [value for value, _label in choices] == ["", free.pk, taken.pk]
    assert "Mayor's trip" in choices[2][1]
    assert reverse("booking:edit", args=[booking.pk]) in response.content.decode()
    assert DelegationMember.objects.count() == 0


def test_planner_item_names_a_principal_warns_of_a_clash_and_saves(officer_client, event):
    mayor = AffiliationFactory(
        organisation=OrganisationFactory(is_home=True), office_rank=OfficeRank.MAYOR
    ).person
    elsewhere = ItineraryItemFactory(
        event=EventFactory(starts_at=taipei(2019, 5, 1, 9), ends_at=taipei(2019, 5, 1, 18)),
        starts_at=taipei(2019, 5, 1, 15),
        ends_at=taipei(2019, 5, 1, 17),
    )
    elsewhere.principals.add(mayor)
    url = reverse("visit-planner:plan", args=[event.pk])
    data = _post(OrganisationFactory(), VehicleFactory(), **{"items-0-principals": [mayor.pk]})
    del data["save"]
    data["check"] = "1"

    response = officer_client.post(url, data)

    assert response.status_code == 200
    # The admin speaks the office's language to an officer who chose none.
    with translation.override(settings.LANGUAGE_CODE):
        expected = principal_warnings(
            [mayor],
            starts_at=taipei(2019, 5, 1, 13),
            ends_at=taipei(2019, 5, 1, 16, 30),
            exclude_event=event,
        )
    assert len(expected) == 1
    assert expected[0] in response.context["clashes"]
    assert "data-principal-clashes" in response.content.decode()
    # Never blocking: saving the same plan keeps the principal on the item.
    data["save"] = "1"
    del data["check"]
    assert officer_client.post(url, data).status_code == 302
    planned = ItineraryItem.objects.exclude(pk=elsewhere.pk).get()
    assert list(planned.principals.all()) == [mayor]

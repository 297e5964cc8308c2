"""The logistics back office: bookings through the service (clashes on the form), resources."""

import pytest
from django.urls import reverse
from django.utils import translation

from events.enums import (
    BookingStatus,
)
from events.exceptions import BookingConflict
from events.models import (
    Booking,
    Interpreter,
)
from tests.factories.crm import PersonFactory
from tests.factories.events import (
    BookingFactory,
    VenueFactory,
    taipei,
)

pytestmark = pytest.mark.django_db


def booking_post_data(resource=None, **overrides):
    data = {
        "starts_at": "2019-02-16 09:30",
        "ends_at": "2019-02-16 10:30",
        "purpose": "Press briefing",
        "requested_by": "",
        "pickup_address": "",
        "dropoff_address": "",
    }
    if resource is not None:
        data["resource"] = resource.pk
    data.update(overrides)
    return data


def test_booking_create_records_who_booked(officer_client, officer):
    venue = VenueFactory()

    response = officer_client.post(reverse("booking:add"), booking_post_data(venue))

    assert response.status_code == 302
    booking = Booking.objects.get()
    assert (booking.resource_id, booking.booked_by, booking.purpose) == (
        venue.pk,
        officer,
        "Press briefing",
    )


def test_booking_clash_is_shown_on_the_create_form_and_nothing_saved(officer_client):
    venue = VenueFactory(name_zh_hant="第一會議室")
    clashing = BookingFactory(
        resource=venue,
        starts_at=taipei(2019, 2, 16, 9),
        ends_at=taipei(2019, 2, 16, 10),
        purpose="新聞處例會",
        requested_by="新聞局",
    )

    response = officer_client.post(reverse("booking:add"), booking_post_data(venue))

    assert response.status_code == 200
    with translation.override("zh-hant"):
        expected = BookingConflict(clashing).messages
    assert response.context["form"].non_field_errors() == expected
    assert "09:00" in expected[0] and "新聞局" in expected[0]
    assert "新聞處例會" in response.content.decode()
    assert "data-form-errors" in response.content.decode()
    assert Booking.objects.count() == 1


def test_booking_clash_is_shown_on_the_edit_form_and_nothing_saved(officer_client):
    venue = VenueFactory(name_zh_hant="第一會議室")
    BookingFactory(
        resource=venue,
        starts_at=taipei(2019, 2, 16, 9),
        ends_at=taipei(2019, 2, 16, 10),
        purpose="新聞處例會",
        requested_by="新聞局",
    )
    mine = BookingFactory(
        resource=venue, starts_at=taipei(2019, 2, 16, 11), ends_at=taipei(2019, 2, 16, 12)
    )

    response = officer_client.post(
        reverse("booking:edit", args=[mine.pk]),
        booking_post_data(purpose="Moved", starts_at="2019-02-16 09:30"),
    )

    assert response.status_code == 200
    assert "新聞局" in str(response.context["form"].non_field_errors())
    mine.refresh_from_db()
    assert (mine.starts_at, mine.purpose, mine.sequence) == (taipei(2019, 2, 16, 11), "", 0)


def test_booking_edit_moves_and_updates_details(officer_client):
    mine = BookingFactory(starts_at=taipei(2019, 2, 16, 11), ends_at=taipei(2019, 2, 16, 12))

    response = officer_client.post(
        reverse("booking:edit", args=[mine.pk]),
        booking_post_data(
            purpose="Moved", starts_at="2019-02-16 10:00", ends_at="2019-02-16 12:00"
        ),
    )

    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.starts_at, mine.ends_at, mine.purpose, mine.sequence) == (
        taipei(2019, 2, 16, 10),
        taipei(2019, 2, 16, 12),
        "Moved",
        1,
    )


def test_booking_cancel_frees_the_slot(officer_client):
    booking = BookingFactory()

    response = officer_client.post(reverse("booking:cancel", args=[booking.pk]))

    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED


def test_booking_cancel_refused_for_viewer(viewer_client):
    booking = BookingFactory()

    viewer_client.post(reverse("booking:cancel", args=[booking.pk]))

    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_interpreter_languages_are_typed_as_codes(officer_client):
    person = PersonFactory()

    response = officer_client.post(
        reverse("interpreter:add"),
        {
            "name_zh_hant": "口譯員",
            "name_en": "",
            "name_ja": "",
            "name_ko": "",
            "person": person.pk,
            "languages": "zh-hant, KO",
            "mode": "consecutive",
            "is_active": "on",
            "notes": "",
        },
    )

    assert response.status_code == 302
    assert Interpreter.objects.get().languages == ["zh-hant", "ko"]


def test_booking_edit_page_links_to_cancel_and_its_week(officer_client):
    booking = BookingFactory(starts_at=taipei(2019, 2, 16, 9), ends_at=taipei(2019, 2, 16, 10))

    content = officer_client.get(reverse("booking:edit", args=[booking.pk])).content.decode()

    assert reverse("booking:cancel", args=[booking.pk]) in content
    week_url = f"{reverse('booking-week:index')}?resource={booking.resource_id}&amp;week=2019-02-16"
    assert week_url in content

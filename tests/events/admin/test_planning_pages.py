"""The free-resource search page and the resource timeline."""

import datetime

import pytest
from django.urls import reverse

from events.models import Booking
from events.services.bookings import create_booking
from tests.factories.events import ItineraryItemFactory, VehicleFactory, VenueFactory, taipei

pytestmark = pytest.mark.django_db
FIVE_MINUTES = datetime.timedelta(minutes=5)


def test_find_a_free_car_from_1300_to_1630_for_6_people(officer_client):
    busy = VehicleFactory(name="Busy van", seats=8)
    VehicleFactory(name="Free van", seats=8)
    VehicleFactory(name="Small sedan", seats=4)
    item = ItineraryItemFactory(title="工廠參訪", title_en="Factory visit")
    booking = create_booking(
        busy, starts_at=taipei(2019, 2, 16, 12), ends_at=taipei(2019, 2, 16, 14), item=item
    )

    response = officer_client.get(
        reverse("free-resources:index"),
        {"kind": "vehicle", "date": "2019-02-16", "starts": "13:00", "ends": "16:30", "people": 6},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert page.index("Free van") < page.index("Busy van")
    assert "Small sedan" not in page
    assert reverse("booking:edit", args=[booking.pk]) in page
    assert "工廠參訪" in page


def test_free_search_refuses_an_end_before_the_start(officer_client):
    response = officer_client.get(
        reverse("free-resources:index"),
        {"kind": "vehicle", "date": "2019-02-16", "starts": "16:00", "ends": "13:00"},
    )

    assert response.status_code == 200
    assert "data-form-errors" in response.content.decode()
    assert response.context["results"] is None


def test_viewers_may_search_and_use_the_timeline(viewer_client):
    assert viewer_client.get(reverse("free-resources:index")).status_code == 200
    assert viewer_client.get(reverse("resource-timeline:index")).status_code == 200


def test_anonymous_users_are_sent_to_log_in(client):
    assert client.get(reverse("free-resources:index")).status_code == 302


def test_timeline_shows_every_room_of_one_building_with_linked_bars(officer_client):
    # Made out of name order, so the rows' order is the page's, not the rows' creation order.
    rooms = [
        VenueFactory(building="四維文化中心", name=f"{letter} 室", name_en=f"Room {letter}")
        for letter in "BCA"
    ]
    VenueFactory(building="中正文化中心", name="Elsewhere")
    booking = create_booking(
        rooms[1], starts_at=taipei(2019, 2, 16, 9), ends_at=taipei(2019, 2, 16, 11)
    )

    response = officer_client.get(
        reverse("resource-timeline:index"),
        {"kind": "venue", "building": "四維文化中心", "date": "2019-02-16", "span": "day"},
    )

    timeline = response.context["timeline"]
    assert [row.resource.name for row in timeline.rows] == ["A 室", "B 室", "C 室"]
    assert [b.booking for row in timeline.rows for b in row.bookings] == [booking]
    assert reverse("booking:edit", args=[booking.pk]) in response.content.decode()
    # Free time around the booking: before and after.
    row = timeline.rows[[r.resource for r in timeline.rows].index(rooms[1])]
    assert [bar.is_free for bar in row.bars] == [True, False, True]
    assert (row.bars[1].left, row.bars[1].width) == (37.5, round(2 / 24 * 100, 3))


def _book_many(count):
    """`count` five-minute bookings over ten cars and one week, none overlapping."""
    cars = [VehicleFactory() for _ in range(10)]
    bookings = []
    for n in range(count):
        day, hour, minute = 10 + n % 7, 6 + (n // 70) % 17, (n // 10) % 7 * 8
        starts_at = taipei(2019, 2, day, hour, minute)
        bookings.append(
            Booking(resource=cars[n % 10], starts_at=starts_at, ends_at=starts_at + FIVE_MINUTES)
        )
    Booking.objects.bulk_create(bookings)


@pytest.mark.parametrize("count", [10, 1_000])
def test_timeline_query_count_is_the_same_at_10_and_1000_bookings(
    officer_client, django_assert_num_queries, count
):
    _book_many(count)
    officer_client.get(reverse("resource-timeline:index"))  # session and user, warmed
    url = reverse("resource-timeline:index")
    params = {"kind": "vehicle", "date": "2019-02-10", "span": "week"}

    with django_assert_num_queries(QUERIES):
        response = officer_client.get(url, params)

    bars = sum(len(row.bookings) for row in response.context["timeline"].rows)
    assert bars == count


# Session, user, Wagtail's menu and the building choices; the timeline itself three.
QUERIES = 12


def test_timeline_first_visit_shows_todays_cars(officer_client):
    car = VehicleFactory()

    response = officer_client.get(reverse("resource-timeline:index"))

    assert [row.resource for row in response.context["timeline"].rows] == [car]
    assert "data-form-errors" not in response.content.decode()

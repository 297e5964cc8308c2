"""Items of one event share their room: one booking holds it for each span of time they cover.

Different events are still refused (by the database on both backends), and the one booking
follows the items: it grows, shrinks, splits and passes to the item still there.
"""

import pytest
from django.db import transaction

from events.enums import BookingStatus, ItemKind
from events.exceptions import BookingConflict
from events.models import Booking
from events.services.items import cancel_item, create_item, delete_item, update_item
from tests.factories.events import EventFactory, VenueFactory, taipei

pytestmark = pytest.mark.django_db


def _at(hour, minute=0):
    return taipei(2019, 2, 16, hour, minute)


def _item(event, venue, start, end, title="午宴"):
    return create_item(
        event,
        kind=ItemKind.MEAL,
        title=title,
        starts_at=_at(*start) if isinstance(start, tuple) else _at(start),
        ends_at=_at(*end) if isinstance(end, tuple) else _at(end),
        venue=venue,
    )


def _holds(venue):
    live = Booking.objects.filter(resource=venue, status=BookingStatus.CONFIRMED)
    return [(b.starts_at, b.ends_at, b.item.title) for b in live.order_by("starts_at")]


def test_a_lunch_and_a_talk_of_one_event_share_one_booking_of_the_hall():
    event, hall = EventFactory(), VenueFactory()
    _item(event, hall, 12, 14, "午宴")
    _item(event, hall, 13, 15, "演講")

    assert _holds(hall) == [(_at(12), _at(15), "午宴")]


def test_a_speech_inside_the_luncheon_adds_no_booking():
    event, hall = EventFactory(), VenueFactory()
    _item(event, hall, 12, 14, "午宴")
    _item(event, hall, (12, 30), (12, 45), "致詞")

    assert _holds(hall) == [(_at(12), _at(14), "午宴")]


def test_another_event_is_still_refused_by_the_shared_hold():
    event, hall = EventFactory(), VenueFactory()
    _item(event, hall, 12, 14)
    _item(event, hall, 13, 15)

    with pytest.raises(BookingConflict), transaction.atomic():
        _item(EventFactory(), hall, (14, 30), 16, "他案")

    assert _holds(hall) == [(_at(12), _at(15), "午宴")]


def test_cancelling_the_luncheon_leaves_the_speech_holding_the_hall():
    event, hall = EventFactory(), VenueFactory()
    lunch = _item(event, hall, 12, 14, "午宴")
    _item(event, hall, (12, 30), (12, 45), "致詞")
    booking = Booking.objects.get(resource=hall)

    cancel_item(lunch)

    assert _holds(hall) == [(_at(12, 30), _at(12, 45), "致詞")]
    # The same booking (its calendar entry) shrank and passed to the speech.
    assert Booking.objects.get(status=BookingStatus.CONFIRMED).pk == booking.pk


def test_moving_the_talk_away_splits_the_hold():
    event, hall = EventFactory(), VenueFactory()
    _item(event, hall, 12, 14, "午宴")
    talk = _item(event, hall, 13, 15, "演講")

    update_item(talk, starts_at=_at(16), ends_at=_at(17))

    assert _holds(hall) == [(_at(12), _at(14), "午宴"), (_at(16), _at(17), "演講")]


def test_an_item_bridging_two_holds_joins_them():
    event, hall = EventFactory(), VenueFactory()
    _item(event, hall, 10, 12, "上午")
    _item(event, hall, 13, 15, "下午")
    _item(event, hall, 11, 14, "中午")

    assert _holds(hall) == [(_at(10), _at(15), "上午")]
    assert Booking.objects.filter(resource=hall, status=BookingStatus.CANCELLED).count() == 1


def test_moving_the_luncheon_to_another_room_leaves_the_talk_its_part():
    event, hall, room = EventFactory(), VenueFactory(), VenueFactory()
    lunch = _item(event, hall, 12, 14, "午宴")
    _item(event, hall, 13, 15, "演講")

    update_item(lunch, venue=room)

    assert _holds(hall) == [(_at(13), _at(15), "演講")]
    assert _holds(room) == [(_at(12), _at(14), "午宴")]


def test_a_refused_growth_keeps_everything():
    event, hall = EventFactory(), VenueFactory()
    _item(event, hall, 12, 14)
    _item(EventFactory(), hall, 15, 16, "他案")

    with pytest.raises(BookingConflict), transaction.atomic():
        _item(event, hall, 13, (15, 30), "演講")

    assert _holds(hall) == [(_at(12), _at(14), "午宴"), (_at(15), _at(16), "他案")]


def test_deleting_the_luncheon_leaves_the_speech_holding_the_hall():
    event, hall = EventFactory(), VenueFactory()
    lunch = _item(event, hall, 12, 14, "午宴")
    _item(event, hall, (12, 30), (12, 45), "致詞")

    delete_item(lunch)

    assert _holds(hall) == [(_at(12, 30), _at(12, 45), "致詞")]


def test_the_admin_delete_view_keeps_the_shared_hold(client, django_user_model):
    from django.urls import reverse

    event, hall = EventFactory(), VenueFactory()
    lunch = _item(event, hall, 12, 14, "午宴")
    _item(event, hall, (12, 30), (12, 45), "致詞")
    client.force_login(django_user_model.objects.create_superuser("admin", password="pw"))

    response = client.post(reverse("itineraryitem:delete", args=[lunch.pk]))

    assert response.status_code == 302
    assert _holds(hall) == [(_at(12, 30), _at(12, 45), "致詞")]

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from events.enums import BookingStatus, EventStatus, InvitationStatus, ItemKind, ItemStatus
from events.exceptions import BookingConflict
from events.models import ItineraryItem
from events.services.bookings import create_booking
from events.services.items import (
    cancel_event,
    cancel_item,
    create_item,
    update_event,
    update_item,
)
from tests.factories.crm import PersonFactory
from tests.factories.events import (
    EventFactory,
    InvitationFactory,
    ItineraryItemFactory,
    VehicleFactory,
    VenueFactory,
    taipei,
)

pytestmark = pytest.mark.django_db


def test_create_item_adds_to_programme():
    event = EventFactory()

    item = create_item(
        event,
        kind=ItemKind.CALL,
        title="拜會市長",
        starts_at=taipei(2019, 2, 16, 10),
        ends_at=taipei(2019, 2, 16, 11),
        title_en="Call on the mayor",
    )

    assert list(event.items.all()) == [item]
    assert (item.title_en, item.sequence) == ("Call on the mayor", 0)


def test_create_item_refuses_end_before_start():
    event = EventFactory()

    with pytest.raises(ValidationError) as caught:
        create_item(
            event,
            kind=ItemKind.CALL,
            title="拜會市長",
            starts_at=taipei(2019, 2, 16, 11),
            ends_at=taipei(2019, 2, 16, 10),
        )

    # The constraint renders its message as it is raised, in the active language.
    assert caught.value.messages == [gettext("The item cannot end before it starts.")]
    assert ItineraryItem.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("starts_at", taipei(2019, 2, 16, 10, 30)),
        ("ends_at", taipei(2019, 2, 16, 12, 30)),
        ("address", "No. 2 Sihwei 3rd Road"),
        ("status", ItemStatus.CANCELLED),
    ],
)
def test_update_item_raises_sequence_on_time_place_or_status(field, value):
    item = ItineraryItemFactory()

    update_item(item, **{field: value})

    item.refresh_from_db()
    assert item.sequence == 1
    assert getattr(item, field) == value


def test_update_item_raises_sequence_on_venue_change():
    item = ItineraryItemFactory()

    update_item(item, venue=VenueFactory())

    item.refresh_from_db()
    assert item.sequence == 1


def test_update_item_keeps_sequence_on_text_change():
    item = ItineraryItemFactory()

    update_item(item, title_en="Lunch", private_notes="Vegetarian table 3")

    item.refresh_from_db()
    assert (item.title_en, item.private_notes, item.sequence) == ("Lunch", "Vegetarian table 3", 0)


def test_update_item_with_same_values_keeps_sequence():
    item = ItineraryItemFactory()

    update_item(item, starts_at=item.starts_at, address="")

    item.refresh_from_db()
    assert item.sequence == 0


def test_update_item_refuses_sequence_and_uid():
    item = ItineraryItemFactory()

    with pytest.raises(ValidationError) as caught:
        update_item(item, sequence=7)

    assert caught.value.code == "protected_field"


def test_update_item_moves_its_bookings():
    item = ItineraryItemFactory(starts_at=taipei(2019, 2, 16, 11), ends_at=taipei(2019, 2, 16, 12))
    room = create_booking(VenueFactory(), starts_at=item.starts_at, ends_at=item.ends_at, item=item)
    car = create_booking(
        VehicleFactory(),
        starts_at=taipei(2019, 2, 16, 10, 30),
        ends_at=taipei(2019, 2, 16, 11),
        item=item,
    )

    update_item(item, starts_at=taipei(2019, 2, 16, 14), ends_at=taipei(2019, 2, 16, 15, 30))

    room.refresh_from_db()
    car.refresh_from_db()
    assert (room.starts_at, room.ends_at) == (taipei(2019, 2, 16, 14), taipei(2019, 2, 16, 15, 30))
    assert (car.starts_at, car.ends_at) == (taipei(2019, 2, 16, 13, 30), taipei(2019, 2, 16, 14))


def test_update_item_refused_when_a_booking_cannot_follow():
    venue = VenueFactory()
    item = ItineraryItemFactory(starts_at=taipei(2019, 2, 16, 11), ends_at=taipei(2019, 2, 16, 12))
    create_booking(venue, starts_at=item.starts_at, ends_at=item.ends_at, item=item)
    create_booking(venue, starts_at=taipei(2019, 2, 16, 14), ends_at=taipei(2019, 2, 16, 15))

    with pytest.raises(BookingConflict):
        update_item(item, starts_at=taipei(2019, 2, 16, 14), ends_at=taipei(2019, 2, 16, 15))

    item.refresh_from_db()
    assert (item.starts_at, item.sequence) == (taipei(2019, 2, 16, 11), 0)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("starts_at", taipei(2019, 2, 16, 10)),
        ("ends_at", taipei(2019, 2, 16, 15)),
        ("location", "Kaohsiung Exhibition Center"),
        ("all_day", True),
        ("status", EventStatus.DRAFT),
    ],
)
def test_update_event_raises_sequence_on_time_place_or_status(field, value):
    event = EventFactory()

    update_event(event, **{field: value})

    event.refresh_from_db()
    assert event.sequence == 1


def test_update_event_keeps_sequence_on_summary_change():
    event = EventFactory()

    update_event(event, summary_en="A luncheon for 140 guests.", capacity=140)

    event.refresh_from_db()
    assert (event.summary_en, event.capacity, event.sequence) == (
        "A luncheon for 140 guests.",
        140,
        0,
    )


def test_update_event_refuses_end_before_start():
    event = EventFactory()

    with pytest.raises(ValidationError):
        update_event(event, ends_at=taipei(2019, 2, 16, 8))

    event.refresh_from_db()
    assert event.ends_at == taipei(2019, 2, 16, 14)


def test_cancel_item_cancels_its_bookings_and_raises_sequence():
    venue = VenueFactory()
    item = ItineraryItemFactory()
    booking = create_booking(venue, starts_at=item.starts_at, ends_at=item.ends_at, item=item)

    cancel_item(item)

    item.refresh_from_db()
    booking.refresh_from_db()
    assert (item.status, item.sequence) == (ItemStatus.CANCELLED, 1)
    assert booking.status == BookingStatus.CANCELLED


def test_cancel_event_cancels_items_and_bookings():
    event = EventFactory()
    first = ItineraryItemFactory(event=event)
    second = ItineraryItemFactory(
        event=event, starts_at=taipei(2019, 2, 16, 12), ends_at=taipei(2019, 2, 16, 13)
    )
    booking = create_booking(
        VehicleFactory(), starts_at=second.starts_at, ends_at=second.ends_at, item=second
    )

    cancel_event(event)

    event.refresh_from_db()
    first.refresh_from_db()
    second.refresh_from_db()
    booking.refresh_from_db()
    assert (event.status, event.sequence) == (EventStatus.CANCELLED, 1)
    assert [first.status, second.status] == [ItemStatus.CANCELLED, ItemStatus.CANCELLED]
    assert [first.sequence, second.sequence] == [1, 1]
    assert booking.status == BookingStatus.CANCELLED


def test_cancel_event_twice_raises_sequence_once():
    event = EventFactory()
    cancel_event(event)

    cancel_event(event)

    event.refresh_from_db()
    assert event.sequence == 1


def test_cancel_event_tells_guests_who_were_invited_and_have_not_declined(
    django_capture_on_commit_callbacks,
):
    event = EventFactory(title_en="Envoy tour")
    told = InvitationFactory(
        event=event, sent_at=taipei(2019, 11, 1), person=PersonFactory(preferred_languages=["en"])
    )
    InvitationFactory(event=event, sent_at=taipei(2019, 11, 1), status=InvitationStatus.DECLINED)
    InvitationFactory(event=event, sent_at=None)

    with django_capture_on_commit_callbacks(execute=True):
        cancel_event(event)
        cancel_event(event)

    assert [(message.to, message.subject) for message in mail.outbox] == [
        ([told.person.email], "Cancelled: Envoy tour")
    ]


def test_create_item_sets_members_and_people():
    from tests.factories.events import DelegationMemberFactory

    event = EventFactory()
    member = DelegationMemberFactory(delegation__event=event)
    guest = PersonFactory()

    item = create_item(
        event,
        kind=ItemKind.SITE_VISIT,
        title="參訪港口",
        starts_at=taipei(2019, 2, 16, 14),
        ends_at=taipei(2019, 2, 16, 16),
        members=[member],
        people=[guest],
    )

    assert (list(item.members.all()), list(item.people.all())) == ([member], [guest])


def test_update_item_to_cancelled_frees_its_bookings():
    item = ItineraryItemFactory()
    booking = create_booking(
        VenueFactory(), starts_at=item.starts_at, ends_at=item.ends_at, item=item
    )

    update_item(item, status=ItemStatus.CANCELLED)

    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED


def test_update_event_to_cancelled_cancels_like_cancel_event(django_capture_on_commit_callbacks):
    event = EventFactory()
    item = ItineraryItemFactory(event=event)
    booking = create_booking(
        VenueFactory(), starts_at=item.starts_at, ends_at=item.ends_at, item=item
    )
    InvitationFactory(event=event, sent_at=taipei(2019, 2, 1))

    with django_capture_on_commit_callbacks(execute=True):
        update_event(event, status=EventStatus.CANCELLED)

    item.refresh_from_db()
    booking.refresh_from_db()
    assert (event.sequence, item.status, booking.status) == (
        1,
        ItemStatus.CANCELLED,
        BookingStatus.CANCELLED,
    )
    assert len(mail.outbox) == 1

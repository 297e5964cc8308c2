"""Audit entries of the events back office are written by the services, never by the views.

A service an officer calls records what they did; the same service called inside another
(an event's cancellation freeing its bookings) or by the demo loader gets no user and leaves
the entry of the calling action to stand for the whole change.
"""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from events.enums import BookingStatus, EventStatus, FeedKind, RegistrationStatus
from events.services.bookings import cancel_booking, create_booking, update_booking
from events.services.feeds import create_feed_token, revoke_feed_token, rotate_feed_token
from events.services.invitations import invite_person
from events.services.items import update_event
from events.services.registrations import review_registration
from tests.factories.crm import PersonFactory
from tests.factories.events import (
    BookingFactory,
    EventFactory,
    ItineraryItemFactory,
    RegistrationFactory,
    VenueFactory,
    taipei,
)
from tests.factories.staff import protocol_officer

pytestmark = pytest.mark.django_db


def entries():
    """(action, model, object id, user id) of every entry, oldest first."""
    return [
        (entry.action, entry.content_type.model, entry.object_id, entry.user_id)
        for entry in ModelLogEntry.objects.select_related("content_type").order_by("pk")
    ]


def test_cancelling_an_event_is_one_entry_for_the_event_not_for_what_it_frees():
    officer = protocol_officer()
    event = EventFactory()
    item = ItineraryItemFactory(event=event)
    booking = BookingFactory(item=item)

    update_event(event, status=EventStatus.CANCELLED, user=officer)

    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert entries() == [("wagtail.edit", "event", str(event.pk), officer.pk)]


def test_services_called_without_a_user_write_no_entry():
    venue = VenueFactory()

    booking = create_booking(
        venue, starts_at=taipei(2019, 2, 16, 9), ends_at=taipei(2019, 2, 16, 10)
    )
    cancel_booking(booking)
    invite_person(EventFactory(), PersonFactory())

    assert entries() == []


def test_booking_services_record_who_booked_moved_and_cancelled():
    officer = protocol_officer()

    booking = create_booking(
        VenueFactory(),
        starts_at=taipei(2019, 2, 16, 9),
        ends_at=taipei(2019, 2, 16, 10),
        booked_by=officer,
    )
    update_booking(
        booking,
        starts_at=taipei(2019, 2, 16, 11),
        ends_at=taipei(2019, 2, 16, 12),
        purpose="Press",
        user=officer,
    )
    cancel_booking(booking, user=officer)

    pk = str(booking.pk)
    assert entries() == [
        ("wagtail.create", "booking", pk, officer.pk),
        ("wagtail.edit", "booking", pk, officer.pk),
        ("wagtail.edit", "booking", pk, officer.pk),
    ]


def test_invitation_and_review_services_record_the_officer():
    officer = protocol_officer()
    registration = RegistrationFactory()

    invitation = invite_person(EventFactory(), PersonFactory(), user=officer)
    review_registration(registration, status=RegistrationStatus.REJECTED, user=officer)

    assert entries() == [
        ("wagtail.create", "invitation", str(invitation.pk), officer.pk),
        ("wagtail.edit", "registration", str(registration.pk), officer.pk),
    ]


def test_feed_link_services_record_each_step():
    officer = protocol_officer()

    token, _secret = create_feed_token(FeedKind.RESOURCE, resource=VenueFactory(), user=officer)
    rotate_feed_token(token, user=officer)
    revoke_feed_token(token, user=officer)

    assert [action for action, *_rest in entries()] == [
        "wagtail.create",
        "wagtail.edit",
        "wagtail.edit",
    ]


def test_admin_cancel_page_leaves_one_entry_written_by_the_service(client):
    officer = protocol_officer()
    booking = BookingFactory()
    client.force_login(officer)

    response = client.post(reverse("booking:cancel", args=[booking.pk]))

    assert response.status_code == 302
    assert entries() == [("wagtail.edit", "booking", str(booking.pk), officer.pk)]

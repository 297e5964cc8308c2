import datetime

import pytest
import recurring_ical_events
from django.core import mail
from django.utils import translation
from icalendar import Calendar

from events import enums, ical
from events.services.items import cancel_event, update_item
from events.tasks import build_invitation_message
from tests.factories.crm import PersonFactory
from tests.factories.events import (
    EventFactory,
    InvitationFactory,
    ItineraryItemFactory,
    VenueFactory,
    taipei,
)

pytestmark = pytest.mark.django_db


def parse(content):
    return Calendar.from_ical(content)


def test_new_calendar_has_name_and_refresh_hints():
    content = ical.serialise(ical.new_calendar("高雄"), [])
    calendar = parse(content)
    assert calendar.calendar_name == "高雄"
    assert str(calendar["X-WR-CALNAME"]) == "高雄"
    assert calendar.refresh_interval == datetime.timedelta(hours=1)
    assert b"X-PUBLISHED-TTL:PT1H" in content
    assert b"\r\nUID:" not in content


def test_serialise_adds_one_vtimezone_per_tzid():
    items = ItineraryItemFactory.create_batch(3)
    content = ical.serialise(ical.new_calendar("x"), [ical.public_item_component(i) for i in items])
    calendar = parse(content)
    assert [tz.tz_name for tz in calendar.timezones] == ["Asia/Taipei"]
    assert content.count(b"DTSTART;TZID=Asia/Taipei:20190216T110000") == 3


def test_public_item_component_uses_uuid_uid_and_updated_at_stamp():
    item = ItineraryItemFactory()
    component = ical.public_item_component(item)
    assert str(component["UID"]) == f"{item.uid}@intl.kcg.gov.tw"
    assert component.stamp == item.updated_at.astimezone(datetime.UTC)
    assert component["SEQUENCE"] == 0
    assert str(component["STATUS"]) == "CONFIRMED"


def test_public_item_component_prefers_item_coordinates_over_venue():
    venue = VenueFactory(latitude="22.6", longitude="120.3", address="Road 1")
    item = ItineraryItemFactory(
        venue=venue, address="Gate 3", latitude="22.700001", longitude="120.400002"
    )
    component = ical.public_item_component(item)
    assert str(component["LOCATION"]) == f"{venue.name}, Road 1, Gate 3"
    assert (component["GEO"].latitude, component["GEO"].longitude) == (22.700001, 120.400002)


def test_public_item_component_without_place_has_no_location_or_geo():
    component = ical.public_item_component(ItineraryItemFactory())
    assert "LOCATION" not in component
    assert "GEO" not in component


def test_update_item_raises_sequence_seen_in_component():
    item = ItineraryItemFactory()
    before = ical.public_item_component(item)["SEQUENCE"]
    update_item(item, starts_at=taipei(2019, 2, 16, 13), ends_at=taipei(2019, 2, 16, 14))
    item.refresh_from_db()
    after = ical.public_item_component(item)
    assert (before, after["SEQUENCE"]) == (0, 1)
    assert after.start == taipei(2019, 2, 16, 13)


def test_home_time_line_names_zone_and_local_time():
    with translation.override("en"):
        line = ical.home_time_line(taipei(2019, 2, 16, 10), "Asia/Seoul")
    assert line == "At home: 2019-02-16 11:00 in Asia/Seoul"


def test_home_time_line_ignores_unknown_zone():
    assert ical.home_time_line(taipei(2019, 2, 16, 10), "Mars/Olympus") == ""
    assert ical.home_time_line(taipei(2019, 2, 16, 10), "") == ""


def test_public_event_component_single_all_day_ends_next_day():
    event = EventFactory(
        all_day=True, starts_at=taipei(2019, 6, 6, 0), ends_at=taipei(2019, 6, 6, 23, 59)
    )
    component = ical.public_event_component(event)
    assert (component.start, component.end) == (
        datetime.date(2019, 6, 6),
        datetime.date(2019, 6, 7),
    )
    found = recurring_ical_events.of(parse(ical.serialise(ical.new_calendar("x"), [component]))).at(
        (2019, 6, 6)
    )
    assert [str(c["UID"]) for c in found] == [f"{event.uid}@intl.kcg.gov.tw"]


def test_agreement_uid_stable_and_distinct_per_reason():
    first = ical.derived_uid("agreement", 1, "2019-01-01T00:00:00", "renewal", "2029-01-01")
    again = ical.derived_uid("agreement", 1, "2019-01-01T00:00:00", "renewal", "2029-01-01")
    other = ical.derived_uid("agreement", 1, "2019-01-01T00:00:00", "anniversary", "2029-01-01")
    assert first == again
    assert first != other
    assert first.endswith("@intl.kcg.gov.tw")


def test_invitation_calendar_is_a_request_with_attendee():
    guest = PersonFactory(email="guest@suwon.example")
    invitation = InvitationFactory(person=guest, event=EventFactory(venue=VenueFactory()))
    calendar = parse(ical.invitation_calendar(invitation, method="REQUEST"))
    assert str(calendar["METHOD"]) == "REQUEST"
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"{invitation.event.uid}@intl.kcg.gov.tw"
    assert [str(a) for a in event.attendees] == ["mailto:guest@suwon.example"]
    assert event.attendees[0].params["RSVP"] == "TRUE"
    assert str(event["ORGANIZER"]) == "mailto:intl@kcg.example"
    assert event.start == invitation.event.starts_at


def test_invitation_mail_carries_request_then_cancel_with_higher_sequence():
    guest = PersonFactory(email="guest@akita.example", preferred_languages=["ja"])
    invitation = InvitationFactory(person=guest)
    request = build_invitation_message(invitation)
    [part] = request.attachments
    assert part.get_content_type() == "text/calendar"
    assert part.get_param("method") == "REQUEST"
    requested = parse(part.get_payload(decode=True)).walk("VEVENT")[0]

    cancel_event(invitation.event)
    invitation.refresh_from_db()
    cancellation = build_invitation_message(invitation, kind="reminder")
    cancellation.send()
    [part] = cancellation.attachments
    assert part.get_param("method") == "CANCEL"
    cancelled_calendar = parse(part.get_payload(decode=True))
    assert str(cancelled_calendar["METHOD"]) == "CANCEL"
    cancelled = cancelled_calendar.walk("VEVENT")[0]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert cancelled["UID"] == requested["UID"]
    assert cancelled["SEQUENCE"] > requested["SEQUENCE"]
    [sent] = mail.outbox
    assert 'method="CANCEL"' in sent.message().as_string()


def test_invitation_mail_calendar_speaks_guest_language():
    guest = PersonFactory(preferred_languages=["en"])
    event = EventFactory(title="午宴", title_en="Luncheon")
    invitation = InvitationFactory(person=guest, event=event)
    [part] = build_invitation_message(invitation).attachments
    [component] = parse(part.get_payload(decode=True)).walk("VEVENT")
    assert str(component["SUMMARY"]) == "Luncheon"


def test_event_status_cancelled_maps_to_cancelled():
    event = EventFactory(status=enums.EventStatus.CANCELLED, sequence=2)
    component = ical.public_event_component(event)
    assert str(component["STATUS"]) == "CANCELLED"
    assert component["SEQUENCE"] == 2

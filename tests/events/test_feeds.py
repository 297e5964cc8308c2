import datetime
import zoneinfo

import pytest
import recurring_ical_events
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse
from icalendar import Calendar

from crm.enums import RelationshipType
from events import enums
from events.models import FeedToken
from events.services.feeds import create_feed_token, revoke_feed_token, rotate_feed_token
from events.services.items import cancel_item, update_item
from tests.factories.crm import OrganisationFactory, PersonFactory, RelationshipFactory
from tests.factories.events import (
    BookingFactory,
    DelegationMemberFactory,
    EventFactory,
    ItineraryItemFactory,
    taipei,
)
from tests.factories.feeds import (
    HOTEL,
    PASSPORT,
    PHONE,
    PICKUP,
    PRIVATE_NOTE,
    staff_person,
    visit_with_secrets,
)

pytestmark = pytest.mark.django_db
TAIPEI = zoneinfo.ZoneInfo("Asia/Taipei")
UTC = datetime.UTC


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def private_url(secret, **query):
    url = reverse("events:feed-private", kwargs={"secret": secret})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def vevents(content):
    return {str(c["UID"]): c for c in Calendar.from_ical(content).walk("VEVENT")}


def occurrences(content):
    """The second, independent reading: recurring-ical-events over the whole of 2019."""
    calendar = Calendar.from_ical(content)
    found = recurring_ical_events.of(calendar).between(
        datetime.date(2019, 1, 1), datetime.date(2020, 1, 1)
    )
    return {str(c["UID"]): c for c in found}


def assert_times_agree(content, records):
    """Both parsers read each record's start and end as the same instant, in Taipei and UTC."""
    first, second = vevents(content), occurrences(content)
    for record in records:
        uid = f"{record.uid}@intl.kcg.gov.tw"
        for parsed in (first[uid], second[uid]):
            start, end = parsed.start, parsed.end
            assert str(start.tzinfo) == "Asia/Taipei"
            assert start == record.starts_at
            assert end == record.ends_at
            assert start.astimezone(UTC) == record.starts_at.astimezone(UTC)
            assert start.astimezone(TAIPEI).hour == record.starts_at.astimezone(TAIPEI).hour


def test_public_events_feed_parses_with_two_parsers_and_times_agree(client):
    data = visit_with_secrets()
    response = client.get(reverse("events:feed-public-events"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert_times_agree(response.content, [data["event"]])
    calendar = Calendar.from_ical(response.content)
    assert [tz.tz_name for tz in calendar.timezones] == ["Asia/Taipei"]
    assert calendar.get_missing_tzids() == set()
    assert str(calendar["REFRESH-INTERVAL"].to_ical(), "ascii") == "PT1H"
    assert b"\r\nX-PUBLISHED-TTL:PT1H\r\n" in response.content
    assert "X-WR-CALNAME" in calendar


def test_public_event_feed_holds_items_venue_and_geo(client):
    data = visit_with_secrets()
    url = reverse("events:feed-public-event", kwargs={"uid": data["event"].uid})
    response = client.get(url)
    assert response.status_code == 200
    assert_times_agree(response.content, [data["event"], data["item"]])
    item = vevents(response.content)[f"{data['item'].uid}@intl.kcg.gov.tw"]
    assert str(item["SUMMARY"]) == "簽約儀式"
    assert str(item["LOCATION"]) == "西子灣沙灘會館, No. 51 Lianhai Rd, Gushan"
    assert (item["GEO"].latitude, item["GEO"].longitude) == (22.6243, 120.2652)
    assert str(item["DESCRIPTION"]) == "Friendship-city agreement"
    assert "ORGANIZER" not in item
    assert "ATTENDEE" not in item


def test_public_feeds_hold_no_private_field(client):
    data = visit_with_secrets()
    for url in (
        reverse("events:feed-public-events"),
        reverse("events:feed-public-event", kwargs={"uid": data["event"].uid}),
    ):
        content = client.get(url).content.decode()
        for secret in (HOTEL, PHONE, "7 555 0147", "75550147", PASSPORT, PRIVATE_NOTE, PICKUP):
            assert secret not in content
        assert "private note" not in content
        assert "Asia/Seoul" not in content


def test_public_event_feed_refuses_private_and_draft_events(client):
    private = EventFactory(is_public=False)
    draft = EventFactory(is_public=True, status=enums.EventStatus.DRAFT)
    for event in (private, draft):
        url = reverse("events:feed-public-event", kwargs={"uid": event.uid})
        assert client.get(url).status_code == 404


def test_public_event_feed_skips_non_public_items(client):
    data = visit_with_secrets()
    hidden = ItineraryItemFactory(event=data["event"], is_public=False)
    url = reverse("events:feed-public-event", kwargs={"uid": data["event"].uid})
    assert f"{hidden.uid}@intl.kcg.gov.tw" not in vevents(client.get(url).content)


def test_public_event_feed_keeps_cancelled_item_with_status(client):
    data = visit_with_secrets()
    cancel_item(data["item"])
    url = reverse("events:feed-public-event", kwargs={"uid": data["event"].uid})
    item = vevents(client.get(url).content)[f"{data['item'].uid}@intl.kcg.gov.tw"]
    assert str(item["STATUS"]) == "CANCELLED"
    assert item["SEQUENCE"] == 1


def test_public_events_feed_all_day_event_has_exclusive_date_end(client):
    camp = EventFactory(
        is_public=True,
        all_day=True,
        starts_at=taipei(2019, 8, 12, 9),
        ends_at=taipei(2019, 8, 17, 17),
    )
    content = client.get(reverse("events:feed-public-events")).content
    parsed = vevents(content)[f"{camp.uid}@intl.kcg.gov.tw"]
    assert parsed.start == datetime.date(2019, 8, 12)
    assert parsed.end == datetime.date(2019, 8, 18)
    assert b"DTSTART;VALUE=DATE:20190812" in content
    assert list(occurrences(content)) == [f"{camp.uid}@intl.kcg.gov.tw"]


def test_public_events_feed_answers_304_to_if_none_match(client):
    visit_with_secrets()
    url = reverse("events:feed-public-events")
    first = client.get(url)
    repeat = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert repeat.status_code == 304
    assert repeat["ETag"] == first["ETag"]
    assert repeat.content == b""
    since = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304


def test_public_event_feed_drops_cache_when_an_item_changes(client):
    data = visit_with_secrets()
    url = reverse("events:feed-public-event", kwargs={"uid": data["event"].uid})
    first = client.get(url)
    item = update_item(
        data["item"], starts_at=taipei(2019, 2, 16, 15), ends_at=taipei(2019, 2, 16, 16)
    )
    second = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]
    parsed = vevents(second.content)[f"{item.uid}@intl.kcg.gov.tw"]
    assert parsed["SEQUENCE"] == 1
    assert parsed.start == taipei(2019, 2, 16, 15)


def test_public_event_feed_drops_cache_when_an_item_is_added(client):
    data = visit_with_secrets()
    url = reverse("events:feed-public-event", kwargs={"uid": data["event"].uid})
    first = client.get(url)
    added = ItineraryItemFactory(event=data["event"])
    # Same second as the first read: only the row count tells the versions apart.
    second = client.get(url)
    assert second["ETag"] != first["ETag"]
    assert f"{added.uid}@intl.kcg.gov.tw" in vevents(second.content)


def test_public_events_feed_speaks_requested_language(client):
    data = visit_with_secrets()
    url = reverse("events:feed-public-event", kwargs={"uid": data["event"].uid})
    english = vevents(client.get(url + "?lang=en").content)
    korean = vevents(client.get(url + "?lang=ko").content)
    chinese = vevents(client.get(url + "?lang=xx").content)
    uid = f"{data['item'].uid}@intl.kcg.gov.tw"
    assert str(english[uid]["SUMMARY"]) == "Signing ceremony"
    assert str(english[uid]["LOCATION"]).startswith("Xiziwan Beach Hall")
    assert str(korean[uid]["SUMMARY"]) == "서명식"
    assert str(chinese[uid]["SUMMARY"]) == "簽約儀式"


def test_private_feed_unknown_token_is_404(client):
    assert client.get(private_url("not-a-token")).status_code == 404


def test_private_feed_revoked_token_is_404(client):
    data = visit_with_secrets()
    token, secret = create_feed_token(enums.FeedKind.DELEGATION, delegation=data["delegation"])
    assert client.get(private_url(secret)).status_code == 200
    revoke_feed_token(token)
    assert client.get(private_url(secret)).status_code == 404


def test_private_feed_rotated_token_stops_old_secret_at_once(client):
    data = visit_with_secrets()
    token, old = create_feed_token(enums.FeedKind.DELEGATION, delegation=data["delegation"])
    assert client.get(private_url(old)).status_code == 200
    token, new = rotate_feed_token(token)
    assert client.get(private_url(old)).status_code == 404
    assert client.get(private_url(new)).status_code == 200


def test_private_feed_records_last_use(client):
    data = visit_with_secrets()
    token, secret = create_feed_token(enums.FeedKind.DELEGATION, delegation=data["delegation"])
    assert token.last_used_at is None
    client.get(private_url(secret))
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_private_feed_answers_304_to_if_none_match(client):
    data = visit_with_secrets()
    _token, secret = create_feed_token(enums.FeedKind.DELEGATION, delegation=data["delegation"])
    first = client.get(private_url(secret))
    assert first["Cache-Control"] == "private, no-cache"
    repeat = client.get(private_url(secret), headers={"If-None-Match": first["ETag"]})
    assert repeat.status_code == 304
    assert repeat["ETag"] == first["ETag"]


def test_delegation_feed_shows_hotel_and_home_time_but_no_private_notes(client):
    data = visit_with_secrets()
    _token, secret = create_feed_token(enums.FeedKind.DELEGATION, delegation=data["delegation"])
    content = client.get(private_url(secret, lang="en")).content
    assert_times_agree(content, [data["item"]])
    item = vevents(content)[f"{data['item'].uid}@intl.kcg.gov.tw"]
    assert str(item["DESCRIPTION"]) == (
        f"Friendship-city agreement\n\nHotel: {HOTEL}\n\nAt home: 2019-02-16 11:00 in Asia/Seoul"
    )
    assert str(item["ORGANIZER"]) == "mailto:intl@kcg.example"
    # Members are named; their e-mail addresses are not given to whoever holds the link.
    head = data["head"].person
    (attendee,) = item.attendees
    assert attendee.params["CN"] == head.full_name
    assert str(attendee).startswith("urn:uuid:")
    text = content.decode()
    for secret_value in (PRIVATE_NOTE, PASSPORT, PHONE, "private note", PICKUP, head.email):
        assert secret_value not in text


def test_delegation_feed_speaks_head_of_delegation_language(client):
    data = visit_with_secrets()
    _token, secret = create_feed_token(enums.FeedKind.DELEGATION, delegation=data["delegation"])
    item = vevents(client.get(private_url(secret)).content)[f"{data['item'].uid}@intl.kcg.gov.tw"]
    assert str(item["SUMMARY"]) == "서명식"


def test_delegation_feed_leaves_out_other_delegations_items(client):
    data = visit_with_secrets()
    other = ItineraryItemFactory(event=data["event"])
    other_member = PersonFactory()
    other.members.add(DelegationMemberFactory(person=other_member))
    common = ItineraryItemFactory(event=data["event"])
    _token, secret = create_feed_token(enums.FeedKind.DELEGATION, delegation=data["delegation"])
    uids = set(vevents(client.get(private_url(secret)).content))
    assert uids == {f"{data['item'].uid}@intl.kcg.gov.tw", f"{common.uid}@intl.kcg.gov.tw"}


def test_person_feed_of_delegation_member_shows_hotel(client):
    data = visit_with_secrets()
    person = data["head"].person
    _token, secret = create_feed_token(enums.FeedKind.PERSON, person=person, language="en")
    content = client.get(private_url(secret)).content
    item = vevents(content)[f"{data['item'].uid}@intl.kcg.gov.tw"]
    assert str(item["SUMMARY"]) == "Signing ceremony"
    assert HOTEL in str(item["DESCRIPTION"])
    assert PRIVATE_NOTE not in content.decode()
    assert "ATTENDEE" not in item


def test_person_feed_of_driver_shows_pickup_and_dropoff(client):
    data = visit_with_secrets()
    person = data["driver"].person
    _token, secret = create_feed_token(enums.FeedKind.PERSON, person=person, language="en")
    content = client.get(private_url(secret)).content
    assert_times_agree(content, [data["booking"]])
    booking = vevents(content)[f"{data['booking'].uid}@intl.kcg.gov.tw"]
    assert str(booking["DESCRIPTION"]) == (
        f"Airport to hall\n\nPick-up: {PICKUP}\n\nDrop-off: Xiziwan Beach Hall"
    )
    assert str(booking["LOCATION"]) == "Xiziwan Beach Hall, No. 51 Lianhai Rd, Gushan"
    text = content.decode()
    for secret_value in (HOTEL, PRIVATE_NOTE, PASSPORT, PHONE):
        assert secret_value not in text


def test_person_feed_of_staff_shows_private_notes_and_attendees(client, django_user_model):
    data = visit_with_secrets()
    staff = staff_person(django_user_model.objects.create_user("liaison"))
    data["item"].people.add(staff)
    _token, secret = create_feed_token(enums.FeedKind.PERSON, person=staff, language="en")
    content = client.get(private_url(secret)).content
    item = vevents(content)[f"{data['item'].uid}@intl.kcg.gov.tw"]
    assert str(item["DESCRIPTION"]) == (f"Friendship-city agreement\n\nNotes: {PRIVATE_NOTE}")
    names = [a.params["CN"] for a in item.attendees]
    assert names == [data["head"].person.full_name, staff.full_name]
    assert PASSPORT not in content.decode()
    assert data["head"].person.email not in content.decode()


def test_resource_feed_of_venue_lists_its_bookings(client):
    data = visit_with_secrets()
    booking = BookingFactory(
        resource=data["venue"],
        starts_at=taipei(2019, 2, 16, 8),
        ends_at=taipei(2019, 2, 16, 9),
        purpose="Rehearsal",
        requested_by="Protocol section",
        pickup_address=PICKUP,
    )
    cancelled = BookingFactory(
        resource=data["venue"],
        starts_at=taipei(2019, 2, 17, 8),
        ends_at=taipei(2019, 2, 17, 9),
        status=enums.BookingStatus.CANCELLED,
        sequence=2,
    )
    _token, secret = create_feed_token(
        enums.FeedKind.RESOURCE, resource=data["venue"], language="en"
    )
    content = client.get(private_url(secret)).content
    assert_times_agree(content, [booking, cancelled])
    parsed = vevents(content)
    entry = parsed[f"{booking.uid}@intl.kcg.gov.tw"]
    assert str(entry["SUMMARY"]) == "Rehearsal · Xiziwan Beach Hall"
    assert str(entry["DESCRIPTION"]) == "Requested by: Protocol section"
    assert str(parsed[f"{cancelled.uid}@intl.kcg.gov.tw"]["STATUS"]) == "CANCELLED"
    assert parsed[f"{cancelled.uid}@intl.kcg.gov.tw"]["SEQUENCE"] == 2
    assert PICKUP not in content.decode()


def test_feed_token_create_stores_only_a_hash():
    data = visit_with_secrets()
    token, secret = create_feed_token(enums.FeedKind.DELEGATION, delegation=data["delegation"])
    assert len(secret) >= 43  # 32 bytes, base64: at least 256 bits
    stored = FeedToken.objects.get(pk=token.pk)
    assert secret not in stored.token_hash
    assert len(stored.token_hash) == 64


def test_feed_token_create_refuses_target_of_another_kind():
    data = visit_with_secrets()
    with pytest.raises(ValidationError):
        create_feed_token(enums.FeedKind.PERSON, delegation=data["delegation"])
    assert FeedToken.objects.count() == 0


def test_feed_token_rotate_refuses_revoked_token():
    data = visit_with_secrets()
    token, _secret = create_feed_token(enums.FeedKind.DELEGATION, delegation=data["delegation"])
    revoke_feed_token(token)
    with pytest.raises(ValidationError):
        rotate_feed_token(token)
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_public_events_feed_served_from_cache_on_repeat(client, django_assert_num_queries):
    visit_with_secrets()
    url = reverse("events:feed-public-events")
    first = client.get(url)
    # Only the version aggregate: the entries come from the cache.
    with django_assert_num_queries(1):
        second = client.get(url)
    assert second.content == first.content


def test_agreements_feed_lists_renewals_and_anniversaries_all_day(client):
    home = OrganisationFactory(name="高雄市", name_en="Kaohsiung", is_home=True)
    suwon = OrganisationFactory(name="水原市", name_en="Suwon")
    today = datetime.date.today()
    tie = RelationshipFactory(
        source=home,
        target=suwon,
        type=RelationshipType.FRIENDSHIP_CITY,
        signed_on=datetime.date(today.year - 10, 1, 1) + datetime.timedelta(days=400),
        expires_on=today + datetime.timedelta(days=30),
        notes="Ask about the youth exchange",
    )
    _token, secret = create_feed_token(enums.FeedKind.AGREEMENTS, language="en")
    first = client.get(private_url(secret))
    entries = sorted(vevents(first.content).values(), key=lambda c: c.start)
    renewal, anniversary = entries
    assert str(renewal["SUMMARY"]) == "Renewal due: Kaohsiung – Suwon"
    assert renewal.start == tie.expires_on
    assert renewal.end == tie.expires_on + datetime.timedelta(days=1)
    # Internal notes stay in the admin: the feed link may travel.
    assert "Ask about the youth exchange" not in first.content.decode()
    assert str(anniversary["SUMMARY"]) == "10 years: Kaohsiung – Suwon"
    assert anniversary.start == tie.signed_on.replace(year=tie.signed_on.year + 10)
    cache.clear()
    again = vevents(client.get(private_url(secret)).content)
    assert set(again) == {str(renewal["UID"]), str(anniversary["UID"])}


def _refetch(client, url, first):
    return client.get(url, headers={"If-None-Match": first["ETag"]})


def test_delegation_feed_changes_when_a_participant_is_renamed(client):
    data = visit_with_secrets()
    _token, secret = create_feed_token(enums.FeedKind.DELEGATION, delegation=data["delegation"])
    first = client.get(private_url(secret))
    head = data["head"].person
    head.family_name = "Kim"
    head.save()
    second = _refetch(client, private_url(secret), first)
    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]
    assert "Kim" in second.content.decode()


def test_person_feed_changes_when_the_person_is_renamed(client):
    data = visit_with_secrets()
    person = data["head"].person
    _token, secret = create_feed_token(enums.FeedKind.PERSON, person=person)
    first = client.get(private_url(secret))
    person.family_name = "Kim"
    person.save()
    second = _refetch(client, private_url(secret), first)
    assert second.status_code == 200
    assert "Kim" in str(Calendar.from_ical(second.content)["X-WR-CALNAME"])


def test_resource_feed_changes_when_the_resource_is_renamed(client):
    data = visit_with_secrets()
    driver = data["driver"]
    _token, secret = create_feed_token(enums.FeedKind.RESOURCE, resource=driver)
    first = client.get(private_url(secret))
    driver.name = "Driver Lin"
    driver.save()
    second = _refetch(client, private_url(secret), first)
    assert second.status_code == 200
    assert "Driver Lin" in second.content.decode()

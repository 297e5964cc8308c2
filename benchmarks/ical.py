"""iCal feed cost: a 5,000-item delegation programme, database to bytes.

Figures (one run, ratios of times measured here):
- full view / icalendar alone: the whole request (token, version aggregate, queries,
  translation, builders, VTIMEZONE, serialisation, cache write) against icalendar building
  and serialising the same 5,000 entries from plain values already in memory;
- 304 / full view: a repeated poll with If-None-Match against the uncached request.
"""

import datetime
import gc
import os
import time
import zoneinfo

from _harness import Report, setup_database, teardown_database

ITEMS = 5000
RUNS = 7
POLLS = 50


def seed():
    from crm.models import Organisation, Person
    from events import enums
    from events.models import Delegation, DelegationMember, Event, ItineraryItem, Venue
    from events.services.feeds import create_feed_token

    tz = zoneinfo.ZoneInfo("Asia/Taipei")
    start = datetime.datetime(2019, 8, 12, 8, tzinfo=tz)
    suwon = Organisation.objects.create(kind="city", name="水原市", name_en="Suwon")
    venue = Venue.objects.create(
        name="文化中心",
        name_en="Cultural Centre",
        venue_kind=enums.VenueKind.HALL,
        address="No. 67 Wufu 1st Rd",
        latitude="22.627800",
        longitude="120.317500",
    )
    event = Event.objects.create(
        kind=enums.EventKind.CAMP, title="夏令營", starts_at=start, ends_at=start
    )
    delegation = Delegation.objects.create(
        event=event,
        name="Suwon delegation",
        organisation=suwon,
        hotel="Grand Hi-Lai Hotel",
        home_timezone="Asia/Seoul",
    )
    head = DelegationMember.objects.create(
        delegation=delegation,
        person=Person.objects.create(
            family_name="Yeom", given_name="Tae-young", email="mayor@suwon.example"
        ),
        role=enums.MemberRole.HEAD,
    )
    items = ItineraryItem.objects.bulk_create(
        ItineraryItem(
            event=event,
            kind=enums.ItemKind.CLASS,
            title=f"課程 {n}",
            title_en=f"Class {n}",
            public_description="Language and diplomacy class",
            starts_at=start + datetime.timedelta(hours=n),
            ends_at=start + datetime.timedelta(hours=n, minutes=50),
            venue=venue,
            sequence=n % 3,
        )
        for n in range(ITEMS)
    )
    through = ItineraryItem.members.through
    through.objects.bulk_create(
        through(itineraryitem_id=item.pk, delegationmember_id=head.pk) for item in items
    )
    _token, secret = create_feed_token(enums.FeedKind.DELEGATION, delegation=delegation)
    return secret, delegation


def plain_entries(delegation):
    """The feed's entries as plain values, read before any timing starts."""
    from django.conf import settings
    from django.utils import timezone, translation
    from django.utils.translation import gettext

    from core.office import office_name
    from events import ical
    from events.models import ItineraryItem

    rows = []
    # The head of delegation as the feed names them: a URN, their name and role, no address.
    head = ical.named_attendee(delegation.members.get().person)
    attendee = (str(head), dict(head.params))
    with translation.override("zh-hant"):
        for item in ItineraryItem.objects.filter(event=delegation.event).select_related("venue"):
            location, geo = ical.item_location(item)
            rows.append(
                {
                    "uid": ical.uid_for(item.uid),
                    "stamp": item.updated_at.astimezone(datetime.UTC),
                    "sequence": item.sequence,
                    "start": timezone.localtime(item.starts_at),
                    "end": timezone.localtime(item.ends_at),
                    "summary": item.title,
                    "description": "\n\n".join(
                        [
                            item.public_description,
                            # The same catalogue string the feed uses, so both sides
                            # serialise the same text in the same language.
                            gettext("Hotel: %(hotel)s") % {"hotel": delegation.hotel},
                            ical.home_time_line(item.starts_at, delegation.home_timezone),
                        ]
                    ),
                    "location": location,
                    "geo": geo,
                    "organizer": (settings.DEFAULT_FROM_EMAIL, office_name()),
                    "attendee": attendee,
                }
            )
    return rows


def icalendar_alone(rows):
    """icalendar's own build and serialisation of the same entries, nothing of ours."""
    from icalendar import Calendar, Event
    from icalendar.enums import STATUS
    from icalendar.prop import vCalAddress, vDuration

    calendar = Calendar.new(
        prodid="-//bench//EN", name="Suwon", refresh_interval=datetime.timedelta(hours=1)
    )
    calendar.add("X-PUBLISHED-TTL", vDuration(datetime.timedelta(hours=1)))
    for row in rows:
        component = Event.new(
            uid=row["uid"],
            stamp=row["stamp"],
            last_modified=row["stamp"],
            sequence=row["sequence"],
            start=row["start"],
            end=row["end"],
            summary=row["summary"],
            description=row["description"],
            location=row["location"],
            status=STATUS.CONFIRMED,
            organizer=vCalAddress.new(row["organizer"][0], cn=row["organizer"][1]),
        )
        address, params = row["attendee"]
        attendee = vCalAddress(address)
        attendee.params.update(params)
        component.add("ATTENDEE", attendee)
        component.add("GEO", row["geo"])
        calendar.add_component(component)
    calendar.add_missing_timezones(
        first_date=datetime.date(1980, 1, 1), last_date=datetime.date(2038, 1, 1)
    )
    return calendar.to_ical()


def timed(function):
    """Seconds `function` takes, with the collector off as timeit has it: a cyclic collection
    costs with everything the process holds, so whichever side it fell in lost up to a tenth."""
    gc.collect()
    gc.disable()
    try:
        started = time.perf_counter()
        result = function()
        return time.perf_counter() - started, result
    finally:
        gc.enable()


def main():
    connection = setup_database()
    try:
        from django.core.cache import cache
        from django.test import Client
        from django.urls import reverse

        secret, delegation = seed()
        url = reverse("events:feed-private", kwargs={"secret": secret}) + "?lang=zh-hant"
        client = Client()
        rows = plain_entries(delegation)

        def full_view():
            cache.clear()
            response = client.get(url)
            assert response.status_code == 200
            return response

        full_view()  # warm imports, VTIMEZONE and query plans once for both sides
        icalendar_alone(rows)
        view_times, alone_times = [], []
        for _run in range(RUNS):
            seconds, response = timed(full_view)
            view_times.append(seconds)
            seconds, alone = timed(lambda: icalendar_alone(rows))
            alone_times.append(seconds)
        assert response.content.count(b"BEGIN:VEVENT") == ITEMS
        assert alone.count(b"BEGIN:VEVENT") == ITEMS
        # The best of interleaved runs: other work on a shared machine only ever adds time.
        view, baseline = min(view_times), min(alone_times)
        if os.environ.get("KIA_BENCH_VERBOSE"):
            print("# view ms", [round(t * 1000) for t in view_times])
            print("# alone ms", [round(t * 1000) for t in alone_times])
        print(
            f"# {ITEMS} items: view {view * 1000:.0f} ms ({len(response.content)} bytes), "
            f"icalendar alone {baseline * 1000:.0f} ms ({len(alone)} bytes)"
        )

        etag = client.get(url)["ETag"]
        poll_times = []
        for _poll in range(POLLS):
            seconds, polled = timed(lambda: client.get(url, headers={"If-None-Match": etag}))
            assert polled.status_code == 304
            poll_times.append(seconds)
        poll = min(poll_times)
        print(f"# 304 poll {poll * 1000:.2f} ms")

        report = Report()
        report.figure("ical_full_view_over_icalendar_alone", view / baseline, "<=", 1.3)
        report.figure("ical_304_over_full_view", poll / view, "<=", 0.02)
    finally:
        teardown_database(connection)
    report.exit()


if __name__ == "__main__":
    main()

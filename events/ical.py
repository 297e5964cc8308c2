"""Pure builders from records to icalendar objects; no queries, no HTTP.

Callers fetch and prefetch the rows (events/selectors/feeds/) and activate the feed's
language; these functions only read attributes. Public and private components are built by
different functions so that a private field can never reach a public feed by a flag mistake.
"""

import datetime
import functools
import re
import uuid
import zoneinfo
from dataclasses import dataclass
from email.mime.text import MIMEText

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language, gettext
from icalendar import Calendar, Event
from icalendar.enums import STATUS
from icalendar.prop import vCalAddress, vDuration

from core.office import office_name

from .enums import BookingStatus, EventStatus, ItemStatus, ResourceKind

# Never change: calendar clients match entries by UID, so a new domain would duplicate
# every entry in every subscriber's calendar.
UID_DOMAIN = settings.KIA_UID_DOMAIN
# Namespace for UIDs of things that have no uuid column (agreement reminders).
UID_NAMESPACE = uuid.UUID("6f1f3c52-3f0e-4f43-9c55-1b3f2d6f2a10")
PRODID = settings.KIA_ICAL_PRODID
REFRESH_INTERVAL = datetime.timedelta(hours=1)
# VTIMEZONE rules are generated for this span only; Asia/Taipei has had no DST since 1979.
TZ_FIRST_DATE = datetime.date(1980, 1, 1)
TZ_LAST_DATE = datetime.date(2038, 1, 1)

_ITEM_STATUS = {ItemStatus.CONFIRMED: STATUS.CONFIRMED, ItemStatus.CANCELLED: STATUS.CANCELLED}
_EVENT_STATUS = {
    EventStatus.CONFIRMED: STATUS.CONFIRMED,
    EventStatus.CANCELLED: STATUS.CANCELLED,
    EventStatus.DRAFT: STATUS.TENTATIVE,
}
_BOOKING_STATUS = {
    BookingStatus.CONFIRMED: STATUS.CONFIRMED,
    BookingStatus.CANCELLED: STATUS.CANCELLED,
}


@dataclass(frozen=True)
class Audience:
    """What the subscriber of a private feed may see beyond the public fields."""

    staff: bool = False  # private notes
    driver: bool = False  # pick-up and drop-off addresses of bookings
    attendees: bool = False  # ATTENDEE lines naming the people on an item (never addresses)


@dataclass(frozen=True)
class Visit:
    """The delegation context of an item for a visitor: their hotel and home time zone."""

    hotel: str = ""
    home_timezone: str = ""


# C0 and C1 control characters (tab, CR and LF included) and DEL: RFC 5545 allows none in
# TEXT, and a raw line break in a name ends the content line (a forged property or event).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def one_line(text):
    """Text for a one-line property (calendar name, SUMMARY, LOCATION, CN): control
    characters, line breaks included, become one space.

    Names are refused with control characters when saved (core.validators); this guards rows
    written before that, or around it.
    """
    text = str(text)
    if text.isprintable():
        return text
    return _CONTROL.sub(" ", text)


@functools.lru_cache(maxsize=16)
def _phrases(language):
    """Description labels in one language, looked up once per feed rather than per entry."""
    return {
        "home": gettext("At home: %(time)s in %(zone)s"),
        "hotel": gettext("Hotel: %(hotel)s"),
        "notes": gettext("Notes: %(notes)s"),
        "requested_by": gettext("Requested by: %(owner)s"),
        "pickup": gettext("Pick-up: %(address)s"),
        "dropoff": gettext("Drop-off: %(address)s"),
    }


def _label(key):
    return _phrases(get_language())[key]


def uid_for(value):
    """A globally unique UID from a model's uuid."""
    return f"{value}@{UID_DOMAIN}"


def derived_uid(*parts):
    """A stable UID for something without a uuid column, from parts that never change."""
    return uid_for(uuid.uuid5(UID_NAMESPACE, "/".join(str(part) for part in parts)))


def new_calendar(name, *, method=None):
    """An empty calendar with the name and refresh hints every client reads."""
    # X-WR-CALNAME is written as it is given (icalendar escapes no X- property): one line.
    calendar = Calendar.new(
        prodid=PRODID, name=one_line(name), method=method, refresh_interval=REFRESH_INTERVAL
    )
    # Outlook and older Apple clients read X-PUBLISHED-TTL, not REFRESH-INTERVAL.
    calendar.add("X-PUBLISHED-TTL", vDuration(REFRESH_INTERVAL))
    # Calendar.new() invents a random UID; a feed's bytes must depend on its rows only.
    del calendar["UID"]
    return calendar


def serialise(calendar, components):
    """Add the components and a VTIMEZONE for every TZID, and return the bytes."""
    calendar.subcomponents.extend(components)
    calendar.add_missing_timezones(first_date=TZ_FIRST_DATE, last_date=TZ_LAST_DATE)
    return calendar.to_ical()


def local(value):
    """An aware datetime in the office's time zone, so DTSTART carries TZID=Asia/Taipei.

    The office's zone (settings.TIME_ZONE), not the request's: a feed is the same for all.
    """
    return value.astimezone(timezone.get_default_timezone())


def utc(value):
    return value.astimezone(datetime.UTC)


def organizer():
    """The office as ORGANIZER, in the active language."""
    return _organizer(settings.DEFAULT_FROM_EMAIL, get_language())


@functools.lru_cache(maxsize=16)
def _organizer(email, language):
    # One shared value per feed instead of one per entry; to_ical() only reads it.
    return vCalAddress.new(email, cn=office_name(language))


def attendee(person, *, role="REQ-PARTICIPANT", partstat=None, rsvp=None):
    """The person as ATTENDEE with their e-mail address (an invitation to them)."""
    return vCalAddress.new(
        person.email, cn=one_line(person.full_name), role=role, partstat=partstat, rsvp=rsvp
    )


def named_attendee(person):
    """A participant named in a shared feed: the name only, never their e-mail address.

    Anyone holding a delegation's link reads its feed; the address is a stable URN instead.
    """
    # vCalAddress.new() would make the URN a mailto: address.
    address = vCalAddress(f"urn:uuid:{uuid.uuid5(UID_NAMESPACE, f'person/{person.pk}')}")
    address.params["CN"] = one_line(person.full_name)
    address.params["ROLE"] = "REQ-PARTICIPANT"
    return address


def venue_location(venue):
    """LOCATION text and GEO pair of a venue: name, building and address."""
    return _venue_location(venue, venue.updated_at, get_language())


@functools.lru_cache(maxsize=256)
def _venue_location(venue, updated_at, language):
    # Keyed by the row's last change and the language: a feed of 5,000 items in a handful
    # of venues reads each venue's translated names once.
    parts = [venue.name, venue.building, venue.address]
    text = ", ".join(part for part in parts if part)
    geo = _geo(venue.latitude, venue.longitude)
    return text, geo


def item_location(item):
    """An item's own address and coordinates win over its venue's."""
    text, geo = venue_location(item.venue) if item.venue_id else ("", None)
    if item.address:
        text = ", ".join(part for part in (text, item.address) if part)
    return text, _geo(item.latitude, item.longitude) or geo


def event_location(event):
    text, geo = venue_location(event.venue) if event.venue_id else ("", None)
    if event.location:
        text = ", ".join(part for part in (text, event.location) if part)
    return text, geo


def home_time_line(moment, zone_name):
    """'10:00 in Asia/Seoul': the start in the visitor's home time zone, or ''."""
    if not zone_name:
        return ""
    try:
        zone = zoneinfo.ZoneInfo(zone_name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return ""
    home = moment.astimezone(zone)
    return _label("home") % {
        "time": f"{home:%Y-%m-%d %H:%M}",
        "zone": zone_name,
    }


def public_event_component(event):
    """A public event: title, public summary, venue; nothing else."""
    location, geo = event_location(event)
    if event.all_day:
        # DATE values with an exclusive end: a one-day event ends on the next day.
        start = local(event.starts_at).date()
        end = local(event.ends_at).date() + datetime.timedelta(days=1)
    else:
        start, end = local(event.starts_at), local(event.ends_at)
    component = Event.new(
        uid=uid_for(event.uid),
        stamp=utc(event.updated_at),
        last_modified=utc(event.updated_at),
        sequence=event.sequence,
        start=start,
        end=end,
        summary=one_line(event.title),
        description=event.summary or None,
        location=one_line(location) or None,
        status=_EVENT_STATUS[event.status],
    )
    _add_geo(component, geo)
    return component


def public_item_component(item):
    """A public itinerary item: title, public description, venue; nothing else."""
    location, geo = item_location(item)
    component = _item_base(item, description=item.public_description, location=location)
    _add_geo(component, geo)
    return component


def private_item_component(item, *, audience, visit=None, participants=()):
    """An itinerary item for a subscriber of a private feed, with what their audience sees.

    participants: the people taking part (members, other participants, staff), used for
    ATTENDEE lines when the audience may see them.
    """
    location, geo = item_location(item)
    lines = [item.public_description]
    if visit and visit.hotel:
        lines.append(_label("hotel") % {"hotel": visit.hotel})
    if visit:
        lines.append(home_time_line(item.starts_at, visit.home_timezone))
    if audience.staff and item.private_notes:
        lines.append(_label("notes") % {"notes": item.private_notes})
    attendees = None
    if audience.attendees:
        attendees = [named_attendee(person) for person in participants]
    component = _item_base(
        item,
        description=_join(lines),
        location=location,
        organizer=organizer(),
        attendees=attendees,
    )
    _add_geo(component, geo)
    return component


def booking_component(booking, *, audience, visit=None):
    """A booking of a venue, vehicle, driver, interpreter or VIP for its private feed."""
    item = booking.item
    title = item.title if item else (booking.purpose or booking.resource.name)
    summary = f"{title} · {booking.resource.name}" if title != booking.resource.name else title
    lines = []
    if booking.purpose and booking.purpose != title:
        lines.append(booking.purpose)
    if booking.requested_by:
        lines.append(_label("requested_by") % {"owner": booking.requested_by})
    if audience.driver or audience.staff:
        if booking.pickup_address:
            lines.append(_label("pickup") % {"address": booking.pickup_address})
        if booking.dropoff_address:
            lines.append(_label("dropoff") % {"address": booking.dropoff_address})
    if visit:
        lines.append(home_time_line(booking.starts_at, visit.home_timezone))
    if audience.staff and item and item.private_notes:
        lines.append(_label("notes") % {"notes": item.private_notes})
    location, geo = _booking_location(booking, audience)
    component = Event.new(
        uid=uid_for(booking.uid),
        stamp=utc(booking.updated_at),
        last_modified=utc(booking.updated_at),
        sequence=booking.sequence,
        start=local(booking.starts_at),
        end=local(booking.ends_at),
        summary=one_line(summary),
        description=_join(lines) or None,
        location=one_line(location) or None,
        status=_BOOKING_STATUS[booking.status],
        organizer=organizer(),
    )
    _add_geo(component, geo)
    return component


def agreement_component(due):
    """An all-day reminder of an agreement's renewal or anniversary (staff feed)."""
    relationship = due.relationship
    pair = f"{relationship.source.name} – {relationship.target.name}"
    if due.reason == "renewal":
        summary = gettext("Renewal due: %(pair)s") % {"pair": pair}
    else:
        summary = gettext("%(years)s years: %(pair)s") % {"years": due.years, "pair": pair}
    # The summary only: internal notes stay in the admin, whoever holds the feed's link.
    lines = [relationship.get_type_display(), relationship.summary]
    component = Event.new(
        # created_at keeps the UID unique even if SQLite reuses a deleted row's pk.
        uid=derived_uid(
            "agreement", relationship.pk, relationship.created_at.isoformat(), due.reason, due.date
        ),
        stamp=utc(relationship.updated_at),
        last_modified=utc(relationship.updated_at),
        start=due.date,
        end=due.date + datetime.timedelta(days=1),
        summary=one_line(summary),
        description=_join(lines) or None,
        status=STATUS.CONFIRMED,
    )
    return component


def invitation_method(invitation):
    """REQUEST adds or updates the event in the guest's calendar; CANCEL removes it."""
    return "CANCEL" if invitation.event.status == EventStatus.CANCELLED else "REQUEST"


def invitation_mime_part(invitation, *, method=None, stamp=None):
    """The text/calendar part for an invitation mail, built in the active language."""
    method = method or invitation_method(invitation)
    part = MIMEText(
        invitation_calendar(invitation, method=method, stamp=stamp).decode(), "calendar", "utf-8"
    )
    part.set_param("method", method)
    part.add_header("Content-Disposition", "attachment", filename="invitation.ics")
    return part


def invitation_calendar(invitation, *, method, stamp=None):
    """The .ics attached to an invitation (METHOD:REQUEST) or its cancellation (CANCEL)."""
    event = invitation.event
    location, geo = event_location(event)
    cancelled = method == "CANCEL"
    if event.all_day:
        start = local(event.starts_at).date()
        end = local(event.ends_at).date() + datetime.timedelta(days=1)
    else:
        start, end = local(event.starts_at), local(event.ends_at)
    component = Event.new(
        uid=uid_for(event.uid),
        stamp=utc(stamp or timezone.now()),
        # Both counters only rise, so their sum does too; a cancellation of a running event
        # must outrank the request it withdraws (cancel_event already raised event.sequence).
        sequence=event.sequence
        + invitation.sequence
        + (1 if cancelled and event.status != EventStatus.CANCELLED else 0),
        start=start,
        end=end,
        summary=one_line(event.title),
        description=event.summary or None,
        location=one_line(location) or None,
        status=STATUS.CANCELLED if cancelled else _EVENT_STATUS[event.status],
        organizer=organizer(),
        attendees=[attendee(invitation.person, partstat="NEEDS-ACTION", rsvp=not cancelled)],
    )
    _add_geo(component, geo)
    calendar = new_calendar(event.title, method=method)
    return serialise(calendar, [component])


def _item_base(item, *, description, location, organizer=None, attendees=None):
    # Everything goes through one Event.new(): each property setter afterwards costs as much.
    return Event.new(
        uid=uid_for(item.uid),
        stamp=utc(item.updated_at),
        last_modified=utc(item.updated_at),
        sequence=item.sequence,
        start=local(item.starts_at),
        end=local(item.ends_at),
        summary=one_line(item.title),
        description=description or None,
        location=one_line(location) or None,
        status=_ITEM_STATUS[item.status],
        organizer=organizer,
        attendees=attendees,
    )


def _booking_location(booking, audience):
    resource = booking.resource
    if resource.kind == ResourceKind.VENUE:
        return venue_location(resource.venue)
    if booking.item_id:
        text, geo = item_location(booking.item)
        if text:
            return text, geo
    if audience.driver or audience.staff:
        return booking.pickup_address, None
    return "", None


def _geo(latitude, longitude):
    if latitude is None or longitude is None:
        return None
    return (float(latitude), float(longitude))


def _add_geo(component, geo):
    if geo is not None:
        component.add("GEO", geo)


def _join(lines):
    return "\n\n".join(line for line in lines if line)

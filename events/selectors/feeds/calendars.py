"""Reads behind the iCal feeds: which rows a feed holds, its version, and its token.

A feed is described by a `Feed`: its rows (for the cheap version aggregate that keys the
cache and the ETag) and a `components()` that fetches them with a fixed number of queries
and hands them to the pure builders in events/ical.py.
"""

import datetime
import hashlib
import hmac
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Exists, Max, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from crm.models import Person, Relationship, RelationshipRenewal
from crm.selectors import agreements_due

from ... import ical
from ...enums import FeedKind, ResourceKind
from ...models import (
    Booking,
    Delegation,
    DelegationMember,
    Event,
    FeedToken,
    ItineraryItem,
    ItineraryStaff,
    Resource,
    Venue,
)

# The columns an item's calendar entry reads (translated fields in every language).
ITEM_FIELDS = (
    "uid",
    "sequence",
    "updated_at",
    "event_id",
    "venue_id",
    "starts_at",
    "ends_at",
    "status",
    "title",
    "public_description",
    "private_notes",
    "address",
    "latitude",
    "longitude",
)
# How far ahead the staff feed of agreement renewals and anniversaries looks.
AGREEMENTS_WITHIN_DAYS = 400


@dataclass(frozen=True)
class Source:
    """Rows whose count and latest updated_at version a feed; extra: more `Max` fields."""

    queryset: object
    extra: tuple = ()


@dataclass
class Feed:
    key: str
    name: str
    language: str
    sources: list[Source]
    build: Callable[[], list]
    public: bool = False
    salt: str = ""  # anything else the content depends on (e.g. today's date)
    filename: str = "calendar.ics"
    _version: tuple | None = field(default=None, repr=False)

    def version(self):
        """(version string, last modified) from one aggregate query per source."""
        if self._version is None:
            parts, latest = [self.key, self.language, self.salt], []
            for source in self.sources:
                fields = {"n": Count("pk"), "last": Max("updated_at")}
                fields.update({f"x{i}": Max(name) for i, name in enumerate(source.extra)})
                row = source.queryset.order_by().aggregate(**fields)
                parts += [str(row[name]) for name in sorted(row)]
                latest += [value for value in row.values() if isinstance(value, datetime.datetime)]
            digest = hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]
            self._version = (digest, max(latest) if latest else None)
        return self._version

    def components(self):
        return self.build()


def hash_token(secret):
    """The SHA-256 hex digest under which a feed secret is stored and looked up."""
    return hashlib.sha256(secret.encode()).hexdigest()


def get_feed_token(secret):
    """The live FeedToken for a secret; FeedToken.DoesNotExist if unknown or revoked."""
    digest = hash_token(secret)
    token = (
        FeedToken.objects.select_related("delegation", "person", "resource")
        .filter(token_hash=digest, revoked_at__isnull=True)
        .first()
    )
    # The lookup is by hash; the constant-time comparison guards against any index or
    # collation quirk ever matching a different value.
    if token is None or not hmac.compare_digest(token.token_hash, digest):
        raise FeedToken.DoesNotExist
    return token


def feed_links(secret, *, request=None):
    """The https:// and webcal:// addresses of a private feed."""
    path = reverse("events:feed-private", kwargs={"secret": secret})
    base = request.build_absolute_uri(path) if request else settings.WAGTAILADMIN_BASE_URL + path
    address = base.split("://", 1)[1]
    return f"https://{address}", f"webcal://{address}"


def public_events():
    """Public events (cancelled ones included, so clients drop them) for the public feeds."""
    return Event.objects.public().select_related("venue")


def public_items(event):
    """An event's public items (cancelled ones included)."""
    return event.items.filter(is_public=True)


def delegation_items(delegation):
    """A delegation's programme: items with one of its members, and common items with none."""
    through = ItineraryItem.members.through
    own = through.objects.filter(
        itineraryitem=OuterRef("pk"), delegationmember__delegation=delegation
    )
    anyone = through.objects.filter(itineraryitem=OuterRef("pk"))
    return ItineraryItem.objects.filter(event_id=delegation.event_id).filter(
        Exists(own) | ~Exists(anyone)
    )


def person_items(person):
    """Items a person takes part in: as a delegation member, participant or assigned staff."""
    as_member = ItineraryItem.members.through.objects.filter(
        itineraryitem=OuterRef("pk"), delegationmember__person=person
    )
    as_participant = ItineraryItem.people.through.objects.filter(
        itineraryitem=OuterRef("pk"), person=person
    )
    as_staff = ItineraryStaff.objects.filter(item=OuterRef("pk"), person=person)
    return ItineraryItem.objects.filter(
        Exists(as_member) | Exists(as_participant) | Exists(as_staff)
    )


def person_bookings(person):
    """Bookings of the person's own Driver, Interpreter or VIP resource."""
    return Booking.objects.filter(
        Q(resource__driver__person=person)
        | Q(resource__interpreter__person=person)
        | Q(resource__vip__person=person)
    )


def public_events_feed(*, language):
    """Every public event, one entry each."""
    rows = public_events()

    def build():
        return [ical.public_event_component(event) for event in rows]

    return Feed(
        key="public-events",
        name=gettext("%(site)s: events") % {"site": settings.KIA_SITE_NAME},
        language=language,
        sources=[Source(rows, ("venue__updated_at",))],
        build=build,
        public=True,
        filename="events.ics",
    )


def public_event_feed(event, *, language):
    """One public event and its public items."""
    items = public_items(event)
    events = public_events().filter(pk=event.pk)

    def build():
        return [ical.public_event_component(e) for e in events] + [
            ical.public_item_component(item) for item in with_venues(items.only(*ITEM_FIELDS))
        ]

    return Feed(
        key=f"public-event-{event.uid}",
        name=event.title,
        language=language,
        sources=[Source(events, ("venue__updated_at",)), Source(items, ("venue__updated_at",))],
        build=build,
        public=True,
        filename=f"event-{event.uid}.ics",
    )


def token_feed(token, *, language):
    """The private feed a token opens, built for its audience."""
    builders = {
        FeedKind.DELEGATION: _delegation_feed,
        FeedKind.PERSON: _person_feed,
        FeedKind.RESOURCE: _resource_feed,
        FeedKind.AGREEMENTS: _agreements_feed,
    }
    feed = builders[token.kind](token, language)
    feed.key = f"token-{token.pk}-{token.token_hash[:12]}"
    return feed


def token_language(token):
    """The language a token's feed speaks unless ?lang= says otherwise."""
    if token.language:
        return token.language
    if token.person_id:
        return token.person.preferred_language
    if token.delegation_id:
        head = (
            DelegationMember.objects.filter(delegation_id=token.delegation_id)
            .select_related("person")
            .order_by("role", "pk")
            .first()
        )
        if head is not None:
            return head.person.preferred_language
    return settings.LANGUAGE_CODE


def participants_by_item(items):
    """{item pk: [Person, ...]} for members, other participants and staff, in four queries.

    Cheaper than prefetching three model graphs: the links are read as pairs of ids and
    each person is built once however many items they attend.
    """
    pks = items.values("pk")
    pairs = list(
        ItineraryItem.members.through.objects.filter(itineraryitem__in=pks).values_list(
            "itineraryitem_id", "delegationmember__person_id"
        )
    )
    pairs += ItineraryItem.people.through.objects.filter(itineraryitem__in=pks).values_list(
        "itineraryitem_id", "person_id"
    )
    pairs += ItineraryStaff.objects.filter(item__in=pks).values_list("item_id", "person_id")
    people = Person.objects.in_bulk({person_id for _item, person_id in pairs})
    by_item = {}
    for item_id, person_id in pairs:
        attending = by_item.setdefault(item_id, [])
        if people[person_id] not in attending:
            attending.append(people[person_id])
    return by_item


def people_on_events(events):
    """Everyone taking part in `events` (ids, or a values queryset of them): delegation members,
    other participants and staff. A superset of the people a feed's entries name, read without
    going through every item, so that versioning a 5,000-item feed stays cheap; a rename
    elsewhere in the same event only costs subscribers one more download."""
    return Person.objects.filter(
        Q(pk__in=DelegationMember.objects.filter(delegation__event__in=events).values("person"))
        | Q(
            pk__in=ItineraryItem.people.through.objects.filter(
                itineraryitem__event__in=events
            ).values("person")
        )
        | Q(pk__in=ItineraryStaff.objects.filter(item__event__in=events).values("person"))
    )


def with_venues(items):
    """Evaluate items and attach their venues, one shared instance per venue (one query).

    A join would build a Venue per item; a big programme uses a handful of venues.
    """
    items = list(items)
    venues = Venue.objects.in_bulk({item.venue_id for item in items if item.venue_id})
    for item in items:
        if item.venue_id:
            item.venue = venues[item.venue_id]
    return items


def _private_items(queryset):
    return with_venues(queryset.only(*ITEM_FIELDS))


def _bookings(queryset):
    return queryset.select_related("resource", "resource__venue", "item", "item__venue")


def _delegation_feed(token, language):
    delegation = token.delegation
    items = delegation_items(delegation)
    visit = ical.Visit(hotel=delegation.hotel, home_timezone=delegation.home_timezone)
    audience = ical.Audience(attendees=True)

    def build():
        participants = participants_by_item(items)
        return [
            ical.private_item_component(
                item, audience=audience, visit=visit, participants=participants.get(item.pk, ())
            )
            for item in _private_items(items)
        ]

    return Feed(
        key="",
        name=delegation.name,
        language=language,
        sources=[
            Source(items, ("venue__updated_at",)),
            Source(Delegation.objects.filter(pk=delegation.pk)),
            # Entries name their participants: a renamed member is a new version.
            Source(people_on_events([delegation.event_id])),
        ],
        build=build,
    )


def _person_feed(token, language):
    person = token.person
    items = person_items(person)
    bookings = person_bookings(person)
    memberships = DelegationMember.objects.filter(person=person).select_related("delegation")
    # Office staff (people with an admin login) see private notes and who else attends.
    staff = person.user_id is not None
    item_audience = ical.Audience(staff=staff, attendees=staff)

    def build():
        visits = {
            m.delegation.event_id: ical.Visit(
                hotel=m.delegation.hotel, home_timezone=m.delegation.home_timezone
            )
            for m in memberships
        }
        participants = participants_by_item(items) if staff else {}
        components = [
            ical.private_item_component(
                item,
                audience=item_audience,
                visit=visits.get(item.event_id),
                participants=participants.get(item.pk, ()),
            )
            for item in _private_items(items)
        ]
        for booking in _bookings(bookings):
            audience = ical.Audience(
                staff=staff, driver=booking.resource.kind == ResourceKind.DRIVER
            )
            components.append(ical.booking_component(booking, audience=audience))
        return components

    # The calendar bears the person's name; staff entries name the others attending too.
    named = Q(pk=person.pk)
    if staff:
        named |= Q(pk__in=people_on_events(items.values("event_id")).values("pk"))
    return Feed(
        key="",
        name=gettext("Schedule of %(name)s") % {"name": person.full_name},
        language=language,
        sources=[
            Source(items, ("venue__updated_at",)),
            Source(bookings, ("item__updated_at", "resource__updated_at")),
            Source(memberships, ("delegation__updated_at",)),
            Source(Person.objects.filter(named)),
        ],
        build=build,
    )


def _resource_feed(token, language):
    resource = token.resource
    bookings = Booking.objects.filter(resource=resource)
    # Whoever runs a vehicle or a driver's roster needs the addresses; a room's keeper does not.
    audience = ical.Audience(driver=resource.kind in (ResourceKind.VEHICLE, ResourceKind.DRIVER))

    def build():
        return [ical.booking_component(b, audience=audience) for b in _bookings(bookings)]

    return Feed(
        key="",
        name=gettext("Bookings of %(resource)s") % {"resource": resource.name},
        language=language,
        # Entries and the calendar's name carry the resource's name.
        sources=[
            Source(bookings, ("item__updated_at",)),
            Source(Resource.objects.filter(pk=resource.pk)),
        ],
        build=build,
    )


def _agreements_feed(token, language):
    today = timezone.localdate()

    def build():
        due = agreements_due(within_days=AGREEMENTS_WITHIN_DAYS, today=today)
        return [ical.agreement_component(entry) for entry in due]

    return Feed(
        key="",
        name=gettext("Agreement renewals and anniversaries"),
        language=language,
        # Renewals move expiry dates without necessarily touching the relationship row.
        sources=[Source(Relationship.objects.all()), Source(RelationshipRenewal.objects.all())],
        build=build,
        salt=today.isoformat(),
    )

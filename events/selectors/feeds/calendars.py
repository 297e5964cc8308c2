"""Feeds assembled: each audience's rows, version sources and entry builders in a `Feed`.

A `Feed` (versions.py) keys the cache and the ETag from its sources; its `components()`
fetches the rows (rows.py) with a fixed number of queries and hands them to the pure
builders in events/ical.py.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from core.office import office_name
from crm.models import Person, Relationship, RelationshipRenewal
from crm.selectors.ties import agreements_due

from ... import ical
from ...enums import FeedKind, ResourceKind
from ...models import Booking, Delegation, DelegationMember, Resource
from .rows import (
    ITEM_FIELDS,
    delegation_items,
    participants_by_item,
    people_on_events,
    person_bookings,
    person_items,
    private_items,
    public_events,
    public_items,
    with_resources,
    with_venues,
)
from .versions import Feed, Source

# How far ahead the staff feed of agreement renewals and anniversaries looks.
AGREEMENTS_WITHIN_DAYS = 400


def public_events_feed(*, language):
    """Every public event, one entry each."""
    rows = public_events()

    def build():
        return [ical.public_event_component(event) for event in rows]

    return Feed(
        key="public-events",
        name=gettext("%(site)s: events") % {"site": office_name()},
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
            for item in private_items(items)
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
            for item in private_items(items)
        ]
        for booking in with_resources(bookings):
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
        return [ical.booking_component(b, audience=audience) for b in with_resources(bookings)]

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

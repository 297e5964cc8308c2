"""The rows each feed holds: which events, items and bookings an audience sees.

Querysets only, plus two helpers that read the people and venues of many items in a fixed
number of queries.
"""

from django.db.models import Exists, OuterRef, Q

from crm.models import Person

from ...models import (
    Booking,
    DelegationMember,
    Event,
    ItineraryItem,
    ItineraryStaff,
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


def private_items(queryset):
    """Items with the columns a private entry reads and their venues attached."""
    return with_venues(queryset.only(*ITEM_FIELDS))


def with_resources(queryset):
    """Bookings with their resource, venue and item joined, as a booking entry reads them."""
    return queryset.select_related("resource", "resource__venue", "item", "item__venue")

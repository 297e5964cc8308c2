"""Reads the public pages make from the events and crm records."""

from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from core.prepared import PreparedQuery
from crm.models import Organisation, Relationship
from crm.selectors.ties import sister_cities_in_order
from events.enums import ItemStatus
from events.models import Event, ItineraryItem
from events.selectors.feeds.links import feed_addresses

from . import worldmap


@dataclass
class Tie:
    ordinal: int | None
    relationship: Relationship
    partner: Organisation
    url: str | None = None
    areas: list = field(default_factory=list)
    renewals: list = field(default_factory=list)

    @property
    def home(self):
        """The office's own city: the tie's other party (both are read with the tie)."""
        return self.relationship.other_party(self.partner)

    @property
    def signed_year(self):
        return self.relationship.signed_on.year if self.relationship.signed_on else None


def home_organisation():
    """The city this office works for, or None before the CRM is set up."""
    return Organisation.objects.home().first()


def sister_city_ties(*, as_of=None):
    """Sister and friendship cities in signing order with their ordinal and partner."""
    # Read with both parties in one query, so a page's query count never depends on them.
    return [
        Tie(ordinal=ordinal, relationship=relationship, partner=relationship.partner)
        for ordinal, relationship in sister_cities_in_order(as_of=as_of or timezone.localdate())
    ]


def sister_city_tie(relationship_id):
    """One tie with its ordinal (None when it is no longer in force) and partner."""
    for tie in sister_city_ties():
        if tie.relationship.pk == relationship_id:
            break
    else:
        relationship = Relationship.objects.select_related("source", "target").get(
            pk=relationship_id
        )
        tie = Tie(ordinal=None, relationship=relationship, partner=relationship.partner)
    tie.areas = list(tie.relationship.areas.all())
    tie.renewals = list(tie.relationship.renewals.all())
    return tie


def past_exchanges(partner, relationship, *, now=None):
    """Public events with the partner city, newest first: visits, delegations, signings."""
    return list(
        Event.objects.public()
        .filter(
            Q(organisations=partner)
            | Q(delegations__organisation=partner)
            | Q(relationships=relationship)
            | Q(host_organisation=partner)
        )
        .filter(starts_at__lt=now or timezone.now())
        .distinct()
        .select_related("venue")
        .order_by("-starts_at")
    )


# Event pages ask these on every render (see core/prepared.py).
_public_programme = PreparedQuery(
    lambda event_pk: (
        ItineraryItem.objects.filter(event=event_pk, is_public=True, status=ItemStatus.CONFIRMED)
        .select_related("venue")
        .order_by("starts_at", "pk")
    )
)
_event_organisations = PreparedQuery(lambda event_pk: Organisation.objects.filter(events=event_pk))


def public_programme(event):
    """The event's public, confirmed itinerary items in time order with their venues."""
    return _public_programme(event.pk)


def event_organisations(event):
    """The organisations an event is held with, in name order."""
    return _event_organisations(event.pk)


def event_feed_links(request, event):
    """The event's public iCal feed as a download and a webcal subscription, and all events."""
    https, webcal = feed_addresses(
        reverse("events:feed-public-event", args=[event.uid]), request=request
    )
    return {
        "https": https,
        "webcal": webcal,
        "all_https": request.build_absolute_uri(reverse("events:feed-public-events")),
    }


def world_map(ties):
    """The inline SVG map: continent outlines, home and a marker per partner with coordinates."""
    home = home_organisation()
    markers = []
    for tie in ties:
        partner = tie.partner
        if partner.latitude is None or partner.longitude is None:
            continue
        x, y = worldmap.project(partner.longitude, partner.latitude)
        markers.append({"tie": tie, "x": x, "y": y})
    home_point = None
    if home and home.latitude is not None and home.longitude is not None:
        x, y = worldmap.project(home.longitude, home.latitude)
        home_point = {"organisation": home, "x": x, "y": y}
    return {
        "width": worldmap.WIDTH,
        "height": worldmap.HEIGHT,
        "land": worldmap.land_paths(),
        "graticule": worldmap.graticule(),
        "markers": markers,
        "home": home_point,
        # Named in the captions even when it has no point on the map.
        "city": home,
    }

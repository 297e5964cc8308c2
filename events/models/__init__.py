"""Events, delegations, itineraries, resources and bookings, one module per aggregate."""

from .event import Delegation, DelegationMember, Event, ItineraryItem, ItineraryStaff
from .feeds import FeedToken
from .participation import Invitation, Registration
from .resources import Booking, Driver, Interpreter, Resource, Vehicle, Venue, Vip
from .seating import Seat, SeatingPlan, SeatingTable

__all__ = [
    "Booking",
    "Delegation",
    "DelegationMember",
    "Driver",
    "Event",
    "FeedToken",
    "Interpreter",
    "Invitation",
    "ItineraryItem",
    "ItineraryStaff",
    "Registration",
    "Resource",
    "Seat",
    "SeatingPlan",
    "SeatingTable",
    "Vehicle",
    "Venue",
    "Vip",
]

"""Events, delegations, itineraries, resources and bookings, one module per aggregate."""

from .event import Delegation, DelegationMember, Event, ItineraryItem, ItineraryStaff
from .feeds import FeedToken
from .mailings import GroupMailing, GroupMailRecipient
from .participation import Invitation, InvitationCompanion, Registration
from .privacy import RetentionSettings, SensitiveDataAccess
from .programmes import (
    CampGroup,
    CampGroupMember,
    DepartmentArea,
    EnvoyInterest,
    ForumMeeting,
    ManifestEntry,
    RoomAssignment,
    ThankYouLetter,
    TransportVehicle,
)
from .replies import DietaryChange, ReplyNotificationSettings
from .resources import Booking, Driver, Interpreter, Resource, Vehicle, Venue, Vip
from .seating import Seat, SeatingPlan, SeatingTable

__all__ = [
    "Booking",
    "CampGroup",
    "CampGroupMember",
    "Delegation",
    "DelegationMember",
    "DepartmentArea",
    "DietaryChange",
    "Driver",
    "EnvoyInterest",
    "Event",
    "FeedToken",
    "GroupMailRecipient",
    "GroupMailing",
    "ForumMeeting",
    "Interpreter",
    "Invitation",
    "InvitationCompanion",
    "ItineraryItem",
    "ItineraryStaff",
    "ManifestEntry",
    "Registration",
    "ReplyNotificationSettings",
    "Resource",
    "RetentionSettings",
    "RoomAssignment",
    "Seat",
    "SeatingPlan",
    "SeatingTable",
    "SensitiveDataAccess",
    "ThankYouLetter",
    "TransportVehicle",
    "Vehicle",
    "Venue",
    "Vip",
]

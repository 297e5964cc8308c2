"""The events back office: everything the app adds to the Wagtail admin is registered here.

Viewsets are declared by menu: records.py (events, delegations, invitations, registrations,
feed links), logistics.py (resources and bookings) and pages.py (reports, seating plans,
programmes); their views live in events/views/ and in the seating and programmes
subpackages. A new page or viewset is one class there and one entry below.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from . import logistics, pages, records

EVENTS_ITEMS = [
    records.EventViewSet(),
    records.DelegationViewSet(),
    records.DelegationMemberViewSet(),
    records.ItineraryItemViewSet(),
    records.ItineraryStaffViewSet(),
    records.InvitationViewSet(),
    records.RegistrationViewSet(),
    pages.RunSheetViewSet(),
    pages.StatisticsViewSet(),
    pages.SeatingViewSet(),
    pages.ProgrammesViewSet(),
    records.FeedTokenViewSet(),
]

LOGISTICS_ITEMS = [
    pages.BookingWeekViewSet(),
    logistics.BookingViewSet(),
    logistics.VenueViewSet(),
    logistics.VehicleViewSet(),
    logistics.DriverViewSet(),
    logistics.InterpreterViewSet(),
    logistics.VipViewSet(),
]


class EventsGroup(ViewSetGroup):
    menu_label = _("Events")
    menu_icon = "date"
    menu_order = 200
    items = EVENTS_ITEMS


class LogisticsGroup(ViewSetGroup):
    menu_label = _("Logistics")
    menu_icon = "calendar-alt"
    menu_order = 210
    items = LOGISTICS_ITEMS


@hooks.register("register_admin_viewset")
def register_events_admin():
    return [EventsGroup(), LogisticsGroup()]


@hooks.register("register_log_actions")
def register_events_log_actions(actions):
    actions.register_action(
        "events.seating_generate", _("Generate seating"), _("Seating plan generated")
    )
    actions.register_action("events.seating_move", _("Move a guest"), _("Guest moved"))
    actions.register_action("events.check_in", _("Check in"), _("Checked in at the door"))

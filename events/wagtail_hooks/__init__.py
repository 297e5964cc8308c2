"""The events back office: everything the app adds to the Wagtail admin is registered here.

Viewsets are declared by menu: records.py (events, delegations, invitations, registrations,
feed links), logistics.py (resources and bookings) and pages.py (reports, seating plans,
programmes); their views live in events/views/ and in the seating and programmes
subpackages. A new page or viewset is one class there and one entry below.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.contrib.settings.registry import register_setting
from wagtail.permissions import register_permission_policy

from ..handover import handover_facts, handover_moves
from ..merging import merge_preferences
from ..models import RetentionSettings, SensitiveDataAccess
from ..privacy.views import ReadOnlyPermissionPolicy, person_buttons
from . import logistics, pages, paths, privacy, records  # noqa: F401 (paths registers hooks)

EVENTS_ITEMS = [
    records.EventViewSet(),
    pages.VisitPlannerViewSet(),
    records.DelegationViewSet(),
    records.DelegationMemberViewSet(),
    records.ItineraryItemViewSet(),
    records.ItineraryStaffViewSet(),
    records.InvitationViewSet(),
    records.RegistrationViewSet(),
    pages.RunSheetViewSet(),
    pages.StatisticsViewSet(),
    pages.RelationshipHealthViewSet(),
    pages.SeatingViewSet(),
    pages.ProgrammesViewSet(),
    records.FeedTokenViewSet(),
]

LOGISTICS_ITEMS = [
    pages.FreeResourceViewSet(),
    pages.TimelineViewSet(),
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
    return [
        EventsGroup(),
        LogisticsGroup(),
        privacy.AccessLogViewSet(),
        privacy.PersonDataViewSet(),
    ]


# The access log is read, never written, in the admin.
register_permission_policy(SensitiveDataAccess, ReadOnlyPermissionPolicy(SensitiveDataAccess))
# Settings menu, shown to whoever may change them (administrators: core.roles gives no staff
# group this model).
register_setting(RetentionSettings, icon="history")
# crm's person page asks for these (crm.views.PersonInspectView) without knowing events.
hooks.register("register_person_header_buttons", person_buttons)
hooks.register("register_merge_preferences", merge_preferences)


@hooks.register("register_log_actions")
def register_events_log_actions(actions):
    actions.register_action(
        "events.seating_generate", _("Generate seating"), _("Seating plan generated")
    )
    actions.register_action("events.seating_move", _("Move a guest"), _("Guest moved"))
    actions.register_action("events.check_in", _("Check in"), _("Checked in at the door"))
    actions.register_action(
        "events.retention_applied", _("Apply data retention"), _("Data retention applied")
    )
    actions.register_action(
        "events.person_erased", _("Erase personal data"), _("Personal data erased")
    )


hooks.register("register_handover_facts", handover_facts)
hooks.register("register_handover_moves", handover_moves)

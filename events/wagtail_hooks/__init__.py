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

from ..bulk_actions import BULK_ACTIONS
from ..handover import handover_facts, handover_moves
from ..merging import merge_preferences
from ..models import RetentionSettings, SensitiveDataAccess
from ..privacy.views import ReadOnlyPermissionPolicy, person_buttons
from ..views.replies import ReplyNotificationPanel

# paths and dashboard register hooks when imported.
from . import dashboard, logistics, pages, paths, privacy, records  # noqa: F401

EVENTS_ITEMS = [
    records.EventViewSet(),
    pages.VisitPlannerViewSet(),
    records.DelegationViewSet(),
    records.DelegationMemberViewSet(),
    records.ItineraryItemViewSet(),
    records.ItineraryStaffViewSet(),
    records.InvitationViewSet(),
    records.RegistrationViewSet(),
    pages.RepliesViewSet(),
    pages.RunSheetViewSet(),
    pages.StatisticsViewSet(),
    pages.AnnualReportViewSet(),
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
# Select rows on the lists and act on them all (events/bulk_actions.py).
for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)

# Officers choose a daily mail of replies on their account page.
hooks.register("register_account_settings_panel", ReplyNotificationPanel)


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
    actions.register_action("events.invitation_sent", _("Send invitations"), _("Invitations sent"))
    actions.register_action(
        "events.bulk_review", _("Review applications"), _("Applications reviewed together")
    )
    actions.register_action(
        "events.members_added", _("Add delegation members"), _("Members added together")
    )
    actions.register_action(
        "events.retention_applied", _("Apply data retention"), _("Data retention applied")
    )
    actions.register_action(
        "events.person_erased", _("Erase personal data"), _("Personal data erased")
    )
    actions.register_action("events.event_deleted", _("Delete an event"), _("Event deleted"))
    actions.register_action(
        "events.reissue_link", _("Make a new RSVP link"), _("New RSVP link made")
    )


hooks.register("register_handover_facts", handover_facts)
hooks.register("register_handover_moves", handover_moves)

"""The admin home page as the officer's day: one panel of what needs doing, the replies come
in, no page counts."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.permissions import policy_registry

from core.viewsets import ANY_PERMISSION

from ..models import Event, Invitation
from ..selectors.dashboard import AGREEMENT_DAYS, DEADLINE_DAYS, DORMANT_MONTHS, officer_day
from ..views.replies import RepliesPanel


class OfficerDayPanel(Component):
    name = "officer_day"
    template_name = "events/admin/dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        day = officer_day()
        request = parent_context.get("request")
        return {
            "day": day,
            # Each visit of the week opens in the planner for those who plan visits.
            "can_plan": request is not None and request.user.has_perm("events.add_delegation"),
            "deadline_days": DEADLINE_DAYS,
            "agreement_days": AGREEMENT_DAYS,
            "dormant_months": DORMANT_MONTHS,
            "urls": {
                "delegations": reverse("delegation:index"),
                "items": reverse("run-sheet:index"),
                "invitations": reverse("invitation:index"),
                "registrations": reverse("registration:index"),
                "relationships": reverse("crm_relationship:index"),
                "bookings": reverse("booking:index"),
                "report": reverse("annual-report:index"),
            },
        }


def may_see_events(user):
    return policy_registry.get_by_type(Event).user_has_any_permission(user, ANY_PERMISSION)


@hooks.register("construct_homepage_panels")
def add_officer_day(request, panels):
    if may_see_events(request.user):
        panels.insert(0, OfficerDayPanel())


@hooks.register("construct_homepage_panels")
def add_replies_panel(request, panels):
    policy = policy_registry.get_by_type(Invitation)
    if policy.user_has_any_permission(request.user, ("view", "change")):
        panels.append(RepliesPanel())


@hooks.register("construct_homepage_summary_items", order=1000)  # after those adding
def hide_page_counts(request, summary_items):
    # Page, image and document counts say nothing about the office's work; the officer's day
    # panel below replaces them for staff who work with events.
    if may_see_events(request.user):
        summary_items.clear()

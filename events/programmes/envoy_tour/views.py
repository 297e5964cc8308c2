"""The envoys' tour page: invitations, interests, transport, interpreters, forum, follow-ups."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages

from core.languages import language_name
from crm.models import Interaction

from ...enums import EventKind
from ...models import Booking, Event, Invitation
from ..forms import VehiclesForm
from ..views import ProgrammeAction, ProgrammePage
from . import selectors
from . import services as envoy_tour
from .forms import (
    DepartmentAreasForm,
    FollowUpsForm,
    ForumForm,
    InterestsForm,
    InviteEnvoysForm,
    ManifestLanguageForm,
)


class TourView(ProgrammePage):
    kind = EventKind.TOUR
    template_name = "events/programmes/tour.html"
    page_title = _("Envoys' tour")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        start = timezone.localtime(self.event.starts_at)
        # Travellers are named in the manifest's chosen language, not the admin's.
        manifest_language = ManifestLanguageForm.language_of(self.request.GET)
        context.update(
            invitations=selectors.tour_invitations(self.event),
            guests=selectors.tour_guests(self.event),
            departments=selectors.home_departments(),
            manifests=selectors.transport_manifests(self.event, language=manifest_language),
            manifest_language=manifest_language,
            manifest_form=ManifestLanguageForm(initial={"manifest_language": manifest_language}),
            interpreters=selectors.interpreter_duties(self.event),
            forum=selectors.forum_table(self.event),
            may_change=self.may("change_invitation"),
            invite_form=InviteEnvoysForm(),
            interests_form=InterestsForm(event=self.event),
            departments_form=DepartmentAreasForm(),
            vehicles_form=VehiclesForm(),
            forum_form=ForumForm(
                initial={"starts_at": start.replace(hour=10, minute=0, second=0, microsecond=0)}
            ),
            follow_ups_form=FollowUpsForm(
                initial={"on": timezone.localdate(self.event.ends_at) + datetime.timedelta(days=3)}
            ),
        )
        return context


class InviteEnvoysView(ProgrammeAction):
    kind = EventKind.TOUR
    form_class = InviteEnvoysForm
    model = Invitation
    permission_required = "add"

    def act(self, data):
        created = envoy_tour.invite_envoys(self.event, user=self.request.user, **data)
        messages.success(
            self.request,
            ngettext("%(count)d envoy invited.", "%(count)d envoys invited.", len(created))
            % {"count": len(created)},
        )


class InterestsView(ProgrammeAction):
    kind = EventKind.TOUR
    form_class = InterestsForm
    model = Invitation

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "event": self.event}

    def act(self, data):
        envoy_tour.set_envoy_interests(data["invitation"], data["areas"], user=self.request.user)
        messages.success(
            self.request,
            gettext("Interests of %(person)s saved.") % {"person": data["invitation"].person},
        )


class DepartmentAreasView(ProgrammeAction):
    kind = EventKind.TOUR
    form_class = DepartmentAreasForm
    model = Event

    def act(self, data):
        envoy_tour.set_department_areas(data["department"], data["areas"], user=self.request.user)
        messages.success(
            self.request,
            gettext("Areas of %(department)s saved.") % {"department": data["department"]},
        )


class TourTransportView(ProgrammeAction):
    kind = EventKind.TOUR
    form_class = VehiclesForm
    model = Booking
    permission_required = "add"

    def act(self, data):
        legs = envoy_tour.plan_tour_transport(
            self.event,
            vehicles=data["vehicles"],
            drivers=data["drivers"],
            pickup_address=data["pickup_address"],
            user=self.request.user,
        )
        messages.success(
            self.request,
            ngettext(
                "Manifest made for %(count)d transfer.",
                "Manifests made for %(count)d transfers.",
                len(legs),
            )
            % {"count": len(legs)},
        )


class InterpretersView(ProgrammeAction):
    kind = EventKind.TOUR
    model = Booking
    permission_required = "add"

    def act(self, data):
        plan = envoy_tour.assign_interpreters(self.event, user=self.request.user)
        messages.success(
            self.request,
            gettext("%(count)d interpreter duties assigned.") % {"count": len(plan.assigned)},
        )
        for item, language in plan.missing:
            messages.warning(
                self.request,
                gettext("No free interpreter for %(language)s at %(item)s.")
                % {"language": language_name(language), "item": item},
            )


class ForumView(ProgrammeAction):
    kind = EventKind.TOUR
    form_class = ForumForm
    model = Event

    def act(self, data):
        plan = envoy_tour.pair_forum(self.event, user=self.request.user, **data)
        messages.success(
            self.request,
            gettext("%(count)d forum meetings scheduled.") % {"count": len(plan.meetings)},
        )
        for envoy, department, area in plan.unplaced:
            messages.warning(
                self.request,
                gettext("No free slot for %(envoy)s with %(department)s (%(area)s).")
                % {"envoy": envoy, "department": department, "area": area},
            )


class FollowUpsView(ProgrammeAction):
    kind = EventKind.TOUR
    form_class = FollowUpsForm
    model = Interaction
    permission_required = "add"

    def act(self, data):
        done = envoy_tour.record_tour_follow_ups(self.event, user=self.request.user, on=data["on"])
        messages.success(
            self.request,
            gettext("Logged %(letters)d thank-you letters and %(meetings)d forum meetings.")
            % {"letters": len(done.letters), "meetings": len(done.meetings)},
        )

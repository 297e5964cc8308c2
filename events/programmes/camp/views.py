"""The summer camp page: ranked review, groups, rooms, transfers, participants, certificates."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from wagtail.admin import messages

from ...enums import EventKind, RegistrationStatus, SensitiveAccessContext
from ...models import Booking, Registration
from ...privacy.services import record_sensitive_access
from ...views.registrations import SENSITIVE_REGISTRATION_PERMISSION
from ..forms import VehiclesForm
from ..views import ProgrammeAction, ProgrammeMixin, ProgrammePage
from . import certificates, selectors
from . import services as camp
from .forms import CertificateLanguageForm, GroupsForm, RankingForm, RoomsForm


class CampView(ProgrammePage):
    kind = EventKind.CAMP
    template_name = "events/programmes/camp.html"
    page_title = _("Summer camp")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        review = selectors.camp_review(self.event)
        accepted = sum(1 for r in review if r.status == RegistrationStatus.ACCEPTED)
        context.update(
            review=review,
            accepted_count=accepted,
            groups=selectors.camp_groups(self.event),
            rooms=selectors.rooming_list(self.event),
            transfers=self.transfers(),
            may_change=self.may("change_registration"),
            ranking_form=RankingForm(initial={"capacity": self.event.capacity or 30}),
            groups_form=GroupsForm(),
            rooms_form=RoomsForm(),
            vehicles_form=VehiclesForm(),
            certificate_form=CertificateLanguageForm(),
        )
        return context

    def transfers(self):
        booked = selectors.transfer_bookings(self.event)
        return [(item, booked.get(item.pk, [])) for item in selectors.transfers(self.event)]


class RankView(ProgrammeAction):
    kind = EventKind.CAMP
    form_class = RankingForm
    model = Registration

    def act(self, data):
        result = camp.rank_and_accept(
            self.event,
            quota_per_organisation=data["quota_per_organisation"],
            capacity=data["capacity"],
            user=self.request.user,
        )
        messages.success(
            self.request,
            gettext("%(accepted)d accepted, %(waitlisted)d waitlisted; the applicants are told.")
            % {"accepted": len(result.accepted), "waitlisted": len(result.waitlisted)},
        )


class GroupsView(ProgrammeAction):
    kind = EventKind.CAMP
    form_class = GroupsForm
    model = Registration

    def act(self, data):
        groups = camp.form_camp_groups(self.event, buddies=data["buddies"], user=self.request.user)
        messages.success(
            self.request,
            ngettext("%(count)d group formed.", "%(count)d groups formed.", len(groups))
            % {"count": len(groups)},
        )


class RoomsView(ProgrammeAction):
    kind = EventKind.CAMP
    form_class = RoomsForm
    model = Registration

    def act(self, data):
        rooms = camp.allocate_rooms(self.event, user=self.request.user, **data)
        messages.success(
            self.request,
            gettext("%(count)d participants have rooms.") % {"count": len(rooms)},
        )


class CampVehiclesView(ProgrammeAction):
    kind = EventKind.CAMP
    form_class = VehiclesForm
    model = Booking
    permission_required = "add"

    def act(self, data):
        booked = camp.book_transfer_vehicles(
            self.event, vehicles=data["vehicles"], drivers=data["drivers"], user=self.request.user
        )
        messages.success(self.request, gettext("%(count)d bookings made.") % {"count": len(booked)})


class CampParticipantsView(ProgrammePage):
    kind = EventKind.CAMP
    template_name = "events/programmes/camp_participants.html"
    page_title = _("Participants")

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        camp_page = {"url": self.page_url(), "label": gettext("Summer camp")}
        return [*items[:-1], camp_page, items[-1]]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        participants = selectors.camp_participants(self.event)
        context["participants"] = participants
        context["show_sensitive"] = self.request.user.has_perm(SENSITIVE_REGISTRATION_PERMISSION)
        if context["show_sensitive"]:
            record_sensitive_access(
                [participant.registration for participant in participants],
                user=self.request.user,
                context=SensitiveAccessContext.PARTICIPANTS,
            )
        return context


class CertificatesView(ProgrammeMixin, View):
    """Certificates of participation as PDF: one participant's, or every accepted one's."""

    kind = EventKind.CAMP

    def get(self, request, *args, **kwargs):
        # The pack's language is chosen per print (?language=), never the officer's admin's.
        language = CertificateLanguageForm.language_of(request.GET)
        if "registration" in kwargs:
            registration = get_object_or_404(
                Registration.objects.select_related("event", "event__host_organisation", "person"),
                pk=kwargs["registration"],
                event=self.event,
                status=RegistrationStatus.ACCEPTED,
            )
            content = certificates.render_certificate(registration, language=language)
            filename = f"certificate-{self.event.pk}-{registration.pk}.pdf"
        else:
            content = certificates.event_certificates(self.event, language=language)
            filename = f"certificates-{self.event.pk}.pdf"
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{filename}"'
        return response

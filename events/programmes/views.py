"""Admin pages for the summer camp, the envoys' tour and the freshmen party.

Each programme has one page that shows where it stands and the forms for its next steps;
every form posts to a thin action view that calls one service and returns to the page.
"""

import datetime

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput
from wagtail.permissions import policy_registry

from crm.models import CooperationArea, Organisation, Person

from ..enums import EventKind, InvitationStatus, RegistrationStatus
from ..models import Driver, Event, Invitation, Registration, Vehicle
from ..selectors.registrations import registration_name
from ..services import checkin
from ..views.admin import SENSITIVE_REGISTRATION_PERMISSION
from .camp import certificates
from .camp import services as camp
from .envoy_tour import selectors
from .envoy_tour import services as envoy_tour

PAGES = {EventKind.CAMP: "camp", EventKind.TOUR: "tour", EventKind.PARTY: "party"}
# The SVG bar chart's geometry, in user units.
CHART_LABEL_WIDTH, CHART_BAR_WIDTH, CHART_ROW = 220, 360, 22


@hooks.register("register_log_actions")
def register_checkin_action(actions):
    actions.register_action("events.check_in", _("Check in"), _("Checked in at the door"))


def people_choices():
    return Person.objects.order_by("family_name", "given_name", "pk")


# Forms -------------------------------------------------------------------------------------


class RankingForm(forms.Form):
    quota_per_organisation = forms.IntegerField(
        label=_("places per city or university"), min_value=1, initial=3
    )
    capacity = forms.IntegerField(label=_("places in all"), min_value=1, initial=30)


class GroupsForm(forms.Form):
    buddies = forms.ModelMultipleChoiceField(
        label=_("local buddies"),
        queryset=Person.objects.none(),
        help_text=_("One group per buddy; forming again replaces the groups."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["buddies"].queryset = people_choices()


class RoomsForm(forms.Form):
    hotel = forms.CharField(label=_("hotel"), max_length=255)
    room_size = forms.IntegerField(label=_("beds per room"), min_value=1, initial=2)
    first_room = forms.IntegerField(label=_("first room number"), min_value=1, initial=101)


class VehiclesForm(forms.Form):
    vehicles = forms.ModelMultipleChoiceField(
        label=_("vehicles"), queryset=Vehicle.objects.filter(is_active=True).order_by("name")
    )
    drivers = forms.ModelMultipleChoiceField(
        label=_("drivers"),
        queryset=Driver.objects.filter(is_active=True).order_by("name"),
        required=False,
        help_text=_("In the order of the vehicles: the first driver drives the first vehicle."),
    )
    pickup_address = forms.CharField(label=_("pick-up address"), max_length=255, required=False)

    def in_posted_order(self, name):
        # A multiple choice comes back in queryset order; drivers pair with vehicles by
        # the order in which they were sent.
        posted = [str(value) for value in self.data.getlist(name)]
        chosen = self.cleaned_data.get(name) or []
        return sorted(chosen, key=lambda obj: posted.index(str(obj.pk)))

    def clean(self):
        cleaned = super().clean()
        if hasattr(self.data, "getlist"):
            for name in ("vehicles", "drivers"):
                if name in cleaned:
                    cleaned[name] = self.in_posted_order(name)
        return cleaned


class InviteEnvoysForm(forms.Form):
    respond_by = forms.DateTimeField(label=_("reply by"), required=False, widget=AdminDateTimeInput)
    max_companions = forms.IntegerField(
        label=_("spouse and staff allowed"), min_value=0, max_value=10, initial=2
    )


class GuestChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return str(obj.person)


class InterestsForm(forms.Form):
    invitation = GuestChoiceField(label=_("envoy"), queryset=Invitation.objects.none())
    areas = forms.ModelMultipleChoiceField(
        label=_("interests"),
        queryset=CooperationArea.objects.order_by("slug"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["invitation"].queryset = (
            Invitation.objects.filter(event=event, status=InvitationStatus.ACCEPTED)
            .select_related("person")
            .order_by("person__family_name", "person__given_name", "pk")
        )


class DepartmentAreasForm(forms.Form):
    department = forms.ModelChoiceField(
        label=_("department"), queryset=Organisation.objects.filter(parent__is_home=True)
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("areas it can discuss"),
        queryset=CooperationArea.objects.order_by("slug"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class ForumForm(forms.Form):
    starts_at = forms.DateTimeField(label=_("first slot starts"), widget=AdminDateTimeInput)
    slot_minutes = forms.IntegerField(label=_("minutes per slot"), min_value=5, initial=20)
    slot_count = forms.IntegerField(label=_("number of slots"), min_value=1, initial=6)


class FollowUpsForm(forms.Form):
    on = forms.DateField(label=_("letters dated"), widget=AdminDateInput)


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=_("check-in code"),
        max_length=32,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "off"}),
        help_text=_("Scan the QR code into this field, or type the code."),
    )


# Base views --------------------------------------------------------------------------------


class ProgrammeMixin(PermissionCheckedMixin):
    """Pages for staff who may see events; the event comes from the URL when there is one."""

    model = Event
    any_permission_required = ["add", "change", "delete", "view"]
    kind = None

    @classmethod
    def user_may_open(cls, user):
        policy = policy_registry.get_by_type(Event)
        return policy.user_has_any_permission(user, ["add", "change", "delete", "view"])

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if "pk" in kwargs:
            events = Event.objects.select_related("host_organisation")
            if self.kind:
                events = events.filter(kind=self.kind)
            self.event = get_object_or_404(events, pk=kwargs["pk"])

    def page_url(self):
        return reverse(f"programmes:{PAGES[self.kind]}", args=[self.event.pk])


class ProgrammePage(ProgrammeMixin, WagtailAdminTemplateMixin, TemplateView):
    header_icon = "group"

    def get_page_subtitle(self):
        return str(self.event)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("programmes:index"), "label": gettext("Programmes")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def may(self, codename):
        return self.request.user.has_perm(f"events.{codename}")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["event"] = self.event
        return context


class ActionView(ProgrammeMixin, View):
    """A POST that calls one service, reports through messages and returns to the page."""

    http_method_names = ["post"]
    form_class = forms.Form
    # The permission the action needs, e.g. "events.change_registration".
    codename = "events.change_event"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.codename):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        return self.form_class(self.request.POST)

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if not form.is_valid():
            for field, errors in form.errors.items():
                label = form.fields[field].label if field in form.fields else ""
                for error in errors:
                    messages.error(request, f"{label}: {error}" if label else error)
            return redirect(self.page_url())
        try:
            self.act(form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect(self.page_url())


# Index -------------------------------------------------------------------------------------


class ProgrammesIndexView(ProgrammeMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "events/programmes/index.html"
    page_title = _("Programmes")
    header_icon = "group"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        events = Event.objects.filter(kind__in=list(PAGES)).order_by("-starts_at", "pk")
        context["rows"] = [
            {"event": event, "url": reverse(f"programmes:{PAGES[event.kind]}", args=[event.pk])}
            for event in events
        ]
        return context


# Camp --------------------------------------------------------------------------------------


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
        )
        return context

    def transfers(self):
        booked = selectors.transfer_bookings(self.event)
        return [(item, booked.get(item.pk, [])) for item in selectors.transfers(self.event)]


class RankView(ActionView):
    kind = EventKind.CAMP
    form_class = RankingForm
    codename = "events.change_registration"

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


class GroupsView(ActionView):
    kind = EventKind.CAMP
    form_class = GroupsForm
    codename = "events.change_registration"

    def act(self, data):
        groups = camp.form_camp_groups(self.event, buddies=data["buddies"], user=self.request.user)
        messages.success(
            self.request,
            ngettext("%(count)d group formed.", "%(count)d groups formed.", len(groups))
            % {"count": len(groups)},
        )


class RoomsView(ActionView):
    kind = EventKind.CAMP
    form_class = RoomsForm
    codename = "events.change_registration"

    def act(self, data):
        rooms = camp.allocate_rooms(self.event, **data)
        messages.success(
            self.request,
            gettext("%(count)d participants have rooms.") % {"count": len(rooms)},
        )


class CampVehiclesView(ActionView):
    kind = EventKind.CAMP
    form_class = VehiclesForm
    codename = "events.add_booking"

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
        context["participants"] = selectors.camp_participants(self.event)
        context["show_sensitive"] = self.request.user.has_perm(SENSITIVE_REGISTRATION_PERMISSION)
        return context


class CertificatesView(ProgrammeMixin, View):
    """Certificates of participation as PDF: one participant's, or every accepted one's."""

    kind = EventKind.CAMP

    def get(self, request, *args, **kwargs):
        if "registration" in kwargs:
            registration = get_object_or_404(
                Registration.objects.select_related("event", "event__host_organisation", "person"),
                pk=kwargs["registration"],
                event=self.event,
                status=RegistrationStatus.ACCEPTED,
            )
            content = certificates.render_certificate(registration)
            filename = f"certificate-{self.event.pk}-{registration.pk}.pdf"
        else:
            content = certificates.event_certificates(self.event)
            filename = f"certificates-{self.event.pk}.pdf"
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{filename}"'
        return response


# Envoy tour --------------------------------------------------------------------------------


class TourView(ProgrammePage):
    kind = EventKind.TOUR
    template_name = "events/programmes/tour.html"
    page_title = _("Envoys' tour")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        start = timezone.localtime(self.event.starts_at)
        context.update(
            invitations=selectors.tour_invitations(self.event),
            guests=selectors.tour_guests(self.event),
            departments=selectors.home_departments(),
            manifests=selectors.transport_manifests(self.event),
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


class InviteEnvoysView(ActionView):
    kind = EventKind.TOUR
    form_class = InviteEnvoysForm
    codename = "events.add_invitation"

    def act(self, data):
        created = envoy_tour.invite_envoys(self.event, user=self.request.user, **data)
        messages.success(
            self.request,
            ngettext("%(count)d envoy invited.", "%(count)d envoys invited.", len(created))
            % {"count": len(created)},
        )


class InterestsView(ActionView):
    kind = EventKind.TOUR
    form_class = InterestsForm
    codename = "events.change_invitation"

    def get_form(self):
        return self.form_class(self.request.POST, event=self.event)

    def act(self, data):
        envoy_tour.set_envoy_interests(data["invitation"], data["areas"])
        messages.success(
            self.request,
            gettext("Interests of %(person)s saved.") % {"person": data["invitation"].person},
        )


class DepartmentAreasView(ActionView):
    kind = EventKind.TOUR
    form_class = DepartmentAreasForm
    codename = "events.change_event"

    def act(self, data):
        envoy_tour.set_department_areas(data["department"], data["areas"])
        messages.success(
            self.request,
            gettext("Areas of %(department)s saved.") % {"department": data["department"]},
        )


class TourTransportView(ActionView):
    kind = EventKind.TOUR
    form_class = VehiclesForm
    codename = "events.add_booking"

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


class InterpretersView(ActionView):
    kind = EventKind.TOUR
    codename = "events.add_booking"

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
                % {"language": language, "item": item},
            )


class ForumView(ActionView):
    kind = EventKind.TOUR
    form_class = ForumForm
    codename = "events.change_event"

    def act(self, data):
        plan = envoy_tour.pair_forum(self.event, **data)
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


class FollowUpsView(ActionView):
    kind = EventKind.TOUR
    form_class = FollowUpsForm
    codename = "crm.add_interaction"

    def act(self, data):
        done = envoy_tour.record_tour_follow_ups(self.event, user=self.request.user, on=data["on"])
        messages.success(
            self.request,
            gettext("Logged %(letters)d thank-you letters and %(meetings)d forum meetings.")
            % {"letters": len(done.letters), "meetings": len(done.meetings)},
        )


# Freshmen party ----------------------------------------------------------------------------


def bar_chart(figures, *, label_width=CHART_LABEL_WIDTH):
    """Rows of an inline SVG bar chart: registered and checked-in bars per figure."""
    largest = max((figure.count for figure in figures), default=0)
    rows = []
    for index, figure in enumerate(figures):
        scale = CHART_BAR_WIDTH / largest if largest else 0
        rows.append(
            {
                "figure": figure,
                "y": index * CHART_ROW,
                "text_y": index * CHART_ROW + CHART_ROW * 0.68,
                "width": round(figure.count * scale, 1),
                "checked_in_width": round(figure.checked_in * scale, 1),
                "value_x": label_width + round(figure.count * scale, 1) + 6,
            }
        )
    return {
        "rows": rows,
        "height": max(len(rows), 1) * CHART_ROW,
        "width": label_width + CHART_BAR_WIDTH + 60,
        "label_width": label_width,
        "bar_height": CHART_ROW - 6,
    }


class PartyView(ProgrammePage):
    kind = EventKind.PARTY
    template_name = "events/programmes/party.html"
    page_title = _("Freshmen party")

    @cached_property
    def statistics(self):
        return selectors.party_statistics(self.event)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            universities=selectors.registrations_by_university(self.event),
            statistics=self.statistics,
            country_chart=bar_chart(self.statistics.by_country),
            # University names come in two scripts and need the wider label column.
            university_chart=bar_chart(self.statistics.by_university, label_width=460),
            checkin_form=CheckInForm(),
            may_check_in=self.may("change_registration"),
        )
        return context


class CheckInView(ActionView):
    kind = EventKind.PARTY
    form_class = CheckInForm
    codename = "events.change_registration"

    def act(self, data):
        registration = checkin.check_in_by_code(self.event, data["code"], user=self.request.user)
        messages.success(
            self.request,
            gettext("Welcome, %(name)s (%(university)s).")
            % {
                "name": registration_name(registration),
                "university": registration.university,
            },
        )


class CheckInQrView(ProgrammeMixin, View):
    """A registration's check-in code as an SVG QR code, for badges and mails."""

    def get(self, request, *args, **kwargs):
        registration = get_object_or_404(Registration, pk=kwargs["registration"], event=self.event)
        if not registration.checkin_code:
            raise Http404
        return HttpResponse(
            checkin.checkin_qr_svg(registration.checkin_code), content_type="image/svg+xml"
        )


# Registration ------------------------------------------------------------------------------


class ProgrammesViewSet(ViewSet):
    name = "programmes"
    icon = "group"
    menu_label = _("Programmes")

    def get_urlpatterns(self):
        return [
            path("", ProgrammesIndexView.as_view(), name="index"),
            path("camp/<int:pk>/", CampView.as_view(), name="camp"),
            path("camp/<int:pk>/rank/", RankView.as_view(), name="camp_rank"),
            path("camp/<int:pk>/groups/", GroupsView.as_view(), name="camp_groups"),
            path("camp/<int:pk>/rooms/", RoomsView.as_view(), name="camp_rooms"),
            path("camp/<int:pk>/vehicles/", CampVehiclesView.as_view(), name="camp_vehicles"),
            path(
                "camp/<int:pk>/participants/",
                CampParticipantsView.as_view(),
                name="camp_participants",
            ),
            path(
                "camp/<int:pk>/certificates/",
                CertificatesView.as_view(),
                name="camp_certificates",
            ),
            path(
                "camp/<int:pk>/certificates/<int:registration>/",
                CertificatesView.as_view(),
                name="camp_certificate",
            ),
            path("tour/<int:pk>/", TourView.as_view(), name="tour"),
            path("tour/<int:pk>/invite/", InviteEnvoysView.as_view(), name="tour_invite"),
            path("tour/<int:pk>/interests/", InterestsView.as_view(), name="tour_interests"),
            path(
                "tour/<int:pk>/departments/",
                DepartmentAreasView.as_view(),
                name="tour_departments",
            ),
            path("tour/<int:pk>/transport/", TourTransportView.as_view(), name="tour_transport"),
            path(
                "tour/<int:pk>/interpreters/",
                InterpretersView.as_view(),
                name="tour_interpreters",
            ),
            path("tour/<int:pk>/forum/", ForumView.as_view(), name="tour_forum"),
            path("tour/<int:pk>/follow-ups/", FollowUpsView.as_view(), name="tour_follow_ups"),
            path("party/<int:pk>/", PartyView.as_view(), name="party"),
            path("party/<int:pk>/check-in/", CheckInView.as_view(), name="party_check_in"),
            path(
                "party/<int:pk>/qr/<int:registration>/",
                CheckInQrView.as_view(),
                name="party_qr",
            ),
        ]

    @property
    def menu_item_class(self):
        class ProgrammesMenuItem(MenuItem):
            def is_shown(self, request):
                return ProgrammeMixin.user_may_open(request.user)

        return ProgrammesMenuItem

"""Admin pages for seating: the luncheons, a plan's room picture, guest list, moves, print pack."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permissions import policy_registry

from crm.models import Person

from ..enums import EventKind, InvitationStatus
from ..models import Event, Invitation, SeatingPlan
from .guest_lists import build_guest_list
from .printing import PARTS, generate_print_pack, render_print_pack
from .selectors import SEAT_RADIUS, TABLE_RADIUS, plan_view
from .services import configure_seating_plan, generate_seating_plan, move_guest

PART_LABELS = {
    "all": _("Whole print pack"),
    "plan": _("Table plan and guest index"),
    "cards": _("Place cards"),
    "badges": _("Name badges"),
    "caterer": _("Dietary and accessibility summary"),
}


@hooks.register("register_log_actions")
def register_seating_actions(actions):
    actions.register_action(
        "events.seating_generate", _("Generate seating"), _("Seating plan generated")
    )
    actions.register_action("events.seating_move", _("Move a guest"), _("Guest moved"))


class GuestListForm(forms.Form):
    delegations = forms.BooleanField(
        label=_("sister-city delegations present"), required=False, initial=True
    )
    representative_heads = forms.BooleanField(
        label=_("heads of consular and representative offices"), required=False, initial=True
    )
    city_leadership = forms.BooleanField(
        label=_("city leadership (mayor, deputies, directors)"), required=False, initial=True
    )
    respond_by = forms.DateTimeField(label=_("reply by"), required=False)


class PlanSettingsForm(forms.Form):
    table_size = forms.IntegerField(label=_("seats per table"), min_value=2, max_value=40)
    table_count = forms.IntegerField(
        label=_("number of tables"),
        min_value=1,
        required=False,
        help_text=_("Leave empty to use as few tables as the guests need."),
    )
    keep_delegations_together = forms.BooleanField(
        label=_("keep delegations together"), required=False
    )
    host = forms.ModelChoiceField(
        label=_("host"),
        queryset=Person.objects.none(),
        required=False,
        help_text=_("Empty: the senior guest of the home city."),
    )
    co_hosts = forms.ModelMultipleChoiceField(
        label=_("co-hosts"),
        queryset=Person.objects.none(),
        required=False,
        help_text=_("Each co-host anchors a table of their own."),
    )
    guest_of_honour = forms.ModelChoiceField(
        label=_("guest of honour"),
        queryset=Person.objects.none(),
        required=False,
        help_text=_("Seated at the host's right; empty: the guest of highest rank."),
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        accepted = Person.objects.filter(
            invitations__event=event, invitations__status=InvitationStatus.ACCEPTED
        ).order_by("family_name", "given_name", "pk")
        self.fields["host"].queryset = accepted
        self.fields["co_hosts"].queryset = accepted
        self.fields["guest_of_honour"].queryset = accepted


class MoveGuestForm(forms.Form):
    # The service checks that the guest is seated in the plan; the list only helps choosing.
    person = forms.IntegerField(label=_("guest"), widget=forms.Select)
    table = forms.IntegerField(label=_("table"), min_value=1)
    position = forms.IntegerField(label=_("seat"), min_value=1)

    def __init__(self, *args, guests=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].widget.choices = [("", "---------"), *guests]


def plan_settings_initial(plan):
    if plan is None:
        return {"table_size": 10}
    return {
        "table_size": plan.table_size,
        "table_count": plan.table_count,
        "keep_delegations_together": plan.keep_delegations_together,
        "host": plan.host_id,
        "co_hosts": [person.pk for person in plan.co_hosts.all()],
        "guest_of_honour": plan.guest_of_honour_id,
    }


class SeatingMixin(PermissionCheckedMixin):
    model = SeatingPlan

    @classmethod
    def user_may_open(cls, user):
        policy = policy_registry.get_by_type(SeatingPlan)
        return policy.user_has_any_permission(user, ["add", "change", "delete", "view"])

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if "event_pk" in kwargs:
            self.event = get_object_or_404(
                Event.objects.select_related("venue"), pk=kwargs["event_pk"]
            )
            self.plan = SeatingPlan.objects.filter(event=self.event).select_related("host").first()

    def plan_url(self):
        return reverse("seating:plan", args=[self.event.pk])


class SeatingIndexView(SeatingMixin, WagtailAdminTemplateMixin, TemplateView):
    any_permission_required = ["add", "change", "delete", "view"]
    template_name = "events/seating/index.html"
    page_title = _("Seating plans")
    header_icon = "table"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        accepted = Q(invitations__status=InvitationStatus.ACCEPTED)
        context["events"] = (
            Event.objects.filter(Q(kind=EventKind.LUNCHEON) | Q(seating_plan__isnull=False))
            .select_related("seating_plan", "venue")
            .annotate(
                invited=Count("invitations", distinct=True),
                accepted=Count("invitations", filter=accepted, distinct=True),
                seated=Count("seating_plan__seats", distinct=True),
            )
            .order_by("-starts_at")
        )
        return context


class SeatingPlanView(SeatingMixin, WagtailAdminTemplateMixin, TemplateView):
    """The room as a picture, the tables as lists, and the forms that change them."""

    any_permission_required = ["add", "change", "delete", "view"]
    template_name = "events/seating/plan.html"
    page_title = _("Seating plan")
    header_icon = "table"

    def get_page_subtitle(self):
        return str(self.event)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("seating:index"), "label": gettext("Seating plans")},
            {"url": "", "label": str(self.event)},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        view = plan_view(self.plan) if self.plan else None
        guests = []
        if view is not None:
            guests = sorted(
                (
                    (seat.person.pk, f"{seat.name} · {seat.number}/{seat.position}")
                    for table in view.tables
                    for seat in table.occupied
                ),
                key=lambda choice: choice[1].casefold(),
            )
        may_change = self.permission_policy.user_has_permission(self.request.user, "change")
        replies = dict(
            Invitation.objects.filter(event=self.event)
            .order_by()
            .values_list("status")
            .annotate(count=Count("pk"))
        )
        context.update(
            event=self.event,
            plan=self.plan,
            view=view,
            flagged={key for warning in (view.warnings if view else []) for key in warning.guests},
            table_radius=TABLE_RADIUS,
            seat_radius=SEAT_RADIUS,
            may_change=may_change,
            settings_form=PlanSettingsForm(
                event=self.event, initial=plan_settings_initial(self.plan)
            ),
            move_form=MoveGuestForm(guests=guests),
            guest_list_form=GuestListForm(),
            parts=[(part, PART_LABELS[part]) for part in ("all", *PARTS)],
            invitations_url=reverse("event:invitations", args=[self.event.pk]),
            replies=[(label, replies.get(value, 0)) for value, label in InvitationStatus.choices],
        )
        return context


class SeatingActionView(SeatingMixin, View):
    """A POST that calls one service, reports through messages and returns to the plan."""

    permission_required = "change"
    http_method_names = ["post"]
    form_class = None

    def get_form(self):
        return self.form_class(self.request.POST)

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect(self.plan_url())
        try:
            self.act(form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect(self.plan_url())


class BuildGuestListView(SeatingActionView):
    form_class = GuestListForm

    def act(self, data):
        created = build_guest_list(self.event, user=self.request.user, **data)
        messages.success(
            self.request,
            ngettext("%(count)d guest invited.", "%(count)d guests invited.", len(created))
            % {"count": len(created)},
        )


class GenerateSeatingView(SeatingActionView):
    form_class = PlanSettingsForm

    def get_form(self):
        return self.form_class(self.request.POST, event=self.event)

    def act(self, data):
        plan = configure_seating_plan(self.event, user=self.request.user, **data)
        result = generate_seating_plan(plan, user=self.request.user)
        messages.success(
            self.request,
            gettext("%(guests)d guests seated at %(tables)d tables.")
            % {"guests": len(result.seats), "tables": result.tables},
        )
        for violation in result.hard_violations:
            messages.warning(self.request, violation.message)


class MoveGuestView(SeatingActionView):
    form_class = MoveGuestForm

    def act(self, data):
        if self.plan is None:
            raise Http404
        person = get_object_or_404(Person, pk=data["person"])
        violations = move_guest(
            self.plan,
            person,
            table=data["table"],
            position=data["position"],
            user=self.request.user,
        )
        messages.success(
            self.request,
            gettext("%(name)s moved to table %(table)s, seat %(position)s.")
            % {"name": person.full_name, "table": data["table"], "position": data["position"]},
        )
        # A move is allowed to break a rule; the officer sees which one and decides.
        for violation in violations:
            if violation.is_hard or person.pk in violation.guests:
                messages.warning(self.request, violation.message)


class GeneratePrintPackView(SeatingActionView):
    form_class = forms.Form

    def act(self, data):
        if self.plan is None:
            raise Http404
        generate_print_pack.enqueue(self.plan.pk, translation.get_language())
        messages.success(self.request, gettext("The print pack is being prepared."))


class PrintPackView(SeatingMixin, View):
    """A part of the print pack rendered on request, shown inline in the browser."""

    any_permission_required = ["add", "change", "delete", "view"]

    def get(self, request, *args, **kwargs):
        part = kwargs["part"]
        if self.plan is None or part not in PART_LABELS:
            raise Http404
        parts = PARTS if part == "all" else (part,)
        content = render_print_pack(self.plan, parts=parts, language=translation.get_language())
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="seating-{self.event.pk}-{part}.pdf"'
        return response


class StoredPrintPackView(SeatingMixin, View):
    """The print pack the background task kept with the plan."""

    any_permission_required = ["add", "change", "delete", "view"]

    def get(self, request, *args, **kwargs):
        if self.plan is None or not self.plan.print_pack:
            raise Http404
        return FileResponse(
            self.plan.print_pack.open("rb"),
            content_type="application/pdf",
            filename=f"print-pack-{self.event.pk}.pdf",
        )


class SeatingViewSet(ViewSet):
    name = "seating"
    icon = "table"
    menu_label = _("Seating plans")

    def get_urlpatterns(self):
        return [
            path("", SeatingIndexView.as_view(), name="index"),
            path("<int:event_pk>/", SeatingPlanView.as_view(), name="plan"),
            path("<int:event_pk>/guest-list/", BuildGuestListView.as_view(), name="guest_list"),
            path("<int:event_pk>/generate/", GenerateSeatingView.as_view(), name="generate"),
            path("<int:event_pk>/move/", MoveGuestView.as_view(), name="move"),
            path(
                "<int:event_pk>/print-pack/",
                GeneratePrintPackView.as_view(),
                name="print_pack_generate",
            ),
            path(
                "<int:event_pk>/print-pack/download/",
                StoredPrintPackView.as_view(),
                name="print_pack_download",
            ),
            path("<int:event_pk>/print/<slug:part>/", PrintPackView.as_view(), name="print"),
        ]

    @property
    def menu_item_class(self):
        class SeatingMenuItem(MenuItem):
            def is_shown(self, request):
                return SeatingMixin.user_may_open(request.user)

        return SeatingMenuItem

"""Admin pages for seating: the luncheons, a plan's room picture, guest list, moves, print pack.

Their addresses are in urls.py; the viewset that mounts them is in events/wagtail_hooks/.
"""

from django.conf import settings
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from core.views import ActionView
from core.viewsets import ANY_PERMISSION
from crm.models import Person

from ..enums import EventKind, InvitationStatus
from ..models import Event, Invitation, SeatingPlan
from .forms import (
    GuestListForm,
    MoveGuestForm,
    PlanSettingsForm,
    PrintLanguageForm,
    plan_settings_initial,
)
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


class SeatingMixin(PermissionCheckedMixin):
    model = SeatingPlan

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
    any_permission_required = ANY_PERMISSION
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

    any_permission_required = ANY_PERMISSION
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
                    # The move form lists invited guests; companions are placed by the plan maker.
                    if seat.person is not None
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
        # The pack's language: the one last prepared, else the office's (never the admin's).
        print_initial = {"language": (self.plan and self.plan.print_pack_language) or None}
        print_initial = print_initial if print_initial["language"] else {}
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
            print_form=PrintLanguageForm(initial=print_initial),
            generate_form=PrintLanguageForm(initial=print_initial, auto_id="id_generate_%s"),
            invitations_url=reverse("event:invitations", args=[self.event.pk]),
            replies=[(label, replies.get(value, 0)) for value, label in InvitationStatus.choices],
        )
        return context


class SeatingActionView(SeatingMixin, ActionView):
    """A form on the plan page: it calls one service and returns to the plan."""

    def get_success_url(self):
        return self.plan_url()


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

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "event": self.event}

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
    form_class = PrintLanguageForm

    def act(self, data):
        if self.plan is None:
            raise Http404
        generate_print_pack.enqueue(self.plan.pk, data["language"] or settings.LANGUAGE_CODE)
        messages.success(self.request, gettext("The print pack is being prepared."))


class PrintPackView(SeatingMixin, View):
    """A part of the print pack rendered on request, shown inline in the browser."""

    any_permission_required = ANY_PERMISSION

    def get(self, request, *args, **kwargs):
        part = kwargs["part"]
        if self.plan is None or part not in PART_LABELS:
            raise Http404
        parts = PARTS if part == "all" else (part,)
        language = PrintLanguageForm.language_of(request.GET)
        content = render_print_pack(self.plan, parts=parts, language=language)
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="seating-{self.event.pk}-{part}.pdf"'
        return response


class StoredPrintPackView(SeatingMixin, View):
    """The print pack the background task kept with the plan."""

    any_permission_required = ANY_PERMISSION

    def get(self, request, *args, **kwargs):
        if self.plan is None or not self.plan.print_pack:
            raise Http404
        return FileResponse(
            self.plan.print_pack.open("rb"),
            content_type="application/pdf",
            filename=f"print-pack-{self.event.pk}.pdf",
        )

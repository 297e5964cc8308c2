"""Admin pages for the summer camp, the envoys' tour and the freshmen party: what they share.

Each programme has one page that shows where it stands and the forms for its next steps;
every form posts to a thin action view that calls one service and returns to the page.
The pages themselves are in camp/views.py, envoy_tour/views.py and freshmen/views.py.
"""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permissions import policy_registry

from ..enums import EventKind
from ..models import Event

PAGES = {EventKind.CAMP: "camp", EventKind.TOUR: "tour", EventKind.PARTY: "party"}


@hooks.register("register_log_actions")
def register_checkin_action(actions):
    actions.register_action("events.check_in", _("Check in"), _("Checked in at the door"))


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

"""Admin pages for the summer camp, the envoys' tour and the freshmen party: what they share.

Each programme has one page that shows where it stands and the forms for its next steps;
every form posts to a thin action view that calls one service and returns to the page.
The pages themselves are in camp/views.py, envoy_tour/views.py and freshmen/views.py.
"""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from core.views import ActionView
from core.viewsets import ANY_PERMISSION

from ..enums import EventKind
from ..models import Event

PAGES = {EventKind.CAMP: "camp", EventKind.TOUR: "tour", EventKind.PARTY: "party"}


class ProgrammeMixin(PermissionCheckedMixin):
    """Pages for staff who may see events; the event comes from the URL when there is one."""

    model = Event
    any_permission_required = ANY_PERMISSION
    kind = None

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


class ProgrammeAction(ProgrammeMixin, ActionView):
    """A form on a programme page: `model` and `permission_required` name what it changes."""

    any_permission_required = None

    def get_success_url(self):
        return self.page_url()


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

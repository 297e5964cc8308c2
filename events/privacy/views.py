"""Admin pages of the personal-data lifecycle: a person's export and erasure, the access log."""

import json

from django.contrib.admin.utils import quote
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from wagtail.admin import messages
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy

from core.views import ActionView
from crm.models import Person

from ..enums import SensitiveAccessContext
from . import selectors, services
from .erasure import erase_person


def person_buttons(person, user):
    """The person page's buttons for a subject-access export and an erasure, as allowed."""
    buttons = []
    if user.has_perm("crm.export_person"):
        buttons.append(
            Button(
                _("Export personal data"),
                url=reverse("person_data:export", args=[quote(person.pk)]),
                icon_name="download",
                priority=60,
            )
        )
    if user.has_perm("crm.erase_person") and not person.erased_at:
        buttons.append(
            Button(
                _("Erase personal data"),
                url=reverse("person_data:erase", args=[quote(person.pk)]),
                icon_name="bin",
                priority=70,
            )
        )
    return buttons


class PersonExportView(PermissionCheckedMixin, View):
    """Everything held about one person as a JSON file (a subject-access request)."""

    model = Person
    permission_required = "export"

    def get(self, request, pk):
        person = get_object_or_404(Person, pk=pk)
        data = selectors.person_data(person, exported_by=request.user.get_username())
        services.record_sensitive_access(
            selectors.registrations_of(person),
            user=request.user,
            context=SensitiveAccessContext.SUBJECT_ACCESS,
        )
        response = HttpResponse(
            json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="person-{person.pk}-{stamp}.json"'
        return response


class PersonEraseView(ActionView):
    """Confirm, then erase one person's personal data (the counts they are part of stay)."""

    model = Person
    permission_required = "erase"
    template_name = "events/admin/person_erase.html"
    page_title = _("Erase personal data")
    header_icon = "bin"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(Person, pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("crm_person:index"),
                "label": capfirst(Person._meta.verbose_name_plural),
            },
            {
                "url": reverse("crm_person:inspect", args=[quote(self.object.pk)]),
                "label": str(self.object),
            },
            {"url": "", "label": self.get_page_title(), "sublabel": str(self.object)},
        ]

    def get_success_url(self):
        return reverse("crm_person:inspect", args=[quote(self.object.pk)])

    def act(self, data):
        erase_person(self.object, user=self.request.user)
        messages.success(
            self.request,
            gettext("The personal data of person #%(number)s was erased.")
            % {"number": self.object.pk},
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(person=self.object, scope=selectors.erasure_scope(self.object))
        return context


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """A log nobody adds to, edits or deletes by hand; who may read it is the view permission."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and super().user_has_permission(user, "view")

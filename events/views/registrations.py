"""Admin views of registrations: passport numbers and birth dates shown only to those allowed,
and each showing recorded; a registration reviewed through the service."""

from django.contrib.admin.utils import quote
from django.core.exceptions import NON_FIELD_ERRORS
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import EditView

from core.bulk import BulkActionsIndexMixin
from core.views import ActionView, ReadableInspectView, RecordIndexView

from ..enums import SensitiveAccessContext
from ..forms import RegistrationReviewForm
from ..models import Registration
from ..privacy.services import record_sensitive_access
from ..services import registrations as registration_services

SENSITIVE_REGISTRATION_FIELDS = ("passport_number", "date_of_birth")
SENSITIVE_REGISTRATION_PERMISSION = "events.view_sensitive_registration"


def can_see_sensitive(user):
    return user.has_perm(SENSITIVE_REGISTRATION_PERMISSION)


class RegistrationIndexView(BulkActionsIndexMixin, RecordIndexView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if not can_see_sensitive(request.user):
            self.list_export = [
                name for name in self.list_export if name not in SENSITIVE_REGISTRATION_FIELDS
            ]

    def render_to_response(self, context, **response_kwargs):
        if self.is_export and set(self.list_export) & set(SENSITIVE_REGISTRATION_FIELDS):
            # Every exported row that carries a passport number or birth date is recorded.
            record_sensitive_access(
                context["object_list"],
                user=self.request.user,
                context=SensitiveAccessContext.EXPORT,
            )
        return super().render_to_response(context, **response_kwargs)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.user_has_permission("change"):
            for status, label in RegistrationReviewForm.base_fields["status"].choices:
                buttons.append(
                    MenuItem(
                        label,
                        url=reverse("registration:review", args=[quote(instance.pk)])
                        + f"?status={status}",
                        icon_name="tasks",
                        priority=40,
                    )
                )
        return buttons


class RegistrationInspectView(ReadableInspectView):
    def get_fields(self):
        fields = super().get_fields()
        if can_see_sensitive(self.request.user):
            return fields
        return [name for name in fields if name not in SENSITIVE_REGISTRATION_FIELDS]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if can_see_sensitive(self.request.user):
            record_sensitive_access(
                [self.object], user=self.request.user, context=SensitiveAccessContext.INSPECT
            )
        return context


class RegistrationEditView(EditView):
    """The edit form shows the passport number and birth date to those allowed: recorded."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if can_see_sensitive(self.request.user):
            record_sensitive_access(
                [self.object], user=self.request.user, context=SensitiveAccessContext.EDIT
            )
        return context


class RegistrationReviewView(ActionView):
    """Accept, waitlist or reject one registration with an optional note."""

    model = Registration
    template_name = "events/admin/registration_review.html"
    page_title = _("Review registration")
    header_icon = "tasks"
    form_class = RegistrationReviewForm
    success_url = reverse_lazy("registration:index")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(
            Registration.objects.select_related("event"), pk=kwargs["pk"]
        )

    def get_page_subtitle(self):
        return str(self.object)

    def get_initial(self):
        return {"status": self.request.GET.get("status"), "note": self.object.review_note}

    def act(self, data):
        registration_services.review_registration(
            self.object, status=data["status"], user=self.request.user, note=data["note"]
        )
        messages.success(
            self.request,
            gettext("%(registration)s: %(status)s")
            % {
                "registration": self.object,
                "status": self.object.get_status_display(),
            },
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["registration"] = self.object
        context["non_field_errors_key"] = NON_FIELD_ERRORS
        return context

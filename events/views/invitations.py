"""Admin views of invitations: made and sent through the invitation services, and the pages
that show a guest's RSVP link, once, after the invitation is made or re-issued.

Only a hash of the link's secret is stored (docs/decisions.md), so the address can be shown
only on the page that answers its making; to give it again, a new one is made and the old
one stops working.
"""

from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import CreateView

from core.views import ActionView, RecordIndexView, ServiceFormMixin

from ..enums import InvitationStatus
from ..forms import SendInvitationsForm
from ..models import Event, Invitation
from ..services import invitations as invitation_services
from ..tasks import rsvp_url


def rsvp_link_response(request, invitation):
    """The one page that shows an invitation's RSVP link (in the guest's language)."""
    response = TemplateResponse(
        request,
        "events/admin/invitation_link.html",
        {
            "page_title": gettext("The guest's RSVP link"),
            "page_subtitle": str(invitation),
            "header_icon": "link",
            "invitation": invitation,
            "rsvp_url": rsvp_url(invitation.token, invitation.person.preferred_language),
            "index_url": reverse("invitation:index"),
        },
    )
    # The page holds a secret: no browser or proxy may keep it.
    add_never_cache_headers(response)
    return response


class InvitationIndexView(RecordIndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.user_has_permission("change"):
            buttons.append(
                MenuItem(
                    _("Copy the guest's RSVP link"),
                    url=reverse("invitation:reissue_link", args=[quote(instance.pk)]),
                    icon_name="link",
                    priority=40,
                )
            )
        return buttons


class InvitationReissueLinkView(ActionView):
    """Confirm, then make a new RSVP link for one guest and show it once."""

    model = Invitation
    template_name = "events/admin/invitation_reissue_link.html"
    page_title = _("The guest's RSVP link")
    header_icon = "link"
    success_url = reverse_lazy("invitation:index")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(
            Invitation.objects.select_related("person", "event"), pk=kwargs["pk"]
        )

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(invitation=self.object, index_url=reverse("invitation:index"))
        return context

    def act(self, data):
        invitation = invitation_services.reissue_invitation_link(
            self.object, user=self.request.user
        )
        return rsvp_link_response(self.request, invitation)


class InvitationCreateView(ServiceFormMixin, CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return invitation_services.invite_person(
            data["event"],
            data["person"],
            respond_by=data.get("respond_by"),
            max_companions=data.get("max_companions", 1),
            user=self.request.user,
        )

    def save_action(self):
        # The one moment the new link's secret exists: show it to whoever made the invitation.
        return rsvp_link_response(self.request, self.object)


class SendInvitationsView(ActionView):
    """Send an event's unsent invitations, or remind the guests who have not replied."""

    model = Invitation
    template_name = "events/admin/send_invitations.html"
    page_title = _("Invitations")
    header_icon = "mail"
    form_class = SendInvitationsForm
    success_url = reverse_lazy("invitation:index")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.event = get_object_or_404(Event, pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.event)

    @cached_property
    def unsent(self):
        return list(
            self.event.invitations.filter(sent_at__isnull=True).select_related("person", "event")
        )

    def act(self, data):
        if data["action"] == SendInvitationsForm.ACTION_REMIND:
            count = invitation_services.send_reminders(self.event)
            messages.success(self.request, gettext("%(count)d reminders sent.") % {"count": count})
            return
        sent = 0
        # Each invitation is its own transaction: one guest without an e-mail address must
        # not hold back the others.
        for invitation in self.unsent:
            try:
                invitation_services.send_invitation(invitation, request=self.request)
            except ValidationError as error:
                messages.warning(self.request, " ".join(error.messages))
            else:
                sent += 1
        messages.success(self.request, gettext("%(count)d invitations sent.") % {"count": sent})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["event"] = self.event
        context["unsent_count"] = len(self.unsent)
        context["pending_count"] = self.event.invitations.filter(
            status=InvitationStatus.PENDING, sent_at__isnull=False
        ).count()
        return context

"""Admin pages that show a guest's RSVP link: once, after the invitation is made or re-issued.

Only a hash of the link's secret is stored (docs/decisions.md), so the address can be shown
only on the page that answers its making; to give it again, a new one is made and the old
one stops working.
"""

from django.contrib.admin.utils import quote
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.menus import MenuItem

from core.views import ActionView, RecordIndexView

from ..models import Invitation
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

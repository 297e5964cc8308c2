"""Admin views for private calendar feed links: create, rotate, revoke.

A link's secret is shown once, on the page that answers its creation or rotation (https,
webcal and a QR code for printed itineraries); afterwards only its hash exists.
"""

import segno
from django.contrib.admin.utils import quote
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils.cache import add_never_cache_headers
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import CreateView

from core.views import ActionView, RecordIndexView, ServiceFormMixin

from ..models import FeedToken
from ..selectors.feeds.links import private_feed_links
from ..services import feeds as feed_services


def links_response(request, token, secret):
    """The one page that ever shows a link's secret: https, webcal and a QR code."""
    # Handed to a guest (mail, QR code): on the public address, not the admin's host.
    https_url, webcal_url = private_feed_links(secret)
    qr = segno.make(https_url, error="m")
    response = TemplateResponse(
        request,
        "events/feeds/links.html",
        {
            "page_title": gettext("Calendar feed link"),
            "page_subtitle": str(token),
            "header_icon": "calendar",
            "token": token,
            "https_url": https_url,
            "webcal_url": webcal_url,
            # segno writes the SVG from the URL alone; nothing user-typed reaches the markup.
            "qr_svg": mark_safe(qr.svg_inline(scale=4, title=gettext("Calendar feed link"))),  # noqa: S308
            "index_url": reverse("feed_token:index"),
        },
    )
    # The page holds a secret: no browser or proxy may keep it.
    add_never_cache_headers(response)
    return response


class FeedTokenIndexView(RecordIndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.revoked_at is None and self.user_has_permission("change"):
            for label, name, icon, priority in (
                (_("New secret (rotate)"), "rotate", "rotate", 40),
                (_("Revoke"), "revoke", "cross", 50),
            ):
                buttons.append(
                    MenuItem(
                        label,
                        url=reverse(f"feed_token:{name}", args=[quote(instance.pk)]),
                        icon_name=icon,
                        priority=priority,
                    )
                )
        return buttons


class FeedTokenCreateView(ServiceFormMixin, CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        token, self.secret = feed_services.create_feed_token(
            data["kind"],
            delegation=data.get("delegation"),
            person=data.get("person"),
            resource=data.get("resource"),
            label=data.get("label", ""),
            language=data.get("language", ""),
            user=self.request.user,
        )
        return token

    def save_action(self):
        return links_response(self.request, self.object, self.secret)


class FeedTokenActionView(ActionView):
    """Confirm, then rotate or revoke one link."""

    model = FeedToken
    template_name = "events/feeds/confirm.html"
    header_icon = "calendar"
    success_url = reverse_lazy("feed_token:index")
    question = ""
    button_label = ""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(FeedToken, pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            token=self.object,
            question=self.question,
            button_label=self.button_label,
            index_url=reverse("feed_token:index"),
        )
        return context


class FeedTokenRotateView(FeedTokenActionView):
    page_title = _("New secret for a feed link")
    question = _(
        "Give this link a new secret? Calendars subscribed with the old address stop "
        "updating at once and must subscribe again with the new one."
    )
    button_label = _("Yes, make a new secret")

    def act(self, data):
        token, secret = feed_services.rotate_feed_token(self.object, user=self.request.user)
        return links_response(self.request, token, secret)


class FeedTokenRevokeView(FeedTokenActionView):
    page_title = _("Revoke a feed link")
    question = _("Revoke this link? Calendars subscribed to it stop updating for good.")
    button_label = _("Yes, revoke")

    def act(self, data):
        token = feed_services.revoke_feed_token(self.object, user=self.request.user)
        messages.success(self.request, gettext("Feed link revoked: %(link)s") % {"link": token})

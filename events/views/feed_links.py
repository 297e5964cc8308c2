"""Admin for private calendar feed links: create, rotate, revoke.

A link's secret is shown once, on the page that answers its creation or rotation (https,
webcal and a QR code for printed itineraries); afterwards only its hash exists.
"""

import segno
from django import forms
from django.conf import settings
from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import FeedToken
from ..selectors.feeds.links import private_feed_links
from ..services import feeds as feed_services


class FeedTokenForm(WagtailAdminModelForm):
    language = forms.ChoiceField(
        label=_("language"),
        required=False,
        choices=[("", _("the subscriber's preferred language")), *settings.LANGUAGES],
    )


def links_response(request, token, secret):
    """The one page that ever shows a link's secret: https, webcal and a QR code."""
    https_url, webcal_url = private_feed_links(secret, request=request)
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


class FeedTokenIndexView(IndexView):
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


class FeedTokenCreateView(CreateView):
    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)

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


class FeedTokenActionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Confirm, then rotate or revoke one link."""

    model = FeedToken
    permission_required = "change"
    template_name = "events/feeds/confirm.html"
    header_icon = "calendar"
    form_class = forms.Form  # a confirmation: the POST itself is the answer
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

    def form_valid(self, form):
        try:
            token, secret = feed_services.rotate_feed_token(self.object, user=self.request.user)
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
            return redirect("feed_token:index")
        return links_response(self.request, token, secret)


class FeedTokenRevokeView(FeedTokenActionView):
    page_title = _("Revoke a feed link")
    question = _("Revoke this link? Calendars subscribed to it stop updating for good.")
    button_label = _("Yes, revoke")

    def form_valid(self, form):
        token = feed_services.revoke_feed_token(self.object, user=self.request.user)
        messages.success(self.request, gettext("Feed link revoked: %(link)s") % {"link": token})
        return redirect("feed_token:index")


class FeedTokenViewSet(ModelViewSet):
    model = FeedToken
    name = "feed_token"
    icon = "calendar"
    menu_label = _("Calendar feed links")
    index_view_class = FeedTokenIndexView
    add_view_class = FeedTokenCreateView
    edit_view_class = EditView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "__str__",
        "kind",
        "delegation",
        "person",
        "resource",
        "language",
        "last_used_at",
        "revoked_at",
    ]
    list_filter = ["kind"]
    ordering = ["-created_at"]
    edit_handler = ObjectList(
        [
            FieldPanel("kind"),
            FieldRowPanel([FieldPanel("delegation"), FieldPanel("person"), FieldPanel("resource")]),
            FieldRowPanel([FieldPanel("label"), FieldPanel("language")]),
        ],
        base_form_class=FeedTokenForm,
    )
    # What a link opens is fixed at creation; for another target, make another link.
    edit_panels = ObjectList(
        [FieldRowPanel([FieldPanel("label"), FieldPanel("language")])],
        base_form_class=FeedTokenForm,
    )

    def get_index_view_kwargs(self, **kwargs):
        queryset = FeedToken.objects.select_related("delegation", "person", "resource")
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        panel = self.edit_panels.bind_to_model(self.model)
        return super().get_edit_view_kwargs(
            panel=panel, form_class=panel.get_form_class(), **kwargs
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("rotate/<int:pk>/", FeedTokenRotateView.as_view(), name="rotate"),
            path("revoke/<int:pk>/", FeedTokenRevokeView.as_view(), name="revoke"),
        ]

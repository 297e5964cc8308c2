"""Staff and guests' replies: the replies page with dietary needs to confirm, the dashboard
panel and the account setting for the daily digest."""

import datetime

from django import forms
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.admin.views.account import BaseSettingsPanel, notifications_tab

from core.views import ActionView

from ..models import DietaryChange, ReplyNotificationSettings
from ..selectors.replies import pending_dietary_changes, recent_replies
from ..services import replies as reply_services
from .reports import ReportView

RECENT = datetime.timedelta(days=14)


class RepliesView(ReportView):
    model = DietaryChange
    template_name = "events/admin/replies.html"
    page_title = _("Replies")
    header_icon = "mail"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        policy = self.permission_policy
        context.update(
            replies=recent_replies(timezone.now() - RECENT, limit=100),
            changes=list(pending_dietary_changes()),
            may_decide=policy.user_has_permission(self.request.user, "change"),
        )
        return context


class DecideDietaryChangeView(ActionView):
    """Confirm (copy to the person's record) or ignore a dietary need from a reply."""

    model = DietaryChange
    permission_required = "change"
    success_url = reverse_lazy("replies:index")
    decision = None  # "confirm" or "ignore"

    def act(self, data):
        change = get_object_or_404(DietaryChange, pk=self.kwargs["pk"])
        if self.decision == "confirm":
            reply_services.confirm_dietary_change(change, user=self.request.user)
            messages.success(
                self.request,
                gettext("%(person)s's record now reads: %(needs)s")
                % {"person": change.person, "needs": change.proposed},
            )
        else:
            reply_services.ignore_dietary_change(change, user=self.request.user)
            messages.success(
                self.request,
                gettext("%(person)s's record is left as it was.") % {"person": change.person},
            )


class RepliesPanel(Component):
    """The dashboard's list of the latest replies and of needs waiting for an officer."""

    name = "replies"
    order = 110
    template_name = "events/admin/replies_panel.html"

    def get_context_data(self, parent_context):
        return {
            "replies": recent_replies(timezone.now() - RECENT, limit=8),
            "pending": pending_dietary_changes().count(),
            "replies_url": reverse("replies:index"),
        }


class ReplyNotificationForm(forms.ModelForm):
    class Meta:
        model = ReplyNotificationSettings
        fields = ["daily_digest"]


class ReplyNotificationPanel(BaseSettingsPanel):
    """'Daily mail of replies' on the officer's account page (Notifications tab)."""

    name = "reply_notifications"
    title = _("Replies to invitations")
    tab = notifications_tab
    order = 200
    form_class = ReplyNotificationForm

    def get_form(self):
        # The row is made on the first save, not on reading the page.
        instance = ReplyNotificationSettings.objects.filter(user=self.user).first()
        instance = instance or ReplyNotificationSettings(user=self.user)
        kwargs = {"instance": instance, "prefix": self.name}
        if self.request.method == "POST":
            return self.form_class(self.request.POST, **kwargs)
        return self.form_class(**kwargs)

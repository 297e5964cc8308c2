"""Duplicates and merging in the admin: the list and merge pages, addresses that follow merges."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from core.viewsets import PageViewSet

from ..audit import ChangesFormatter
from ..models import Person
from ..views import duplicates as views


class FollowMergesMixin:
    """A record viewset whose edit, inspect, history and delete addresses follow merges."""

    @property
    def edit_view(self):
        return views.follow_merges(super().edit_view, self.model)

    @property
    def inspect_view(self):
        return views.follow_merges(super().inspect_view, self.model)

    @property
    def history_view(self):
        return views.follow_merges(super().history_view, self.model)

    @property
    def delete_view(self):
        return views.follow_merges(super().delete_view, self.model)


class DuplicatesViewSet(PageViewSet):
    name = "crm_duplicates"
    icon = "resubmit"
    menu_label = _("Possible duplicates")
    model = Person
    urlpatterns = [
        path("", views.DuplicatesView.as_view(), name="index"),
        path(
            "merge/<str:kind>/<int:first>/<int:second>/",
            views.MergeView.as_view(),
            name="merge",
        ),
    ]


class MergedFormatter(ChangesFormatter):
    label = _("Merge contact records")
    verb = _("Merged")

    def format_message(self, log_entry):
        merged = (log_entry.data or {}).get("merged_label", "")
        return _("Merged %(record)s into this record") % {"record": merged}


def register_log_actions(registry):
    registry.register_action("crm.merge")(MergedFormatter)

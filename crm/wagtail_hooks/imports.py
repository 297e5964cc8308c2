"""The contact import pages (upload, mapping, preview, progress) as an admin viewset."""

from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.permissions import policy_registry

from core.viewsets import PageViewSet

from ..models import ImportRun
from ..views import imports


class ImportViewSet(PageViewSet):
    name = "crm_imports"
    icon = "upload"
    menu_label = _("Import contacts")
    model = ImportRun
    urlpatterns = [
        path("", imports.ImportIndexView.as_view(), name="index"),
        path("<int:pk>/", imports.ImportRunView.as_view(), name="run"),
        path("<int:pk>/mapping/", imports.ImportMappingView.as_view(), name="mapping"),
        path("<int:pk>/confirm/", imports.ImportConfirmView.as_view(), name="confirm"),
        path("<int:pk>/status/", imports.ImportStatusView.as_view(), name="status"),
    ]

    @cached_property
    def menu_item_class(self):
        # Every import page needs "add": viewers, who could only be refused, see no entry.
        class ImportMenuItem(MenuItem):
            def is_shown(self, request):
                policy = policy_registry.get_by_type(ImportRun)
                return policy.user_has_permission(request.user, "add")

        return ImportMenuItem


def register_import_log_actions(actions):
    actions.register_action("crm.import", _("Import"), _("Imported from a file"))

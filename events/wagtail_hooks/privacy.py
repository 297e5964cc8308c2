"""The personal-data pages: retention rules and the access log (Settings menu, administrators
only), and a person's export and erasure (buttons on the person's page)."""

from django.urls import path

from core.viewsets import PageViewSet, RecordViewSet
from crm.models import Person

from ..models import SensitiveDataAccess
from ..privacy import views


class AccessLogViewSet(RecordViewSet):
    """Who was shown which registration's passport number or date of birth, where and when."""

    model = SensitiveDataAccess
    name = "sensitive_access"
    icon = "view"
    add_to_settings_menu = True
    copy_view_enabled = False
    list_display = ["accessed_at", "username", "context", "registration_number", "event"]
    list_filter = ["context", "accessed_at"]
    list_select_related = ("event",)
    search_fields = ["username"]
    list_export = ["accessed_at", "username", "context", "registration_number", "event"]
    ordering = ["-accessed_at", "-pk"]
    # Nobody writes the log by hand (its permission policy refuses add, change and delete); Wagtail
    # still builds a form class, so it gets one without fields.
    form_fields = []


class PersonDataViewSet(PageViewSet):
    """A person's subject-access export and erasure; reached from the person's page."""

    name = "person_data"
    url_prefix = "crm/people/data"
    model = Person
    urlpatterns = [
        path("export/<int:pk>/", views.PersonExportView.as_view(), name="export"),
        path("erase/<int:pk>/", views.PersonEraseView.as_view(), name="erase"),
    ]

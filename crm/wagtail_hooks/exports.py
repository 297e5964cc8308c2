"""The export page of the Contacts menu and a vCard button on each person's page."""

from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets.button import Button

from core.viewsets import PageViewSet

from ..models import Person
from ..views import exports as views


class ExportViewSet(PageViewSet):
    name = "crm_export"
    icon = "download"
    menu_label = _("Export contacts")
    model = Person
    urlpatterns = [
        path("", views.ExportView.as_view(), name="index"),
        path("vcard/<int:pk>/", views.PersonVCardView.as_view(), name="vcard"),
    ]


def vcard_buttons(person, user):
    """register_person_header_buttons: download the person's card (3.0 and 4.0)."""
    if person.erased_at:
        return []
    url = reverse("crm_export:vcard", args=[person.pk])
    return [
        Button(gettext("Download vCard"), url, icon_name="download", priority=50),
        Button(
            gettext("Download vCard 4.0"), f"{url}?version=4.0", icon_name="download", priority=51
        ),
    ]

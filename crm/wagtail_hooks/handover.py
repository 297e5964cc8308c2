"""The hand-over page, reached from a person's page (no menu entry of its own)."""

from django.urls import path, reverse
from django.utils.translation import gettext
from wagtail.admin.widgets.button import Button

from core.viewsets import PageViewSet

from ..models import Person
from ..views.handover import HandOverView


class HandOverViewSet(PageViewSet):
    name = "crm_handover"
    icon = "resubmit"
    model = Person
    urlpatterns = [path("<int:pk>/", HandOverView.as_view(), name="index")]


def handover_buttons(person, user):
    """register_person_header_buttons: the hand-over page, for anyone whose position ended."""
    if person.erased_at or not person.affiliations.filter(end_date__isnull=False).exists():
        return []
    url = reverse("crm_handover:index", args=[person.pk])
    return [Button(gettext("Hand over to a successor"), url, icon_name="resubmit", priority=60)]

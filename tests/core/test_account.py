"""A login without a name or e-mail can still save its admin language."""

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db


def test_language_preference_saves_without_a_name_or_email(client, django_user_model):
    user = django_user_model.objects.create_superuser("nameless", "", "x")
    client.force_login(user)

    response = client.post(
        reverse("wagtailadmin_account"),
        {
            "name_email-first_name": "",
            "name_email-last_name": "",
            "name_email-email": "",
            "locale-preferred_language": "ja",
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
            "theme-keyboard_shortcuts": "on",
        },
    )

    assert response.status_code == 302, response.content.decode()[-3000:]
    assert UserProfile.get_for_user(user).preferred_language == "ja"

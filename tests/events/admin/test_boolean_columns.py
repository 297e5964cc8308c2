"""Yes/no columns in record lists are icons titled in the reader's language, not 'True'."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.users.models import UserProfile

from tests.factories.crm import OrganisationFactory
from tests.factories.events import EventFactory

pytestmark = pytest.mark.django_db


def listing_rows(body):
    """The record rows of a listing page (the keyboard-shortcuts dialog has tables too)."""
    table = re.search(r'<table class="listing.*?</table>', body, re.S).group(0)
    return table.split("<tbody", 1)[1]


@pytest.mark.parametrize("language", ["zh-hant", "ja", "ko", "en"])
@pytest.mark.parametrize(
    ("url", "make"),
    [
        ("event:index", lambda: EventFactory(is_public=True)),
        ("crm_organisation:index", lambda: OrganisationFactory(is_home=False)),
    ],
)
def test_boolean_columns_speak_the_readers_language(officer_client, officer, language, url, make):
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = language
    profile.save()
    make()

    rows = listing_rows(officer_client.get(reverse(url)).text)

    assert "True" not in rows and "False" not in rows
    with translation.override(language):
        words = "|".join(re.escape(gettext(word)) for word in ("Yes", "No"))
    # The icon's title is spoken by screen readers and shown on hover.
    assert re.search(rf">\s*({words})\s*<", rows)

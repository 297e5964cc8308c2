"""Strings Wagtail and phonenumber-field show our users are translated by our catalogues
where theirs lack them (core/library_messages.py and the hand-written djangojs.po)."""

import pytest
from django.utils import translation
from django.utils.translation.trans_real import DjangoTranslation

from core import library_messages

LANGUAGES = ["zh-hant", "ja", "ko"]
# The sidebar's note in Wagtail's JavaScript (its zh-Hant, ja and ko catalogues lack it).
JAVASCRIPT = ["(1 new item in this menu)", "(%(number)s new items in this menu)", "Collapse all"]


def messages():
    # Plural lazy strings read as "" without their number; msgfmt checks those.
    everything = (
        *library_messages.PHONE_NUMBERS,
        *library_messages.WAGTAIL_ADMIN,
        *library_messages.WAGTAIL_ADMIN_PAGES,
        *library_messages.WAGTAIL_MEDIA,
        *library_messages.COUNTRIES,
        *library_messages.LANGUAGES,
    )
    with translation.override("en"):
        return [message for message in everything if str(message)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_library_messages_are_translated(language):
    with translation.override("en"):
        english = [str(message) for message in messages() if "%(" not in str(message)]
    with translation.override(language):
        local = [str(message) for message in messages() if "%(" not in str(message)]
    untranslated = [e for e, t in zip(english, local, strict=True) if e == t]
    assert untranslated == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_account_and_editor_guide_messages_are_translated(language):
    with translation.override(language):
        saved = translation.gettext("Your account settings have been changed successfully!")
        guide = translation.gettext("Wagtail %(current_version)s editor guide")
    assert saved != "Your account settings have been changed successfully!"
    assert guide != "Wagtail %(current_version)s editor guide"
    assert "%(current_version)s" in guide


@pytest.mark.parametrize("language", LANGUAGES)
def test_wagtail_javascript_strings_are_translated(language):
    catalogue = DjangoTranslation(language, domain="djangojs")
    assert [s for s in JAVASCRIPT if catalogue.gettext(s) == s] == []

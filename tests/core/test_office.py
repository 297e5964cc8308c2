"""The office an installation serves is configured, not assumed to be Kaohsiung's: its name in
each language reaches page titles, the footer, calendars and the open-data catalogue."""

import pytest
from django.test import override_settings
from django.utils import translation

from core.office import office_full_name, office_name
from events import ical

TAICHUNG = '{"zh-hant": "臺中市政府國際事務", "en": "Taichung City International Affairs"}'


def test_without_configuration_the_demo_office_is_named_in_each_language():
    assert office_name("en") == "Kaohsiung City International Affairs"
    assert "高雄" in office_name("zh-hant")
    assert office_name("ja") != office_name("en")
    with translation.override("ko"):
        assert office_name() == office_name("ko") != office_name("en")


@override_settings(KIA_OFFICE_NAME=TAICHUNG)
def test_a_configured_name_is_used_in_its_language_and_the_office_language_otherwise():
    assert office_name("en") == "Taichung City International Affairs"
    assert office_name("zh-hant") == "臺中市政府國際事務"
    # Not given in Japanese: the office's own language, never Kaohsiung's default.
    assert office_name("ja") == "臺中市政府國際事務"


def test_a_changed_setting_is_read_anew_though_each_value_is_parsed_once():
    with override_settings(KIA_OFFICE_NAME=TAICHUNG):
        assert office_name("en") == "Taichung City International Affairs"
    with override_settings(KIA_OFFICE_NAME='{"en": "Tainan International Affairs"}'):
        assert office_name("en") == "Tainan International Affairs"
    with override_settings(KIA_OFFICE_NAME=TAICHUNG):
        assert office_name("en") == "Taichung City International Affairs"


@override_settings(KIA_OFFICE_NAME="Tainan International Affairs", KIA_OFFICE_FULL_NAME="[1, 2]")
def test_one_plain_name_serves_every_language_and_a_malformed_setting_falls_back():
    assert office_name("ko") == office_name("en") == "Tainan International Affairs"
    assert office_full_name("en") == (
        "Administration and International Affairs Office, Kaohsiung City Government"
    )


@pytest.mark.django_db
@override_settings(
    KIA_OFFICE_NAME=TAICHUNG,
    KIA_OFFICE_FULL_NAME='{"en": "Taichung City Government, Information Office"}',
)
def test_public_pages_carry_the_configured_office_and_not_kaohsiung(client):
    body = client.get("/en/no-such-page/").content.decode()

    assert "Taichung City International Affairs" in body
    assert "Taichung City Government, Information Office" in body
    assert "Kaohsiung" not in body


@override_settings(KIA_OFFICE_NAME=TAICHUNG)
def test_a_calendar_organiser_is_the_configured_office():
    ical._organizer.cache_clear()
    try:
        with translation.override("en"):
            organiser = ical.organizer()
    finally:
        ical._organizer.cache_clear()

    assert organiser.params["CN"] == "Taichung City International Affairs"


@pytest.mark.django_db
def test_the_open_data_catalogue_is_titled_in_each_language(client):
    catalogue = client.get("/open-data/catalog.jsonld").json()

    titles = {title["@language"]: title["@value"] for title in catalogue["dct:title"]}
    assert titles["en"] == "Kaohsiung City International Affairs open data"
    assert len(set(titles.values())) == 4

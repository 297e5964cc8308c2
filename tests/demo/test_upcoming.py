"""The demo's illustrative upcoming events: dated from today, open, pictured in four languages."""

import datetime

import pytest
from django.utils import timezone
from wagtail.images import get_image_model

from cms import models
from demo import cms as demo_cms
from demo import upcoming
from events.models import Event
from events.selectors.registrations import registration_state
from tests.factories.crm import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_upcoming_events_take_registrations_in_every_language_and_reload_unchanged(client):
    OrganisationFactory(name="高雄市政府", name_en="Kaohsiung City Government", is_home=True)
    upcoming.load()
    demo_cms.load()
    today = timezone.localdate()
    events = list(Event.objects.filter(is_illustrative=True, takes_registrations=True))
    stamps = {event.pk: event.updated_at for event in events}

    assert len(events) == len(upcoming.UPCOMING)
    for event in events:
        assert timezone.localdate(event.starts_at) > today
        assert event.summary_en.endswith("(Illustrative event, not in the 2019 report.)")
        for language in ("zh-hant", "en", "ja", "ko"):
            assert registration_state(event, language=language).status == "open"
        pages = models.EventPage.objects.filter(event=event).select_related("hero_image")
        alts = {page.locale.language_code: page.hero_image.description for page in pages}
        assert sorted(alts) == ["en", "ja", "ko", "zh-hant"]
        assert len(set(alts.values())) == 4
        assert all(page.slug.isascii() for page in pages)
    image = get_image_model().objects.first()
    assert image.renditions.filter(filter_spec="fill-480x270").exists()
    body = client.get("/ja/").content.decode()
    # The Japanese home page lists them under its upcoming events, in Japanese.
    assert all(event.title_ja in body for event in events)

    upcoming.load()
    assert {e.pk: e.updated_at for e in Event.objects.filter(pk__in=stamps)} == stamps
    assert min(e.starts_at for e in events) - timezone.now() < datetime.timedelta(days=60)

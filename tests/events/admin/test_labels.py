"""Edit-form labels fit Wagtail's minimap, which cuts them after 22 characters.

Every add and edit form of a crm and events record is read in each admin language (the add
form of every viewset; the edit form of every record a factory can make), so a label such as
"Name in your own scrip…" cannot come back on a form nobody thought to check.
"""

import html
import re

import factory
import pytest
from django.urls import NoReverseMatch, get_resolver, reverse
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.users.models import UserProfile

from tests.factories import crm as crm_factories
from tests.factories import events as event_factories
from tests.factories.events import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
MINIMAP_LENGTH = 22
LANGUAGES = ["en", "zh-hant", "ja", "ko"]
APPS = ("crm", "events")


def labels(body):
    # Fields in a row carry a field label; a field on its own a panel heading.
    found = re.findall(
        r'<label class="w-field__label"[^>]*>\s*(.*?)\s*(?:<span|</label>)', body, re.S
    ) + re.findall(r"<span data-panel-heading-text>(.*?)</span>", body, re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", label)).strip() for label in found]


def cut_off(body):
    return [label for label in labels(body) if len(label) > MINIMAP_LENGTH]


def record_viewsets(user):
    """The admin's model viewsets of crm and events records with an add form `user` opens
    (the access log's, written by the system alone, has none)."""
    # The registry fills when the admin's URLs are loaded.
    assert get_resolver().url_patterns
    found = []
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        if not isinstance(viewset, ModelViewSet) or isinstance(model, str) or model is None:
            continue
        if model._meta.app_label not in APPS:
            continue
        try:
            reverse(viewset.get_url_name("add"))
        except NoReverseMatch:
            continue
        if viewset.permission_policy.user_has_permission(user, "add"):
            found.append(viewset)
    return found


def factories():
    """{model: factory} for every record the test factories make."""
    made = {}
    for module in (crm_factories, event_factories):
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, factory.django.DjangoModelFactory):
                made[value._meta.model] = value
    return made


def speak(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("labels", "labels@example.org", "x")
    client.force_login(user)
    client.user = user
    return client


def test_every_crm_and_events_form_is_checked(admin_client):
    models = {viewset.model._meta.label for viewset in record_viewsets(admin_client.user)}
    assert {"crm.Person", "crm.Organisation", "events.Event", "events.Registration"} <= models
    assert len(models) >= 15


@pytest.mark.parametrize("language", LANGUAGES)
def test_add_form_labels_are_not_cut_off(admin_client, language):
    speak(admin_client.user, language)
    cut = {}
    for viewset in record_viewsets(admin_client.user):
        response = admin_client.get(reverse(viewset.get_url_name("add")))
        assert response.status_code == 200, viewset.get_url_name("add")
        cut.update(
            {viewset.get_url_name("add"): found for found in [cut_off(response.text)] if found}
        )
    assert cut == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_edit_form_labels_are_not_cut_off(admin_client, language):
    speak(admin_client.user, language)
    made = factories()
    cut, checked = {}, 0
    for viewset in record_viewsets(admin_client.user):
        if viewset.model not in made:
            continue
        record = made[viewset.model]()
        url = reverse(viewset.get_url_name("edit"), args=[record.pk])
        response = admin_client.get(url)
        assert response.status_code == 200, url
        checked += 1
        found = cut_off(response.text)
        if found:
            cut[url] = found
    assert checked >= 10
    assert cut == {}


def test_registration_edit_labels_in_english_are_the_short_ones(officer_client, officer):
    speak(officer, "en")
    registration = RegistrationFactory(event=EventFactory(takes_registrations=True))

    body = officer_client.get(reverse("registration:edit", args=[registration.pk])).text

    shown = labels(body)
    assert "Native-script name" in shown, " | ".join(shown)
    assert "Emergency phone" in shown

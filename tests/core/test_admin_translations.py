"""Every message on the admin pages staff use daily is translated into zh-Hant, ja and ko.

Each page is rendered once per language while Django's translation functions are wrapped to
note every message asked for in that language. A message counts as missing when the
language's own catalogue (Django's, Wagtail's, the project's: all merged into one) has no
entry for it. The fallback is left out on purpose: Django falls back from ja and ko to
LANGUAGE_CODE's catalogue, so a message missing in ja shows in Chinese, not Japanese; and a
missing zh-Hant message shows in English. A message that is missing goes into
core/library_messages.py (library strings) or the project's code, translated in locale/.
"""

from collections import defaultdict

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import trans_real
from wagtail.users.models import UserProfile

from tests.factories import crm as crm_factories
from tests.factories import events as events_factories
from tests.factories.cms import build_site
from tests.factories.staff import protocol_officer

pytestmark = pytest.mark.django_db

LANGUAGES = ["zh-hant", "ja", "ko"]

# Messages that read the same in every language (formats, codes, the brand): a page that asks
# for one is not failed for it, whether or not a catalogue carries it.
SAME_IN_EVERY_LANGUAGE = {
    "%s",
    "%(value)s",
    "CSV",
    "XLSX",
    "URL",
    "ID",
    "iCal",
    "vCard",
    "Wagtail",
    # django-filter asks for every lookup's words, "exact" too, but shows none for "exact".
    "exact",
}

# Viewset URL namespace -> a record to open its edit and inspect views.
RECORDS = {
    "crm_person": crm_factories.PersonFactory,
    "crm_organisation": crm_factories.OrganisationFactory,
    "crm_affiliation": crm_factories.AffiliationFactory,
    "crm_relationship": crm_factories.RelationshipFactory,
    "crm_cooperationarea": crm_factories.CooperationAreaFactory,
    "crm_interaction": crm_factories.InteractionFactory,
    "crm_gift": crm_factories.GiftFactory,
    "crm_mailinglist": crm_factories.MailingListFactory,
    "event": events_factories.EventFactory,
    "delegation": events_factories.DelegationFactory,
    "delegationmember": events_factories.DelegationMemberFactory,
    "itineraryitem": events_factories.ItineraryItemFactory,
    "invitation": events_factories.InvitationFactory,
    "registration": events_factories.RegistrationFactory,
    "booking": events_factories.BookingFactory,
    "venue": events_factories.VenueFactory,
    "vehicle": events_factories.VehicleFactory,
    "driver": events_factories.DriverFactory,
    "interpreter": events_factories.InterpreterFactory,
}


def admin_pages():
    for namespace, factory in RECORDS.items():
        record = factory()
        yield reverse(f"{namespace}:index")
        yield reverse(f"{namespace}:add")
        yield reverse(f"{namespace}:edit", args=[record.pk])
        yield reverse(f"{namespace}:inspect", args=[record.pk])
    yield reverse("wagtailadmin_home")
    yield reverse("crm_search") + "?q=Kaohsiung"
    yield reverse("visit-planner:index")
    yield reverse("visit-planner:plan", args=[events_factories.EventFactory().pk])
    yield reverse("wagtailadmin_account")


def page_editor_pages():
    tree = build_site()
    yield reverse("wagtailadmin_explore", args=[tree.homes["zh-hant"].pk])
    yield reverse("wagtailadmin_pages:edit", args=[tree.about["zh-hant"].pk])


class MessageLog:
    """Wraps Django's translation functions; notes each message asked for, per language."""

    def __init__(self):
        self.asked = defaultdict(set)

    def note(self, context, singular, plural=None):
        language = translation.get_language()
        if singular and language:
            self.asked[language].add((context, str(singular), plural and str(plural)))

    def install(self, monkeypatch):
        # Everything (templates' tags, lazy strings) calls through django.utils.translation's
        # _trans, which holds trans_real's functions; trans_real's own pgettext calls its
        # gettext, which is left alone so a message is not noted twice.
        real = {
            name: getattr(trans_real, name)
            for name in ("gettext", "ngettext", "pgettext", "npgettext")
        }

        def gettext(message):
            self.note(None, message)
            return real["gettext"](message)

        def ngettext(singular, plural, number):
            self.note(None, singular, plural)
            return real["ngettext"](singular, plural, number)

        def pgettext(context, message):
            self.note(context, message)
            return real["pgettext"](context, message)

        def npgettext(context, singular, plural, number):
            self.note(context, singular, plural)
            return real["npgettext"](context, singular, plural, number)

        for function in (gettext, ngettext, pgettext, npgettext):
            monkeypatch.setattr(translation._trans, function.__name__, function, raising=False)

    def missing(self, language):
        catalogue = trans_real.translation(language)._catalog
        found = set()
        for context, singular, plural in self.asked[language]:
            key = singular if context is None else f"{context}\x04{singular}"
            if plural is not None:
                key = (key, 0)
            if catalogue.get(key) is None and singular not in SAME_IN_EVERY_LANGUAGE:
                found.add((context or "", singular, plural or ""))
        return [
            f"{singular!r}"
            + (f" / {plural!r}" if plural else "")
            + (f" [{context}]" if context else "")
            for context, singular, plural in sorted(found, key=lambda m: m[1])
        ]


def log_in(client, user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)


@pytest.mark.parametrize("language", LANGUAGES)
def test_admin_pages_have_no_untranslated_messages(
    client, django_user_model, monkeypatch, language
):
    log = MessageLog()
    log.install(monkeypatch)

    log_in(client, protocol_officer(), language)
    for url in admin_pages():
        assert client.get(url).status_code == 200, url
    # The staff groups hold no page permissions (core.roles); a superuser opens the pages.
    log_in(client, django_user_model.objects.create_superuser("editor", password="pw"), language)
    for url in page_editor_pages():
        assert client.get(url).status_code == 200, url

    missing = log.missing(language)
    assert missing == [], f"{len(missing)} untranslated in {language}:\n" + "\n".join(missing)


def test_header_actions_label_is_translated(client):
    # Wagtail writes this aria-label in English without a translation tag, so the check above
    # never sees it; templates/wagtailadmin/shared/headers/_actions.html translates it.
    log_in(client, protocol_officer(), "zh-hant")
    html = client.get(reverse("crm_person:index")).content.decode()
    assert 'aria-label="操作" id="w-slim-header-buttons"' in html

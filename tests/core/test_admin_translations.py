"""Every message on the admin pages staff use is translated into zh-Hant, ja and ko.

Each page is rendered once per language while Django's translation functions are wrapped to
note every message asked for in that language. A message counts as missing when the
language's own catalogue (Django's, Wagtail's, the project's: all merged into one) has no
entry for it. The fallback is left out on purpose: Django falls back from ja and ko to
LANGUAGE_CODE's catalogue, so a message missing in ja shows in Chinese, not Japanese; and a
missing zh-Hant message shows in English. A message that is missing goes into
core/library_messages.py (library strings) or the project's code, translated in locale/.
"""

import datetime
from collections import defaultdict
from urllib.parse import urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import trans_real
from wagtail.users.models import UserProfile

from crm.models import DayOfNote, GlossaryTerm, ImportRun
from events.enums import EventKind
from events.models import FeedToken, ItineraryStaff, RetentionSettings, Vip
from events.seating.services import configure_seating_plan, generate_seating_plan
from tests.factories import crm as crm_factories
from tests.factories import events as events_factories
from tests.factories.cms import build_site
from tests.factories.programmes import accepted, build_tour, camp_event
from tests.factories.seating import accept_all, build_luncheon
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


def day_of_note():
    return DayOfNote.objects.create(
        organisation=crm_factories.OrganisationFactory(),
        name="Founding day",
        date=datetime.date(2020, 5, 1),
    )


def glossary_term():
    return GlossaryTerm.objects.create(
        kind="agency", name="機關", name_zh_hant="機關", name_en="Agency", name_ja="機関"
    )


def itinerary_staff():
    return ItineraryStaff.objects.create(
        item=events_factories.ItineraryItemFactory(),
        person=crm_factories.PersonFactory(),
        role="liaison",
    )


def vip():
    person = crm_factories.PersonFactory()
    return Vip.objects.create(person=person, name_zh_hant=str(person))


def feed_token():
    return FeedToken.objects.create(
        kind="person", person=crm_factories.PersonFactory(), token_hash="x" * 64
    )


# Viewset URL namespace -> a record to open its edit, inspect, history, usage and delete views.
RECORDS = {
    "crm_person": crm_factories.PersonFactory,
    "crm_organisation": crm_factories.OrganisationFactory,
    "crm_affiliation": crm_factories.AffiliationFactory,
    "crm_relationship": crm_factories.RelationshipFactory,
    "crm_cooperationarea": crm_factories.CooperationAreaFactory,
    "crm_interaction": crm_factories.InteractionFactory,
    "crm_gift": crm_factories.GiftFactory,
    "crm_mailinglist": crm_factories.MailingListFactory,
    "crm_dayofnote": day_of_note,
    "crm_glossaryterm": glossary_term,
    "event": events_factories.EventFactory,
    "delegation": events_factories.DelegationFactory,
    "delegationmember": events_factories.DelegationMemberFactory,
    "itineraryitem": events_factories.ItineraryItemFactory,
    "itinerarystaff": itinerary_staff,
    "invitation": events_factories.InvitationFactory,
    "registration": events_factories.RegistrationFactory,
    "booking": events_factories.BookingFactory,
    "venue": events_factories.VenueFactory,
    "vehicle": events_factories.VehicleFactory,
    "driver": events_factories.DriverFactory,
    "interpreter": events_factories.InterpreterFactory,
    "vip": vip,
    "feed_token": feed_token,
}


def record_pages(client, language):
    """Each record type's list, add, edit, inspect, history, usage and delete views."""
    for namespace, factory in RECORDS.items():
        record = factory()
        yield reverse(f"{namespace}:index")
        yield reverse(f"{namespace}:add")
        for view in ("edit", "inspect", "history", "usage", "delete"):
            yield reverse(f"{namespace}:{view}", args=[record.pk])


# Viewsets whose records are copied by a copy view of their own.
COPIED = (
    "crm_dayofnote",
    "event",
    "delegation",
    "delegationmember",
    "itinerarystaff",
    "venue",
    "vehicle",
    "driver",
    "interpreter",
    "vip",
)


def record_action_pages(client, language):
    """The copy views, and the confirmations and pages of the records' own actions."""
    for namespace in COPIED:
        yield reverse(f"{namespace}:copy", args=[RECORDS[namespace]().pk])
    yield reverse("event:invitations", args=[events_factories.EventFactory().pk])
    yield reverse("delegation:programme", args=[events_factories.DelegationFactory().pk])
    yield reverse("invitation:reissue_link", args=[events_factories.InvitationFactory().pk])
    yield reverse("registration:review", args=[events_factories.RegistrationFactory().pk])
    yield reverse("booking:cancel", args=[events_factories.BookingFactory().pk])
    token = feed_token()
    yield reverse("feed_token:rotate", args=[token.pk])
    yield reverse("feed_token:revoke", args=[token.pk])


def daily_pages(client, language):
    """The dashboard, search, visit planner, account, reports and the crm's tools."""
    yield reverse("wagtailadmin_home")
    yield reverse("records_search:index") + "?q=Kaohsiung"
    yield reverse("visit-planner:index")
    yield reverse("visit-planner:plan", args=[events_factories.EventFactory().pk])
    yield reverse("wagtailadmin_account")
    for report in (
        "annual-report",
        "event-statistics",
        "relationship-health",
        "booking-week",
        "free-resources",
        "resource-timeline",
        "run-sheet",
        "replies",
    ):
        yield reverse(f"{report}:index")
    person = crm_factories.PersonFactory(family_name="Christensen", given_name="Brent")
    twin = crm_factories.PersonFactory(family_name="CHRISTENSEN", given_name="Brent")
    yield reverse("crm_duplicates:index")
    yield reverse("crm_duplicates:merge", args=["people", person.pk, twin.pk])
    yield reverse("crm_handover:index", args=[person.pk])
    yield reverse("crm_export:index")
    yield reverse("crm_imports:index")


def import_pages(client, language):
    """A file uploaded, its columns mapped, its preview: each step's page after the last."""
    crm_factories.OrganisationFactory(is_home=True, country="TW", name_en="Kaohsiung City")
    rows = b"Stadt,Land,Art\r\nBusan,KR,sister city\r\n"
    client.post(
        reverse("crm_imports:index"),
        {"kind": "ties", "source": "", "file": SimpleUploadedFile("cities.csv", rows)},
    )
    run = ImportRun.objects.latest("pk")
    yield reverse("crm_imports:mapping", args=[run.pk])
    mapped = client.post(
        reverse("crm_imports:mapping", args=[run.pk]),
        {"column_0": "name_en", "column_1": "country", "column_2": "tie_type"},
    )
    assert mapped.status_code == 302, "the preview would show no rows"
    yield reverse("crm_imports:run", args=[run.pk])


def bulk_action(app, model, action, objects):
    query = urlencode([("next", "/admin/"), *[("id", obj.pk) for obj in objects]])
    return f"{reverse('wagtail_bulk_action', args=[app, model, action])}?{query}"


def seating_and_bulk_action_pages(client, language):
    """A seated luncheon's plan, and the bulk actions' confirmation pages."""
    scene = build_luncheon(guests=6, delegations=1, envoys=1, deputies=1)
    accept_all(scene)
    generate_seating_plan(configure_seating_plan(scene.event))
    yield reverse("seating:index")
    yield reverse("seating:plan", args=[scene.event.pk])
    people = [crm_factories.PersonFactory(), crm_factories.PersonFactory()]
    events_factories.DelegationFactory()
    yield bulk_action("crm", "person", "export", people)
    yield bulk_action("crm", "person", "add_to_delegation", people)
    yield bulk_action("crm", "person", "mail", people)
    yield bulk_action("crm", "organisation", "export", [crm_factories.OrganisationFactory()])
    registrations = [events_factories.RegistrationFactory()]
    for action in ("accept", "waitlist", "reject", "export"):
        yield bulk_action("events", "registration", action, registrations)
    invitations = [events_factories.InvitationFactory()]
    yield bulk_action("events", "invitation", "send", invitations)
    yield bulk_action("events", "invitation", "export", invitations)
    members = [events_factories.DelegationMemberFactory()]
    yield bulk_action("events", "delegationmember", "mail", members)
    yield bulk_action("events", "delegationmember", "export", members)


def programme_pages(client, language):
    """The camp, the envoys' tour and the freshmen party, each with someone taking part."""
    camp = camp_event()
    accepted(camp)
    yield reverse("programmes:index")
    yield reverse("programmes:camp", args=[camp.pk])
    yield reverse("programmes:camp_participants", args=[camp.pk])
    yield reverse("programmes:tour", args=[build_tour(envoys=1).event.pk])
    party = events_factories.EventFactory(
        kind=EventKind.PARTY,
        takes_registrations=True,
        registration_questions=["nationality", "university"],
    )
    guest = accepted(party)
    yield reverse("programmes:party", args=[party.pk])
    # Checked in at the door: the welcome and the refusal of a second check-in.
    for _attempt in range(2):
        response = client.post(
            reverse("programmes:party_check_in", args=[party.pk]), {"code": guest.checkin_code}
        )
        assert response.status_code == 302
    yield reverse("programmes:party", args=[party.pk])


def print_pages(client, language):
    """The seating print pack and the camp's certificates, printed in the page's language."""
    scene = build_luncheon(guests=6, delegations=1, envoys=1, deputies=1)
    accept_all(scene)
    generate_seating_plan(configure_seating_plan(scene.event))
    chosen = "?" + urlencode({"language": language})
    yield reverse("seating:print", args=[scene.event.pk, "all"]) + chosen
    camp = camp_event()
    accepted(camp)
    yield reverse("programmes:camp_certificates", args=[camp.pk]) + chosen


def superuser_pages(client, language):
    """Pages, the office's settings, images, documents, a person's erasure and the log of
    who saw sensitive data."""
    tree = build_site()
    yield reverse("wagtailadmin_explore", args=[tree.homes["zh-hant"].pk])
    yield reverse("wagtailadmin_pages:edit", args=[tree.about["zh-hant"].pk])
    settings_pk = RetentionSettings.load().pk
    yield reverse("wagtailsettings:edit", args=["events", "retentionsettings", settings_pk])
    yield reverse("wagtailimages:index")
    yield reverse("wagtaildocs:index")
    person = crm_factories.PersonFactory()
    yield reverse("person_data:erase", args=[person.pk])
    yield reverse("sensitive_access:index")


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


# Each group is a test of its own per language, so that no one test runs long.
PAGE_GROUPS = {
    "records": record_pages,
    "record-actions": record_action_pages,
    "daily": daily_pages,
    "imports": import_pages,
    "seating-and-bulk-actions": seating_and_bulk_action_pages,
    "programmes": programme_pages,
    "printing": print_pages,
    "superuser": superuser_pages,
}


@pytest.mark.parametrize("group", PAGE_GROUPS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_admin_pages_have_no_untranslated_messages(
    client, django_user_model, monkeypatch, language, group
):
    log = MessageLog()
    log.install(monkeypatch)

    if group == "superuser":
        # The staff groups hold no page, settings, image or document permissions, nor the
        # right to erase a person's data (core.roles); a superuser opens those pages.
        user = django_user_model.objects.create_superuser("editor", password="pw")
    else:
        user = protocol_officer()
    log_in(client, user, language)
    for url in PAGE_GROUPS[group](client, language):
        assert client.get(url).status_code == 200, url

    missing = log.missing(language)
    assert missing == [], f"{len(missing)} untranslated in {language}:\n" + "\n".join(missing)


def test_header_actions_label_is_translated(client):
    # Wagtail writes this aria-label in English without a translation tag, so the check above
    # never sees it; templates/wagtailadmin/shared/headers/_actions.html translates it.
    log_in(client, protocol_officer(), "zh-hant")
    html = client.get(reverse("crm_person:index")).content.decode()
    assert 'aria-label="操作" id="w-slim-header-buttons"' in html

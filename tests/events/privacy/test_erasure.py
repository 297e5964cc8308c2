"""Erasing one person: their data goes from every record and log entry, the year's counts stay."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from crm.models import Affiliation, MailingListMember, Person
from events.enums import RegistrationStatus
from events.models import (
    DelegationMember,
    FeedToken,
    Invitation,
    Registration,
    Seat,
    SeatingTable,
)
from events.privacy.erasure import erase_person
from events.selectors.stats import visitors_in_year, visits_in_year
from tests.factories.crm import (
    AffiliationFactory,
    InteractionFactory,
    MailingListFactory,
    PersonFactory,
)
from tests.factories.events import (
    DelegationMemberFactory,
    InvitationFactory,
    RegistrationFactory,
)
from tests.factories.seating import SeatingPlanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def envoy():
    return PersonFactory(
        family_name="韓",
        given_name="國瑜",
        native_name="韓國瑜",
        email="han@example.org",
        phone="+886912345678",
        honorific="Mayor",
        dietary_requirements="vegetarian",
        notes="prefers morning meetings",
        preferred_languages=["zh-hant"],
    )


@pytest.fixture
def officer(django_user_model):
    return django_user_model.objects.create_user("dpo")


def test_person_fields_are_blanked_and_the_row_stays(envoy, officer):
    erase_person(envoy, user=officer)
    person = Person.objects.get(pk=envoy.pk)
    assert person.erased_at is not None
    for name in ("family_name", "given_name", "native_name", "email", "honorific", "notes"):
        assert getattr(person, name) == ""
    assert (person.dietary_requirements, person.preferred_languages, str(person.phone)) == (
        "",
        [],
        "",
    )
    assert str(person).endswith(f"#{person.pk}")


def test_registrations_invitations_and_memberships_lose_their_personal_fields(envoy, officer):
    linked = RegistrationFactory(
        person=envoy, passport_number="M12345678", date_of_birth=datetime.date(1957, 6, 6)
    )
    # Sent from the same address without a link to the person on record: theirs too.
    by_address = RegistrationFactory(email="HAN@example.org", family_name="Han")
    someone_else = RegistrationFactory(family_name="Lee")
    invitation = InvitationFactory(person=envoy, dietary_requirements="no beef")
    member = DelegationMemberFactory(
        person=envoy, arrival_flight="BR101", notes="travels with aide"
    )
    erase_person(envoy, user=officer)
    for pk in (linked.pk, by_address.pk):
        registration = Registration.objects.get(pk=pk)
        assert registration.anonymised_at is not None
        assert (registration.family_name, registration.passport_number) == ("", "")
        assert registration.date_of_birth is None
        assert registration.email.endswith("@anonymised.invalid")
    assert Registration.objects.get(pk=someone_else.pk).family_name == "Lee"
    assert Invitation.objects.get(pk=invitation.pk).dietary_requirements == ""
    member = DelegationMember.objects.get(pk=member.pk)
    assert (member.arrival_flight, member.notes) == ("", "")


def test_the_years_figures_do_not_change(envoy, officer):
    member = DelegationMemberFactory(person=envoy)
    DelegationMemberFactory(delegation=member.delegation)
    year = member.delegation.event.starts_at.year
    before = (visits_in_year(year), visitors_in_year(year))
    RegistrationFactory(person=envoy, status=RegistrationStatus.ACCEPTED)
    accepted_before = Registration.objects.filter(status=RegistrationStatus.ACCEPTED).count()
    erase_person(envoy, user=officer)
    assert (visits_in_year(year), visitors_in_year(year)) == before
    assert (
        Registration.objects.filter(status=RegistrationStatus.ACCEPTED).count() == accepted_before
    )
    assert DelegationMember.objects.filter(person=envoy).count() == 1


def test_positions_are_removed_and_feed_links_revoked(envoy, officer):
    AffiliationFactory(person=envoy)
    token = FeedToken.objects.create(kind="person", person=envoy, label="韓國瑜's calendar")
    erase_person(envoy, user=officer)
    assert not Affiliation.objects.filter(person=envoy).exists()
    token = FeedToken.objects.get(pk=token.pk)
    assert token.revoked_at is not None
    assert token.label == ""


def test_an_erased_person_is_taken_off_every_mailing_list(envoy, officer):
    cards, luncheon = MailingListFactory(), MailingListFactory()
    for mailing_list in (cards, luncheon):
        MailingListMember.objects.create(mailing_list=mailing_list, person=envoy)
    MailingListMember.objects.create(mailing_list=cards, person=PersonFactory())
    counts = erase_person(envoy, user=officer)
    assert counts["mailing_lists"] == 2
    assert not MailingListMember.objects.filter(person=envoy).exists()
    assert cards.members.count() == 1


def test_print_packs_that_seat_the_person_are_deleted(envoy, officer):
    plan = SeatingPlanFactory()
    table = SeatingTable.objects.create(plan=plan, number=1)
    Seat.objects.create(plan=plan, table=table, position=1, person=envoy)
    plan.print_pack.save("print-pack.pdf", ContentFile(b"%PDF-1.4 han"), save=True)
    name = plan.print_pack.name
    other = SeatingPlanFactory()
    other.print_pack.save("other.pdf", ContentFile(b"%PDF-1.4"), save=True)
    erase_person(envoy, user=officer)
    plan.refresh_from_db()
    assert not plan.print_pack
    assert not default_storage.exists(name)
    # The plan and its seat stay; only the file that printed the name goes.
    assert Seat.objects.filter(plan=plan).count() == 1
    other.refresh_from_db()
    assert other.print_pack


def test_audit_entries_lose_the_persons_values_and_other_entries_their_name(envoy, officer):
    log(
        envoy,
        "crm.edit",
        user=officer,
        data={"changes": {"email": ["old@example.org", "han@example.org"]}},
    )
    interaction = InteractionFactory(subject="Lunch with 韓國瑜", description="Han Kuo-yu visit")
    interaction.people.add(envoy)
    log(
        interaction,
        "crm.edit",
        user=officer,
        data={"changes": {"people": [[], ["韓國瑜"]], "subject": ["", "Lunch with 韓國瑜"]}},
    )
    erase_person(envoy, user=officer)
    texts = [
        f"{entry.label} {entry.data}"
        for entry in ModelLogEntry.objects.exclude(action="events.person_erased")
    ]
    assert texts
    assert not any(
        needle in text for text in texts for needle in ("韓國瑜", "han@example.org", "old@example")
    )
    own = ModelLogEntry.objects.for_instance(envoy).get(action="crm.edit")
    # Who changed which field and when stays; the values do not.
    assert own.data == {"changes": {"email": [None, None]}}
    assert own.user == officer
    interaction.refresh_from_db()
    assert "韓國瑜" not in interaction.subject
    assert interaction.subject.startswith("Lunch with")


def test_the_erasure_is_logged_with_counts_only(envoy, officer):
    RegistrationFactory(person=envoy)
    erase_person(envoy, user=officer)
    entry = ModelLogEntry.objects.get(action="events.person_erased")
    assert entry.user == officer
    assert entry.data["counts"]["registrations"] == 1
    assert "韓" not in f"{entry.label} {entry.data}"


def test_a_short_latin_name_is_cut_as_a_word_not_inside_other_words(officer):
    person = PersonFactory(family_name="Li", given_name="", email="")
    interaction = InteractionFactory(subject="Delivery of gifts to Li", description="")
    interaction.people.add(person)
    erase_person(person, user=officer)
    interaction.refresh_from_db()
    assert interaction.subject == "Delivery of gifts to […]"


def test_erasing_a_person_blanks_the_names_and_needs_of_their_companions():
    from events.models import InvitationCompanion
    from events.privacy.erasure import erase_person
    from tests.factories.events import InvitationFactory

    invitation = InvitationFactory(max_companions=1, companions=1)
    InvitationCompanion.objects.create(
        invitation=invitation, number=1, name="Aiko Yamamoto", dietary_requirements="halal"
    )

    erase_person(invitation.person, user=None)

    assert list(InvitationCompanion.objects.values_list("name", "dietary_requirements")) == [
        ("", "")
    ]


def test_erasing_a_person_blanks_needs_copied_from_replies_and_group_mail_addresses():
    from events.models import DietaryChange, GroupMailing, GroupMailRecipient
    from events.privacy.erasure import erase_person
    from tests.factories.events import InvitationFactory

    invitation = InvitationFactory()
    person = invitation.person
    DietaryChange.objects.create(invitation=invitation, person=person, proposed="halal")
    mailing = GroupMailing.objects.create(subjects={"en": "s"}, bodies={"en": "b"})
    GroupMailRecipient.objects.create(
        mailing=mailing, person=person, email="guest@x.org", language="en"
    )

    erase_person(person, user=None)

    assert DietaryChange.objects.get().proposed == ""
    assert GroupMailRecipient.objects.get().email == f"erased-{person.pk}@erased.invalid"

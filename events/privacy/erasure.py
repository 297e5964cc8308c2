"""Erasing one person on request: every personal field blanked, the rows that count kept.

A person erased keeps their row (named "Erased person #n"), their delegation memberships,
seats, invitations and applications, so a year's visits and visitors by country, a seating
plan's size and an event's applications add up as before. What goes: names, contact details,
needs, notes, positions held, photo, flights, the person's feed links, the stored print packs
that printed their name, and the copies of all of it in the audit log.
"""

import json
import re

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, ReferenceIndex

from crm.models import Affiliation, Interaction, MailingListMember, Person

from ..models import (
    Delegation,
    DelegationMember,
    DietaryChange,
    FeedToken,
    GroupMailRecipient,
    Invitation,
    InvitationCompanion,
    ItineraryItem,
    Registration,
    Seat,
    SeatingPlan,
)
from .services import INVITATION_NEEDS, MEMBER_TRAVEL, anonymise_registrations

ERASED = "[…]"
PERSON_FIELDS = {
    "family_name": "",
    "given_name": "",
    "native_name": "",
    "chinese_name": "",
    "honorific": "",
    "courtesy_title": "",
    "preferred_languages": [],
    "dietary_requirements": "",
    "accessibility_needs": "",
    "email": "",
    "phone": "",
    "photo": None,
    "precedence_override": None,
    "user": None,
    "notes": "",
}
# Texts about others that may name the person: their name is cut out, the rest stays.
SHARED_TEXTS = (
    (Interaction, "people", ("subject", "description")),
    (Delegation, "members__person", ("notes",)),
    (ItineraryItem, "people", ("private_notes",)),
)
MIN_NEEDLE = 2


def _needles(person):
    """The forms in which the person's name and addresses may have been copied elsewhere."""
    names = [
        f"{person.given_name} {person.family_name}",
        f"{person.family_name} {person.given_name}",
        f"{person.family_name}{person.given_name}",
        person.native_name,
        person.chinese_name,
        person.email,
        str(person.phone or ""),
    ]
    # Longest first, so a full name is cut before its parts would be.
    unique = {name.strip() for name in names if len(name.strip()) >= MIN_NEEDLE}
    return sorted(unique, key=len, reverse=True)


def _pattern(needles):
    """One regular expression for all the needles. A Latin name matches as a whole word only
    ("Li" must not cut "Delivery"); Chinese, Japanese and Korean names have no spaces around
    them, so they match anywhere."""

    def word(needle):
        start = r"(?<![A-Za-z0-9])" if needle[0].isascii() and needle[0].isalnum() else ""
        end = r"(?![A-Za-z0-9])" if needle[-1].isascii() and needle[-1].isalnum() else ""
        return f"{start}{re.escape(needle)}{end}"

    return re.compile("|".join(word(needle) for needle in needles), re.IGNORECASE)


def _scrub(text, pattern):
    return pattern.sub(ERASED, text) if isinstance(text, str) else text


def _scrub_json(value, pattern):
    if isinstance(value, dict):
        return {key: _scrub_json(item, pattern) for key, item in value.items()}
    if isinstance(value, list):
        return [_scrub_json(item, pattern) for item in value]
    return _scrub(value, pattern)


def _blank_values(value):
    """The entry's data with every recorded value gone and its shape (field names) kept."""
    if isinstance(value, dict):
        return {key: _blank_values(item) for key, item in value.items()}
    if isinstance(value, list):
        return [None for _item in value]
    return None


def _scrub_log(owned, pattern, needles):
    """Audit entries: those of the person's own records lose their values; any other that
    copied the person's name or address has it cut out."""
    owned_query = Q(pk__in=[])
    for model, pks in owned.items():
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        owned_query |= Q(content_type=content_type, object_id__in=[str(pk) for pk in pks])
    for entry in ModelLogEntry.objects.filter(owned_query):
        entry.label = f"#{entry.object_id}"
        entry.data = _blank_values(entry.data)
        entry.save(update_fields=["label", "data"])
    if not needles:
        return
    mentions = Q()
    for needle in needles:
        # SQLite keeps JSON with non-ASCII letters escaped; PostgreSQL keeps them as they are.
        escaped = json.dumps(needle)[1:-1]
        mentions |= Q(label__icontains=needle) | Q(data_text__icontains=needle)
        mentions |= Q(data_text__icontains=escaped)
    entries = (
        ModelLogEntry.objects.annotate(data_text=Cast("data", TextField()))
        .filter(mentions)
        .exclude(owned_query)
    )
    for entry in entries:
        entry.label = _scrub(entry.label, pattern)
        entry.data = _scrub_json(entry.data, pattern)
        entry.save(update_fields=["label", "data"])


def _drop_print_packs(person):
    """Delete the stored print packs of plans that seat or name the person."""
    plans = SeatingPlan.objects.filter(
        Q(seats__person=person)
        | Q(host=person)
        | Q(guest_of_honour=person)
        | Q(co_hosts=person)
        | Q(seating_tables__host=person)
    ).exclude(print_pack="")
    dropped = 0
    for plan in plans.distinct():
        plan.print_pack.delete(save=False)
        plan.print_pack_generated_at = None
        plan.save(update_fields=["print_pack", "print_pack_generated_at", "updated_at"])
        dropped += 1
    return dropped


def _drop_photo(person):
    """Delete the person's photo unless something else uses the same image."""
    image = person.photo
    if image is None:
        return 0
    others = Person.objects.filter(photo=image).exclude(pk=person.pk).exists()
    references = ReferenceIndex.get_references_to(image).exclude(
        content_type=ContentType.objects.get_for_model(Person), object_id=str(person.pk)
    )
    if others or references.exists():
        return 0
    image.delete()
    return 1


@transaction.atomic
def erase_person(person, *, user, now=None):
    """Erase a person's personal data everywhere it is held; the counts it took part in stay.

    Returns what was done, as counts (they go into the audit entry, the values do not).
    """
    now = now or timezone.now()
    person = Person.objects.select_for_update().get(pk=person.pk)
    needles = _needles(person)
    pattern = _pattern(needles)

    registrations = Registration.objects.filter(person=person)
    if person.email:
        registrations = Registration.objects.filter(
            Q(person=person) | Q(email__iexact=person.email)
        )
    registration_pks = list(registrations.values_list("pk", flat=True))
    invitations = Invitation.objects.filter(person=person)
    memberships = DelegationMember.objects.filter(person=person)
    affiliations = Affiliation.objects.filter(person=person)
    feed_links = FeedToken.objects.filter(person=person)
    owned = {
        Person: [person.pk],
        Registration: registration_pks,
        Invitation: list(invitations.values_list("pk", flat=True)),
        DelegationMember: list(memberships.values_list("pk", flat=True)),
        Affiliation: list(affiliations.values_list("pk", flat=True)),
        Seat: list(Seat.objects.filter(person=person).values_list("pk", flat=True)),
        FeedToken: list(feed_links.values_list("pk", flat=True)),
    }

    counts = {
        "registrations": anonymise_registrations(
            Registration.objects.filter(pk__in=registration_pks), now=now
        ),
        "invitations": invitations.update(**INVITATION_NEEDS, updated_at=now),
        # Whom the person brought is theirs to have erased too.
        "companions": InvitationCompanion.objects.filter(invitation__in=invitations).update(
            name="", **INVITATION_NEEDS, updated_at=now
        ),
        # Needs copied from replies, and the addresses group mail went to.
        "dietary_changes": DietaryChange.objects.filter(person=person).update(
            proposed="", on_record="", updated_at=now
        ),
        "group_mail_copies": GroupMailRecipient.objects.filter(person=person).update(
            email=f"erased-{person.pk}@erased.invalid"
        ),
        "delegation_memberships": memberships.update(
            **MEMBER_TRAVEL, arrival_at=None, departure_at=None, updated_at=now
        ),
        "positions": affiliations.delete()[0],
        # No more mail: an erased person is taken off every mailing list.
        "mailing_lists": MailingListMember.objects.filter(person=person).delete()[0],
        "feed_links": feed_links.filter(revoked_at__isnull=True).update(
            revoked_at=now, updated_at=now
        ),
        "print_packs": _drop_print_packs(person),
        "photos": _drop_photo(person),
    }
    feed_links.update(label="")
    if needles:
        for model, relation, fields in SHARED_TEXTS:
            for record in model.objects.filter(**{relation: person}).distinct():
                changed = [name for name in fields if pattern.search(getattr(record, name))]
                for name in changed:
                    setattr(record, name, _scrub(getattr(record, name), pattern))
                if changed:
                    record.save(update_fields=[*changed, "updated_at"])
    for name, value in PERSON_FIELDS.items():
        setattr(person, name, value)
    person.erased_at = now
    person.save()
    _scrub_log(owned, pattern, needles)
    # Written last, so it is not blanked with the person's own entries.
    log(person, "events.person_erased", user=user, data={"counts": counts})
    return counts

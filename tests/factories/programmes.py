"""Scenes for the signature programmes: a summer camp, an envoys' tour, a freshmen party."""

import datetime
from dataclasses import dataclass

from crm.enums import OfficeRank, OrganisationKind
from events.enums import EventKind, InvitationStatus, ItemKind, RegistrationStatus
from events.models import Invitation
from events.services.registrations import review_registration

from .crm import AffiliationFactory, CooperationAreaFactory, OrganisationFactory, PersonFactory
from .events import EventFactory, ItineraryItemFactory, RegistrationFactory, taipei


def camp_event(**kwargs):
    return EventFactory(
        kind=EventKind.CAMP,
        title="國際夏令營",
        title_en="International Summer Camp",
        title_ja="国際サマーキャンプ",
        title_ko="국제 여름캠프",
        starts_at=taipei(2019, 8, 12, 9),
        ends_at=taipei(2019, 8, 17, 12),
        takes_registrations=True,
        **kwargs,
    )


def accepted(event, user=None, **kwargs):
    """An accepted registration (with its check-in code), made through the review service."""
    registration = RegistrationFactory(event=event, **kwargs)
    return review_registration(registration, status=RegistrationStatus.ACCEPTED, user=user)


@dataclass
class Tour:
    event: object
    home: object
    departments: dict
    areas: dict
    envoys: list
    legs: list
    forum: object


def build_tour(*, envoys=4, languages=None, areas=("trade", "tourism", "education")):
    """A two-day envoys' tour: a home city with one department per area, heads of
    representative offices (rank ambassador), two transfer legs and the forum."""
    home = OrganisationFactory(is_home=True, country="TW", name_en="Kaohsiung City")
    area_objects = {slug: CooperationAreaFactory(slug=slug, name_en=slug.title()) for slug in areas}
    # Named so that departments sort in the order of `areas`.
    departments = {
        slug: OrganisationFactory(
            parent=home, country="TW", name=f"{index} {slug}", name_en=f"{slug.title()} Bureau"
        )
        for index, slug in enumerate(areas)
    }
    languages = languages or ["en"] * envoys
    people = []
    for index in range(envoys):
        office = OrganisationFactory(
            kind=OrganisationKind.REPRESENTATIVE_OFFICE, name_en=f"Office {index}"
        )
        person = PersonFactory(
            family_name=f"Envoy{index:02d}",
            given_name="Amb",
            honorific="H.E.",
            preferred_languages=[languages[index]],
        )
        AffiliationFactory(
            person=person,
            organisation=office,
            office_rank=OfficeRank.AMBASSADOR,
            position_title="代表",
            position_title_en="Representative",
        )
        people.append(person)
    event = EventFactory(
        kind=EventKind.TOUR,
        starts_at=taipei(2019, 12, 6, 9),
        ends_at=taipei(2019, 12, 7, 17),
        host_organisation=home,
    )
    legs = [
        ItineraryItemFactory(
            event=event,
            kind=ItemKind.TRANSFER,
            starts_at=taipei(2019, 12, 6, 12, 30),
            ends_at=taipei(2019, 12, 6, 13),
            address="Kaohsiung Music Center",
        ),
        ItineraryItemFactory(
            event=event,
            kind=ItemKind.TRANSFER,
            starts_at=taipei(2019, 12, 7, 9),
            ends_at=taipei(2019, 12, 7, 9, 30),
            address="Siwei Administrative Center",
        ),
    ]
    forum = ItineraryItemFactory(
        event=event,
        kind=ItemKind.MEETING,
        starts_at=taipei(2019, 12, 7, 10),
        ends_at=taipei(2019, 12, 7, 12),
    )
    return Tour(
        event=event,
        home=home,
        departments=departments,
        areas=area_objects,
        envoys=people,
        legs=legs,
        forum=forum,
    )


def accept_invitation(invitation, companions=0):
    """Mark an invitation accepted as the RSVP service would, without the reply deadline."""
    invitation.status = InvitationStatus.ACCEPTED
    invitation.companions = companions
    invitation.responded_at = invitation.event.starts_at - datetime.timedelta(days=7)
    invitation.save()
    return Invitation.objects.get(pk=invitation.pk)

"""Building a luncheon's guest list from the CRM (sending is the invitations service's)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from ..models import Invitation
from ..services.invitations import invite_person
from .selectors import guest_list_candidates


@transaction.atomic
def build_guest_list(
    event,
    *,
    delegations=True,
    representative_heads=True,
    city_leadership=True,
    respond_by=None,
    # A seated luncheon invites the person, not a plus-one: companions would need seats.
    max_companions=0,
    user=None,
):
    """Invite everyone the chosen CRM filters find who is not invited yet; return the new ones.

    Running it again invites only people who newly match, so it is safe to repeat.
    """
    if not (delegations or representative_heads or city_leadership):
        raise ValidationError(gettext("Choose at least one group of guests to invite."))
    invited = set(Invitation.objects.filter(event=event).values_list("person", flat=True))
    created = []
    for person in guest_list_candidates(
        event,
        delegations=delegations,
        representative_heads=representative_heads,
        city_leadership=city_leadership,
    ):
        if person.pk in invited:
            continue
        created.append(
            invite_person(
                event,
                person,
                respond_by=respond_by,
                max_companions=max_companions,
                user=user,
            )
        )
    return created

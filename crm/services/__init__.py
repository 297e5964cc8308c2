"""Writes to the CRM: ties between organisations, their renewals, and the interaction log."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ..enums import RelationshipStatus
from ..models import Interaction, Relationship, RelationshipRenewal

ONE_ACTIVE_PER_PAIR_TYPE = "crm_relationship_one_active_per_pair_type"


def _constraint_message(model, name):
    constraint = next(c for c in model._meta.constraints if c.name == name)
    return constraint.get_violation_error_message()


@transaction.atomic
def create_relationship(
    source,
    target,
    *,
    type,
    status=RelationshipStatus.ACTIVE,
    signed_on=None,
    expires_on=None,
    areas=(),
    signatories=(),
    user=None,
):
    """Record a tie between two organisations; a duplicate active tie is a ValidationError."""
    relationship = Relationship(
        source=source,
        target=target,
        type=type,
        status=status,
        signed_on=signed_on,
        expires_on=expires_on,
    )
    relationship.full_clean()
    try:
        # A savepoint, so a concurrent duplicate that slipped past full_clean() leaves the
        # outer transaction usable for the caller.
        with transaction.atomic():
            relationship.save()
    except IntegrityError as error:
        raise ValidationError(
            _constraint_message(Relationship, ONE_ACTIVE_PER_PAIR_TYPE), code="unique"
        ) from error
    relationship.areas.set(areas)
    relationship.signatories.set(signatories)
    log(relationship, "wagtail.create", user=user)
    return relationship


@transaction.atomic
def renew_relationship(relationship, *, renewed_on, expires_on=None, notes="", user=None):
    """Record a renewal: the tie becomes active again and takes the new expiry date, if any."""
    if relationship.signed_on and renewed_on < relationship.signed_on:
        raise ValidationError(
            {"renewed_on": _("A tie cannot be renewed before it was signed.")},
            code="renewed_before_signed",
        )
    renewal = RelationshipRenewal(
        relationship=relationship, renewed_on=renewed_on, expires_on=expires_on, notes=notes
    )
    renewal.full_clean()
    if expires_on is not None:
        relationship.expires_on = expires_on
    relationship.status = RelationshipStatus.ACTIVE
    relationship.ended_on = None
    relationship.full_clean()
    renewal.save()
    relationship.save()
    log(relationship, "wagtail.edit", user=user)
    return relationship


@transaction.atomic
def record_interaction(
    *,
    occurred_on,
    kind,
    subject,
    organisations=(),
    people=(),
    relationship=None,
    description="",
    gift_description="",
    gift_value=None,
    user=None,
):
    """Add a dated entry to the interaction log, linked to organisations, people and a tie."""
    if gift_value is not None and not gift_description:
        raise ValidationError(
            {"gift_description": _("Describe the gift whose value you enter.")},
            code="gift_without_description",
        )
    interaction = Interaction(
        occurred_on=occurred_on,
        kind=kind,
        subject=subject,
        relationship=relationship,
        description=description,
        gift_description=gift_description,
        gift_value=gift_value,
        recorded_by=user,
    )
    interaction.full_clean()
    interaction.save()
    interaction.organisations.set(organisations)
    interaction.people.set(people)
    log(interaction, "wagtail.create", user=user)
    return interaction

"""Writing delegations outside the admin's forms (the staff API), as the admin's actions do."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext
from wagtail.actions import CreateAction, EditAction

from ..models import Delegation

# A delegation belongs to its event for good: its members, items and seats hang on it.
PROTECTED_FIELDS = {"id", "pk", "event", "event_id", "created_at", "updated_at"}


@transaction.atomic
def create_delegation(event, *, user=None, **fields):
    """Add a delegation to an event; the model's rules are checked before it is saved."""
    delegation = Delegation(event=event, **fields)
    return CreateAction(delegation, user=user).execute(skip_permission_checks=user is None)


@transaction.atomic
def update_delegation(delegation, *, user=None, **changes):
    """Change a delegation's fields; it cannot move to another event."""
    refused = sorted(set(changes) & PROTECTED_FIELDS)
    if refused:
        raise ValidationError(
            gettext("These fields cannot be changed here: %(fields)s."),
            code="protected_field",
            params={"fields": ", ".join(refused)},
        )
    for name, value in changes.items():
        setattr(delegation, name, value)
    return EditAction(delegation, user=user).execute(skip_permission_checks=user is None)

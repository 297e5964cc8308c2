"""Writing people and organisations outside the admin's forms (the staff API), through the
admin's own audited actions: the model's rules, Wagtail's permission policy, the history."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from ..audit import AuditedCreateAction, AuditedEditAction
from ..models import Organisation, Person

# Set by their own services (erasure, accounts), never as a plain change.
PROTECTED_FIELDS = {"id", "pk", "erased_at", "user", "created_at", "updated_at"}
# The home city is set up once, with the installation; the API never makes or unmakes it.
ORGANISATION_PROTECTED_FIELDS = {"id", "pk", "is_home", "created_at", "updated_at"}


def _refuse_protected(fields, protected=PROTECTED_FIELDS):
    refused = sorted(set(fields) & protected)
    if refused:
        raise ValidationError(
            gettext("These fields cannot be changed here: %(fields)s."),
            code="protected_field",
            params={"fields": ", ".join(refused)},
        )


@transaction.atomic
def create_person(*, user=None, **fields):
    """Add a person: the model's rules checked, the admin's permission and audit entry."""
    _refuse_protected(fields)
    person = Person(**fields)
    return AuditedCreateAction(person, user=user).execute(skip_permission_checks=user is None)


@transaction.atomic
def update_person(person, *, user=None, **changes):
    """Change a person's fields; an erased person stays erased (nothing can be written back)."""
    _refuse_protected(changes)
    if person.erased_at is not None:
        raise ValidationError(
            gettext("This person's data has been erased and cannot be changed."),
            code="person_erased",
        )
    for name, value in changes.items():
        setattr(person, name, value)
    return AuditedEditAction(person, user=user).execute(skip_permission_checks=user is None)


@transaction.atomic
def create_organisation(*, user=None, **fields):
    """Add an organisation (a partner city, a ministry, a university), as the admin does."""
    _refuse_protected(fields, ORGANISATION_PROTECTED_FIELDS)
    organisation = Organisation(**fields)
    return AuditedCreateAction(organisation, user=user).execute(skip_permission_checks=user is None)


@transaction.atomic
def update_organisation(organisation, *, user=None, **changes):
    """Change an organisation's fields; whether it is the home city is not changed here."""
    _refuse_protected(changes, ORGANISATION_PROTECTED_FIELDS)
    for name, value in changes.items():
        setattr(organisation, name, value)
    return AuditedEditAction(organisation, user=user).execute(skip_permission_checks=user is None)

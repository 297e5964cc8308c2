"""Saving a visit planned on one screen: delegation, members, itinerary and bookings at once.

Everything goes through the services each record already has (items through create_item, so
a venue is a booking; cars, drivers and interpreters through create_booking), inside one
transaction: a clash anywhere saves nothing and is reported with the row it came from and
what is free at that time instead.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from core.audit import log_if_acted
from crm.models import Person

from ..enums import ResourceKind
from ..exceptions import BookingConflict
from ..models import Delegation, DelegationMember
from ..selectors.availability import free_resources
from ..services.bookings import create_booking
from ..services.items import create_item

# The item fields that name a resource, and the kind each names.
RESOURCE_FIELDS = {
    "venue": ResourceKind.VENUE,
    "vehicle": ResourceKind.VEHICLE,
    "driver": ResourceKind.DRIVER,
    "interpreter": ResourceKind.INTERPRETER,
}
FIELD_OF_KIND = {kind: name for name, kind in RESOURCE_FIELDS.items()}
ALTERNATIVES = 5


@dataclass
class MemberPlan:
    """A member: an existing person, or a new one by name (native script included)."""

    role: str
    person: Person | None = None
    family_name: str = ""
    given_name: str = ""
    native_name: str = ""
    arrival_at: object = None
    arrival_flight: str = ""
    departure_at: object = None
    departure_flight: str = ""


@dataclass
class ItemPlan:
    kind: str
    title: str
    starts_at: object
    ends_at: object
    is_public: bool = False
    resources: dict = field(default_factory=dict)  # field name -> resource or None
    principals: tuple = ()  # the mayor or deputy mayors the item needs


class PlanRowError(ValidationError):
    """A refusal tied to one row of the plan (`section` "members" or "items", `row` index).

    For a booking clash `field` names the resource field and `alternatives` lists what of
    that kind is free at the row's time.
    """

    def __init__(self, error, *, section, row, field=None, alternatives=()):
        self.section, self.row, self.field = section, row, field
        self.alternatives = list(alternatives)
        super().__init__(error.messages if hasattr(error, "messages") else error)


def _delegation(event, delegation, values, user):
    if delegation is None:
        delegation = Delegation(event=event, **values)
        delegation.full_clean()
        delegation.save()
        log_if_acted(delegation, "wagtail.create", user=user)
        return delegation
    if delegation.event_id != event.pk:
        raise ValidationError(
            gettext("This delegation belongs to another event."), code="other_event"
        )
    changed = {
        name: value
        for name, value in values.items()
        if value not in ("", None) and getattr(delegation, name) != value
    }
    for name, value in changed.items():
        setattr(delegation, name, value)
    if changed:
        delegation.full_clean()
        delegation.save()
        log_if_acted(delegation, "wagtail.edit", user=user)
    return delegation


def _member(delegation, plan, user):
    person = plan.person
    if person is None:
        person = Person(
            family_name=plan.family_name,
            given_name=plan.given_name,
            native_name=plan.native_name,
        )
        person.full_clean()
        person.save()
        log_if_acted(person, "wagtail.create", user=user)
    member = DelegationMember(
        delegation=delegation,
        person=person,
        role=plan.role,
        arrival_at=plan.arrival_at,
        arrival_flight=plan.arrival_flight,
        departure_at=plan.departure_at,
        departure_flight=plan.departure_flight,
    )
    member.full_clean()
    member.save()
    return member


def _alternatives(kind, plan):
    found = free_resources(kind=kind, starts_at=plan.starts_at, ends_at=plan.ends_at)
    return [entry for entry in found if entry.is_free][:ALTERNATIVES]


def _item(event, plan, members, user):
    item = create_item(
        event,
        kind=plan.kind,
        title=plan.title,
        # The office's language is the one every item must have; the title typed in an
        # English or Japanese admin is also that language's version.
        title_zh_hant=plan.title,
        starts_at=plan.starts_at,
        ends_at=plan.ends_at,
        is_public=plan.is_public,
        venue=plan.resources.get("venue"),
        user=user,
    )
    item.members.set(members)
    item.principals.set(plan.principals)
    for name in ("vehicle", "driver", "interpreter"):
        resource = plan.resources.get(name)
        if resource is not None:
            create_booking(
                resource,
                starts_at=plan.starts_at,
                ends_at=plan.ends_at,
                item=item,
                purpose=plan.title,
                booked_by=user,
            )
    return item


@transaction.atomic
def plan_visit(event, *, delegation=None, delegation_values=None, members=(), items=(), user=None):
    """Save a delegation (new or existing), its new members and its itinerary, all or nothing.

    Raises PlanRowError naming the row that was refused (with free alternatives for a clash),
    or ValidationError for the delegation itself.
    """
    delegation = _delegation(event, delegation, delegation_values or {}, user)
    saved_members = []
    for row, plan in enumerate(members):
        try:
            saved_members.append(_member(delegation, plan, user))
        except ValidationError as error:
            raise PlanRowError(error, section="members", row=row) from None
    everyone = list(delegation.members.all())
    saved_items = []
    for row, plan in enumerate(items):
        try:
            saved_items.append(_item(event, plan, everyone, user))
        except BookingConflict as conflict:
            kind = conflict.clashing.resource.kind
            raise PlanRowError(
                conflict,
                section="items",
                row=row,
                field=FIELD_OF_KIND.get(kind),
                alternatives=_alternatives(kind, plan),
            ) from None
        except ValidationError as error:
            raise PlanRowError(error, section="items", row=row) from None
    return delegation, saved_members, saved_items

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
from ..models import Delegation, DelegationMember, ItineraryItem
from ..selectors.availability import free_resources
from ..services.bookings import cancel_booking, create_booking
from ..services.items import cancel_item, create_item, update_item
from .selectors import booked_resources, visit_items

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
    member: DelegationMember | None = None  # the member edited, None for a new one
    family_name: str = ""
    given_name: str = ""
    native_name: str = ""
    arrival_at: object = None
    arrival_flight: str = ""
    departure_at: object = None
    departure_flight: str = ""
    languages: list | None = None  # preferred languages to record, None to leave them


@dataclass
class ItemPlan:
    kind: str
    title: str
    starts_at: object
    ends_at: object
    is_public: bool = False
    resources: dict = field(default_factory=dict)  # field name -> resource or None
    item: ItineraryItem | None = None  # the item edited, None for a new one
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


def _person(plan, user):
    person = plan.person
    if person is None:
        person = Person(
            family_name=plan.family_name,
            given_name=plan.given_name,
            native_name=plan.native_name,
            preferred_languages=plan.languages or [],
        )
        person.full_clean()
        person.save()
        log_if_acted(person, "wagtail.create", user=user)
    elif plan.languages is not None and plan.languages != person.preferred_languages:
        person.preferred_languages = plan.languages
        person.full_clean()
        person.save(update_fields=["preferred_languages", "updated_at"])
        log_if_acted(person, "wagtail.edit", user=user)
    return person


MEMBER_FIELDS = ("role", "arrival_at", "arrival_flight", "departure_at", "departure_flight")


def _member(delegation, plan, user):
    member = plan.member or DelegationMember(delegation=delegation)
    if member.delegation_id != delegation.pk:
        raise ValidationError(
            gettext("This member belongs to another delegation."), code="other_delegation"
        )
    member.person = _person(plan, user)
    for name in MEMBER_FIELDS:
        setattr(member, name, getattr(plan, name))
    member.full_clean()
    member.save()
    return member


def _alternatives(kind, plan):
    found = free_resources(
        kind=kind, starts_at=plan.starts_at, ends_at=plan.ends_at, ignore_item=plan.item
    )
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
            _book_for(item, resource, user)
    return item


def _book_for(item, resource, user):
    """Hold a car, driver or interpreter for the whole of an item, under its title."""
    return create_booking(
        resource,
        starts_at=item.starts_at,
        ends_at=item.ends_at,
        item=item,
        purpose=item.title,
        booked_by=user,
    )


def _save_members(delegation, members, user):
    saved = []
    for row, plan in enumerate(members):
        try:
            saved.append(_member(delegation, plan, user))
        except ValidationError as error:
            raise PlanRowError(error, section="members", row=row) from None
    return saved


def _save_items(event, items, everyone, user):
    saved = []
    for row, plan in enumerate(items):
        try:
            if plan.item is None:
                saved.append(_item(event, plan, everyone, user))
            else:
                saved.append(_change_item(event, plan, user))
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
    return saved


@transaction.atomic
def plan_visit(event, *, delegation=None, delegation_values=None, members=(), items=(), user=None):
    """Save a delegation (new or existing), its new members and its itinerary, all or nothing.

    Raises PlanRowError naming the row that was refused (with free alternatives for a clash),
    or ValidationError for the delegation itself.
    """
    delegation = _delegation(event, delegation, delegation_values or {}, user)
    saved_members = _save_members(delegation, members, user)
    everyone = list(delegation.members.all())
    saved_items = _save_items(event, items, everyone, user)
    return delegation, saved_members, saved_items


def _change_item(event, plan, user):
    """An existing item as the plan now has it; its car, driver and interpreter follow."""
    item = plan.item
    if item.event_id != event.pk:
        raise ValidationError(gettext("This item belongs to another event."), code="other_event")
    changes = {
        name: value
        for name, value in {
            "kind": plan.kind,
            "title": plan.title,
            "starts_at": plan.starts_at,
            "ends_at": plan.ends_at,
            "is_public": plan.is_public,
            "venue": plan.resources.get("venue"),
        }.items()
        if getattr(item, name) != value
    }
    # A resource given up is freed first: it must not be moved to the new time and clash there.
    wanted = []
    for name, booking in [*booked_resources(item).items()]:
        resource = plan.resources.get(name)
        if resource is None or resource.pk != booking.resource_id:
            cancel_booking(booking, user=user)
    held = {b.resource_id for b in booked_resources(_fresh(item)).values()}
    for name in ("vehicle", "driver", "interpreter"):
        resource = plan.resources.get(name)
        if resource is not None and resource.pk not in held:
            wanted.append(resource)
    if changes:
        item = update_item(item, user=user, **changes)
    # set() writes only the difference.
    item.principals.set(plan.principals)
    for resource in wanted:
        _book_for(item, resource, user)
    return item


def _fresh(item):
    return ItineraryItem.objects.get(pk=item.pk)


def _remove_item(delegation, item, user):
    """Take an item out of the visit: cancelled, or, if other delegations share it, left to
    them without this delegation's members."""
    if item.event_id != delegation.event_id:
        raise ValidationError(gettext("This item belongs to another event."), code="other_event")
    others = item.members.exclude(delegation=delegation)
    if others.exists():
        item.members.remove(*item.members.filter(delegation=delegation))
    else:
        cancel_item(item)
    log_if_acted(item, "wagtail.edit", user=user)


def _remove_member(delegation, member, user):
    if member.delegation_id != delegation.pk:
        raise ValidationError(
            gettext("This member belongs to another delegation."), code="other_delegation"
        )
    member.delete()
    log_if_acted(delegation, "wagtail.edit", user=user)


def _update_delegation(delegation, values, user):
    changed = {name: value for name, value in values.items() if getattr(delegation, name) != value}
    for name, value in changed.items():
        setattr(delegation, name, value)
    if changed:
        delegation.full_clean()
        delegation.save()
        log_if_acted(delegation, "wagtail.edit", user=user)
    return delegation


@transaction.atomic
def update_visit(
    delegation,
    *,
    delegation_values=None,
    members=(),
    items=(),
    removed_members=(),
    removed_items=(),
    user=None,
):
    """Change a visit already planned, all or nothing: the delegation's details, its members
    (edited, added, removed) and its items with their bookings (moved, changed, added,
    cancelled), each through the services that keep the one booking rule.

    New members join every item of the visit still on. Raises PlanRowError as plan_visit does
    (rows counted within `members` and `items`), or ValidationError.
    """
    event = delegation.event
    delegation = _update_delegation(delegation, delegation_values or {}, user)
    for member in removed_members:
        _remove_member(delegation, member, user)
    for item in removed_items:
        _remove_item(delegation, item, user)
    before = {member.pk for member in delegation.members.all()}
    _save_members(delegation, members, user)
    everyone = list(delegation.members.all())
    newcomers = [member for member in everyone if member.pk not in before]
    if newcomers:
        for item in visit_items(delegation):
            item.members.add(*newcomers)
    saved = _save_items(event, items, everyone, user)
    return delegation, saved

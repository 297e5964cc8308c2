"""Merging two people or two organisations into one.

Every link to the merged record moves to the survivor, found through the model's
`_meta.related_objects`, so a model that refers to people later (in this app or one above it)
is covered without a change here, and crm never imports those apps. Where a link would break a
unique rule (a person invited twice to one event, seated twice at one plan, a tie the survivor
already has), the two rows are themselves merged the same way: one is kept and takes the
other's links, and which one is decided by a preference that the owning app registers through
the `register_merge_preferences` hook (events keeps the more advanced reply), else the
survivor's. Nothing is checked after the fact by the database alone: each rival is found before
a row moves, so no constraint fails half way through.
"""

from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import ProtectedError, Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from ..audit import audited_field_names, changed_fields, snapshot
from ..enums import RelationshipStatus
from ..models import MergedRecord, Organisation, Person, Relationship

MERGEABLE_MODELS = (Person, Organisation)


def mergeable_fields(model):
    """The fields whose value a merge chooses, one by one (no relations to many, no children)."""
    fields = []
    for name in audited_field_names(model):
        field = model._meta.get_field(name)
        if field.concrete and not field.many_to_many and field.editable:
            fields.append(field)
    return fields


def _preferences():
    """{model: key(row)}: the row with the higher key is kept when two rows clash."""
    preferences = {}
    for hook in hooks.get_hooks("register_merge_preferences"):
        preferences.update(hook())
    return preferences


class _Merge:
    """One merge's bookkeeping: what moved, which clashes were settled and how."""

    def __init__(self):
        self.moved = Counter()
        self.settled = []
        self.preferences = _preferences()

    def label(self, model):
        return str(capfirst(model._meta.verbose_name_plural))

    def merge_rows(self, keep, drop):
        """Move every link of `drop` to `keep`, then delete `drop`."""
        if drop._meta.parents:
            # A driver or interpreter is a resource with bookings of its own; two of them are
            # not folded together behind the officer's back.
            raise ValidationError(
                _(
                    "Both records have a %(kind)s (%(first)s, %(second)s); merge or delete "
                    "one of those first."
                )
                % {"kind": drop._meta.verbose_name, "first": keep, "second": drop},
                code="clash_not_mergeable",
            )
        self.prepare(keep, drop)
        for relation in relations_to(type(drop)):
            if relation.many_to_many:
                if relation.through._meta.auto_created:
                    self.move_many_to_many(relation, keep, drop)
            elif not relation.related_model._meta.auto_created:
                # An automatic many-to-many table was handled through its field above.
                self.move_foreign_keys(relation, keep, drop)
        for field in drop._meta.many_to_many:
            ids = set(getattr(drop, field.name).values_list("pk", flat=True))
            getattr(keep, field.name).add(*ids)
        try:
            drop.delete()
        except ProtectedError as error:  # a link this walk could not move
            raise ValidationError(
                _("%(record)s is still referred to by %(count)d records.")
                % {"record": drop, "count": len(error.protected_objects)},
                code="still_referred",
            ) from error

    def prepare(self, keep, drop):
        """What only an organisation has: a parent chain and ties between the two."""
        if isinstance(keep, Organisation):
            if keep.parent_id == drop.pk:
                keep.parent_id = drop.parent_id if drop.parent_id != keep.pk else None
                Organisation.objects.filter(pk=keep.pk).update(parent_id=keep.parent_id)
            between = Relationship.objects.involving(keep).filter(Q(source=drop) | Q(target=drop))
            for tie in between:
                # A tie between two rows that are one organisation records nothing.
                self.settled.append(
                    {"model": self.label(Relationship), "dropped": str(tie), "kept": None}
                )
                tie.delete()

    def move_many_to_many(self, relation, keep, drop):
        field = relation.field
        through = relation.through
        own, other = field.m2m_reverse_field_name(), field.m2m_field_name()
        rows = through._base_manager.filter(**{own: drop})
        already = set(
            through._base_manager.filter(**{own: keep}).values_list(f"{other}_id", flat=True)
        )
        rows.filter(**{f"{other}_id__in": already}).delete()
        self.moved[self.label(field.model)] += rows.update(**{own: keep})

    def move_foreign_keys(self, relation, keep, drop):
        model, field = relation.related_model, relation.field
        stamped = {"updated_at": timezone.now()} if _has_field(model, "updated_at") else {}
        for row in list(model._base_manager.filter(**{field.name: drop})):
            if model is Organisation and row.pk == keep.pk:
                continue  # the survivor's own parent pointer, settled in prepare()
            rival = self.rival(row, field, keep)
            if rival is None:
                setattr(row, field.attname, keep.pk)
                self.check_row(row, field)
                model._base_manager.filter(pk=row.pk).update(**{field.attname: keep.pk}, **stamped)
                self.moved[self.label(model)] += 1
                continue
            kept, dropped = self.choose(rival, row)
            self.settled.append(
                {"model": self.label(model), "dropped": str(dropped), "kept": str(kept)}
            )
            self.merge_rows(kept, dropped)
            if kept is row:
                model._base_manager.filter(pk=row.pk).update(**{field.attname: keep.pk}, **stamped)
            self.moved[self.label(model)] += 1

    def rival(self, row, field, keep):
        """The row of `keep` that `row` may not stand beside once it points at `keep`."""
        model = type(row)
        manager = model._base_manager
        if field.unique:
            return manager.filter(**{field.name: keep}).first()
        if model is Relationship:
            return _rival_tie(row, field, keep)
        groups = [(tuple(fields), None) for fields in model._meta.unique_together]
        groups += [
            (tuple(c.fields), c.condition)
            for c in model._meta.constraints
            if isinstance(c, models.UniqueConstraint) and c.fields
        ]
        for fields, condition in groups:
            if field.name not in fields:
                continue
            lookup = {field.name: keep}
            for name in fields:
                if name != field.name:
                    lookup[model._meta.get_field(name).attname] = getattr(
                        row, model._meta.get_field(name).attname
                    )
            if None in lookup.values():
                continue  # NULLs never clash
            candidates = manager.filter(**lookup).exclude(pk=row.pk)
            if condition is not None:
                if not manager.filter(pk=row.pk).filter(condition).exists():
                    continue
                candidates = candidates.filter(condition)
            rival = candidates.first()
            if rival is not None:
                return rival
        return None

    def check_row(self, row, field):
        """Refuse, before writing, a move that another rule of the row's model forbids."""
        try:
            row.validate_constraints()
        except ValidationError as error:
            raise ValidationError(
                _("%(record)s cannot move to the surviving record: %(reason)s")
                % {"record": row, "reason": " ".join(error.messages)},
                code="move_refused",
            ) from error

    def choose(self, survivors_row, merged_row):
        """(kept, dropped) of two clashing rows: the app's preference, else the survivor's."""
        key = self.preferences.get(type(survivors_row))
        if key is not None and key(merged_row) > key(survivors_row):
            return merged_row, survivors_row
        return survivors_row, merged_row


def relations_to(model):
    """Every relation pointing at the model, hidden ones (related_name "+") included."""
    return [
        field
        for field in model._meta.get_fields(include_hidden=True)
        if field.auto_created and not field.concrete and field.is_relation
    ]


def _has_field(model, name):
    return any(field.name == name for field in model._meta.concrete_fields)


def _rival_tie(row, field, keep):
    """An active tie of the same type that `keep` already has with the same partner."""
    if row.status != RelationshipStatus.ACTIVE:
        return None
    partner_id = row.target_id if field.name == "source" else row.source_id
    return (
        Relationship.objects.involving(keep)
        .filter(Q(source_id=partner_id) | Q(target_id=partner_id))
        .filter(type=row.type, status=RelationshipStatus.ACTIVE)
        .exclude(pk=row.pk)
        .first()
    )


@transaction.atomic
def merge_records(survivor, merged, *, take=(), user=None):
    """Fold `merged` into `survivor` (two people or two organisations) in one transaction.

    `take` names the fields whose value comes from the merged record. Returns the
    MergedRecord that sends the merged record's addresses to the survivor.
    """
    model = type(survivor)
    if model not in MERGEABLE_MODELS or type(merged) is not model:
        raise ValidationError(_("Only two people or two organisations can be merged."))
    if survivor.pk == merged.pk:
        raise ValidationError(_("A record cannot be merged into itself."), code="itself")
    manager = model._default_manager.select_for_update()
    survivor, merged = manager.get(pk=survivor.pk), manager.get(pk=merged.pk)
    fields = {field.name: field for field in mergeable_fields(model)}
    unknown = set(take) - set(fields)
    if unknown:
        raise ValidationError(
            _("These fields cannot be chosen: %(fields)s") % {"fields": ", ".join(sorted(unknown))}
        )
    before = {"survivor": snapshot(survivor), "merged": snapshot(merged)}
    for name in take:
        field = fields[name]
        if field.unique:
            # A one-to-one value (a staff login) can be held by one row at a time.
            model._base_manager.filter(pk=merged.pk).update(**{field.attname: None})
        setattr(survivor, field.attname, getattr(merged, field.attname))
    merge = _Merge()
    merged_pk, merged_label = merged.pk, str(merged)
    content_type = ContentType.objects.get_for_model(model)
    merge.merge_rows(survivor, merged)
    survivor.full_clean()
    survivor.save()
    # The merged record's history stays readable: its entries now belong to the survivor.
    ModelLogEntry.objects.filter(content_type=content_type, object_id=str(merged_pk)).update(
        object_id=str(survivor.pk)
    )
    MergedRecord.objects.filter(content_type=content_type, survivor_pk=str(merged_pk)).update(
        survivor_pk=str(survivor.pk)
    )
    data = {
        "merged_pk": merged_pk,
        "merged_label": merged_label,
        "taken": sorted(take),
        "merged_values": before["merged"],
        "moved": dict(merge.moved),
        "settled": merge.settled,
        "changes": changed_fields(before["survivor"], snapshot(survivor)),
    }
    record = MergedRecord.objects.create(
        content_type=content_type,
        old_pk=str(merged_pk),
        survivor_pk=str(survivor.pk),
        label=merged_label[:255],
        merged_by=user,
        data=data,
    )
    log(survivor, "crm.merge", user=user, data=data)
    return record


def merged_into(model, pk):
    """The survivor's pk for a merged record's pk, or None."""
    content_type = ContentType.objects.get_for_model(model)
    return (
        MergedRecord.objects.filter(content_type=content_type, old_pk=str(pk))
        .values_list("survivor_pk", flat=True)
        .first()
    )

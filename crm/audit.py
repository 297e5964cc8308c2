"""The audit trail of CRM records, kept in Wagtail's own log (ModelLogEntry).

Admin writes go through Wagtail's create/edit/delete actions; the subclasses here log them as
crm.create / crm.edit / crm.delete with the changed fields in the entry's ``data``:
``{"changes": {field_name: [old, new], ...}}``, values stored as plain JSON.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import get_all_child_relations
from modeltranslation.fields import TranslationField
from modeltranslation.translator import NotRegistered, translator
from wagtail.actions import CreateAction, DeleteAction, EditAction
from wagtail.log_actions import LogFormatter, log

from .models import (
    Affiliation,
    CooperationArea,
    Gift,
    GlossaryTerm,
    Interaction,
    Organisation,
    Person,
    Relationship,
    RelationshipRenewal,
)

AUDITED_MODELS = (
    Organisation,
    Person,
    Affiliation,
    CooperationArea,
    Relationship,
    RelationshipRenewal,
    Interaction,
    Gift,
    GlossaryTerm,
)
# Bookkeeping the database sets by itself; a change there tells an auditor nothing.
UNAUDITED_FIELDS = {"created_at", "updated_at"}
EMPTY = (None, "", [])


def audited_field_names(model, *, as_child=False):
    """Names of the fields, many-to-many fields and inline children an audit entry covers.

    as_child leaves out the ParentalKey: inside its parent's entry it never changes.
    """
    try:
        # modeltranslation keeps the original column (name) beside name_zh_hant, name_en...;
        # only the per-language columns are what staff edit.
        translated = set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        translated = set()
    names = [
        field.name
        for field in model._meta.concrete_fields
        if not field.primary_key
        and field.name not in UNAUDITED_FIELDS
        and field.name not in translated
        and not (as_child and isinstance(field, ParentalKey))
    ]
    names += [field.name for field in model._meta.many_to_many]
    names += [rel.get_accessor_name() for rel in get_all_child_relations(model)]
    return names


def _plain(value):
    """A JSON-ready copy of a field value."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def snapshot(instance, *, as_child=False):
    """The audited values of a record: plain values, related records by their labels.

    Inline children (affiliations of a person, renewals of a relationship) are flattened in
    as "relation:pk" (the child's label) and "relation:pk:field" (each of its values), so a
    change to one child's field shows as that field, old -> new.
    """
    values = {}
    for name in audited_field_names(type(instance), as_child=as_child):
        field = instance._meta.get_field(name)
        if field.many_to_many:
            related = getattr(instance, name).all() if instance.pk else []
            values[name] = sorted(str(item) for item in related)
        elif field.one_to_many:
            for child in getattr(instance, name).all():
                values[f"{name}:{child.pk}"] = str(child)
                for child_name, value in snapshot(child, as_child=True).items():
                    values[f"{name}:{child.pk}:{child_name}"] = value
        elif field.is_relation:
            related = getattr(instance, name)
            values[name] = str(related) if related is not None else None
        else:
            values[name] = _plain(field.value_from_object(instance))
    return values


def changed_fields(before, after):
    """{name: [old, new]} for the fields whose value differs (empty values are equal)."""
    changes = {}
    for name in dict.fromkeys([*before, *after]):
        old, new = before.get(name), after.get(name)
        if old in EMPTY and new in EMPTY:
            continue
        if old != new:
            changes[name] = [old, new]
    return changes


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


def _resolve(model, name):
    """The model and field a change key names, and the inline child's caption if any."""
    relation, _sep, rest = name.partition(":")
    if not rest:
        return model, model._meta.get_field(name), None
    child_model = model._meta.get_field(relation).related_model
    pk, _sep, child_field = rest.partition(":")
    caption = f"{capfirst(child_model._meta.verbose_name)} #{pk}"
    if not child_field:
        return child_model, None, caption
    return child_model, child_model._meta.get_field(child_field), caption


def field_label(model, name):
    """A field's label in the active language; per-language fields name their language."""
    _model, field, caption = _resolve(model, name)
    if field is None:
        return caption
    if isinstance(field, TranslationField):
        language = dict(settings.LANGUAGES).get(field.language, field.language)
        label = f"{capfirst(field.translated_field.verbose_name)} ({language})"
    else:
        label = capfirst(field.verbose_name)
    return f"{caption}: {label}" if caption else label


def display_value(model, name, value):
    """A stored value as staff read it: choice labels, yes/no, lists joined."""
    if value in EMPTY:
        return "—"
    _model, field, _caption = _resolve(model, name)
    if getattr(field, "flatchoices", None):
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def describe_changes(model, data):
    """The FieldChange rows of a log entry's data, for fields the model still has."""
    rows = []
    for name, (old, new) in (data or {}).get("changes", {}).items():
        try:
            label = field_label(model, name)
        except FieldDoesNotExist:  # removed since the entry was written
            rows.append(FieldChange(name, str(old), str(new)))
            continue
        rows.append(
            FieldChange(label, display_value(model, name, old), display_value(model, name, new))
        )
    return rows


def _log(instance, action, user, changes, **kwargs):
    log(instance=instance, action=action, user=user, data={"changes": changes}, **kwargs)


class AuditedCreateAction(CreateAction):
    """Wagtail's create, logged as crm.create with every field given a value."""

    def __init__(self, instance, user=None, **kwargs):
        kwargs["log_action"] = None
        super().__init__(instance, user=user, **kwargs)

    @transaction.atomic
    def execute(self, skip_permission_checks=False):
        instance = super().execute(skip_permission_checks=skip_permission_checks)
        changes = changed_fields(snapshot(type(instance)()), snapshot(instance))
        _log(instance, "crm.create", self.user, changes, content_changed=True)
        return instance


class AuditedEditAction(EditAction):
    """Wagtail's edit, logged as crm.edit with old -> new for each changed field."""

    def __init__(self, instance, user=None, **kwargs):
        kwargs["log_action"] = None
        super().__init__(instance, user=user, **kwargs)

    @transaction.atomic
    def execute(self, skip_permission_checks=False):
        # The form has already written the new values onto the instance: read the stored row.
        stored = type(self.instance)._default_manager.get(pk=self.instance.pk)
        before = snapshot(stored)
        instance = super().execute(skip_permission_checks=skip_permission_checks)
        changes = changed_fields(before, snapshot(instance))
        _log(instance, "crm.edit", self.user, changes, content_changed=bool(changes))
        return instance


class AuditedDeleteAction(DeleteAction):
    """Wagtail's delete, logged as crm.delete with the values the record had."""

    def __init__(self, instance, user=None, **kwargs):
        kwargs["log_action"] = None
        super().__init__(instance, user=user, **kwargs)

    @transaction.atomic
    def execute(self, skip_permission_checks=False):
        self.check(skip_permission_checks=skip_permission_checks)
        before = snapshot(self.instance)
        changes = changed_fields(before, dict.fromkeys(before))
        # Logged before deleting, while the primary key the entry points at still exists.
        _log(self.instance, "crm.delete", self.user, changes, deleted=True)
        return self.instance.delete()


class ChangesFormatter(LogFormatter):
    """Names the changed fields in the message shown in histories and the site audit log."""

    verb = ""

    def format_message(self, log_entry):
        model = log_entry.content_type.model_class() if log_entry.content_type_id else None
        changes = (log_entry.data or {}).get("changes", {})
        if model is None or not changes:
            return self.verb
        labels = []
        for name in changes:
            try:
                labels.append(str(field_label(model, name)))
            except FieldDoesNotExist:
                labels.append(name)
        return ngettext(
            "%(action)s: %(count)d field (%(fields)s)",
            "%(action)s: %(count)d fields (%(fields)s)",
            len(labels),
        ) % {"action": self.verb, "count": len(labels), "fields": ", ".join(labels)}


class CreatedFormatter(ChangesFormatter):
    label = _("Create contact record")
    verb = _("Created")


class EditedFormatter(ChangesFormatter):
    label = _("Edit contact record")
    verb = _("Edited")


class DeletedFormatter(ChangesFormatter):
    label = _("Delete contact record")
    verb = _("Deleted")


def register_log_actions(registry):
    """Register crm.create / crm.edit / crm.delete with Wagtail's log registry."""
    registry.register_action("crm.create")(CreatedFormatter)
    registry.register_action("crm.edit")(EditedFormatter)
    registry.register_action("crm.delete")(DeletedFormatter)
    registry.register_action(
        "crm.hand_over", _("Hand-over"), _("Future commitments handed over to a successor")
    )


def register_actions(registry):
    """Route the admin's create/edit/delete of every CRM model through the audited actions."""
    for model in AUDITED_MODELS:
        registry.register(model, AuditedCreateAction)
        registry.register(model, AuditedEditAction)
        registry.register(model, AuditedDeleteAction)

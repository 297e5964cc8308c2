"""Reads of the personal-data lifecycle: everything held about one person (a subject-access
request), and the records an erasure or export covers."""

import datetime
import decimal
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from wagtail.models import ModelLogEntry

from crm.models import Person

from ..models import Registration, SensitiveDataAccess

# Capabilities, not data about the person: a link's secret would let the reader act as them.
NEVER_EXPORTED = {"token", "token_hash", "link_id"}
EXPORT_FORMAT = 1


def _plain(value):
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or None
    return str(value)


def record_data(instance, *, skip=()):
    """A record's own fields as JSON-ready values; related records by number and label."""
    data = {"record": instance._meta.label, "id": instance.pk}
    for field in instance._meta.concrete_fields:
        if field.primary_key or field.name in NEVER_EXPORTED or field.name in skip:
            continue
        if field.is_relation:
            related = getattr(instance, field.name)
            data[field.name] = (
                None if related is None else {"id": related.pk, "label": str(related)}
            )
        else:
            data[field.name] = _plain(field.value_from_object(instance))
    return data


def registrations_of(person):
    """The person's applications: linked to them, or sent from their e-mail address."""
    query = Q(person=person)
    if person.email:
        query |= Q(email__iexact=person.email)
    return Registration.objects.filter(query).select_related("event")


def _related_records(person):
    """Every row elsewhere that points at the person, grouped by its model's label."""
    groups = {}
    relations = [
        field
        for field in Person._meta.get_fields(include_hidden=True)
        if field.auto_created and not field.concrete and field.is_relation
    ]
    for relation in relations:
        model = relation.related_model
        # Registrations go on their own (with the address-matched ones); many-to-many
        # through tables repeat what their two ends already show.
        if model is Registration or model._meta.auto_created:
            continue
        # Hidden relations ("+": a seating plan's host) have no accessor: ask the model.
        rows = model._base_manager.filter(**{relation.field.name: person}).distinct()
        for row in rows.order_by("pk"):
            groups.setdefault(model._meta.label, []).append(record_data(row))
    return groups


def _audit_entries(person, registrations):
    entries = ModelLogEntry.objects.filter(
        Q(content_type=ContentType.objects.get_for_model(Person), object_id=str(person.pk))
        | Q(
            content_type=ContentType.objects.get_for_model(Registration),
            object_id__in=[str(registration.pk) for registration in registrations],
        )
    ).select_related("user", "content_type")
    return [
        {
            "timestamp": _plain(entry.timestamp),
            "record": f"{entry.content_type.app_label}.{entry.content_type.model}",
            "id": entry.object_id,
            "action": entry.action,
            "by": entry.user.get_username() if entry.user else None,
            "data": _plain(entry.data),
        }
        for entry in entries.order_by("timestamp", "pk")
    ]


def person_data(person, *, exported_by=None, now=None):
    """Everything held about one person, as JSON-ready data (a subject-access export).

    Includes the person's record and positions, each row elsewhere that refers to them
    (invitations, delegation memberships, seats, duties, meetings, feed links ...), their
    applications with passport numbers and dates of birth, the audit trail of their record and
    applications, and when staff were shown their passport number or date of birth.
    """
    now = now or timezone.now()
    registrations = list(registrations_of(person))
    accesses = SensitiveDataAccess.objects.filter(
        registration_number__in=[registration.pk for registration in registrations]
    ).order_by("accessed_at", "pk")
    return {
        "format": EXPORT_FORMAT,
        "exported_at": _plain(now),
        "exported_by": exported_by,
        "person": record_data(person),
        "related": _related_records(person),
        "registrations": [record_data(registration) for registration in registrations],
        "audit_log": _audit_entries(person, registrations),
        "sensitive_data_shown": [
            {
                "when": _plain(access.accessed_at),
                "where": access.context,
                "registration": access.registration_number,
            }
            for access in accesses
        ],
    }


def erasure_scope(person):
    """What an erasure of the person would touch, as counts (shown before staff confirm)."""
    return {
        "registrations": registrations_of(person).filter(anonymised_at__isnull=True).count(),
        "invitations": person.invitations.count(),
        "delegation_memberships": person.delegation_memberships.count(),
        "positions": person.affiliations.count(),
        "feed_links": person.feed_tokens.count(),
    }

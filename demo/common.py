"""What every part of the demo shares: idempotent writes, progress lines, the 2019 calendar.

The parts take their helpers from here rather than from each other, so a part imports only
this module and parts loaded before it, and load_demo calls the parts in that order.
"""

import datetime
import uuid
import zoneinfo

from django.db import models

LANGUAGE_SUFFIXES = ("zh_hant", "en", "ja", "ko")
TAIPEI = zoneinfo.ZoneInfo("Asia/Taipei")
UID_NAMESPACE = uuid.UUID("5b0e4c1e-7f2a-4d59-9a55-2d0c0f3b2019")
YEAR = 2019
ILLUSTRATIVE_NOTE = "示例資料。Illustrative: not in the 2019 report."


# Writing rows that a second load leaves alone ----------------------------------------------


def translated(field, *texts):
    """Four-language values for a modeltranslation field: zh-hant, en, ja, ko."""
    return {
        f"{field}_{suffix}": text or None
        for suffix, text in zip(LANGUAGE_SUFFIXES, texts, strict=False)
    }


def _comparable(model, name, value):
    field = model._meta.get_field(name)
    if field.many_to_one or field.one_to_one:
        return field.attname, value.pk if isinstance(value, models.Model) else value
    return name, value


def upsert(model, lookup, values=None):
    """Find a row by its natural key, create it or update only the values that differ."""
    values = values or {}
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        instance = model(**{**lookup, **values})
    else:
        changed = False
        for name, value in values.items():
            attname, wanted = _comparable(model, name, value)
            if getattr(instance, attname) != wanted:
                setattr(instance, name, value)
                changed = True
        if not changed:
            return instance
    instance.full_clean()
    instance.save()
    return instance


def set_related(instance, name, objects):
    """Set a many-to-many relation only when its members differ."""
    manager = getattr(instance, name)
    wanted = {obj.pk for obj in objects}
    if set(manager.values_list("pk", flat=True)) != wanted:
        manager.set(list(objects))


def report(stdout, message):
    """Write a progress line when the caller gave somewhere to write it."""
    if stdout is not None:
        stdout.write(message)


# The 2019 calendar -------------------------------------------------------------------------


def demo_uid(*parts):
    """A calendar UID that is the same every time the demo is loaded."""
    return uuid.uuid5(UID_NAMESPACE, ":".join(parts))


def at(day, hhmm, zone=TAIPEI):
    hour, minute = (int(part) for part in hhmm.split(":"))
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=zone)


def d(month, day):
    return datetime.date(YEAR, month, day)

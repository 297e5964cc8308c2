"""What each item row of the visit planner offers: every venue, car, driver and interpreter,
the free ones first, the busy ones labelled with who holds them, interpreters by the languages
the visit needs."""

from django.conf import settings
from django.utils.translation import gettext

from core.languages import language_names

from ..enums import ResourceKind
from ..selectors import availability
from .forms import RESOURCE_MODELS, ItemPlanForm
from .services import RESOURCE_FIELDS


def needed_languages(member_languages):
    """The languages a visit needs interpreted: each member's first, but the office's own."""
    office = settings.LANGUAGE_CODE.lower()
    needed = []
    for codes in member_languages:
        first = next((code.lower() for code in codes if code), None)
        if first and first != office and first not in needed:
            needed.append(first)
    return needed


def speaks(interpreter, needed):
    """Which of the needed languages an interpreter works in (ko matches ko-kr, and back)."""
    theirs = {code.lower() for code in interpreter.languages or []}
    bases = {code.split("-")[0] for code in theirs}
    return [code for code in needed if code in theirs or code.split("-")[0] in bases]


def interpreter_label(field, interpreter, needed):
    label = field.label_from_instance(interpreter)
    if not needed:
        return label
    spoken = speaks(interpreter, needed)
    missing = [code for code in needed if code not in spoken]
    if missing:
        return gettext("%(resource)s · does not speak %(languages)s") % {
            "resource": label,
            "languages": language_names(missing),
        }
    return gettext("%(resource)s · speaks %(languages)s") % {
        "resource": label,
        "languages": language_names(spoken),
    }


def shared_choices(needed):
    """Every row's resource pickers, read once for the page (a query per kind, not per row).

    Interpreters who speak the visit's languages come first, the others say what they lack.
    """
    field_of = ItemPlanForm.base_fields
    choices = {}
    for name, model in RESOURCE_MODELS.items():
        found = list(model.objects.filter(is_active=True).order_by("name", "pk"))
        if name == "interpreter":
            found.sort(key=lambda r: -len(speaks(r, needed)))
            labels = [(r.pk, interpreter_label(field_of[name], r, needed)) for r in found]
        else:
            labels = [(r.pk, field_of[name].label_from_instance(r)) for r in found]
        choices[name] = [("", "---------"), *labels]
    return choices


def mark_availability(form, needed, event):
    """Order a row's resource pickers free first; label busy ones with who holds them.

    An item being changed does not count its own bookings as busy; a room held by another
    item of the same event is shared, not busy (events.services.items.sync_venue_holds).
    Interpreters who speak the visit's languages come first among the free ones.
    """
    data = form.cleaned_data
    item_id = data.get("id")
    form.busy = []
    for name, kind in RESOURCE_FIELDS.items():
        found = availability.free_resources(
            kind=kind,
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            ignore_item=item_id,
        )
        if kind == ResourceKind.VENUE:
            for entry in found:
                entry.holders = [
                    b for b in entry.holders if not (b.item_id and b.item.event_id == event.pk)
                ]
        if kind == ResourceKind.INTERPRETER:
            found.sort(key=lambda entry: (not entry.is_free, -len(speaks(entry.resource, needed))))
        else:
            found.sort(key=lambda entry: not entry.is_free)
        field = form.fields[name]
        choices = [("", "---------")]
        for entry in found:
            if kind == ResourceKind.INTERPRETER:
                label = interpreter_label(field, entry.resource, needed)
            else:
                label = field.label_from_instance(entry.resource)
            if entry.is_free:
                label = gettext("%(resource)s · free") % {"resource": label}
            else:
                holder = entry.holders[0]
                label = gettext("%(resource)s · busy: %(holder)s") % {
                    "resource": label,
                    "holder": holder.item.title if holder.item_id else holder.purpose,
                }
                form.busy.append((field.label, entry))
            choices.append((entry.resource.pk, label))
        field.widget.choices = choices

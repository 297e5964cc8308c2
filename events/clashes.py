"""Clash warnings for a visit, an event or an item: holidays, a partner's days of note, and
principals (the mayor, a deputy mayor) needed at overlapping events or itinerary items.

Never blocking: the planner and the event form show them and save regardless. Public holidays
come from the `holidays` package (docs/decisions.md), in the visitor's country and in Taiwan.
"""

import datetime

import holidays
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from crm.models import DayOfNote

from .enums import Direction, EventStatus, ItemStatus
from .models import Event, ItineraryItem

HOME_COUNTRY = "TW"
# The holidays package names days in these languages; other languages read English.
HOLIDAY_LANGUAGES = {"zh-hant": "zh_TW", "en": "en_US", "ja": "ja", "ko": "ko"}


def _days(starts_at, ends_at):
    first, last = timezone.localdate(starts_at), timezone.localdate(ends_at)
    return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]


def _holiday_names(country, days):
    language = translation.get_language() or "en"
    calendar = holidays.country_holidays(country, years={day.year for day in days})
    wanted = HOLIDAY_LANGUAGES.get(language.lower())
    if wanted in calendar.supported_languages:
        calendar = holidays.country_holidays(
            country, years={day.year for day in days}, language=wanted
        )
    elif "en_US" in calendar.supported_languages:
        calendar = holidays.country_holidays(
            country, years={day.year for day in days}, language="en_US"
        )
    return [(day, calendar.get(day)) for day in days if day in calendar]


def clash_warnings(
    *, starts_at, ends_at, countries=(), organisations=(), principal=None, exclude_event=None
):
    """Translated warnings for a visit or event from starts_at to ends_at."""
    days = _days(starts_at, ends_at)
    warnings = []
    for country in sorted({str(code) for code in countries if code} | {HOME_COUNTRY}):
        try:
            found = _holiday_names(country, days)
        except NotImplementedError:
            continue  # a country the package does not know: nothing to say
        for day, name in found:
            warnings.append(
                _("%(date)s is a public holiday in %(country)s: %(name)s.")
                % {"date": day, "country": country, "name": name}
            )
    if organisations:
        for note in DayOfNote.objects.filter(organisation__in=organisations).select_related(
            "organisation"
        ):
            for day in days:
                if note.falls_on(day):
                    warnings.append(
                        _("%(date)s is a day of note for %(organisation)s: %(name)s.")
                        % {"date": day, "organisation": note.organisation, "name": note.name}
                    )
    if principal is not None:
        warnings.extend(
            principal_warnings(
                [principal],
                starts_at=starts_at,
                ends_at=ends_at,
                exclude_event=exclude_event,
                exclude_items_of=exclude_event,
            )
        )
    return warnings


def _start(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def principal_warnings(
    principals, *, starts_at, ends_at, exclude_event=None, exclude_items_of=None, exclude_item=None
):
    """Warnings for principals needed elsewhere between starts_at and ends_at: at another
    event naming them as its principal, or at another itinerary item naming them.

    An event is not a clash with itself (`exclude_event`), nor with its own programme
    (`exclude_items_of`: the items of the event being checked); an item is not a clash with
    itself (`exclude_item`), but other items of its event that overlap are. Cancelled events
    and items are left out. Two queries whatever the number of principals.
    """
    principals = [person for person in principals if person is not None]
    if not principals:
        return []
    warnings = []
    events = (
        Event.objects.filter(principal__in=principals, starts_at__lt=ends_at, ends_at__gt=starts_at)
        .exclude(status=EventStatus.CANCELLED)
        .select_related("principal")
        .order_by("starts_at", "pk")
    )
    if exclude_event is not None:
        events = events.exclude(pk=exclude_event.pk)
    for other in events:
        warnings.append(
            _("%(principal)s is also needed at %(event)s (%(start)s).")
            % {"principal": other.principal, "event": other, "start": _start(other.starts_at)}
        )
    needs = (
        ItineraryItem.principals.through.objects.filter(
            person__in=principals,
            itineraryitem__starts_at__lt=ends_at,
            itineraryitem__ends_at__gt=starts_at,
        )
        .exclude(itineraryitem__status=ItemStatus.CANCELLED)
        .exclude(itineraryitem__event__status=EventStatus.CANCELLED)
        .select_related("person", "itineraryitem__event")
        .order_by("itineraryitem__starts_at", "pk")
    )
    if exclude_item is not None:
        needs = needs.exclude(itineraryitem=exclude_item)
    if exclude_items_of is not None:
        needs = needs.exclude(itineraryitem__event=exclude_items_of)
    for need in needs:
        other = need.itineraryitem
        warnings.append(
            _("%(principal)s is also needed at %(item)s of %(event)s (%(start)s).")
            % {
                "principal": need.person,
                "item": other.title,
                "event": other.event,
                "start": _start(other.starts_at),
            }
        )
    return warnings


def item_clash_warnings(item):
    """Warnings for a saved itinerary item: its principals needed elsewhere at the same time."""
    if item.status == ItemStatus.CANCELLED:
        return []
    return principal_warnings(
        list(item.principals.all()),
        starts_at=item.starts_at,
        ends_at=item.ends_at,
        exclude_event=item.event,
        exclude_item=item,
    )


def event_clash_warnings(event):
    """Warnings for a saved event: its inbound delegations' countries and organisations."""
    delegations = list(
        event.delegations.filter(Q(direction=Direction.INBOUND)).select_related("organisation")
    )
    warnings = clash_warnings(
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        countries=[d.organisation.country for d in delegations],
        organisations=[d.organisation for d in delegations],
        principal=event.principal,
        exclude_event=event,
    )
    # The principals its own items need, wherever else they are needed at those times.
    items = (
        event.items.exclude(status=ItemStatus.CANCELLED)
        .filter(principals__isnull=False)
        .distinct()
        .prefetch_related("principals")
    )
    for item in items:
        for warning in principal_warnings(
            list(item.principals.all()),
            starts_at=item.starts_at,
            ends_at=item.ends_at,
            exclude_event=event,
            exclude_item=item,
        ):
            if warning not in warnings:
                warnings.append(warning)
    return warnings

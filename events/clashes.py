"""Clash warnings for a visit or an event: holidays, a partner's days of note, the principal.

Never blocking: the planner and the event form show them and save regardless. Public holidays
come from the `holidays` package (docs/decisions.md), in the visitor's country and in Taiwan.
"""

import datetime

import holidays
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from crm.models import DayOfNote

from .enums import Direction, EventStatus
from .models import Event

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
        others = Event.objects.filter(
            principal=principal, starts_at__lt=ends_at, ends_at__gt=starts_at
        ).exclude(status=EventStatus.CANCELLED)
        if exclude_event is not None:
            others = others.exclude(pk=exclude_event.pk)
        for other in others.order_by("starts_at"):
            warnings.append(
                _("%(principal)s is also needed at %(event)s (%(start)s).")
                % {
                    "principal": principal,
                    "event": other,
                    "start": timezone.localtime(other.starts_at).strftime("%Y-%m-%d %H:%M"),
                }
            )
    return warnings


def event_clash_warnings(event):
    """Warnings for a saved event: its inbound delegations' countries and organisations."""
    delegations = list(
        event.delegations.filter(Q(direction=Direction.INBOUND)).select_related("organisation")
    )
    return clash_warnings(
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        countries=[d.organisation.country for d in delegations],
        organisations=[d.organisation for d in delegations],
        principal=event.principal,
        exclude_event=event,
    )

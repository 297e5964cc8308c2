"""Validation shared by the registration model, the public form and the services.

Messages never repeat the value they refuse: a passport number or birth date must not
travel into logs or error reports.
"""

import datetime
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

# ICAO Doc 9303: the document number is up to nine letters and digits; no issuing country
# uses fewer than five.
PASSPORT_PATTERN = re.compile(r"[A-Z0-9]{5,9}")
# Dates of birth before this are typing errors (0001-01-01), not applicants.
EARLIEST_BIRTH_DATE = datetime.date(1900, 1, 1)


def normalise_passport_number(value):
    """Upper case without spaces or hyphens, as printed in the machine-readable zone."""
    return re.sub(r"[\s-]", "", value or "").upper()


def validate_passport_number(value):
    """A passport number: 5 to 9 letters and digits (spaces and hyphens are ignored)."""
    if not PASSPORT_PATTERN.fullmatch(normalise_passport_number(value)):
        raise ValidationError(
            _("Enter the passport number as printed: 5 to 9 letters and digits."),
            code="invalid_passport",
        )


def validate_date_of_birth(value):
    """A date of birth must lie in the past, and after 1900."""
    if value is not None and value >= timezone.localdate():
        raise ValidationError(_("The date of birth must be in the past."), code="future_birth")
    if value is not None and value < EARLIEST_BIRTH_DATE:
        raise ValidationError(
            _("Enter a date of birth from %(earliest)s on."),
            code="birth_date_too_early",
            params={"earliest": EARLIEST_BIRTH_DATE.isoformat()},
        )


def event_dates(event):
    """The first and last local dates of an event (an all-day end at midnight is exclusive)."""
    first = timezone.localdate(event.starts_at)
    last = timezone.localdate(event.ends_at)
    ends_local = timezone.localtime(event.ends_at)
    if event.all_day and last > first and ends_local.time() == datetime.time.min:
        last -= datetime.timedelta(days=1)
    return first, last


def validate_within_event(event, starts_at, ends_at):
    """An itinerary item lies on its event's dates (in the office's zone)."""
    first, last = event_dates(event)
    if timezone.localdate(starts_at) < first or timezone.localdate(ends_at) > last:
        raise ValidationError(
            _("The item must fall within its event's dates, %(first)s to %(last)s."),
            code="item_outside_event",
            params={"first": first.isoformat(), "last": last.isoformat()},
        )


def consent_missing_in(event):
    """Site languages whose consent text is empty while another language has one.

    The public form is offered in every site language; a reader must never be asked to
    agree to terms written in a language other than the one they read the form in.
    """
    texts = {
        code: (getattr(event, build_localized_fieldname("consent_text", code), "") or "").strip()
        for code, _name in settings.LANGUAGES
    }
    if not any(texts.values()):
        return []
    return [code for code, text in texts.items() if not text]


def validate_consent_languages(event):
    """Refuse an event that takes registrations with its consent text missing in a language."""
    if not event.takes_registrations:
        return
    names = dict(settings.LANGUAGES)
    missing = consent_missing_in(event)
    if missing:
        raise ValidationError(
            {
                build_localized_fieldname("consent_text", code): ValidationError(
                    gettext(
                        "The registration form is offered in %(language)s too: write the "
                        "consent text in %(language)s, or the form cannot open."
                    )
                    % {"language": names[code]},
                    code="consent_missing",
                )
                for code in missing
            }
        )

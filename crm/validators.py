"""Validation shared by models, forms and services."""

from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def validate_language_codes(value):
    """A list of language codes Django knows (e.g. ["ko", "en"])."""
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        raise ValidationError(_("Enter a list of language codes, e.g. ko, en."), code="invalid")
    unknown = [code for code in value if code.lower() not in LANG_INFO]
    if unknown:
        raise ValidationError(
            _("Unknown language code: %(codes)s."),
            code="unknown_language",
            params={"codes": ", ".join(unknown)},
        )


def validate_date_order(start, end, *, field="end_date"):
    """End on or after start; either may be open."""
    if start and end and end < start:
        raise ValidationError(
            {field: _("The end date cannot be before the start date.")}, code="date_order"
        )

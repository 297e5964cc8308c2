"""Validators for text that strangers and staff type into names and titles.

A line break in a name ends a calendar's content line (a forged property or event); a name
made only of invisible characters (zero-width spaces, a byte-order mark, a direction
override) passes "required" yet shows nothing on a badge or a list.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Tab is left alone: it is harmless where a name is printed and iCal escapes nothing for it.
_ALLOWED_CONTROLS = {"\t"}

# Dietary and accessibility needs: a few sentences, never a megabyte.
NEEDS_MAX_LENGTH = 1000


def has_control_characters(value):
    """True if the text holds a C0 or C1 control character other than tab (CR, LF, NUL ...)."""
    return any(
        unicodedata.category(char) == "Cc" and char not in _ALLOWED_CONTROLS for char in value
    )


def visible_text(value):
    """The text without format characters (category Cf: zero-width, BOM, direction marks)
    and whitespace; empty if nothing would show."""
    return "".join(
        char for char in value if not char.isspace() and unicodedata.category(char) != "Cf"
    )


def validate_no_control_characters(value):
    """Refuse line breaks and other control characters in a one-line name or title."""
    if isinstance(value, str) and has_control_characters(value):
        raise ValidationError(
            _("Line breaks and control characters are not allowed here."),
            code="control_characters",
        )


def validate_visible_name(value):
    """A name or title: one line, and something that shows when printed."""
    validate_no_control_characters(value)
    if isinstance(value, str) and value and not visible_text(value):
        raise ValidationError(
            _("Enter a name that is visible: this one has only invisible characters."),
            code="invisible",
        )

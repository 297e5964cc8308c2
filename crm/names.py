"""The one place that decides how a person's name is printed."""

import re

from .enums import NameOrder

# Nationalities whose names are written family name first.
FAMILY_FIRST_COUNTRIES = frozenset({"TW", "CN", "HK", "MO", "JP", "KR", "KP", "SG", "VN"})


def is_hangul(code):
    return 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F


def is_kana(code):
    return 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF


def is_han(code):
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2FA1F


# The same ranges as is_hangul, is_kana and is_han, as one pattern: format_name runs for every
# attendee of every calendar entry, so this check sits on the feeds' hot path.
_CJK = re.compile(
    "[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\U00020000-\U0002fa1f]"
)


def has_cjk(text):
    """True if the text holds any Chinese, Japanese or Korean character."""
    return _CJK.search(text) is not None


def infer_name_order(*, native_name="", country=""):
    """Family-first for names from CJK countries or written in a CJK script."""
    if str(country) in FAMILY_FIRST_COUNTRIES or has_cjk(native_name or ""):
        return NameOrder.FAMILY_FIRST
    return NameOrder.GIVEN_FIRST


def format_name(person, *, script="latin", honorific=False):
    """Print a person's name: family-first for CJK names, given-first otherwise.

    script is "latin", "native" (the person's own script) or "chinese" (the official
    Chinese name foreign dignitaries carry); missing forms fall back to the Latin one.
    """
    if script == "native" and person.native_name:
        name = person.native_name
    elif script == "chinese" and person.chinese_name:
        name = person.chinese_name
    else:
        parts = [person.given_name, person.family_name]
        if person.name_order == NameOrder.FAMILY_FIRST:
            parts.reverse()
        # Names typed in a CJK script (涂 + 慕怡) are written without a space between the parts.
        separator = "" if has_cjk(person.family_name + person.given_name) else " "
        name = separator.join(part for part in parts if part)
        suffix = getattr(person, "name_suffix", "")
        if suffix and name:
            name = f"{name}, {suffix}"
    if honorific and person.honorific:
        return f"{person.honorific} {name}"
    return name


def sort_key(person):
    """Alphabetical key by family name, as a printed guest index expects."""
    return (person.family_name.casefold(), person.given_name.casefold())

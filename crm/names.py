"""The one place that decides how a person's name is printed."""

from .enums import NameOrder


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
        name = " ".join(part for part in parts if part)
    if honorific and person.honorific:
        return f"{person.honorific} {name}"
    return name


def sort_key(person):
    """Alphabetical key by family name, as a printed guest index expects."""
    return (person.family_name.casefold(), person.given_name.casefold())

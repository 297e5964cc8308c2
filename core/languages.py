"""Language codes as people read them: "ko" is 韓語 to a Chinese reader and 한국어 to a Korean."""

from django.utils.translation import get_language_info


def language_name(code):
    """`code`'s name in the active language; a code Django does not know stays as written."""
    try:
        # A regional code ("ko-kr") without an entry of its own is named by its language.
        return str(get_language_info(code.lower())["name_translated"])
    except KeyError:
        return code


def language_names(codes):
    """A code's name, or several codes' names on one line; a dash when there are none."""
    if isinstance(codes, str):
        codes = [codes] if codes else []
    return ", ".join(language_name(code) for code in codes or ()) or "—"

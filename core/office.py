"""The office this installation serves, named in each language.

The platform is not Kaohsiung's alone: another city's office sets its own names in the
environment (docs/deploy.md), as JSON keyed by language code or as one plain name for all:

    KIA_OFFICE_NAME='{"zh-hant": "臺中市政府國際事務", "en": "Taichung City International Affairs"}'

Without them the demo's names are used, translated through the catalogues.
"""

import functools
import json
from types import MappingProxyType

from django.conf import settings
from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import gettext

DEFAULTS = {
    "KIA_OFFICE_NAME": lambda: gettext("Kaohsiung City International Affairs"),
    "KIA_OFFICE_FULL_NAME": lambda: gettext(
        "Administration and International Affairs Office, Kaohsiung City Government"
    ),
}


@functools.lru_cache(maxsize=16)
def _parsed(raw):
    """The configured value as one name (a str) or names by language (a mapping); "" if neither.

    Pages, mails and feeds name the office many times over; keyed on the raw string, a changed
    setting (override_settings in tests) is simply another entry.
    """
    try:
        names = json.loads(raw)
    except ValueError:
        return raw
    if isinstance(names, dict):
        # Shared by every caller from now on: read-only, so that no caller can change it.
        return MappingProxyType(names)
    return names if isinstance(names, str) else ""


def _configured(setting, language):
    raw = (getattr(settings, setting, "") or "").strip()
    if not raw:
        return ""
    names = _parsed(raw)
    if isinstance(names, str):
        return names
    language = (language or settings.LANGUAGE_CODE).lower()
    # The language asked for, then the office's own, then English, then any.
    for code in (language, language.split("-")[0], settings.LANGUAGE_CODE, "en"):
        if names.get(code):
            return str(names[code])
    return next((str(name) for name in names.values() if name), "")


def _name(setting, language=None):
    language = language or translation.get_language()
    found = _configured(setting, language)
    if found:
        return found
    with translation.override(language):
        return DEFAULTS[setting]()


def office_name(language=None):
    """The office's short name, as site titles, calendar names and organisers show it."""
    return _name("KIA_OFFICE_NAME", language)


def office_full_name(language=None):
    """The office's formal name, as the site's footer and letters give it."""
    return _name("KIA_OFFICE_FULL_NAME", language)


office_name_lazy = lazy(office_name, str)
office_full_name_lazy = lazy(office_full_name, str)


def office_context(request):
    """Template context: `office.name` and `office.full_name` in the active language."""
    return {"office": {"name": office_name_lazy(), "full_name": office_full_name_lazy()}}

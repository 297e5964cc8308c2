"""The office this installation serves, named in each language.

The platform is not Kaohsiung's alone: another city's office sets its own names in the
environment (docs/deploy.md), as JSON keyed by language code or as one plain name for all:

    KIA_OFFICE_NAME='{"zh-hant": "臺中市政府國際事務", "en": "Taichung City International Affairs"}'

Without them the demo's names are used, translated through the catalogues.
"""

import json

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


def _configured(setting, language):
    raw = (getattr(settings, setting, "") or "").strip()
    if not raw:
        return ""
    try:
        names = json.loads(raw)
    except ValueError:
        return raw
    if isinstance(names, str):
        return names
    if not isinstance(names, dict):
        return ""
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

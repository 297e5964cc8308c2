"""Look names up in the official names handbook so each is written the same way everywhere."""

from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

from .enums import TermKind
from .models import GlossaryTerm

# The handbook's columns per reader's language (crm.address.LANGUAGES).
COLUMNS = {"zh-hant": "name_zh_hant", "en": "name_en", "ja": "name_ja", "ko": "name_ko"}
# An organisation's name may be filed as an agency or as a place (a city, a district).
ORGANISATION_KINDS = (TermKind.AGENCY, TermKind.PLACE)


class Handbook:
    """The handbook's entries for some Chinese names, in every language, held in memory.

    crm.address asks it for a title's or an organisation's official form in a language and
    falls back to the record's own where the handbook has none; it never queries.
    """

    def __init__(self, rows=()):
        # {(kind, official Chinese name): {language: official form}}
        self._entries = {}
        for row in rows:
            forms = {language: row[column] for language, column in COLUMNS.items() if row[column]}
            self._entries[(row["kind"], row["name_zh_hant"])] = forms

    def __bool__(self):
        return bool(self._entries)

    def _lookup(self, kinds, chinese, language):
        for kind in kinds:
            value = self._entries.get((kind, chinese), {}).get(language)
            if value:
                return value
        return ""

    def title(self, chinese, language):
        """The official form of a title (市長 -> Mayor) in `language`, or ""."""
        return self._lookup((TermKind.TITLE,), chinese, language)

    def organisation(self, chinese, language):
        """The official form of an agency's or place's name in `language`, or ""."""
        return self._lookup(ORGANISATION_KINDS, chinese, language)


def load_handbook(affiliations):
    """The handbook's entries for the titles and organisations of these affiliations.

    One query for any number of affiliations (their organisations already loaded); none when
    there is nothing to look up. Load it once per print pack, page or mail batch.
    """
    wanted = set()
    for affiliation in affiliations:
        if affiliation is None:
            continue
        wanted.add(affiliation.position_title_zh_hant or affiliation.position_title)
        organisation = affiliation.organisation
        if organisation is not None:
            wanted.add(organisation.name_zh_hant or organisation.name)
    return load_handbook_names(wanted)


def load_handbook_names(chinese_names):
    """The handbook's entries for these official Chinese names, in one query."""
    wanted = {name for name in chinese_names if name}
    if not wanted:
        return Handbook()
    rows = GlossaryTerm.objects.filter(name_zh_hant__in=wanted).values("kind", *COLUMNS.values())
    return Handbook(rows)


def official_names(chinese_names, *, language=None):
    """{official Chinese name: the handbook's form in `language`} for the names it knows.

    One query for any number of names; names the handbook lacks, or lacks in that language,
    are left out so the caller keeps what it had.
    """
    wanted = {name for name in chinese_names if name}
    if not wanted:
        return {}
    code = (language or translation.get_language() or "zh-hant").lower()
    field = build_localized_fieldname("name", code if code != "zh-tw" else "zh-hant")
    try:
        GlossaryTerm._meta.get_field(field)
    except Exception:  # a language the handbook has no column for
        return {}
    rows = GlossaryTerm.objects.filter(name_zh_hant__in=wanted).values_list("name_zh_hant", field)
    return {chinese: local for chinese, local in rows if local}

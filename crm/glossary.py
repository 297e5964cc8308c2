"""Look names up in the official names handbook so each is written the same way everywhere."""

from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

from .models import GlossaryTerm


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

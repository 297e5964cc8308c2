"""A few entries of the official names handbook.

The 2019 report says the office compiles a handbook of transliterated names
(編印高雄市政府各機關學校相關音譯名稱使用手冊) but prints none of it, so every entry here is
marked illustrative: the English forms are those the city uses on its English pages, the
Japanese and Korean forms are the demo's own.
"""

from django.utils.translation import gettext

from crm.enums import TermKind
from crm.models import GlossaryTerm
from demo.common import report, upsert

TERMS = [
    (TermKind.AGENCY, "高雄市政府", "Kaohsiung City Government", "高雄市政府", "가오슝시 정부"),
    (TermKind.AGENCY, "高雄市議會", "Kaohsiung City Council", "高雄市議会", "가오슝시 의회"),
    (TermKind.AGENCY, "秘書處", "Secretariat", "秘書処", "비서처"),
    (
        TermKind.AGENCY,
        "秘書處國際事務科",
        "International Affairs Section, Secretariat",
        "秘書処国際事務課",
        "비서처 국제사무과",
    ),
    (TermKind.AGENCY, "觀光局", "Tourism Bureau", "観光局", "관광국"),
    (TermKind.TITLE, "市長", "Mayor", "市長", "시장"),
    (TermKind.TITLE, "副市長", "Deputy Mayor", "副市長", "부시장"),
    (TermKind.TITLE, "秘書長", "Secretary-General", "秘書長", "비서장"),
    (TermKind.PLACE, "愛河", "Love River", "愛河", "아이허(사랑의 강)"),
    (TermKind.PLACE, "駁二藝術特區", "The Pier-2 Art Center", "駁二芸術特区", "보얼 예술특구"),
]


def load(stdout=None):
    """Seed the handbook (idempotent)."""
    report(stdout, gettext("CRM: official names handbook"))
    for kind, zh, en, ja, ko in TERMS:
        upsert(
            GlossaryTerm,
            {"kind": kind, "name_zh_hant": zh},
            {
                "name": zh,
                "name_en": en,
                "name_ja": ja,
                "name_ko": ko,
                "is_illustrative": True,
                "notes": "Illustrative: the report names the handbook, not its entries.",
            },
        )

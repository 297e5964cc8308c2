"""Forms of address, table-driven per language: what a protocol officer would write."""

import pytest

from crm.address import acknowledgments, address, full_title, reading_name
from crm.enums import Courtesy, NameOrder, OfficeRank, OrganisationKind, TermKind
from crm.enums import OccasionOfAddress as O
from crm.glossary import Handbook
from crm.models import Affiliation, Organisation, Person

FAMILY_FIRST = NameOrder.FAMILY_FIRST
CITY = OrganisationKind.CITY
OFFICE = OrganisationKind.REPRESENTATIVE_OFFICE


def org(zh, en, ja, ko, kind=CITY):
    return Organisation(kind=kind, name=zh, name_zh_hant=zh, name_en=en, name_ja=ja, name_ko=ko)


def post(organisation, titles, rank):
    zh, en, ja, ko = titles
    return Affiliation(
        organisation=organisation,
        position_title=zh,
        position_title_zh_hant=zh,
        position_title_en=en,
        position_title_ja=ja,
        position_title_ko=ko,
        office_rank=rank,
    )


SUWON = org("水原市", "Suwon", "水原市", "수원시")
AKITA = org("秋田縣", "Akita Prefecture", "秋田県", "아키타현")
MATSUYAMA = org("松山市", "Matsuyama", "松山市", "마쓰야마시")
KAOHSIUNG = org("高雄市政府", "Kaohsiung City Government", "高雄市政府", "가오슝시 정부")
PORTLAND = org("波特蘭市", "Portland", "ポートランド市", "포틀랜드시")
AIT = org(
    "美國在台協會台北辦事處",
    "American Institute in Taiwan, Taipei Office",
    "米国在台湾協会台北事務所",
    "미국재대만협회 타이베이 사무소",
    kind=OFFICE,
)
MAYOR = ("市長", "Mayor", "市長", "시장")

PEOPLE = {
    "yeom": (
        Person(
            family_name="Yeom",
            given_name="Tae-young",
            name_order=FAMILY_FIRST,
            native_name="염태영",
            chinese_name="廉泰英",
            honorific="Mayor",
            courtesy_title=Courtesy.MR,
        ),
        post(SUWON, MAYOR, OfficeRank.MAYOR),
    ),
    "satake": (
        Person(
            family_name="Satake",
            given_name="Norihisa",
            name_order=FAMILY_FIRST,
            native_name="佐竹敬久",
            chinese_name="佐竹敬久",
            honorific="Governor",
            courtesy_title=Courtesy.MR,
        ),
        post(AKITA, ("知事", "Governor", "知事", "지사"), OfficeRank.GOVERNOR),
    ),
    "noshi": (
        Person(
            family_name="Noshi",
            given_name="Katsuhito",
            name_order=FAMILY_FIRST,
            native_name="野志克仁",
            chinese_name="野志克仁",
            honorific="Mayor",
        ),
        post(MATSUYAMA, MAYOR, OfficeRank.MAYOR),
    ),
    "han": (
        Person(
            family_name="Han",
            given_name="Kuo-yu",
            name_order=FAMILY_FIRST,
            native_name="韓國瑜",
            chinese_name="韓國瑜",
            honorific="Mayor",
            courtesy_title=Courtesy.MR,
        ),
        post(KAOHSIUNG, MAYOR, OfficeRank.MAYOR),
    ),
    "christensen": (
        Person(
            family_name="Christensen",
            given_name="Brent",
            native_name="Brent Christensen",
            chinese_name="酈英傑",
            honorific="Director",
            courtesy_title=Courtesy.MR,
        ),
        post(AIT, ("處長", "Director", "所長", "처장"), OfficeRank.AMBASSADOR),
    ),
    "wheeler": (
        Person(
            family_name="Wheeler",
            given_name="Ted",
            native_name="Ted Wheeler",
            honorific="Mayor",
            courtesy_title=Courtesy.MR,
        ),
        post(PORTLAND, MAYOR, OfficeRank.MAYOR),
    ),
    "doctor": (
        Person(family_name="Hachigian", given_name="Nina", honorific="Dr."),
        None,
    ),
    "guest": (
        Person(
            family_name="Lee",
            given_name="Min-ji",
            native_name="이민지",
            name_order=FAMILY_FIRST,
            courtesy_title=Courtesy.MS,
        ),
        None,
    ),
}


def written(key, language, occasion):
    person, affiliation = PEOPLE[key]
    return address(person, language=language, occasion=occasion, affiliation=affiliation).text


CHINESE = [
    ("yeom", O.PLACE_CARD, "水原市長 廉泰英"),
    ("yeom", O.ENVELOPE, "水原市長 廉泰英 閣下"),
    ("yeom", O.SALUTATION, "敬愛的廉泰英市長："),
    ("yeom", O.ACKNOWLEDGMENT, "水原市廉泰英市長"),
    ("han", O.PLACE_CARD, "高雄市長 韓國瑜"),
    ("satake", O.PLACE_CARD, "秋田縣知事 佐竹敬久"),
    ("christensen", O.PLACE_CARD, "美國在台協會台北辦事處處長 酈英傑"),
    ("christensen", O.BADGE, "酈英傑"),
    ("wheeler", O.PLACE_CARD, "波特蘭市長 Ted Wheeler"),
    ("guest", O.ENVELOPE, "Lee Min-ji 女士"),
    ("guest", O.SALUTATION, "敬愛的Lee Min-ji女士："),
]

ENGLISH = [
    (
        "christensen",
        O.ENVELOPE,
        "His Excellency Mr Brent Christensen, "
        "Director, American Institute in Taiwan, Taipei Office",
    ),
    ("christensen", O.SALUTATION, "Your Excellency,"),
    ("christensen", O.PLACE_CARD, "H.E. Mr Brent Christensen"),
    ("christensen", O.BADGE, "H.E. Brent Christensen"),
    ("yeom", O.ENVELOPE, "The Honorable Yeom Tae-young, Mayor of Suwon"),
    ("yeom", O.SALUTATION, "Dear Mayor Yeom,"),
    ("yeom", O.PLACE_CARD, "Mayor Yeom Tae-young"),
    ("satake", O.PLACE_CARD, "Governor Satake Norihisa"),
    ("han", O.ENVELOPE, "The Honorable Han Kuo-yu, Mayor of Kaohsiung"),
    ("doctor", O.SALUTATION, "Dear Dr. Hachigian,"),
    ("doctor", O.BADGE, "Dr. Nina Hachigian"),
    ("guest", O.SALUTATION, "Dear Ms Lee,"),
]

JAPANESE = [
    ("satake", O.ENVELOPE, "秋田県知事 佐竹敬久 様"),
    ("satake", O.SALUTATION, "秋田県知事 佐竹敬久 様"),
    ("satake", O.ACKNOWLEDGMENT, "秋田県の佐竹敬久知事"),
    ("noshi", O.SALUTATION, "松山市長 野志克仁 様"),
    ("noshi", O.BADGE, "野志克仁"),
    ("yeom", O.PLACE_CARD, "水原市長 廉泰英 様"),
    ("han", O.ACKNOWLEDGMENT, "高雄市の韓國瑜市長"),
    ("christensen", O.ENVELOPE, "米国在台湾協会台北事務所所長 Brent Christensen 閣下"),
    ("wheeler", O.PLACE_CARD, "ポートランド市長 Ted Wheeler 様"),
    ("guest", O.ACKNOWLEDGMENT, "Lee Min-ji様"),
]

KOREAN = [
    ("yeom", O.ACKNOWLEDGMENT, "염태영 수원시장님"),
    ("yeom", O.PLACE_CARD, "수원시장 염태영"),
    ("yeom", O.SALUTATION, "존경하는 염태영 수원시장님께"),
    ("yeom", O.ENVELOPE, "수원시장 염태영 귀하"),
    ("yeom", O.BADGE, "염태영"),
    ("satake", O.PLACE_CARD, "아키타현지사 Satake Norihisa"),
    ("han", O.ACKNOWLEDGMENT, "Han Kuo-yu 가오슝시장님"),
    ("christensen", O.PLACE_CARD, "미국재대만협회 타이베이 사무소 처장 Brent Christensen"),
    ("guest", O.ACKNOWLEDGMENT, "이민지님"),
]


@pytest.mark.parametrize(("key", "occasion", "expected"), CHINESE)
def test_address_in_chinese(key, occasion, expected):
    assert written(key, "zh-hant", occasion) == expected


@pytest.mark.parametrize(("key", "occasion", "expected"), ENGLISH)
def test_address_in_english(key, occasion, expected):
    assert written(key, "en", occasion) == expected


@pytest.mark.parametrize(("key", "occasion", "expected"), JAPANESE)
def test_address_in_japanese(key, occasion, expected):
    assert written(key, "ja", occasion) == expected


@pytest.mark.parametrize(("key", "occasion", "expected"), KOREAN)
def test_address_in_korean(key, occasion, expected):
    assert written(key, "ko", occasion) == expected


def test_address_never_prints_the_english_honorific_outside_english():
    for language in ("zh-hant", "ja", "ko"):
        for occasion in O:
            assert "Mayor" not in written("han", language, occasion)


def test_reading_name_japanese_uses_the_kanji_name():
    person, _affiliation = PEOPLE["noshi"]
    assert reading_name(person, "ja") == "野志克仁"
    assert reading_name(person, "en") == "Noshi Katsuhito"


def test_full_title_falls_back_to_a_language_the_reader_follows():
    affiliation = post(SUWON, ("市長", "Mayor", "", ""), OfficeRank.MAYOR)
    assert full_title(affiliation, "ja") == "水原市長"
    assert full_title(affiliation, "ko") == "수원시 Mayor"
    interpreter = post(SUWON, ("中文口譯", "", "", "중국어 통역사"), OfficeRank.OFFICIAL)
    assert full_title(interpreter, "ko") == "수원시 중국어 통역사"


def test_acknowledgments_keep_the_given_order():
    guests = [PEOPLE["yeom"], PEOPLE["satake"]]
    assert acknowledgments(guests, language="ko") == [
        "염태영 수원시장님",
        "Satake Norihisa 아키타현지사님",
    ]


# The official names handbook (crm.glossary) writes titles and organisations its way. The
# records hold what an officer typed; the handbook holds the city's official forms.
TOURISM = org("觀光局", "Tourism Office", "観光事務所", "", kind=OrganisationKind.OTHER)
CHIEF = post(TOURISM, ("局長", "Bureau chief", "局長", "국장"), OfficeRank.DIRECTOR)
HANDBOOK_ROWS = [
    {
        "kind": TermKind.AGENCY,
        "name_zh_hant": "觀光局",
        "name_en": "Tourism Bureau",
        "name_ja": "観光局",
        "name_ko": "",
    },
    # No Korean in the handbook: the record's own Korean comes before the handbook's English.
    {
        "kind": TermKind.TITLE,
        "name_zh_hant": "局長",
        "name_en": "Director-General",
        "name_ja": "局長",
        "name_ko": "",
    },
    # A place of the same Chinese name is not a title.
    {
        "kind": TermKind.PLACE,
        "name_zh_hant": "市長",
        "name_en": "Mayor Street",
        "name_ja": "",
        "name_ko": "",
    },
]
CHIEF_PERSON = Person(
    family_name="Lin",
    given_name="Yi-hsuan",
    name_order=FAMILY_FIRST,
    native_name="林怡萱",
    courtesy_title=Courtesy.MS,
)

HANDBOOK_CASES = [
    ("zh-hant", O.ENVELOPE, "觀光局局長 林怡萱 女士"),
    ("en", O.ENVELOPE, "Ms Lin Yi-hsuan, Director-General, Tourism Bureau"),
    ("ja", O.ENVELOPE, "観光局局長 林怡萱 様"),
    # Korean: the handbook has no Korean name for the bureau; its English comes before the
    # record's English, and the record's own Korean title before the handbook's English.
    ("ko", O.ENVELOPE, "Tourism Bureau 국장 Lin Yi-hsuan 귀하"),
]


@pytest.mark.parametrize(("language", "occasion", "expected"), HANDBOOK_CASES)
def test_address_writes_the_handbooks_official_names(language, occasion, expected):
    handbook = Handbook(HANDBOOK_ROWS)
    written = address(
        CHIEF_PERSON,
        language=language,
        occasion=occasion,
        affiliation=CHIEF,
        handbook=handbook,
    )
    assert written.text == expected


def test_address_without_the_handbook_keeps_the_records_names():
    written = address(CHIEF_PERSON, language="en", occasion=O.ENVELOPE, affiliation=CHIEF)
    assert written.text == "Ms Lin Yi-hsuan, Bureau chief, Tourism Office"


def test_handbook_title_is_not_taken_from_a_place_of_the_same_name():
    mayor = post(SUWON, MAYOR, OfficeRank.MAYOR)
    handbook = Handbook(HANDBOOK_ROWS)
    assert full_title(mayor, "en", handbook=handbook) == "Mayor of Suwon"

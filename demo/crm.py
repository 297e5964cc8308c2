"""Demo CRM records built from the office's 2019 report.

Everything the report states is loaded as fact; whatever it does not state (a staff
member's name, a delegation's members) carries is_illustrative=True. The partner cities
come from the public list in demo/data, each row with its source, through the importer.
Every row is found by a natural key and saved only when a value differs, so loading twice
changes nothing, not even updated_at.
"""

import csv
import datetime
from pathlib import Path

from django.utils.translation import gettext

from crm import services
from crm.enums import (
    ImportKind,
    InteractionKind,
    NameOrder,
    OfficeRank,
    OrganisationKind,
    RelationshipStatus,
    RelationshipType,
)
from crm.models import (
    Affiliation,
    CooperationArea,
    Interaction,
    Organisation,
    Person,
    Relationship,
    RelationshipRenewal,
)
from crm.services.imports import import_file
from demo.common import report, set_related, translated, upsert

SUWON_SIGNED_ON = datetime.date(2019, 2, 16)
SUWON_ORDINAL = 34  # "成為高雄市第34個姊妹暨友好城市"
AKITA_RENEWED_ON = datetime.date(2019, 8, 23)


# Areas of cooperation ----------------------------------------------------------------------

AREAS = {
    "culture": ("文化", "Culture", "文化", "문화"),
    "transport": ("交通", "Transport", "交通", "교통"),
    "tourism": ("觀光", "Tourism", "観光", "관광"),
    "environment": ("環保", "Environment", "環境保全", "환경"),
    "education": ("教育", "Education", "教育", "교육"),
    "urban-development": ("都市發展", "Urban development", "都市開発", "도시 개발"),
    "trade": ("經貿", "Trade and economy", "経済・貿易", "경제·무역"),
    "sport": ("體育", "Sport", "スポーツ", "스포츠"),
    "youth": ("青年", "Youth", "青少年", "청소년"),
}


# Organisations -----------------------------------------------------------------------------
# Keyed by a short demo key; found in the database by name_en. "parent" names another key.

CITY = OrganisationKind.CITY
OFFICE = OrganisationKind.REPRESENTATIVE_OFFICE
NGO = OrganisationKind.NGO
UNIVERSITY = OrganisationKind.UNIVERSITY
COMPANY = OrganisationKind.COMPANY

ORGANISATIONS = {
    "kaohsiung": {
        "kind": CITY,
        "names": ("高雄市政府", "Kaohsiung City Government", "高雄市政府", "가오슝시 정부"),
        "native_name": "高雄市政府",
        "country": "TW",
        "is_home": True,
        "website": "https://www.kcg.gov.tw/",
        "address": "高雄市苓雅區四維三路2號",
    },
    "office": {
        "kind": CITY,
        "names": (
            "行政暨國際處",
            "Administration and International Affairs Office",
            "行政・国際処",
            "행정국제처",
        ),
        "native_name": "高雄市政府行政暨國際處",
        "country": "TW",
        "parent": "kaohsiung",
    },
    "water_bureau": {
        "kind": CITY,
        "names": ("水利局", "Water Resources Bureau", "水利局", "수리국"),
        "country": "TW",
        "parent": "kaohsiung",
    },
    "sports_bureau": {
        "kind": CITY,
        "names": ("運動發展局", "Sports Development Bureau", "スポーツ発展局", "체육발전국"),
        "country": "TW",
        "parent": "kaohsiung",
    },
    "works_bureau": {
        "kind": CITY,
        "names": ("工務局", "Public Works Bureau", "工務局", "공무국"),
        "country": "TW",
        "parent": "kaohsiung",
    },
    "education_bureau": {
        "kind": CITY,
        "names": ("教育局", "Education Bureau", "教育局", "교육국"),
        "country": "TW",
        "parent": "kaohsiung",
    },
    "relations_group": {
        "kind": OrganisationKind.OTHER,
        "names": (
            "國際關係小組",
            "International Relations Group",
            "国際関係グループ",
            "국제관계소조",
        ),
        "country": "TW",
        "parent": "kaohsiung",
        "notes": "The mayor's advisory committee on international affairs (2019 report).",
    },
    "shu_te": {
        "kind": UNIVERSITY,
        "names": (
            "樹德家商",
            "Shu-Te Home Economics and Commercial High School",
            "樹徳家政商業高校",
            "수더 가정상업고등학교",
        ),
        "country": "TW",
    },
    # Partners named in the report.
    "suwon": {
        "kind": CITY,
        "names": ("水原市", "Suwon", "水原市", "수원시"),
        "native_name": "수원시",
        "country": "KR",
    },
    "akita": {
        "kind": CITY,
        "names": ("秋田縣", "Akita Prefecture", "秋田県", "아키타현"),
        "native_name": "秋田県",
        "country": "JP",
    },
    "kumamoto": {
        "kind": CITY,
        "names": ("熊本縣", "Kumamoto Prefecture", "熊本県", "구마모토현"),
        "native_name": "熊本県",
        "country": "JP",
    },
    "belize_city": {
        "kind": CITY,
        "names": ("貝里斯市", "Belize City", "ベリーズシティ", "벨리즈시티"),
        "native_name": "Belize City",
        "country": "BZ",
    },
    "portland": {
        "kind": CITY,
        "names": ("波特蘭市", "Portland", "ポートランド市", "포틀랜드시"),
        "native_name": "City of Portland",
        "country": "US",
    },
    "brisbane": {
        "kind": CITY,
        "names": ("布里斯本市", "Brisbane", "ブリスベン市", "브리즈번시"),
        "native_name": "Brisbane City",
        "country": "AU",
    },
    "hachioji": {
        "kind": CITY,
        "names": ("八王子市", "Hachioji", "八王子市", "하치오지시"),
        "native_name": "八王子市",
        "country": "JP",
    },
    "tokyo": {
        "kind": CITY,
        "names": ("東京都", "Tokyo Metropolitan Government", "東京都", "도쿄도"),
        "native_name": "東京都",
        "country": "JP",
    },
    "daegu_council": {
        "kind": CITY,
        "names": (
            "大邱廣域市議會",
            "Daegu Metropolitan City Council",
            "大邱広域市議会",
            "대구광역시의회",
        ),
        "native_name": "대구광역시의회",
        "country": "KR",
    },
    "los_angeles": {
        "kind": CITY,
        "names": ("洛杉磯市", "Los Angeles", "ロサンゼルス市", "로스앤젤레스시"),
        "native_name": "City of Los Angeles",
        "country": "US",
    },
    "fremont": {
        "kind": CITY,
        "names": ("佛利蒙市", "Fremont", "フリーモント市", "프리몬트시"),
        "native_name": "City of Fremont",
        "country": "US",
    },
    "san_gabriel": {
        "kind": CITY,
        "names": ("聖蓋博市", "San Gabriel", "サンガブリエル市", "샌게이브리얼시"),
        "native_name": "City of San Gabriel",
        "country": "US",
    },
    "oakland": {
        "kind": CITY,
        "names": ("奧克蘭市", "Oakland", "オークランド市", "오클랜드시"),
        "native_name": "City of Oakland",
        "country": "US",
    },
    # Representative offices and their parents.
    "ait": {
        "kind": OFFICE,
        "names": (
            "美國在台協會",
            "American Institute in Taiwan",
            "米国在台湾協会",
            "미국재대만협회",
        ),
        "country": "US",
        "website": "https://www.ait.org.tw/",
    },
    "ait_taipei": {
        "kind": OFFICE,
        "names": (
            "美國在台協會台北辦事處",
            "American Institute in Taiwan, Taipei Office",
            "米国在台湾協会台北事務所",
            "미국재대만협회 타이베이 사무소",
        ),
        "country": "US",
        "parent": "ait",
    },
    "ait_kaohsiung": {
        "kind": OFFICE,
        "names": (
            "美國在台協會高雄分處",
            "American Institute in Taiwan, Kaohsiung Branch Office",
            "米国在台湾協会高雄事務所",
            "미국재대만협회 가오슝 분처",
        ),
        "country": "US",
        "parent": "ait",
    },
    "jtea": {
        "kind": OFFICE,
        "names": (
            "日本台灣交流協會",
            "Japan-Taiwan Exchange Association",
            "日本台湾交流協会",
            "일본대만교류협회",
        ),
        "native_name": "日本台湾交流協会",
        "country": "JP",
    },
    "jtea_tokyo": {
        "kind": OFFICE,
        "names": (
            "日本台灣交流協會東京本部",
            "Japan-Taiwan Exchange Association, Tokyo Head Office",
            "日本台湾交流協会東京本部",
            "일본대만교류협회 도쿄 본부",
        ),
        "native_name": "日本台湾交流協会東京本部",
        "country": "JP",
        "parent": "jtea",
    },
    "jtea_kaohsiung": {
        "kind": OFFICE,
        "names": (
            "日本台灣交流協會高雄事務所",
            "Japan-Taiwan Exchange Association, Kaohsiung Office",
            "日本台湾交流協会高雄事務所",
            "일본대만교류협회 가오슝 사무소",
        ),
        "native_name": "日本台湾交流協会高雄事務所",
        "country": "JP",
        "parent": "jtea",
    },
    "singapore_office": {
        "kind": OFFICE,
        "names": (
            "新加坡駐台北商務辦事處",
            "Singapore Trade Office in Taipei",
            "駐台北シンガポール通商代表部",
            "주타이베이 싱가포르 무역사무소",
        ),
        "country": "SG",
    },
    "canada_office": {
        "kind": OFFICE,
        "names": (
            "加拿大駐台北貿易辦事處",
            "Canadian Trade Office in Taipei",
            "カナダ駐台北貿易事務所",
            "주타이베이 캐나다 무역사무소",
        ),
        "country": "CA",
    },
    "nz_office": {
        "kind": OFFICE,
        "names": (
            "紐西蘭商工辦事處",
            "New Zealand Commerce and Industry Office",
            "ニュージーランド商工事務所",
            "뉴질랜드 상공사무소",
        ),
        "country": "NZ",
    },
    "austria_office": {
        "kind": OFFICE,
        "names": (
            "奧地利商務代表辦事處",
            "Austrian Office Taipei",
            "オーストリア商務代表事務所",
            "오스트리아 상무대표사무소",
        ),
        "country": "AT",
    },
    "australia_office": {
        "kind": OFFICE,
        "names": ("澳洲辦事處", "Australian Office Taipei", "オーストラリア事務所", "호주 사무소"),
        "country": "AU",
    },
    # Think tanks, parties, universities, associations and companies.
    "heritage": {
        "kind": NGO,
        "names": ("傳統基金會", "The Heritage Foundation", "ヘリテージ財団", "헤리티지 재단"),
        "country": "US",
    },
    "wilson_center": {
        "kind": NGO,
        "names": (
            "威爾遜國際學人中心",
            "Wilson Center",
            "ウッドロウ・ウィルソン国際学術センター",
            "우드로 윌슨 국제학술센터",
        ),
        "country": "US",
    },
    "ldp": {
        "kind": OrganisationKind.OTHER,
        "names": (
            "日本自由民主黨",
            "Liberal Democratic Party of Japan",
            "自由民主党",
            "일본 자유민주당",
        ),
        "native_name": "自由民主党",
        "country": "JP",
    },
    "harvard": {
        "kind": UNIVERSITY,
        "names": ("哈佛大學", "Harvard University", "ハーバード大学", "하버드 대학교"),
        "country": "US",
    },
    "fairbank_center": {
        "kind": UNIVERSITY,
        "names": (
            "哈佛大學費正清中國研究中心",
            "Fairbank Center for Chinese Studies",
            "フェアバンク中国研究センター",
            "페어뱅크 중국연구센터",
        ),
        "country": "US",
        "parent": "harvard",
    },
    "stanford": {
        "kind": UNIVERSITY,
        "names": ("史丹佛大學", "Stanford University", "スタンフォード大学", "스탠퍼드 대학교"),
        "country": "US",
    },
    "hoover": {
        "kind": UNIVERSITY,
        "names": ("胡佛研究所", "Hoover Institution", "フーヴァー研究所", "후버 연구소"),
        "country": "US",
        "parent": "stanford",
    },
    "monte_jade": {
        "kind": NGO,
        "names": (
            "全球玉山科技協會",
            "Monte Jade Global Science and Technology Association",
            "全球玉山科技協会",
            "글로벌 몬테제이드 과학기술협회",
        ),
    },
    "tesla": {
        "kind": COMPANY,
        "names": ("特斯拉", "Tesla", "テスラ", "테슬라"),
        "country": "US",
    },
    "apple": {
        "kind": COMPANY,
        "names": ("蘋果公司", "Apple", "アップル", "애플"),
        "country": "US",
    },
    "taboola": {
        "kind": COMPANY,
        "names": ("Taboola", "Taboola", "Taboola", "Taboola"),
    },
    "oregon_convention_center": {
        "kind": OrganisationKind.OTHER,
        "names": (
            "奧勒岡會議中心",
            "Oregon Convention Center",
            "オレゴン・コンベンションセンター",
            "오리건 컨벤션 센터",
        ),
        "country": "US",
    },
    "diplomatic_corps": {
        "kind": OrganisationKind.OTHER,
        "names": ("駐台使節", "Foreign envoys in Taiwan", "駐台湾外交使節", "주대만 외교사절"),
        "notes": "Foreign representatives in Taiwan, as a group (the 2019 envoy tour).",
    },
    "tokyo_2020": {
        "kind": OrganisationKind.OTHER,
        "names": (
            "2020東京奧運組織委員會",
            "Tokyo 2020 Organising Committee",
            "東京2020組織委員会",
            "도쿄 2020 조직위원회",
        ),
        "native_name": "東京オリンピック・パラリンピック競技大会組織委員会",
        "country": "JP",
    },
}

# Sister and friendship ties come from the public list in demo/data (one source per row),
# imported through the same importer as any office's file. The report's own facts (Suwon the
# 34th on 2019-02-16, Akita's renewal on 2019-08-23) are loaded after it and keep precedence.
SISTER_CITIES_CSV = Path(__file__).parent / "data" / "kaohsiung_sister_cities.csv"
LISTED_PREFIX = "listed:"
SUWON_NOTE = (
    "The 2019 report calls Suwon Kaohsiung's 34th sister or friendship city. The public list "
    "(demo/data/kaohsiung_sister_cities.csv) dates 17 earlier city ties and gives no date for "
    "16 more, so it cannot place them; the report's number is kept as the stated one."
)


def listed_key(name_en):
    """The demo key of a partner city that comes from the list, not from this module."""
    return f"{LISTED_PREFIX}{name_en}"


def listed_partners():
    """Partner cities of the list that this module does not define, in the list's order."""
    defined = {data["names"][1] for data in ORGANISATIONS.values()}
    with SISTER_CITIES_CSV.open(encoding="utf-8") as handle:
        names = [row["name_en"] for row in csv.DictReader(handle)]
    return [name for name in names if name not in defined]


# People ------------------------------------------------------------------------------------
# Each person: how to find them (lookup), their fields, and affiliations as
# (organisation key, four titles, office rank, start, end).

FAMILY_FIRST = NameOrder.FAMILY_FIRST
GIVEN_FIRST = NameOrder.GIVEN_FIRST
CHINESE_ONLY = (
    "The 2019 report gives only the official Chinese name; the Latin-script name is to be "
    "confirmed."
)

PEOPLE = {
    # Kaohsiung City Government and the office.
    "han_kuo_yu": {
        "person": {
            "family_name": "Han",
            "given_name": "Kuo-yu",
            "name_order": FAMILY_FIRST,
            "native_name": "韓國瑜",
            "chinese_name": "韓國瑜",
            "honorific": "Mayor",
            "preferred_languages": ["zh-hant"],
        },
        "affiliations": [
            (
                "kaohsiung",
                ("市長", "Mayor", "市長", "시장"),
                OfficeRank.MAYOR,
                datetime.date(2018, 12, 25),
                datetime.date(2020, 6, 12),
            ),
            (
                "relations_group",
                ("召集人", "Convener", "招集人", "소집인"),
                OfficeRank.MAYOR,
                None,
                None,
            ),
        ],
    },
    "yeh_kuang_shih": {
        "person": {
            "family_name": "Yeh",
            "given_name": "Kuang-shih",
            "name_order": FAMILY_FIRST,
            "native_name": "葉匡時",
            "chinese_name": "葉匡時",
            "honorific": "Deputy Mayor",
            "preferred_languages": ["zh-hant"],
        },
        "affiliations": [
            (
                "kaohsiung",
                ("副市長", "Deputy Mayor", "副市長", "부시장"),
                OfficeRank.DEPUTY,
                datetime.date(2018, 12, 25),
                None,
            ),
        ],
    },
    "wang_chih_li": {
        "person": {
            "family_name": "Wang",
            "given_name": "Chih-li",
            "name_order": FAMILY_FIRST,
            "native_name": "王智立",
            "chinese_name": "王智立",
            "honorific": "Director-General",
            "preferred_languages": ["zh-hant", "en"],
            "notes": "Latin-script name romanised from 王智立 as the report gives it.",
        },
        "affiliations": [
            (
                "office",
                ("處長", "Director-General", "処長", "처장"),
                OfficeRank.DIRECTOR,
                None,
                None,
            ),
        ],
    },
    "tsai_deputy": {
        "person": {
            "family_name": "Tsai",
            "name_order": FAMILY_FIRST,
            "native_name": "蔡",
            "chinese_name": "蔡",
            "preferred_languages": ["zh-hant", "en"],
            "notes": "The 2019 report names the deputy director-general by family name only.",
        },
        "affiliations": [
            (
                "office",
                ("副處長", "Deputy Director-General", "副処長", "부처장"),
                OfficeRank.DIRECTOR,
                None,
                None,
            ),
        ],
    },
    # The office's staff roles; the people in them are illustrative.
    "lin_yi_chun": {
        "illustrative": True,
        "person": {
            "family_name": "Lin",
            "given_name": "Yi-chun",
            "name_order": FAMILY_FIRST,
            "native_name": "林怡君",
            "chinese_name": "林怡君",
            "preferred_languages": ["zh-hant", "en"],
            "email": "yichun.lin@example.org",
        },
        "affiliations": [
            (
                "office",
                (
                    "國際事務科科長",
                    "Chief, International Affairs Section",
                    "国際事務課長",
                    "국제사무과장",
                ),
                OfficeRank.OFFICIAL,
                datetime.date(2017, 3, 1),
                None,
            ),
        ],
    },
    "chen_chih_ming": {
        "illustrative": True,
        "person": {
            "family_name": "Chen",
            "given_name": "Chih-ming",
            "name_order": FAMILY_FIRST,
            "native_name": "陳志明",
            "chinese_name": "陳志明",
            "preferred_languages": ["zh-hant", "en"],
            "email": "chihming.chen@example.org",
        },
        "affiliations": [
            (
                "office",
                ("禮賓專員", "Protocol officer", "儀典担当", "의전 담당관"),
                OfficeRank.OFFICIAL,
                datetime.date(2016, 8, 1),
                None,
            ),
        ],
    },
    "huang_ya_ting": {
        "illustrative": True,
        "person": {
            "family_name": "Huang",
            "given_name": "Ya-ting",
            "name_order": FAMILY_FIRST,
            "native_name": "黃雅婷",
            "chinese_name": "黃雅婷",
            "preferred_languages": ["zh-hant", "ja"],
            "email": "yating.huang@example.org",
        },
        "affiliations": [
            (
                "office",
                (
                    "姊妹市交流專員",
                    "Sister-city liaison officer",
                    "姉妹都市交流担当",
                    "자매도시 교류 담당관",
                ),
                OfficeRank.OFFICIAL,
                datetime.date(2018, 2, 1),
                None,
            ),
        ],
    },
    "chang_chia_hao": {
        "illustrative": True,
        "person": {
            "family_name": "Chang",
            "given_name": "Chia-hao",
            "name_order": FAMILY_FIRST,
            "native_name": "張家豪",
            "chinese_name": "張家豪",
            "preferred_languages": ["zh-hant"],
            "email": "chiahao.chang@example.org",
        },
        "affiliations": [
            (
                "office",
                (
                    "事務管理科科員",
                    "Officer, General Affairs Section",
                    "事務管理課職員",
                    "사무관리과 주무관",
                ),
                OfficeRank.OFFICIAL,
                datetime.date(2015, 7, 1),
                None,
            ),
        ],
    },
    # Drivers and interpreters (illustrative people behind the bookable resources).
    "wang_chien_kuo": {
        "illustrative": True,
        "person": {
            "family_name": "Wang",
            "given_name": "Chien-kuo",
            "name_order": FAMILY_FIRST,
            "native_name": "王建國",
            "chinese_name": "王建國",
        },
        "affiliations": [
            ("office", ("駕駛", "Driver", "運転手", "운전기사"), OfficeRank.OFFICIAL, None, None),
        ],
    },
    "li_wen_hsiung": {
        "illustrative": True,
        "person": {
            "family_name": "Li",
            "given_name": "Wen-hsiung",
            "name_order": FAMILY_FIRST,
            "native_name": "李文雄",
            "chinese_name": "李文雄",
        },
        "affiliations": [
            ("office", ("駕駛", "Driver", "運転手", "운전기사"), OfficeRank.OFFICIAL, None, None),
        ],
    },
    "wu_chun_chieh": {
        "illustrative": True,
        "person": {
            "family_name": "Wu",
            "given_name": "Chun-chieh",
            "name_order": FAMILY_FIRST,
            "native_name": "吳俊傑",
            "chinese_name": "吳俊傑",
        },
        "affiliations": [
            ("office", ("駕駛", "Driver", "運転手", "운전기사"), OfficeRank.OFFICIAL, None, None),
        ],
    },
    "liu_chia_ying": {
        "illustrative": True,
        "person": {
            "family_name": "Liu",
            "given_name": "Chia-ying",
            "name_order": FAMILY_FIRST,
            "native_name": "劉佳穎",
            "chinese_name": "劉佳穎",
            "preferred_languages": ["zh-hant", "ja"],
        },
        "affiliations": [
            (
                "office",
                ("日語口譯", "Japanese interpreter", "日本語通訳", "일본어 통역사"),
                OfficeRank.OFFICIAL,
                None,
                None,
            ),
        ],
    },
    "hsu_chih_hao": {
        "illustrative": True,
        "person": {
            "family_name": "Hsu",
            "given_name": "Chih-hao",
            "name_order": FAMILY_FIRST,
            "native_name": "許志豪",
            "chinese_name": "許志豪",
            "preferred_languages": ["zh-hant", "ko"],
        },
        "affiliations": [
            (
                "office",
                ("韓語口譯", "Korean interpreter", "韓国語通訳", "한국어 통역사"),
                OfficeRank.OFFICIAL,
                None,
                None,
            ),
        ],
    },
    "cheng_ya_wen": {
        "illustrative": True,
        "person": {
            "family_name": "Cheng",
            "given_name": "Ya-wen",
            "name_order": FAMILY_FIRST,
            "native_name": "鄭雅文",
            "chinese_name": "鄭雅文",
            "preferred_languages": ["zh-hant", "en"],
        },
        "affiliations": [
            (
                "office",
                ("英語口譯", "English interpreter", "英語通訳", "영어 통역사"),
                OfficeRank.OFFICIAL,
                None,
                None,
            ),
        ],
    },
    # Visitors the report names (訪賓接待).
    "christensen": {
        "person": {
            "family_name": "Christensen",
            "given_name": "Brent",
            "chinese_name": "酈英傑",
            "native_name": "Brent Christensen",
            "honorific": "Director",
            "preferred_languages": ["en", "zh-hant"],
        },
        "affiliations": [
            (
                "ait_taipei",
                ("處長", "Director", "所長", "처장"),
                OfficeRank.AMBASSADOR,
                None,
                None,
            ),
        ],
    },
    "oconnor": {
        "person": {
            "family_name": "O'Connor",
            "given_name": "Matthew",
            "chinese_name": "歐雨修",
            "native_name": "Matthew O'Connor",
            "honorific": "Director",
            "preferred_languages": ["en"],
        },
        "affiliations": [
            (
                "ait_kaohsiung",
                ("處長", "Director", "所長", "처장"),
                OfficeRank.DIRECTOR,
                None,
                None,
            ),
        ],
    },
    "moriarty": {
        "person": {
            "family_name": "Moriarty",
            "given_name": "James F.",
            "chinese_name": "莫健",
            "native_name": "James F. Moriarty",
            "honorific": "Ambassador",
            "preferred_languages": ["en"],
        },
        "affiliations": [
            ("ait", ("主席", "Chairman", "理事長", "회장"), OfficeRank.AMBASSADOR, None, None),
        ],
    },
    "spencer": {
        "person": {
            "family_name": "Spencer",
            "given_name": "Jack",
            "chinese_name": "傑克･史賓塞",
            "native_name": "Jack Spencer",
            "preferred_languages": ["en"],
        },
        "affiliations": [
            (
                "heritage",
                ("副會長", "Vice President", "副会長", "부회장"),
                OfficeRank.DIRECTOR,
                None,
                None,
            ),
        ],
    },
    "feulner": {
        "person": {
            "family_name": "Feulner",
            "given_name": "Edwin J.",
            "name_suffix": "Jr.",
            "chinese_name": "佛訥",
            "native_name": "Edwin J. Feulner, Jr.",
            "honorific": "Dr.",
            "preferred_languages": ["en"],
        },
        "affiliations": [
            (
                "heritage",
                ("創辦人", "Founder", "創設者", "설립자"),
                OfficeRank.DIRECTOR,
                None,
                None,
            ),
        ],
    },
    "negroponte": {
        "person": {
            "family_name": "Negroponte",
            "given_name": "John D.",
            "chinese_name": "約翰･尼格羅龐提",
            "native_name": "John D. Negroponte",
            "honorific": "Ambassador",
            "preferred_languages": ["en"],
        },
        "affiliations": [
            (
                "wilson_center",
                ("訪問團代表", "Head of delegation", "訪問団代表", "방문단 대표"),
                OfficeRank.AMBASSADOR,
                None,
                None,
            ),
        ],
    },
    "singapore_head": {
        "person": {
            "family_name": "黃",
            "given_name": "偉權",
            "name_order": FAMILY_FIRST,
            "chinese_name": "黃偉權",
            "preferred_languages": ["en"],
            "notes": CHINESE_ONLY,
        },
        "affiliations": [
            (
                "singapore_office",
                ("代表", "Representative", "代表", "대표"),
                OfficeRank.AMBASSADOR,
                None,
                None,
            ),
        ],
    },
    "ohashi": {
        "person": {
            "family_name": "Ohashi",
            "given_name": "Mitsuo",
            "name_order": FAMILY_FIRST,
            "native_name": "大橋光夫",
            "chinese_name": "大橋光夫",
            "preferred_languages": ["ja"],
        },
        "affiliations": [
            (
                "jtea_tokyo",
                ("會長", "Chairman", "会長", "회장"),
                OfficeRank.AMBASSADOR,
                None,
                None,
            ),
        ],
    },
    "kato": {
        "person": {
            "family_name": "Kato",
            "given_name": "Eiji",
            "name_order": FAMILY_FIRST,
            "native_name": "加藤英次",
            "chinese_name": "加藤英次",
            "preferred_languages": ["ja"],
        },
        "affiliations": [
            (
                "jtea_kaohsiung",
                ("所長", "Director", "所長", "소장"),
                OfficeRank.DIRECTOR,
                None,
                None,
            ),
        ],
    },
    "sasaki": {
        "person": {
            "family_name": "Sasaki",
            "given_name": "Hajime",
            "name_order": FAMILY_FIRST,
            "native_name": "佐々木紀",
            "chinese_name": "佐佐木紀",
            "honorific": "Hon.",
            "preferred_languages": ["ja"],
        },
        "affiliations": [
            (
                "ldp",
                ("青年局長", "Director, Youth Division", "青年局長", "청년국장"),
                OfficeRank.LEGISLATOR,
                None,
                None,
            ),
        ],
    },
    "satake": {
        "person": {
            "family_name": "Satake",
            "given_name": "Norihisa",
            "name_order": FAMILY_FIRST,
            "native_name": "佐竹敬久",
            "chinese_name": "佐竹敬久",
            "honorific": "Governor",
            "preferred_languages": ["ja"],
        },
        "affiliations": [
            ("akita", ("知事", "Governor", "知事", "지사"), OfficeRank.GOVERNOR, None, None),
        ],
    },
    "kabashima": {
        "person": {
            "family_name": "Kabashima",
            "given_name": "Ikuo",
            "name_order": FAMILY_FIRST,
            "native_name": "蒲島郁夫",
            "chinese_name": "蒲島郁夫",
            "honorific": "Governor",
            "preferred_languages": ["ja"],
        },
        "affiliations": [
            ("kumamoto", ("知事", "Governor", "知事", "지사"), OfficeRank.GOVERNOR, None, None),
        ],
    },
    "yeom": {
        "person": {
            "family_name": "Yeom",
            "given_name": "Tae-young",
            "name_order": FAMILY_FIRST,
            "native_name": "염태영",
            "chinese_name": "廉泰英",
            "honorific": "Mayor",
            "preferred_languages": ["ko"],
        },
        "affiliations": [
            ("suwon", ("市長", "Mayor", "市長", "시장"), OfficeRank.MAYOR, None, None),
        ],
    },
    "bae": {
        "person": {
            "family_name": "Bae",
            "given_name": "Ji-sook",
            "name_order": FAMILY_FIRST,
            "native_name": "배지숙",
            "chinese_name": "裵智淑",
            "preferred_languages": ["ko"],
        },
        "affiliations": [
            (
                "daegu_council",
                ("議長", "Chairperson", "議長", "의장"),
                OfficeRank.LEGISLATOR,
                None,
                None,
            ),
        ],
    },
    "reeves": {
        "person": {
            "family_name": "Reeves",
            "given_name": "Jordan",
            "chinese_name": "芮喬丹",
            "native_name": "Jordan Reeves",
            "preferred_languages": ["en"],
        },
        "affiliations": [
            (
                "canada_office",
                ("代表", "Executive Director", "代表", "대표"),
                OfficeRank.AMBASSADOR,
                None,
                None,
            ),
        ],
    },
    "wagner": {
        "person": {
            "family_name": "Wagner",
            "given_name": "Bernard",
            "chinese_name": "韋柏納",
            "native_name": "Bernard Wagner",
            "honorific": "Mayor",
            "preferred_languages": ["en"],
        },
        "affiliations": [
            ("belize_city", ("市長", "Mayor", "市長", "시장"), OfficeRank.MAYOR, None, None),
        ],
    },
    "nz_head": {
        "person": {
            "family_name": "涂",
            "given_name": "慕怡",
            "name_order": FAMILY_FIRST,
            "chinese_name": "涂慕怡",
            "preferred_languages": ["en"],
            "notes": CHINESE_ONLY,
        },
        "affiliations": [
            (
                "nz_office",
                ("代表", "Director", "代表", "대표"),
                OfficeRank.AMBASSADOR,
                None,
                None,
            ),
        ],
    },
    "fuchssteiner": {
        "person": {
            "family_name": "Fuchssteiner",
            "given_name": "Christian",
            "chinese_name": "傅詩元",
            "native_name": "Christian Fuchssteiner",
            "preferred_languages": ["de", "en"],
        },
        "affiliations": [
            (
                "austria_office",
                ("代表", "Representative", "代表", "대표"),
                OfficeRank.AMBASSADOR,
                None,
                None,
            ),
        ],
    },
    "cowan": {
        "person": {
            "family_name": "Cowan",
            "given_name": "Gary",
            "chinese_name": "高戈銳",
            "native_name": "Gary Cowan",
            "preferred_languages": ["en"],
        },
        "affiliations": [
            (
                "australia_office",
                ("代表", "Representative", "代表", "대표"),
                OfficeRank.AMBASSADOR,
                None,
                None,
            ),
        ],
    },
    # People the outbound missions met.
    "wheeler": {
        "person": {
            "family_name": "Wheeler",
            "given_name": "Ted",
            "native_name": "Ted Wheeler",
            "honorific": "Mayor",
            "preferred_languages": ["en"],
        },
        "affiliations": [
            ("portland", ("市長", "Mayor", "市長", "시장"), OfficeRank.MAYOR, None, None),
        ],
    },
    "hachigian": {
        "person": {
            "family_name": "Hachigian",
            "given_name": "Nina",
            "chinese_name": "何契珍",
            "native_name": "Nina Hachigian",
            "honorific": "Ambassador",
            "preferred_languages": ["en"],
        },
        "affiliations": [
            (
                "los_angeles",
                ("第一副市長", "Deputy Mayor", "副市長", "부시장"),
                OfficeRank.DEPUTY,
                None,
                None,
            ),
        ],
    },
    "lily_mei": {
        "person": {
            "family_name": "Mei",
            "given_name": "Lily",
            "chinese_name": "高敘加",
            "native_name": "Lily Mei",
            "honorific": "Mayor",
            "preferred_languages": ["en"],
        },
        "affiliations": [
            ("fremont", ("市長", "Mayor", "市長", "시장"), OfficeRank.MAYOR, None, None),
        ],
    },
    "jason_pu": {
        "person": {
            "family_name": "Pu",
            "given_name": "Jason",
            "chinese_name": "卜君毅",
            "native_name": "Jason Pu",
            "honorific": "Mayor",
            "preferred_languages": ["en"],
        },
        "affiliations": [
            ("san_gabriel", ("市長", "Mayor", "市長", "시장"), OfficeRank.MAYOR, None, None),
        ],
    },
    "schaaf": {
        "person": {
            "family_name": "Schaaf",
            "given_name": "Libby",
            "chinese_name": "薛麗比",
            "native_name": "Libby Schaaf",
            "honorific": "Mayor",
            "preferred_languages": ["en"],
        },
        "affiliations": [
            ("oakland", ("市長", "Mayor", "市長", "시장"), OfficeRank.MAYOR, None, None),
        ],
    },
    # Illustrative members of the Suwon and Akita delegations.
    "kim_min_jun": {
        "illustrative": True,
        "person": {
            "family_name": "Kim",
            "given_name": "Min-jun",
            "name_order": FAMILY_FIRST,
            "native_name": "김민준",
            "preferred_languages": ["ko"],
        },
        "affiliations": [
            (
                "suwon",
                ("國際合作官", "International Cooperation Officer", "国際協力官", "국제협력관"),
                OfficeRank.OFFICIAL,
                None,
                None,
            ),
        ],
    },
    "park_seo_yeon": {
        "illustrative": True,
        "person": {
            "family_name": "Park",
            "given_name": "Seo-yeon",
            "name_order": FAMILY_FIRST,
            "native_name": "박서연",
            "preferred_languages": ["ko", "zh-hant"],
        },
        "affiliations": [
            (
                "suwon",
                ("中文口譯", "Chinese interpreter", "中国語通訳", "중국어 통역사"),
                OfficeRank.OFFICIAL,
                None,
                None,
            ),
        ],
    },
    "sato_kenta": {
        "illustrative": True,
        "person": {
            "family_name": "Sato",
            "given_name": "Kenta",
            "name_order": FAMILY_FIRST,
            "native_name": "佐藤健太",
            "preferred_languages": ["ja"],
        },
        "affiliations": [
            (
                "akita",
                (
                    "觀光文化體育部主任",
                    "Officer, Tourism, Culture and Sports Department",
                    "観光文化スポーツ部主任",
                    "관광문화체육부 주임",
                ),
                OfficeRank.OFFICIAL,
                None,
                None,
            ),
        ],
    },
}


def organisation(key):
    """The demo organisation with this key (after load)."""
    return Organisation.objects.get(name_en=_organisation_data(key)["names"][1])


def person(key):
    """The demo person with this key (after load)."""
    return Person.objects.get(**_person_lookup(PEOPLE[key]["person"]))


def _organisation_data(key):
    if key.startswith(LISTED_PREFIX):
        return {"names": (None, key.removeprefix(LISTED_PREFIX))}
    return ORGANISATIONS[key]


def _person_lookup(fields):
    return {"family_name": fields["family_name"], "given_name": fields.get("given_name", "")}


# Loading -----------------------------------------------------------------------------------


def load(stdout=None):
    """Load the CRM demo: organisations, people, ties, renewals and interactions."""
    report(stdout, gettext("CRM: areas of cooperation"))
    areas = {
        slug: upsert(CooperationArea, {"slug": slug}, translated("name", *names))
        for slug, names in AREAS.items()
    }
    report(stdout, gettext("CRM: organisations"))
    organisations = _load_organisations()
    report(stdout, gettext("CRM: people and affiliations"))
    people = _load_people(organisations)
    report(stdout, gettext("CRM: sister and friendship ties"))
    ties = _load_ties(organisations, people, areas)
    report(stdout, gettext("CRM: interactions"))
    _load_interactions(organisations, people, ties)
    return {"organisations": organisations, "people": people, "ties": ties}


def _load_organisations():
    loaded = {}
    entries = list(ORGANISATIONS.items())
    # Parents first, so a child can point at its parent.
    entries.sort(key=lambda entry: "parent" in entry[1])
    for key, data in entries:
        values = {
            "kind": data["kind"],
            **translated("name", *data["names"]),
            "native_name": data.get("native_name", ""),
            "country": data.get("country", ""),
            "is_home": data.get("is_home", False),
            "website": data.get("website", ""),
            "address": data.get("address", ""),
            "notes": data.get("notes", ""),
            "parent": loaded[data["parent"]] if "parent" in data else None,
            "is_illustrative": data.get("is_illustrative", False),
        }
        loaded[key] = upsert(Organisation, {"name_en": data["names"][1]}, values)
    return loaded


def _load_people(organisations):
    loaded = {}
    for key, data in PEOPLE.items():
        fields = data["person"]
        values = {
            "name_order": fields.get("name_order", GIVEN_FIRST),
            "native_name": fields.get("native_name", ""),
            "chinese_name": fields.get("chinese_name", ""),
            "name_suffix": fields.get("name_suffix", ""),
            "honorific": fields.get("honorific", ""),
            "preferred_languages": fields.get("preferred_languages", []),
            "email": fields.get("email", ""),
            "notes": fields.get("notes", ""),
            "is_illustrative": data.get("illustrative", False),
        }
        person_row = upsert(Person, _person_lookup(fields), values)
        loaded[key] = person_row
        for index, (org_key, titles, rank, start, end) in enumerate(data["affiliations"]):
            upsert(
                Affiliation,
                {"person": person_row, "organisation": organisations[org_key]},
                {
                    **translated("position_title", *titles),
                    "office_rank": rank,
                    "start_date": start,
                    "end_date": end,
                    "is_primary": index == 0,
                },
            )
    return loaded


def _tie(source, target, *, type, values, areas=(), signatories=()):  # noqa: A002
    """One relationship, created through the service the first time, kept in step after."""
    lookup = {"source": source, "target": target, "type": type}
    relationship = Relationship.objects.filter(**lookup).first()
    if relationship is None:
        relationship = services.create_relationship(
            source,
            target,
            type=type,
            status=values["status"],
            signed_on=values.get("signed_on"),
            expires_on=values.get("expires_on"),
            areas=areas,
            signatories=signatories,
        )
    relationship = upsert(Relationship, lookup, values)
    set_related(relationship, "areas", areas)
    set_related(relationship, "signatories", signatories)
    return relationship


def _load_ties(organisations, people, areas):
    home = organisations["kaohsiung"]
    active = RelationshipStatus.ACTIVE
    import_file(SISTER_CITIES_CSV.read_bytes(), SISTER_CITIES_CSV.name, kind=ImportKind.TIES)
    ties = {}
    for name in listed_partners():
        key = listed_key(name)
        organisations[key] = Organisation.objects.get(name_en=name)
        ties[key] = Relationship.objects.filter(source=home, target=organisations[key]).first()
    # Partners this module defines whose ties also come from the list.
    for key in ("portland", "brisbane", "belize_city", "hachioji", "kumamoto"):
        ties[key] = Relationship.objects.filter(source=home, target=organisations[key]).first()
    ties["suwon"] = _tie(
        home,
        organisations["suwon"],
        type=RelationshipType.FRIENDSHIP_CITY,
        values={
            "status": active,
            "signed_on": SUWON_SIGNED_ON,
            "stated_ordinal": SUWON_ORDINAL,
            "notes": SUWON_NOTE,
            **translated(
                "summary",
                "2019年2月16日於高雄國際午宴簽署友好城市締盟書，成為高雄市第34個姊妹暨友好城市。",
                "Friendship-city agreement signed at the Kaohsiung International Luncheon on "
                "16 February 2019; Suwon became Kaohsiung's 34th sister or friendship city.",
                "2019年2月16日、高雄国際ランチョンで友好都市協定を締結し、"
                "高雄市の34番目の姉妹・友好都市となった。",
                "2019년 2월 16일 가오슝 국제 오찬에서 우호도시 협정을 체결하여 "
                "가오슝시의 34번째 자매·우호도시가 되었다.",
            ),
            "is_illustrative": False,
        },
        areas=[
            areas[slug]
            for slug in (
                "culture",
                "transport",
                "tourism",
                "environment",
                "education",
                "urban-development",
                "trade",
            )
        ],
        signatories=[people["han_kuo_yu"], people["yeom"]],
    )
    ties["akita"] = _tie(
        home,
        organisations["akita"],
        type=RelationshipType.MOU,
        values={
            "status": active,
            # The report gives only the renewal; the first signing (2016-08-25) is the list's.
            **translated(
                "summary",
                "國際交流合作備忘錄，2019年8月23日續簽，加強觀光、教育及物產的合作交流。",
                "International exchange and cooperation MOU, renewed on 23 August 2019 to "
                "strengthen tourism, education and local-products exchange.",
                "国際交流協力覚書。2019年8月23日に更新し、観光・教育・物産の交流を強化。",
                "국제교류협력 양해각서. 2019년 8월 23일 갱신, 관광·교육·물산 교류 강화.",
            ),
            "is_illustrative": False,
        },
        areas=[areas["tourism"], areas["education"], areas["trade"]],
        signatories=[people["yeh_kuang_shih"], people["satake"]],
    )
    if not RelationshipRenewal.objects.filter(
        relationship=ties["akita"], renewed_on=AKITA_RENEWED_ON
    ).exists():
        services.renew_relationship(
            ties["akita"],
            renewed_on=AKITA_RENEWED_ON,
            notes="秋田縣佐竹敬久知事與葉匡時副市長共同簽署。",
        )
        ties["akita"].refresh_from_db()
    return ties


INTERACTIONS = [
    {
        "occurred_on": SUWON_SIGNED_ON,
        "kind": InteractionKind.MEETING,
        "subject": "與水原市簽署友好城市締盟書（2019高雄國際午宴）",
        "description": "韓國水原市廉泰英市長率團訪高，"
        "於高雄國際午宴與韓市長共同簽署友好城市締盟書。",
        "organisations": ("suwon",),
        "people": ("yeom", "han_kuo_yu"),
        "tie": "suwon",
    },
    {
        "occurred_on": datetime.date(2019, 3, 29),
        "kind": InteractionKind.COURTESY_CALL,
        "subject": "貝里斯市韋柏納市長拜會葉匡時副市長",
        "description": "雙方就都市發展、廢棄物處理、醫療院所與教育制度等議題相互交流；"
        "並參訪水利局鳳山水資源中心。",
        "organisations": ("belize_city", "water_bureau"),
        "people": ("wagner", "yeh_kuang_shih"),
        "tie": "belize_city",
    },
    {
        "occurred_on": AKITA_RENEWED_ON,
        "kind": InteractionKind.MEETING,
        "subject": "與秋田縣續簽國際交流合作備忘錄",
        "description": "秋田縣佐竹敬久知事親率37位秋田政商界貴賓訪高，與葉副市長共同簽署。",
        "organisations": ("akita",),
        "people": ("satake", "yeh_kuang_shih"),
        "tie": "akita",
    },
    {
        "occurred_on": datetime.date(2019, 6, 6),
        "kind": InteractionKind.MEETING,
        "subject": "「國際關係小組」首次會議",
        "description": "韓市長以召集人身分召開會議，從城市外交、國際經貿及底蘊行銷三領域廣納建言。",
        "organisations": ("relations_group",),
        "people": ("han_kuo_yu",),
        "tie": None,
    },
    {
        "occurred_on": SUWON_SIGNED_ON,
        "kind": InteractionKind.GIFT_GIVEN,
        "subject": "致贈水原市廉泰英市長紀念品",
        "description": "",
        "gift_description": "高雄市徽紀念盤",
        "gift_value": 3000,
        "organisations": ("suwon",),
        "people": ("yeom",),
        "tie": "suwon",
        "illustrative": True,
    },
    {
        "occurred_on": datetime.date(2016, 10, 12),
        "kind": InteractionKind.LETTER,
        "subject": "致塔爾薩市長賀函（示例）",
        "description": "",
        "organisations": (listed_key("Tulsa"),),
        "people": (),
        "tie": listed_key("Tulsa"),
        "illustrative": True,
    },
]


def _load_interactions(organisations, people, ties):
    for data in INTERACTIONS:
        lookup = {"occurred_on": data["occurred_on"], "subject": data["subject"]}
        relationship = ties[data["tie"]] if data["tie"] else None
        gift_value = data.get("gift_value")
        if not Interaction.objects.filter(**lookup).exists():
            services.record_interaction(
                occurred_on=data["occurred_on"],
                kind=data["kind"],
                subject=data["subject"],
                description=data["description"],
                relationship=relationship,
                gift_description=data.get("gift_description", ""),
                gift_value=gift_value,
            )
        interaction = upsert(
            Interaction,
            lookup,
            {
                "kind": data["kind"],
                "description": data["description"],
                "relationship": relationship,
                "gift_description": data.get("gift_description", ""),
                "gift_value": gift_value,
                "is_illustrative": data.get("illustrative", False),
            },
        )
        set_related(interaction, "organisations", [organisations[k] for k in data["organisations"]])
        set_related(interaction, "people", [people[k] for k in data["people"]])

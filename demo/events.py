"""Demo events, delegations, resources and bookings of 2019, built from the office's report.

The report gives dates, places, who came and the year's totals (60 visits with 855 visitors,
938 car trips, 1,021 and 851 meeting-room bookings and 142 and 264 hall openings at the two
civic centres). Times, hotels, flights, head counts of single visits and the everyday bookings
that make up the totals are illustrative: illustrative records carry is_illustrative=True,
and models without that flag say so in their private notes or purpose. Rows are found by
natural keys (deterministic calendar UIDs for events and items) and saved only when a value
differs, so loading twice changes nothing.
"""

import datetime
import zoneinfo
from bisect import bisect_left

from django.db.models import Q
from django.utils.translation import gettext

from crm.models import Relationship
from demo import crm as crm_demo
from demo.common import (
    ILLUSTRATIVE_NOTE,
    TAIPEI,
    YEAR,
    at,
    d,
    demo_uid,
    report,
    set_related,
    translated,
    upsert,
)
from events.enums import (
    BookingStatus,
    Direction,
    EventKind,
    EventStatus,
    InterpretationMode,
    InvitationStatus,
    ItemKind,
    MemberRole,
    RegistrationQuestion,
    ResourceKind,
    StaffRole,
    VehicleKind,
    VenueKind,
)
from events.models import (
    Booking,
    Delegation,
    DelegationMember,
    Driver,
    Event,
    Interpreter,
    Invitation,
    ItineraryItem,
    ItineraryStaff,
    Vehicle,
    Venue,
    Vip,
)
from events.services.bookings import create_booking
from events.services.invitations import invite_person

# The report's 2019 totals (肆 訪賓接待; 壹 車輛管理 and 廳舍管理).
VISITS_2019 = 60
VISITORS_2019 = 855
VEHICLE_TRIPS_2019 = 938
ROOM_BOOKINGS_2019 = {"siwei": 1021, "fengshan": 851}
HALL_OPENINGS_2019 = {"siwei": 142, "fengshan": 264}

# Standalone bookings the loader invents are marked in their purpose, the one free-text
# field a booking has, since Booking has no is_illustrative flag.
ILLUSTRATIVE_MARK = "（示例）"
TIMES_NOTE = "示例時間：報告只載明日期。Illustrative times: the report gives the date only."
OFFICE_NAME = "行政暨國際處"


# Resources ---------------------------------------------------------------------------------

BUILDINGS = {
    "siwei": {
        "names": (
            "四維行政中心",
            "Siwei (Four Dimensions) Administrative Center",
            "四維行政センター",
            "쓰웨이 행정센터",
        ),
        "address": "高雄市苓雅區四維三路2號",
    },
    "fengshan": {
        "names": (
            "鳳山行政中心",
            "Fengshan Administrative Center",
            "鳳山行政センター",
            "펑산 행정센터",
        ),
        "address": "高雄市鳳山區光復路二段132號",
    },
}

# key: (building, names, venue kind, capacity, counting group, illustrative)
# The counting group follows the report: "halls" are the atrium, plaza and auditorium (and
# Fengshan's multimedia room, which the report counts with them); "rooms" are the meeting rooms.
VENUES = {
    "siwei_auditorium": (
        "siwei",
        ("四維大禮堂", "Siwei Auditorium", "四維大講堂", "쓰웨이 대강당"),
        VenueKind.HALL,
        None,
        "halls",
        False,
    ),
    "siwei_atrium": (
        "siwei",
        ("四維中庭", "Siwei Atrium", "四維アトリウム", "쓰웨이 중정"),
        VenueKind.PLAZA,
        None,
        "halls",
        False,
    ),
    "siwei_plaza": (
        "siwei",
        ("四維廣場", "Siwei Plaza", "四維広場", "쓰웨이 광장"),
        VenueKind.PLAZA,
        None,
        "halls",
        False,
    ),
    "fengshan_auditorium": (
        "fengshan",
        ("鳳山大禮堂", "Fengshan Auditorium", "鳳山大講堂", "펑산 대강당"),
        VenueKind.HALL,
        None,
        "halls",
        False,
    ),
    "fengshan_atrium": (
        "fengshan",
        ("鳳山中庭", "Fengshan Atrium", "鳳山アトリウム", "펑산 중정"),
        VenueKind.PLAZA,
        None,
        "halls",
        False,
    ),
    "fengshan_plaza": (
        "fengshan",
        ("鳳山廣場", "Fengshan Plaza", "鳳山広場", "펑산 광장"),
        VenueKind.PLAZA,
        None,
        "halls",
        False,
    ),
    "fengshan_multimedia": (
        "fengshan",
        (
            "鳳山多媒體會議室",
            "Fengshan Multimedia Room",
            "鳳山マルチメディア会議室",
            "펑산 멀티미디어 회의실",
        ),
        VenueKind.HALL,
        None,
        "halls",
        False,
    ),
    "fengshan_council_room": (
        "fengshan",
        (
            "鳳山市政會議會場",
            "Fengshan City Council Meeting Room",
            "鳳山市政会議場",
            "펑산 시정회의장",
        ),
        VenueKind.MEETING_ROOM,
        None,
        "rooms",
        False,
    ),
    "xiziwan": (
        None,
        ("西子灣沙灘會館", "Xiziwan Beach Hall", "西子湾ビーチ会館", "시쯔완 비치 회관"),
        VenueKind.EXTERNAL,
        None,
        None,
        False,
    ),
}
for _number, _capacity in ((1, 20), (2, 30), (3, 40), (4, 60)):
    VENUES[f"siwei_room_{_number}"] = (
        "siwei",
        (
            f"四維第{_number}會議室",
            f"Siwei Meeting Room {_number}",
            f"四維第{_number}会議室",
            f"쓰웨이 제{_number}회의실",
        ),
        VenueKind.MEETING_ROOM,
        _capacity,
        "rooms",
        True,
    )
for _number, _capacity in ((1, 20), (2, 30), (3, 50)):
    VENUES[f"fengshan_room_{_number}"] = (
        "fengshan",
        (
            f"鳳山第{_number}會議室",
            f"Fengshan Meeting Room {_number}",
            f"鳳山第{_number}会議室",
            f"펑산 제{_number}회의실",
        ),
        VenueKind.MEETING_ROOM,
        _capacity,
        "rooms",
        True,
    )

# key: (names, kind, seats, plate); every vehicle is illustrative.
VEHICLES = {
    "vip_sedan_1": (
        ("禮賓車一號", "VIP sedan 1", "貴賓車1号", "귀빈차 1호"),
        VehicleKind.VIP_SEDAN,
        3,
        "KCG-0001",
    ),
    "vip_sedan_2": (
        ("禮賓車二號", "VIP sedan 2", "貴賓車2号", "귀빈차 2호"),
        VehicleKind.VIP_SEDAN,
        3,
        "KCG-0002",
    ),
    "sedan_1": (
        ("公務車一號", "Official car 1", "公用車1号", "관용차 1호"),
        VehicleKind.SEDAN,
        4,
        "KCG-1001",
    ),
    "sedan_2": (
        ("公務車二號", "Official car 2", "公用車2号", "관용차 2호"),
        VehicleKind.SEDAN,
        4,
        "KCG-1002",
    ),
    "van_1": (
        ("九人座廂型車一號", "Van 1", "ワゴン車1号", "승합차 1호"),
        VehicleKind.VAN,
        8,
        "KCG-2001",
    ),
    "van_2": (
        ("九人座廂型車二號", "Van 2", "ワゴン車2号", "승합차 2호"),
        VehicleKind.VAN,
        8,
        "KCG-2002",
    ),
    "coach_1": (("中型巴士", "Coach", "中型バス", "중형 버스"), VehicleKind.COACH, 35, "KCG-3001"),
}
DRIVERS = {
    "driver_1": "wang_chien_kuo",
    "driver_2": "li_wen_hsiung",
    "driver_3": "wu_chun_chieh",
}
# key: (person key, language, four names)
INTERPRETERS = {
    "interpreter_ja": (
        "liu_chia_ying",
        "ja",
        ("日語口譯", "Japanese interpreter", "日本語通訳", "일본어 통역"),
    ),
    "interpreter_ko": (
        "hsu_chih_hao",
        "ko",
        ("韓語口譯", "Korean interpreter", "韓国語通訳", "한국어 통역"),
    ),
    "interpreter_en": (
        "cheng_ya_wen",
        "en",
        ("英語口譯", "English interpreter", "英語通訳", "영어 통역"),
    ),
}


def _load_resources():
    resources = {}
    for key, (building, names, kind, capacity, _group, illustrative) in VENUES.items():
        building_data = BUILDINGS.get(building, {"names": ("", "", "", ""), "address": ""})
        resources[key] = upsert(
            Venue,
            {"name_en": names[1]},
            {
                **translated("name", *names),
                **translated("building", *building_data["names"]),
                "kind": ResourceKind.VENUE,
                "venue_kind": kind,
                "capacity": capacity,
                "address": building_data["address"],
                "is_illustrative": illustrative,
                "notes": ILLUSTRATIVE_NOTE if illustrative else "",
            },
        )
    for key, (names, kind, seats, plate) in VEHICLES.items():
        resources[key] = upsert(
            Vehicle,
            {"plate": plate},
            {
                **translated("name", *names),
                "kind": ResourceKind.VEHICLE,
                "vehicle_kind": kind,
                "seats": seats,
                "is_illustrative": True,
            },
        )
    for key, person_key in DRIVERS.items():
        person = crm_demo.person(person_key)
        resources[key] = upsert(
            Driver,
            {"person": person},
            {
                **translated(
                    "name",
                    f"駕駛 {person.chinese_name}",
                    f"Driver {person.full_name}",
                    f"運転手 {person.chinese_name}",
                    f"운전기사 {person.full_name}",
                ),
                "kind": ResourceKind.DRIVER,
                "is_illustrative": True,
            },
        )
    for key, (person_key, language, names) in INTERPRETERS.items():
        person = crm_demo.person(person_key)
        resources[key] = upsert(
            Interpreter,
            {"person": person},
            {
                **translated("name", *(f"{name} {person.chinese_name}" for name in names)),
                "kind": ResourceKind.INTERPRETER,
                "languages": ["zh-hant", language],
                "mode": InterpretationMode.CONSECUTIVE,
                "is_illustrative": True,
            },
        )
    mayor = crm_demo.person("han_kuo_yu")
    resources["vip_mayor"] = upsert(
        Vip,
        {"person": mayor},
        {
            **translated("name", "韓國瑜市長", "Mayor Han Kuo-yu", "韓国瑜市長", "한궈위 시장"),
            "kind": ResourceKind.PERSON,
        },
    )
    return resources


# Events ------------------------------------------------------------------------------------
# Each event: its fields, delegations (organisation key, members as (person key, role)) and
# itinerary items. An item books its venue and the resources listed in "book"; booking an
# interpreter also assigns them as staff with the language pair.

HOTEL_NOTE = "飯店與航班為示例。Hotel and flights are illustrative."

# The luncheon's eight other delegations: partner cities of the list with their country
# (whose illustrative names the guests get) and a number that sets the delegation's size.
LUNCHEON_PARTNERS = (
    (1, "Honolulu", "US"),
    (2, "Kumamoto City", "JP"),
    (3, "Busan", "KR"),
    (4, "Cebu City", "PH"),
    (13, "Seattle", "US"),
    (14, "Daejeon", "KR"),
    (15, "Daegu", "KR"),
    (16, "Tulsa", "US"),
)

EVENTS = [
    {
        "key": "luncheon",
        "kind": EventKind.LUNCHEON,
        "titles": (
            "2019高雄國際午宴",
            "2019 Kaohsiung International Luncheon",
            "2019高雄国際ランチョン",
            "2019 가오슝 국제 오찬",
        ),
        "summaries": (
            "以「愛在高雄，情定西灣」為主題，邀請美國、韓國、日本、菲律賓等9個城市代表團及表演團體與"
            "高雄地區貴賓約140人參加，並與韓國水原市簽署友好城市締盟書。",
            "Themed 'Love in Kaohsiung', about 140 guests: delegations of 9 cities from the "
            "United States, Korea, Japan, the Philippines and elsewhere, performers and local "
            "guests. Kaohsiung and Suwon signed their friendship-city agreement here.",
            "「愛在高雄、情定西湾」をテーマに、9都市の代表団や高雄の来賓約140人が参加。"
            "韓国水原市との友好都市協定を締結。",
            "'사랑은 가오슝에서'를 주제로 9개 도시 대표단과 가오슝 내빈 약 140명이 참석했으며, "
            "수원시와 우호도시 협정을 체결했다.",
        ),
        "first": d(2, 16),
        "last": d(2, 16),
        "venue": "xiziwan",
        "capacity": 140,
        "public": True,
        "organisations": ["suwon"]
        + [crm_demo.listed_key(name) for _n, name, _c in LUNCHEON_PARTNERS],
        "relationships": ["suwon"],
        "delegations": [
            {
                "organisation": "suwon",
                "name": "韓國水原市訪問團 Suwon delegation",
                "size": 12,
                "hotel": "漢來大飯店 Grand Hi-Lai Hotel",
                "timezone": "Asia/Seoul",
                "flights": (
                    "KE2155",
                    "KHH",
                    at(d(2, 15), "13:40"),
                    "KE2156",
                    "KHH",
                    at(d(2, 17), "15:10"),
                ),
                "members": [
                    ("yeom", MemberRole.HEAD),
                    ("kim_min_jun", MemberRole.STAFF),
                    ("park_seo_yeon", MemberRole.INTERPRETER),
                ],
            },
        ]
        + [
            {
                "organisation": crm_demo.listed_key(name),
                "name": f"{name} 代表團（示例） Delegation of {name} (illustrative)",
                "size": 5 + n % 4,
                "illustrative": True,
                "members": [],
            }
            for n, name, _country in LUNCHEON_PARTNERS
        ],
        "items": [
            {
                "key": "transfer",
                "kind": ItemKind.TRANSFER,
                "start": "10:15",
                "end": "10:50",
                "titles": (
                    "接送水原市長至西子灣",
                    "Transfer: Mayor of Suwon to Xiziwan",
                    "水原市長送迎",
                    "수원시장 이동",
                ),
                "address": "漢來大飯店 → 西子灣沙灘會館",
                "book": ["vip_sedan_1", "driver_1"],
                "members": True,
                "public": False,
            },
            {
                "key": "reception",
                "kind": ItemKind.MEAL,
                "start": "11:00",
                "end": "11:30",
                "titles": ("迎賓酒會", "Welcome reception", "歓迎レセプション", "환영 리셉션"),
                "venue": "xiziwan",
                "book": ["vip_mayor", "interpreter_ko"],
                "people": ["han_kuo_yu"],
                "staff": [("lin_yi_chun", StaffRole.LIAISON)],
                "members": True,
            },
            {
                "key": "signing",
                "kind": ItemKind.CEREMONY,
                "start": "11:30",
                "end": "12:00",
                "titles": (
                    "高雄市與水原市友好城市締盟儀式",
                    "Kaohsiung-Suwon friendship-city signing",
                    "高雄市・水原市友好都市協定締結式",
                    "가오슝시-수원시 우호도시 협정 체결식",
                ),
                "venue": "xiziwan",
                "book": ["vip_mayor", "interpreter_ko"],
                "people": ["han_kuo_yu"],
                "staff": [("lin_yi_chun", StaffRole.LIAISON), ("chen_chih_ming", StaffRole.ESCORT)],
                "members": True,
            },
            {
                "key": "luncheon",
                "kind": ItemKind.MEAL,
                "start": "12:00",
                "end": "14:00",
                "titles": (
                    "午宴及表演",
                    "Luncheon and performances",
                    "昼食会と公演",
                    "오찬 및 공연",
                ),
                "venue": "xiziwan",
                "book": ["vip_mayor", "interpreter_ko"],
                "people": ["han_kuo_yu"],
                "members": True,
            },
        ],
        "invitations": [
            ("oconnor", InvitationStatus.ACCEPTED, 1),
            ("kato", InvitationStatus.ACCEPTED, 1),
            ("christensen", InvitationStatus.DECLINED, 0),
            ("cowan", InvitationStatus.ACCEPTED, 0),
            ("reeves", InvitationStatus.ACCEPTED, 1),
            ("fuchssteiner", InvitationStatus.DECLINED, 0),
            ("yeh_kuang_shih", InvitationStatus.ACCEPTED, 0),
            ("wang_chih_li", InvitationStatus.ACCEPTED, 0),
        ],
    },
    {
        "key": "belize_visit",
        "kind": EventKind.INBOUND_DELEGATION,
        "titles": (
            "貝里斯市韋柏納市長率團訪高",
            "Visit of Belize City Mayor Bernard Wagner",
            "ベリーズシティ市長の高雄訪問",
            "벨리즈시티 시장 가오슝 방문",
        ),
        "summaries": (
            "姊妹市貝里斯市韋柏納市長率團訪高，參訪水利局鳳山水資源中心，瞭解本市回收水再利用系統，"
            "並拜會葉匡時副市長，就都市發展、廢棄物處理、醫療院所與教育制度等議題交流。",
            "Mayor Bernard Wagner of sister city Belize City led a delegation to Kaohsiung, "
            "toured the Fengshan Water Resource Center's water-reuse system and called on "
            "Deputy Mayor Yeh Kuang-shih to discuss urban development, waste, hospitals and "
            "education.",
            "",
            "",
        ),
        "first": d(3, 29),
        "last": d(3, 29),
        "public": True,
        "organisations": ["belize_city", "water_bureau"],
        "relationships": ["belize_city"],
        "delegations": [
            {
                "organisation": "belize_city",
                "name": "貝里斯市訪問團 Belize City delegation",
                "size": 5,
                "hotel": "高雄國賓大飯店 Ambassador Hotel Kaohsiung",
                "timezone": "America/Belize",
                "members": [("wagner", MemberRole.HEAD)],
            }
        ],
        "items": [
            {
                "key": "water_centre",
                "kind": ItemKind.SITE_VISIT,
                "start": "09:30",
                "end": "11:30",
                "titles": (
                    "參訪鳳山水資源中心",
                    "Visit to the Fengshan Water Resource Center",
                    "鳳山水資源センター視察",
                    "펑산 수자원센터 시찰",
                ),
                "address": "高雄市政府水利局鳳山水資源中心",
                "book": ["van_1", "driver_2", "interpreter_en"],
                "members": True,
            },
            {
                "key": "call",
                "kind": ItemKind.CALL,
                "start": "14:00",
                "end": "15:00",
                "titles": (
                    "拜會葉匡時副市長",
                    "Call on Deputy Mayor Yeh Kuang-shih",
                    "葉匡時副市長表敬訪問",
                    "예쾅스 부시장 예방",
                ),
                "venue": "siwei_room_2",
                "book": ["van_1", "driver_2", "interpreter_en"],
                "people": ["yeh_kuang_shih"],
                "staff": [("huang_ya_ting", StaffRole.LIAISON)],
                "members": True,
            },
        ],
    },
    {
        "key": "us_trip",
        "kind": EventKind.OUTBOUND_MISSION,
        "titles": (
            "市長率團赴美國演講暨招商",
            "Mayor's mission to the United States",
            "市長の米国訪問",
            "시장 미국 방문",
        ),
        "summaries": (
            "韓市長率市政團隊赴美，於哈佛大學費正清學院及史丹佛大學胡佛學院演講，拜會洛杉磯、佛利蒙、"
            "聖蓋博及奧克蘭市長，參與全球玉山論壇並參訪矽谷企業。",
            "Mayor Han led a city team to the United States: talks at Harvard's Fairbank Center "
            "and Stanford's Hoover Institution, meetings with the mayors of Los Angeles, "
            "Fremont, San Gabriel and Oakland, Monte Jade forums and Silicon Valley companies.",
            "",
            "",
        ),
        "first": d(4, 9),
        "last": d(4, 18),
        "public": True,
        "organisations": [
            "fairbank_center",
            "hoover",
            "los_angeles",
            "fremont",
            "san_gabriel",
            "oakland",
            "monte_jade",
            "taboola",
            "tesla",
            "apple",
        ],
        "delegations": [
            {
                "organisation": "los_angeles",
                "name": "高雄市政府訪美團 Kaohsiung mission to the US",
                "direction": Direction.OUTBOUND,
                "members": [
                    ("han_kuo_yu", MemberRole.HEAD),
                    ("lin_yi_chun", MemberRole.STAFF),
                ],
            }
        ],
        "items": [
            {
                "key": "harvard",
                "kind": ItemKind.MEETING,
                "day": d(4, 11),
                "zone": "America/New_York",
                "start": "16:00",
                "end": "17:30",
                "titles": (
                    "哈佛大學費正清學院演講",
                    "Talk at Harvard's Fairbank Center",
                    "ハーバード大学講演",
                    "하버드대 강연",
                ),
                "address": "Fairbank Center, Harvard University, Cambridge, MA",
                "members": True,
            },
            {
                "key": "stanford",
                "kind": ItemKind.MEETING,
                "day": d(4, 15),
                "zone": "America/Los_Angeles",
                "start": "15:00",
                "end": "16:30",
                "titles": (
                    "史丹佛大學胡佛學院演講",
                    "Talk at Stanford's Hoover Institution",
                    "スタンフォード大学講演",
                    "스탠퍼드대 강연",
                ),
                "address": "Hoover Institution, Stanford University, Stanford, CA",
                "members": True,
            },
            {
                "key": "fremont",
                "kind": ItemKind.CALL,
                "day": d(4, 16),
                "zone": "America/Los_Angeles",
                "start": "10:00",
                "end": "11:00",
                "titles": (
                    "拜會佛利蒙市高敘加市長",
                    "Meeting Mayor Lily Mei of Fremont",
                    "フリーモント市長表敬",
                    "프리몬트 시장 예방",
                ),
                "address": "Fremont City Hall, Fremont, CA",
                "people": ["lily_mei"],
                "members": True,
            },
            {
                "key": "silicon_valley",
                "kind": ItemKind.SITE_VISIT,
                "day": d(4, 16),
                "zone": "America/Los_Angeles",
                "start": "13:30",
                "end": "17:30",
                "titles": (
                    "參訪Taboola、Tesla及Apple",
                    "Visits to Taboola, Tesla and Apple",
                    "シリコンバレー企業視察",
                    "실리콘밸리 기업 방문",
                ),
                "address": "Silicon Valley, CA",
                "members": True,
            },
            {
                "key": "oakland",
                "kind": ItemKind.CALL,
                "day": d(4, 17),
                "zone": "America/Los_Angeles",
                "start": "10:00",
                "end": "11:00",
                "titles": (
                    "拜會奧克蘭市薛麗比市長",
                    "Meeting Mayor Libby Schaaf of Oakland",
                    "オークランド市長表敬",
                    "오클랜드 시장 예방",
                ),
                "address": "Oakland City Hall, Oakland, CA",
                "people": ["schaaf"],
                "members": True,
            },
            {
                "key": "los_angeles",
                "kind": ItemKind.CALL,
                "day": d(4, 12),
                "zone": "America/Los_Angeles",
                "start": "11:00",
                "end": "12:00",
                "titles": (
                    "拜會洛杉磯市何契珍副市長及聖蓋博市卜君毅市長",
                    "Meeting Deputy Mayor Nina Hachigian and Mayor Jason Pu",
                    "ロサンゼルス副市長表敬",
                    "로스앤젤레스 부시장 예방",
                ),
                "address": "Los Angeles City Hall, Los Angeles, CA",
                "people": ["hachigian", "jason_pu"],
                "members": True,
            },
        ],
    },
    {
        "key": "relations_group",
        "kind": EventKind.MEETING,
        "titles": (
            "「國際關係小組」會議",
            "International Relations Group meeting",
            "「国際関係グループ」会議",
            "'국제관계소조' 회의",
        ),
        "summaries": (
            "韓市長首度以召集人身分召開會議，以「世界的高雄」為目標，從城市外交、國際經貿及底蘊行銷三領域廣納建言。",
            "The mayor's first meeting as convener of the advisory group, aiming at 'Kaohsiung "
            "of the world': city diplomacy, international trade and cultural marketing.",
            "",
            "",
        ),
        "first": d(6, 6),
        "last": d(6, 6),
        "public": False,
        "organisations": ["relations_group"],
        "items": [
            {
                "key": "meeting",
                "kind": ItemKind.MEETING,
                "start": "14:00",
                "end": "16:00",
                "titles": (
                    "國際關係小組會議",
                    "International Relations Group meeting",
                    "国際関係グループ会議",
                    "국제관계소조 회의",
                ),
                "venue": "siwei_room_4",
                "book": ["vip_mayor"],
                "people": ["han_kuo_yu", "wang_chih_li"],
                "staff": [("lin_yi_chun", StaffRole.LIAISON)],
                "public": False,
            },
        ],
    },
    {
        "key": "portland",
        "kind": EventKind.OUTBOUND_MISSION,
        "titles": (
            "參與美國波特蘭姊妹市2019玫瑰節",
            "Portland Rose Festival 2019",
            "ポートランド・ローズフェスティバル2019",
            "포틀랜드 장미축제 2019",
        ),
        "summaries": (
            "蔡副處長率團出席波特蘭市Ted Wheeler市長主持之「姊妹市友誼宣言共同簽署儀式」，"
            "參訪奧勒岡會議中心，"
            "並與樹德家商表演團參加玫瑰花車遊行及龍舟賽開幕儀式。",
            "The deputy director-general led a delegation to the sister-city friendship "
            "declaration hosted by Mayor Ted Wheeler, visited the Oregon Convention Center and "
            "joined the Grand Floral Parade and the dragon-boat races with Shu-Te performers.",
            "",
            "",
        ),
        "first": d(6, 5),
        "last": d(6, 12),
        "public": True,
        "organisations": ["portland", "oregon_convention_center", "shu_te"],
        "relationships": ["portland"],
        "delegations": [
            {
                "organisation": "portland",
                "name": "高雄市政府波特蘭訪問團 Kaohsiung delegation to Portland",
                "direction": Direction.OUTBOUND,
                "members": [
                    ("tsai_deputy", MemberRole.HEAD),
                    ("huang_ya_ting", MemberRole.STAFF),
                ],
            }
        ],
        "items": [
            {
                "key": "declaration",
                "kind": ItemKind.CEREMONY,
                "day": d(6, 6),
                "zone": "America/Los_Angeles",
                "start": "10:00",
                "end": "11:30",
                "titles": (
                    "姊妹市友誼宣言共同簽署儀式",
                    "Sister-city friendship declaration signing",
                    "姉妹都市友好宣言署名式",
                    "자매도시 우호선언 서명식",
                ),
                "address": "Portland City Hall, Portland, OR",
                "people": ["wheeler"],
                "members": True,
            },
            {
                "key": "convention_center",
                "kind": ItemKind.SITE_VISIT,
                "day": d(6, 7),
                "zone": "America/Los_Angeles",
                "start": "10:00",
                "end": "12:00",
                "titles": (
                    "參訪奧勒岡會議中心",
                    "Visit to the Oregon Convention Center",
                    "オレゴン・コンベンションセンター視察",
                    "오리건 컨벤션 센터 시찰",
                ),
                "address": "Oregon Convention Center, Portland, OR",
                "members": True,
            },
            {
                "key": "parade",
                "kind": ItemKind.PERFORMANCE,
                "day": d(6, 8),
                "zone": "America/Los_Angeles",
                "start": "10:00",
                "end": "13:00",
                "titles": (
                    "玫瑰花車遊行",
                    "Grand Floral Parade",
                    "グランド・フローラル・パレード",
                    "그랜드 플로럴 퍼레이드",
                ),
                "address": "Portland, OR",
                "members": True,
            },
        ],
    },
    {
        "key": "brisbane",
        "kind": EventKind.OUTBOUND_MISSION,
        "titles": (
            "2019亞太城市高峰會（布里斯本）",
            "Asia Pacific Cities Summit 2019, Brisbane",
            "2019アジア太平洋都市サミット（ブリスベン）",
            "2019 아시아태평양도시정상회의 (브리즈번)",
        ),
        "summaries": (
            "王智立處長率團前往澳洲布里斯本姊妹市參與「2019亞太城市高峰會」(APCS)，共商永續發展、循環經濟及都市交通。",
            "Director-General Wang Chih-li led a delegation to sister city Brisbane for the "
            "Asia Pacific Cities Summit: sustainable development, circular economy and urban "
            "transport.",
            "",
            "",
        ),
        "first": d(7, 5),
        "last": d(7, 12),
        "public": True,
        "organisations": ["brisbane"],
        "relationships": ["brisbane"],
        "delegations": [
            {
                "organisation": "brisbane",
                "name": "高雄市政府APCS代表團 Kaohsiung delegation to APCS",
                "direction": Direction.OUTBOUND,
                "members": [
                    ("wang_chih_li", MemberRole.HEAD),
                    ("chen_chih_ming", MemberRole.STAFF),
                ],
            }
        ],
        "items": [
            {
                "key": "summit",
                "kind": ItemKind.MEETING,
                "day": d(7, 8),
                "zone": "Australia/Brisbane",
                "start": "09:00",
                "end": "17:00",
                "titles": (
                    "亞太城市高峰會",
                    "Asia Pacific Cities Summit",
                    "アジア太平洋都市サミット",
                    "아시아태평양도시정상회의",
                ),
                "address": "Brisbane Convention & Exhibition Centre, Brisbane",
                "members": True,
            },
        ],
    },
    {
        "key": "hachioji",
        "kind": EventKind.OUTBOUND_MISSION,
        "titles": (
            "參與日本八王子市「八王子祭」暨考察東京都都政建設",
            "Hachioji Festival and Tokyo study visit",
            "八王子まつり参加・東京都視察",
            "하치오지 축제 참가 및 도쿄도 시찰",
        ),
        "summaries": (
            "葉副市長率行政暨國際處、運動發展局、工務局及教育局代表參加八王子祭，並拜會東京都廳、東京都教育委員會、"
            "自民黨青年局及2020東京奧運組織委員會。",
            "Deputy Mayor Yeh led the office and the sports, public works and education bureaus "
            "to the Hachioji Festival and called on the Tokyo Metropolitan Government, its "
            "board of education, the LDP Youth Division and the Tokyo 2020 organisers.",
            "",
            "",
        ),
        "first": d(8, 4),
        "last": d(8, 8),
        "public": True,
        "organisations": [
            "hachioji",
            "tokyo",
            "ldp",
            "tokyo_2020",
            "sports_bureau",
            "works_bureau",
            "education_bureau",
        ],
        "relationships": ["hachioji"],
        "delegations": [
            {
                "organisation": "hachioji",
                "name": "高雄市政府八王子訪問團 Kaohsiung delegation to Hachioji",
                "direction": Direction.OUTBOUND,
                "members": [
                    ("yeh_kuang_shih", MemberRole.HEAD),
                    ("huang_ya_ting", MemberRole.STAFF),
                ],
            }
        ],
        "items": [
            {
                "key": "festival",
                "kind": ItemKind.PERFORMANCE,
                "day": d(8, 4),
                "zone": "Asia/Tokyo",
                "start": "13:00",
                "end": "17:00",
                "titles": ("八王子祭", "Hachioji Festival", "八王子まつり", "하치오지 축제"),
                "address": "八王子市",
                "members": True,
            },
            {
                "key": "tokyo",
                "kind": ItemKind.CALL,
                "day": d(8, 6),
                "zone": "Asia/Tokyo",
                "start": "10:00",
                "end": "11:00",
                "titles": (
                    "拜會東京都廳",
                    "Call at the Tokyo Metropolitan Government",
                    "東京都庁表敬",
                    "도쿄도청 예방",
                ),
                "address": "東京都庁",
                "members": True,
            },
            {
                "key": "ldp",
                "kind": ItemKind.CALL,
                "day": d(8, 7),
                "zone": "Asia/Tokyo",
                "start": "14:00",
                "end": "15:00",
                "titles": (
                    "拜會自民黨青年局",
                    "Call on the LDP Youth Division",
                    "自民党青年局表敬",
                    "자민당 청년국 예방",
                ),
                "address": "自由民主党本部",
                "people": ["sasaki"],
                "members": True,
            },
        ],
    },
    {
        "key": "akita_visit",
        "kind": EventKind.SIGNING,
        "titles": (
            "秋田縣佐竹敬久知事訪高暨續簽國際交流合作備忘錄",
            "Akita Governor's visit and MOU renewal",
            "秋田県知事の高雄訪問・国際交流協力覚書更新",
            "아키타현 지사 방문 및 양해각서 갱신",
        ),
        "summaries": (
            "秋田縣佐竹敬久知事親率37位秋田政商界貴賓訪高，與葉副市長共同簽署「國際交流合作備忘錄」，加強觀光、教育及物產交流。",
            "Governor Satake Norihisa led 37 political and business guests from Akita and "
            "renewed the exchange and cooperation MOU with Deputy Mayor Yeh: tourism, "
            "education and local products.",
            "秋田県の佐竹敬久知事が政財界の37人を率いて来高し、葉副市長と国際交流協力覚書に署名。",
            "",
        ),
        "first": d(8, 23),
        "last": d(8, 23),
        "public": True,
        "organisations": ["akita"],
        "relationships": ["akita"],
        "delegations": [
            {
                "organisation": "akita",
                "name": "秋田縣訪問團 Akita Prefecture delegation",
                # The governor and the 37 guests he led.
                "size": 38,
                "hotel": "漢來大飯店 Grand Hi-Lai Hotel",
                "timezone": "Asia/Tokyo",
                "members": [("satake", MemberRole.HEAD), ("sato_kenta", MemberRole.STAFF)],
            }
        ],
        "items": [
            {
                "key": "transfer",
                "kind": ItemKind.TRANSFER,
                "start": "09:30",
                "end": "10:15",
                "titles": (
                    "接駁至四維行政中心",
                    "Coach to the Siwei Administrative Center",
                    "四維行政センターへ移動",
                    "쓰웨이 행정센터로 이동",
                ),
                "address": "漢來大飯店 → 四維行政中心",
                "book": ["coach_1", "driver_3"],
                "members": True,
                "public": False,
            },
            {
                "key": "signing",
                "kind": ItemKind.CEREMONY,
                "start": "10:30",
                "end": "11:30",
                "titles": (
                    "國際交流合作備忘錄續簽儀式",
                    "MOU renewal ceremony",
                    "国際交流協力覚書署名式",
                    "국제교류협력 양해각서 서명식",
                ),
                "venue": "siwei_auditorium",
                "book": ["interpreter_ja"],
                "people": ["yeh_kuang_shih"],
                "staff": [("huang_ya_ting", StaffRole.LIAISON)],
                "members": True,
            },
        ],
    },
    {
        "key": "summer_camp",
        "kind": EventKind.CAMP,
        "titles": (
            "2019炫高雄—高雄國際夏令營",
            "Share Kaohsiung! International Summer Camp 2019",
            "Share Kaohsiung! 高雄国際サマーキャンプ2019",
            "Share Kaohsiung! 가오슝 국제 여름캠프 2019",
        ),
        "summaries": (
            "以城市歷史、文化體驗及產業參訪三大主軸，搭配訪問行程、語文和外交研習課程，讓姊妹市、友好城市及在地的大學生深入認識高雄。",
            "University students from sister and friendship cities and from Kaohsiung explore "
            "the city's history, culture and industry, with visits and language and diplomacy "
            "classes.",
            "姉妹都市・友好都市と地元の大学生が、高雄の歴史・文化・産業を学ぶ6日間。",
            "자매·우호도시와 가오슝의 대학생이 도시의 역사, 문화, 산업을 배우는 6일간의 캠프.",
        ),
        "first": d(8, 12),
        "last": d(8, 17),
        "public": True,
        "takes_registrations": True,
        "questions": [
            RegistrationQuestion.NATIONALITY,
            RegistrationQuestion.UNIVERSITY,
            RegistrationQuestion.PASSPORT,
            RegistrationQuestion.DATE_OF_BIRTH,
            RegistrationQuestion.EMERGENCY_CONTACT,
            RegistrationQuestion.DIETARY,
        ],
        "consent": (
            "我同意主辦單位為辦理本活動蒐集及處理我的個人資料。",
            "I agree that the organisers collect and process my personal data to run this camp.",
            "主催者が本キャンプの運営のために個人情報を収集・利用することに同意します。",
            "주최 측이 캠프 운영을 위해 개인정보를 수집·처리하는 데 동의합니다.",
        ),
        "items": [
            {
                "key": "opening",
                "kind": ItemKind.CEREMONY,
                "day": d(8, 12),
                "start": "09:00",
                "end": "10:00",
                "titles": ("開營典禮", "Opening ceremony", "開講式", "개영식"),
                "venue": "siwei_auditorium",
                "staff": [("lin_yi_chun", StaffRole.LIAISON)],
            },
            {
                "key": "history",
                "kind": ItemKind.CLASS,
                "day": d(8, 12),
                "start": "10:30",
                "end": "12:00",
                "titles": (
                    "高雄城市歷史",
                    "Kaohsiung's city history",
                    "高雄の都市史",
                    "가오슝 도시 역사",
                ),
                "venue": "siwei_room_4",
            },
            {
                "key": "pier2",
                "kind": ItemKind.SITE_VISIT,
                "day": d(8, 12),
                "start": "14:00",
                "end": "17:00",
                "titles": (
                    "文化體驗：駁二藝術特區",
                    "Culture: the Pier-2 Art Center",
                    "文化体験：駁二芸術特区",
                    "문화 체험: 보얼 예술특구",
                ),
                "address": "駁二藝術特區",
                "book": ["coach_1", "driver_3"],
            },
            {
                "key": "mandarin",
                "kind": ItemKind.CLASS,
                "day": d(8, 13),
                "start": "09:00",
                "end": "12:00",
                "titles": ("華語研習", "Mandarin class", "中国語講座", "중국어 수업"),
                "venue": "siwei_room_3",
            },
            {
                "key": "cijin",
                "kind": ItemKind.SITE_VISIT,
                "day": d(8, 13),
                "start": "13:30",
                "end": "17:30",
                "titles": ("文化體驗：旗津", "Culture: Cijin", "文化体験：旗津", "문화 체험: 치진"),
                "address": "旗津",
                "book": ["coach_1", "driver_3"],
            },
            {
                "key": "industry",
                "kind": ItemKind.SITE_VISIT,
                "day": d(8, 14),
                "start": "08:30",
                "end": "17:00",
                "titles": ("產業參訪", "Industry visits", "産業視察", "산업 시찰"),
                "address": "高雄臨海工業區",
                "book": ["coach_1", "driver_3"],
            },
            {
                "key": "diplomacy",
                "kind": ItemKind.CLASS,
                "day": d(8, 15),
                "start": "09:00",
                "end": "12:00",
                "titles": ("外交研習", "Diplomacy class", "外交講座", "외교 수업"),
                "venue": "siwei_room_4",
                "book": ["interpreter_en"],
            },
            {
                "key": "call",
                "kind": ItemKind.CALL,
                "day": d(8, 15),
                "start": "14:00",
                "end": "15:00",
                "titles": ("拜會市長", "Call on the mayor", "市長表敬訪問", "시장 예방"),
                "venue": "siwei_auditorium",
                "book": ["vip_mayor", "interpreter_en"],
                "people": ["han_kuo_yu"],
            },
            {
                "key": "meinong",
                "kind": ItemKind.SITE_VISIT,
                "day": d(8, 16),
                "start": "08:30",
                "end": "17:30",
                "titles": (
                    "歷史文化體驗：美濃",
                    "History and culture: Meinong",
                    "歴史文化体験：美濃",
                    "역사문화 체험: 메이눙",
                ),
                "address": "美濃區",
                "book": ["coach_1", "driver_3"],
            },
            {
                "key": "closing",
                "kind": ItemKind.CEREMONY,
                "day": d(8, 17),
                "start": "10:00",
                "end": "12:00",
                "titles": ("結業式", "Closing ceremony", "修了式", "수료식"),
                "venue": "fengshan_auditorium",
                "staff": [("lin_yi_chun", StaffRole.LIAISON)],
            },
        ],
    },
    {
        "key": "freshmen_party",
        "kind": EventKind.PARTY,
        "titles": (
            "2019炫高雄─國際新生青春田園趴",
            "Share Kaohsiung International Freshmen Party 2019",
            "2019国際新入生カントリーパーティー",
            "2019 국제 신입생 전원 파티",
        ),
        "summaries": (
            "高雄10所大專院校、26個國家與地區約200名國際新生參加，活動包括破冰團康、在地農事體驗、文化體驗及「田園趴」晚會，足跡遍及美濃、旗山、大樹。",
            "About 200 international students from 26 countries and regions at 10 Kaohsiung "
            "universities: ice-breakers, farm work, culture and a country party in Meinong, "
            "Qishan and Dashu.",
            "高雄の10大学、26の国と地域から約200人の留学生が参加。",
            "가오슝 10개 대학, 26개 국가·지역의 유학생 약 200명 참가.",
        ),
        "first": d(11, 23),
        "last": d(11, 24),
        "public": True,
        "capacity": 200,
        "takes_registrations": True,
        "questions": [
            RegistrationQuestion.NATIONALITY,
            RegistrationQuestion.UNIVERSITY,
            RegistrationQuestion.DIETARY,
        ],
        "items": [
            {
                "key": "icebreaker",
                "kind": ItemKind.MEETING,
                "day": d(11, 23),
                "start": "09:30",
                "end": "10:30",
                "titles": ("破冰團康", "Ice-breakers", "アイスブレイク", "아이스브레이킹"),
                "address": "美濃區",
            },
            {
                "key": "farm",
                "kind": ItemKind.SITE_VISIT,
                "day": d(11, 23),
                "start": "10:30",
                "end": "16:00",
                "titles": ("在地農事體驗", "Farm work", "農業体験", "농사 체험"),
                "address": "美濃區",
                "book": ["coach_1", "driver_3"],
            },
            {
                "key": "party",
                "kind": ItemKind.PERFORMANCE,
                "day": d(11, 23),
                "start": "18:00",
                "end": "21:00",
                "titles": ("田園趴晚會", "Country party", "カントリーパーティー", "전원 파티"),
                "address": "旗山區",
            },
            {
                "key": "culture",
                "kind": ItemKind.SITE_VISIT,
                "day": d(11, 24),
                "start": "09:00",
                "end": "15:00",
                "titles": ("文化體驗：大樹", "Culture: Dashu", "文化体験：大樹", "문화 체험: 다수"),
                "address": "大樹區",
                "book": ["coach_1", "driver_3"],
            },
        ],
    },
    {
        "key": "envoy_tour",
        "kind": EventKind.TOUR,
        "titles": (
            "2019 Share Kaohsiung—駐台使節炫高雄",
            "Share Kaohsiung 2019: envoys' tour",
            "2019 Share Kaohsiung—駐台使節の高雄ツアー",
            "2019 Share Kaohsiung—주대만 사절 가오슝 투어",
        ),
        "summaries": (
            "邀請駐台代表、使節體驗高雄，融合市政建設、鄉土特色、科技產業及民間文化等行程，並首度舉辦「國際交流座談會」。",
            "Foreign envoys in Taiwan tour the city's projects, local life, technology and "
            "culture; the first International Exchange Forum pairs them with city departments.",
            "",
            "",
        ),
        "first": d(12, 6),
        "last": d(12, 7),
        "public": True,
        "organisations": ["diplomatic_corps"],
        "delegations": [
            {
                "organisation": "diplomatic_corps",
                "name": "駐台使節團 Envoys in Taiwan",
                "size": 30,
                "hotel": "高雄國賓大飯店 Ambassador Hotel Kaohsiung",
                "members": [],
            }
        ],
        "items": [
            {
                "key": "city_tour",
                "kind": ItemKind.SITE_VISIT,
                "day": d(12, 6),
                "start": "13:00",
                "end": "17:30",
                "titles": ("市政建設參訪", "City projects tour", "市政建設視察", "시정 건설 시찰"),
                "address": "高雄市區",
                "book": ["coach_1", "driver_3", "interpreter_en"],
                "members": True,
            },
            {
                "key": "forum",
                "kind": ItemKind.MEETING,
                "day": d(12, 7),
                "start": "09:30",
                "end": "12:00",
                "titles": (
                    "國際交流座談會",
                    "International Exchange Forum",
                    "国際交流フォーラム",
                    "국제교류 좌담회",
                ),
                "venue": "siwei_auditorium",
                "book": ["vip_mayor", "interpreter_en"],
                "people": ["han_kuo_yu", "wang_chih_li"],
                "staff": [("lin_yi_chun", StaffRole.LIAISON), ("chen_chih_ming", StaffRole.ESCORT)],
                "members": True,
            },
        ],
    },
]

# Visits by the people the report names; the report does not date them, so the dates (and
# so the events) are illustrative while the visitors are real.
# (person key, organisation key, date, head count, interpreter or None)
NAMED_VISITS = [
    ("christensen", "ait_taipei", d(1, 10), 4, None),
    ("oconnor", "ait_kaohsiung", d(1, 24), 3, None),
    ("kato", "jtea_kaohsiung", d(2, 20), 3, "interpreter_ja"),
    ("ohashi", "jtea_tokyo", d(3, 12), 6, "interpreter_ja"),
    ("reeves", "canada_office", d(4, 23), 3, None),
    ("moriarty", "ait", d(5, 2), 5, None),
    ("sasaki", "ldp", d(5, 16), 8, "interpreter_ja"),
    ("spencer", "heritage", d(5, 28), 6, None),
    ("kabashima", "kumamoto", d(7, 18), 15, "interpreter_ja"),
    ("negroponte", "wilson_center", d(9, 10), 5, None),
    ("bae", "daegu_council", d(9, 26), 10, "interpreter_ko"),
    ("singapore_head", "singapore_office", d(10, 15), 3, None),
    ("nz_head", "nz_office", d(10, 30), 3, None),
    ("fuchssteiner", "austria_office", d(11, 12), 3, None),
    ("cowan", "australia_office", d(11, 27), 3, None),
]
# The Heritage Foundation's founder came with its vice president.
COMPANIONS = {"spencer": ["feulner"]}


def _illustrative_visit_dates(count):
    """Weekdays spread over the year, for the visits the report counts but does not name."""
    dates = []
    for index in range(count):
        day = d(1, 7) + datetime.timedelta(days=round(index * 340 / count))
        while day.weekday() >= 5:
            day += datetime.timedelta(days=1)
        dates.append(day)
    return dates


def _inbound_count_and_size():
    count = size = 0
    for event in EVENTS:
        for delegation in event.get("delegations", []):
            if delegation.get("direction", Direction.INBOUND) == Direction.INBOUND:
                count += 1
                size += delegation["size"]
    count += len(NAMED_VISITS)
    size += sum(visit[3] for visit in NAMED_VISITS)
    return count, size


def _illustrative_visit_sizes():
    """Head counts for the unnamed visits, so that the year adds up to the report's totals."""
    named_count, named_size = _inbound_count_and_size()
    count = VISITS_2019 - named_count
    remaining = VISITORS_2019 - named_size
    base, extra = divmod(remaining, count)
    return [base + (1 if index < extra else 0) for index in range(count)]


# Loading -----------------------------------------------------------------------------------


def load(stdout=None):
    """Load the 2019 resources, events and visits (after the CRM demo); returns the resources."""
    report(stdout, gettext("Events: venues, vehicles, drivers and interpreters"))
    resources = _load_resources()
    report(stdout, gettext("Events: the 2019 programme"))
    for spec in EVENTS:
        _load_event(spec, resources)
    report(stdout, gettext("Events: visits by the people the report names"))
    _load_named_visits(resources)
    report(stdout, gettext("Events: illustrative visits up to the report's totals"))
    _load_illustrative_visits()
    return resources


def load_everyday_bookings(resources, stdout=None):
    """Fill the rooms' and cars' 2019 bookings up to the report's totals (after every event)."""
    report(stdout, gettext("Events: everyday room and car bookings up to the report's totals"))
    _load_standalone_bookings(resources, stdout)


def _event_values(spec):
    if spec.get("all_day", True):
        starts_at, ends_at = at(spec["first"], "00:00"), at(spec["last"], "23:59")
    else:
        starts_at, ends_at = spec["starts_at"], spec["ends_at"]
    return {
        "kind": spec["kind"],
        **translated("title", *spec["titles"]),
        **translated("summary", *spec.get("summaries", ())),
        **translated("consent_text", *spec.get("consent", ())),
        "starts_at": starts_at,
        "ends_at": ends_at,
        "all_day": spec.get("all_day", True),
        "status": EventStatus.CONFIRMED,
        "is_public": spec.get("public", False),
        "host_organisation": crm_demo.organisation("office"),
        "capacity": spec.get("capacity"),
        "takes_registrations": spec.get("takes_registrations", False),
        "registration_questions": [str(q) for q in spec.get("questions", [])],
        "is_illustrative": spec.get("illustrative", False),
    }


def _load_event(spec, resources):
    values = {**_event_values(spec), "venue": resources[spec["venue"]] if "venue" in spec else None}
    event = upsert(Event, {"uid": demo_uid("event", spec["key"])}, values)
    set_related(
        event, "organisations", [crm_demo.organisation(k) for k in spec.get("organisations", [])]
    )
    ties = [_tie(key) for key in spec.get("relationships", [])]
    set_related(event, "relationships", ties)
    members = []
    for delegation_spec in spec.get("delegations", []):
        members += _load_delegation(event, delegation_spec)
    for item_spec in spec.get("items", []):
        _load_item(event, spec, item_spec, resources, members)
    for person_key, status, companions in spec.get("invitations", []):
        _load_invitation(event, person_key, status, companions)
    return event


def _tie(key):
    home = crm_demo.organisation("kaohsiung")
    return Relationship.objects.filter(
        Q(source=home, target=crm_demo.organisation(key))
        | Q(target=home, source=crm_demo.organisation(key))
    ).get()


def _load_delegation(event, spec):
    direction = spec.get("direction", Direction.INBOUND)
    illustrative = spec.get("illustrative", False)
    notes = ILLUSTRATIVE_NOTE if illustrative else (HOTEL_NOTE if spec.get("hotel") else "")
    delegation = upsert(
        Delegation,
        {
            "event": event,
            "organisation": crm_demo.organisation(spec["organisation"]),
            "direction": direction,
        },
        {
            "name": spec["name"],
            "declared_size": spec.get("size"),
            "hotel": spec.get("hotel", ""),
            "home_timezone": spec.get("timezone", ""),
            "notes": notes,
            "is_illustrative": illustrative,
        },
    )
    flights = spec.get("flights")
    members = []
    for person_key, role in spec.get("members", []):
        values = {"role": role}
        if flights and flights[2] is not None:
            (
                arrival_flight,
                arrival_airport,
                arrival_at,
                departure_flight,
                departure_airport,
                departure_at,
            ) = flights
            values.update(
                arrival_flight=arrival_flight,
                arrival_airport=arrival_airport,
                arrival_at=arrival_at,
                departure_flight=departure_flight,
                departure_airport=departure_airport,
                departure_at=departure_at,
                notes=HOTEL_NOTE,
            )
        members.append(
            upsert(
                DelegationMember,
                {"delegation": delegation, "person": crm_demo.person(person_key)},
                values,
            )
        )
    return members


def _load_item(event, event_spec, spec, resources, members):
    day = spec.get("day", event_spec["first"])
    zone = zoneinfo.ZoneInfo(spec["zone"]) if "zone" in spec else TAIPEI
    starts_at, ends_at = at(day, spec["start"], zone), at(day, spec["end"], zone)
    illustrative = event_spec.get("illustrative", False)
    item = upsert(
        ItineraryItem,
        {"uid": demo_uid("item", event_spec["key"], spec["key"])},
        {
            "event": event,
            "kind": spec["kind"],
            **translated("title", *spec["titles"]),
            "starts_at": starts_at,
            "ends_at": ends_at,
            "venue": resources[spec["venue"]] if "venue" in spec else None,
            "address": spec.get("address", ""),
            "is_public": spec.get("public", True),
            "private_notes": ILLUSTRATIVE_NOTE if illustrative else TIMES_NOTE,
        },
    )
    set_related(item, "members", members if spec.get("members") else [])
    set_related(item, "people", [crm_demo.person(k) for k in spec.get("people", [])])
    booked = list(spec.get("book", []))
    if "venue" in spec:
        booked.insert(0, spec["venue"])
    purpose = f"{event_spec['titles'][0]}：{spec['titles'][0]}"
    for key in booked:
        _book_for_item(item, resources[key], purpose)
    staff = [(crm_demo.person(k), role, "", "") for k, role in spec.get("staff", [])]
    for key in booked:
        if key in INTERPRETERS:
            person_key, language, _names = INTERPRETERS[key]
            staff.append((crm_demo.person(person_key), StaffRole.INTERPRETER, "zh-hant", language))
    for person, role, language_from, language_to in staff:
        upsert(
            ItineraryStaff,
            {"item": item, "person": person, "role": role},
            {"language_from": language_from, "language_to": language_to},
        )
    return item


def _book_for_item(item, resource, purpose):
    booking = Booking.objects.filter(item=item, resource=resource).first()
    if booking is None:
        create_booking(
            resource,
            starts_at=item.starts_at,
            ends_at=item.ends_at,
            item=item,
            purpose=purpose,
            requested_by=OFFICE_NAME,
        )
    else:
        upsert(
            Booking,
            {"pk": booking.pk},
            {
                "starts_at": item.starts_at,
                "ends_at": item.ends_at,
                "status": BookingStatus.CONFIRMED,
                "purpose": purpose,
            },
        )


def _load_invitation(event, person_key, status, companions):
    person = crm_demo.person(person_key)
    respond_by = at(
        event.starts_at.astimezone(TAIPEI).date() - datetime.timedelta(days=14), "17:00"
    )
    if not Invitation.objects.filter(event=event, person=person).exists():
        invite_person(event, person, respond_by=respond_by, max_companions=1)
    responded = status != InvitationStatus.PENDING
    upsert(
        Invitation,
        {"event": event, "person": person},
        {
            "status": status,
            "companions": companions,
            "max_companions": 1,
            "respond_by": respond_by,
            "sent_at": respond_by - datetime.timedelta(days=21),
            "responded_at": respond_by - datetime.timedelta(days=7) if responded else None,
            # The report names no invitees: the guest list is illustrative.
            "is_illustrative": True,
        },
    )


def _load_named_visits(resources):
    for person_key, org_key, day, size, interpreter in NAMED_VISITS:
        person = crm_demo.person(person_key)
        organisation = crm_demo.organisation(org_key)
        spec = {
            "key": f"visit_{person_key}",
            "kind": EventKind.COURTESY_VISIT,
            "titles": (
                f"{organisation.name_zh_hant}{person.chinese_name}拜會市長",
                f"Courtesy call: {person.full_name}, {organisation.name_en}",
                f"{organisation.name_ja} {person.chinese_name} 表敬訪問",
                f"{organisation.name_ko} {person.full_name} 예방",
            ),
            "first": day,
            "last": day,
            "all_day": False,
            "starts_at": at(day, "10:00"),
            "ends_at": at(day, "11:00"),
            "illustrative": True,
            "organisations": [org_key],
            "delegations": [
                {
                    "organisation": org_key,
                    "name": f"{organisation.name_zh_hant}訪問團 {organisation.name_en} delegation",
                    "size": size,
                    "members": [(person_key, MemberRole.HEAD)]
                    + [(k, MemberRole.MEMBER) for k in COMPANIONS.get(person_key, [])],
                }
            ],
            "items": [
                {
                    "key": "call",
                    "kind": ItemKind.CALL,
                    "start": "10:00",
                    "end": "10:45",
                    "titles": ("拜會市長", "Call on the mayor", "市長表敬訪問", "시장 예방"),
                    "address": "四維行政中心市長室",
                    "book": ["vip_mayor"] + ([interpreter] if interpreter else []),
                    "people": ["han_kuo_yu"],
                    "staff": [("chen_chih_ming", StaffRole.LIAISON)],
                    "members": True,
                }
            ],
        }
        _load_event(spec, resources)


def _load_illustrative_visits():
    sizes = _illustrative_visit_sizes()
    dates = _illustrative_visit_dates(len(sizes))
    partners = crm_demo.listed_partners()
    for index, (size, day) in enumerate(zip(sizes, dates, strict=True), start=1):
        name = partners[(index - 1) % len(partners)]
        organisation = crm_demo.organisation(crm_demo.listed_key(name))
        event = upsert(
            Event,
            {"uid": demo_uid("event", f"illustrative_visit_{index:02d}")},
            {
                "kind": EventKind.INBOUND_DELEGATION if index % 2 else EventKind.COURTESY_VISIT,
                **translated(
                    "title",
                    f"示例訪團 {index:02d}：{organisation.name_zh_hant}",
                    f"Illustrative visit {index:02d}: {organisation.name_en}",
                    f"例示の訪問 {index:02d}：{organisation.name_ja or organisation.name_en}",
                    f"예시 방문 {index:02d}: {organisation.name_ko or organisation.name_en}",
                ),
                "starts_at": at(day, "14:00"),
                "ends_at": at(day, "16:00"),
                "all_day": False,
                "status": EventStatus.CONFIRMED,
                "is_public": False,
                "host_organisation": crm_demo.organisation("office"),
                "is_illustrative": True,
            },
        )
        set_related(event, "organisations", [organisation])
        upsert(
            Delegation,
            {"event": event, "organisation": organisation, "direction": Direction.INBOUND},
            {
                "name": f"{organisation.name_zh_hant}訪問團 {organisation.name_en} delegation",
                "declared_size": size,
                "notes": ILLUSTRATIVE_NOTE,
                "is_illustrative": True,
            },
        )


# Everyday bookings -------------------------------------------------------------------------

ROOM_SLOTS = (("09:00", "10:30"), ("10:30", "12:00"), ("14:00", "15:30"), ("15:30", "17:00"))
HALL_SLOTS = (("09:00", "12:00"), ("14:00", "17:00"))
TRIP_SLOTS = (("08:30", "10:00"), ("10:30", "12:00"), ("13:30", "15:00"), ("15:30", "17:00"))
DEPARTMENTS = (
    "都市發展局",
    "觀光局",
    "經濟發展局",
    "教育局",
    "社會局",
    "文化局",
    "衛生局",
    "交通局",
    "環境保護局",
    "青年局",
)
TRIP_PLACES = (
    "四維行政中心",
    "鳳山行政中心",
    "高雄國際機場",
    "高雄市議會",
    "高雄展覽館",
    "高雄車站",
)


BOOKING_FIELDS = [
    "resource",
    "starts_at",
    "ends_at",
    "status",
    "purpose",
    "requested_by",
    "pickup_address",
    "dropoff_address",
]


def _weekdays():
    day = d(1, 2)
    while day.year == YEAR:
        if day.weekday() < 5:
            yield day
        day += datetime.timedelta(days=1)


def _booking_groups(resources):
    """(name, resources, slots, target) for every total the report gives."""
    groups = []
    for building in BUILDINGS:
        for group, slots, targets in (
            ("rooms", ROOM_SLOTS, ROOM_BOOKINGS_2019),
            ("halls", HALL_SLOTS, HALL_OPENINGS_2019),
        ):
            members = [
                resources[key]
                for key, venue in VENUES.items()
                if venue[0] == building and venue[4] == group
            ]
            groups.append((f"{building}_{group}", members, slots, targets[building]))
    vehicles = [resources[key] for key in VEHICLES]
    groups.append(("vehicles", vehicles, TRIP_SLOTS, VEHICLE_TRIPS_2019))
    return groups


def _is_demo_standalone(queryset):
    return queryset.filter(item__isnull=True, purpose__startswith=ILLUSTRATIVE_MARK)


def _standalone_wanted(name, members, slots, target):
    """The invented bookings that, with the real ones, make up the report's total."""
    in_year = Booking.objects.confirmed().filter(resource__in=members, starts_at__year=YEAR)
    others = in_year.exclude(pk__in=_is_demo_standalone(in_year).values("pk"))
    taken = {}
    for resource_id, starts_at, ends_at in others.values_list(
        "resource_id", "starts_at", "ends_at"
    ):
        taken.setdefault(resource_id, []).append((starts_at, ends_at))
    for intervals in taken.values():
        intervals.sort()
    needed = target - sum(len(intervals) for intervals in taken.values())
    if needed < 0:
        raise ValueError(
            f"{name}: {target - needed} bookings in {YEAR} already exceed the report's {target}."
        )
    candidates = []
    for day in _weekdays():
        for start, end in slots:
            starts_at, ends_at = at(day, start), at(day, end)
            for resource in members:
                if not _clashes(taken.get(resource.pk, []), starts_at, ends_at):
                    candidates.append((resource, starts_at, ends_at))
    if needed > len(candidates):
        raise ValueError(f"{name}: only {len(candidates)} free slots for {needed} bookings.")
    # Evenly spread over the year, the same choice on every run.
    return [candidates[index * len(candidates) // needed] for index in range(needed)]


def _clashes(intervals, starts_at, ends_at):
    position = bisect_left(intervals, (ends_at,))
    return any(other_end > starts_at for _other_start, other_end in intervals[:position])


def _standalone_booking(group, index, resource, starts_at, ends_at):
    department = DEPARTMENTS[index % len(DEPARTMENTS)]
    values = {
        "resource_id": resource.pk,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "status": BookingStatus.CONFIRMED,
        "requested_by": department,
        "pickup_address": "",
        "dropoff_address": "",
    }
    if group == "vehicles":
        values["purpose"] = f"{ILLUSTRATIVE_MARK}公務派車"
        values["pickup_address"] = TRIP_PLACES[index % len(TRIP_PLACES)]
        values["dropoff_address"] = TRIP_PLACES[(index + 2) % len(TRIP_PLACES)]
    elif group.endswith("halls"):
        values["purpose"] = f"{ILLUSTRATIVE_MARK}{department}活動場地借用"
    else:
        values["purpose"] = f"{ILLUSTRATIVE_MARK}{department}會議"
    return values


def _load_standalone_bookings(resources, stdout):
    for group, members, slots, target in _booking_groups(resources):
        wanted = {}
        for index, (resource, starts_at, ends_at) in enumerate(
            _standalone_wanted(group, members, slots, target)
        ):
            uid = demo_uid("booking", group, str(resource.pk), starts_at.isoformat())
            wanted[uid] = _standalone_booking(group, index, resource, starts_at, ends_at)
        existing = _is_demo_standalone(Booking.objects.filter(resource__in=members))
        existing.exclude(uid__in=list(wanted)).delete()
        current = {booking.uid: booking for booking in existing.filter(uid__in=list(wanted))}
        changed = []
        for uid, values in wanted.items():
            booking = current.get(uid)
            if booking is None:
                continue
            if any(getattr(booking, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(booking, name, value)
                changed.append(booking)
        Booking.objects.bulk_update(changed, BOOKING_FIELDS, batch_size=500)
        Booking.objects.bulk_create(
            [Booking(uid=uid, **values) for uid, values in wanted.items() if uid not in current],
            batch_size=500,
        )
        report(
            stdout,
            gettext("  %(group)s: %(count)d invented bookings, %(target)d in %(year)d in all")
            % {"group": group, "count": len(wanted), "target": target, "year": YEAR},
        )

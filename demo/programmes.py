"""Demo data for the summer camp, the envoys' tour and the freshmen party of 2019.

The report gives these events' dates, places and sizes (about 200 students from 26 countries
and regions at 10 universities for the party); who applied, who was accepted, groups, rooms,
manifests, interests and forum meetings are illustrative. Registrations and invitations carry
is_illustrative=True; rows without the flag are reachable only through illustrative ones.
Plans that services make (groups, rooms, manifests, forum table) are made on the first load
and left as they are on later loads, so loading twice changes nothing.
"""

import datetime
import hashlib

from django.utils.translation import gettext

from crm.models import CooperationArea, Interaction, Person
from demo import crm as crm_demo
from demo.common import ILLUSTRATIVE_NOTE, TAIPEI, at, d, demo_uid, report, translated, upsert
from events.enums import InvitationStatus, ItemKind, RegistrationStatus
from events.models import (
    DepartmentArea,
    EnvoyInterest,
    Event,
    Invitation,
    ItineraryItem,
    Registration,
    ThankYouLetter,
)
from events.programmes.camp.services import (
    allocate_rooms,
    book_transfer_vehicles,
    form_camp_groups,
    quota_key,
)
from events.programmes.envoy_tour.selectors import envoys_as_of
from events.programmes.envoy_tour.services import (
    assign_interpreters,
    pair_forum,
    plan_transfer,
    record_tour_follow_ups,
)
from events.services.invitations import invite_person
from events.services.registrations import CHECKIN_ALPHABET, CHECKIN_LENGTH

CAMP_QUOTA, CAMP_PLACES = 3, 30
CAMP_HOTEL = "高雄國際青年會館（示例）Kaohsiung youth hostel (illustrative)"

# (home organisation key or None, university, nationality, language, applicants as
# (family, given, native)); scores are illustrative.
CAMP_APPLICANTS = [
    (
        "suwon",
        "",
        "KR",
        "ko",
        [
            ("Kim", "Minji", "김민지"),
            ("Lee", "Seojun", "이서준"),
            ("Park", "Jiwoo", "박지우"),
            ("Choi", "Yuna", "최유나"),
            ("Jung", "Hajun", "정하준"),
        ],
    ),
    (
        "akita",
        "",
        "JP",
        "ja",
        [
            ("Sato", "Yui", "佐藤結衣"),
            ("Suzuki", "Haruto", "鈴木陽翔"),
            ("Takahashi", "Aoi", "高橋葵"),
            ("Tanaka", "Sota", "田中蒼太"),
        ],
    ),
    (
        "kumamoto",
        "",
        "JP",
        "ja",
        [
            ("Watanabe", "Rin", "渡辺凛"),
            ("Ito", "Yuto", "伊藤悠斗"),
            ("Yamamoto", "Mei", "山本芽依"),
            ("Nakamura", "Ren", "中村蓮"),
        ],
    ),
    (
        "hachioji",
        "",
        "JP",
        "ja",
        [
            ("Kobayashi", "Hina", "小林陽菜"),
            ("Kato", "Minato", "加藤湊"),
            ("Yoshida", "Sakura", "吉田さくら"),
        ],
    ),
    (
        "portland",
        "",
        "US",
        "en",
        [("Miller", "Olivia", ""), ("Davis", "Ethan", ""), ("Garcia", "Sofia", "")],
    ),
    (
        "brisbane",
        "",
        "AU",
        "en",
        [("Wilson", "Charlotte", ""), ("Taylor", "Jack", ""), ("Brown", "Amelia", "")],
    ),
    ("belize_city", "", "BZ", "en", [("Young", "Daniel", ""), ("Castillo", "Maria", "")]),
    (
        None,
        "國立中山大學 National Sun Yat-sen University",
        "TW",
        "zh-hant",
        [
            ("陳", "怡君", "陳怡君"),
            ("林", "家豪", "林家豪"),
            ("黃", "詩涵", "黃詩涵"),
            ("張", "冠宇", "張冠宇"),
        ],
    ),
    (
        None,
        "國立高雄師範大學 National Kaohsiung Normal University",
        "TW",
        "zh-hant",
        [("李", "雅婷", "李雅婷"), ("王", "柏翰", "王柏翰"), ("吳", "欣怡", "吳欣怡")],
    ),
    (
        None,
        "文藻外語大學 Wenzao Ursuline University of Languages",
        "TW",
        "zh-hant",
        [("劉", "品妤", "劉品妤"), ("蔡", "宗翰", "蔡宗翰"), ("楊", "子涵", "楊子涵")],
    ),
]
# Local students who looked after the camp's groups (illustrative people).
CAMP_BUDDIES = [("周", "雅筑"), ("許", "承恩"), ("鄭", "心怡"), ("謝", "孟軒")]

CAMP_TRANSFERS = [
    {
        "key": "transfer_opening",
        "day": d(8, 12),
        "start": "08:00",
        "end": "08:45",
        "titles": (
            "接駁：住宿地點至四維行政中心",
            "Transfer: hostel to the Siwei Administrative Center",
            "送迎：宿舎から四維行政センターへ",
            "셔틀: 숙소에서 쓰웨이 행정센터로",
        ),
        "address": "高雄市苓雅區四維三路2號",
    },
    {
        "key": "transfer_closing",
        "day": d(8, 17),
        "start": "09:00",
        "end": "09:45",
        "titles": (
            "接駁：住宿地點至鳳山行政中心",
            "Transfer: hostel to the Fengshan Administrative Center",
            "送迎：宿舎から鳳山行政センターへ",
            "셔틀: 숙소에서 펑산 행정센터로",
        ),
        "address": "高雄市鳳山區光復路二段132號",
    },
]

ENVOY_TRANSFERS = [
    {
        "key": "transfer_hsr",
        "day": d(12, 6),
        "start": "12:10",
        "end": "12:55",
        "titles": (
            "接駁：高鐵左營站至市政建設參訪",
            "Transfer: Zuoying HSR station to the city projects tour",
            "送迎：高鉄左営駅から市政建設視察へ",
            "셔틀: 쭤잉 고속철도역에서 시정 건설 시찰로",
        ),
        "address": "高雄市區",
    },
    {
        "key": "transfer_forum",
        "day": d(12, 7),
        "start": "08:50",
        "end": "09:25",
        "titles": (
            "接駁：飯店至國際交流座談會",
            "Transfer: hotel to the International Exchange Forum",
            "送迎：ホテルから国際交流フォーラムへ",
            "셔틀: 호텔에서 국제교류 좌담회로",
        ),
        "address": "高雄市苓雅區四維三路2號",
    },
]
ENVOY_PICKUPS = {
    "transfer_hsr": "高鐵左營站 Zuoying HSR station",
    "transfer_forum": "高雄國賓大飯店 Ambassador Hotel Kaohsiung",
}
ENVOY_VEHICLES = ["van_1", "van_2", "sedan_1", "sedan_2"]
ENVOY_DRIVERS = ["driver_1", "driver_2", "driver_3"]
# Areas each city department can discuss at the forum: the department's own remit.
DEPARTMENT_AREAS = {
    "office": ["culture", "tourism", "trade", "youth"],
    "education_bureau": ["education", "youth"],
    "sports_bureau": ["sport"],
    "water_bureau": ["environment"],
    "works_bureau": ["urban-development", "transport"],
}
# The envoys' stated interests, dealt out in turn (illustrative).
INTEREST_SETS = [
    ["trade", "tourism"],
    ["education", "culture"],
    ["environment", "urban-development"],
    ["sport", "youth"],
    ["trade", "transport"],
    ["tourism", "education"],
]
DECLINED_EVERY = 6  # every sixth envoy sends regrets

# 10 universities and 26 countries and regions (the report's figures); the split is invented.
UNIVERSITIES = [
    "國立中山大學 National Sun Yat-sen University",
    "國立高雄科技大學 National Kaohsiung University of Science and Technology",
    "高雄醫學大學 Kaohsiung Medical University",
    "文藻外語大學 Wenzao Ursuline University of Languages",
    "義守大學 I-Shou University",
    "國立高雄師範大學 National Kaohsiung Normal University",
    "國立高雄大學 National University of Kaohsiung",
    "樹德科技大學 Shu-Te University",
    "正修科技大學 Cheng Shiu University",
    "實踐大學高雄校區 Shih Chien University Kaohsiung Campus",
]
# Students per university, in the order above (200 in all).
UNIVERSITY_SIZES = [40, 30, 26, 22, 20, 18, 14, 12, 10, 8]
# (country, students, family names, given names)
FRESHMEN = [
    ("VN", 31, ["Nguyen", "Tran", "Le", "Pham"], ["Anh", "Minh", "Linh", "Huy"]),
    ("ID", 24, ["Wijaya", "Santoso", "Putri"], ["Ayu", "Budi", "Dewi", "Rizky"]),
    ("MY", 16, ["Tan", "Lim", "Wong"], ["Wei Ling", "Jun Hao", "Mei Xin"]),
    ("TH", 12, ["Srisuk", "Chaiyaporn"], ["Nattapong", "Siriporn", "Kanya"]),
    ("PH", 10, ["Santos", "Reyes", "Cruz"], ["Maria", "Jose", "Angelica"]),
    ("IN", 10, ["Sharma", "Patel", "Iyer"], ["Aarav", "Priya", "Rohan"]),
    ("JP", 10, ["Sato", "Suzuki", "Takahashi"], ["Yui", "Haruto", "Aoi"]),
    ("KR", 8, ["Kim", "Lee", "Park"], ["Minji", "Seojun", "Jiwoo"]),
    ("MN", 8, ["Bat-Erdene", "Gantulga"], ["Anu", "Temuulen"]),
    ("US", 8, ["Smith", "Johnson", "Brown"], ["Emma", "Liam", "Noah"]),
    ("FR", 6, ["Martin", "Bernard"], ["Léa", "Hugo", "Chloé"]),
    ("DE", 6, ["Müller", "Schmidt"], ["Lukas", "Mia", "Felix"]),
    ("HN", 5, ["Hernández", "López"], ["Carlos", "Daniela"]),
    ("GT", 5, ["Morales", "Ramírez"], ["Luis", "Andrea"]),
    ("PY", 5, ["Benítez", "Giménez"], ["Diego", "Lucía"]),
    ("SZ", 4, ["Dlamini", "Nkambule"], ["Sipho", "Nomsa"]),
    ("HT", 4, ["Joseph", "Pierre"], ["Jean", "Marie"]),
    ("BZ", 4, ["Young", "Castillo"], ["Daniel", "Grace"]),
    ("NI", 4, ["García", "Martínez"], ["José", "Ana"]),
    ("MX", 4, ["Hernández", "González"], ["Sofía", "Mateo"]),
    ("GB", 3, ["Jones", "Evans"], ["Oliver", "Amelia"]),
    ("CA", 3, ["Tremblay", "Roy"], ["Noah", "Olivia"]),
    ("ES", 3, ["García", "Fernández"], ["Pablo", "Carmen"]),
    ("PL", 3, ["Nowak", "Kowalski"], ["Jakub", "Zuzanna"]),
    ("RU", 2, ["Ivanov", "Smirnova"], ["Dmitri", "Anna"]),
    ("NG", 2, ["Okafor", "Adeyemi"], ["Chinedu", "Amaka"]),
]
# Those who registered but did not come on the day (illustrative).
NO_SHOW_EVERY = 17


def checkin_code(*parts):
    """A check-in code that is the same every time the demo is loaded."""
    digest = hashlib.sha256(":".join(("demo-checkin", *parts)).encode()).digest()
    return "".join(CHECKIN_ALPHABET[b % len(CHECKIN_ALPHABET)] for b in digest[:CHECKIN_LENGTH])


def load(resources, stdout=None):
    """Load the demo's camp, tour and party data (after the 2019 events, before the filler)."""
    report(stdout, gettext("Events: the summer camp's applicants, groups, rooms and transfers"))
    _load_camp(resources)
    report(stdout, gettext("Events: the envoys' tour invitations, manifests and forum"))
    _load_envoy_tour(resources)
    report(stdout, gettext("Events: the freshmen party's registrations and check-ins"))
    _load_freshmen_party()


def _event(key):
    return Event.objects.get(uid=demo_uid("event", key))


def _window(event, opens, closes):
    return upsert(
        Event,
        {"pk": event.pk},
        {"registration_opens_at": opens, "registration_closes_at": closes},
    )


def _transfer(event, event_key, spec):
    return upsert(
        ItineraryItem,
        {"uid": demo_uid("item", event_key, spec["key"])},
        {
            "event": event,
            "kind": ItemKind.TRANSFER,
            **translated("title", *spec["titles"]),
            "starts_at": at(spec["day"], spec["start"]),
            "ends_at": at(spec["day"], spec["end"]),
            "address": spec["address"],
            "is_public": False,
            "private_notes": ILLUSTRATIVE_NOTE,
        },
    )


def _registration(event, email, values):
    return upsert(
        Registration, {"event": event, "email": email}, {**values, "is_illustrative": True}
    )


# Camp --------------------------------------------------------------------------------------


def _camp_statuses(applicants):
    """Accept by score within the quota per city or university and the places; waitlist the
    rest (what rank_and_accept decides, computed here so that loading sends no mail)."""
    taken, accepted, statuses = {}, 0, {}
    for registration in sorted(applicants, key=lambda r: (-r.score, r.email)):
        key = quota_key(registration)
        fits = accepted < CAMP_PLACES and taken.get(key, 0) < CAMP_QUOTA
        statuses[registration.email] = (
            RegistrationStatus.ACCEPTED if fits else RegistrationStatus.WAITLISTED
        )
        if fits:
            taken[key] = taken.get(key, 0) + 1
            accepted += 1
    return statuses


def _load_camp(resources):
    event = _event("summer_camp")
    _window(event, at(d(5, 1), "09:00"), at(d(6, 30), "17:00"))
    applicants = []
    number = 0
    for org_key, university, country, language, people in CAMP_APPLICANTS:
        organisation = crm_demo.organisation(org_key) if org_key else None
        for family, given, native in people:
            number += 1
            applicants.append(
                Registration(
                    event=event,
                    email=f"camp{number:02d}@example.org",
                    family_name=family,
                    given_name=given,
                    native_name=native,
                    language=language,
                    nationality=country,
                    university=university,
                    home_organisation=organisation,
                    # Illustrative review scores: a spread that ranks within each city.
                    score=100 - (number * 37) % 41,
                )
            )
    statuses = _camp_statuses(applicants)
    for index, applicant in enumerate(applicants):
        status = statuses[applicant.email]
        _registration(
            event,
            applicant.email,
            {
                "family_name": applicant.family_name,
                "given_name": applicant.given_name,
                "native_name": applicant.native_name,
                "language": applicant.language,
                "nationality": applicant.nationality,
                "university": applicant.university,
                "home_organisation": applicant.home_organisation,
                "score": applicant.score,
                "status": status,
                "emergency_contact_name": f"{applicant.family_name} (parent)",
                "emergency_contact_phone": f"+8869{index:08d}",
                "consent_given_at": at(d(5, 10), "10:00") + datetime.timedelta(hours=index),
                "reviewed_at": at(d(7, 5), "15:00"),
                "review_note": ILLUSTRATIVE_NOTE,
                "checkin_code": checkin_code("camp", applicant.email)
                if status == RegistrationStatus.ACCEPTED
                else None,
            },
        )
    buddies = [
        upsert(
            Person,
            {"family_name": family, "given_name": given},
            {
                "native_name": family + given,
                "name_order": "family_first",
                "preferred_languages": ["zh-hant", "en"],
                "notes": "夏令營在地學伴。Local buddy at the summer camp.",
                "is_illustrative": True,
            },
        )
        for family, given in CAMP_BUDDIES
    ]
    if not event.camp_groups.exists():
        form_camp_groups(event, buddies=buddies)
    if not event.room_assignments.exists():
        allocate_rooms(event, hotel=CAMP_HOTEL, room_size=2, first_room=301)
    for spec in CAMP_TRANSFERS:
        _transfer(event, "summer_camp", spec)
    # Books only what is not booked yet, so a second load books nothing.
    book_transfer_vehicles(event, vehicles=[resources["coach_1"]], drivers=[resources["driver_3"]])


# Envoy tour --------------------------------------------------------------------------------


def _load_envoy_tour(resources):
    event = _event("envoy_tour")
    day = d(12, 6)
    respond_by = at(d(11, 22), "17:00")
    envoys = envoys_as_of(day)
    areas = {area.slug: area for area in CooperationArea.objects.all()}
    for index, person in enumerate(envoys, start=1):
        if not Invitation.objects.filter(event=event, person=person).exists():
            invite_person(event, person, respond_by=respond_by, max_companions=2)
        declined = index % DECLINED_EVERY == 0
        invitation = upsert(
            Invitation,
            {"event": event, "person": person},
            {
                "status": InvitationStatus.DECLINED if declined else InvitationStatus.ACCEPTED,
                "companions": 0 if declined else index % 3,
                "max_companions": 2,
                "respond_by": respond_by,
                "sent_at": at(d(11, 1), "10:00"),
                "responded_at": at(d(11, 8), "10:00") + datetime.timedelta(hours=index),
                "is_illustrative": True,
            },
        )
        if not declined:
            for slug in INTEREST_SETS[index % len(INTEREST_SETS)]:
                EnvoyInterest.objects.get_or_create(invitation=invitation, area=areas[slug])
    for key, slugs in DEPARTMENT_AREAS.items():
        department = crm_demo.organisation(key)
        for slug in slugs:
            DepartmentArea.objects.get_or_create(department=department, area=areas[slug])
    vehicles = [resources[key] for key in ENVOY_VEHICLES]
    drivers = [resources[key] for key in ENVOY_DRIVERS]
    for spec in ENVOY_TRANSFERS:
        leg = _transfer(event, "envoy_tour", spec)
        if not leg.transport.exists():
            plan_transfer(
                leg, vehicles=vehicles, drivers=drivers, pickup_address=ENVOY_PICKUPS[spec["key"]]
            )
    # Covers only languages not yet covered; Austria's German finds no interpreter on record.
    assign_interpreters(event)
    if not event.forum_meetings.exists():
        pair_forum(event, starts_at=at(d(12, 7), "10:00"), slot_minutes=15, slot_count=8)
    follow_ups = record_tour_follow_ups(event, user=None, on=d(12, 12))
    logged = [*follow_ups.letters, *follow_ups.meetings]
    logged_pks = [interaction.pk for interaction in logged]
    logged_pks += list(
        ThankYouLetter.objects.filter(invitation__event=event).values_list("interaction", flat=True)
    )
    logged_pks += list(
        event.forum_meetings.exclude(interaction=None).values_list("interaction", flat=True)
    )
    for pk in sorted(set(logged_pks)):
        upsert(Interaction, {"pk": pk}, {"is_illustrative": True})


# Freshmen party ----------------------------------------------------------------------------


def _university(number):
    """Spread the students over the universities in UNIVERSITY_SIZES, countries mixed."""
    # 37 is prime to 200, so n -> 37n mod 200 visits every place once.
    place = (number * 37) % sum(UNIVERSITY_SIZES)
    for university, size in zip(UNIVERSITIES, UNIVERSITY_SIZES):
        if place < size:
            return university
        place -= size
    raise ValueError(number)


def _load_freshmen_party():
    event = _event("freshmen_party")
    _window(event, at(d(10, 1), "09:00"), at(d(11, 15), "17:00"))
    arrival = datetime.datetime(2019, 11, 23, 8, 30, tzinfo=TAIPEI)
    number = 0
    for country, count, families, givens in FRESHMEN:
        for n in range(count):
            number += 1
            came = number % NO_SHOW_EVERY != 0
            _registration(
                event,
                f"freshman{number:03d}@example.edu",
                {
                    "family_name": families[n % len(families)],
                    "given_name": givens[(n // len(families)) % len(givens)],
                    "language": "en",
                    "nationality": country,
                    "university": _university(number),
                    "status": RegistrationStatus.ACCEPTED,
                    "consent_given_at": at(d(10, 15), "12:00"),
                    "checkin_code": checkin_code("freshmen", str(number)),
                    "checked_in_at": arrival + datetime.timedelta(seconds=20 * number)
                    if came
                    else None,
                },
            )

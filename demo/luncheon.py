"""The 2019 International Luncheon's guest list and seating plan, for the demo.

The report says about 140 guests came, with delegations of 9 cities, and names none of them
beyond the Suwon mayor: every guest added here, their invitation and their reply are
illustrative. People the CRM demo already holds (the city's leaders, the heads of the
representative offices, the Suwon delegation) are invited as themselves. Every row is found
by a natural key and saved only when a value differs, and the seating plan is generated only
when its guests changed, so loading twice changes nothing.
"""

import datetime
import itertools

from django.utils.translation import gettext

from crm.enums import NameOrder, OfficeRank, OrganisationKind
from crm.models import Affiliation, Organisation, Person
from demo import crm as crm_demo
from demo.common import ILLUSTRATIVE_NOTE, TAIPEI, at, demo_uid, report, translated, upsert
from demo.events import LUNCHEON_PARTNERS
from events.enums import Direction, InvitationStatus, MemberRole
from events.models import Delegation, DelegationMember, Event, Invitation, Seat, SeatingPlan
from events.seating.selectors import guests_to_seat
from events.seating.services import configure_seating_plan, generate_seating_plan
from events.services.invitations import invite_person

TABLE_SIZE = 10
FAMILY_FIRST = NameOrder.FAMILY_FIRST
GIVEN_FIRST = NameOrder.GIVEN_FIRST

# Name pools per country: (romanised, native) family and given names; native names are
# written family name first without a space, Latin-script ones given name first.
NAMES = {
    "KR": (
        [
            ("Kim", "김"),
            ("Lee", "이"),
            ("Choi", "최"),
            ("Jung", "정"),
            ("Kang", "강"),
            ("Cho", "조"),
            ("Yoon", "윤"),
            ("Jang", "장"),
            ("Lim", "임"),
            ("Shin", "신"),
        ],
        [
            ("Ji-ho", "지호"),
            ("Seo-jun", "서준"),
            ("Ha-eun", "하은"),
            ("Do-yun", "도윤"),
            ("Min-seo", "민서"),
            ("Ye-jin", "예진"),
            ("Hyun-woo", "현우"),
            ("Su-bin", "수빈"),
            ("Jae-won", "재원"),
            ("Eun-ji", "은지"),
            ("Sung-min", "성민"),
            ("Dong-hyun", "동현"),
        ],
    ),
    "JP": (
        [
            ("Tanaka", "田中"),
            ("Suzuki", "鈴木"),
            ("Takahashi", "高橋"),
            ("Watanabe", "渡辺"),
            ("Ito", "伊藤"),
            ("Yamamoto", "山本"),
            ("Nakamura", "中村"),
            ("Kobayashi", "小林"),
            ("Yoshida", "吉田"),
            ("Yamada", "山田"),
        ],
        [
            ("Hiroshi", "浩"),
            ("Yuki", "由紀"),
            ("Takeshi", "武"),
            ("Akiko", "明子"),
            ("Kenji", "健二"),
            ("Naoko", "直子"),
            ("Daisuke", "大輔"),
            ("Emi", "恵美"),
            ("Shota", "翔太"),
            ("Mayumi", "真由美"),
        ],
    ),
    "US": (
        [(name, name) for name in ("Carter", "Nguyen", "Rivera", "Walker", "Brooks", "Morgan")],
        [(name, name) for name in ("Emily", "Michael", "Sarah", "David", "Laura", "Thomas")],
    ),
    "PH": (
        [(name, name) for name in ("Santos", "Reyes", "Cruz", "Bautista", "Mendoza", "Ramos")],
        [(name, name) for name in ("Maria", "Jose", "Ana", "Ramon", "Carmela", "Miguel")],
    ),
    "TW": (
        [
            ("Chen", "陳"),
            ("Lin", "林"),
            ("Huang", "黃"),
            ("Chang", "張"),
            ("Li", "李"),
            ("Wang", "王"),
            ("Wu", "吳"),
            ("Liu", "劉"),
            ("Yang", "楊"),
            ("Hsieh", "謝"),
            ("Kuo", "郭"),
            ("Hung", "洪"),
            ("Tseng", "曾"),
            ("Lo", "羅"),
        ],
        [
            ("Shu-fen", "淑芬"),
            ("Chien-hung", "建宏"),
            ("Mei-hui", "美慧"),
            ("Tsung-han", "宗翰"),
            ("Ya-hui", "雅惠"),
            ("Kuan-ting", "冠廷"),
            ("Chia-hui", "佳慧"),
            ("Wen-chieh", "文傑"),
            ("Hsin-yi", "欣怡"),
            ("Po-wei", "柏維"),
            ("I-ting", "怡婷"),
            ("Chun-hung", "俊宏"),
            ("Li-ling", "麗玲"),
            ("Yu-lun", "宇倫"),
        ],
    ),
}
NAME_ORDER = {"KR": FAMILY_FIRST, "JP": FAMILY_FIRST, "TW": FAMILY_FIRST}
LANGUAGES = {
    "KR": ["ko"],
    "JP": ["ja"],
    "US": ["en"],
    "PH": ["en"],
    "TW": ["zh-hant"],
}
INTERPRETER_LANGUAGES = {"KR": ["ko", "zh-hant"], "JP": ["ja", "zh-hant"]}

# Titles: (zh-hant, en, ja, ko) and office rank.
TITLES = {
    "mayor": (("市長", "Mayor", "市長", "시장"), OfficeRank.MAYOR),
    "deputy_mayor": (("副市長", "Deputy Mayor", "副市長", "부시장"), OfficeRank.DEPUTY),
    "councillor": (("市議員", "City Councillor", "市議会議員", "시의원"), OfficeRank.LEGISLATOR),
    "speaker": (("議長", "Speaker", "議長", "의장"), OfficeRank.LEGISLATOR),
    "international_director": (
        ("國際交流課長", "Director of International Relations", "国際交流課長", "국제교류과장"),
        OfficeRank.DIRECTOR,
    ),
    "official": (("職員", "Official", "職員", "직원"), OfficeRank.OFFICIAL),
    "interpreter": (("口譯員", "Interpreter", "通訳", "통역사"), OfficeRank.OFFICIAL),
    "press": (("隨團記者", "Press officer", "同行記者", "수행 기자"), OfficeRank.OFFICIAL),
    "bureau_director": (("局長", "Director-General", "局長", "국장"), OfficeRank.DIRECTOR),
    "bureau_deputy": (
        ("副局長", "Deputy Director-General", "副局長", "부국장"),
        OfficeRank.DIPLOMAT,
    ),
    "adviser": (("委員", "Member", "委員", "위원"), OfficeRank.DIPLOMAT),
    "president": (("校長", "President", "学長", "총장"), OfficeRank.DIRECTOR),
    "professor": (("教授", "Professor", "教授", "교수"), OfficeRank.DIPLOMAT),
    "principal": (("校長", "Principal", "校長", "교장"), OfficeRank.DIRECTOR),
    "teacher": (("教師", "Teacher", "教師", "교사"), OfficeRank.OFFICIAL),
}

# Local organisations the report does not name but a luncheon on the Xiziwan campus invites.
LOCAL_ORGANISATIONS = {
    "council": {
        "kind": OrganisationKind.OTHER,
        "names": ("高雄市議會", "Kaohsiung City Council", "高雄市議会", "가오슝시 의회"),
        "native_name": "高雄市議會",
        "country": "TW",
    },
    "nsysu": {
        "kind": OrganisationKind.UNIVERSITY,
        "names": (
            "國立中山大學",
            "National Sun Yat-sen University",
            "国立中山大学",
            "국립중산대학",
        ),
        "native_name": "國立中山大學",
        "country": "TW",
        "website": "https://www.nsysu.edu.tw/",
        "address": "高雄市鼓山區蓮海路70號",
    },
}

# Each delegation: organisation key, country, and its members' titles in order after the
# head; an interpreter serves the head of a delegation that speaks Japanese or Korean.
DELEGATIONS = [
    (
        "suwon",
        "KR",
        [
            "deputy_mayor",
            "speaker",
            "councillor",
            "councillor",
            "international_director",
            "official",
            "official",
            "official",
            "press",
        ],
    ),
] + [
    (
        crm_demo.listed_key(name),
        country,
        ["deputy_mayor", "councillor", "international_director", "official", "official", "press"][
            : 5 + number % 4 - 1 - (country in INTERPRETER_LANGUAGES)
        ]
        + (["interpreter"] if country in INTERPRETER_LANGUAGES else []),
    )
    for number, name, country in LUNCHEON_PARTNERS
]

# Local guests: (organisation key, title key, count).
LOCAL_GUESTS = [
    ("kaohsiung", "deputy_mayor", 1),
    ("water_bureau", "bureau_director", 1),
    ("sports_bureau", "bureau_director", 1),
    ("works_bureau", "bureau_director", 1),
    ("education_bureau", "bureau_director", 1),
    ("water_bureau", "bureau_deputy", 1),
    ("sports_bureau", "bureau_deputy", 1),
    ("works_bureau", "bureau_deputy", 1),
    ("education_bureau", "bureau_deputy", 1),
    ("council", "speaker", 1),
    ("council", "councillor", 25),
    ("relations_group", "adviser", 17),
    ("nsysu", "president", 1),
    ("nsysu", "professor", 12),
    ("shu_te", "principal", 1),
    ("shu_te", "teacher", 3),
]

# People the CRM demo holds who are invited as themselves (the luncheon's event spec in
# demo.events already invites a few of the office heads).
CRM_GUESTS = [
    "han_kuo_yu",
    "tsai_deputy",
    "ohashi",
    "singapore_head",
    "nz_head",
    "yeom",
    "kim_min_jun",
    "park_seo_yeon",
]
HOST = "han_kuo_yu"

# Every so many guests, in list order, one declined and one has not answered; the host,
# heads of delegation and interpreters always come.
DECLINE_EVERY = 19
PENDING_EVERY = 31
DIETS = [
    "素食 Vegetarian",
    "不吃牛肉 No beef",
    "不吃豬肉 No pork",
    "海鮮過敏 Shellfish allergy",
    "清真 Halal",
    "蛋奶素 Lacto-ovo vegetarian",
]
DIET_EVERY = 9


def load(stdout=None):
    """Load the luncheon's illustrative guests, their replies and a generated seating plan."""
    report(stdout, gettext("Events: the International Luncheon's guests and seating plan"))
    event = Event.objects.get(uid=demo_uid("event", "luncheon"))
    organisations = _load_local_organisations()
    used = {
        (data["person"]["family_name"], data["person"].get("given_name", ""))
        for data in crm_demo.PEOPLE.values()
    }
    pickers = {country: _name_picker(country, used) for country in NAMES}
    guests = [(crm_demo.person(key), key in (HOST, "yeom", "park_seo_yeon")) for key in CRM_GUESTS]
    guests += _load_delegations(event, pickers)
    local = _load_local_guests(organisations, pickers)
    guests += [(person, False) for _title, person in local]
    _load_invitations(event, guests)
    # The mayor hosts; the deputy mayors host tables of their own.
    co_hosts = [crm_demo.person("yeh_kuang_shih")]
    co_hosts += [person for title, person in local if title == "deputy_mayor"]
    # Suwon signed its friendship-city agreement at this luncheon: its mayor sits at the
    # host's right, though heads of representative offices rank higher.
    _load_seating_plan(
        event,
        host=crm_demo.person(HOST),
        co_hosts=co_hosts,
        guest_of_honour=crm_demo.person("yeom"),
    )


def _load_local_organisations():
    loaded = {}
    for key, data in LOCAL_ORGANISATIONS.items():
        loaded[key] = upsert(
            Organisation,
            {"name_en": data["names"][1]},
            {
                "kind": data["kind"],
                **translated("name", *data["names"]),
                "native_name": data.get("native_name", ""),
                "country": data["country"],
                "website": data.get("website", ""),
                "address": data.get("address", ""),
            },
        )
    return loaded


def _name_picker(country, used):
    """Yield (family, given, native) names of a country not used yet, in a fixed order."""
    families, givens = NAMES[country]
    # Walk the diagonals so that consecutive people differ in both names.
    pairs = sorted(
        itertools.product(range(len(families)), range(len(givens))),
        key=lambda pair: ((pair[1] - pair[0]) % len(givens), pair[0]),
    )
    for f, g in pairs:
        (family, family_native), (given, given_native) = families[f], givens[g]
        if (family, given) in used:
            continue
        used.add((family, given))
        if NAME_ORDER.get(country) == FAMILY_FIRST:
            native = family_native + given_native
        else:
            native = f"{given_native} {family_native}"
        yield family, given, native


def _illustrative_person(picker, country, organisation, title_key, *, interpreter=False):
    family, given, native = next(picker)
    titles, rank = TITLES[title_key]
    languages = INTERPRETER_LANGUAGES[country] if interpreter else LANGUAGES[country]
    person = upsert(
        Person,
        {"family_name": family, "given_name": given},
        {
            "name_order": NAME_ORDER.get(country, GIVEN_FIRST),
            "native_name": native,
            "chinese_name": native if country == "TW" else "",
            "preferred_languages": languages,
            "notes": ILLUSTRATIVE_NOTE,
            "is_illustrative": True,
        },
    )
    upsert(
        Affiliation,
        {"person": person, "organisation": organisation},
        {
            **translated("position_title", *titles),
            "office_rank": rank,
            "start_date": None,
            "end_date": None,
            "is_primary": True,
        },
    )
    return person


def _load_delegations(event, pickers):
    """Fill each of the 9 delegations up to its declared size; return (person, must come)."""
    guests = []
    for org_key, country, titles in DELEGATIONS:
        organisation = crm_demo.organisation(org_key)
        delegation = Delegation.objects.get(
            event=event, organisation=organisation, direction=Direction.INBOUND
        )
        head = None
        if org_key != "suwon":
            head = _illustrative_person(pickers[country], country, organisation, "mayor")
            _member(delegation, head, MemberRole.HEAD)
            guests.append((head, True))
        for title_key in titles:
            interpreter = title_key == "interpreter"
            person = _illustrative_person(
                pickers[country], country, organisation, title_key, interpreter=interpreter
            )
            role = {
                "interpreter": MemberRole.INTERPRETER,
                "press": MemberRole.PRESS,
                "official": MemberRole.STAFF,
            }.get(title_key, MemberRole.MEMBER)
            _member(delegation, person, role)
            guests.append((person, interpreter))
    return guests


def _member(delegation, person, role):
    upsert(
        DelegationMember,
        {"delegation": delegation, "person": person},
        {"role": role, "notes": ILLUSTRATIVE_NOTE},
    )


def _load_local_guests(organisations, pickers):
    """The local guests as (title key, person), in LOCAL_GUESTS order."""
    people = []
    for org_key, title_key, count in LOCAL_GUESTS:
        organisation = organisations.get(org_key) or crm_demo.organisation(org_key)
        for _ in range(count):
            person = _illustrative_person(pickers["TW"], "TW", organisation, title_key)
            people.append((title_key, person))
    return people


def _load_invitations(event, guests):
    respond_by = at(
        event.starts_at.astimezone(TAIPEI).date() - datetime.timedelta(days=14), "17:00"
    )
    for index, (person, must_come) in enumerate(guests, start=1):
        status = InvitationStatus.ACCEPTED
        if not must_come and index % DECLINE_EVERY == 0:
            status = InvitationStatus.DECLINED
        elif not must_come and index % PENDING_EVERY == 0:
            status = InvitationStatus.PENDING
        accepted = status == InvitationStatus.ACCEPTED
        if not Invitation.objects.filter(event=event, person=person).exists():
            # A seated luncheon invites the person alone (as build_guest_list does).
            invite_person(event, person, respond_by=respond_by, max_companions=0)
        upsert(
            Invitation,
            {"event": event, "person": person},
            {
                "status": status,
                "companions": 0,
                "max_companions": 0,
                "respond_by": respond_by,
                "sent_at": respond_by - datetime.timedelta(days=21),
                # Replies trickle in over the fortnight before the reply-by date.
                "responded_at": (
                    respond_by
                    - datetime.timedelta(days=14)
                    + datetime.timedelta(hours=(5 * index) % (13 * 24))
                    if status != InvitationStatus.PENDING
                    else None
                ),
                "dietary_requirements": (
                    DIETS[(index // DIET_EVERY) % len(DIETS)]
                    if accepted and index % DIET_EVERY == 0
                    else ""
                ),
                "is_illustrative": True,
            },
        )


def _load_seating_plan(event, *, host, co_hosts, guest_of_honour):
    """Configure and generate the plan, unless it already seats these guests this way."""
    plan = SeatingPlan.objects.filter(event=event).first()
    configured = plan is not None and (
        plan.table_size == TABLE_SIZE
        and plan.table_count is None
        and not plan.keep_delegations_together
        and plan.host_id == host.pk
        and plan.guest_of_honour_id == guest_of_honour.pk
        and set(plan.co_hosts.values_list("pk", flat=True)) == {p.pk for p in co_hosts}
    )
    if not configured:
        plan = configure_seating_plan(
            event,
            table_size=TABLE_SIZE,
            host=host,
            co_hosts=co_hosts,
            guest_of_honour=guest_of_honour,
        )
    seated = set(Seat.objects.filter(plan=plan).values_list("person", flat=True))
    wanted = {entry.person.pk for entry in guests_to_seat(plan)}
    if not configured or seated != wanted:
        generate_seating_plan(plan)
    return plan

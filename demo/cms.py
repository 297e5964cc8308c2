"""Demo pages: the public site's tree in Traditional Chinese with English, Japanese and Korean
translations, an event page per public 2019 event and a page per sister or friendship city.

Idempotent: pages are found by locale, parent and slug and updated in place. Event and CRM
records come from demo/events.py and demo/crm.py; whatever is absent is skipped.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext
from wagtail.models import Locale, Page, Site

from cms.event_pages import event_slug
from cms.models import (
    ContactPage,
    EventIndexPage,
    EventPage,
    HomePage,
    SisterCityIndexPage,
    SisterCityPage,
    StandardPage,
)
from cms.selectors import sister_city_ties
from crm.models import Organisation
from demo import upcoming
from demo.common import demo_uid
from events.models import Event

LANGS = [code for code, _name in settings.LANGUAGES]
DEFAULT = settings.LANGUAGE_CODE

# Public geography (city halls), so the sister-city map can place its markers.
COORDINATES = {
    "Kaohsiung City Government": (22.620, 120.312),
    "Suwon": (37.263, 127.029),
    "Portland": (45.515, -122.679),
    "Brisbane": (-27.469, 153.024),
    "Belize City": (17.499, -88.198),
    "Hachioji": (35.666, 139.316),
    "Akita Prefecture": (39.719, 140.102),
    "Kumamoto Prefecture": (32.790, 130.742),
}


def text(zh, en, ja, ko):
    return dict(zip(LANGS, (zh, en, ja, ko), strict=True))


HOME = {
    "title": text(
        "高雄市政府國際事務",
        "Kaohsiung International Affairs",
        "高雄市国際交流",
        "가오슝시 국제교류",
    ),
    "intro": text(
        "高雄市政府行政暨國際處負責接待外賓、維繫姊妹市情誼，並舉辦城市行銷與國際交流活動。",
        "The Administration and International Affairs Office of the Kaohsiung City Government "
        "welcomes foreign visitors, keeps the city's sister-city ties alive and runs its "
        "international events.",
        "高雄市政府行政・国際処は、海外からの来訪者をお迎えし、姉妹都市との絆を育み、"
        "国際交流イベントを開催しています。",
        "가오슝시 정부 행정국제처는 해외 방문객을 맞이하고 자매도시와의 우정을 이어 가며 "
        "국제 교류 행사를 엽니다.",
    ),
    "body": text(
        "<p>2019年，本處接待外賓60團、855人次，與韓國水原市締結第34個姊妹暨友好城市，"
        "並舉辦國際午宴、國際青年夏令營、國際新生聯誼及駐臺使節城市參訪。</p>",
        "<p>In 2019 the office received 60 visiting groups with 855 visitors, signed a "
        "friendship-city agreement with Suwon, Korea (Kaohsiung's 34th sister or friendship "
        "city), and hosted the International Luncheon, the Share Kaohsiung International Summer "
        "Camp, the international freshmen party and the envoys' city tour.</p>",
        "<p>2019年には60団体・855名の来訪者をお迎えし、韓国・水原市と34番目の姉妹・友好都市"
        "協定を結び、国際ランチョン、国際サマーキャンプ、国際新入生交流会、駐台使節の市内視察を"
        "開催しました。</p>",
        "<p>2019년에는 60개 방문단 855명을 맞이했고, 한국 수원시와 34번째 자매·우호도시 "
        "협정을 맺었으며, 국제 오찬, 국제 여름 캠프, 국제 신입생 교류회, 주대만 사절단 "
        "도시 탐방을 열었습니다.</p>",
    ),
}

EVENT_INDEX = {
    "title": text("活動", "Events", "イベント", "행사"),
    "intro": text(
        "<p>高雄市的國際交流活動：午宴、營隊、論壇與參訪。</p>",
        "<p>Kaohsiung's international events: luncheons, camps, forums and visits.</p>",
        "<p>高雄市の国際交流イベント：ランチョン、キャンプ、フォーラム、視察。</p>",
        "<p>가오슝시의 국제 교류 행사: 오찬, 캠프, 포럼, 방문.</p>",
    ),
}

SISTER_CITIES = {
    "title": text(
        "姊妹市與友好城市",
        "Sister and friendship cities",
        "姉妹都市・友好都市",
        "자매도시·우호도시",
    ),
    "intro": text(
        "<p>高雄與世界各地城市締結姊妹市或友好城市，在文化、教育、觀光與經貿等領域交流合作。</p>",
        "<p>Kaohsiung is tied to cities around the world as sister or friendship cities, "
        "working together in culture, education, tourism and trade.</p>",
        "<p>高雄は世界各地の都市と姉妹都市・友好都市の関係を結び、文化、教育、観光、"
        "経済の分野で交流しています。</p>",
        "<p>가오슝은 세계 여러 도시와 자매도시·우호도시 관계를 맺고 문화, 교육, 관광, "
        "경제 분야에서 협력하고 있습니다.</p>",
    ),
}

ABOUT = {
    "title": text("關於本處", "About the office", "行政・国際処について", "행정국제처 소개"),
    "intro": text(
        "本處是高雄市政府的國際窗口，也負責市府的會議場地與公務車輛。",
        "The office is the city government's window to the world; it also runs the civic "
        "centres' meeting rooms and the official cars.",
        "当処は高雄市政府の国際窓口であり、市の会議室と公用車の管理も担当しています。",
        "행정국제처는 가오슝시 정부의 국제 창구이며 시청 회의실과 공용 차량도 관리합니다.",
    ),
    "paragraph": text(
        "<p>我們接待各國駐臺使節、姊妹市市長與國際訪問團，籌辦國際活動，並推動英語友善環境，"
        "編印市府機關英文譯名手冊。</p>",
        "<p>We receive envoys, sister-city mayors and delegations, organise international "
        "events, and promote an English-friendly city, including a handbook of the official "
        "English names of city agencies.</p>",
        "<p>各国の駐台使節、姉妹都市の市長、訪問団をお迎えし、国際イベントを企画するほか、"
        "市の機関の公式英語名称ハンドブックを作成し、英語にやさしい環境づくりを進めています。</p>",
        "<p>각국 주대만 사절, 자매도시 시장, 방문단을 맞이하고 국제 행사를 기획하며, 시 기관의 "
        "공식 영문 명칭 안내서를 만들어 영어 친화 환경을 조성합니다.</p>",
    ),
}

NEWS = {
    "title": text("最新消息", "News", "ニュース", "소식"),
    "intro": text(
        "本處的國際交流消息。", "News from the office.", "当処からのお知らせ。", "행정국제처 소식."
    ),
}

SUWON_NEWS = {
    "title": text(
        "水原市成為高雄第34個姊妹暨友好城市",
        "Suwon becomes Kaohsiung's 34th sister or friendship city",
        "水原市が高雄の34番目の姉妹・友好都市に",
        "수원시, 가오슝의 34번째 자매·우호도시로",
    ),
    "intro": text(
        "2019年2月16日，高雄市與韓國水原市在國際午宴上簽署友好城市締盟書。",
        "On 16 February 2019 Kaohsiung and Suwon, Korea, signed a friendship-city agreement at "
        "the International Luncheon.",
        "2019年2月16日、高雄市と韓国・水原市は国際ランチョンで友好都市協定に署名しました。",
        "2019년 2월 16일 가오슝시와 한국 수원시는 국제 오찬에서 우호도시 협정에 서명했습니다.",
    ),
}

CONTACT = {
    "title": text("聯絡我們", "Contact", "お問い合わせ", "연락처"),
    "intro": text(
        "歡迎與行政暨國際處聯繫。",
        "Write or call the Administration and International Affairs Office.",
        "行政・国際処へのお問い合わせはこちら。",
        "행정국제처로 연락해 주십시오.",
    ),
    "address": text(
        "802 高雄市苓雅區四維三路2號",
        "No. 2, Sihwei 3rd Rd., Lingya District, Kaohsiung 802, Taiwan",
        "〒802 台湾高雄市苓雅区四維三路2号",
        "대만 가오슝시 링야구 쓰웨이3로 2호 (802)",
    ),
    "hours": text(
        "週一至週五 8:00–12:00、13:30–17:30",
        "Monday to Friday, 8:00–12:00 and 13:30–17:30",
        "月曜日〜金曜日 8:00–12:00、13:30–17:30",
        "월요일~금요일 8:00–12:00, 13:30–17:30",
    ),
}

# Rich text editors would add to particular events, keyed by the event's English title.
EVENT_BODIES = {
    "Luncheon": text(
        "<p>午宴於西子灣沙灘會館舉行，約140位貴賓與9個城市的代表團出席，席間簽署高雄與水原的友好城市締盟書。</p>",
        "<p>About 140 guests and delegations from nine cities met at the Xiziwan beach hall; "
        "the Kaohsiung–Suwon friendship-city agreement was signed during the luncheon.</p>",
        "<p>西子湾ビーチホールに約140名の来賓と9都市の代表団が集い、高雄と水原の友好都市協定が"
        "署名されました。</p>",
        "<p>시즈완 비치 홀에 약 140명의 귀빈과 9개 도시 대표단이 모였고, 오찬 중 가오슝-수원 "
        "우호도시 협정이 체결되었습니다.</p>",
    ),
    "Summer Camp": text(
        "<p>姊妹市、友好城市與本地大學的學生一起認識高雄的歷史、文化與產業，並上語言與外交課程。</p>",
        "<p>Students from sister and friendship cities and local universities explore "
        "Kaohsiung's history, culture and industry, with classes in language and diplomacy.</p>",
        "<p>姉妹都市・友好都市と地元大学の学生が、高雄の歴史、文化、産業を学び、語学と外交の"
        "授業を受けます。</p>",
        "<p>자매·우호도시와 지역 대학의 학생들이 가오슝의 역사, 문화, 산업을 배우고 언어와 "
        "외교 수업을 듣습니다.</p>",
    ),
}


def ensure_locales():
    """The Wagtail locale of every site language."""
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGS}


def _publish(page):
    page.save_revision().publish()
    return page


def translated_page(parents, page_class, *, slug, titles, fields=None):
    """One page per language under each language's parent, linked as translations.

    parents maps language code to the parent page in that language; fields maps field name to
    either one value for every language or a dict of values per language. Returns the pages by
    language, creating or updating them in place.
    """
    locales = ensure_locales()
    fields = fields or {}
    pages = {}
    translation_key = None
    for code in LANGS:
        values = {
            name: (value.get(code, value.get(DEFAULT)) if isinstance(value, dict) else value)
            for name, value in fields.items()
        }
        title = titles.get(code) or titles[DEFAULT]
        parent = parents[code]
        page = page_class.objects.child_of(parent).filter(locale=locales[code], slug=slug).first()
        if page is None:
            page = page_class(slug=slug, locale=locales[code], title=title, **values)
            if translation_key:
                page.translation_key = translation_key
            parent.add_child(instance=page)
        else:
            changed = page.title != title or any(
                getattr(page, name) != value for name, value in values.items()
            )
            if not changed and page.live:
                pages[code] = page
                translation_key = page.translation_key
                continue
            page.title = title
            for name, value in values.items():
                setattr(page, name, value)
        pages[code] = _publish(page)
        translation_key = page.translation_key
    return pages


def _home_pages():
    locales = ensure_locales()
    # A fresh database has Wagtail's root page; a flushed one (transactional tests) has not.
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locales[DEFAULT])
    )
    homes = {}
    translation_key = None
    for code in LANGS:
        home = HomePage.objects.filter(locale=locales[code], depth=2).first()
        values = {
            "title": HOME["title"][code],
            "intro": HOME["intro"][code],
            "body": HOME["body"][code],
        }
        if home is None:
            home = HomePage(slug=f"home-{code}", locale=locales[code], **values)
            if translation_key:
                home.translation_key = translation_key
            root.add_child(instance=home)
            _publish(home)
        elif any(getattr(home, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(home, name, value)
            _publish(home)
        homes[code] = home
        translation_key = home.translation_key
    return homes


def _point_site_at(home):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=settings.WAGTAIL_SITE_NAME,
        )
        return
    if site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()
        # Wagtail's starter "Welcome" page has nothing to say once the real home exists.
        if type(old_root.specific) is Page and not old_root.get_children().exists():
            old_root.delete()


def _localised(record, field, code):
    return getattr(record, f"{field}_{code.replace('-', '_')}") or getattr(
        record, f"{field}_{DEFAULT.replace('-', '_')}"
    )


def _fill_coordinates():
    for name_en, (latitude, longitude) in COORDINATES.items():
        Organisation.objects.filter(name_en=name_en, latitude__isnull=True).update(
            latitude=latitude, longitude=longitude
        )


def _event_pages(index_pages):
    events = Event.objects.public().filter(starts_at__year=2019).order_by("starts_at")
    for event in events:
        body_key = next((key for key in EVENT_BODIES if key in (event.title_en or "")), None)
        bodies = (
            {code: [("paragraph", EVENT_BODIES[body_key][code])] for code in LANGS}
            if body_key
            else {code: [] for code in LANGS}
        )
        pages = translated_page(
            index_pages,
            EventPage,
            slug=slugify(event.title_en or "")[:50] or f"event-{event.pk}",
            titles={code: _localised(event, "title", code) for code in LANGS},
            fields={"event": event},
        )
        for code, page in pages.items():
            if not page.body.raw_data and bodies[code]:
                page.body = bodies[code]
                _publish(page)
    return events.count()


def _upcoming_pages(index_pages):
    """Pages of the illustrative upcoming events, each with its picture (alt text per language)."""
    for spec in upcoming.UPCOMING:
        event = Event.objects.filter(uid=demo_uid("upcoming", spec["key"])).first()
        if event is None:
            continue
        translated_page(
            index_pages,
            EventPage,
            slug=event_slug(event),
            titles={code: _localised(event, "title", code) for code in LANGS},
            fields={"event": event, "hero_image": upcoming.pictures(*spec["picture"])},
        )
    return len(upcoming.UPCOMING)


def _home_pictures(homes):
    images = upcoming.home_pictures()
    for code, home in homes.items():
        if home.hero_image_id != images[code].pk:
            home.hero_image = images[code]
            _publish(home)


def _sister_city_pages(index_pages):
    ties = sister_city_ties()
    for tie in ties:
        partner = tie.partner
        translated_page(
            index_pages,
            SisterCityPage,
            slug=slugify(partner.name_en or "")[:50] or f"city-{partner.pk}",
            titles={code: _localised(partner, "name", code) for code in LANGS},
            fields={"relationship": tie.relationship},
        )
    return len(ties)


@transaction.atomic
def load(stdout=None):
    """Create or update the demo page tree in all four languages."""
    _fill_coordinates()
    homes = _home_pages()
    _point_site_at(homes[DEFAULT])
    event_index = translated_page(
        homes,
        EventIndexPage,
        slug="events",
        titles=EVENT_INDEX["title"],
        fields={"intro": EVENT_INDEX["intro"], "show_in_menus": True},
    )
    sister_index = translated_page(
        homes,
        SisterCityIndexPage,
        slug="sister-cities",
        titles=SISTER_CITIES["title"],
        fields={"intro": SISTER_CITIES["intro"], "show_in_menus": True},
    )
    about = translated_page(
        homes,
        StandardPage,
        slug="about",
        titles=ABOUT["title"],
        fields={"intro": ABOUT["intro"], "show_in_menus": True},
    )
    for code, page in about.items():
        if not page.body.raw_data:
            page.body = [("paragraph", ABOUT["paragraph"][code])]
            _publish(page)
    news = translated_page(
        homes,
        StandardPage,
        slug="news",
        titles=NEWS["title"],
        fields={"intro": NEWS["intro"], "show_in_menus": True},
    )
    translated_page(
        news,
        StandardPage,
        slug="suwon-friendship-city",
        titles=SUWON_NEWS["title"],
        fields={"intro": SUWON_NEWS["intro"], "date": datetime.date(2019, 2, 16)},
    )
    translated_page(
        homes,
        ContactPage,
        slug="contact",
        titles=CONTACT["title"],
        fields={
            "intro": CONTACT["intro"],
            "address": CONTACT["address"],
            "opening_hours": CONTACT["hours"],
            "phone": "+886 7 336 8333",
            "email": "intl@kcg.example",
            "show_in_menus": True,
        },
    )
    event_count = _event_pages(event_index) + _upcoming_pages(event_index)
    _home_pictures(homes)
    city_count = _sister_city_pages(sister_index)
    if stdout is not None:
        stdout.write(
            gettext(
                "Public site: home and section pages in %(languages)d languages, "
                "%(events)d event pages, %(cities)d sister-city pages"
            )
            % {"languages": len(LANGS), "events": event_count, "cities": city_count}
        )

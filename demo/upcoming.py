"""Illustrative upcoming events and pictures, so a newcomer can see and try the public site.

The 2019 report's events all lie in the past. These events are invented (is_illustrative,
and their summaries say so), dated relative to the day load_demo runs, and take public
registrations now. Pictures are drawn with Pillow (abstract harbour and skyline shapes, also
illustrative): one Wagtail image per language, so each carries alt text in its reader's
language. Loading twice on the same day changes nothing; on a later day the dates move on.
"""

import datetime
import io

from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.translation import gettext
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from crm.models import Organisation
from events.enums import EventKind, EventStatus, RegistrationQuestion
from events.models import Event

from .common import at, demo_uid, report, translated, upsert

LANGS = ("zh-hant", "en", "ja", "ko")
ILLUSTRATIVE = {
    "zh-hant": "（示例活動，非2019年報告所載）",
    "en": " (Illustrative event, not in the 2019 report.)",
    "ja": "（例示のイベントです。2019年報告書には記載されていません）",
    "ko": " (예시 행사로, 2019년 보고서에는 없습니다.)",
}
CONSENT = (
    "我同意主辦單位為辦理本活動蒐集及處理我的個人資料。",
    "I agree that the organisers collect and process my personal data to run this event.",
    "主催者が本イベントの運営のために個人情報を収集・利用することに同意します。",
    "주최 측이 행사 운영을 위해 개인정보를 수집·처리하는 데 동의합니다.",
)

UPCOMING = [
    {
        "key": "youth-forum",
        "kind": EventKind.FORUM,
        "in_days": 21,
        "days": 1,
        "titles": (
            "高雄國際青年城市論壇",
            "Kaohsiung International Youth City Forum",
            "高雄国際青年都市フォーラム",
            "가오슝 국제 청년 도시 포럼",
        ),
        "summaries": (
            "姊妹市青年代表與高雄學生共同討論港灣城市的永續發展。",
            "Young delegates from the sister cities and Kaohsiung students discuss sustainable "
            "harbour cities.",
            "姉妹都市の若者代表と高雄の学生が、港湾都市の持続可能な発展を話し合います。",
            "자매도시 청년 대표와 가오슝 학생들이 항구 도시의 지속 가능한 발전을 논의합니다.",
        ),
        "capacity": 80,
        "questions": [RegistrationQuestion.NATIONALITY, RegistrationQuestion.UNIVERSITY],
        "picture": ("harbour", (12, 74, 110), (56, 161, 190)),
    },
    {
        "key": "lantern-evening",
        "kind": EventKind.FESTIVAL,
        "in_days": 45,
        "days": 1,
        "titles": (
            "姊妹市之夜：愛河燈會導覽",
            "Sister-city evening at the Love River lanterns",
            "姉妹都市の夕べ：愛河ランタン見学",
            "자매도시의 밤: 아이허 등불 축제 안내",
        ),
        "summaries": (
            "邀請在高雄的外籍朋友一同欣賞愛河燈會，並有多語導覽。",
            "Foreign residents of Kaohsiung are invited to the Love River lanterns, with "
            "guides in several languages.",
            "高雄在住の外国人の方を愛河のランタンにご招待します。多言語のガイド付きです。",
            "가오슝에 사는 외국인 여러분을 아이허 등불 축제에 초대합니다. 여러 언어로 안내합니다.",
        ),
        "capacity": 120,
        "questions": [RegistrationQuestion.NATIONALITY, RegistrationQuestion.DIETARY],
        "picture": ("lanterns", (70, 20, 60), (235, 140, 40)),
    },
]
HOME_PICTURE = ("skyline", (20, 50, 90), (240, 170, 90))
ALT_TEXTS = {
    "harbour": (
        "示意圖：高雄港灣與船隻的抽象插畫",
        "Illustration: an abstract drawing of Kaohsiung harbour with ships",
        "イラスト：高雄港と船の抽象的な絵",
        "일러스트: 가오슝 항구와 배를 그린 추상화",
    ),
    "lanterns": (
        "示意圖：河面上的彩色燈籠抽象插畫",
        "Illustration: an abstract drawing of coloured lanterns over a river",
        "イラスト：川の上に浮かぶ色とりどりのランタンの抽象的な絵",
        "일러스트: 강 위의 색색 등불을 그린 추상화",
    ),
    "skyline": (
        "示意圖：高雄天際線與港灣的抽象插畫",
        "Illustration: an abstract drawing of the Kaohsiung skyline and harbour",
        "イラスト：高雄のスカイラインと港の抽象的な絵",
        "일러스트: 가오슝 스카이라인과 항구를 그린 추상화",
    ),
}


def _draw(name, top, bottom, size=(1200, 675)):
    """An abstract picture: a sky gradient, a skyline and water (drawn, so no licence)."""
    width, height = size
    picture = PillowImage.new("RGB", size, top)
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        share = y / height
        colour = tuple(round(a + (b - a) * share) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    seed = sum(ord(ch) for ch in name)
    x = 0
    while x < width:
        tower = 40 + (seed * (x + 7)) % 90
        rise = 120 + (seed * (x + 13)) % 260
        draw.rectangle([x, height * 0.62 - rise, x + tower, height * 0.62], fill=(15, 25, 40))
        x += tower + 8
    draw.rectangle([0, height * 0.62, width, height], fill=(10, 40, 70))
    for row in range(6):
        y = height * 0.66 + row * 38
        draw.line([(60 + row * 40, y), (width - 60 - row * 40, y)], fill=(120, 170, 200), width=3)
    if name == "lanterns":
        for i in range(14):
            cx, cy = 80 + i * 80, 120 + (i * 53) % 200
            draw.ellipse([cx - 22, cy - 30, cx + 22, cy + 30], fill=(250, 120 + i * 8, 40))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return buffer.getvalue()


def pictures(name, top, bottom):
    """One Wagtail image per language with alt text in it; renditions made for the site."""
    Image = get_image_model()
    found = {}
    content = None
    for code, alt in zip(LANGS, ALT_TEXTS[name], strict=True):
        title = f"{name} ({code}) — illustrative"
        image = Image.objects.filter(title=title).first()
        if image is None:
            content = content or _draw(name, top, bottom)
            image = Image(title=title, description=alt)
            image.file = ImageFile(io.BytesIO(content), name=f"demo-{name}-{code}.png")
            image.save()
        elif image.description != alt:
            image.description = alt
            image.save(update_fields=["description"])
        for spec in ("fill-480x270", "fill-1200x500"):
            image.get_rendition(spec)
        found[code] = image
    return found


def _values(spec, today):
    first = today + datetime.timedelta(days=spec["in_days"])
    last = first + datetime.timedelta(days=spec["days"] - 1)
    summaries = [
        text + ILLUSTRATIVE[code] for code, text in zip(LANGS, spec["summaries"], strict=True)
    ]
    return {
        "kind": spec["kind"],
        **translated("title", *spec["titles"]),
        **translated("summary", *summaries),
        **translated("consent_text", *CONSENT),
        "starts_at": at(first, "14:00"),
        "ends_at": at(last, "17:30"),
        "all_day": False,
        "status": EventStatus.CONFIRMED,
        "is_public": True,
        "host_organisation": Organisation.objects.filter(
            name_en="Administration and International Affairs Office"
        ).first(),
        "capacity": spec["capacity"],
        "takes_registrations": True,
        "registration_opens_at": at(today, "00:00"),
        "registration_closes_at": at(first - datetime.timedelta(days=3), "23:59"),
        "registration_questions": [str(q) for q in spec["questions"]],
        "is_illustrative": True,
    }


def load(stdout=None):
    """The upcoming illustrative events (registration open) and their pictures."""
    report(stdout, gettext("Events: illustrative upcoming events with registration open"))
    today = timezone.localdate()
    events = []
    for spec in UPCOMING:
        event = upsert(Event, {"uid": demo_uid("upcoming", spec["key"])}, _values(spec, today))
        events.append((event, pictures(*spec["picture"])))
    return events


def home_pictures():
    return pictures(*HOME_PICTURE)

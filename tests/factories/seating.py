"""A luncheon on factory data: the home city's leadership, envoys and sister-city delegations."""

import datetime
from dataclasses import dataclass, field

import factory

from crm.enums import NameOrder, OfficeRank, OrganisationKind
from events import enums, models

from .crm import AffiliationFactory, OrganisationFactory, PersonFactory
from .events import DelegationFactory, DelegationMemberFactory, EventFactory, taipei

# Native-script names built from the digits of a number, so that every guest's differs.
KOREAN_FAMILY = "김이박최정강조윤장임"
KOREAN_SYLLABLES = "민지서윤하준도현수아"
JAPANESE_FAMILY = ["佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤", "山本", "中村", "小林", "加藤"]
JAPANESE_GIVEN = "敬郁陽健美大直花誠翔"
JAPANESE_ENDING = "久夫子一咲輔樹代郎太"
CHINESE_FAMILY = "陳林黃張李王吳劉蔡楊"
CHINESE_GIVEN = "其明怡志淑俊雅家宗美"
CHINESE_ENDING = "邁德君偉芬傑婷豪翰玲"


def _digits(n):
    return n % 10, n // 10 % 10, n // 100 % 10, n // 1000 % 10


class SeatingPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.SeatingPlan

    event = factory.SubFactory(EventFactory, kind=enums.EventKind.LUNCHEON)


def korean_name(n):
    family, a, b, c = _digits(n)
    return KOREAN_FAMILY[family], KOREAN_SYLLABLES[a] + KOREAN_SYLLABLES[b] + "영호"[c % 2] * (
        c > 0
    )


def japanese_name(n):
    family, a, b, c = _digits(n)
    return JAPANESE_FAMILY[family], JAPANESE_GIVEN[a] + JAPANESE_ENDING[b] + "郎" * c


def chinese_name(n):
    family, a, b, c = _digits(n)
    return CHINESE_FAMILY[family], CHINESE_GIVEN[a] + CHINESE_ENDING[b] + "文" * c


def cjk_person(script, n, **kwargs):
    """A person with a distinct native-script name (ko, ja or zh-hant) and a Latin one."""
    family, given = {"ko": korean_name, "ja": japanese_name, "zh-hant": chinese_name}[script](n)
    return PersonFactory(
        family_name=f"Fam{script[:2].upper()}{n}",
        given_name=f"Given{n}",
        native_name=f"{family}{given}",
        name_order=NameOrder.FAMILY_FIRST,
        preferred_languages=[script],
        **kwargs,
    )


@dataclass
class Luncheon:
    event: models.Event
    home: object
    host: object
    deputies: list = field(default_factory=list)
    envoys: list = field(default_factory=list)
    delegations: list = field(default_factory=list)
    heads: list = field(default_factory=list)
    interpreters: dict = field(default_factory=dict)
    members: list = field(default_factory=list)

    @property
    def people(self):
        return [
            self.host,
            *self.deputies,
            *self.envoys,
            *self.heads,
            *self.interpreters.values(),
            *self.members,
        ]


def build_luncheon(*, guests=20, delegations=2, envoys=2, deputies=2, n=0):
    """The 2019 luncheon shape at any size: host, deputies, envoys and delegations.

    Each delegation has a head (mayor), an interpreter serving them and members; guests
    are the total head count (at least 1 + deputies + envoys + 2 per delegation).
    """
    event = EventFactory(
        kind=enums.EventKind.LUNCHEON,
        title="國際午宴",
        title_en="International Luncheon",
        starts_at=taipei(2019, 2, 16, 11, 30),
        ends_at=taipei(2019, 2, 16, 14),
        location="西子灣沙灘會館",
    )
    home = OrganisationFactory(
        kind=OrganisationKind.CITY,
        is_home=True,
        name="高雄市政府",
        name_en="Kaohsiung",
        country="TW",
    )
    since = datetime.date(2018, 12, 25)
    host = cjk_person("zh-hant", n, honorific="Mayor")
    AffiliationFactory(
        person=host,
        organisation=home,
        position_title="市長",
        position_title_en="Mayor",
        office_rank=OfficeRank.MAYOR,
        start_date=since,
    )
    scene = Luncheon(event=event, home=home, host=host)
    for i in range(deputies):
        deputy = cjk_person("zh-hant", n + 100 + i)
        AffiliationFactory(
            person=deputy,
            organisation=home,
            position_title="副市長",
            position_title_en="Deputy Mayor",
            office_rank=OfficeRank.DEPUTY,
            start_date=since,
        )
        scene.deputies.append(deputy)
    for i in range(envoys):
        office = OrganisationFactory(kind=OrganisationKind.REPRESENTATIVE_OFFICE, country="US")
        envoy = PersonFactory(
            family_name=f"Envoy{n + i}",
            given_name="Pat",
            honorific="H.E.",
            chinese_name=f"使節{i}",
            preferred_languages=["en"],
        )
        AffiliationFactory(
            person=envoy,
            organisation=office,
            position_title="處長",
            position_title_en="Director",
            office_rank=OfficeRank.AMBASSADOR,
            start_date=datetime.date(2017, 1, 1),
        )
        scene.envoys.append(envoy)
    for d in range(delegations):
        script = ("ko", "ja")[d % 2]
        city = OrganisationFactory(kind=OrganisationKind.CITY, country=script.upper()[:2])
        delegation = DelegationFactory(event=event, organisation=city, name=f"Delegation {d}")
        scene.delegations.append(delegation)
        head = cjk_person(script, n + 200 + d, honorific="Mayor")
        AffiliationFactory(
            person=head,
            organisation=city,
            position_title="市長",
            position_title_en="Mayor",
            office_rank=OfficeRank.MAYOR,
            start_date=datetime.date(2014, 7, 1),
        )
        DelegationMemberFactory(delegation=delegation, person=head, role=enums.MemberRole.HEAD)
        interpreter = cjk_person(script, n + 300 + d)
        interpreter.preferred_languages = [script, "zh-hant"]
        interpreter.save()
        DelegationMemberFactory(
            delegation=delegation, person=interpreter, role=enums.MemberRole.INTERPRETER
        )
        scene.heads.append(head)
        scene.interpreters[head.pk] = interpreter
    fixed = 1 + deputies + envoys + 2 * delegations
    for i in range(max(0, guests - fixed)):
        delegation = scene.delegations[i % delegations] if delegations else None
        if delegation is None or i % 4 == 3:
            member = cjk_person("zh-hant", n + 1000 + i)
            AffiliationFactory(
                person=member,
                organisation=home,
                position_title="專員",
                position_title_en="Officer",
                office_rank=OfficeRank.OFFICIAL,
                start_date=since,
            )
        else:
            script = ("ko", "ja")[scene.delegations.index(delegation) % 2]
            member = cjk_person(script, n + 1000 + i)
            DelegationMemberFactory(delegation=delegation, person=member)
        scene.members.append(member)
    return scene


def accept_all(scene):
    """Every guest invited and accepted (the officer's list, already answered)."""
    for person in scene.people:
        models.Invitation.objects.create(
            event=scene.event,
            person=person,
            status=enums.InvitationStatus.ACCEPTED,
            max_companions=0,
        )

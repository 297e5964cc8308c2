"""Mail greets each reader as a protocol officer of their language would (crm.address)."""

import datetime

import pytest

from crm.enums import Courtesy, NameOrder, OfficeRank, TermKind
from crm.models import GlossaryTerm
from events.tasks import build_invitation_message, build_registration_message
from tests.factories.crm import AffiliationFactory, OrganisationFactory, PersonFactory
from tests.factories.events import InvitationFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def mayor(*, native, chinese, family, given, language, city, titles, order=NameOrder.FAMILY_FIRST):
    person = PersonFactory(
        family_name=family,
        given_name=given,
        name_order=order,
        native_name=native,
        chinese_name=chinese,
        honorific="Mayor",
        courtesy_title=Courtesy.MR,
        preferred_languages=[language],
    )
    zh, en, ja, ko = city
    AffiliationFactory(
        person=person,
        organisation=OrganisationFactory(name=zh, name_en=en, name_ja=ja, name_ko=ko),
        position_title=titles[0],
        position_title_en=titles[1],
        position_title_ja=titles[2],
        position_title_ko=titles[3],
        office_rank=OfficeRank.MAYOR,
        start_date=datetime.date(2000, 1, 1),
    )
    return person


MAYOR = ("市長", "Mayor", "市長", "시장")

# (the mayor, how the mail begins, what it must not show)
MAYORS = [
    pytest.param(
        {
            "native": "野志克仁",
            "chinese": "野志克仁",
            "family": "Noshi",
            "given": "Katsuhito",
            "language": "ja",
            "city": ("松山市", "Matsuyama", "松山市", "마쓰야마시"),
        },
        "松山市長 野志克仁 様\n",
        ["Noshi"],
        id="japanese-to-the-matsuyama-mayor-by-his-kanji-name",
    ),
    pytest.param(
        {
            "native": "염태영",
            "chinese": "廉泰英",
            "family": "Yeom",
            "given": "Tae-young",
            "language": "ko",
            "city": ("水原市", "Suwon", "水原市", "수원시"),
        },
        "존경하는 염태영 수원시장님께\n",
        [],
        id="korean-to-the-suwon-mayor-with-his-korean-title",
    ),
    pytest.param(
        {
            "native": "Ted Wheeler",
            "chinese": "",
            "family": "Wheeler",
            "given": "Ted",
            "language": "en",
            "city": ("波特蘭市", "Portland", "ポートランド市", "포틀랜드시"),
            "order": NameOrder.GIVEN_FIRST,
        },
        "Dear Mayor Wheeler,\n",
        [],
        id="english-uses-the-office-in-the-salutation",
    ),
]


@pytest.mark.parametrize(("who", "greeting", "unseen"), MAYORS)
def test_invitation_mail_addresses_a_mayor_as_his_language_does(who, greeting, unseen):
    message = build_invitation_message(InvitationFactory(person=mayor(titles=MAYOR, **who)))

    assert message.body.startswith(greeting)
    assert not [text for text in unseen if text in message.body]


def test_japanese_registration_mail_greets_the_applicant_by_their_kanji_name():
    registration = RegistrationFactory(
        family_name="Sato", given_name="Yui", native_name="佐藤結衣", language="ja"
    )
    message = build_registration_message(registration, kind="received")

    assert message.body.startswith("佐藤結衣 様")


def test_invitation_mail_writes_the_title_as_the_official_names_handbook_does():
    person = mayor(
        native="염태영",
        chinese="廉泰英",
        family="Yeom",
        given="Tae-young",
        language="ko",
        city=("水原市", "Suwon", "水原市", ""),
        titles=("市長", "Mayor", "市長", "시 대표"),
    )
    GlossaryTerm.objects.create(
        kind=TermKind.TITLE, name="市長", name_zh_hant="市長", name_ko="시장"
    )
    GlossaryTerm.objects.create(
        kind=TermKind.PLACE, name="水原市", name_zh_hant="水原市", name_ko="수원시"
    )
    message = build_invitation_message(InvitationFactory(person=person))

    assert message.body.startswith("존경하는 염태영 수원시장님께\n")

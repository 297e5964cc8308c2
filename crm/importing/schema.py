"""What each kind of import reads: its fields, their parsers and the headers that name them."""

import functools
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from phonenumber_field.phonenumber import to_python as to_phone

from ..enums import ImportKind, NameOrder, OfficeRank, OrganisationKind, RelationshipType
from .normalise import (
    _fold,
    clean_text,
    normalise_country,
    normalise_header,
    parse_date,
    parse_decimal,
    parse_partial_date,
)

# Words offices write for a tie's type besides the labels in the four catalogues.
TIE_TYPE_ALIASES = {
    "sister": RelationshipType.SISTER_CITY,
    "sister city": RelationshipType.SISTER_CITY,
    "姊妹市": RelationshipType.SISTER_CITY,
    "姐妹市": RelationshipType.SISTER_CITY,
    "姊妹城市": RelationshipType.SISTER_CITY,
    "姉妹都市": RelationshipType.SISTER_CITY,
    "자매도시": RelationshipType.SISTER_CITY,
    "friendship": RelationshipType.FRIENDSHIP_CITY,
    "friendship city": RelationshipType.FRIENDSHIP_CITY,
    "友好城市": RelationshipType.FRIENDSHIP_CITY,
    "友好都市": RelationshipType.FRIENDSHIP_CITY,
    "우호도시": RelationshipType.FRIENDSHIP_CITY,
    "mou": RelationshipType.MOU,
    "mou partner": RelationshipType.MOU,
    "備忘錄": RelationshipType.MOU,
}


@functools.cache
def _choice_index(choices_class, aliases=()):
    index = {}
    for value, _label in choices_class.choices:
        index[_fold(str(value))] = value
        index[_fold(str(value).replace("_", " "))] = value
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for value, label in choices_class.choices:
                index.setdefault(_fold(str(label)), value)
    for alias, value in aliases:
        index.setdefault(_fold(alias), value)
    return index


def _choice(choices_class, aliases=()):
    def parse(value):
        text = clean_text(value)
        if not text:
            return ""
        found = _choice_index(choices_class, tuple(aliases)).get(_fold(text))
        if found is None:
            raise ValidationError(
                _("“%(value)s” is not one of: %(choices)s."),
                code="choice",
                params={
                    "value": text,
                    "choices": ", ".join(str(label) for _v, label in choices_class.choices),
                },
            )
        return found

    return parse


def _text(max_length):
    def parse(value):
        text = clean_text(value)
        if len(text) > max_length:
            raise ValidationError(
                _("“%(value)s…” is longer than %(limit)s characters."),
                code="length",
                params={"value": text[:20], "limit": max_length},
            )
        return text

    return parse


def _email(value):
    text = clean_text(value).lower()
    if text:
        EmailValidator(message=_("“%(value)s” is not an e-mail address.") % {"value": text})(text)
    return text


def _url(value):
    text = clean_text(value)
    if text:
        URLValidator(message=_("“%(value)s” is not a web address.") % {"value": text})(text)
    return text


def _phone(value):
    text = clean_text(value)
    if not text:
        return ""
    number = to_phone(text)
    if not number or not number.is_valid():
        raise ValidationError(
            _("“%(value)s” is not a phone number (write it as +82 31 228 2114)."),
            code="phone",
            params={"value": text},
        )
    return str(number)


def _languages(value):
    text = clean_text(value)
    return [part.strip().lower() for part in text.replace(";", ",").split(",") if part.strip()]


def _latitude(value):
    return parse_decimal(value, minimum=-90, maximum=90)


def _longitude(value):
    return parse_decimal(value, minimum=-180, maximum=180)


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    parse: object
    headers: tuple = field(default=())


NAME_FIELDS = (
    Field("name_en", _("name (English)"), _text(255), ("name", "english name", "英文名稱")),
    Field("name_zh_hant", _("name (Chinese)"), _text(255), ("中文名稱", "chinese name", "名稱")),
    Field("name_ja", _("name (Japanese)"), _text(255), ("日本語名", "japanese name")),
    Field("name_ko", _("name (Korean)"), _text(255), ("한국어 이름", "korean name")),
    Field("native_name", _("native-script name"), _text(255), ("原文名稱", "native")),
    Field("country", _("country"), normalise_country, ("國家", "国", "국가", "nation")),
    Field("latitude", _("latitude"), _latitude, ("lat", "緯度", "위도")),
    Field("longitude", _("longitude"), _longitude, ("lon", "lng", "long", "經度", "経度", "경도")),
    Field("website", _("website"), _url, ("url", "web", "網站")),
)

ORGANISATION_FIELDS = (
    *NAME_FIELDS,
    Field(
        "kind",
        _("kind"),
        _choice(OrganisationKind),
        ("type", "organisation kind", "類別", "種類", "종류"),
    ),
    Field("short_name", _("short name"), _text(64), ("abbreviation", "簡稱")),
    Field("address", _("address"), _text(2000), ("地址", "住所", "주소")),
    Field("parent", _("parent organisation"), _text(255), ("上級機關", "parent organisation")),
    Field("notes", _("notes"), _text(10000), ("備註", "備考", "비고", "note")),
)

TIE_FIELDS = (
    *NAME_FIELDS,
    Field(
        "tie_type",
        _("type of tie"),
        _choice(RelationshipType, tuple(TIE_TYPE_ALIASES.items())),
        ("kind", "type", "關係", "締結種類", "relationship"),
    ),
    Field(
        "signed", _("signed on"), parse_partial_date, ("signed on", "締結日期", "締結日", "date")
    ),
    Field("source_url", _("source"), _url, ("source", "來源", "出典", "출처")),
    Field("notes", _("notes"), _text(10000), ("備註", "備考", "비고", "note")),
)

PERSON_FIELDS = (
    Field("family_name", _("family name"), _text(128), ("surname", "last name", "姓", "성")),
    Field("given_name", _("given name"), _text(128), ("first name", "名", "이름")),
    Field("name_suffix", _("name suffix"), _text(16), ("suffix", "generational suffix")),
    Field("native_name", _("native-script name"), _text(255), ("原文姓名", "native")),
    Field("chinese_name", _("official Chinese name"), _text(64), ("中文姓名", "中文名")),
    Field("name_order", _("name order"), _choice(NameOrder), ()),
    Field("honorific", _("honorific"), _text(64), ("title prefix", "prefix", "稱謂", "敬称")),
    Field("email", _("e-mail"), _email, ("e-mail", "mail", "email address", "電子郵件")),
    Field("phone", _("phone"), _phone, ("tel", "telephone", "mobile", "電話", "전화")),
    Field("preferred_languages", _("preferred languages"), _languages, ("languages",)),
    Field("organisation", _("organisation"), _text(255), ("org", "company", "機關", "所属")),
    Field("position_title", _("position title"), _text(255), ("position", "title", "職稱")),
    Field("office_rank", _("office rank"), _choice(OfficeRank), ("rank",)),
    Field("start_date", _("start date"), parse_date, ("from", "since", "到任日")),
    Field("end_date", _("end date"), parse_date, ("until", "to", "卸任日")),
    Field("notes", _("notes"), _text(10000), ("備註", "備考", "비고", "note")),
)

FIELDS = {
    ImportKind.ORGANISATIONS: ORGANISATION_FIELDS,
    ImportKind.TIES: TIE_FIELDS,
    ImportKind.PEOPLE: PERSON_FIELDS,
}


def fields_of(kind):
    return {spec.name: spec for spec in FIELDS[kind]}


def guess_mapping(kind, header, remembered=None):
    """{column index: field name} from the header, a source's remembered mapping first."""
    remembered = remembered or {}
    names = {}
    for spec in FIELDS[kind]:
        for word in (spec.name, str(spec.label), *spec.headers):
            names.setdefault(normalise_header(word), spec.name)
    mapping = {}
    taken = set()
    for index, cell in enumerate(header):
        key = normalise_header(cell)
        name = remembered.get(key) or names.get(key)
        if name and name not in taken and name in fields_of(kind):
            mapping[index] = name
            taken.add(name)
    return mapping

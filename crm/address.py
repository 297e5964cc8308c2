"""Forms of address: how a protocol officer writes a person's name, title and honorific.

One function, address(), answers for a reader's language (zh-hant, en, ja, ko) and an
occasion (envelope, letter salutation, place card, badge, acknowledgment in a speech):

    en  envelope     His Excellency Mr Brent Christensen, Director, American Institute ...
    zh  place card   水原市長 廉泰英
    ja  envelope     秋田県知事 佐竹敬久 様
    ko  speech       염태영 수원시장님

The rules read only the records they are given (a person and the affiliation printed as
their title, see crm.selectors.precedence.titles_as_of); they never query or write, so print
packs and mail for hundreds of guests cost no query per guest.

Why the free-text honorific is used only in English: it is typed in English ("Mayor",
"H.E.", "Dr."), and "Mayor 韓國瑜" on a Chinese place card is exactly what a reader of
Chinese must not see; the other languages derive the title from the position held.
"""

from dataclasses import dataclass

from .enums import Courtesy, OccasionOfAddress, OfficeRank, OrganisationKind
from .names import format_name, is_han, is_hangul, is_kana

LANGUAGES = ("zh-hant", "en", "ja", "ko")

# Where a translated field is blank, the next language a reader of this one can follow.
FIELD_FALLBACKS = {
    "zh-hant": ("zh_hant", "en"),
    "en": ("en", "zh_hant"),
    "ja": ("ja", "zh_hant", "en"),
    "ko": ("ko", "en", "zh_hant"),
}

# Ranks addressed as "His/Her Excellency" (閣下 in Chinese and Japanese envelopes).
EXCELLENCY_RANKS = frozenset(
    {
        OfficeRank.HEAD_OF_STATE,
        OfficeRank.HEAD_OF_GOVERNMENT,
        OfficeRank.MINISTER,
        OfficeRank.AMBASSADOR,
    }
)
# Elected heads of a city or region and legislators: "The Honorable" in English.
HONOURABLE_RANKS = frozenset({OfficeRank.GOVERNOR, OfficeRank.MAYOR, OfficeRank.LEGISLATOR})
# Offices named "of" their city in English ("Mayor of Suwon", "Governor of Akita").
OF_PLACE_RANKS = frozenset(
    {OfficeRank.GOVERNOR, OfficeRank.MAYOR, OfficeRank.DEPUTY, OfficeRank.LEGISLATOR}
)
# A title that starts with the unit its place ends with is written once:
# 水原市 + 市長 = 水原市長, 수원시 + 시장 = 수원시장.
ADMINISTRATIVE_UNITS = frozenset("市縣県都道府시군구도현")
# A city government is named by its city in a title: 高雄市政府 + 市長 = 高雄市長.
GOVERNMENT_SUFFIXES = {
    "zh-hant": ("政府",),
    "ja": ("政府",),
    "ko": (" 정부", "정부"),
    "en": (" City Government", " Government"),
}
# English styles typed in the honorific field that stand before a name on their own.
ENGLISH_STYLES = ("H.E.", "Hon.", "The Hon.", "Dr.", "Dr", "Prof.", "Prof", "Rev.")


@dataclass(frozen=True)
class Address:
    """A person as written for one reader and occasion.

    text is the whole line; name and title are its parts for prints that set them on
    separate lines (a badge: the name large, the title below).
    """

    text: str
    name: str
    title: str
    language: str


def normalise_language(language):
    """One of LANGUAGES for any code a user or browser gives (zh-tw, ja-jp, en-gb ...)."""
    code = (language or "").lower().replace("_", "-")
    if code.startswith("zh"):
        return "zh-hant"
    base = code.split("-")[0]
    return base if base in LANGUAGES else "en"


def translated(record, field, language):
    """A modeltranslation field in a language, falling back as a reader would accept."""
    for suffix in FIELD_FALLBACKS[normalise_language(language)]:
        value = getattr(record, f"{field}_{suffix}", None)
        if value:
            return value
    return getattr(record, field, "") or ""


def official(record, field, language, lookup=None):
    """A translated field with the handbook's official form first, language by language.

    lookup(chinese, language) is a Handbook's title or organisation method (crm.glossary):
    for each language a reader accepts, the handbook's form wins over the record's, so a
    Korean reader gets the handbook's Korean, else the handbook's English before the
    record's English.
    """
    if lookup is None:
        return translated(record, field, language)
    chinese = getattr(record, f"{field}_zh_hant", None) or getattr(record, field, "") or ""
    for suffix in FIELD_FALLBACKS[normalise_language(language)]:
        value = lookup(chinese, suffix.replace("_", "-")) or getattr(
            record, f"{field}_{suffix}", None
        )
        if value:
            return value
    return getattr(record, field, "") or ""


def _han_only(text):
    letters = [ord(ch) for ch in text if not ch.isspace()]
    return bool(letters) and all(is_han(c) for c in letters)


def reading_name(person, language):
    """The name in the script a reader of `language` reads.

    Chinese: the official Chinese name (酈英傑), else a name written in Han characters.
    Japanese: the kanji or kana name (野志克仁, not "Noshi Katsuhito"); a Korean's hanja.
    Korean: the hangul name. Otherwise, and in English, the Latin name in its own order.
    """
    language = normalise_language(language)
    native = person.native_name or ""
    if language == "zh-hant":
        if person.chinese_name:
            return person.chinese_name
        if _han_only(native):
            return native
    elif language == "ja":
        if any(is_kana(ord(c)) or is_han(ord(c)) for c in native):
            return native
        if any(is_hangul(ord(c)) for c in native) and _han_only(person.chinese_name or ""):
            return person.chinese_name
    elif language == "ko" and any(is_hangul(ord(c)) for c in native):
        return native
    return format_name(person) or native or person.chinese_name or ""


def _place(organisation, language, handbook=None):
    name = official(organisation, "name", language, handbook.organisation if handbook else None)
    for suffix in GOVERNMENT_SUFFIXES[language]:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def position_title(affiliation, language, *, handbook=None):
    """The position alone, in the reader's language: 市長, Mayor, 知事, 시장.

    With a handbook (crm.glossary.load_handbook), its official forms come first.
    """
    if affiliation is None:
        return ""
    lookup = handbook.title if handbook else None
    return official(affiliation, "position_title", normalise_language(language), lookup)


def full_title(affiliation, language, *, handbook=None):
    """Position with its organisation: 水原市長, Mayor of Suwon, 秋田県知事, 수원시장."""
    language = normalise_language(language)
    position = position_title(affiliation, language, handbook=handbook)
    if affiliation is None or not position:
        return position
    organisation = affiliation.organisation
    place = _place(organisation, language, handbook)
    if not place:
        return position
    if language == "en":
        if organisation.kind == OrganisationKind.CITY and affiliation.office_rank in OF_PLACE_RANKS:
            return f"{position} of {place}"
        return f"{position}, {place}"
    if place[-1] in ADMINISTRATIVE_UNITS and position[0] == place[-1]:
        return place + position[1:]
    if language == "ko":
        # Korean writes a city's or province's office as one word (수원시장, 아키타현지사),
        # an organisation's or a longer title with a space (미국재대만협회 처장,
        # 수원시 중국어 통역사).
        joined = (
            place[-1] in ADMINISTRATIVE_UNITS
            and is_hangul(ord(position[0]))
            and " " not in position
        )
        return f"{place}{position}" if joined else f"{place} {position}"
    return place + position


def _rank(affiliation):
    return affiliation.office_rank if affiliation is not None else OfficeRank.PRIVATE


def _english_style(person):
    honorific = (person.honorific or "").strip()
    return honorific if honorific in ENGLISH_STYLES else ""


def _mr(person):
    return {Courtesy.MR: "Mr", Courtesy.MS: "Ms"}.get(person.courtesy_title, "")


def _english_family(person):
    return person.family_name or format_name(person)


def _english(person, affiliation, occasion, handbook):
    name = reading_name(person, "en")
    title = full_title(affiliation, "en", handbook=handbook)
    position = position_title(affiliation, "en", handbook=handbook)
    rank = _rank(affiliation)
    style = _english_style(person)
    honorific = (person.honorific or "").strip()
    mr = _mr(person)
    excellency = rank in EXCELLENCY_RANKS or style == "H.E."
    honourable = not excellency and (rank in HONOURABLE_RANKS or style in ("Hon.", "The Hon."))
    academic = style if style in ("Dr.", "Dr", "Prof.", "Prof", "Rev.") else ""
    # An office word typed as the honorific ("Mayor", "Governor") leads the name in English.
    office_word = honorific if honorific and not style else (position if honourable else "")

    def styled(long):
        if excellency:
            lead = "H.E."
            if long:
                lead = {"Mr": "His Excellency", "Ms": "Her Excellency"}.get(mr, "H.E.")
            return " ".join(part for part in (lead, academic or mr, name) if part)
        if honourable and long:
            return f"The Honorable {name}"
        if office_word:
            return f"{office_word} {name}"
        return " ".join(part for part in (academic or mr, name) if part)

    if occasion == OccasionOfAddress.ENVELOPE:
        text = ", ".join(part for part in (styled(True), title) if part)
    elif occasion == OccasionOfAddress.SALUTATION:
        if excellency:
            text = "Your Excellency,"
        elif office_word:
            text = f"Dear {office_word} {_english_family(person)},"
        elif academic or mr:
            text = f"Dear {academic or mr} {_english_family(person)},"
        else:
            text = f"Dear {name},"
    elif occasion == OccasionOfAddress.PLACE_CARD:
        text = styled(False)
    elif occasion == OccasionOfAddress.BADGE:
        lead = "H.E." if excellency else academic
        text = f"{lead} {name}".strip()
    else:
        text = ", ".join(part for part in (styled(True), title) if part)
    return Address(text, name, title, "en")


def _chinese(person, affiliation, occasion, handbook):
    name = reading_name(person, "zh-hant")
    title = full_title(affiliation, "zh-hant", handbook=handbook)
    position = position_title(affiliation, "zh-hant", handbook=handbook)
    rank = _rank(affiliation)
    polite = {Courtesy.MR: "先生", Courtesy.MS: "女士"}.get(person.courtesy_title, "")
    if occasion == OccasionOfAddress.ENVELOPE:
        # 閣下 for heads of state and government, ministers, envoys, governors and mayors.
        honour = "閣下" if rank <= OfficeRank.MAYOR else polite
        text = " ".join(part for part in (title, name, honour) if part)
    elif occasion == OccasionOfAddress.SALUTATION:
        text = f"敬愛的{name}{position or polite}："
    elif occasion == OccasionOfAddress.PLACE_CARD:
        text = " ".join(part for part in (title, name) if part) or name
    elif occasion == OccasionOfAddress.BADGE:
        text = name
    else:
        place = _place(affiliation.organisation, "zh-hant", handbook) if affiliation else ""
        if position:
            text = f"{place if title != position else ''}{name}{position}"
        else:
            text = f"{name}{polite}"
    return Address(text, name, title, "zh-hant")


def _japanese(person, affiliation, occasion, handbook):
    name = reading_name(person, "ja")
    title = full_title(affiliation, "ja", handbook=handbook)
    position = position_title(affiliation, "ja", handbook=handbook)
    rank = _rank(affiliation)
    if occasion == OccasionOfAddress.ENVELOPE:
        honour = "閣下" if rank in EXCELLENCY_RANKS else "様"
        text = " ".join(part for part in (title, name, honour) if part)
    elif occasion in (OccasionOfAddress.SALUTATION, OccasionOfAddress.PLACE_CARD):
        text = " ".join(part for part in (title, name, "様") if part)
    elif occasion == OccasionOfAddress.BADGE:
        text = name
    else:
        place = _place(affiliation.organisation, "ja", handbook) if affiliation else ""
        if position and title != position:
            text = f"{place}の{name}{position}"
        elif position:
            text = f"{name}{position}"
        else:
            text = f"{name}様"
    return Address(text, name, title, "ja")


def _korean(person, affiliation, occasion, handbook):
    name = reading_name(person, "ko")
    title = full_title(affiliation, "ko", handbook=handbook)
    if occasion == OccasionOfAddress.ENVELOPE:
        text = " ".join(part for part in (title, name, "귀하") if part)
    elif occasion == OccasionOfAddress.SALUTATION:
        text = f"존경하는 {name} {title}님께" if title else f"존경하는 {name}님께"
    elif occasion == OccasionOfAddress.PLACE_CARD:
        text = " ".join(part for part in (title, name) if part)
    elif occasion == OccasionOfAddress.BADGE:
        text = name
    else:
        text = f"{name} {title}님" if title else f"{name}님"
    return Address(text, name, title, "ko")


WRITERS = {"en": _english, "zh-hant": _chinese, "ja": _japanese, "ko": _korean}


def address(person, *, language, occasion, affiliation=None, handbook=None):
    """A person written for a reader of `language` on an occasion (an OccasionOfAddress).

    affiliation is the position printed as their title (crm.selectors.precedence.titles_as_of);
    without one the person is addressed by name and courtesy title alone. handbook (the
    official names handbook, crm.glossary.load_handbook, loaded once per pack or page)
    writes titles and organisations the way the city officially writes them.
    """
    language = normalise_language(language)
    occasion = OccasionOfAddress(occasion)
    return WRITERS[language](person, affiliation, occasion, handbook)


def acknowledgments(guests, *, language, handbook=None):
    """The order of acknowledgment in a speech: (person, affiliation) pairs already in
    precedence order (crm.selectors.precedence.order_by_precedence) written as a speaker
    says them."""
    return [
        address(
            person,
            language=language,
            occasion=OccasionOfAddress.ACKNOWLEDGMENT,
            affiliation=affiliation,
            handbook=handbook,
        ).text
        for person, affiliation in guests
    ]

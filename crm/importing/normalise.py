"""Cell normalisers shared by imports (and by duplicate finding): countries, dates, numbers.

Each takes what a reader produced (a string from a CSV, or a str, int, float, datetime from
an XLSX cell) and returns a clean value or raises a translated ValidationError that says
what was wrong with the cell.
"""

import datetime
import functools
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from ..enums import DatePrecision

# Names that the four catalogues of django-countries do not carry but offices write.
COUNTRY_ALIASES = {
    "usa": "US",
    "us": "US",
    "united states": "US",
    "america": "US",
    "美利堅合眾國": "US",
    "uk": "GB",
    "britain": "GB",
    "great britain": "GB",
    "英國": "GB",
    "korea": "KR",
    "republic of korea": "KR",
    "korea, republic of": "KR",
    "韓國": "KR",
    "大韓民國": "KR",
    "大韓民国": "KR",
    "한국": "KR",
    "taiwan, roc": "TW",
    "republic of china": "TW",
    "中華民國": "TW",
    "臺灣": "TW",
    "中華民国": "TW",
    "viet nam": "VN",
    "eswatini": "SZ",
    "swaziland": "SZ",
}

# Excel counts days from 1899-12-30 (the 1900 leap-year bug is built into that origin).
EXCEL_EPOCH = datetime.date(1899, 12, 30)
EXCEL_SERIAL_RANGE = (1, 2958465)  # 1900-01-01 .. 9999-12-31
ROC_OFFSET = 1911  # 民國1年 is 1912

ROC_WORDS = re.compile(
    r"^(?:民國|民国|中華民國|ROC\s*)?\s*(\d{1,3})\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?)?$",
    re.IGNORECASE,
)
ROC_NUMERIC = re.compile(r"^(\d{2,3})[/.\-](\d{1,2})[/.\-](\d{1,2})$")
ISO_DAY = re.compile(r"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})(?:[T ][\d:.]+)?$")
ISO_MONTH = re.compile(r"^(\d{4})[/.\-](\d{1,2})$")
ISO_YEAR = re.compile(r"^(\d{4})$")
SERIAL = re.compile(r"^\d{1,7}(?:\.0+)?$")


def clean_text(value):
    """A cell as text: NFC, outer spaces and non-breaking spaces gone; None for empty."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFC", str(value)).replace("\u00a0", " ").replace("\ufeff", "")
    return text.strip()


def _fold(text):
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


@functools.cache
def _country_index():
    index = {}
    for code, _name in countries:
        index[code.casefold()] = code
        alpha3 = countries.alpha3(code)
        if alpha3:
            index[alpha3.casefold()] = code
    for language, _label in settings.LANGUAGES:
        with translation.override(language):
            for code, name in countries:
                index.setdefault(_fold(str(name)), code)
    for alias, code in COUNTRY_ALIASES.items():
        index.setdefault(_fold(alias), code)
    return index


def normalise_country(value):
    """An ISO 3166 alpha-2 code from a code (KR, KOR) or a name in any of the four languages."""
    text = clean_text(value)
    if not text:
        return ""
    code = _country_index().get(_fold(text))
    if code is None:
        raise ValidationError(
            _("“%(value)s” is not a country we know (write a name or an ISO code such as KR)."),
            code="country",
            params={"value": text},
        )
    return code


def _day(year, month, day, text):
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        raise ValidationError(
            _("“%(value)s” is not a date that exists."), code="date", params={"value": text}
        ) from None


def _month(year, month, text):
    if not 1 <= int(month) <= 12:
        raise ValidationError(
            _("“%(value)s” is not a date that exists."), code="date", params={"value": text}
        )
    return datetime.date(int(year), int(month), 1)


def parse_partial_date(value):
    """(date, precision) from a cell; the date is the first day of a year or month given alone.

    Accepts dates from spreadsheets, ISO dates (2019-02-16, 2019-02, 2019), ROC dates
    (民國108年2月16日, 108/02/16) and Excel date serials; (None, "") for an empty cell.
    """
    if isinstance(value, datetime.datetime):
        return value.date(), DatePrecision.DAY
    if isinstance(value, datetime.date):
        return value, DatePrecision.DAY
    text = clean_text(value)
    if not text:
        return None, ""
    if isinstance(value, int | float) or SERIAL.match(text) and len(text.split(".")[0]) >= 5:
        serial = int(float(text))
        if not EXCEL_SERIAL_RANGE[0] <= serial <= EXCEL_SERIAL_RANGE[1]:
            raise ValidationError(
                _("“%(value)s” is not a date."), code="date", params={"value": text}
            )
        return EXCEL_EPOCH + datetime.timedelta(days=serial), DatePrecision.DAY
    folded = unicodedata.normalize("NFKC", text)
    if match := ISO_DAY.match(folded):
        return _day(*match.groups(), text), DatePrecision.DAY
    if match := ROC_NUMERIC.match(folded):
        year, month, day = match.groups()
        return _day(int(year) + ROC_OFFSET, month, day, text), DatePrecision.DAY
    if match := ROC_WORDS.match(folded):
        year, month, day = match.groups()
        year = int(year) + ROC_OFFSET
        if day:
            return _day(year, month, day, text), DatePrecision.DAY
        if month:
            return _month(year, month, text), DatePrecision.MONTH
        return datetime.date(year, 1, 1), DatePrecision.YEAR
    if match := ISO_MONTH.match(folded):
        return _month(*match.groups(), text), DatePrecision.MONTH
    if match := ISO_YEAR.match(folded):
        return datetime.date(int(match.group(1)), 1, 1), DatePrecision.YEAR
    raise ValidationError(
        _(
            "“%(value)s” is not a date we can read (write 2019-02-16, 2019-02, 2019, "
            "108/02/16 or 民國108年2月16日)."
        ),
        code="date",
        params={"value": text},
    )


def parse_date(value):
    """A full date from a cell (see parse_partial_date); a year or month alone is refused."""
    day, precision = parse_partial_date(value)
    if day is not None and precision != DatePrecision.DAY:
        raise ValidationError(
            _("“%(value)s” needs a day, month and year."),
            code="date",
            params={"value": clean_text(value)},
        )
    return day


def parse_decimal(value, *, minimum=None, maximum=None):
    """A Decimal from a number cell; a date, text or a value out of range is refused."""
    if isinstance(value, datetime.date):
        raise ValidationError(
            _("A date (%(value)s) is in a column that holds numbers."),
            code="number",
            params={"value": value.isoformat()[:10]},
        )
    text = clean_text(value)
    if not text:
        return None
    try:
        number = Decimal(text.replace(",", "") if isinstance(value, str) else str(value))
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        raise ValidationError(
            _("“%(value)s” is not a number."), code="number", params={"value": text}
        )
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        raise ValidationError(
            _("%(value)s is outside %(minimum)s to %(maximum)s."),
            code="number",
            params={"value": text, "minimum": minimum, "maximum": maximum},
        )
    return number


def normalise_header(value):
    """A header cell folded for matching column names: lower case, single underscores."""
    text = _fold(clean_text(value))
    return re.sub(r"[\s\-./]+", "_", text).strip("_")

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from crm.enums import DatePrecision
from crm.importing.normalise import (
    normalise_country,
    parse_date,
    parse_decimal,
    parse_partial_date,
)

D = datetime.date


@pytest.mark.parametrize(
    "value",
    ["KR", "kr", "KOR", "South Korea", "Korea", "南韓", "韓國", "韓国", "대한민국", " 한국 "],
)
def test_normalise_country_reads_codes_and_names_in_the_four_languages(value):
    assert normalise_country(value) == "KR"


@pytest.mark.parametrize(
    ("value", "code"),
    [("美國", "US"), ("アメリカ合衆国", "US"), ("미국", "US"), ("Japan", "JP"), ("日本", "JP")],
)
def test_normalise_country_reads_other_countries(value, code):
    assert normalise_country(value) == code


def test_normalise_country_refuses_an_unknown_name_with_a_reason():
    with pytest.raises(ValidationError) as caught:
        normalise_country("Atlantis")
    assert "Atlantis" in caught.value.messages[0]
    assert normalise_country("") == ""


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-02-16", (D(2019, 2, 16), DatePrecision.DAY)),
        ("2019/2/16", (D(2019, 2, 16), DatePrecision.DAY)),
        ("民國108年2月16日", (D(2019, 2, 16), DatePrecision.DAY)),
        ("108/02/16", (D(2019, 2, 16), DatePrecision.DAY)),
        ("108.2.16", (D(2019, 2, 16), DatePrecision.DAY)),
        ("民國108年2月", (D(2019, 2, 1), DatePrecision.MONTH)),
        ("1983-04", (D(1983, 4, 1), DatePrecision.MONTH)),
        ("1962", (D(1962, 1, 1), DatePrecision.YEAR)),
        (43512, (D(2019, 2, 16), DatePrecision.DAY)),
        (43512.0, (D(2019, 2, 16), DatePrecision.DAY)),
        ("43512", (D(2019, 2, 16), DatePrecision.DAY)),
        (datetime.datetime(2019, 2, 16, 0, 0), (D(2019, 2, 16), DatePrecision.DAY)),
        ("", (None, "")),
    ],
)
def test_parse_partial_date_reads_iso_roc_partial_dates_and_excel_serials(value, expected):
    assert parse_partial_date(value) == expected


@pytest.mark.parametrize("value", ["2019-02-30", "108/13/01", "next Tuesday", "16.02.2019x"])
def test_parse_partial_date_refuses_what_is_not_a_date(value):
    with pytest.raises(ValidationError):
        parse_partial_date(value)


def test_parse_date_refuses_a_year_alone_where_a_day_is_needed():
    with pytest.raises(ValidationError):
        parse_date("2019")
    assert parse_date("108/02/16") == D(2019, 2, 16)


def test_parse_decimal_refuses_a_date_in_a_number_column():
    with pytest.raises(ValidationError) as caught:
        parse_decimal(datetime.datetime(2019, 2, 16))
    assert "2019-02-16" in caught.value.messages[0]
    with pytest.raises(ValidationError):
        parse_decimal("35°N")
    with pytest.raises(ValidationError):
        parse_decimal("95", maximum=90)
    assert parse_decimal("-27.47") == Decimal("-27.47")
    assert parse_decimal(35.18) == Decimal("35.18")

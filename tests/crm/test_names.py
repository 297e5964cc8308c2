import pytest

from crm import names
from crm.enums import NameOrder


def test_has_cjk_agrees_with_the_script_predicates_on_every_code_point():
    for code in [*range(0x1000, 0xE000), *range(0x1FFF0, 0x30000)]:
        expected = names.is_han(code) or names.is_kana(code) or names.is_hangul(code)
        assert names.has_cjk(chr(code)) == expected, hex(code)


@pytest.mark.parametrize(
    ("native_name", "country", "expected"),
    [
        ("", "KR", NameOrder.FAMILY_FIRST),
        ("佐藤結衣", "", NameOrder.FAMILY_FIRST),
        ("", "AU", NameOrder.GIVEN_FIRST),
        ("", "", NameOrder.GIVEN_FIRST),
    ],
)
def test_infer_name_order_from_country_or_script(native_name, country, expected):
    assert names.infer_name_order(native_name=native_name, country=country) == expected


def test_a_generational_suffix_follows_the_whole_latin_name():
    from crm.models import Person  # noqa: PLC0415 (the other tests here need no models)

    feulner = Person(
        family_name="Feulner", given_name="Edwin J.", name_suffix="Jr.", honorific="Dr."
    )
    assert names.format_name(feulner) == "Edwin J. Feulner, Jr."
    assert names.format_name(feulner, honorific=True) == "Dr. Edwin J. Feulner, Jr."
    # The native-script form is written whole by the person's own hand.
    feulner.native_name = "Edwin J. Feulner, Jr."
    assert names.format_name(feulner, script="native") == "Edwin J. Feulner, Jr."

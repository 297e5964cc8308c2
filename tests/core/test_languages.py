"""Language codes as a reader sees them: names in the reader's language."""

import pytest
from django.utils import translation

from core.languages import language_name, language_names


@pytest.mark.parametrize(
    ("reader", "names"),
    [
        ("zh-hant", "韓語, 英語, 越南語"),
        ("ja", "韓国語, 英語, ベトナム語"),
        ("ko", "한국어, 영어, 베트남어"),
        ("en", "Korean, English, Vietnamese"),
    ],
)
def test_codes_are_named_in_the_readers_language(reader, names):
    with translation.override(reader):
        assert language_names(["ko", "EN", "vi"]) == names


def test_a_regional_code_is_named_by_its_language_and_an_unknown_one_kept():
    with translation.override("en"):
        assert language_name("ko-kr") == "Korean"
        assert language_name("xx") == "xx"


def test_no_codes_is_a_dash():
    assert language_names([]) == "—"
    assert language_names(None) == "—"


def test_one_code_is_named_like_a_list_of_one():
    with translation.override("en"):
        assert language_names("ko") == "Korean"
        assert language_names("") == "—"

"""Names and titles: one line, and something visible (issue 15, points 4 and 8)."""

import pytest
from django.core.exceptions import ValidationError

from core.validators import validate_no_control_characters, validate_visible_name


@pytest.mark.parametrize(
    "value",
    ["Suwon\r\nBEGIN:VEVENT", "a\nb", "a\rb", "nul\x00", "bell\x07", "del\x7f", "c1\x85", "\x9b"],
)
def test_control_characters_are_refused(value):
    with pytest.raises(ValidationError) as caught:
        validate_visible_name(value)
    assert caught.value.code == "control_characters"


@pytest.mark.parametrize(
    "value",
    ["\u200b\u200b", "\ufeff", "\u202e", "\u200d \u2060", "\u3000\u200b", " \t "],
)
def test_names_of_invisible_characters_only_are_refused(value):
    with pytest.raises(ValidationError) as caught:
        validate_visible_name(value)
    assert caught.value.code == "invisible"


@pytest.mark.parametrize(
    "value", ["", "廉泰英", "Yeom Tae-young", "O'Neil\tJr", "\u202bمحمد\u202c", "Ana\u00a0Lima"]
)
def test_ordinary_names_pass(value):
    validate_visible_name(value)
    validate_no_control_characters(value)

"""Whole numbers that arrive as text."""

import pytest

from core.numbers import MAX_ID, plain_int


@pytest.mark.parametrize(
    ("text", "number"),
    [("0", 0), ("42", 42), (str(MAX_ID), MAX_ID), (7, 7)],
)
def test_plain_int_reads_ascii_digits(text, number):
    assert plain_int(text) == number


@pytest.mark.parametrize("text", ["", "²", "2³", "٣", "-1", " 3", "3.0", str(MAX_ID + 1), "x"])
def test_plain_int_refuses_anything_else(text):
    assert plain_int(text) is None


def test_plain_int_takes_a_smaller_ceiling():
    assert plain_int("2019", maximum=9999) == 2019
    assert plain_int("20190", maximum=9999) is None

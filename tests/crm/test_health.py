"""Relationship health: the score and its reasons, table by table."""

import datetime

import pytest
from django.utils import translation

from crm.health import is_round, next_anniversary, relationship_health

TODAY = datetime.date(2026, 6, 1)
D = datetime.date


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    ("visits_in", "visits_out", "last_contact", "expires_on", "score", "reasons"),
    [
        (2, 2, D(2026, 3, 1), None, 100, []),
        (0, 0, D(2026, 3, 1), None, 60, ["No visit either way in the last 5 years."]),
        (3, 0, D(2026, 3, 1), None, 80, ["Only visits to us (3); none returned."]),
        (0, 2, D(2026, 3, 1), None, 80, ["Only we visited (2); no visit returned."]),
        (7, 2, D(2026, 3, 1), None, 90, ["Visits are one-sided: 7 in, 2 out."]),
        (2, 2, None, None, 70, ["No contact on record."]),
        (2, 2, D(2025, 3, 1), None, 85, ["Last contact over a year ago (2025-03-01)."]),
        (2, 2, D(2023, 3, 1), None, 70, ["Last contact over two years ago (2023-03-01)."]),
        (2, 2, D(2026, 3, 1), D(2026, 9, 1), 85, ["Renewal due by 2026-09-01."]),
        (2, 2, D(2026, 3, 1), D(2026, 1, 1), 70, ["Expired on 2026-01-01."]),
        (0, 0, None, D(2026, 1, 1), 0, None),
    ],
)
def test_health_score_and_reasons(visits_in, visits_out, last_contact, expires_on, score, reasons):
    health = relationship_health(
        today=TODAY,
        visits_in=visits_in,
        visits_out=visits_out,
        last_contact=last_contact,
        signed_on=None,
        expires_on=expires_on,
    )
    assert health.score == score
    if reasons is not None:
        assert list(health.reasons) == reasons


def test_health_bands():
    def band(**kw):
        base = {
            "today": TODAY,
            "visits_in": 1,
            "visits_out": 1,
            "signed_on": None,
            "expires_on": None,
        }
        return relationship_health(**{**base, **kw}).band

    assert band(last_contact=TODAY) == "good"
    assert band(last_contact=None, visits_in=0, visits_out=0) == "poor"
    assert band(last_contact=D(2023, 1, 1)) == "good"  # 70: still good
    assert band(last_contact=None, visits_out=0) == "watch"


@pytest.mark.parametrize(
    ("signed_on", "expected"),
    [
        (D(2006, 9, 1), (D(2026, 9, 1), 20)),
        (D(2001, 7, 1), (D(2026, 7, 1), 25)),
        (D(1991, 8, 1), (D(2026, 8, 1), 35)),
        (D(2011, 6, 1), None),
        (D(2022, 2, 28), (D(2027, 2, 28), 5)),
        (D(2006, 5, 1), None),
        (None, None),
    ],
)
def test_health_anniversary_ahead(signed_on, expected):
    assert next_anniversary(signed_on, TODAY) == expected


def test_health_anniversary_is_a_reason_but_costs_nothing():
    health = relationship_health(
        today=TODAY,
        visits_in=1,
        visits_out=1,
        last_contact=TODAY,
        signed_on=D(2006, 9, 1),
        expires_on=None,
    )
    assert health.score == 100
    assert health.reasons == ("20 years on 2026-09-01: an occasion for a visit.",)


def test_health_round_years():
    assert [y for y in range(1, 46) if is_round(y)] == [5, 10, 20, 25, 30, 35, 40, 45]

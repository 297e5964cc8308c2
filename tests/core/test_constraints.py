import pytest
from django.db import models
from django.db.models import Q

from core.constraints import in_order


def test_in_order_lets_a_nullable_field_stay_empty():
    constraint = in_order(
        "x_start_before_end",
        "start_date",
        "end_date",
        nullable=("start_date", "end_date"),
        message="The end date cannot be before the start date.",
    )

    assert constraint.condition == (
        Q(start_date__isnull=True)
        | Q(end_date__isnull=True)
        | Q(end_date__gte=models.F("start_date"))
    )
    assert constraint.name == "x_start_before_end"
    assert constraint.violation_error_message == "The end date cannot be before the start date."


@pytest.mark.parametrize(
    ("kwargs", "condition"),
    [
        ({}, Q(ends_at__gte=models.F("starts_at"))),
        ({"strict": True}, Q(ends_at__gt=models.F("starts_at"))),
        (
            {"nullable": ("ends_at",)},
            Q(ends_at__isnull=True) | Q(ends_at__gte=models.F("starts_at")),
        ),
    ],
)
def test_in_order_compares_the_later_field_with_the_earlier(kwargs, condition):
    constraint = in_order("x_start_before_end", "starts_at", "ends_at", message="m", **kwargs)

    assert constraint.condition == condition

"""The gift register's demo: the report's one gift (the plate for Suwon's mayor) and invented
received gifts (illustrative) that show the ethics list: one above the NT$3,000 threshold, and
several small ones from one source adding up to more than NT$10,000 in a year."""

import datetime
from decimal import Decimal

from django.utils.translation import gettext

from crm.enums import GiftDirection
from crm.models import Gift
from crm.services.gifts import record_gift

from .common import report
from .crm import SUWON_SIGNED_ON, organisation, person

GIVEN, RECEIVED = GiftDirection.GIVEN, GiftDirection.RECEIVED
GIFTS = [
    # (date, direction, description, occasion, person key, organisation key, value, currency,
    #  NT$ estimate, illustrative)
    (
        SUWON_SIGNED_ON,
        GIVEN,
        "高雄市徽紀念盤",
        "2019高雄國際午宴",
        "yeom",
        "suwon",
        3000,
        "TWD",
        None,
        True,
    ),
    (
        SUWON_SIGNED_ON,
        RECEIVED,
        "水原華城青瓷花瓶",
        "2019高雄國際午宴",
        "yeom",
        "suwon",
        None,
        "KRW",
        8000,
        True,
    ),
    (
        datetime.date(2019, 2, 1),
        RECEIVED,
        "日本清酒禮盒",
        "春節拜會",
        None,
        "jtea_kaohsiung",
        2800,
        "TWD",
        None,
        True,
    ),
    (
        datetime.date(2019, 5, 20),
        RECEIVED,
        "日式茶具組",
        "交流協會拜會",
        None,
        "jtea_kaohsiung",
        2900,
        "TWD",
        None,
        True,
    ),
    (
        datetime.date(2019, 9, 10),
        RECEIVED,
        "九谷燒茶杯",
        "中秋拜會",
        None,
        "jtea_kaohsiung",
        2600,
        "TWD",
        None,
        True,
    ),
    (
        datetime.date(2019, 12, 2),
        RECEIVED,
        "秋田杉木盒",
        "年末拜會",
        None,
        "jtea_kaohsiung",
        2500,
        "TWD",
        None,
        True,
    ),
    (
        datetime.date(2019, 11, 14),
        RECEIVED,
        "紀念徽章",
        "美國在台協會高雄分處拜會",
        "oconnor",
        "ait_kaohsiung",
        20,
        "USD",
        600,
        True,
    ),
]


def load(stdout=None):
    """Enter the demo gifts once each (by date and description)."""
    report(stdout, gettext("CRM: the gift register (illustrative)"))
    for row in GIFTS:
        on, direction, description, occasion, person_key, org_key, value, currency = row[:8]
        estimate, illustrative = row[8:]
        if Gift.objects.filter(given_on=on, description_zh_hant=description).exists():
            continue
        record_gift(
            given_on=on,
            direction=direction,
            description=description,
            occasion=occasion,
            counterpart_person=person(person_key) if person_key else None,
            counterpart_organisation=organisation(org_key) if org_key else None,
            value=Decimal(value) if value is not None else None,
            currency=currency,
            estimated_value_twd=Decimal(estimate) if estimate is not None else None,
            is_illustrative=illustrative,
        )

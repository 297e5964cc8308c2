"""The gift register: ethics threshold, repeat warning, suggestions, admin list and export."""

import csv
import datetime
import io
from decimal import Decimal
from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from crm.enums import GiftDirection, InteractionKind
from crm.models import Gift
from crm.selectors.gifts import gifts_for_declaration, repeat_gifts, suggested_gifts
from crm.services.gifts import mark_gift_declared, record_gift
from tests.factories.crm import (
    GiftFactory,
    InteractionFactory,
    OrganisationFactory,
    PersonFactory,
)
from tests.factories.staff import protocol_officer

pytestmark = pytest.mark.django_db

RECEIVED = GiftDirection.RECEIVED


@pytest.mark.parametrize(
    ("value", "currency", "estimate", "flagged"),
    [
        (3000, "TWD", None, False),
        (Decimal("3000.01"), "TWD", None, True),
        (5000, "TWD", None, True),
        (200, "USD", 6400, True),
        (50, "USD", 1600, False),
        (200, "USD", None, False),
    ],
)
def test_gift_received_above_threshold_is_flagged(value, currency, estimate, flagged):
    gift = GiftFactory(
        direction=RECEIVED, value=value, currency=currency, estimated_value_twd=estimate
    )
    assert gift.needs_declaration is flagged
    assert (gift in gifts_for_declaration()) is flagged


def test_gift_given_is_never_flagged():
    gift = GiftFactory(direction=GiftDirection.GIVEN, value=90000)
    assert gift.needs_declaration is False
    assert list(gifts_for_declaration()) == []


def test_gift_threshold_follows_setting(settings):
    gift = GiftFactory(direction=RECEIVED, value=2500)
    assert list(gifts_for_declaration()) == []
    settings.KIA_GIFT_DECLARATION_THRESHOLD = 2000
    assert list(gifts_for_declaration()) == [gift]
    assert gift.needs_declaration is True


def test_gift_repeat_to_same_recipient_is_found_case_and_spacing_aside():
    osaka = OrganisationFactory()
    earlier = GiftFactory(counterpart_organisation=osaka, description="Kaohsiung  Vase")
    GiftFactory(description="Kaohsiung vase")  # to someone else
    assert repeat_gifts("kaohsiung vase", organisation=osaka) == [earlier]
    assert repeat_gifts("tea set", organisation=osaka) == []


def test_gift_suggestions_leave_out_what_the_recipient_already_has():
    osaka = OrganisationFactory()
    GiftFactory(counterpart_organisation=osaka, description="Vase")
    for description in ("Vase", "Tea set", "Tea set", "Scarf"):
        GiftFactory(description=description)
    assert suggested_gifts(organisation=osaka) == ["Tea set", "Scarf"]


def test_record_gift_needs_a_counterpart_and_writes_nothing_otherwise():
    with pytest.raises(ValidationError):
        record_gift(
            given_on=datetime.date(2024, 5, 1),
            occasion="Visit",
            direction=GiftDirection.GIVEN,
            description="Vase",
        )
    assert Gift.objects.count() == 0


def test_gift_counterpart_and_currency_are_database_constraints():
    gift = GiftFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Gift.objects.filter(pk=gift.pk).update(counterpart_organisation=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Gift.objects.filter(pk=gift.pk).update(currency="nt$")


def test_mark_gift_declared_is_audited():
    user = protocol_officer()
    gift = record_gift(
        given_on=datetime.date(2024, 5, 1),
        occasion="Visit of the Osaka delegation",
        direction=RECEIVED,
        description="Pearl necklace",
        counterpart_person=PersonFactory(),
        value=12000,
        user=user,
    )
    mark_gift_declared(gift, declared_on=datetime.date(2024, 5, 3), user=user)
    gift.refresh_from_db()
    assert gift.declared_on == datetime.date(2024, 5, 3)
    assert gift.description_zh_hant == "Pearl necklace"


def _add_form(person, description, **extra):
    data = {
        "given_on": "2024-05-01",
        "direction": "given",
        "occasion": "Courtesy call",
        "description_zh_hant": description,
        "counterpart_person": person.pk,
        "currency": "TWD",
        "value": "800",
    }
    data.update(extra)
    return data


def test_gift_admin_warns_before_the_same_gift_goes_again(officer_client):
    person = PersonFactory()
    GiftFactory(counterpart_organisation=None, counterpart_person=person, description="Vase")
    GiftFactory(description="Tea set")
    url = reverse("crm_gift:add")
    response = officer_client.post(url, _add_form(person, "vase"))
    assert response.status_code == 200
    errors = response.context["form"].errors["give_again"][0]
    assert "2019-03-29" in errors and "Tea set" in errors
    assert Gift.objects.count() == 2
    response = officer_client.post(url, _add_form(person, "vase", give_again="on"))
    assert response.status_code == 302
    assert Gift.objects.count() == 3


def _bulk(count, organisation):
    Gift.objects.bulk_create(
        Gift(
            given_on=datetime.date(2020, 1, 1),
            occasion="Visit",
            direction=RECEIVED,
            description=f"Gift {n}",
            description_zh_hant=f"Gift {n}",
            counterpart_organisation=organisation,
            value=5000,
            currency="TWD",
        )
        for n in range(count)
    )


@pytest.mark.parametrize("query", ["", "?for_declaration=on", "?for_declaration=on&export=csv"])
def test_gift_list_and_export_query_count_holds_from_10_to_1000_rows(
    officer_client, django_assert_num_queries, query
):
    organisation = OrganisationFactory()
    _bulk(10, organisation)
    target = reverse("crm_gift:index") + query
    officer_client.get(target)
    with CaptureQueriesContext(connection) as at_10:
        response = officer_client.get(target)
        b"".join(getattr(response, "streaming_content", [b""]))
    _bulk(990, organisation)
    with django_assert_num_queries(len(at_10.captured_queries)):
        response = officer_client.get(target)
        body = b"".join(getattr(response, "streaming_content", [b""])).decode("utf-8")
    assert response.status_code == 200
    if "export" in query:
        assert body.count("\n") == 1001


def test_gift_export_lists_declarations_only(officer_client):
    GiftFactory(direction=RECEIVED, value=8000, description="Jade seal")
    GiftFactory(direction=RECEIVED, value=800, description="Postcards")
    response = officer_client.get(reverse("crm_gift:index") + "?for_declaration=on&export=csv")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert "Jade seal" in body and "Postcards" not in body


def test_gift_interactions_are_copied_into_the_register():
    migration = import_module("crm.migrations.0010_gifts_from_interactions")
    person = PersonFactory()
    received = InteractionFactory(
        kind=InteractionKind.GIFT_RECEIVED,
        gift_description="Jade seal",
        gift_value=8000,
        gift_currency="twd",
    )
    received.people.add(person)
    plain = InteractionFactory()
    plain.people.add(person)
    migration.copy_gifts(django_apps, None)
    migration.copy_gifts(django_apps, None)  # a second run copies nothing twice
    gift = Gift.objects.get()
    assert (gift.direction, gift.description, gift.counterpart_person, gift.currency) == (
        RECEIVED,
        "Jade seal",
        person,
        "TWD",
    )
    assert gift.interaction == received


def _received(source, on, value, **extra):
    fields = {"counterpart_organisation": source}
    if not hasattr(source, "kind"):  # a person
        fields = {"counterpart_organisation": None, "counterpart_person": source}
    return GiftFactory(direction=RECEIVED, given_on=on, value=value, **fields, **extra)


def test_gifts_from_one_source_above_the_yearly_cap_are_flagged():
    consulate, other = OrganisationFactory(), OrganisationFactory()
    gifts = [
        _received(consulate, datetime.date(2024, 2, 1), 2500),
        _received(consulate, datetime.date(2024, 6, 1), 2800),
        _received(consulate, datetime.date(2024, 9, 1), 2900),
    ]
    _received(other, datetime.date(2024, 9, 1), 2900)
    _received(consulate, datetime.date(2023, 12, 31), 2900)  # another year
    assert list(gifts_for_declaration()) == []  # NT$8,200 in 2024: within the cap
    gifts.append(_received(consulate, datetime.date(2024, 11, 1), 2000))  # NT$10,200
    assert set(gifts_for_declaration()) == set(gifts)
    listed = gifts_for_declaration().first()
    assert listed.year_total_twd == Decimal("10200")
    assert listed.above_threshold is False and listed.needs_declaration is True
    assert "10,200" in listed.declaration_reason and "2024" in listed.declaration_reason
    # Read on its own (no annotation), the gift says the same.
    assert Gift.objects.get(pk=gifts[0].pk).needs_declaration is True


def test_gift_yearly_cap_counts_a_person_apart_and_estimates_and_follows_setting(settings):
    envoy = PersonFactory()
    first = _received(
        envoy, datetime.date(2024, 1, 5), 200, currency="USD", estimated_value_twd=6400
    )
    second = _received(envoy, datetime.date(2024, 3, 5), 2000)
    GiftFactory(
        direction=GiftDirection.GIVEN,
        counterpart_organisation=None,
        counterpart_person=envoy,
        given_on=datetime.date(2024, 3, 5),
        value=9000,
    )
    assert list(gifts_for_declaration()) == [first]  # NT$8,400 received: only the NT$6,400 one
    settings.KIA_GIFT_YEARLY_CAP = 8000
    assert list(gifts_for_declaration()) == [second, first]


def test_gift_export_says_why_a_gift_is_declared(officer_client):
    consulate = OrganisationFactory()
    for month in (1, 2, 3, 4):
        _received(consulate, datetime.date(2024, month, 1), 2600, description=f"Tea {month}")
    response = officer_client.get(reverse("crm_gift:index") + "?for_declaration=on&export=csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(body)))
    assert len(rows) == 4
    # The columns after the value in NT$: the year's total from the source, and why.
    total, why = header.index(str(_("value in NT$"))) + 1, header.index(str(_("value in NT$"))) + 2
    assert {row[total] for row in rows} in ({"10400"}, {"10400.00"})  # SQLite drops zero decimals
    assert all("10,400" in row[why] and "10,000" in row[why] for row in rows)


def test_gift_list_shows_only_the_ticked_filter_as_active(officer_client):
    response = officer_client.get(reverse("crm_gift:index") + "?for_declaration=on")
    active = [item.auto_id for item in response.context["active_filters"]]
    # An unticked box is no filter (it showed as "not yet declared: False").
    assert active == ["id_for_declaration"]

import datetime

import pytest
from django.db import IntegrityError, transaction

from crm import enums
from crm.names import format_name
from tests.factories.crm import (
    AffiliationFactory,
    OrganisationFactory,
    PersonFactory,
    RelationshipFactory,
)

pytestmark = pytest.mark.django_db


def test_relationship_second_active_of_same_type_refused_in_either_direction():
    kaohsiung, suwon = OrganisationFactory(), OrganisationFactory()
    RelationshipFactory(source=kaohsiung, target=suwon, type=enums.RelationshipType.FRIENDSHIP_CITY)
    with pytest.raises(IntegrityError), transaction.atomic():
        RelationshipFactory(
            source=suwon, target=kaohsiung, type=enums.RelationshipType.FRIENDSHIP_CITY
        )


def test_relationship_of_another_type_or_ended_allowed():
    kaohsiung, akita = OrganisationFactory(), OrganisationFactory()
    RelationshipFactory(source=kaohsiung, target=akita, type=enums.RelationshipType.MOU)
    RelationshipFactory(source=kaohsiung, target=akita, type=enums.RelationshipType.FRIENDSHIP_CITY)
    RelationshipFactory(
        source=kaohsiung,
        target=akita,
        type=enums.RelationshipType.MOU,
        status=enums.RelationshipStatus.ENDED,
    )
    assert kaohsiung.relationships_out.count() == 3


def test_relationship_expiry_before_signing_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        RelationshipFactory(
            signed_on=datetime.date(2019, 8, 23), expires_on=datetime.date(2019, 8, 22)
        )


def test_relationship_partner_is_the_party_that_is_not_the_home_city():
    home = OrganisationFactory(is_home=True)
    suwon, bureau, busan = (
        OrganisationFactory(),
        OrganisationFactory(parent=home),
        OrganisationFactory(),
    )
    assert RelationshipFactory(source=home, target=suwon).partner == suwon
    assert (
        RelationshipFactory(source=suwon, target=home, type=enums.RelationshipType.MOU).partner
        == suwon
    )
    # Without the home city (a bureau's tie), the partner is the form's "partner organisation".
    assert RelationshipFactory(source=bureau, target=busan).partner == busan


def test_affiliation_end_before_start_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        AffiliationFactory(start_date=datetime.date(2019, 1, 2), end_date=datetime.date(2019, 1, 1))


def test_format_name_family_first_for_cjk_and_given_first_otherwise():
    yeom = PersonFactory.build(
        family_name="Yeom",
        given_name="Tae-young",
        name_order=enums.NameOrder.FAMILY_FIRST,
        native_name="염태영",
        chinese_name="廉泰英",
        honorific="Mayor",
    )
    brent = PersonFactory.build(
        family_name="Christensen", given_name="Brent", chinese_name="酈英傑"
    )
    assert format_name(yeom) == "Yeom Tae-young"
    assert format_name(yeom, script="native") == "염태영"
    assert format_name(yeom, script="chinese", honorific=True) == "Mayor 廉泰英"
    assert format_name(brent) == "Brent Christensen"
    assert format_name(brent, script="native") == "Brent Christensen"


def test_format_name_joins_cjk_parts_without_a_space():
    head = PersonFactory.build(
        family_name="涂", given_name="慕怡", name_order=enums.NameOrder.FAMILY_FIRST
    )
    assert format_name(head) == "涂慕怡"

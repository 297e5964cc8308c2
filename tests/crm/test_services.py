import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import ModelLogEntry

from crm import services
from crm.enums import InteractionKind, RelationshipStatus, RelationshipType
from crm.models import Interaction, Relationship, RelationshipRenewal
from tests.factories.crm import (
    CooperationAreaFactory,
    OrganisationFactory,
    PersonFactory,
    RelationshipFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture(autouse=True)
def _english():
    # Messages are compared in English, whatever catalogues are compiled.
    with translation.override("en"):
        yield


@pytest.fixture
def officer():
    return get_user_model().objects.create_user("officer", password="x")


@pytest.fixture
def kaohsiung():
    return OrganisationFactory(name="高雄市", name_en="Kaohsiung City", is_home=True)


@pytest.fixture
def suwon():
    return OrganisationFactory(name="水原市", name_en="Suwon", country="KR")


def messages(error):
    return error.value.messages


def test_create_relationship_saves_areas_signatories_and_logs(kaohsiung, suwon, officer):
    culture = CooperationAreaFactory(slug="culture", name="文化")
    mayor = PersonFactory(family_name="Yeom", given_name="Tae-young")
    tie = services.create_relationship(
        kaohsiung,
        suwon,
        type=RelationshipType.FRIENDSHIP_CITY,
        signed_on=D(2019, 2, 16),
        areas=[culture],
        signatories=[mayor],
        user=officer,
    )
    tie.refresh_from_db()
    assert (tie.source, tie.target, tie.type, tie.status, tie.signed_on) == (
        kaohsiung,
        suwon,
        "friendship_city",
        "active",
        D(2019, 2, 16),
    )
    assert list(tie.areas.all()) == [culture]
    assert list(tie.signatories.all()) == [mayor]
    entry = ModelLogEntry.objects.get(object_id=str(tie.pk))
    assert (entry.action, entry.user) == ("wagtail.create", officer)


def test_create_relationship_duplicate_from_the_other_side_is_a_validation_error(kaohsiung, suwon):
    services.create_relationship(kaohsiung, suwon, type=RelationshipType.FRIENDSHIP_CITY)
    with pytest.raises(ValidationError) as error:
        services.create_relationship(suwon, kaohsiung, type=RelationshipType.FRIENDSHIP_CITY)
    assert messages(error) == ["These two organisations already have an active tie of this type."]
    assert Relationship.objects.count() == 1


def test_create_relationship_allows_another_type_or_an_ended_duplicate(kaohsiung, suwon):
    services.create_relationship(kaohsiung, suwon, type=RelationshipType.FRIENDSHIP_CITY)
    services.create_relationship(kaohsiung, suwon, type=RelationshipType.MOU)
    services.create_relationship(
        suwon, kaohsiung, type=RelationshipType.FRIENDSHIP_CITY, status=RelationshipStatus.ENDED
    )
    assert Relationship.objects.count() == 3


def test_create_relationship_with_itself_refused_and_nothing_written(kaohsiung):
    with pytest.raises(ValidationError) as error:
        services.create_relationship(kaohsiung, kaohsiung, type=RelationshipType.MOU)
    assert messages(error) == ["An organisation cannot have a tie with itself."]
    assert Relationship.objects.count() == 0
    assert ModelLogEntry.objects.count() == 0


def test_create_relationship_expiry_before_signing_refused(kaohsiung, suwon):
    with pytest.raises(ValidationError) as error:
        services.create_relationship(
            kaohsiung,
            suwon,
            type=RelationshipType.MOU,
            signed_on=D(2019, 8, 23),
            expires_on=D(2019, 8, 22),
        )
    assert messages(error) == ["The expiry date cannot be before the signing date."]
    assert Relationship.objects.count() == 0


def test_create_relationship_unknown_type_refused(kaohsiung, suwon):
    with pytest.raises(ValidationError) as error:
        services.create_relationship(kaohsiung, suwon, type="alliance")
    assert list(error.value.message_dict) == ["type"]
    assert Relationship.objects.count() == 0


def test_renew_relationship_records_renewal_and_reactivates(kaohsiung, suwon, officer):
    tie = RelationshipFactory(
        source=kaohsiung,
        target=suwon,
        type=RelationshipType.MOU,
        signed_on=D(2016, 8, 23),
        expires_on=D(2019, 8, 22),
        status=RelationshipStatus.ENDED,
        ended_on=D(2019, 8, 22),
    )
    returned = services.renew_relationship(
        tie, renewed_on=D(2019, 8, 23), expires_on=D(2022, 8, 22), notes="續約", user=officer
    )
    assert returned == tie
    tie.refresh_from_db()
    assert (tie.status, tie.expires_on, tie.ended_on) == ("active", D(2022, 8, 22), None)
    assert list(tie.renewals.values_list("renewed_on", "expires_on", "notes")) == [
        (D(2019, 8, 23), D(2022, 8, 22), "續約")
    ]
    assert ModelLogEntry.objects.get(object_id=str(tie.pk)).action == "wagtail.edit"


def test_renew_relationship_without_new_expiry_keeps_the_old_one(kaohsiung, suwon):
    tie = RelationshipFactory(source=kaohsiung, target=suwon, expires_on=D(2030, 1, 1))
    services.renew_relationship(tie, renewed_on=D(2019, 8, 23))
    tie.refresh_from_db()
    assert tie.expires_on == D(2030, 1, 1)
    assert tie.renewals.count() == 1


def test_renew_relationship_before_signing_refused(kaohsiung, suwon):
    tie = RelationshipFactory(source=kaohsiung, target=suwon, signed_on=D(2016, 8, 23))
    with pytest.raises(ValidationError) as error:
        services.renew_relationship(tie, renewed_on=D(2016, 8, 22), expires_on=D(2020, 1, 1))
    assert error.value.message_dict == {
        "renewed_on": ["A tie cannot be renewed before it was signed."]
    }
    tie.refresh_from_db()
    assert tie.expires_on is None
    assert RelationshipRenewal.objects.count() == 0


def test_renew_relationship_twice_on_one_day_refused_and_nothing_changed(kaohsiung, suwon):
    tie = RelationshipFactory(source=kaohsiung, target=suwon, expires_on=D(2022, 8, 22))
    services.renew_relationship(tie, renewed_on=D(2019, 8, 23))
    with pytest.raises(ValidationError) as error:
        services.renew_relationship(tie, renewed_on=D(2019, 8, 23), expires_on=D(2030, 1, 1))
    assert messages(error) == ["This renewal is already recorded."]
    tie.refresh_from_db()
    assert tie.expires_on == D(2022, 8, 22)
    assert RelationshipRenewal.objects.count() == 1


def test_renew_relationship_expiry_before_renewal_refused(kaohsiung, suwon):
    tie = RelationshipFactory(source=kaohsiung, target=suwon)
    with pytest.raises(ValidationError) as error:
        services.renew_relationship(tie, renewed_on=D(2019, 8, 23), expires_on=D(2019, 8, 1))
    assert messages(error) == ["The new expiry date cannot be before the renewal."]
    assert RelationshipRenewal.objects.count() == 0


def test_renew_relationship_cannot_revive_a_tie_that_has_an_active_twin(kaohsiung, suwon):
    RelationshipFactory(source=kaohsiung, target=suwon, type=RelationshipType.MOU)
    ended = RelationshipFactory(
        source=suwon, target=kaohsiung, type=RelationshipType.MOU, status="ended"
    )
    with pytest.raises(ValidationError) as error:
        services.renew_relationship(ended, renewed_on=D(2019, 8, 23))
    assert messages(error) == ["These two organisations already have an active tie of this type."]
    assert RelationshipRenewal.objects.count() == 0
    ended.refresh_from_db()
    assert ended.status == "ended"


def test_record_interaction_links_everything(kaohsiung, suwon, officer):
    tie = RelationshipFactory(source=kaohsiung, target=suwon)
    mayor = PersonFactory()
    interaction = services.record_interaction(
        occurred_on=D(2019, 2, 16),
        kind=InteractionKind.GIFT_RECEIVED,
        subject="Signing gift",
        organisations=[kaohsiung, suwon],
        people=[mayor],
        relationship=tie,
        gift_description="Hwaseong Fortress model",
        gift_value=Decimal("3000"),
        user=officer,
    )
    interaction.refresh_from_db()
    assert (interaction.kind, interaction.gift_value, interaction.recorded_by) == (
        "gift_received",
        Decimal("3000.00"),
        officer,
    )
    assert set(interaction.organisations.all()) == {kaohsiung, suwon}
    assert list(interaction.people.all()) == [mayor]
    assert interaction.relationship == tie
    assert ModelLogEntry.objects.get(object_id=str(interaction.pk)).user == officer


def test_record_interaction_negative_gift_value_refused(kaohsiung):
    with pytest.raises(ValidationError) as error:
        services.record_interaction(
            occurred_on=D(2019, 2, 16),
            kind=InteractionKind.GIFT_GIVEN,
            subject="Gift",
            organisations=[kaohsiung],
            gift_description="Tea",
            gift_value=Decimal("-1"),
        )
    assert list(error.value.message_dict) == ["gift_value"]
    assert Interaction.objects.count() == 0


def test_record_interaction_gift_value_needs_a_description(kaohsiung):
    with pytest.raises(ValidationError) as error:
        services.record_interaction(
            occurred_on=D(2019, 2, 16),
            kind=InteractionKind.GIFT_GIVEN,
            subject="Gift",
            gift_value=Decimal("100"),
        )
    assert error.value.message_dict == {
        "gift_description": ["Describe the gift whose value you enter."]
    }
    assert Interaction.objects.count() == 0


def test_record_interaction_without_subject_or_with_unknown_kind_refused():
    with pytest.raises(ValidationError) as error:
        services.record_interaction(occurred_on=D(2019, 2, 16), kind="telepathy", subject="")
    assert set(error.value.message_dict) == {"kind", "subject"}
    assert Interaction.objects.count() == 0

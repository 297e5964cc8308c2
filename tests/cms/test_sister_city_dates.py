"""Partner cities as sources give them: a year alone, no date at all, a number the report states."""

import datetime

import pytest

from tests.factories.cms import sister_city_page
from tests.factories.crm import OrganisationFactory, RelationshipFactory


@pytest.fixture
def partners(tree):
    home = OrganisationFactory(name="高雄市政府", name_en="Kaohsiung", is_home=True)
    honolulu = OrganisationFactory(
        name="檀香山", name_en="Honolulu", country="US", latitude=21.3, longitude=-157.9
    )
    miami = OrganisationFactory(name="邁阿密", name_en="Miami", country="US")
    suwon = OrganisationFactory(name="水原市", name_en="Suwon", country="KR")
    ties = {
        "honolulu": RelationshipFactory(
            source=home,
            target=honolulu,
            signed_on=datetime.date(1962, 1, 1),
            signed_precision="year",
        ),
        "miami": RelationshipFactory(source=home, target=miami, signed_on=None),
        "suwon": RelationshipFactory(
            source=home,
            target=suwon,
            type="friendship_city",
            signed_on=datetime.date(2019, 2, 16),
            stated_ordinal=34,
        ),
    }
    return {key: sister_city_page(tree, tie, slug=key) for key, tie in ties.items()}


def test_the_index_numbers_dated_ties_keeps_a_stated_number_and_lists_undated_ones_last(
    client, tree, partners
):
    body = client.get(tree.sister_index["en"].url).content.decode()
    honolulu, suwon, miami = (body.index(name) for name in ("Honolulu", "Suwon", "Miami"))
    assert honolulu < suwon < miami
    assert "<td>1</td>" in body and "<td>34</td>" in body and "<td>–</td>" in body


def test_a_tie_signed_in_a_year_shows_the_year_only(client, partners):
    body = client.get(partners["honolulu"]["en"].url).content.decode()
    assert "<dd>1962</dd>" in body
    assert "January" not in body
    suwon = client.get(partners["suwon"]["en"].url).content.decode()
    assert "partner no. 34" in suwon

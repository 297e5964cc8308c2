"""CRM test scenes: admin logins, and the 2019 report's ties as a graph with its helpers."""

import datetime
from types import SimpleNamespace

import pytest

from crm import enums
from crm.enums import OfficeRank, RelationshipStatus, RelationshipType
from tests.factories.crm import (
    AffiliationFactory,
    OrganisationFactory,
    PersonFactory,
    RelationshipFactory,
)
from tests.factories.staff import protocol_officer, viewer


@pytest.fixture
def officer_client(client):
    client.force_login(protocol_officer())
    return client


@pytest.fixture
def viewer_client(client):
    client.force_login(viewer())
    return client


D = datetime.date
SPRING_2019 = D(2019, 6, 1)


def city(name, name_en, **fields):
    return OrganisationFactory(name=name, name_en=name_en, **fields)


def person(family, given, *, cjk=True, **fields):
    order = enums.NameOrder.FAMILY_FIRST if cjk else enums.NameOrder.GIVEN_FIRST
    return PersonFactory(family_name=family, given_name=given, name_order=order, **fields)


def holds(who, where, title, title_en, rank, start, end=None, *, primary=True):
    return AffiliationFactory(
        person=who,
        organisation=where,
        position_title=title,
        position_title_en=title_en,
        office_rank=rank,
        start_date=start,
        end_date=end,
        is_primary=primary,
    )


def tie(source, target, kind, signed_on, **fields):
    return RelationshipFactory(
        source=source, target=target, type=kind, signed_on=signed_on, **fields
    )


@pytest.fixture
def graph():
    """Kaohsiung and a few partners as the 2019 report knows them, plus ended and expired ties."""
    g = SimpleNamespace()
    g.kaohsiung = city("高雄市", "Kaohsiung City", is_home=True, country="TW")
    g.suwon = city("水原市", "Suwon", country="KR")
    g.akita = city("秋田縣", "Akita Prefecture")
    g.ait = city("美國在台協會", "American Institute in Taiwan", country="TW")
    g.oldtown = city("舊城", "Oldtown", country="US")
    g.expiredville = city("逾期市", "Expiredville", country="US")

    g.han = person("Han", "Kuo-yu")
    g.chen = person("Chen", "Chi-mai")
    g.lin = person("Lin", "Yu-ting")
    g.yeom = person("Yeom", "Tae-young")
    g.satake = person("Satake", "Norihisa")
    g.brent = person("Christensen", "Brent", cjk=False)
    g.nobody = person("Wang", "Xiao-ming")

    g.han_mayor = holds(
        g.han, g.kaohsiung, "市長", "Mayor", OfficeRank.MAYOR, D(2018, 12, 25), D(2020, 6, 12)
    )
    g.chen_mayor = holds(g.chen, g.kaohsiung, "市長", "Mayor", OfficeRank.MAYOR, D(2020, 9, 3))
    g.lin_director = holds(
        g.lin, g.kaohsiung, "處長", "Director", OfficeRank.DIRECTOR, D(2018, 12, 25)
    )
    g.yeom_mayor = holds(
        g.yeom, g.suwon, "市長", "Mayor", OfficeRank.MAYOR, D(2014, 7, 1), D(2022, 6, 30)
    )
    g.satake_governor = holds(
        g.satake, g.akita, "知事", "Governor", OfficeRank.GOVERNOR, D(2009, 4, 20)
    )
    g.brent_director = holds(
        g.brent, g.ait, "處長", "Director", OfficeRank.AMBASSADOR, D(2018, 8, 1), D(2021, 7, 1)
    )

    g.suwon_tie = tie(g.kaohsiung, g.suwon, RelationshipType.FRIENDSHIP_CITY, D(2019, 2, 16))
    g.akita_tie = tie(g.akita, g.kaohsiung, RelationshipType.MOU, D(2016, 8, 23))
    g.ait_tie = tie(g.kaohsiung, g.ait, RelationshipType.PARTNERSHIP, D(2015, 1, 1))
    g.oldtown_tie = tie(
        g.kaohsiung,
        g.oldtown,
        RelationshipType.SISTER_CITY,
        D(1990, 1, 1),
        status=RelationshipStatus.ENDED,
        ended_on=D(2015, 1, 1),
    )
    g.expired_tie = tie(
        g.kaohsiung, g.expiredville, RelationshipType.MOU, D(2014, 1, 1), expires_on=D(2018, 12, 31)
    )
    return g

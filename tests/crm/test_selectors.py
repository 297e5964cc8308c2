"""CRM reads: titles and precedence as of a date, sister cities in order, agreements due,
dormant ties."""

import pytest

from crm.enums import OfficeRank, RelationshipStatus, RelationshipType
from crm.models import RelationshipRenewal
from crm.selectors.precedence import order_by_precedence, precedence_rank, title_as_of, titles_as_of
from crm.selectors.ties import agreements_due, dormant_ties, months_before, sister_cities_in_order
from tests.crm.conftest import SPRING_2019, D, city, holds, person, tie
from tests.factories.crm import (
    AffiliationFactory,
    InteractionFactory,
    OrganisationFactory,
    RelationshipFactory,
)

pytestmark = pytest.mark.django_db


def test_title_as_of_shows_the_2019_title_after_the_person_moved_on(graph):
    chairman = holds(
        graph.han, OrganisationFactory(), "董事長", "Chairman", OfficeRank.DIRECTOR, D(2022, 1, 1)
    )
    graph.han_mayor.is_primary = False
    graph.han_mayor.save()
    assert title_as_of(graph.han, SPRING_2019) == graph.han_mayor
    assert title_as_of(graph.han, D(2023, 1, 1)) == chairman
    assert title_as_of(graph.han, D(2021, 1, 1)) is None


def test_title_as_of_prefers_primary_then_highest_rank(graph):
    adviser = holds(
        graph.lin, graph.suwon, "顧問", "Adviser", OfficeRank.DIPLOMAT, D(2019, 1, 1), primary=True
    )
    deputy = holds(
        graph.lin, graph.ait, "副處長", "Deputy", OfficeRank.DEPUTY, D(2019, 1, 1), primary=False
    )
    graph.lin_director.is_primary = False
    graph.lin_director.save()
    assert title_as_of(graph.lin, SPRING_2019) == adviser
    adviser.is_primary = False
    adviser.save()
    assert title_as_of(graph.lin, SPRING_2019) == deputy


def test_titles_as_of_chooses_per_person_in_one_query(graph, django_assert_num_queries):
    # Lin: a primary post outranks a higher non-primary one.
    adviser = holds(
        graph.lin, graph.suwon, "顧問", "Adviser", OfficeRank.DIPLOMAT, D(2019, 1, 1), primary=True
    )
    holds(graph.lin, graph.ait, "副處長", "Deputy", OfficeRank.DEPUTY, D(2019, 1, 1), primary=False)
    graph.lin_director.is_primary = False
    graph.lin_director.save()
    # Han: no primary post on the date, so the highest office.
    graph.han_mayor.is_primary = False
    graph.han_mayor.save()
    holds(
        graph.han, graph.ait, "顧問", "Adviser", OfficeRank.DIPLOMAT, D(2019, 1, 1), primary=False
    )
    # Christensen: two equal non-primary offices, so the one started last.
    graph.brent_director.is_primary = False
    graph.brent_director.save()
    chairman = holds(
        graph.brent,
        graph.suwon,
        "主席",
        "Chair",
        OfficeRank.AMBASSADOR,
        D(2019, 1, 1),
        primary=False,
    )
    people = [graph.lin, graph.han, graph.brent, graph.chen, graph.nobody]

    with django_assert_num_queries(1):
        titles = titles_as_of(people, SPRING_2019)
        organisations = {pk: a.organisation.name_en for pk, a in titles.items() if a}

    assert titles == {
        graph.lin.pk: adviser,
        graph.han.pk: graph.han_mayor,
        graph.brent.pk: chairman,
        graph.chen.pk: None,
        graph.nobody.pk: None,
    }
    assert organisations == {
        graph.lin.pk: "Suwon",
        graph.han.pk: "Kaohsiung City",
        graph.brent.pk: "Suwon",
    }
    assert {p.pk: title_as_of(p, SPRING_2019) for p in people} == titles


def test_precedence_rank_from_office_held_override_or_private(graph):
    assert precedence_rank(graph.han, SPRING_2019) == OfficeRank.MAYOR
    assert precedence_rank(graph.han, D(2021, 1, 1)) == OfficeRank.PRIVATE
    assert precedence_rank(graph.nobody, SPRING_2019) == OfficeRank.PRIVATE
    graph.nobody.precedence_override = 5
    assert precedence_rank(graph.nobody, SPRING_2019) == 5


def test_order_by_precedence_override_governor_mayor_director_then_family_name(graph):
    chang = person("Chang", "Mei-ling")
    holds(chang, graph.kaohsiung, "處長", "Director", OfficeRank.DIRECTOR, D(2019, 1, 1))
    graph.nobody.precedence_override = 1
    people = [graph.lin, chang, graph.han, graph.satake, graph.nobody, graph.chen]
    ordered = order_by_precedence(people, SPRING_2019)
    # Chen was not yet in office in 2019, so he counts as a private person.
    assert ordered == [graph.nobody, graph.satake, graph.han, chang, graph.lin, graph.chen]


def test_order_by_precedence_2019_mayor_outranks_director_later(graph):
    # By 2021 Han has left office: the director now comes first.
    assert order_by_precedence([graph.lin, graph.han], SPRING_2019) == [
        graph.han,
        graph.lin,
    ]
    assert order_by_precedence([graph.han, graph.lin], D(2021, 1, 1)) == [
        graph.lin,
        graph.han,
    ]


@pytest.mark.parametrize("size", [10, 100])
def test_order_by_precedence_query_count_constant(django_assert_num_queries, size):
    where = OrganisationFactory()
    people = [
        AffiliationFactory(organisation=where, office_rank=OfficeRank.OFFICIAL).person
        for _ in range(size)
    ]
    with django_assert_num_queries(1):
        assert len(order_by_precedence(people, SPRING_2019)) == size


def test_sister_cities_in_order_suwon_is_34th(graph):
    partners = OrganisationFactory.create_batch(31)
    for number, partner in enumerate(partners):
        kind = RelationshipType.SISTER_CITY if number % 2 else RelationshipType.FRIENDSHIP_CITY
        tie(
            partner if number % 3 else graph.kaohsiung,
            graph.kaohsiung if number % 3 else partner,
            kind,
            D(1980 + number, 5, 1),
        )
    # Oldtown (1990, since ended) is one of the 33 earlier ties; the 33rd is a 2018 sister city.
    last = tie(
        graph.kaohsiung, city("八王子市", "Hachioji"), RelationshipType.SISTER_CITY, D(2018, 11, 1)
    )
    # Neither an upgrade of an existing partner, an MOU, a proposal nor a tie between two
    # other cities adds to the count.
    upgrade = tie(graph.kaohsiung, partners[0], RelationshipType.SISTER_CITY, D(2018, 12, 1))
    tie(
        graph.kaohsiung,
        graph.oldtown,
        RelationshipType.FRIENDSHIP_CITY,
        D(2019, 1, 1),
        status=RelationshipStatus.PROPOSED,
    )
    tie(graph.suwon, graph.akita, RelationshipType.SISTER_CITY, D(2019, 1, 5))

    numbered = sister_cities_in_order()
    ordinals = {relationship: ordinal for ordinal, relationship in numbered}
    assert ordinals[graph.suwon_tie] == 34
    assert ordinals[last] == 33
    assert ordinals[upgrade] == 1
    assert ordinals[graph.oldtown_tie] == 11
    assert [ordinal for ordinal, _tie in numbered] == [*range(1, 34), 1, 34]
    assert len(sister_cities_in_order(as_of=D(2019, 2, 15))) == 34


def test_sister_cities_in_order_without_home_city_is_empty():
    RelationshipFactory()
    assert sister_cities_in_order() == []


@pytest.mark.parametrize("size", [10, 100])
def test_sister_cities_in_order_query_count_constant(django_assert_num_queries, size):
    home = OrganisationFactory(is_home=True)
    for number in range(size):
        RelationshipFactory(source=home, signed_on=D(1900 + number, 1, 1))
    with django_assert_num_queries(1):
        assert len(sister_cities_in_order()) == size


def test_agreements_due_renewals_and_anniversaries(graph):
    today = D(2019, 8, 1)
    graph.akita_tie.expires_on = D(2019, 8, 23)
    graph.akita_tie.save()
    # A renewal's expiry overrules the tie's own: this one was renewed to 2022.
    renewed = tie(
        graph.suwon, graph.ait, RelationshipType.MOU, D(2018, 8, 5), expires_on=D(2019, 8, 5)
    )
    RelationshipRenewal.objects.create(
        relationship=renewed, renewed_on=D(2019, 7, 1), expires_on=D(2022, 8, 5)
    )
    # A renewal without a new expiry leaves the tie's expiry in force.
    open_renewal = tie(
        graph.akita, graph.ait, RelationshipType.MOU, D(2018, 8, 5), expires_on=D(2019, 8, 20)
    )
    RelationshipRenewal.objects.create(relationship=open_renewal, renewed_on=D(2019, 7, 1))
    # A renewal expiring inside the window counts even though the tie says later.
    short = tie(
        graph.suwon, graph.oldtown, RelationshipType.MOU, D(2018, 1, 1), expires_on=D(2030, 1, 1)
    )
    RelationshipRenewal.objects.create(
        relationship=short, renewed_on=D(2018, 6, 1), expires_on=D(2019, 8, 30)
    )
    tenth = tie(graph.suwon, graph.expiredville, RelationshipType.PARTNERSHIP, D(2009, 8, 15))
    tie(graph.akita, graph.oldtown, RelationshipType.PARTNERSHIP, D(2012, 8, 15))  # 7 years
    tie(graph.akita, graph.expiredville, RelationshipType.PARTNERSHIP, D(2014, 9, 1))  # too late
    tie(
        graph.ait,
        graph.oldtown,
        RelationshipType.PARTNERSHIP,
        D(1994, 8, 2),
        status=RelationshipStatus.ENDED,
        ended_on=D(2000, 1, 1),
    )  # ended: no celebration

    due = agreements_due(within_days=30, today=today)
    assert [(item.relationship, item.date, item.reason, item.years) for item in due] == [
        (tenth, D(2019, 8, 15), "anniversary", 10),
        (open_renewal, D(2019, 8, 20), "renewal", None),
        (graph.akita_tie, D(2019, 8, 23), "renewal", None),
        (short, D(2019, 8, 30), "renewal", None),
    ]


def test_agreements_due_twenty_fifth_and_thirtieth_in_one_window(graph):
    first = tie(graph.suwon, graph.ait, RelationshipType.MOU, D(1994, 12, 20))
    second = tie(graph.akita, graph.ait, RelationshipType.MOU, D(1990, 1, 10))
    due = agreements_due(within_days=30, today=D(2019, 12, 15))
    assert [(item.relationship, item.date, item.years) for item in due] == [
        (first, D(2019, 12, 20), 25),
        (graph.ait_tie, D(2020, 1, 1), 5),
        (second, D(2020, 1, 10), 30),
    ]


def test_agreements_due_leap_day_signing_marked_on_28_february(graph):
    leap = tie(graph.suwon, graph.ait, RelationshipType.MOU, D(2016, 2, 29))
    due = agreements_due(within_days=30, today=D(2021, 2, 1))
    assert [(item.relationship, item.date, item.years) for item in due] == [
        (leap, D(2021, 2, 28), 5)
    ]
    due = agreements_due(within_days=30, today=D(2026, 2, 1))
    assert [(item.relationship, item.date, item.years) for item in due] == [
        (leap, D(2026, 2, 28), 10)
    ]


def test_agreements_due_window_is_inclusive_and_not_retrospective(graph):
    graph.akita_tie.expires_on = D(2019, 8, 31)
    graph.akita_tie.save()
    assert agreements_due(within_days=30, today=D(2019, 8, 1))[0].date == D(2019, 8, 31)
    assert agreements_due(within_days=29, today=D(2019, 8, 1)) == []
    assert agreements_due(within_days=30, today=D(2019, 9, 1)) == []


@pytest.mark.parametrize("size", [10, 100])
def test_agreements_due_query_count_constant(django_assert_num_queries, size):
    for _ in range(size):
        tie_ = RelationshipFactory(signed_on=D(2009, 8, 15), expires_on=D(2019, 8, 20))
        RelationshipRenewal.objects.create(relationship=tie_, renewed_on=D(2018, 1, 1))
    with django_assert_num_queries(1):
        due = agreements_due(within_days=30, today=D(2019, 8, 1))
    assert len(due) == size * 2


def test_dormant_ties_with_no_interaction_in_n_months(graph):
    today = D(2019, 12, 31)
    # Linked by the relationship itself.
    InteractionFactory(occurred_on=D(2019, 9, 1), relationship=graph.suwon_tie)
    # Both parties among the organisations.
    both = InteractionFactory(occurred_on=D(2019, 7, 1))
    both.organisations.set([graph.akita, graph.kaohsiung, graph.suwon])
    # Only one party: does not keep the AIT tie alive; nor does an old or a future meeting.
    InteractionFactory(occurred_on=D(2019, 10, 1)).organisations.set([graph.ait])
    InteractionFactory(occurred_on=D(2019, 6, 29), relationship=graph.ait_tie)
    InteractionFactory(occurred_on=D(2020, 1, 5), relationship=graph.ait_tie)
    young = tie(graph.suwon, graph.ait, RelationshipType.MOU, D(2019, 10, 1))
    quiet = tie(graph.akita, graph.ait, RelationshipType.MOU, None)

    assert dormant_ties(months=6, today=today) == [quiet, graph.ait_tie]
    assert young not in dormant_ties(months=6, today=today)
    assert dormant_ties(months=7, today=today) == [quiet]


@pytest.mark.parametrize("size", [10, 100])
def test_dormant_ties_query_count_constant(django_assert_num_queries, size):
    RelationshipFactory.create_batch(size)
    with django_assert_num_queries(1):
        assert len(dormant_ties(months=6, today=D(2019, 12, 31))) == size


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2019, 8, 31), 6, D(2019, 2, 28)),
        (D(2020, 3, 31), 1, D(2020, 2, 29)),
        (D(2019, 1, 15), 1, D(2018, 12, 15)),
        (D(2019, 12, 31), 12, D(2018, 12, 31)),
    ],
)
def test_months_before_clamps_to_month_end(day, months, expected):
    assert months_before(day, months) == expected

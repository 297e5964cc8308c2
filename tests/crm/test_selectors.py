import datetime
from types import SimpleNamespace

import pytest
from django.utils import translation

from crm import enums, selectors
from crm.enums import OfficeRank, RelationshipStatus, RelationshipType
from crm.models import RelationshipRenewal
from tests.factories.crm import (
    AffiliationFactory,
    InteractionFactory,
    OrganisationFactory,
    PersonFactory,
    RelationshipFactory,
)

pytestmark = pytest.mark.django_db

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


def by_label(neighbourhood):
    return {node.label: distance for node, distance in neighbourhood.distances.items()}


def described(edges):
    return [(edge.source.label, edge.target.label, edge.kind, edge.label) for edge in edges]


def type_label(kind):
    return str(RelationshipType(kind).label)


# Precedence ------------------------------------------------------------------------------


def test_title_as_of_shows_the_2019_title_after_the_person_moved_on(graph):
    chairman = holds(
        graph.han, OrganisationFactory(), "董事長", "Chairman", OfficeRank.DIRECTOR, D(2022, 1, 1)
    )
    graph.han_mayor.is_primary = False
    graph.han_mayor.save()
    assert selectors.title_as_of(graph.han, SPRING_2019) == graph.han_mayor
    assert selectors.title_as_of(graph.han, D(2023, 1, 1)) == chairman
    assert selectors.title_as_of(graph.han, D(2021, 1, 1)) is None


def test_title_as_of_prefers_primary_then_highest_rank(graph):
    adviser = holds(
        graph.lin, graph.suwon, "顧問", "Adviser", OfficeRank.DIPLOMAT, D(2019, 1, 1), primary=True
    )
    deputy = holds(
        graph.lin, graph.ait, "副處長", "Deputy", OfficeRank.DEPUTY, D(2019, 1, 1), primary=False
    )
    graph.lin_director.is_primary = False
    graph.lin_director.save()
    assert selectors.title_as_of(graph.lin, SPRING_2019) == adviser
    adviser.is_primary = False
    adviser.save()
    assert selectors.title_as_of(graph.lin, SPRING_2019) == deputy


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
        titles = selectors.titles_as_of(people, SPRING_2019)
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
    assert {p.pk: selectors.title_as_of(p, SPRING_2019) for p in people} == titles


def test_precedence_rank_from_office_held_override_or_private(graph):
    assert selectors.precedence_rank(graph.han, SPRING_2019) == OfficeRank.MAYOR
    assert selectors.precedence_rank(graph.han, D(2021, 1, 1)) == OfficeRank.PRIVATE
    assert selectors.precedence_rank(graph.nobody, SPRING_2019) == OfficeRank.PRIVATE
    graph.nobody.precedence_override = 5
    assert selectors.precedence_rank(graph.nobody, SPRING_2019) == 5


def test_order_by_precedence_override_governor_mayor_director_then_family_name(graph):
    chang = person("Chang", "Mei-ling")
    holds(chang, graph.kaohsiung, "處長", "Director", OfficeRank.DIRECTOR, D(2019, 1, 1))
    graph.nobody.precedence_override = 1
    people = [graph.lin, chang, graph.han, graph.satake, graph.nobody, graph.chen]
    ordered = selectors.order_by_precedence(people, SPRING_2019)
    # Chen was not yet in office in 2019, so he counts as a private person.
    assert ordered == [graph.nobody, graph.satake, graph.han, chang, graph.lin, graph.chen]


def test_order_by_precedence_2019_mayor_outranks_director_later(graph):
    # By 2021 Han has left office: the director now comes first.
    assert selectors.order_by_precedence([graph.lin, graph.han], SPRING_2019) == [
        graph.han,
        graph.lin,
    ]
    assert selectors.order_by_precedence([graph.han, graph.lin], D(2021, 1, 1)) == [
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
        assert len(selectors.order_by_precedence(people, SPRING_2019)) == size


# Neighbourhoods ----------------------------------------------------------------------------


def test_neighbours_one_hop_in_2019_skips_ended_expired_and_future(graph):
    around = selectors.neighbours(graph.kaohsiung, hops=1, as_of=SPRING_2019)
    assert around.centre == selectors.Node("organisation", graph.kaohsiung.pk, "")
    assert around.centre.label == "高雄市"
    assert by_label(around) == {
        "高雄市": 0,
        "Han Kuo-yu": 1,
        "Lin Yu-ting": 1,
        "水原市": 1,
        "秋田縣": 1,
        "美國在台協會": 1,
    }
    assert described(around.edges) == [
        ("Han Kuo-yu", "高雄市", "affiliation", "市長"),
        ("Lin Yu-ting", "高雄市", "affiliation", "處長"),
        ("高雄市", "水原市", "friendship_city", type_label("friendship_city")),
        ("秋田縣", "高雄市", "mou", type_label("mou")),
        ("高雄市", "美國在台協會", "partnership", type_label("partnership")),
    ]


def test_neighbours_two_hops_reaches_the_partners_people(graph):
    around = selectors.neighbours(graph.kaohsiung, hops=2, as_of=SPRING_2019)
    assert by_label(around) == {
        "高雄市": 0,
        "Han Kuo-yu": 1,
        "Lin Yu-ting": 1,
        "水原市": 1,
        "秋田縣": 1,
        "美國在台協會": 1,
        "Yeom Tae-young": 2,
        "Satake Norihisa": 2,
        "Brent Christensen": 2,
    }
    assert len(around.edges) == 8
    assert ("Yeom Tae-young", "水原市", "affiliation", "市長") in described(around.edges)


def test_neighbours_as_of_later_date_follows_who_holds_office(graph):
    around = selectors.neighbours(graph.kaohsiung, hops=1, as_of=D(2021, 1, 1))
    assert by_label(around) == {
        "高雄市": 0,
        "Chen Chi-mai": 1,
        "Lin Yu-ting": 1,
        "水原市": 1,
        "秋田縣": 1,
        "美國在台協會": 1,
    }


def test_neighbours_before_an_end_date_still_sees_the_tie(graph):
    around = selectors.neighbours(graph.kaohsiung, hops=1, as_of=D(2014, 6, 1))
    assert by_label(around) == {"高雄市": 0, "舊城": 1, "逾期市": 1}


def test_neighbours_type_filter_keeps_affiliations(graph):
    around = selectors.neighbours(
        graph.kaohsiung, hops=2, as_of=SPRING_2019, types=[RelationshipType.FRIENDSHIP_CITY]
    )
    assert by_label(around) == {
        "高雄市": 0,
        "Han Kuo-yu": 1,
        "Lin Yu-ting": 1,
        "水原市": 1,
        "Yeom Tae-young": 2,
    }
    one_type = selectors.neighbours(
        graph.kaohsiung, hops=2, as_of=SPRING_2019, types=RelationshipType.FRIENDSHIP_CITY
    )
    assert by_label(one_type) == by_label(around)


def test_neighbours_of_a_person_and_labels_in_the_active_language(graph):
    with translation.override("en"):
        around = selectors.neighbours(graph.yeom, hops=2, as_of=SPRING_2019)
    assert by_label(around) == {"Yeom Tae-young": 0, "Suwon": 1, "Kaohsiung City": 2}
    assert described(around.edges) == [
        ("Yeom Tae-young", "Suwon", "affiliation", "Mayor"),
        ("Kaohsiung City", "Suwon", "friendship_city", "friendship city"),
    ]


def test_neighbours_suspended_and_proposed_ties_do_not_count(graph):
    graph.suwon_tie.status = RelationshipStatus.SUSPENDED
    graph.suwon_tie.save()
    tie(graph.kaohsiung, graph.oldtown, RelationshipType.MOU, D(2019, 1, 1), status="proposed")
    around = selectors.neighbours(graph.kaohsiung, hops=1, as_of=SPRING_2019)
    assert "水原市" not in by_label(around)
    assert "舊城" not in by_label(around)


def test_neighbours_rejects_other_records(graph):
    with pytest.raises(TypeError):
        selectors.neighbours(graph.suwon_tie)


def star(size):
    """An organisation with size/2 people and size/2 partners, each partner with one person."""
    centre = OrganisationFactory()
    for _ in range(size // 2):
        AffiliationFactory(organisation=centre)
        partner = RelationshipFactory(source=centre).target
        AffiliationFactory(organisation=partner)
    return centre


@pytest.mark.parametrize("size", [10, 100])
def test_neighbours_query_count_constant(django_assert_num_queries, size):
    centre = star(size)
    # Hop 1: affiliations, ties. Hop 2: affiliations, ties. Labels: organisations, people.
    with django_assert_num_queries(6):
        around = selectors.neighbours(centre, hops=2, as_of=SPRING_2019)
    assert len(around.distances) == 1 + size // 2 * 3


def test_neighbours_frontier_beyond_inline_limit_is_one_query(django_assert_num_queries):
    centre = OrganisationFactory()
    partners = OrganisationFactory.create_batch(selectors.INLINE_ID_LIMIT + 20)
    for partner in partners:
        RelationshipFactory(source=centre, target=partner)
    far = RelationshipFactory(source=partners[-1]).target
    # Two hops of affiliations and ties, then the labels of organisations (there are no people).
    with django_assert_num_queries(5):
        around = selectors.neighbours(centre, hops=2, as_of=SPRING_2019)
    assert len(around.distances) == len(partners) + 2
    assert around.distances[selectors.Node("organisation", far.pk, "")] == 2


# Shortest paths ----------------------------------------------------------------------------


def test_shortest_path_how_we_know_the_suwon_mayor(graph):
    path = selectors.shortest_path(graph.lin, graph.yeom, as_of=SPRING_2019)
    assert described(path) == [
        ("Lin Yu-ting", "高雄市", "affiliation", "處長"),
        ("高雄市", "水原市", "friendship_city", type_label("friendship_city")),
        ("水原市", "Yeom Tae-young", "affiliation", "市長"),
    ]


def test_shortest_path_edges_point_from_a_to_b(graph):
    path = selectors.shortest_path(graph.yeom, graph.satake, as_of=SPRING_2019)
    assert described(path) == [
        ("Yeom Tae-young", "水原市", "affiliation", "市長"),
        ("水原市", "高雄市", "friendship_city", type_label("friendship_city")),
        ("高雄市", "秋田縣", "mou", type_label("mou")),
        ("秋田縣", "Satake Norihisa", "affiliation", "知事"),
    ]
    assert all(before.target == after.source for before, after in zip(path, path[1:], strict=False))


def test_shortest_path_none_before_the_tie_was_signed(graph):
    assert selectors.shortest_path(graph.lin, graph.yeom, as_of=D(2019, 2, 15)) is None


def test_shortest_path_none_when_types_exclude_the_tie(graph):
    found = selectors.shortest_path(
        graph.lin, graph.yeom, as_of=SPRING_2019, types=[RelationshipType.MOU]
    )
    assert found is None


def test_shortest_path_respects_max_hops(graph):
    assert selectors.shortest_path(graph.lin, graph.yeom, as_of=SPRING_2019, max_hops=2) is None
    assert len(selectors.shortest_path(graph.lin, graph.yeom, as_of=SPRING_2019, max_hops=3)) == 3


def test_shortest_path_prefers_the_shorter_route(graph):
    # A direct MOU with Akita's governor's prefecture beats going round through Kaohsiung.
    tie(graph.suwon, graph.akita, RelationshipType.MOU, D(2018, 1, 1))
    path = selectors.shortest_path(graph.yeom, graph.satake, as_of=SPRING_2019)
    assert described(path) == [
        ("Yeom Tae-young", "水原市", "affiliation", "市長"),
        ("水原市", "秋田縣", "mou", type_label("mou")),
        ("秋田縣", "Satake Norihisa", "affiliation", "知事"),
    ]


def test_shortest_path_to_itself_is_empty(graph):
    assert selectors.shortest_path(graph.suwon, graph.suwon) == []


def test_shortest_path_ended_tie_not_walked_after_it_ended(graph):
    mayor = person("Smith", "John", cjk=False)
    holds(mayor, graph.oldtown, "市長", "Mayor", OfficeRank.MAYOR, D(2000, 1, 1))
    assert len(selectors.shortest_path(graph.kaohsiung, mayor, as_of=D(2010, 1, 1))) == 2
    assert selectors.shortest_path(graph.kaohsiung, mayor, as_of=SPRING_2019) is None


def chain_with_padding(size):
    """a - A = B - b, with size/4 extra people and size/4 extra ties on each of A and B."""
    a, b = PersonFactory(), PersonFactory()
    left, right = OrganisationFactory(), OrganisationFactory()
    AffiliationFactory(person=a, organisation=left)
    AffiliationFactory(person=b, organisation=right)
    RelationshipFactory(source=left, target=right)
    for org in (left, right):
        for _ in range(size // 4):
            AffiliationFactory(organisation=org)
            RelationshipFactory(source=org)
    return a, b


@pytest.mark.parametrize("size", [10, 100])
def test_shortest_path_query_count_constant(django_assert_num_queries, size):
    a, b = chain_with_padding(size)
    # From a: affiliations; from its organisation: affiliations, ties; from b: affiliations;
    # then the labels of organisations and people on the path.
    with django_assert_num_queries(6):
        path = selectors.shortest_path(a, b, as_of=SPRING_2019)
    assert len(path) == 3


# Sister cities -----------------------------------------------------------------------------


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

    numbered = selectors.sister_cities_in_order()
    ordinals = {relationship: ordinal for ordinal, relationship in numbered}
    assert ordinals[graph.suwon_tie] == 34
    assert ordinals[last] == 33
    assert ordinals[upgrade] == 1
    assert ordinals[graph.oldtown_tie] == 11
    assert [ordinal for ordinal, _tie in numbered] == [*range(1, 34), 1, 34]
    assert len(selectors.sister_cities_in_order(as_of=D(2019, 2, 15))) == 34


def test_sister_cities_in_order_without_home_city_is_empty():
    RelationshipFactory()
    assert selectors.sister_cities_in_order() == []


@pytest.mark.parametrize("size", [10, 100])
def test_sister_cities_in_order_query_count_constant(django_assert_num_queries, size):
    home = OrganisationFactory(is_home=True)
    for number in range(size):
        RelationshipFactory(source=home, signed_on=D(1900 + number, 1, 1))
    with django_assert_num_queries(1):
        assert len(selectors.sister_cities_in_order()) == size


# Agreements due ----------------------------------------------------------------------------


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

    due = selectors.agreements_due(within_days=30, today=today)
    assert [(item.relationship, item.date, item.reason, item.years) for item in due] == [
        (tenth, D(2019, 8, 15), "anniversary", 10),
        (open_renewal, D(2019, 8, 20), "renewal", None),
        (graph.akita_tie, D(2019, 8, 23), "renewal", None),
        (short, D(2019, 8, 30), "renewal", None),
    ]


def test_agreements_due_twenty_fifth_and_thirtieth_in_one_window(graph):
    first = tie(graph.suwon, graph.ait, RelationshipType.MOU, D(1994, 12, 20))
    second = tie(graph.akita, graph.ait, RelationshipType.MOU, D(1990, 1, 10))
    due = selectors.agreements_due(within_days=30, today=D(2019, 12, 15))
    assert [(item.relationship, item.date, item.years) for item in due] == [
        (first, D(2019, 12, 20), 25),
        (graph.ait_tie, D(2020, 1, 1), 5),
        (second, D(2020, 1, 10), 30),
    ]


def test_agreements_due_leap_day_signing_marked_on_28_february(graph):
    leap = tie(graph.suwon, graph.ait, RelationshipType.MOU, D(2016, 2, 29))
    due = selectors.agreements_due(within_days=30, today=D(2021, 2, 1))
    assert [(item.relationship, item.date, item.years) for item in due] == [
        (leap, D(2021, 2, 28), 5)
    ]
    due = selectors.agreements_due(within_days=30, today=D(2026, 2, 1))
    assert [(item.relationship, item.date, item.years) for item in due] == [
        (leap, D(2026, 2, 28), 10)
    ]


def test_agreements_due_window_is_inclusive_and_not_retrospective(graph):
    graph.akita_tie.expires_on = D(2019, 8, 31)
    graph.akita_tie.save()
    assert selectors.agreements_due(within_days=30, today=D(2019, 8, 1))[0].date == D(2019, 8, 31)
    assert selectors.agreements_due(within_days=29, today=D(2019, 8, 1)) == []
    assert selectors.agreements_due(within_days=30, today=D(2019, 9, 1)) == []


@pytest.mark.parametrize("size", [10, 100])
def test_agreements_due_query_count_constant(django_assert_num_queries, size):
    for _ in range(size):
        tie_ = RelationshipFactory(signed_on=D(2009, 8, 15), expires_on=D(2019, 8, 20))
        RelationshipRenewal.objects.create(relationship=tie_, renewed_on=D(2018, 1, 1))
    with django_assert_num_queries(1):
        due = selectors.agreements_due(within_days=30, today=D(2019, 8, 1))
    assert len(due) == size * 2


# Dormant ties ------------------------------------------------------------------------------


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

    assert selectors.dormant_ties(months=6, today=today) == [quiet, graph.ait_tie]
    assert young not in selectors.dormant_ties(months=6, today=today)
    assert selectors.dormant_ties(months=7, today=today) == [quiet]


@pytest.mark.parametrize("size", [10, 100])
def test_dormant_ties_query_count_constant(django_assert_num_queries, size):
    RelationshipFactory.create_batch(size)
    with django_assert_num_queries(1):
        assert len(selectors.dormant_ties(months=6, today=D(2019, 12, 31))) == size


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
    assert selectors.months_before(day, months) == expected


def test_neighbours_labels_fall_back_to_chinese_when_a_translation_is_missing(graph):
    graph.akita.name_ja = "秋田県"
    graph.akita.save()
    with translation.override("ja"):
        around = selectors.neighbours(graph.satake, hops=2, as_of=SPRING_2019)
    # Akita has a Japanese name; Kaohsiung has none, so its Chinese name stands in.
    assert by_label(around) == {"Satake Norihisa": 0, "秋田県": 1, "高雄市": 2}

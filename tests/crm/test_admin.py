"""The CRM back office: who may open which page, record pages, lists, search and queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from crm import enums
from crm.models import (
    Interaction,
)
from tests.factories.crm import (
    AffiliationFactory,
    CooperationAreaFactory,
    InteractionFactory,
    OrganisationFactory,
    PersonFactory,
    RelationshipFactory,
)
from tests.factories.staff import protocol_officer

pytestmark = pytest.mark.django_db

VIEWSETS = {
    "crm_organisation": OrganisationFactory,
    "crm_person": PersonFactory,
    "crm_affiliation": AffiliationFactory,
    "crm_relationship": RelationshipFactory,
    "crm_cooperationarea": CooperationAreaFactory,
    "crm_interaction": InteractionFactory,
}


READ_VIEWS = ("index", "inspect", "history")


WRITE_VIEWS = ("add", "edit", "delete")


def url(namespace, view, record=None):
    args = [] if view in ("index", "add") else [record.pk]
    return reverse(f"{namespace}:{view}", args=args)


@pytest.mark.parametrize("namespace", VIEWSETS)
@pytest.mark.parametrize("view", READ_VIEWS + WRITE_VIEWS)
def test_crm_admin_page_answers_protocol_officer(officer_client, namespace, view):
    record = VIEWSETS[namespace]()
    response = officer_client.get(url(namespace, view, record))
    assert response.status_code == 200


@pytest.mark.parametrize("namespace", VIEWSETS)
@pytest.mark.parametrize("view", READ_VIEWS)
def test_crm_admin_read_page_answers_viewer(viewer_client, namespace, view):
    record = VIEWSETS[namespace]()
    response = viewer_client.get(url(namespace, view, record))
    assert response.status_code == 200


@pytest.mark.parametrize("namespace", VIEWSETS)
@pytest.mark.parametrize("view", WRITE_VIEWS)
def test_crm_admin_write_page_refuses_viewer(viewer_client, namespace, view):
    record = VIEWSETS[namespace]()
    response = viewer_client.get(url(namespace, view, record))
    # Wagtail answers a refused permission by sending the user back to the dashboard.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


@pytest.mark.parametrize("namespace", VIEWSETS)
@pytest.mark.parametrize("view", WRITE_VIEWS)
def test_crm_admin_write_post_by_viewer_changes_nothing(viewer_client, namespace, view):
    record = VIEWSETS[namespace]()
    model = type(record)
    before = model.objects.count()
    response = viewer_client.post(url(namespace, view, record), {})
    assert response.status_code == 302
    assert model.objects.count() == before
    assert model.objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize("namespace", VIEWSETS)
@pytest.mark.parametrize("view", READ_VIEWS + WRITE_VIEWS)
def test_crm_admin_page_sends_anonymous_to_login(client, namespace, view):
    record = VIEWSETS[namespace]()
    target = url(namespace, view, record)
    response = client.get(target)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('wagtailadmin_login')}?next={target}"


def test_admin_without_group_is_refused(client):
    from tests.factories.staff import StaffUserFactory

    client.force_login(StaffUserFactory())
    response = client.get(reverse("crm_person:index"))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_login") + "?next=" + reverse(
        "crm_person:index"
    )


def test_person_page_draws_two_hop_neighbourhood(officer_client):
    kaohsiung = OrganisationFactory(name_zh_hant="高雄市", name_en="Kaohsiung", is_home=True)
    suwon = OrganisationFactory(name_zh_hant="水原市", name_en="Suwon")
    person = PersonFactory(family_name="Chen", given_name="Chi-mai")
    AffiliationFactory(
        person=person, organisation=kaohsiung, position_title_zh_hant="市長", start_date=None
    )
    RelationshipFactory(source=kaohsiung, target=suwon, type=enums.RelationshipType.FRIENDSHIP_CITY)
    far = OrganisationFactory(name_zh_hant="三跳之外", name_en="Three hops away")
    RelationshipFactory(source=suwon, target=far, type=enums.RelationshipType.MOU)

    response = officer_client.get(reverse("crm_person:inspect", args=[person.pk]))

    assert response.status_code == 200
    section = response.content.decode().split('<section class="crm-neighbourhood"')[1]
    svg = section.split("<svg", 1)[1].split("</svg>")[0]
    assert "Chi-mai Chen" in svg
    assert "高雄市" in svg
    assert "水原市" in svg
    assert "三跳之外" not in svg
    assert reverse("crm_organisation:inspect", args=[suwon.pk]) in svg
    graph = response.context["graph"]
    assert sorted((node.label, node.distance) for node in graph.nodes) == [
        ("水原市", 2),
        ("高雄市", 1),
    ]
    assert len(graph.edges) == 2


def test_person_page_shows_neighbourhood_and_title_as_of_a_date(officer_client):
    akita = OrganisationFactory(name_zh_hant="秋田縣")
    person = PersonFactory(family_name="Satake", given_name="Norihisa", preferred_languages=["ja"])
    AffiliationFactory(
        person=person,
        organisation=akita,
        position_title_zh_hant="知事",
        start_date=datetime.date(2009, 4, 20),
        end_date=datetime.date(2021, 4, 19),
    )
    page = reverse("crm_person:inspect", args=[person.pk])

    today = officer_client.get(page)
    in_2019 = officer_client.get(page, {"as_of": "2019-08-23"})

    assert (today.context["graph"].nodes, today.context["current_title"]) == ([], None)
    assert [node.label for node in in_2019.context["graph"].nodes] == ["秋田縣"]
    assert in_2019.context["current_title"].position_title == "知事"
    assert "知事" in in_2019.content.decode()


def test_organisation_page_lists_relationships_people_and_interactions(officer_client):
    kaohsiung = OrganisationFactory(name_zh_hant="高雄市")
    suwon = OrganisationFactory(name_zh_hant="水原市")
    RelationshipFactory(source=suwon, target=kaohsiung, type=enums.RelationshipType.FRIENDSHIP_CITY)
    mayor = AffiliationFactory(organisation=kaohsiung, position_title_zh_hant="市長").person
    interaction = InteractionFactory(subject="Courtesy call from Suwon")
    interaction.organisations.add(kaohsiung, suwon)

    response = officer_client.get(reverse("crm_organisation:inspect", args=[kaohsiung.pk]))

    assert response.status_code == 200
    assert [r.other_party(kaohsiung) for r in response.context["relationships"]] == [suwon]
    assert [a.person for a in response.context["affiliations"]] == [mayor]
    assert list(response.context["interactions"]) == [interaction]
    assert "Courtesy call from Suwon" in response.content.decode()


def test_interaction_create_records_who_logged_it(client):
    user = protocol_officer()
    client.force_login(user)
    response = client.post(
        reverse("crm_interaction:add"),
        {
            "occurred_on": "2019-03-29",
            "kind": enums.InteractionKind.GIFT_RECEIVED,
            "subject": "Gift from the AIT director",
            "description": "",
            "gift_description": "Book",
            "gift_value": "-5",
            "gift_currency": "TWD",
        },
    )
    assert response.status_code == 200
    assert Interaction.objects.count() == 0
    response = client.post(
        reverse("crm_interaction:add"),
        {
            "occurred_on": "2019-03-29",
            "kind": enums.InteractionKind.GIFT_RECEIVED,
            "subject": "Gift from the AIT director",
            "description": "",
            "gift_description": "Book",
            "gift_value": "500",
            "gift_currency": "TWD",
        },
    )
    assert response.status_code == 302
    assert Interaction.objects.get().recorded_by == user


LIST_ROWS = {
    "crm_organisation": lambda: OrganisationFactory(parent=OrganisationFactory()),
    "crm_person": PersonFactory,
    "crm_affiliation": AffiliationFactory,
    "crm_relationship": RelationshipFactory,
    "crm_cooperationarea": CooperationAreaFactory,
    "crm_interaction": lambda: InteractionFactory(relationship=RelationshipFactory()),
}


@pytest.mark.parametrize("namespace", LIST_ROWS)
def test_crm_list_query_count_holds_from_10_to_100_rows(
    officer_client, django_assert_num_queries, namespace
):
    make = LIST_ROWS[namespace]
    for _ in range(10):
        make()
    target = reverse(f"{namespace}:index")
    officer_client.get(target)  # warm per-process caches (content types, hooks)
    with CaptureQueriesContext(connection) as at_10:
        assert officer_client.get(target).status_code == 200
    for _ in range(90):
        make()
    with django_assert_num_queries(len(at_10.captured_queries)):
        response = officer_client.get(target)
    assert response.status_code == 200
    assert response.context["paginator"].count == VIEWSETS[namespace]._meta.model.objects.count()


def add_ties(kaohsiung, count):
    for _ in range(count):
        partner = OrganisationFactory()
        relationship = RelationshipFactory(source=kaohsiung, target=partner)
        relationship.areas.add(CooperationAreaFactory())
        AffiliationFactory(organisation=kaohsiung)
        interaction = InteractionFactory(relationship=relationship)
        interaction.organisations.add(kaohsiung, partner)
        interaction.people.add(PersonFactory())


def test_organisation_page_query_count_holds_from_10_to_100_ties(
    officer_client, django_assert_num_queries
):
    kaohsiung = OrganisationFactory(is_home=True)
    page = reverse("crm_organisation:inspect", args=[kaohsiung.pk])
    add_ties(kaohsiung, 10)
    officer_client.get(page)
    with CaptureQueriesContext(connection) as at_10:
        assert len(officer_client.get(page).context["relationships"]) == 10
    add_ties(kaohsiung, 90)
    with django_assert_num_queries(len(at_10.captured_queries)):
        response = officer_client.get(page)
    assert len(response.context["relationships"]) == 100
    # 100 sister cities fold into one node; with the 100 staff, all one step away, the first
    # ring draws 36 and counts the other 65.
    graph = response.context["graph"]
    assert (len(graph.nodes), graph.hidden) == (36, 65)
    assert sum(node.kind == "group" for node in graph.nodes) == 1


def test_layout_places_nodes_on_rings_by_distance_and_colours_edges_by_kind():
    from crm.selectors.graph import Edge, Neighbourhood
    from crm.selectors.nodes import Node
    from crm.views import EDGE_COLOURS, RING_SPACING, layout_neighbourhood

    centre = Node("person", 1, "Chen Chi-mai")
    city = Node("organisation", 2, "高雄市")
    partner = Node("organisation", 3, "水原市")
    neighbourhood = Neighbourhood(
        centre=centre,
        distances={centre: 0, city: 1, partner: 2},
        edges=[
            Edge(centre, city, "affiliation", "市長"),
            Edge(city, partner, enums.RelationshipType.FRIENDSHIP_CITY, "friendship city"),
        ],
    )

    picture = layout_neighbourhood(neighbourhood)

    half = picture.size / 2
    assert (picture.centre.x, picture.centre.y) == (half, half)
    placed = {node.label: node for node in picture.nodes}
    # One node per ring: the first ring starts straight up, the second half a turn round.
    assert (placed["高雄市"].x, placed["高雄市"].y) == (half, half - RING_SPACING)
    assert (placed["水原市"].x, placed["水原市"].y) == (half, half + 2 * RING_SPACING)
    assert placed["水原市"].url == reverse("crm_organisation:inspect", args=[3])
    assert [(edge.colour, edge.captioned) for edge in picture.edges] == [
        (EDGE_COLOURS["affiliation"], True),
        (EDGE_COLOURS[enums.RelationshipType.FRIENDSHIP_CITY], False),
    ]
    assert [ring["r"] for ring in picture.rings] == [RING_SPACING, 2 * RING_SPACING]
    assert picture.hidden == 0


LIST_KEYS = {
    "crm_organisation": lambda organisation: organisation.name_zh_hant,
    "crm_person": lambda person: person.family_name,
    "crm_relationship": lambda tie: (tie.source.name_zh_hant, tie.target.name_zh_hant),
}


@pytest.mark.parametrize(
    ("namespace", "query", "expected"),
    [
        ("crm_organisation", {"q": "Suwon"}, ["水原市"]),
        ("crm_organisation", {"q": "수원"}, ["水原市"]),
        ("crm_organisation", {"kind": enums.OrganisationKind.NGO}, ["台灣世界展望會"]),
        ("crm_person", {"q": "酈英傑"}, ["Christensen"]),
        ("crm_relationship", {"type": enums.RelationshipType.MOU}, [("高雄市", "秋田縣")]),
        ("crm_relationship", {"q": "Akita"}, [("高雄市", "秋田縣")]),
    ],
)
def test_crm_list_search_and_filters(officer_client, namespace, query, expected):
    kaohsiung = OrganisationFactory(name_zh_hant="高雄市", name_en="Kaohsiung")
    OrganisationFactory(name_zh_hant="水原市", name_en="Suwon", name_ko="수원시")
    akita = OrganisationFactory(name_zh_hant="秋田縣", name_en="Akita")
    OrganisationFactory(name_zh_hant="台灣世界展望會", kind=enums.OrganisationKind.NGO)
    RelationshipFactory(source=kaohsiung, target=akita, type=enums.RelationshipType.MOU)
    RelationshipFactory(source=kaohsiung, target=OrganisationFactory(name_en="Portland"))
    PersonFactory(family_name="Christensen", given_name="Brent", chinese_name="酈英傑")
    PersonFactory(family_name="Yeom", given_name="Tae-young")

    response = officer_client.get(reverse(f"{namespace}:index"), query)

    assert response.status_code == 200
    assert [LIST_KEYS[namespace](record) for record in response.context["object_list"]] == expected


def test_a_persons_preferred_languages_are_named_on_their_page(officer_client):
    person = PersonFactory(preferred_languages=["ja", "en"])

    body = officer_client.get(
        reverse("crm_person:inspect", args=[person.pk]), HTTP_ACCEPT_LANGUAGE="zh-hant"
    ).content.decode()

    assert "日語, 英語" in body

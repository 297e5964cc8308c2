import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, querydict_from_html

from crm import enums
from crm.models import (
    Affiliation,
    Interaction,
    Organisation,
    Person,
    Relationship,
)
from tests.factories.crm import (
    AffiliationFactory,
    CooperationAreaFactory,
    InteractionFactory,
    OrganisationFactory,
    PersonFactory,
    RelationshipFactory,
)
from tests.factories.staff import protocol_officer, viewer

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


@pytest.fixture
def officer_client(client):
    client.force_login(protocol_officer())
    return client


@pytest.fixture
def viewer_client(client):
    client.force_login(viewer())
    return client


def form_errors(response):
    """Every error message of the re-rendered form and its inline formsets."""
    form = response.context["form"]
    errors = [str(message) for messages in form.errors.values() for message in messages]
    for formset in getattr(form, "formsets", {}).values():
        for child_errors in formset.errors:
            errors += [str(m) for messages in child_errors.values() for m in messages]
        errors += [str(message) for message in formset.non_form_errors()]
    return errors


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


def test_organisation_create_stores_all_four_names(officer_client):
    response = officer_client.post(
        reverse("crm_organisation:add"),
        {
            "name_zh_hant": "水原市",
            "name_en": "Suwon",
            "name_ja": "水原市",
            "name_ko": "수원시",
            "native_name": "수원시",
            "short_name": "",
            "kind": enums.OrganisationKind.CITY,
            "country": "KR",
            "website": "https://www.suwon.go.kr",
            "address": "",
            "latitude": "37.263600",
            "longitude": "127.028600",
            "notes": "",
        },
    )
    assert response.status_code == 302
    suwon = Organisation.objects.get()
    with translation.override("ko"):
        assert (suwon.name, suwon.name_zh_hant, suwon.country.code) == ("수원시", "水原市", "KR")
    with translation.override("en"):
        assert suwon.name == "Suwon"


def test_organisation_create_without_chinese_name_is_refused(officer_client):
    response = officer_client.post(
        reverse("crm_organisation:add"),
        {"name_zh_hant": "", "name_en": "Suwon", "kind": enums.OrganisationKind.CITY},
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["name_zh_hant"]
    assert Organisation.objects.count() == 0


def person_form(**overrides):
    data = {
        "family_name": "Yeom",
        "given_name": "Tae-young",
        "name_order": enums.NameOrder.FAMILY_FIRST,
        "native_name": "염태영",
        "chinese_name": "",
        "honorific": "Mayor",
        "email": "mayor@suwon.example",
        "phone": "+82 31 228 2114",
        "preferred_languages": "ko, en",
        "dietary_requirements": "",
        "accessibility_needs": "",
        "precedence_override": "",
        "notes": "",
        "affiliations": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_person_create_saves_person_and_inline_affiliation(officer_client):
    suwon = OrganisationFactory(name_zh_hant="水原市", name_en="Suwon")
    data = person_form(
        affiliations=inline_formset(
            [
                {
                    "organisation": suwon.pk,
                    "position_title_zh_hant": "市長",
                    "position_title_en": "Mayor",
                    "position_title_ja": "",
                    "position_title_ko": "시장",
                    "start_date": "2010-07-01",
                    "end_date": "",
                    "office_rank": enums.OfficeRank.MAYOR,
                    "is_primary": "on",
                }
            ]
        )
    )
    response = officer_client.post(reverse("crm_person:add"), data)
    assert response.status_code == 302
    person = Person.objects.get()
    assert (person.full_name, person.preferred_languages, str(person.phone)) == (
        "Yeom Tae-young",
        ["ko", "en"],
        "+82312282114",
    )
    affiliation = person.affiliations.get()
    assert (affiliation.organisation, affiliation.position_title_ko, affiliation.start_date) == (
        suwon,
        "시장",
        datetime.date(2010, 7, 1),
    )


def test_person_create_with_bad_email_and_phone_shows_errors_and_saves_nothing(officer_client):
    response = officer_client.post(
        reverse("crm_person:add"),
        person_form(email="not-an-address", phone="12", preferred_languages="ko, xx-nowhere"),
    )
    assert response.status_code == 200
    with translation.override("zh-hant"):
        from django.core.validators import EmailValidator

        email_message = str(EmailValidator.message)
    errors = form_errors(response)
    assert email_message in errors
    assert response.context["form"].errors.keys() == {"email", "phone", "preferred_languages"}
    assert Person.objects.count() == 0


def test_person_inline_affiliation_ending_before_start_saves_nothing(officer_client):
    organisation = OrganisationFactory()
    data = person_form(
        affiliations=inline_formset(
            [
                {
                    "organisation": organisation.pk,
                    "position_title_zh_hant": "處長",
                    "start_date": "2019-05-01",
                    "end_date": "2019-01-01",
                    "office_rank": enums.OfficeRank.DIRECTOR,
                }
            ]
        )
    )
    response = officer_client.post(reverse("crm_person:add"), data)
    assert response.status_code == 200
    with translation.override("zh-hant"):
        expected = str(translation.gettext("The end date cannot be before the start date."))
    assert expected in form_errors(response)
    assert (Person.objects.count(), Affiliation.objects.count()) == (0, 0)


def relationship_form(source, target, **overrides):
    data = {
        "source": source.pk,
        "target": target.pk,
        "type": enums.RelationshipType.FRIENDSHIP_CITY,
        "status": enums.RelationshipStatus.ACTIVE,
        "signed_on": "2019-02-16",
        "expires_on": "",
        "ended_on": "",
        "summary_zh_hant": "",
        "summary_en": "",
        "summary_ja": "",
        "summary_ko": "",
        "notes": "",
        "renewals": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.mark.parametrize("reversed_pair", [False, True])
def test_relationship_duplicate_active_agreement_is_a_form_error(officer_client, reversed_pair):
    kaohsiung, suwon = OrganisationFactory(), OrganisationFactory()
    RelationshipFactory(source=kaohsiung, target=suwon, type=enums.RelationshipType.FRIENDSHIP_CITY)
    source, target = (suwon, kaohsiung) if reversed_pair else (kaohsiung, suwon)
    response = officer_client.post(
        reverse("crm_relationship:add"), relationship_form(source, target)
    )
    assert response.status_code == 200
    with translation.override("zh-hant"):
        expected = "These two organisations already have an active tie of this type."
        expected = str(translation.gettext(expected))
    assert form_errors(response) == [expected]
    assert expected in response.content.decode()
    assert Relationship.objects.count() == 1


def test_relationship_expiring_before_signing_is_a_form_error(officer_client):
    kaohsiung, akita = OrganisationFactory(), OrganisationFactory()
    response = officer_client.post(
        reverse("crm_relationship:add"),
        relationship_form(
            kaohsiung, akita, type=enums.RelationshipType.MOU, expires_on="2018-01-01"
        ),
    )
    assert response.status_code == 200
    with translation.override("zh-hant"):
        expected = str(translation.gettext("The expiry date cannot be before the signing date."))
    assert form_errors(response) == [expected]
    assert Relationship.objects.count() == 0


def test_relationship_edit_adds_inline_renewal(officer_client):
    relationship = RelationshipFactory(type=enums.RelationshipType.MOU)
    page = officer_client.get(reverse("crm_relationship:edit", args=[relationship.pk]))
    data = querydict_from_html(page.content.decode(), form_id="w-editor-form")
    data["renewals-TOTAL_FORMS"] = "1"
    data.update(
        {
            "renewals-0-id": "",
            "renewals-0-renewed_on": "2019-08-23",
            "renewals-0-expires_on": "2024-08-22",
            "renewals-0-notes": "",
            "renewals-0-ORDER": "1",
            "renewals-0-DELETE": "",
        }
    )
    response = officer_client.post(reverse("crm_relationship:edit", args=[relationship.pk]), data)
    assert response.status_code == 302
    renewal = relationship.renewals.get()
    assert (renewal.renewed_on, renewal.expires_on) == (
        datetime.date(2019, 8, 23),
        datetime.date(2024, 8, 22),
    )


def test_delete_of_referenced_organisation_is_refused(officer_client):
    organisation = AffiliationFactory().organisation
    page = officer_client.get(reverse("crm_organisation:delete", args=[organisation.pk]))
    assert page.context["is_protected"] is True
    response = officer_client.post(reverse("crm_organisation:delete", args=[organisation.pk]))
    assert response.status_code == 302
    assert Organisation.objects.filter(pk=organisation.pk).exists()
    assert not ModelLogEntry.objects.filter(action="crm.delete").exists()


def test_delete_refused_by_the_database_returns_to_the_record_with_a_message(officer_client):
    organisation = OrganisationFactory()
    # bulk_create skips the signals that fill Wagtail's reference index, so only the
    # database's PROTECT knows about this affiliation.
    Affiliation.objects.bulk_create(
        [Affiliation(person=PersonFactory(), organisation=organisation, position_title="職員")]
    )
    response = officer_client.post(reverse("crm_organisation:delete", args=[organisation.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("crm_organisation:edit", args=[organisation.pk])
    assert Organisation.objects.filter(pk=organisation.pk).exists()
    assert not ModelLogEntry.objects.filter(action="crm.delete").exists()
    page = officer_client.get(response["Location"])
    with translation.override("zh-hant"):
        expected = translation.gettext(
            "%(record)s cannot be deleted while %(count)d other records refer to it."
        ) % {"record": organisation, "count": 1}
    assert [str(message) for message in page.context["messages"]] == [expected]


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
    # 100 partners and 100 staff, all one step away: the first ring draws 36, counts the rest.
    graph = response.context["graph"]
    assert (len(graph.nodes), graph.hidden) == (36, 164)


def test_layout_places_nodes_on_rings_by_distance_and_colours_edges_by_kind():
    from crm.selectors import Edge, Neighbourhood, Node
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


# Language-neutral keys, so the test holds whatever the admin's catalogue says.
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

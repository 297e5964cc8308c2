"""core.prepared answers what the queryset it compiled once would answer, for any arguments."""

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db.models import F, Q
from django.db.models.functions import Left
from django.utils import translation
from wagtail.models import Locale

from core.prepared import PreparedQuery
from crm.models import Organisation
from events.models import Event, ItineraryItem, Registration
from tests.factories.crm import OrganisationFactory
from tests.factories.events import (
    EventFactory,
    ItineraryItemFactory,
    RegistrationFactory,
    VenueFactory,
    taipei,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _accelerated(settings):
    # These tests are about the compiled path, whatever the environment chose.
    settings.KIA_ACCELERATIONS = True


def _items(event_pk):
    return (
        ItineraryItem.objects.filter(event=event_pk)
        .select_related("venue")
        .annotate(day=F("starts_at"))
        .order_by("starts_at", "pk")
    )


def test_models_come_with_their_related_objects_and_annotations(django_assert_num_queries):
    first, second = EventFactory(), EventFactory()
    hall = VenueFactory(name="西子灣沙灘會館", name_en="Xiziwan beach hall")
    for hour in (13, 11):
        ItineraryItemFactory(
            event=first,
            venue=hall,
            starts_at=taipei(2019, 2, 16, hour),
            ends_at=taipei(2019, 2, 16, hour, 30),
        )
    ItineraryItemFactory(event=second, venue=None)
    query = PreparedQuery(_items)

    for event in (first, second):
        expected = list(_items(event.pk))
        with django_assert_num_queries(1):
            items = query(event.pk)
            venues = [item.venue.name_en if item.venue else None for item in items]
        assert items == expected
        assert venues == [item.venue.name_en if item.venue else None for item in expected]
        assert [item.day for item in items] == [item.day for item in expected]
        # Converted as the ORM converts them: aware datetimes on SQLite too.
        assert [item.starts_at for item in items] == [item.starts_at for item in expected]
        assert all(item.starts_at.tzinfo is not None for item in items)


def test_the_queryset_is_built_and_compiled_once():
    built = []

    def build(pk):
        built.append(pk)
        return Event.objects.filter(pk=pk)

    events = EventFactory.create_batch(3)
    query = PreparedQuery(build)
    assert [query(event.pk)[0] for event in events] == events
    assert len(built) == 1


def test_values_and_values_list_keep_the_orms_order_of_names():
    event = EventFactory()
    RegistrationFactory(event=event, family_name="Lee", given_name="Mina")
    RegistrationFactory(event=event, family_name="Chen", given_name="Yi")

    def as_tuples(event_pk):
        return (
            Registration.objects.filter(event=event_pk)
            .annotate(initial=Left("given_name", 1))
            .order_by("family_name")
            .values_list("initial", "family_name", "pk")
        )

    def as_dicts(event_pk):
        return (
            Registration.objects.filter(event=event_pk)
            .order_by("family_name")
            .values("family_name", initial=Left("given_name", 1))
        )

    tuples = PreparedQuery(as_tuples)(event.pk)
    assert tuples == list(as_tuples(event.pk))
    assert [row[:2] for row in tuples] == [("Y", "Chen"), ("M", "Lee")]
    assert PreparedQuery(as_dicts)(event.pk) == list(as_dicts(event.pk))


def test_values_of_translated_models_are_refused():
    # modeltranslation fills their fallbacks in its own iterables; instances do it themselves.
    query = PreparedQuery(lambda pk: Event.objects.filter(pk=pk).values_list("title"))
    with pytest.raises(ImproperlyConfigured, match="models"):
        query(1)


def test_a_uuid_argument():
    events = EventFactory.create_batch(2)
    query = PreparedQuery(lambda uid: Event.objects.filter(uid=uid))
    assert [query(event.uid) for event in events] == [[event] for event in events]


def test_startswith_arguments_are_escaped_for_like():
    for code in ("x_y", "xzy", "x%y"):
        Locale.objects.create(language_code=code)
    query = PreparedQuery(lambda prefix: Locale.objects.filter(language_code__startswith=prefix))
    assert [locale.language_code for locale in query("x_")] == ["x_y"]
    assert [locale.language_code for locale in query("x%")] == ["x%y"]


def test_several_arguments_of_an_in_lookup_and_their_number():
    events = EventFactory.create_batch(3)
    query = PreparedQuery(lambda *pks: Event.objects.filter(pk__in=pks).order_by("pk"))
    assert query(events[0].pk, events[2].pk) == [events[0], events[2]]
    assert query(events[1].pk) == [events[1]]


def test_shape_arguments_choose_another_query():
    event = EventFactory()
    query = PreparedQuery(lambda model, pk: model.objects.filter(pk=pk))
    organisation = OrganisationFactory()
    assert query(event.pk, shape=(Event,)) == [event]
    assert query(organisation.pk, shape=(Organisation,)) == [organisation]


def test_each_language_has_its_own_compiled_query():
    # modeltranslation orders by the active language's column.
    OrganisationFactory(name="水原市", name_en="Suwon")
    OrganisationFactory(name="八王子市", name_en="Hachioji")
    query = PreparedQuery(lambda pk: Organisation.objects.exclude(pk=pk))
    for code in ("zh-hant", "en"):
        with translation.override(code):
            assert query(0) == list(Organisation.objects.exclude(pk=0))


def test_a_condition_that_matches_nothing_asks_nothing(django_assert_num_queries):
    query = PreparedQuery(lambda *pks: Event.objects.filter(Q(pk__in=pks)))
    with django_assert_num_queries(0):
        assert query() == []


def test_arguments_must_be_parameters():
    query = PreparedQuery(lambda pk: Event.objects.filter(pk__gt=0))
    with pytest.raises(ImproperlyConfigured, match="not parameters"):
        query(1)
    with pytest.raises(TypeError, match="shape"):
        PreparedQuery(lambda flag: Event.objects.filter(all_day=flag))(True)
    with pytest.raises(TypeError, match="int, str and UUID"):
        PreparedQuery(lambda day: Event.objects.filter(starts_at__date=day))(
            datetime.date(2019, 2, 16)
        )


def test_switched_off_each_call_builds_and_evaluates_the_queryset(settings):
    first, second = EventFactory(), EventFactory()
    built = []

    def build(pk):
        built.append(pk)
        return Event.objects.filter(pk=pk)

    query = PreparedQuery(build)
    settings.KIA_ACCELERATIONS = False
    assert [query(first.pk), query(second.pk)] == [[first], [second]]
    # The real values, every time: nothing is compiled ahead or kept.
    assert built == [first.pk, second.pk]

    settings.KIA_ACCELERATIONS = True
    assert [query(first.pk), query(second.pk)] == [[first], [second]]
    # Once more, with a stand-in value, and never again on this connection.
    assert len(built) == 3
    assert built[2] not in (first.pk, second.pk)

import decimal

import pytest
from django.db import IntegrityError, transaction

from tests.factories.crm import OrganisationFactory
from tests.factories.events import ItineraryItemFactory, VenueFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "factory", [OrganisationFactory, VenueFactory, ItineraryItemFactory], ids=lambda f: f.__name__
)
@pytest.mark.parametrize(
    "point", [{"latitude": decimal.Decimal("90.5")}, {"longitude": decimal.Decimal("-180.5")}]
)
def test_geo_point_out_of_range_refused_by_database(factory, point):
    with pytest.raises(IntegrityError), transaction.atomic():
        factory(**point)


def test_geo_point_in_range_or_empty_accepted():
    venue = VenueFactory(
        latitude=decimal.Decimal("22.620000"), longitude=decimal.Decimal("120.312000")
    )
    organisation = OrganisationFactory(latitude=None, longitude=None)
    assert (venue.latitude, venue.longitude) == (
        decimal.Decimal("22.62"),
        decimal.Decimal("120.312"),
    )
    assert organisation.latitude is None

"""schemathesis against the API's own OpenAPI schema: no server error, every response (and its
content type) matches the schema, for anonymous callers and for a superuser's token."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from tests.factories.crm import OrganisationFactory, PersonFactory, RelationshipFactory
from tests.factories.events import (
    BookingFactory,
    DelegationFactory,
    EventFactory,
    ItineraryItemFactory,
)

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


@pytest.fixture
def records(django_user_model):
    home = OrganisationFactory(is_home=True)
    partner = OrganisationFactory(country="KR")
    RelationshipFactory(source=home, target=partner)
    event = EventFactory(is_public=True)
    DelegationFactory(event=event, organisation=partner, declared_size=3)
    ItineraryItemFactory(event=event)
    BookingFactory()
    PersonFactory(email="someone@example.org")
    user = django_user_model.objects.create_superuser("api-admin", "a@example.org", "pw")
    return Token.objects.create(user=user).key


def wsgi_app():
    """Django's WSGI handler without closing the test's database connection after each call
    (what Django's own test client does)."""
    handler = get_wsgi_application()

    def app(environ, start_response):
        signals.request_started.disconnect(close_old_connections)
        signals.request_finished.disconnect(close_old_connections)
        try:
            response = handler(environ, start_response)
            content = b"".join(response)
            response.close()
            return [content]
        finally:
            signals.request_started.connect(close_old_connections)
            signals.request_finished.connect(close_old_connections)

    return app


APP = wsgi_app()


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_answers_as_its_schema_says(case, records):
    case.call_and_validate(checks=CHECKS, app=APP)
    case.call_and_validate(checks=CHECKS, app=APP, headers={"Authorization": f"Token {records}"})

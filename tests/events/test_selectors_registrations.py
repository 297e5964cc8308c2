import pytest
from django.core import mail

from events.selectors.registrations import registration_name
from events.tasks import build_registration_message
from tests.factories.events import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"family_name": "Kim", "given_name": "Min-jun", "nationality": "KR"}, "Kim Min-jun"),
        ({"family_name": "Sato", "given_name": "Yui", "native_name": "佐藤結衣"}, "Sato Yui"),
        ({"family_name": "Smith", "given_name": "Anna", "nationality": "AU"}, "Anna Smith"),
    ],
)
def test_registration_name_family_first_for_cjk_countries_and_scripts(fields, expected):
    assert registration_name(RegistrationFactory.build(**fields)) == expected


def test_registration_mail_greets_applicant_in_their_name_order():
    registration = RegistrationFactory(
        family_name="Kim", given_name="Min-jun", nationality="KR", language="en"
    )
    build_registration_message(registration, kind="received").send()
    assert mail.outbox[0].body.startswith("Dear Kim Min-jun,")

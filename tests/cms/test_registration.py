"""The public registration form: good, bad, closed, full, honeypot, rate limit, CSRF."""

import datetime
import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from events.models import Registration
from tests.factories.events import RegistrationFactory

GOOD = {
    "family_name": "Kim",
    "given_name": "Minjun",
    "native_name": "김민준",
    "email": "minjun@example.org",
    "phone": "",
    "nationality": "KR",
    "university": "Ajou University",
    "passport_number": "M1234 5678",
    "date_of_birth": "2000-05-01",
    "dietary_requirements": "",
    "consent": "on",
    "website": "",
}


def _url(camp, code="en"):
    return f"/{code}/register/{camp.uid}/"


def _field_names(body):
    form = re.search(r'<form method="post".*?</form>', body, re.S).group(0)
    return re.findall(r'name="([a-z_]+)"', form)


def test_form_asks_the_event_questions_consent_and_honeypot(client, camp):
    body = client.get(_url(camp)).content.decode()
    assert _field_names(body) == [
        "csrfmiddlewaretoken",
        "family_name",
        "given_name",
        "native_name",
        "email",
        "phone",
        "nationality",
        "university",
        "passport_number",
        "date_of_birth",
        "dietary_requirements",
        "consent",
        "website",
    ]
    assert "I agree that the office keeps my data for the camp." in body
    assert '<div class="honeypot" aria-hidden="true">' in body


def test_form_is_in_the_reader_language(client, camp):
    body = client.get(_url(camp, "ja")).content.decode()
    assert '<html lang="ja">' in body
    assert "国際サマーキャンプ" in body
    assert "事務局がキャンプのために私の情報を保管することに同意します。" in body
    assert "我同意主辦單位為營隊保存我的資料。" not in body


def test_form_without_consent_text_in_the_reader_language_does_not_open(client, camp):
    camp.consent_text_ja = ""
    camp.save()

    body = client.get(_url(camp, "ja")).content.decode()
    posted = client.post(_url(camp, "ja"), GOOD)

    # No silent fallback to the Chinese terms: the Japanese form says why it is not open.
    assert "我同意主辦單位為營隊保存我的資料。" not in body
    assert '<form method="post"' not in body
    assert "この言語の同意事項が用意され次第、申し込みを受け付けます。" in body
    assert posted.status_code == 200
    assert Registration.objects.count() == 0
    # The other languages keep taking applications.
    assert '<form method="post"' in client.get(_url(camp, "en")).content.decode()


def test_phone_number_error_is_in_the_reader_language(client, camp):
    expected = {
        "ja": "有効な電話番号",
        "ko": "올바른 전화번호",
        "zh-hant": "請輸入有效的電話號碼",
        "en": "Enter a valid phone number",
    }
    for code, text in expected.items():
        body = client.post(_url(camp, code), {**GOOD, "phone": "12"}).content.decode()
        assert text in body, code
    assert Registration.objects.count() == 0


def test_good_application_is_saved_confirmed_and_mailed_in_applicant_language(
    client, camp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(camp, "ja"), GOOD)
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert (registration.family_name, registration.language) == ("Kim", "ja")
    assert registration.passport_number == "M12345678"
    assert registration.consent_given_at is not None
    assert registration.status == "submitted"
    done = client.get(response["Location"])
    assert done.status_code == 200
    assert "minjun@example.org" in done.content.decode()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["minjun@example.org"]
    assert mail.outbox[0].extra_headers["Content-Language"] == "ja"
    assert "国際サマーキャンプ" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("given_name", ""),
        ("email", "not-an-address"),
        ("passport_number", "12"),
        ("date_of_birth", "2999-01-01"),
        ("nationality", "XX"),
        ("consent", ""),
    ],
)
def test_bad_answer_is_refused_next_to_its_field_and_nothing_saved(client, camp, field, value):
    data = {**GOOD, field: value}
    if not value:
        data.pop(field)
    response = client.post(_url(camp), data)
    assert response.status_code == 400
    assert list(response.context["form"].errors) == [field]
    body = response.content.decode()
    assert 'class="error-summary"' in body
    assert f'<a href="#id_{field}">' in body
    assert Registration.objects.count() == 0
    assert mail.outbox == []


def test_closed_event_says_so_and_accepts_nothing(client, camp):
    camp.registration_closes_at = timezone.now() - datetime.timedelta(days=1)
    camp.registration_opens_at = timezone.now() - datetime.timedelta(days=30)
    camp.save()
    body = client.get(_url(camp)).content.decode()
    assert "Applications for this event are closed." in body
    assert "<form" not in body.split('<main id="main"')[1]
    client.post(_url(camp), GOOD)
    assert Registration.objects.count() == 0


def test_full_event_without_waiting_list_says_so_and_accepts_nothing(client, camp):
    RegistrationFactory.create_batch(2, event=camp, status="accepted")
    body = client.get(_url(camp)).content.decode()
    assert "This event is full; no more applications are taken." in body
    client.post(_url(camp), GOOD)
    assert Registration.objects.filter(email=GOOD["email"]).count() == 0


def test_full_event_with_waiting_list_takes_the_application_onto_it(client, camp):
    camp.registration_waitlist = True
    camp.save()
    RegistrationFactory.create_batch(2, event=camp, status="accepted")
    response = client.post(_url(camp), GOOD, follow=True)
    assert Registration.objects.get(email=GOOD["email"]).status == "waitlisted"
    assert "you are on the waiting list" in response.content.decode()


def test_honeypot_filled_saves_nothing_and_reveals_nothing(client, camp):
    response = client.post(_url(camp), {**GOOD, "website": "http://spam.example"})
    assert response.status_code == 200
    assert "Thank you for applying" in response.content.decode()
    assert Registration.objects.count() == 0
    assert mail.outbox == []


def test_rate_limit_per_address_refuses_further_posts(client, camp, settings):
    settings.KIA_PUBLIC_FORM_RATE_LIMIT = {"submitted": (2, 3600), "failed": (5, 3600)}
    assert client.post(_url(camp), {**GOOD, "email": "a@example.org"}).status_code == 302
    assert client.post(_url(camp), {**GOOD, "email": "b@example.org"}).status_code == 302
    refused = client.post(_url(camp), {**GOOD, "email": "c@example.org"})
    assert refused.status_code == 429
    assert "Too many attempts" in refused.content.decode()
    other_address = client.post(
        _url(camp), {**GOOD, "email": "d@example.org"}, REMOTE_ADDR="192.0.2.7"
    )
    assert other_address.status_code == 302
    assert sorted(Registration.objects.values_list("email", flat=True)) == [
        "a@example.org",
        "b@example.org",
        "d@example.org",
    ]


def test_rate_limit_fails_open_while_redis_is_down(client, camp, settings):
    # A Redis nobody listens on, with the production options: every cache call fails.
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2},
        }
    }
    settings.KIA_PUBLIC_FORM_RATE_LIMIT = {"submitted": (1, 3600), "failed": (1, 3600)}
    for email in ("a@example.org", "b@example.org"):
        assert client.post(_url(camp), {**GOOD, "email": email}).status_code == 302
    assert Registration.objects.count() == 2


def test_post_without_csrf_token_is_refused(camp):
    response = Client(enforce_csrf_checks=True).post(_url(camp), GOOD)
    assert response.status_code == 403
    assert Registration.objects.count() == 0


def test_confirmation_link_with_forged_token_is_not_found(client, camp):
    assert client.get(f"/en/register/{camp.uid}/done/forged/").status_code == 404


def test_event_without_registrations_has_no_form(client, luncheon):
    assert client.get(_url(luncheon)).status_code == 404


@pytest.mark.parametrize("field", ["family_name", "email", "university", "dietary_requirements"])
def test_a_nul_byte_in_any_answer_is_refused_with_an_error(client, camp, field):
    response = client.post(_url(camp), {**GOOD, field: GOOD[field] + "\x00x" or "\x00"})

    assert response.status_code == 400
    assert "Null characters are not allowed." in response.content.decode()
    assert Registration.objects.count() == 0

from django.test import RequestFactory

from events.selectors.feeds.links import feed_addresses, private_feed_links


def test_feed_addresses_keep_the_request_scheme_and_add_webcal():
    request = RequestFactory().get("/en/events/luncheon/")

    assert feed_addresses("/feeds/events.ics", request=request) == (
        "http://testserver/feeds/events.ics",
        "webcal://testserver/feeds/events.ics",
    )


def test_private_feed_links_go_out_on_https_even_from_a_plain_request():
    request = RequestFactory().get("/admin/")

    assert private_feed_links("s3cret", request=request) == (
        "https://testserver/feeds/private/s3cret.ics",
        "webcal://testserver/feeds/private/s3cret.ics",
    )


def test_feed_addresses_without_a_request_use_the_public_base_url(settings):
    settings.KIA_PUBLIC_BASE_URL = "http://ia.example.gov.tw"

    assert private_feed_links("s3cret") == (
        "https://ia.example.gov.tw/feeds/private/s3cret.ics",
        "webcal://ia.example.gov.tw/feeds/private/s3cret.ics",
    )

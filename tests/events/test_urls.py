from django.urls import resolve, reverse

from events import urls


def test_each_feed_address_is_registered_once_under_one_name():
    routes = [str(pattern.pattern) for pattern in urls.urlpatterns]
    assert len(routes) == len(set(routes))
    assert resolve(reverse("events:feed-public-events")).url_name == "feed-public-events"

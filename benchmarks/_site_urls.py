"""The site's own URLs plus one trivial view, all behind the same middleware."""

from django.http import HttpResponse
from django.urls import path

from config.urls import handler500  # noqa: F401 - the translated 503 on a database outage
from config.urls import urlpatterns as site_urlpatterns


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/trivial/", trivial), *site_urlpatterns]

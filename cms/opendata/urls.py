"""Stable open-data addresses, mounted outside the language prefix."""

from django.urls import path, re_path

from . import views

app_name = "opendata"

urlpatterns = [
    path("open-data/catalog.jsonld", views.catalog, name="catalog"),
    path("open-data/<slug:slug>.schema.json", views.dataset_schema, name="schema"),
    re_path(
        r"^open-data/(?P<slug>[a-z-]+)\.(?P<fmt>csv|json|ics)$", views.dataset_file, name="file"
    ),
]

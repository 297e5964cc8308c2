"""Public form pages, served inside i18n_patterns before Wagtail's catch-all."""

from django.urls import path

from . import names, views
from .opendata.views import open_data_page

app_name = "cms"

urlpatterns = [
    path("register/<uuid:uid>/", views.register, name="register"),
    path("register/<uuid:uid>/done/<str:token>/", views.register_done, name="register_done"),
    path("rsvp/<str:token>/", views.rsvp, name="rsvp"),
    path("open-data/", open_data_page, name="open_data"),
    path("official-names/", names.official_names_page, name="official_names"),
    path("official-names.csv", names.official_names_csv, name="official_names_csv"),
    path("official-names.json", names.official_names_json, name="official_names_json"),
]

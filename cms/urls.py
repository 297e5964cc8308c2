"""Public form pages, served inside i18n_patterns before Wagtail's catch-all."""

from django.urls import path

from . import views
from .opendata.views import open_data_page

app_name = "cms"

urlpatterns = [
    path("register/<uuid:uid>/", views.register, name="register"),
    path("register/<uuid:uid>/done/<str:token>/", views.register_done, name="register_done"),
    path("rsvp/<str:token>/", views.rsvp, name="rsvp"),
    path("open-data/", open_data_page, name="open_data"),
]

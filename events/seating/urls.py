"""The seating pages' admin addresses, mounted under /admin/seating/ (namespace seating)."""

from django.urls import path

from .views import (
    BuildGuestListView,
    GeneratePrintPackView,
    GenerateSeatingView,
    MoveGuestView,
    PrintPackView,
    SeatingIndexView,
    SeatingPlanView,
    StoredPrintPackView,
)

urlpatterns = [
    path("", SeatingIndexView.as_view(), name="index"),
    path("<int:event_pk>/", SeatingPlanView.as_view(), name="plan"),
    path("<int:event_pk>/guest-list/", BuildGuestListView.as_view(), name="guest_list"),
    path("<int:event_pk>/generate/", GenerateSeatingView.as_view(), name="generate"),
    path("<int:event_pk>/move/", MoveGuestView.as_view(), name="move"),
    path(
        "<int:event_pk>/print-pack/",
        GeneratePrintPackView.as_view(),
        name="print_pack_generate",
    ),
    path(
        "<int:event_pk>/print-pack/download/",
        StoredPrintPackView.as_view(),
        name="print_pack_download",
    ),
    path("<int:event_pk>/print/<slug:part>/", PrintPackView.as_view(), name="print"),
]

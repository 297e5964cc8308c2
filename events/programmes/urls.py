"""The programme pages' admin addresses, mounted under /admin/programmes/ (namespace programmes)."""

from django.urls import path

from .camp import views as camp
from .envoy_tour import views as envoy_tour
from .freshmen import views as freshmen
from .views import ProgrammesIndexView

urlpatterns = [
    path("", ProgrammesIndexView.as_view(), name="index"),
    path("camp/<int:pk>/", camp.CampView.as_view(), name="camp"),
    path("camp/<int:pk>/rank/", camp.RankView.as_view(), name="camp_rank"),
    path("camp/<int:pk>/groups/", camp.GroupsView.as_view(), name="camp_groups"),
    path("camp/<int:pk>/rooms/", camp.RoomsView.as_view(), name="camp_rooms"),
    path("camp/<int:pk>/vehicles/", camp.CampVehiclesView.as_view(), name="camp_vehicles"),
    path(
        "camp/<int:pk>/participants/",
        camp.CampParticipantsView.as_view(),
        name="camp_participants",
    ),
    path(
        "camp/<int:pk>/certificates/",
        camp.CertificatesView.as_view(),
        name="camp_certificates",
    ),
    path(
        "camp/<int:pk>/certificates/<int:registration>/",
        camp.CertificatesView.as_view(),
        name="camp_certificate",
    ),
    path("tour/<int:pk>/", envoy_tour.TourView.as_view(), name="tour"),
    path("tour/<int:pk>/invite/", envoy_tour.InviteEnvoysView.as_view(), name="tour_invite"),
    path("tour/<int:pk>/interests/", envoy_tour.InterestsView.as_view(), name="tour_interests"),
    path(
        "tour/<int:pk>/departments/",
        envoy_tour.DepartmentAreasView.as_view(),
        name="tour_departments",
    ),
    path("tour/<int:pk>/transport/", envoy_tour.TourTransportView.as_view(), name="tour_transport"),
    path(
        "tour/<int:pk>/interpreters/",
        envoy_tour.InterpretersView.as_view(),
        name="tour_interpreters",
    ),
    path("tour/<int:pk>/forum/", envoy_tour.ForumView.as_view(), name="tour_forum"),
    path("tour/<int:pk>/follow-ups/", envoy_tour.FollowUpsView.as_view(), name="tour_follow_ups"),
    path("party/<int:pk>/", freshmen.PartyView.as_view(), name="party"),
    path("party/<int:pk>/check-in/", freshmen.CheckInView.as_view(), name="party_check_in"),
    path(
        "party/<int:pk>/qr/<int:registration>/",
        freshmen.CheckInQrView.as_view(),
        name="party_qr",
    ),
]

"""/api/v1/... (public and staff), the OpenAPI schema and its documentation page."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from .views import errors, public, staff

router = DefaultRouter()
router.register("events", public.PublicEventViewSet, basename="event")
router.register("staff/organisations", staff.OrganisationViewSet, basename="organisation")
router.register("staff/people", staff.PersonViewSet, basename="person")
router.register("staff/ties", staff.RelationshipViewSet, basename="tie")
router.register("staff/delegations", staff.DelegationViewSet, basename="delegation")
router.register("staff/itinerary-items", staff.ItineraryItemViewSet, basename="itinerary-item")
router.register("staff/bookings", staff.BookingViewSet, basename="booking")

app_name = "api"

urlpatterns = [
    path("api/v1/", include(router.urls)),
    path("api/v1/sister-cities/", public.SisterCityList.as_view(), name="sister-cities"),
    path("api/v1/visit-figures/", public.VisitFigureList.as_view(), name="visit-figures"),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    # Last: what no route above matched (an id of the wrong shape, a misspelt list).
    re_path(r"^api/v1/", errors.NotFoundView.as_view(), name="not-found"),
]

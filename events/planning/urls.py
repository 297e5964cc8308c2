"""The visit planner's admin addresses, mounted under /admin/visit-planner/."""

from django.urls import path

from .views import VisitPlannerIndexView, VisitPlannerView

urlpatterns = [
    path("", VisitPlannerIndexView.as_view(), name="index"),
    path("<int:event_pk>/", VisitPlannerView.as_view(), name="plan"),
    path("delegation/<int:delegation_pk>/", VisitPlannerView.as_view(), name="edit"),
]

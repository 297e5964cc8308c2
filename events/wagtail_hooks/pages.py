"""Viewsets of the admin pages beyond record lists: reports, seating plans, programmes."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from core.viewsets import PageViewSet

from ..models import Delegation, DietaryChange, Event, SeatingPlan
from ..planning import urls as planning_urls
from ..programmes import urls as programme_urls
from ..seating import urls as seating_urls
from ..views import health, replies, report, reports, resources


class RunSheetViewSet(PageViewSet):
    name = "run-sheet"
    icon = "doc-full"
    menu_label = _("Daily run sheet")
    view_class = reports.RunSheetView


class StatisticsViewSet(PageViewSet):
    name = "event-statistics"
    icon = "table"
    menu_label = _("Statistics")
    view_class = reports.StatisticsView


class AnnualReportViewSet(PageViewSet):
    name = "annual-report"
    icon = "table"
    menu_label = _("Annual report")
    view_class = report.AnnualReportView


class RelationshipHealthViewSet(PageViewSet):
    name = "relationship-health"
    icon = "pick"
    menu_label = _("Relationship health")
    view_class = health.RelationshipHealthView


class BookingWeekViewSet(PageViewSet):
    name = "booking-week"
    icon = "calendar"
    menu_label = _("Week view")
    view_class = resources.BookingWeekView


class VisitPlannerViewSet(PageViewSet):
    name = "visit-planner"
    icon = "group"
    menu_label = _("Visit planner")
    model = Delegation
    urlpatterns = planning_urls.urlpatterns


class FreeResourceViewSet(PageViewSet):
    name = "free-resources"
    icon = "search"
    menu_label = _("Find a free resource")
    view_class = resources.FreeResourceView


class TimelineViewSet(PageViewSet):
    name = "resource-timeline"
    icon = "time"
    menu_label = _("Resource timeline")
    view_class = resources.TimelineView


class SeatingViewSet(PageViewSet):
    name = "seating"
    icon = "table"
    menu_label = _("Seating plans")
    model = SeatingPlan
    urlpatterns = seating_urls.urlpatterns


class ProgrammesViewSet(PageViewSet):
    name = "programmes"
    icon = "group"
    menu_label = _("Programmes")
    model = Event
    urlpatterns = programme_urls.urlpatterns


class RepliesViewSet(PageViewSet):
    name = "replies"
    icon = "mail"
    menu_label = _("Replies")
    model = DietaryChange
    urlpatterns = [
        path("", replies.RepliesView.as_view(), name="index"),
        path(
            "<int:pk>/confirm/",
            replies.DecideDietaryChangeView.as_view(decision="confirm"),
            name="confirm",
        ),
        path(
            "<int:pk>/ignore/",
            replies.DecideDietaryChangeView.as_view(decision="ignore"),
            name="ignore",
        ),
    ]

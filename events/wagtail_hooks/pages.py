"""Viewsets of the admin pages beyond record lists: reports, seating plans, programmes."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from core.viewsets import PageViewSet

from ..models import DietaryChange, Event, SeatingPlan
from ..programmes import urls as programme_urls
from ..seating import urls as seating_urls
from ..views import replies, reports


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


class BookingWeekViewSet(PageViewSet):
    name = "booking-week"
    icon = "calendar"
    menu_label = _("Week view")
    view_class = reports.BookingWeekView


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

"""The admin search: its page at /admin/search/ and the sidebar's search box pointing to it."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.search import SearchArea

from core.viewsets import PageViewSet

from ..models import Person
from ..views.search import AdminSearchView, visible_kinds


class SearchViewSet(PageViewSet):
    """The page alone: the sidebar's search box (RecordsSearchArea) leads to it, not a menu."""

    name = "records_search"
    url_prefix = "search"
    model = Person
    view_class = AdminSearchView


class RecordsSearchArea(SearchArea):
    """First in order, so the sidebar's search box searches records (pages stay a click away)."""

    def __init__(self):
        super().__init__(
            _("Contacts, events and venues"),
            reverse("records_search:index"),
            name="records",
            icon_name="search",
            order=10,
        )

    def is_shown(self, request):
        return bool(visible_kinds(request.user))


@hooks.register("register_admin_search_area")
def register_records_search_area():
    return RecordsSearchArea()

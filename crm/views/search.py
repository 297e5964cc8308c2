"""The one admin search: people, organisations, events, delegations and venues by any name."""

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.permissions import policy_registry

from core.viewsets import ANY_PERMISSION

from ..forms import SearchForm
from ..indexing import search_kinds
from ..selectors.search import search_records

RESULTS_PER_KIND = 10


def visible_kinds(user):
    """The kinds whose records this user may read (any permission on the model)."""
    return [
        kind
        for kind in search_kinds()
        if policy_registry.get_by_type(kind.model).user_has_any_permission(user, ANY_PERMISSION)
    ]


class AdminSearchView(WagtailAdminTemplateMixin, TemplateView):
    """Hits grouped by kind, each a link; every kind's group links on to its filtered list."""

    template_name = "crm/admin/search.html"
    page_title = _("Search")
    header_icon = "search"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET)
        query = form.cleaned_data["q"].strip() if form.is_valid() else ""
        groups = []
        if query:
            groups = search_records(
                query, kinds=visible_kinds(self.request.user), limit=RESULTS_PER_KIND
            )
        context.update(form=form, query=query, groups=groups)
        return context

"""Admin viewset bases shared by the apps; each app registers its viewsets in wagtail_hooks."""

from django.urls import path
from django.utils.functional import cached_property
from django.utils.text import capfirst
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry

from .views import LanguagesColumn, ReadableInspectView, RecordIndexView

# Any of these on a model lets staff read its pages (protocol officers and viewers alike).
ANY_PERMISSION = ("add", "change", "delete", "view")


class RecordViewSet(ModelViewSet):
    """A record type's list, inspect, add and edit pages.

    list_select_related: relations the list's columns show, joined in the listing query.
    edit_panels: a narrower form for editing than for adding (what a record is for is fixed
    once it exists).
    """

    inspect_view_enabled = True
    inspect_view_class = ReadableInspectView
    index_view_class = RecordIndexView
    # A path to a time-zone name (a delegation's home_timezone): inspect pages add home time.
    home_timezone_field = None
    # Fields holding language codes: their list columns and inspect values show the names.
    language_fields = ()
    list_select_related = ()
    edit_panels = None

    def get_index_view_kwargs(self, **kwargs):
        queryset = self.model._default_manager.select_related(*self.list_select_related)
        if self.language_fields and isinstance(self.list_display, list | tuple):
            kwargs.setdefault("list_display", [self._language_column(c) for c in self.list_display])
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)

    def _language_column(self, column):
        if not (isinstance(column, str) and column in self.language_fields):
            return column
        label = capfirst(self.model._meta.get_field(column).verbose_name)
        return LanguagesColumn(column, label=label)

    def get_inspect_view_kwargs(self, **kwargs):
        kwargs = super().get_inspect_view_kwargs(**kwargs)
        if self.home_timezone_field:
            kwargs["home_timezone_field"] = self.home_timezone_field
        if self.language_fields:
            kwargs["language_fields"] = self.language_fields
        return kwargs

    def get_edit_view_kwargs(self, **kwargs):
        if self.edit_panels is None:
            return super().get_edit_view_kwargs(**kwargs)
        panel = self.edit_panels.bind_to_model(self.model)
        return super().get_edit_view_kwargs(
            panel=panel, form_class=panel.get_form_class(), **kwargs
        )


class PageViewSet(ViewSet):
    """Admin pages beyond a record list (a report, a seating plan, a programme) with a menu entry.

    The entry shows to users with any permission on `model`, as Wagtail's model viewsets do;
    each view checks what it needs itself. `view_class` makes a one-page viewset (its model is
    the default); otherwise `urlpatterns` lists the pages.
    """

    model = None
    view_class = None
    urlpatterns = ()

    def get_urlpatterns(self):
        if self.view_class is not None:
            return [path("", self.view_class.as_view(), name="index")]
        return list(self.urlpatterns)

    @cached_property
    def menu_item_class(self):
        model = self.model or self.view_class.model

        class PageMenuItem(MenuItem):
            def is_shown(self, request):
                policy = policy_registry.get_by_type(model)
                return policy.user_has_any_permission(request.user, ANY_PERMISSION)

        return PageMenuItem

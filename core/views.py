"""Admin view bases shared by the apps: pages and forms whose POST calls one service."""

import datetime
import zoneinfo

from django import forms
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured, ValidationError
from django.db import models
from django.shortcuts import redirect
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic import IndexView, InspectView, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from .exports import SafeSpreadsheetExportMixin
from .forms import add_service_errors
from .languages import language_names


class ActionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """An admin action: a form whose POST calls one service through `act(data)`.

    Permission is Wagtail's policy for `model`: the user needs `permission_required` ("add",
    "change", ...) on it, checked before anything else. `act` receives the form's cleaned data
    and may return a response; otherwise the user goes to `get_success_url()`. A
    ValidationError from the service lands on the form (add_service_errors).

    With a `template_name` the view is a page: GET shows the form (a confirmation, say) and a
    refused POST shows it again with the errors. Without one the form sits on another page
    (a seating plan, a programme): the view answers POST only, and errors come back to that
    page as messages, each field's prefixed with its label.
    """

    form_class = forms.Form  # a confirmation: the POST itself is the answer
    permission_required = "change"
    # Wagtail's mixin sets a default page; an action without a page of its own has none.
    template_name = None

    def get(self, request, *args, **kwargs):
        if not self.template_name:
            return self.http_method_not_allowed(request, *args, **kwargs)
        return super().get(request, *args, **kwargs)

    def act(self, data):
        # As Django's generic views do for a missing template or model: say what is missing.
        raise ImproperlyConfigured(f"{type(self).__name__} must define act(data).")

    def form_valid(self, form):
        try:
            response = self.act(form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        return response or redirect(self.get_success_url())

    def form_invalid(self, form):
        if self.template_name:
            return super().form_invalid(form)
        for name, errors in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            for error in errors:
                messages.error(self.request, f"{label}: {error}" if label else error)
        return redirect(self.get_success_url())


class ServiceFormMixin:
    """A Wagtail create or edit view whose save_instance() calls a service.

    A refusal from the service is shown on the form; the view's transaction has rolled back,
    so nothing the service began is kept.
    """

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            add_service_errors(form, error)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)

    def save_m2m(self, instance):
        """Save the form's many-to-many fields onto what the service returned."""
        self.form.instance = instance
        self.form._save_m2m()


class RecordIndexView(SafeSpreadsheetExportMixin, IndexView):
    """Wagtail's record list; its CSV export writes no cell a spreadsheet would run, and
    yes/no fields show as icons titled in the reader's language."""

    def _get_custom_column(self, field_name, column_class=Column, **kwargs):
        # Wagtail lists a BooleanField named in list_display as Python's "True"/"False",
        # English in every admin language; its BooleanColumn draws the tick and cross that
        # templates/wagtailadmin/tables/boolean_cell.html titles in the reader's words.
        # (A private hook of Wagtail's IndexView: on an upgrade, see that it still exists;
        # tests/events/admin/test_boolean_columns.py fails if not.)
        if column_class is Column and self.model is not None:
            try:
                field = self.model._meta.get_field(field_name)
            except FieldDoesNotExist:
                field = None
            if isinstance(field, models.BooleanField):
                column_class = BooleanColumn
        return super()._get_custom_column(field_name, column_class, **kwargs)


EMPTY = "—"


def _zone(name):
    try:
        return zoneinfo.ZoneInfo(name) if name else None
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def readable_value(value, *, home_zone=None):
    """A value as staff read it: times in the office's zone (and the visitor's, if given),
    a dash for nothing, yes or no in the reader's language, lists joined."""
    if isinstance(value, Component):
        return value
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, datetime.datetime):
        if timezone.is_naive(value):
            return formats.date_format(value, "Y-m-d H:i")
        local = timezone.localtime(value)
        text = f"{formats.date_format(local, 'Y-m-d H:i')} ({local.tzname()})"
        zone = _zone(home_zone)
        if zone is not None and zone.utcoffset(value) != local.utcoffset():
            home = value.astimezone(zone)
            text += " · " + gettext("%(time)s at home (%(zone)s)") % {
                "time": formats.date_format(home, "Y-m-d H:i"),
                "zone": home_zone,
            }
        return text
    if isinstance(value, datetime.date):
        return formats.date_format(value, "Y-m-d")
    if isinstance(value, list | tuple):
        return ", ".join(str(part) for part in value) or EMPTY
    return value


class ReadableInspectView(InspectView):
    """Wagtail's inspect page with every value readable (fixed once for every record type).

    `home_timezone_field`: a path to a time-zone name on the object (a delegation's
    `home_timezone`); times then also show the visitor's home time.
    """

    home_timezone_field = None
    # Fields holding a language code or a list of them, shown by the languages' names.
    language_fields = ()

    def get_home_timezone(self):
        if not self.home_timezone_field:
            return None
        value = self.object
        for part in self.home_timezone_field.split("__"):
            value = getattr(value, part, None)
        return value or None

    def get_field_display_value(self, field_name, field):
        if field_name in self.language_fields:
            return language_names(getattr(self.object, field_name))
        value = super().get_field_display_value(field_name, field)
        if isinstance(field, models.ManyToManyField) and value == "-":
            return EMPTY
        return readable_value(value, home_zone=self.get_home_timezone())


class LanguagesColumn(Column):
    """A language code or a list of them, named in the reader's language."""

    def get_value(self, instance):
        return language_names(super().get_value(instance))

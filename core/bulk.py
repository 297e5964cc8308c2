"""Bulk actions on record lists, built on Wagtail's bulk-action framework.

A list view with `BulkActionsIndexMixin` shows a checkbox per row and Wagtail's bulk-action
footer; each action is a `RecordBulkAction` registered with the `register_bulk_action` hook in
the app's wagtail_hooks. The confirmation's POST calls one service with the whole selection,
so the work is one transaction and a fixed number of queries whatever the number of rows.
"""

import csv

from django.core.exceptions import ValidationError
from django.db import connections, transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property, classproperty
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.permissions import policy_registry

from .exports import csv_writer
from .forms import add_service_errors
from .numbers import plain_int
from .views import RecordIndexView


class BulkActionsIndexMixin:
    """A record list whose rows can be selected for the bulk actions registered for its model."""

    template_name = "core/bulk_index.html"

    @cached_property
    def columns(self):
        return [BulkActionsCheckboxColumn("bulk_actions", obj_type="record"), *super().columns]

    def _get_title_column(self, *args, **kwargs):
        # The checkbox names its row by this element, for screen readers.
        return super()._get_title_column(
            *args, **kwargs, get_title_id=lambda instance: f"record_{instance.pk}_title"
        )


class RecordBulkAction(BulkAction):
    """A bulk action on one model's records; `act(objects, data)` calls one service.

    `permission_required` is checked with the model's Wagtail permission policy before the
    page is shown or anything is done; a ValidationError from the service lands on the
    confirmation form, and the transaction leaves nothing written.
    """

    model_class = None
    # Whose permission the action needs (another model's when it writes there, e.g. adding
    # people to a delegation needs "add" on delegation members); the listed model's by default.
    permission_model = None
    permission_required = "change"
    template_name = "core/bulk_actions/confirm.html"
    header_icon = "list-ul"
    select_related = ()

    @classproperty
    def models(cls):
        return [cls.model_class] if cls.model_class else []

    @classmethod
    def get_queryset(cls, model, object_ids):
        # One query for the whole selection; "all" (every row of the list) arrives as pks.
        pks = [pk for pk in map(plain_int, object_ids) if pk is not None]
        return list(
            model._default_manager.filter(pk__in=pks)
            .select_related(*cls.select_related)
            .order_by("pk")
        )

    def dispatch(self, request, *args, **kwargs):
        policy = policy_registry.get_by_type(self.permission_model or self.model)
        if not policy.user_has_permission(request.user, self.permission_required):
            messages.error(request, gettext("You may not do this to these records."))
            return redirect(self.next_url)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(action_label=self.display_name, header_icon=self.header_icon)
        return context

    def act(self, objects, data):
        """Call the service; return a response, or None to go back to the list."""
        raise NotImplementedError

    def form_valid(self, form):
        objects, _without_access = self.get_actionable_objects()
        try:
            with transaction.atomic():
                response = self.act(objects, form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        return response or redirect(self.next_url)


class BulkRecordIndexView(BulkActionsIndexMixin, RecordIndexView):
    """RecordIndexView with row selection for bulk actions."""


class ExportBulkAction(RecordBulkAction):
    """The selected rows as a CSV file (cells a spreadsheet would run are neutralised)."""

    display_name = _("Export")
    action_type = "export"
    aria_label = _("Export the selected rows as CSV")
    header_icon = "download"
    permission_required = "view"
    action_priority = 90
    fields = ()

    def act(self, objects, data):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="{self.model._meta.model_name}.csv"'
        )
        writer = csv_writer(csv.writer(response))
        opts = self.model._meta
        writer.writerow([str(_label(opts, field)) for field in self.fields])
        for obj in objects:
            writer.writerow([_value(obj, field) for field in self.fields])
        return response


def _label(opts, path):
    field = opts.get_field(path.split("__")[0])
    return field.verbose_name


def _value(obj, name):
    # Choices as their translated label, countries by name, times in the office's zone.
    display = getattr(obj, f"get_{name}_display", None)
    value = display() if display else getattr(obj, name)
    if value is None or value == "":
        return ""
    if hasattr(value, "tzinfo") and hasattr(value, "hour"):
        return f"{timezone.localtime(value):%Y-%m-%d %H:%M}"
    return str(getattr(value, "name", value) if hasattr(value, "code") else value)


def insert_from_select(model, source, columns):
    """INSERT INTO model's `columns` the rows `source` selects, in one query whatever their number.

    `source` is a values() queryset selecting one annotation per column, in the columns' order
    (annotations are named freely: a source model's own field names may clash with them).
    Django's bulk_create would split a thousand rows into batches on SQLite (999 parameters a
    query); this keeps a bulk action's query count the same at 10 and 1,000 rows. Returns the
    number of rows inserted.
    """
    query = source.query
    if len(query.annotation_select) != len(columns) or query.values_select:
        raise ValueError("select exactly one annotation per column")
    sql, params = query.get_compiler(using=source.db).as_sql()
    table = connections[source.db].ops.quote_name(model._meta.db_table)
    names = ", ".join(connections[source.db].ops.quote_name(name) for name in columns)
    with connections[source.db].cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({names}) {sql}", params)  # noqa: S608
        return cursor.rowcount

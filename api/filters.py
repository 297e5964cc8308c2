"""Filters that answer a bad value with 400: on SQLite an id beyond 64 bits would otherwise
raise OverflowError (a 500) inside the lookup."""

import datetime

import django_filters
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django_filters.fields import IsoDateTimeField, ModelChoiceField
from django_filters.filterset import FILTER_FOR_DBFIELD_DEFAULTS
from django_filters.rest_framework import DjangoFilterBackend

from core.numbers import plain_int


class BoundedModelChoiceField(ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and plain_int(value) is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class BoundedModelChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = BoundedModelChoiceField


class UtcIsoDateTimeField(IsoDateTimeField):
    """PostgreSQL refuses a time-zone offset beyond ±15:59 (a 500 from the driver), so a moment is
    moved to UTC before it reaches the query; one that leaves the calendar on the way is a 400."""

    def to_python(self, value):
        moment = super().to_python(value)
        if moment is None or moment.tzinfo is None:
            return moment
        try:
            return moment.astimezone(datetime.UTC)
        except OverflowError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


class UtcIsoDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = UtcIsoDateTimeField


class ApiFilterSet(django_filters.FilterSet):
    FILTER_DEFAULTS = {
        **FILTER_FOR_DBFIELD_DEFAULTS,
        models.ForeignKey: {
            **FILTER_FOR_DBFIELD_DEFAULTS[models.ForeignKey],
            "filter_class": BoundedModelChoiceFilter,
        },
    }


class FilterBackend(DjangoFilterBackend):
    filterset_base = ApiFilterSet


class BoundedLookupMixin:
    """A detail address with an id no row can have is a 404, not an overflow."""

    def get_object(self):
        value = str(self.kwargs.get(self.lookup_url_kwarg or self.lookup_field, ""))
        if self.lookup_field == "pk" and plain_int(value) is None:
            raise Http404
        return super().get_object()

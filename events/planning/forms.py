"""Forms of the visit planner: one delegation form, a members formset and a day-by-day items
formset."""

import datetime

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateTimeInput

from crm.models import Organisation, Person
from crm.selectors.precedence import principal_candidates
from crm.validators import validate_language_codes

from ..enums import ItemKind, MemberRole
from ..forms import at_time
from ..models import Delegation, Driver, Interpreter, Vehicle, Venue

RESOURCE_MODELS = {
    "venue": Venue,
    "vehicle": Vehicle,
    "driver": Driver,
    "interpreter": Interpreter,
}


def _chooser(model):
    """The admin chooser crm registers for a model (searchable, never a select of everyone)."""
    from wagtail.admin.forms.models import registry

    override = registry.get(models.ForeignKey(model, on_delete=models.PROTECT)) or {}
    widget = override.get("widget")
    return widget() if isinstance(widget, type) else widget


def organisation_widget():
    return _chooser(Organisation) or forms.Select()


def person_widget():
    return _chooser(Person) or forms.Select()


class ResourceSelect(forms.ModelChoiceField):
    """A resource picker whose options can be ordered and labelled by availability."""

    def label_from_instance(self, obj):
        label = str(obj)
        size = getattr(obj, "capacity", None) or getattr(obj, "seats", None)
        return f"{label} ({size})" if size else label


class ChosenPersonField(forms.ModelChoiceField):
    """A person chooser that keeps a chosen person as it is: the chooser widget then shows the
    name without fetching it again (a query per member row otherwise)."""

    def prepare_value(self, value):
        return value if isinstance(value, Person) else super().prepare_value(value)

    def has_changed(self, initial, data):
        return super().has_changed(getattr(initial, "pk", initial), data)


def parse_languages(value):
    """ "ko, en" -> ["ko", "en"] (validated as the person record validates them)."""
    codes = [code.strip().lower() for code in value.replace(";", ",").split(",") if code.strip()]
    validate_language_codes(codes)
    return codes


class DelegationPlanForm(forms.Form):
    delegation = forms.ModelChoiceField(
        label=_("delegation"),
        queryset=Delegation.objects.none(),
        required=False,
        empty_label=_("a new delegation"),
    )
    name = forms.CharField(label=_("name of a new delegation"), max_length=255, required=False)
    organisation = forms.ModelChoiceField(
        label=_("sent by"), queryset=Organisation.objects.all(), required=False
    )
    hotel = forms.CharField(label=_("hotel"), max_length=255, required=False)
    home_timezone = forms.CharField(
        label=_("home time zone"),
        max_length=64,
        required=False,
        help_text=_("e.g. Asia/Seoul; calendars add the home time to each item."),
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["delegation"].queryset = event.delegations.order_by("name")
        self.fields["organisation"].widget = organisation_widget()

    def clean(self):
        data = super().clean()
        if not data.get("delegation"):
            for name in ("name", "organisation"):
                if not data.get(name):
                    self.add_error(name, _("A new delegation needs this."))
        return data


class DelegationEditForm(forms.Form):
    """The details of a delegation whose visit is being changed."""

    name = forms.CharField(label=_("name"), max_length=255)
    organisation = forms.ModelChoiceField(label=_("sent by"), queryset=Organisation.objects.all())
    hotel = forms.CharField(label=_("hotel"), max_length=255, required=False)
    home_timezone = forms.CharField(
        label=_("home time zone"),
        max_length=64,
        required=False,
        help_text=_("e.g. Asia/Seoul; calendars add the home time to each item."),
    )

    def __init__(self, *args, event=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].widget = organisation_widget()


class MemberPlanForm(forms.Form):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    person = ChosenPersonField(
        label=_("existing person"), queryset=Person.objects.all(), required=False
    )
    family_name = forms.CharField(label=_("family name"), max_length=128, required=False)
    given_name = forms.CharField(label=_("given name"), max_length=128, required=False)
    native_name = forms.CharField(label=_("name in native script"), max_length=255, required=False)
    role = forms.ChoiceField(label=_("role"), choices=MemberRole.choices, initial="member")
    arrival_at = forms.DateTimeField(label=_("arrival"), required=False, widget=AdminDateTimeInput)
    arrival_flight = forms.CharField(label=_("arrival flight"), max_length=16, required=False)
    departure_at = forms.DateTimeField(
        label=_("departure"), required=False, widget=AdminDateTimeInput
    )
    departure_flight = forms.CharField(label=_("departure flight"), max_length=16, required=False)
    languages = forms.CharField(
        label=_("languages"),
        max_length=64,
        required=False,
        help_text=_("e.g. ko, en: the interpreters offered follow the first."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].widget = person_widget()

    def clean_languages(self):
        return parse_languages(self.cleaned_data["languages"])

    def clean(self):
        data = super().clean()
        named = data.get("family_name") or data.get("given_name") or data.get("native_name")
        if not data.get("person") and not named:
            raise forms.ValidationError(
                _("Choose a person on record or give a new person's name."), code="no_person"
            )
        if data.get("person") and named:
            raise forms.ValidationError(
                _("Choose a person on record or give a new name, not both."), code="both"
            )
        return data


class ItemPlanForm(forms.Form):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    day = forms.TypedChoiceField(label=_("day"), choices=(), coerce=datetime.date.fromisoformat)
    starts = forms.TimeField(
        label=_("from"), widget=forms.TimeInput(format="%H:%M", attrs={"type": "time"})
    )
    ends = forms.TimeField(
        label=_("to"), widget=forms.TimeInput(format="%H:%M", attrs={"type": "time"})
    )
    kind = forms.ChoiceField(label=_("kind"), choices=[("", "---------"), *ItemKind.choices])
    title = forms.CharField(label=_("title"), max_length=255)
    venue = ResourceSelect(label=_("venue"), queryset=Venue.objects.none(), required=False)
    vehicle = ResourceSelect(label=_("vehicle"), queryset=Vehicle.objects.none(), required=False)
    driver = ResourceSelect(label=_("driver"), queryset=Driver.objects.none(), required=False)
    interpreter = ResourceSelect(
        label=_("interpreter"), queryset=Interpreter.objects.none(), required=False
    )
    is_public = forms.BooleanField(label=_("published"), required=False)
    principals = forms.ModelMultipleChoiceField(
        label=_("principals"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The mayor or deputy mayors the item needs."),
    )

    def __init__(self, *args, days=(), principals=None, **kwargs):
        super().__init__(*args, **kwargs)
        # A blank first choice, so an untouched extra row posts nothing and is left out.
        self.fields["day"].choices = [("", "---------")] + [
            (day.isoformat(), day.isoformat()) for day in days
        ]
        for name, model in RESOURCE_MODELS.items():
            self.fields[name].queryset = model.objects.filter(is_active=True)
        self.fields["principals"].queryset = (
            principals if principals is not None else principal_candidates()
        )

    def clean(self):
        data = super().clean()
        if {"day", "starts", "ends"} <= data.keys():
            data["starts_at"] = at_time(data["day"], data["starts"])
            data["ends_at"] = at_time(data["day"], data["ends"])
            if data["ends_at"] <= data["starts_at"]:
                raise forms.ValidationError(
                    _("The end must be after the start."), code="end_before_start"
                )
        return data


# Rows enough for a small visit without a script; "Add a row" (events/js/visit_planner.js)
# copies the formset's empty form for more.
MemberFormSet = forms.formset_factory(MemberPlanForm, extra=3, can_delete=True)
ItemFormSet = forms.formset_factory(ItemPlanForm, extra=4, can_delete=True)
# Changing a visit: its rows, and one blank row of each.
MemberEditFormSet = forms.formset_factory(MemberPlanForm, extra=1, can_delete=True)
ItemEditFormSet = forms.formset_factory(ItemPlanForm, extra=1, can_delete=True)

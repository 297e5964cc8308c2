"""Admin forms for events and logistics; they parse and validate, services write."""

import datetime

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

from crm.selectors.precedence import principal_candidates
from crm.validators import validate_language_codes

from .deadlines import end_of_office_day
from .enums import RegistrationQuestion, RegistrationStatus, ResourceKind
from .models import Event, ItineraryItem, Resource, Venue
from .reports.annual import latest_year_with_data


class ReplyByField(forms.DateTimeField):
    """A reply deadline: a date typed without a time means the end of that day in the office's
    zone (a guest told "reply by 10 February" may reply all that day), not its midnight."""

    def to_python(self, value):
        if isinstance(value, str) and value.strip():
            for format in formats.get_format("DATE_INPUT_FORMATS"):
                try:
                    day = datetime.datetime.strptime(value.strip(), format).date()
                except ValueError:
                    continue
                return end_of_office_day(day)
        return super().to_python(value)


class InvitationAdminForm(WagtailAdminModelForm):
    respond_by = ReplyByField(
        label=_("reply by"),
        required=False,
        widget=AdminDateTimeInput,
        help_text=_("A date without a time means the end of that day (Asia/Taipei)."),
    )


class LanguageCodesField(forms.CharField):
    """A list of language codes typed as "zh-hant, ko"; stored as a JSON list."""

    default_error_messages = {"invalid": _("Enter language codes separated by commas.")}

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(value)
        return value

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return list(value)
        text = super().to_python(value)
        return [code.strip().lower() for code in text.split(",") if code.strip()]

    def validate(self, value):
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        validate_language_codes(value)

    def has_changed(self, initial, data):
        return self.to_python(initial or []) != self.to_python(data or "")


class EventAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # An agreement's label names both parties; fetch them with the choices.
        relationships = self.fields["relationships"]
        relationships.queryset = relationships.queryset.select_related("source", "target")

    registration_questions = forms.MultipleChoiceField(
        label=_("registration questions"),
        choices=RegistrationQuestion.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Which optional questions the public form asks."),
    )


def _current_events():
    """Events not yet over (a week's grace for late edits): what a new record is for."""
    return Event.objects.filter(ends_at__gte=timezone.now() - datetime.timedelta(days=7))


def _chosen_pk(form, name):
    """The pk the form's `name` field holds: posted, else initial, else the instance's."""
    value = form.data.get(form.add_prefix(name)) if form.is_bound else None
    value = value or form.initial.get(name) or getattr(form.instance, f"{name}_id", None)
    value = getattr(value, "pk", value)
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


class ItineraryItemAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the members of the event in hand's delegations (not every delegation since
        # 2019); before an event is chosen, those of events not yet over.
        event = _chosen_pk(self, "event")
        members = self.fields["members"]
        wanted = Q(delegation__event=event) if event else Q(delegation__event__in=_current_events())
        # A member's label is the person's name; fetch it with the choices.
        members.queryset = (
            members.queryset.filter(wanted)
            .select_related("person", "delegation")
            .order_by("delegation__name", "role", "person__family_name", "pk")
        )
        # The mayor and deputy mayors, not a list of everyone on record (when the form has the
        # field: a panel may leave it out).
        if "principals" in self.fields:
            chosen = (
                self.instance.principals.values_list("pk", flat=True) if self.instance.pk else ()
            )
            self.fields["principals"].widget = forms.CheckboxSelectMultiple()
            self.fields["principals"].queryset = principal_candidates(include=chosen)

    def clean(self):
        data = super().clean()
        event = data.get("event") or getattr(self.instance, "event", None)
        strangers = [
            member
            for member in data.get("members") or []
            if event is not None and member.delegation.event_id != event.pk
        ]
        if strangers:
            self.add_error(
                "members",
                gettext("%(names)s belong to another event's delegation.")
                % {"names": ", ".join(str(member.person) for member in strangers)},
            )
        return data


class ItineraryStaffAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Items of the event in hand (the item's own event when editing), else of events
        # not yet over, in time order: not a dropdown starting in 2019.
        item = _chosen_pk(self, "item")
        field = self.fields["item"]
        event = ItineraryItem.objects.filter(pk=item).values("event") if item else None
        wanted = Q(event__in=event) if item else Q(event__in=_current_events())
        field.queryset = (
            field.queryset.filter(wanted).select_related("event").order_by("starts_at", "pk")
        )


class InterpreterAdminForm(WagtailAdminModelForm):
    languages = LanguageCodesField(
        label=_("languages"),
        help_text=_("Language codes the interpreter works between, e.g. zh-hant, ko."),
    )


class BookingAdminForm(WagtailAdminModelForm):
    def _get_validation_exclusions(self):
        # The overlap rule is checked by the booking service, which names the clashing
        # booking and its owner; the bare constraint message (PostgreSQL) would not.
        exclusions = super()._get_validation_exclusions()
        exclusions.add("resource")
        return exclusions


class RunSheetForm(forms.Form):
    date = forms.DateField(label=_("date"), widget=AdminDateInput)

    def __init__(self, data=None, **kwargs):
        # An empty query means today, not an error.
        if not data or not data.get("date"):
            data = {"date": timezone.localdate().isoformat()}
        super().__init__(data, **kwargs)


class ResourceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.get_kind_display()} · {obj.name}"


class BookingWeekForm(forms.Form):
    # Resources out of service stay listed: their past weeks are still worth reading.
    resource = ResourceChoiceField(
        label=_("resource"),
        queryset=Resource.objects.order_by("kind", "name"),
        empty_label=None,
    )
    week = forms.DateField(
        label=_("week of"),
        widget=AdminDateInput,
        required=False,
        help_text=_("Any day of the week; the view starts on its Monday."),
    )

    def clean_week(self):
        day = self.cleaned_data.get("week") or timezone.localdate()
        return day - datetime.timedelta(days=day.weekday())


SPANS = [("day", _("one day")), ("week", _("one week"))]


def building_choices():
    names = (
        Venue.objects.exclude(building="").order_by("building").values_list("building", flat=True)
    )
    return [("", _("every building")), *((name, name) for name in dict.fromkeys(names))]


def at_time(day, time):
    """A day and a time of day in the office's zone, as one aware moment."""
    return timezone.make_aware(datetime.datetime.combine(day, time))


class FreeResourceForm(forms.Form):
    """ "Find a free car (or room) from 13:00 to 16:30 for 6 people"."""

    kind = forms.ChoiceField(label=_("what"), choices=ResourceKind.choices)
    date = forms.DateField(label=_("date"), widget=AdminDateInput)
    starts = forms.TimeField(
        label=_("from"), widget=forms.TimeInput(format="%H:%M", attrs={"type": "time"})
    )
    ends = forms.TimeField(
        label=_("to"), widget=forms.TimeInput(format="%H:%M", attrs={"type": "time"})
    )
    people = forms.IntegerField(
        label=_("for how many people"),
        required=False,
        min_value=1,
        max_value=10_000,
        help_text=_("Rooms and vehicles too small are left out."),
    )
    building = forms.ChoiceField(label=_("building"), required=False, choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["building"].choices = building_choices()

    def clean(self):
        data = super().clean()
        if {"date", "starts", "ends"} <= data.keys():
            data["starts_at"] = at_time(data["date"], data["starts"])
            data["ends_at"] = at_time(data["date"], data["ends"])
            if data["ends_at"] <= data["starts_at"]:
                raise forms.ValidationError(
                    _("The end must be after the start."), code="end_before_start"
                )
        return data


class TimelineForm(forms.Form):
    """Every resource of a kind (all cars; all rooms of one building) for a day or a week."""

    kind = forms.ChoiceField(label=_("what"), choices=ResourceKind.choices)
    building = forms.ChoiceField(label=_("building"), required=False, choices=())
    date = forms.DateField(label=_("from"), widget=AdminDateInput, required=False)
    span = forms.ChoiceField(label=_("span"), choices=SPANS, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["building"].choices = building_choices()

    def clean(self):
        data = super().clean()
        data["date"] = data.get("date") or timezone.localdate()
        data["span"] = data.get("span") or "day"
        return data


class StatisticsForm(forms.Form):
    year = forms.IntegerField(label=_("year"), min_value=1900, max_value=2999)

    def __init__(self, data=None, **kwargs):
        if not data or not data.get("year"):
            # The latest year with visits, not the current year before any are on record.
            data = {"year": latest_year_with_data(today=timezone.localdate())}
        super().__init__(data, **kwargs)


REVIEW_CHOICES = [
    (RegistrationStatus.ACCEPTED, RegistrationStatus.ACCEPTED.label),
    (RegistrationStatus.WAITLISTED, RegistrationStatus.WAITLISTED.label),
    (RegistrationStatus.REJECTED, RegistrationStatus.REJECTED.label),
]


class RegistrationReviewForm(forms.Form):
    status = forms.ChoiceField(label=_("decision"), choices=REVIEW_CHOICES)
    note = forms.CharField(
        label=_("review note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept with the registration; the applicant does not see it."),
    )


class SendInvitationsForm(forms.Form):
    ACTION_SEND = "send"
    ACTION_REMIND = "remind"

    action = forms.ChoiceField(
        label=_("what to send"),
        choices=[
            (ACTION_SEND, _("invitations not sent yet")),
            (ACTION_REMIND, _("reminders to guests who have not replied")),
        ],
        widget=forms.RadioSelect,
    )


class FeedTokenForm(WagtailAdminModelForm):
    language = forms.ChoiceField(
        label=_("language"),
        required=False,
        choices=[("", _("the subscriber's preferred language")), *settings.LANGUAGES],
    )


def language_label(code):
    """The language's own name, as listed in settings.LANGUAGES."""
    return dict(settings.LANGUAGES).get(code, code)

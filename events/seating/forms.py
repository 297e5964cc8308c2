"""The seating plan page's forms: building the guest list, the plan's settings, moving a guest."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from crm.models import Person

from ..enums import InvitationStatus
from ..forms import ReplyByField


class GuestListForm(forms.Form):
    delegations = forms.BooleanField(
        label=_("sister-city delegations present"), required=False, initial=True
    )
    representative_heads = forms.BooleanField(
        label=_("heads of consular and representative offices"), required=False, initial=True
    )
    city_leadership = forms.BooleanField(
        label=_("city leadership (mayor, deputies, directors)"), required=False, initial=True
    )
    respond_by = ReplyByField(label=_("reply by"), required=False)


class PlanSettingsForm(forms.Form):
    table_size = forms.IntegerField(label=_("seats per table"), min_value=2, max_value=40)
    table_count = forms.IntegerField(
        label=_("number of tables"),
        min_value=1,
        required=False,
        help_text=_("Leave empty to use as few tables as the guests need."),
    )
    keep_delegations_together = forms.BooleanField(
        label=_("keep delegations together"), required=False
    )
    host = forms.ModelChoiceField(
        label=_("host"),
        queryset=Person.objects.none(),
        required=False,
        help_text=_("Empty: the senior guest of the home city."),
    )
    co_hosts = forms.ModelMultipleChoiceField(
        label=_("co-hosts"),
        queryset=Person.objects.none(),
        required=False,
        help_text=_("Each co-host anchors a table of their own."),
    )
    guest_of_honour = forms.ModelChoiceField(
        label=_("guest of honour"),
        queryset=Person.objects.none(),
        required=False,
        help_text=_("Seated at the host's right; empty: the guest of highest rank."),
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        accepted = Person.objects.filter(
            invitations__event=event, invitations__status=InvitationStatus.ACCEPTED
        ).order_by("family_name", "given_name", "pk")
        self.fields["host"].queryset = accepted
        self.fields["co_hosts"].queryset = accepted
        self.fields["guest_of_honour"].queryset = accepted


class MoveGuestForm(forms.Form):
    # The service checks that the guest is seated in the plan; the list only helps choosing.
    person = forms.IntegerField(label=_("guest"), widget=forms.Select)
    table = forms.IntegerField(label=_("table"), min_value=1)
    position = forms.IntegerField(label=_("seat"), min_value=1)

    def __init__(self, *args, guests=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].widget.choices = [("", "---------"), *guests]


def plan_settings_initial(plan):
    """The settings form's values for a plan (a table of ten before there is one)."""
    if plan is None:
        return {"table_size": 10}
    return {
        "table_size": plan.table_size,
        "table_count": plan.table_count,
        "keep_delegations_together": plan.keep_delegations_together,
        "host": plan.host_id,
        "co_hosts": [person.pk for person in plan.co_hosts.all()],
        "guest_of_honour": plan.guest_of_honour_id,
    }


class PrintLanguageForm(forms.Form):
    """The language a print pack is written in, chosen per pack (not the admin's language)."""

    language = forms.ChoiceField(
        label=_("print in"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
        required=False,
        help_text=_("Each guest's card and badge also carry their own language."),
    )

    @classmethod
    def language_of(cls, data):
        """The chosen language, or the office's when none or an unknown one is given."""
        form = cls(data)
        valid = form.is_valid() and form.cleaned_data["language"]
        return form.cleaned_data["language"] if valid else settings.LANGUAGE_CODE

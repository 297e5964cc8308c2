"""The summer camp page's forms: ranking, groups and rooms."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from crm.models import Person

from ..forms import people_choices


class CertificateLanguageForm(forms.Form):
    """The language certificates are printed in: one for the pack, or each participant's."""

    language = forms.ChoiceField(
        label=_("print in"),
        choices=[("", _("each participant's own language")), *settings.LANGUAGES],
        required=False,
    )

    @classmethod
    def language_of(cls, data):
        """The chosen language, or None (each participant's own) when none or an unknown one."""
        form = cls(data)
        return (form.cleaned_data["language"] or None) if form.is_valid() else None


class RankingForm(forms.Form):
    quota_per_organisation = forms.IntegerField(
        label=_("places per city or university"), min_value=1, initial=3
    )
    capacity = forms.IntegerField(label=_("places in all"), min_value=1, initial=30)


class GroupsForm(forms.Form):
    buddies = forms.ModelMultipleChoiceField(
        label=_("local buddies"),
        queryset=Person.objects.none(),
        help_text=_("One group per buddy; forming again replaces the groups."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["buddies"].queryset = people_choices()


class RoomsForm(forms.Form):
    hotel = forms.CharField(label=_("hotel"), max_length=255)
    room_size = forms.IntegerField(label=_("beds per room"), min_value=1, initial=2)
    first_room = forms.IntegerField(label=_("first room number"), min_value=1, initial=101)

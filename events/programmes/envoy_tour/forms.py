"""The envoys' tour page's forms: invitations, interests, departments, forum and follow-ups."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

from crm.models import CooperationArea, Organisation

from ...enums import InvitationStatus
from ...forms import ReplyByField
from ...models import Invitation


class ManifestLanguageForm(forms.Form):
    """The language the manifests name travellers in (the office's by default)."""

    manifest_language = forms.ChoiceField(
        label=_("names in"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
        required=False,
    )

    @classmethod
    def language_of(cls, data):
        """The chosen language, or the office's when none or an unknown one is given."""
        form = cls(data)
        valid = form.is_valid() and form.cleaned_data["manifest_language"]
        return form.cleaned_data["manifest_language"] if valid else settings.LANGUAGE_CODE


class InviteEnvoysForm(forms.Form):
    respond_by = ReplyByField(label=_("reply by"), required=False, widget=AdminDateTimeInput)
    max_companions = forms.IntegerField(
        label=_("spouse and staff allowed"), min_value=0, max_value=10, initial=2
    )


class GuestChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return str(obj.person)


class InterestsForm(forms.Form):
    invitation = GuestChoiceField(label=_("envoy"), queryset=Invitation.objects.none())
    areas = forms.ModelMultipleChoiceField(
        label=_("interests"),
        queryset=CooperationArea.objects.order_by("slug"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["invitation"].queryset = (
            Invitation.objects.filter(event=event, status=InvitationStatus.ACCEPTED)
            .select_related("person")
            .order_by("person__family_name", "person__given_name", "pk")
        )


class DepartmentAreasForm(forms.Form):
    department = forms.ModelChoiceField(
        label=_("department"), queryset=Organisation.objects.filter(parent__is_home=True)
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("areas it can discuss"),
        queryset=CooperationArea.objects.order_by("slug"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class ForumForm(forms.Form):
    starts_at = forms.DateTimeField(label=_("first slot starts"), widget=AdminDateTimeInput)
    slot_minutes = forms.IntegerField(label=_("minutes per slot"), min_value=5, initial=20)
    slot_count = forms.IntegerField(label=_("number of slots"), min_value=1, initial=6)


class FollowUpsForm(forms.Form):
    on = forms.DateField(label=_("letters dated"), widget=AdminDateInput)

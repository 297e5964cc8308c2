"""Admin forms for CRM records; validation itself lives on the models and validators."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm


class LanguageListField(forms.CharField):
    """Language codes typed as "ko, en" and stored as ["ko", "en"]."""

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(value)
        return value

    def to_python(self, value):
        text = super().to_python(value) or ""
        return [code.strip().lower() for code in text.replace(";", ",").split(",") if code.strip()]


class PersonForm(WagtailAdminModelForm):
    # The model keeps a JSON list; staff type codes, not JSON.
    preferred_languages = LanguageListField(
        label=_("preferred languages"),
        required=False,
        help_text=_("Language codes in order of preference, separated by commas, e.g. ko, en."),
    )


class AsOfForm(forms.Form):
    as_of = forms.DateField(
        label=_("as of"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "style": "width: auto"}),
        help_text=_("Show ties and titles held on this date."),
    )

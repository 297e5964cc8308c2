"""The freshmen party page's form: check-in at the door."""

from django import forms
from django.utils.translation import gettext_lazy as _


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=_("check-in code"),
        max_length=32,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "off"}),
        help_text=_("Scan the QR code into this field, or type the code."),
    )

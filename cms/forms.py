"""Public forms: event registration (built from the event's questions) and invitation RSVP."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.validators import NEEDS_MAX_LENGTH
from events.models import Registration
from events.selectors.registrations import CONSENT_KEY, asked_fields, required_fields
from events.validators import validate_date_of_birth, validate_passport_number

HONEYPOT = "website"
AUTOCOMPLETE = {
    "family_name": "family-name",
    "given_name": "given-name",
    "email": "email",
    "phone": "tel",
    "nationality": "country",
    "date_of_birth": "bday",
    "university": "organization",
}
EXTRA_VALIDATORS = {
    "passport_number": [validate_passport_number],
    "date_of_birth": [validate_date_of_birth],
}
HELP_TEXTS = {
    "passport_number": _("As printed in your passport: 5 to 9 letters and digits."),
    "native_name": _("For example 김민준 or 山田太郎; leave empty if the same as above."),
    "phone": _("With the country code, e.g. +82 10 1234 5678."),
    "dietary_requirements": _("Vegetarian, halal, allergies ... or leave empty."),
}


class RegistrationForm(forms.Form):
    """The questions one event asks, labelled in the reader's language."""

    def __init__(self, event, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        required = required_fields(event)
        for name in asked_fields(event):
            field = Registration._meta.get_field(name).formfield()
            field.required = name in required
            field.validators = [*field.validators, *EXTRA_VALIDATORS.get(name, [])]
            if name in HELP_TEXTS:
                field.help_text = HELP_TEXTS[name]
            if name == "date_of_birth":
                field.widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs["rows"] = 3
            if name in AUTOCOMPLETE:
                field.widget.attrs["autocomplete"] = AUTOCOMPLETE[name]
            self.fields[name] = field
        if event.consent_text:
            self.fields[CONSENT_KEY] = forms.BooleanField(
                label=_("I agree to the terms above."),
                error_messages={"required": _("Please agree to the terms to apply.")},
            )
        # Hidden from people (CSS and aria-hidden) but tempting to form-filling robots.
        self.fields[HONEYPOT] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    @property
    def is_spam(self):
        return bool(self.data.get(HONEYPOT))

    def registration_data(self):
        """The answers keyed as submit_registration expects them."""
        data = {name: value for name, value in self.cleaned_data.items() if name != HONEYPOT}
        if data.get("phone"):
            data["phone"] = data["phone"].as_e164
        for name in ("emergency_contact_phone",):
            if data.get(name):
                data[name] = data[name].as_e164
        return data


class RsvpForm(forms.Form):
    ACCEPT, DECLINE = "accept", "decline"

    response = forms.ChoiceField(
        label=_("Will you attend?"),
        choices=[(ACCEPT, _("Yes, I will attend")), (DECLINE, _("No, I cannot attend"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Please say whether you will attend.")},
    )
    dietary_requirements = forms.CharField(
        label=_("Dietary requirements"),
        required=False,
        max_length=NEEDS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        required=False,
        max_length=NEEDS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, invitation, *args, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "response": {"accepted": self.ACCEPT, "waitlisted": self.ACCEPT}.get(
                    invitation.status, self.DECLINE if invitation.status == "declined" else None
                ),
                "companions": invitation.companions,
                "dietary_requirements": invitation.dietary_requirements
                or invitation.person.dietary_requirements,
                "accessibility_needs": invitation.accessibility_needs
                or invitation.person.accessibility_needs,
            },
        )
        super().__init__(*args, **kwargs)
        self.invitation = invitation
        self.fields["companions"] = forms.IntegerField(
            label=_("Companions"),
            min_value=0,
            max_value=invitation.max_companions,
            help_text=_("How many people come with you (at most %(allowed)d).")
            % {"allowed": invitation.max_companions},
            error_messages={"max_value": _("You may bring at most %(limit_value)s companions.")},
        )
        self.order_fields(["response", "companions"])

    def reply(self):
        """The keyword arguments of respond_to_invitation."""
        data = self.cleaned_data
        accept = data["response"] == self.ACCEPT
        return {
            "accept": accept,
            "companions": data["companions"] if accept else 0,
            "dietary_requirements": data["dietary_requirements"],
            "accessibility_needs": data["accessibility_needs"],
        }

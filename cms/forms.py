"""Public forms: event registration (built from the event's questions) and invitation RSVP."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

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

    companion_names = forms.CharField(
        label=_("Your companions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "One companion a line, for their place card and badge; dietary needs after a "
            "colon (Aiko Yamamoto: vegetarian)."
        ),
    )

    def __init__(self, invitation, *args, **kwargs):
        named = [
            f"{c.name}: {c.dietary_requirements}" if c.dietary_requirements else c.name
            for c in invitation.companion_guests.all()
            if c.name
        ]
        kwargs.setdefault(
            "initial",
            {
                "companion_names": "\n".join(named),
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
        self.order_fields(["response", "companions", "companion_names"])

    def clean(self):
        data = super().clean()
        lines = [line.strip() for line in data.get("companion_names", "").splitlines()]
        named = []
        for line in filter(None, lines):
            name, _colon, needs = line.partition(":")
            named.append({"name": name.strip()[:255], "dietary_requirements": needs.strip()})
        coming = data.get("companions") or 0
        if data.get("response") == self.ACCEPT and len(named) > coming:
            self.add_error(
                "companion_names",
                ngettext(
                    "You named %(named)d people but bring %(coming)d companion.",
                    "You named %(named)d people but bring %(coming)d companions.",
                    coming,
                )
                % {"named": len(named), "coming": coming},
            )
        data["companion_guests"] = named
        return data

    def reply(self):
        """The keyword arguments of respond_to_invitation."""
        data = self.cleaned_data
        accept = data["response"] == self.ACCEPT
        return {
            "accept": accept,
            "companions": data["companions"] if accept else 0,
            "companion_guests": data["companion_guests"] if accept else [],
            "dietary_requirements": data["dietary_requirements"],
            "accessibility_needs": data["accessibility_needs"],
        }

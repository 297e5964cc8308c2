"""Forms shared by the programme pages: choosing people, and vehicles with their drivers."""

from django import forms
from django.utils.translation import gettext_lazy as _

from crm.models import Person

from ..models import Driver, Vehicle


def people_choices():
    return Person.objects.order_by("family_name", "given_name", "pk")


class VehiclesForm(forms.Form):
    vehicles = forms.ModelMultipleChoiceField(
        label=_("vehicles"), queryset=Vehicle.objects.filter(is_active=True).order_by("name")
    )
    drivers = forms.ModelMultipleChoiceField(
        label=_("drivers"),
        queryset=Driver.objects.filter(is_active=True).order_by("name"),
        required=False,
        help_text=_("In the order of the vehicles: the first driver drives the first vehicle."),
    )
    pickup_address = forms.CharField(label=_("pick-up address"), max_length=255, required=False)

    def in_posted_order(self, name):
        # A multiple choice comes back in queryset order; drivers pair with vehicles by
        # the order in which they were sent.
        posted = [str(value) for value in self.data.getlist(name)]
        chosen = self.cleaned_data.get(name) or []
        return sorted(chosen, key=lambda obj: posted.index(str(obj.pk)))

    def clean(self):
        cleaned = super().clean()
        if hasattr(self.data, "getlist"):
            for name in ("vehicles", "drivers"):
                if name in cleaned:
                    cleaned[name] = self.in_posted_order(name)
        return cleaned

"""The relationship health list: every active tie, worst first, with its reasons."""

from django import forms
from django.utils.translation import gettext_lazy as _

from crm.enums import RelationshipType
from crm.health import WINDOW_YEARS
from crm.models import Relationship

from ..selectors import health
from .reports import ReportView


class HealthForm(forms.Form):
    type = forms.ChoiceField(
        label=_("type"), choices=[("", _("all types")), *RelationshipType.choices], required=False
    )
    band = forms.ChoiceField(
        label=_("health"),
        choices=[
            ("", _("all")),
            ("poor", _("poor")),
            ("watch", _("needs attention")),
            ("good", _("good")),
        ],
        required=False,
    )


class RelationshipHealthView(ReportView):
    """Each active tie's health with its reasons, worst first (docs/decisions.md)."""

    model = Relationship
    template_name = "events/admin/relationship_health.html"
    page_title = _("Relationship health")
    header_icon = "pick"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = HealthForm(self.request.GET)
        data = form.cleaned_data if form.is_valid() else {}
        context.update(
            form=form,
            rows=health.ties_health(
                relationship_type=data.get("type") or None, band=data.get("band") or None
            ),
            years=WINDOW_YEARS,
        )
        return context

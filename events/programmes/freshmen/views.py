"""The freshmen party page: registrations by university, check-in at the door, the charts."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from wagtail.admin import messages

from ...enums import EventKind
from ...models import Registration
from ...selectors.registrations import registration_name
from ...services import checkin
from ..views import ProgrammeAction, ProgrammeMixin, ProgrammePage
from . import selectors
from .forms import CheckInForm

# The SVG bar chart's geometry, in user units.
CHART_LABEL_WIDTH, CHART_BAR_WIDTH, CHART_ROW = 220, 360, 22


def bar_chart(figures, *, label_width=CHART_LABEL_WIDTH):
    """Rows of an inline SVG bar chart: registered and checked-in bars per figure."""
    largest = max((figure.count for figure in figures), default=0)
    rows = []
    for index, figure in enumerate(figures):
        scale = CHART_BAR_WIDTH / largest if largest else 0
        rows.append(
            {
                "figure": figure,
                "y": index * CHART_ROW,
                "text_y": index * CHART_ROW + CHART_ROW * 0.68,
                "width": round(figure.count * scale, 1),
                "checked_in_width": round(figure.checked_in * scale, 1),
                "value_x": label_width + round(figure.count * scale, 1) + 6,
            }
        )
    return {
        "rows": rows,
        "height": max(len(rows), 1) * CHART_ROW,
        "width": label_width + CHART_BAR_WIDTH + 60,
        "label_width": label_width,
        "bar_height": CHART_ROW - 6,
    }


class PartyView(ProgrammePage):
    kind = EventKind.PARTY
    template_name = "events/programmes/party.html"
    page_title = _("Freshmen party")

    @cached_property
    def statistics(self):
        return selectors.party_statistics(self.event)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            universities=selectors.registrations_by_university(self.event),
            statistics=self.statistics,
            country_chart=bar_chart(self.statistics.by_country),
            # University names come in two scripts and need the wider label column.
            university_chart=bar_chart(self.statistics.by_university, label_width=460),
            checkin_form=CheckInForm(),
            may_check_in=self.may("change_registration"),
        )
        return context


class CheckInView(ProgrammeAction):
    kind = EventKind.PARTY
    form_class = CheckInForm
    model = Registration

    def act(self, data):
        registration = checkin.check_in_by_code(self.event, data["code"], user=self.request.user)
        messages.success(
            self.request,
            gettext("Welcome, %(name)s (%(university)s).")
            % {
                "name": registration_name(registration),
                "university": registration.university,
            },
        )


class CheckInQrView(ProgrammeMixin, View):
    """A registration's check-in code as an SVG QR code, for badges and mails."""

    def get(self, request, *args, **kwargs):
        registration = get_object_or_404(Registration, pk=kwargs["registration"], event=self.event)
        if not registration.checkin_code:
            raise Http404
        return HttpResponse(
            checkin.checkin_qr_svg(registration.checkin_code), content_type="image/svg+xml"
        )

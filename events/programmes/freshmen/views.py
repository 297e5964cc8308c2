"""The freshmen party page: registrations by university, check-in at the door, the charts."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from wagtail.admin import messages

from ... import checkin_codes
from ...charts import bar_chart
from ...enums import EventKind
from ...models import Registration
from ...selectors.registrations import registration_name
from ...services import checkin
from ..views import ProgrammeAction, ProgrammeMixin, ProgrammePage
from . import selectors
from .forms import CheckInForm


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
            checkin_codes.checkin_qr_svg(registration.checkin_code), content_type="image/svg+xml"
        )

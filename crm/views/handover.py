"""The hand-over page: a predecessor's history with the city and one action for the successor."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.views import ActionView

from ..forms import HandOverForm
from ..models import Affiliation, Person
from ..selectors.handover import handover_sections
from ..services.handover import hand_over


def likely_successor(person):
    """Whoever started a position at an organisation the day this person's position there ended or
    later: the usual shape of a rotation."""
    ended = (
        Affiliation.objects.filter(person=person, end_date__isnull=False)
        .order_by("-end_date")
        .first()
    )
    if ended is None:
        return None
    following = (
        Affiliation.objects.filter(organisation=ended.organisation, start_date__gte=ended.end_date)
        .exclude(person=person)
        .select_related("person")
        .order_by("start_date")
        .first()
    )
    return following.person if following else None


class HandOverView(ActionView):
    template_name = "crm/admin/handover.html"
    page_title = _("Hand over to a successor")
    header_icon = "resubmit"
    model = Person
    form_class = HandOverForm

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.person = get_object_or_404(Person, pk=kwargs["pk"])

    def get_initial(self):
        return {"successor": likely_successor(self.person)}

    def get_page_subtitle(self):
        return str(self.person)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("crm_person:inspect", args=[self.person.pk]),
                "label": str(self.person),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            person=self.person, sections=handover_sections(self.person), **kwargs
        )

    def act(self, data):
        moved = hand_over(self.person, data["successor"], user=self.request.user)
        messages.success(
            self.request,
            gettext(
                "Handed over to %(successor)s: %(invitations)s invitations, %(feeds)s feed "
                "links, %(lists)s mailing lists."
            )
            % {
                "successor": data["successor"],
                "invitations": moved.get("invitations", 0),
                "feeds": moved.get("feed_links", 0),
                "lists": moved.get("mailing_lists", 0),
            },
        )
        return redirect("crm_handover:index", self.person.pk)

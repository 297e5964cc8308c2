"""Planning pages: find what is free, see every resource of a kind on a timeline, plan a visit."""

import datetime

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages

from core.forms import add_service_errors
from crm.selectors import principal_candidates

from ..clashes import clash_warnings, event_clash_warnings, principal_warnings
from ..enums import ResourceKind
from ..models import Booking, Delegation, Event
from ..selectors import availability, timelines
from ..validators import event_dates
from ..views.reports import ReportView
from .forms import (
    DelegationPlanForm,
    FreeResourceForm,
    ItemFormSet,
    MemberFormSet,
    TimelineForm,
)
from .services import RESOURCE_FIELDS, ItemPlan, MemberPlan, PlanRowError, plan_visit


class FreeResourceView(ReportView):
    """ "Find a free car (or room) from 13:00 to 16:30 for 6 people": free ones first, busy
    ones with who holds them."""

    model = Booking
    template_name = "events/admin/free_resources.html"
    page_title = _("Find a free resource")
    header_icon = "search"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = FreeResourceForm(self.request.GET or None)
        context.update(form=form, results=None)
        if form.is_valid():
            data = form.cleaned_data
            context["results"] = availability.free_resources(
                kind=data["kind"],
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                min_capacity=data["people"],
                building=data["building"] or None,
            )
        return context


class TimelineView(ReportView):
    """Every resource of a kind as a row, its bookings as bars across a day or a week."""

    model = Booking
    template_name = "events/admin/resource_timeline.html"
    page_title = _("Resource timeline")
    header_icon = "time"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The first visit shows today's cars rather than a form full of "required".
        query = self.request.GET.copy()
        query.setdefault("kind", ResourceKind.VEHICLE)
        form = TimelineForm(query)
        context.update(form=form, timeline=None)
        if form.is_valid():
            data = form.cleaned_data
            days = 7 if data["span"] == "week" else 1
            start = timezone.make_aware(datetime.datetime.combine(data["date"], datetime.time()))
            context["timeline"] = timelines.resource_timeline(
                kind=data["kind"],
                starts_at=start,
                ends_at=start + datetime.timedelta(days=days),
                building=data["building"] or None,
            )
            step = datetime.timedelta(days=days)
            context["previous"] = (data["date"] - step).isoformat()
            context["next"] = (data["date"] + step).isoformat()
        return context


class VisitPlannerView(ReportView):
    """One screen for a visit: delegation, members, arrivals and the day-by-day itinerary.

    "Check availability" orders each item's pickers free first and says who holds the busy
    ones; "Save" calls plan_visit once, so everything is saved or nothing is.
    """

    model = Delegation
    template_name = "events/admin/visit_planner.html"
    page_title = _("Visit planner")
    header_icon = "group"
    any_permission_required = ("add",)

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.event = get_object_or_404(Event, pk=kwargs["event_pk"])

    def get_page_subtitle(self):
        return str(self.event)

    def days(self):
        first, last = event_dates(self.event)
        return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]

    def forms(self, data=None):
        return (
            DelegationPlanForm(data, event=self.event, prefix="delegation"),
            MemberFormSet(data, prefix="members"),
            ItemFormSet(
                data,
                prefix="items",
                # One list of the mayor and deputies for every row (not a query per row).
                form_kwargs={"days": self.days(), "principals": principal_candidates()},
            ),
        )

    def get(self, request, *args, **kwargs):
        return self.render(*self.forms())

    def post(self, request, *args, **kwargs):
        delegation_form, members, items = self.forms(request.POST)
        valid = all([delegation_form.is_valid(), members.is_valid(), items.is_valid()])
        if "check" in request.POST or not valid:
            return self.render(delegation_form, members, items, check=True)
        data = delegation_form.cleaned_data
        try:
            delegation, _members, saved = plan_visit(
                self.event,
                delegation=data["delegation"],
                delegation_values={
                    name: data[name]
                    for name in ("name", "organisation", "hotel", "home_timezone")
                    if data[name]
                },
                members=[_member_plan(form.cleaned_data) for form in _filled(members)],
                items=[_item_plan(form.cleaned_data) for form in _filled(items)],
                user=request.user,
            )
        except PlanRowError as error:
            forms = list(_filled(members if error.section == "members" else items))
            target = forms[error.row]
            target.add_error(error.field if error.field in target.fields else None, error)
            target.alternatives = error.alternatives
            target.alternative_field = error.field
            # Said at the top too: the refused row may be far down a long itinerary.
            messages.error(
                request,
                gettext("Nothing was saved. %(reason)s") % {"reason": " ".join(error.messages)},
            )
            return self.render(delegation_form, members, items, check=True)
        except ValidationError as error:
            add_service_errors(delegation_form, error)
            return self.render(delegation_form, members, items)
        messages.success(
            request,
            gettext("%(delegation)s: %(count)d items planned and booked.")
            % {"delegation": delegation, "count": len(saved)},
        )
        return redirect(reverse("delegation:programme", args=[delegation.pk]))

    def render(self, delegation_form, members, items, check=False):
        if check:
            for form in _filled(items):
                _mark_availability(form)
        context = self.get_context_data(
            event=self.event,
            clashes=_planner_clashes(self.event, delegation_form, items),
            delegation_form=delegation_form,
            members=members,
            items=items,
            media=delegation_form.media + members.media + items.media,
        )
        return self.render_to_response(context)


def _planner_clashes(event, delegation_form, items):
    """The event's clash warnings, those for the organisation being planned, if any, and the
    planned items' principals needed elsewhere (also noted on each row)."""
    warnings = event_clash_warnings(event)
    for form in _filled(items):
        data = form.cleaned_data
        form.principal_clashes = principal_warnings(
            list(data.get("principals") or ()),
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            exclude_event=event,
        )
        for warning in form.principal_clashes:
            if warning not in warnings:
                warnings.append(warning)
    data = getattr(delegation_form, "cleaned_data", None) or {}
    organisation = data.get("organisation")
    if organisation is not None:
        for warning in clash_warnings(
            starts_at=event.starts_at,
            ends_at=event.ends_at,
            countries=[organisation.country],
            organisations=[organisation],
        ):
            if warning not in warnings:
                warnings.append(warning)
    return warnings


def _filled(formset):
    """The rows someone filled in (blank extra rows are not part of the plan)."""
    return [form for form in formset.forms if form.has_changed() and form.is_valid()]


def _member_plan(data):
    return MemberPlan(
        role=data["role"],
        person=data["person"],
        family_name=data["family_name"],
        given_name=data["given_name"],
        native_name=data["native_name"],
        arrival_at=data["arrival_at"],
        arrival_flight=data["arrival_flight"],
        departure_at=data["departure_at"],
        departure_flight=data["departure_flight"],
    )


def _item_plan(data):
    return ItemPlan(
        kind=data["kind"],
        title=data["title"],
        starts_at=data["starts_at"],
        ends_at=data["ends_at"],
        is_public=data["is_public"],
        resources={name: data[name] for name in RESOURCE_FIELDS},
        principals=tuple(data.get("principals") or ()),
    )


def _mark_availability(form):
    """Order a row's resource pickers free first; label busy ones with who holds them."""
    data = form.cleaned_data
    form.busy = []
    for name, kind in RESOURCE_FIELDS.items():
        found = availability.free_resources(
            kind=kind, starts_at=data["starts_at"], ends_at=data["ends_at"]
        )
        field = form.fields[name]
        choices = [("", "---------")]
        for entry in found:
            label = field.label_from_instance(entry.resource)
            if entry.is_free:
                label = gettext("%(resource)s · free") % {"resource": label}
            else:
                holder = entry.holders[0]
                label = gettext("%(resource)s · busy: %(holder)s") % {
                    "resource": label,
                    "holder": holder.item.title if holder.item_id else holder.purpose,
                }
                form.busy.append((field.label, entry))
            choices.append((entry.resource.pk, label))
        field.widget.choices = choices


class VisitPlannerIndexView(ReportView):
    """Which event to plan: the coming ones first, the latest past ones after."""

    model = Delegation
    template_name = "events/admin/visit_planner_index.html"
    page_title = _("Visit planner")
    header_icon = "group"
    any_permission_required = ("add",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["upcoming"] = Event.objects.upcoming()[:50]
        context["past"] = Event.objects.past()[:20]
        return context

"""The visit planner: which event to plan, and one screen for a visit's delegation, members and
itinerary."""

import datetime

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages

from core.views import ActionView
from crm.selectors.precedence import principal_candidates

from ..clashes import clash_warnings, event_clash_warnings, principal_warnings
from ..models import Delegation, Event
from ..validators import event_dates
from ..views.reports import ReportView
from . import pickers, selectors
from .forms import (
    DelegationEditForm,
    DelegationPlanForm,
    ItemEditFormSet,
    ItemFormSet,
    MemberEditFormSet,
    MemberFormSet,
)
from .services import (
    RESOURCE_FIELDS,
    ItemPlan,
    MemberPlan,
    PlanRowError,
    plan_visit,
    update_visit,
)


class VisitPlannerView(ActionView):
    """One screen for a visit: delegation, members, arrivals and the day-by-day itinerary.

    Opened on an event it plans a new visit (or adds to a delegation); opened on a delegation
    it changes the visit already planned. "Check availability" orders each item's pickers
    free first and says who holds the busy ones; "Save" calls one service (`act`), so
    everything is saved or nothing is. The view's form is the delegation form; the members and
    items formsets stand beside it.
    """

    model = Delegation
    template_name = "events/admin/visit_planner.html"
    page_title = _("Visit planner")
    header_icon = "group"
    permission_required = "add"
    # "Check availability", a refused row or an invalid form: the rows' pickers say what is free.
    check_availability = False

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.delegation = None
        if "delegation_pk" in kwargs:
            self.delegation = get_object_or_404(
                Delegation.objects.select_related("event", "organisation"),
                pk=kwargs["delegation_pk"],
            )
            self.event = self.delegation.event
        else:
            self.event = get_object_or_404(Event, pk=kwargs["event_pk"])

    def get_page_subtitle(self):
        if self.delegation is not None:
            return f"{self.event} · {self.delegation}"
        return str(self.event)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def days(self):
        first, last = event_dates(self.event)
        return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]

    def existing(self):
        """The visit's members and items by id (empty for a new visit)."""
        if self.delegation is None:
            return {}, {}
        members = list(selectors.visit_members(self.delegation))
        items = list(selectors.visit_items(self.delegation))
        return {m.pk: m for m in members}, {i.pk: i for i in items}

    def forms(self, data=None):
        self.members_by_id, self.items_by_id = self.existing()
        # One list of the mayor and deputies for every row (not a query per row).
        self.principals = principal_candidates()
        days = {"days": self.days(), "principals": self.principals}
        if self.delegation is None:
            return (
                DelegationPlanForm(data, event=self.event, prefix="delegation"),
                MemberFormSet(data, prefix="members"),
                ItemFormSet(data, prefix="items", form_kwargs=days),
            )
        delegation = self.delegation
        return (
            DelegationEditForm(
                data,
                prefix="delegation",
                initial={
                    "name": delegation.name,
                    "organisation": delegation.organisation,
                    "hotel": delegation.hotel,
                    "home_timezone": delegation.home_timezone,
                },
            ),
            MemberEditFormSet(
                data,
                prefix="members",
                initial=[_member_initial(m) for m in self.members_by_id.values()],
            ),
            ItemEditFormSet(
                data,
                prefix="items",
                form_kwargs=days,
                initial=[_item_initial(i) for i in self.items_by_id.values()],
            ),
        )

    def get_form(self, form_class=None):
        """The delegation form; the members and items formsets stand beside it."""
        data = self.request.POST if self.request.method == "POST" else None
        self.form, self.members, self.items = self.forms(data)
        return self.form

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        valid = all([form.is_valid(), self.members.is_valid(), self.items.is_valid()])
        if valid:
            self.member_rows = self.rows(self.members, self.members_by_id, _member_plan, "member")
            self.item_rows = self.rows(self.items, self.items_by_id, _item_plan, "item")
            valid = self.member_rows is not None and self.item_rows is not None
        if "check" in request.POST or not valid:
            self.check_availability = True
            return self.form_invalid(form)
        return self.form_valid(form)

    def act(self, data):
        try:
            delegation, saved = self.save(data)
        except PlanRowError as error:
            # Refused on one row: the error goes there, with what is free instead.
            forms = (self.member_rows if error.section == "members" else self.item_rows)[0]
            target = forms[error.row]
            target.add_error(error.field if error.field in target.fields else None, error)
            target.alternatives = error.alternatives
            target.alternative_field = error.field
            # Said at the top too: the refused row may be far down a long itinerary.
            messages.error(
                self.request,
                gettext("Nothing was saved. %(reason)s") % {"reason": " ".join(error.messages)},
            )
            self.check_availability = True
            return self.form_invalid(self.form)
        if self.delegation is None:
            done = gettext("%(delegation)s: %(count)d items planned and booked.")
        else:
            done = gettext(
                "%(delegation)s: the visit is changed (%(count)d items changed or added)."
            )
        messages.success(self.request, done % {"delegation": delegation, "count": len(saved)})
        return redirect(reverse("delegation:programme", args=[delegation.pk]))

    def rows(self, formset, existing, make_plan, name):
        """(forms, plans, removed) of a formset: rows changed or added, and rows removed.

        None when a row names a record no longer part of the visit (its error is on the row).
        """
        forms, plans, removed = [], [], []
        for form in formset.forms:
            if not form.has_changed():
                continue
            data = form.cleaned_data
            record = existing.get(data.get("id")) if data.get("id") else None
            if data.get("id") and record is None:
                form.add_error(
                    None, gettext("This row is no longer part of the visit; reload the page.")
                )
                return None
            if formset._should_delete_form(form):
                if record is not None:
                    removed.append(record)
                continue
            plan = make_plan(form)
            setattr(plan, name, record)
            forms.append(form)
            plans.append(plan)
        return forms, plans, removed

    def save(self, data):
        member_rows, item_rows = self.member_rows, self.item_rows
        values = {name: data[name] for name in ("name", "organisation", "hotel", "home_timezone")}
        if self.delegation is None:
            delegation, _members, saved = plan_visit(
                self.event,
                delegation=data["delegation"],
                delegation_values={name: value for name, value in values.items() if value},
                members=member_rows[1],
                items=item_rows[1],
                user=self.request.user,
            )
            return delegation, saved
        return update_visit(
            self.delegation,
            delegation_values=values,
            members=member_rows[1],
            removed_members=member_rows[2],
            items=item_rows[1],
            removed_items=item_rows[2],
            user=self.request.user,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        delegation_form, members, items = context["form"], self.members, self.items
        needed = pickers.needed_languages(self.languages_of(members))
        choices = pickers.shared_choices(needed)
        principal_choices = [(person.pk, str(person)) for person in self.principals]
        for form in [*items.forms, items.empty_form]:
            for name, options in choices.items():
                form.fields[name].widget.choices = options
            form.fields["principals"].widget.choices = principal_choices
        if self.check_availability:
            # Every row with a time, changed or as planned: what it holds may be taken since.
            for form in items.forms:
                if form.is_valid() and "starts_at" in form.cleaned_data:
                    pickers.mark_availability(form, needed, self.event)
        context.update(
            event=self.event,
            delegation=self.delegation,
            needed_languages=needed,
            clashes=_planner_clashes(self.event, delegation_form, self.planned_times(items)),
            delegation_form=delegation_form,
            members=members,
            items=items,
            media=delegation_form.media + members.media + items.media,
        )
        return context

    def planned_times(self, items):
        """(form, principals, starts_at, ends_at) of each row with a time: as posted, or as
        planned for an existing item shown unchanged."""
        rows = []
        for form in items.forms:
            if form.is_bound:
                if form.is_valid() and "starts_at" in form.cleaned_data:
                    data = form.cleaned_data
                    rows.append((form, data.get("principals"), data["starts_at"], data["ends_at"]))
            elif (item := self.items_by_id.get(form.initial.get("id"))) is not None:
                rows.append((form, item.principals.all(), item.starts_at, item.ends_at))
        return rows

    def languages_of(self, members):
        """Each member's languages, as typed or on the person's record."""
        found = []
        for form in members.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("languages"):
                found.append(data["languages"])
            elif data.get("person") is not None:
                found.append(data["person"].preferred_languages or [])
            elif not form.is_bound and form.initial.get("person") is not None:
                found.append(form.initial["person"].preferred_languages or [])
        return found


def _member_initial(member):
    return {
        "id": member.pk,
        "person": member.person,
        "role": member.role,
        "arrival_at": member.arrival_at,
        "arrival_flight": member.arrival_flight,
        "departure_at": member.departure_at,
        "departure_flight": member.departure_flight,
        "languages": ", ".join(member.person.preferred_languages or []),
    }


def _item_initial(item):
    starts, ends = timezone.localtime(item.starts_at), timezone.localtime(item.ends_at)
    booked = selectors.booked_resources(item)
    return {
        "id": item.pk,
        "day": starts.date().isoformat(),
        "starts": starts.time(),
        "ends": ends.time(),
        "kind": item.kind,
        "title": item.title,
        "venue": item.venue_id,
        **{name: booking.resource_id for name, booking in booked.items()},
        "is_public": item.is_public,
        "principals": list(item.principals.all()),
    }


def _planner_clashes(event, delegation_form, item_rows):
    """The event's clash warnings, those for the organisation being planned, if any, and the
    planned items' principals needed elsewhere (also noted on each row)."""
    warnings = event_clash_warnings(event)
    for form, principals, starts_at, ends_at in item_rows:
        form.principal_clashes = principal_warnings(
            list(principals or ()), starts_at=starts_at, ends_at=ends_at, exclude_event=event
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


def _member_plan(form):
    data = form.cleaned_data
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
        # Recorded on the person only when typed here: a blank row leaves a record's own.
        languages=data["languages"] if "languages" in form.changed_data else None,
    )


def _item_plan(form):
    data = form.cleaned_data
    return ItemPlan(
        kind=data["kind"],
        title=data["title"],
        starts_at=data["starts_at"],
        ends_at=data["ends_at"],
        is_public=data["is_public"],
        resources={name: data[name] for name in RESOURCE_FIELDS},
        principals=tuple(data.get("principals") or ()),
    )


class VisitPlannerIndexView(ReportView):
    """Which event to plan: the coming ones first, the latest past ones after."""

    model = Delegation
    template_name = "events/admin/visit_planner_index.html"
    page_title = _("Visit planner")
    header_icon = "group"
    any_permission_required = ("add",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Each event with its delegations, whose visits open in the planner to be changed.
        delegations = Prefetch("delegations", queryset=Delegation.objects.order_by("name"))
        context["upcoming"] = Event.objects.upcoming().prefetch_related(delegations)[:50]
        context["past"] = Event.objects.past().prefetch_related(delegations)[:20]
        return context

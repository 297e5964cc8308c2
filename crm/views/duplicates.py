"""Likely duplicates: the list of scored pairs, the merge page, the warning before saving one."""

import functools

from django.contrib.admin.utils import quote, unquote
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic import CreateView, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permissions import policy_registry

from core.views import ActionView
from core.viewsets import ANY_PERMISSION

from ..forms import MergeForm
from ..models import Organisation, Person
from ..selectors import duplicates as selectors
from ..services.merge import merge_records, merged_into, relations_to

KINDS = {"people": Person, "organisations": Organisation}
INSPECT_URLS = {Person: "crm_person:inspect", Organisation: "crm_organisation:inspect"}
# The officer ticks this on the add form to save despite the warning.
CONFIRM_FIELD = "duplicates_confirmed"


class DuplicatesView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Scored pairs of people (or organisations) that may be one record, with a merge link."""

    template_name = "crm/admin/duplicates.html"
    page_title = _("Possible duplicates")
    header_icon = "resubmit"
    any_permission_required = ANY_PERMISSION
    paginate_by = 50

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.kind = request.GET.get("kind") if request.GET.get("kind") in KINDS else "people"
        self.model = KINDS[self.kind]

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(self.model)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.model is Person:
            candidates = selectors.duplicate_people()
        else:
            candidates = selectors.duplicate_organisations()
        page = Paginator(candidates, self.paginate_by).get_page(self.request.GET.get("p"))
        pairs = selectors.with_records(page.object_list, self.model)
        context.update(
            kind=self.kind,
            kinds=[
                ("people", capfirst(Person._meta.verbose_name_plural)),
                ("organisations", capfirst(Organisation._meta.verbose_name_plural)),
            ],
            page_obj=page,
            pairs=pairs,
            inspect_url_name=INSPECT_URLS[self.model],
            can_merge=self.user_has_permission("delete"),
        )
        return context


class MergeView(ActionView):
    """Choose the surviving record and the winning values, see what moves, then merge."""

    template_name = "crm/admin/merge.html"
    page_title = _("Merge two records")
    header_icon = "resubmit"
    # A merge deletes one of the two records.
    permission_required = "delete"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if kwargs["kind"] not in KINDS:
            raise Http404
        self.model = KINDS[kwargs["kind"]]
        self.first = get_object_or_404(self.model, pk=kwargs["first"])
        self.second = get_object_or_404(self.model, pk=kwargs["second"])

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(self.model)

    def get_form(self, form_class=None):
        return MergeForm(first=self.first, second=self.second, **self.get_form_kwargs())

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("crm_duplicates:index"), "label": gettext("Possible duplicates")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        context.update(
            first=self.first,
            second=self.second,
            rows=[form[name] for name in form.rows],
            links=link_counts(self.first, self.second),
            inspect_url_name=INSPECT_URLS[self.model],
        )
        return context

    def act(self, data):
        form = self.get_form()
        form.cleaned_data = data
        survivor, merged, take = form.records()
        label = str(merged)
        merge_records(survivor, merged, take=take, user=self.request.user)
        messages.success(
            self.request,
            gettext("%(merged)s was merged into %(survivor)s.")
            % {"merged": label, "survivor": survivor},
        )
        return redirect(INSPECT_URLS[self.model], quote(survivor.pk))


def link_counts(first, second):
    """[(what, count of the first, count of the second)] for each relation either has."""
    rows = []
    for relation in relations_to(type(first)):
        model = relation.related_model
        if model._meta.auto_created:
            continue  # a many-to-many table, counted through its field
        manager = model._base_manager
        counts = [
            manager.filter(**{relation.field.name: record}).count() for record in (first, second)
        ]
        if any(counts):
            label = capfirst(model._meta.verbose_name_plural)
            rows.append((f"{label} ({relation.field.verbose_name})", *counts))
    return rows


class DuplicateWarningCreateView(CreateView):
    """Wagtail's add view that asks before saving a likely duplicate of an existing record."""

    template_name = "crm/admin/create_with_duplicates.html"
    duplicates = ()

    def find_similar(self, instance):
        if isinstance(instance, Person):
            return selectors.people_like(instance)
        return selectors.organisations_like(instance)

    def form_valid(self, form):
        if not self.request.POST.get(CONFIRM_FIELD):
            candidates = self.find_similar(form.instance)[:5]
            if candidates:
                records = self.model._default_manager.in_bulk([c.second for c in candidates])
                self.duplicates = [
                    (candidate, records[candidate.second])
                    for candidate in candidates
                    if candidate.second in records
                ]
                self.produced_error_message = gettext(
                    "This looks like a record that already exists. Check the list below, "
                    "then tick the box to save it anyway."
                )
                return self.form_invalid(form)
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            duplicates=self.duplicates,
            confirm_field=CONFIRM_FIELD,
            inspect_url_name=INSPECT_URLS[self.model],
        )
        return context


def follow_merges(view, model):
    """Wrap a record view: a merged record's address redirects to the survivor's."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Http404:
            pk = kwargs.get("pk")
            survivor = merged_into(model, unquote(str(pk))) if pk is not None else None
            if survivor is None:
                raise
            name = request.resolver_match.view_name
            return redirect(reverse(name, args=[quote(survivor)]))

    return wrapped

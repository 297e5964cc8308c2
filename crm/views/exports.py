"""Downloading people and organisations as CSV, XLSX or vCard."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from core.viewsets import ANY_PERMISSION

from .. import exports
from ..forms import ExportForm
from ..models import Person

FORMATS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "vcf3": ("text/vcard; charset=utf-8", "vcf"),
    "vcf4": ("text/vcard; charset=utf-8", "vcf"),
}


def _download(body, file_format, stem):
    content_type, extension = FORMATS[file_format]
    response = HttpResponse(body, content_type=content_type)
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{stem}-{stamp}.{extension}"'
    return response


def export_file(*, kind, file_format, people, user):
    """The file for a valid form's choices; `people` is the queryset of people to export."""
    personal = exports.may_export_personal(user)
    if kind == "organisations":
        columns, rows = exports.organisations_table()
    elif file_format.startswith("vcf"):
        version = "4.0" if file_format == "vcf4" else "3.0"
        body = exports.people_vcards(people, version=version, personal=personal)
        return _download(body, file_format, "people")
    else:
        columns, rows = exports.people_table(people, personal=personal)
    body = exports.to_csv(columns, rows) if file_format == "csv" else exports.to_xlsx(columns, rows)
    return _download(body, file_format, kind)


class ExportView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """A page to choose what to export; the download comes from the same address."""

    model = Person
    template_name = "crm/admin/export.html"
    page_title = _("Export contacts")
    header_icon = "download"
    any_permission_required = ANY_PERMISSION
    form_class = ExportForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if "download" in self.request.GET:
            kwargs["data"] = self.request.GET
        return kwargs

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get(self, request, *args, **kwargs):
        form = self.get_form()
        if not form.is_bound or not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data
        people = Person.objects.all()
        if data["organisation"] is not None:
            people = people.filter(affiliations__organisation=data["organisation"]).distinct()
        if data["people"]:
            people = people.filter(pk__in=[person.pk for person in data["people"]])
        return export_file(
            kind=data["kind"], file_format=data["file_format"], people=people, user=request.user
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["personal"] = exports.may_export_personal(self.request.user)
        return context


class PersonVCardView(PermissionCheckedMixin, View):
    """One person's vCard, from their page."""

    model = Person
    any_permission_required = ANY_PERMISSION

    def get(self, request, pk):
        person = get_object_or_404(Person.objects.filter(erased_at__isnull=True), pk=pk)
        version = "4.0" if request.GET.get("version") == "4.0" else "3.0"
        people = Person.objects.filter(pk=person.pk)
        body = exports.people_vcards(
            people, version=version, personal=exports.may_export_personal(request.user)
        )
        response = HttpResponse(body, content_type="text/vcard; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="person-{person.pk}.vcf"'
        return response

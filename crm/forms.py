"""Admin forms of the CRM; validation itself lives on the models and validators."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .audit import display_value, field_label
from .enums import GiftDirection, ImportKind
from .importing.schema import FIELDS
from .models import Organisation, Person
from .selectors import paths
from .selectors.gifts import repeat_gifts, suggested_gifts
from .services.merge import mergeable_fields


class LanguageListField(forms.CharField):
    """Language codes typed as "ko, en" and stored as ["ko", "en"]."""

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(value)
        return value

    def to_python(self, value):
        text = super().to_python(value) or ""
        return [code.strip().lower() for code in text.replace(";", ",").split(",") if code.strip()]


class PersonForm(WagtailAdminModelForm):
    # The model keeps a JSON list; staff type codes, not JSON.
    preferred_languages = LanguageListField(
        label=_("preferred languages"),
        required=False,
        help_text=_("Language codes in order of preference, separated by commas, e.g. ko, en."),
    )


class AsOfForm(forms.Form):
    as_of = forms.DateField(
        label=_("as of"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "style": "width: auto"}),
        help_text=_("Show ties and titles held on this date."),
    )


class GiftForm(WagtailAdminModelForm):
    """Warns before the same item goes to the same recipient a second time."""

    give_again = forms.BooleanField(
        label=_("give it again anyway"),
        required=False,
        help_text=_("Tick after checking that a second gift of this item is intended."),
    )

    def clean(self):
        data = super().clean()
        person = data.get("counterpart_person")
        organisation = data.get("counterpart_organisation")
        if not person and not organisation:
            raise forms.ValidationError(gettext("A gift needs a person or an organisation."))
        description = data.get("description_zh_hant") or data.get("description") or ""
        if data.get("direction") != GiftDirection.GIVEN or data.get("give_again"):
            return data
        repeats = repeat_gifts(
            description, person=person, organisation=organisation, exclude_pk=self.instance.pk
        )
        if repeats:
            suggestions = suggested_gifts(person=person, organisation=organisation)
            message = gettext("%(recipient)s already received this gift on %(dates)s.") % {
                "recipient": person or organisation,
                "dates": ", ".join(f"{gift.given_on:%Y-%m-%d}" for gift in repeats),
            }
            if suggestions:
                message += " " + gettext("Not yet given to them: %(items)s.") % {
                    "items": "; ".join(suggestions)
                }
            self.add_error("give_again", message)
        return data


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={
                "placeholder": _("Name in any script, e-mail or phone"),
                "autofocus": True,
                "type": "search",
            }
        ),
    )


class KnownFromForm(forms.Form):
    known_from = forms.ModelChoiceField(
        queryset=paths.colleagues(),
        required=False,
        label=_("Start from"),
        empty_label=_("the office"),
    )


class ExportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What"),
        choices=[("people", _("people")), ("organisations", _("organisations"))],
        initial="people",
    )
    file_format = forms.ChoiceField(
        label=_("Format"),
        choices=[
            ("csv", _("CSV (spreadsheet, importable)")),
            ("xlsx", _("Excel workbook (XLSX)")),
            ("vcf3", _("vCard 3.0 (phones, contacts apps)")),
            ("vcf4", _("vCard 4.0")),
        ],
        initial="csv",
    )
    organisation = forms.ModelChoiceField(
        label=_("Only people who held a position at"),
        queryset=Organisation.objects.all(),
        required=False,
    )
    people = forms.ModelMultipleChoiceField(
        label=_("Only these people"),
        queryset=Person.objects.filter(erased_at__isnull=True),
        required=False,
        widget=forms.MultipleHiddenInput,
    )

    def clean(self):
        data = super().clean()
        if data.get("kind") == "organisations" and data.get("file_format", "").startswith("vcf"):
            raise forms.ValidationError(_("vCards are made for people only."), code="vcard")
        return data


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("The rows are"), choices=ImportKind.choices)
    file = forms.FileField(
        label=_("File"),
        help_text=_("CSV (UTF-8, UTF-16 or Big5; comma, semicolon or tab), XLSX, or vCard."),
    )
    source = forms.CharField(
        label=_("Source"),
        max_length=128,
        required=False,
        help_text=_("Name where the file comes from; its column mapping is remembered."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.KIA_IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s; files up to %(limit)s can be imported.")
                % {
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(settings.KIA_IMPORT_MAX_BYTES),
                }
            )
        return upload


class MappingForm(forms.Form):
    """One choice per column of the file: the field it fills, or nothing."""

    def __init__(self, *args, run, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("(not imported)"))] + [
            (spec.name, spec.label) for spec in FIELDS[run.kind]
        ]
        for index, heading in enumerate(run.header):
            self.fields[f"column_{index}"] = forms.ChoiceField(
                label=heading or _("column %(number)s") % {"number": index + 1},
                choices=choices,
                required=False,
                initial=run.mapping.get(str(index), ""),
            )


def mapping_from(data):
    """{column index: field name} from a MappingForm's cleaned data."""
    return {int(name.removeprefix("column_")): value for name, value in data.items() if value}


class MergeForm(forms.Form):
    """Which record survives, and for each field that differs, whose value it keeps."""

    def __init__(self, *args, first, second, **kwargs):
        super().__init__(*args, **kwargs)
        self.first, self.second = first, second
        model = type(first)
        self.fields["survivor"] = forms.ChoiceField(
            label=_("Record that stays"),
            choices=[("first", f"#{first.pk}"), ("second", f"#{second.pk}")],
            widget=forms.RadioSelect,
            initial="first",
        )
        self.rows = []
        for field in mergeable_fields(model):
            one = field.value_from_object(first)
            two = field.value_from_object(second)
            if one == two or (one in (None, "", []) and two in (None, "", [])):
                continue
            shown = [_shown(model, field, first), _shown(model, field, second)]
            self.fields[field.name] = forms.ChoiceField(
                label=field_label(model, field.name),
                choices=[("first", shown[0]), ("second", shown[1])],
                widget=forms.RadioSelect,
                # The value that is there wins over an empty one; otherwise the first's.
                initial="second" if one in (None, "", []) else "first",
            )
            self.rows.append(field.name)

    def records(self):
        """(survivor, merged, fields to take from the merged record)."""
        data = self.cleaned_data
        if data["survivor"] == "first":
            survivor, merged, merged_side = self.first, self.second, "second"
        else:
            survivor, merged, merged_side = self.second, self.first, "first"
        take = [name for name in self.rows if data[name] == merged_side]
        return survivor, merged, take


def _shown(model, field, record):
    value = field.value_from_object(record)
    if field.is_relation and value is not None:
        value = str(getattr(record, field.name))
    elif field.name.startswith("phone") and value:
        value = str(value)
    return display_value(model, field.name, value)


def person_chooser():
    """The searchable person chooser crm registers (a select of everyone would list thousands)."""
    from django.db import models
    from wagtail.admin.forms.models import registry

    widget = (registry.get(models.ForeignKey(Person, on_delete=models.PROTECT)) or {}).get("widget")
    return widget() if isinstance(widget, type) else widget or forms.Select()


class HandOverForm(forms.Form):
    successor = forms.ModelChoiceField(
        label=_("Successor"),
        queryset=Person.objects.filter(erased_at__isnull=True),
        help_text=_("The person who now holds the position."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["successor"].widget = person_chooser()

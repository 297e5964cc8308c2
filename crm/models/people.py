"""People and the positions they hold in organisations (affiliations)."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from phonenumber_field.modelfields import PhoneNumberField

from core.constraints import at_most, in_order, one_line
from core.models import IllustrativeModel, TimeStampedModel
from core.validators import NEEDS_MAX_LENGTH, validate_visible_name

from .. import names
from ..enums import Courtesy, NameOrder, OfficeRank
from ..validators import validate_date_order, validate_language_codes
from .organisations import Organisation


# Clusterable so the admin edits a person's affiliations inline (InlinePanel).
class Person(ClusterableModel, IllustrativeModel, TimeStampedModel):
    family_name = models.CharField(
        _("family name"), max_length=128, blank=True, validators=[validate_visible_name]
    )
    given_name = models.CharField(
        _("given name"), max_length=128, blank=True, validators=[validate_visible_name]
    )
    name_order = models.CharField(
        _("name order"),
        max_length=16,
        choices=NameOrder.choices,
        default=NameOrder.GIVEN_FIRST,
        help_text=_("Chinese, Japanese and Korean names print family name first."),
    )
    native_name = models.CharField(
        _("native-script name"),
        max_length=255,
        blank=True,
        help_text=_("The name in the person's own script, e.g. 염태영 or 佐竹敬久."),
        validators=[validate_visible_name],
    )
    chinese_name = models.CharField(
        _("official Chinese name"),
        max_length=64,
        blank=True,
        help_text=_("The Chinese name a foreign dignitary uses in Taiwan, e.g. 酈英傑."),
        validators=[validate_visible_name],
    )
    # "Jr.", "III": it follows the whole name in the Latin script ("Edwin J. Feulner, Jr."), so it
    # cannot live in the given name, which family-name-first printing would put in the middle.
    name_suffix = models.CharField(
        _("name suffix"),
        max_length=16,
        blank=True,
        help_text=_("Jr., Sr., III ... printed after the name in the Latin script."),
        validators=[validate_visible_name],
    )
    honorific = models.CharField(
        _("honorific"),
        max_length=64,
        blank=True,
        help_text=_("In English only: H.E., Hon., Dr., Mayor, Governor ..."),
        validators=[validate_visible_name],
    )
    courtesy_title = models.CharField(
        _("courtesy title"),
        max_length=8,
        choices=Courtesy.choices,
        default=Courtesy.NONE,
        blank=True,
        help_text=_("Mr or Ms: His or Her Excellency, 先生 or 女士 in letters and on cards."),
    )
    preferred_languages = models.JSONField(
        _("preferred languages"),
        default=list,
        blank=True,
        validators=[validate_language_codes],
        help_text=_("Language codes in order of preference, e.g. ko, en."),
    )
    dietary_requirements = models.TextField(
        _("dietary requirements"),
        blank=True,
        max_length=NEEDS_MAX_LENGTH,
        validators=[MaxLengthValidator(NEEDS_MAX_LENGTH)],
    )
    accessibility_needs = models.TextField(
        _("accessibility needs"),
        blank=True,
        max_length=NEEDS_MAX_LENGTH,
        validators=[MaxLengthValidator(NEEDS_MAX_LENGTH)],
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = PhoneNumberField(_("phone"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    precedence_override = models.PositiveSmallIntegerField(
        _("precedence override"),
        null=True,
        blank=True,
        help_text=_(
            "Set only to overrule the rank derived from the office held; lower comes first."
        ),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff login"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
        help_text=_("For office staff: the admin login that belongs to this person."),
    )
    notes = models.TextField(_("notes"), blank=True)
    # Set when the person's personal data was erased on request; the row stays so that the
    # visits, seats and meetings they took part in still count.
    erased_at = models.DateTimeField(_("erased at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["family_name", "given_name"]
        permissions = [
            ("export_person", _("Can export everything held about a person")),
            ("erase_person", _("Can erase a person's personal data")),
            ("export_contact_details", _("Can export people's e-mail addresses and phones")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(family_name="", given_name="", native_name="")
                | Q(erased_at__isnull=False),
                name="crm_person_has_a_name",
                violation_error_message=_("Enter at least a family, given or native name."),
            ),
            one_line("crm_person_names_one_line", "family_name", "given_name", "native_name"),
            at_most(
                "crm_person_needs_length",
                NEEDS_MAX_LENGTH,
                "dietary_requirements",
                "accessibility_needs",
            ),
        ]

    def __str__(self):
        if self.erased_at:
            return gettext("Erased person #%(number)s") % {"number": self.pk}
        return self.full_name

    @property
    def full_name(self):
        return names.format_name(self)

    @property
    def preferred_language(self):
        """The first preferred language this site speaks, else the default."""
        spoken = {code for code, _name in settings.LANGUAGES}
        for code in self.preferred_languages or []:
            if code.lower() in spoken:
                return code.lower()
        return settings.LANGUAGE_CODE


class AffiliationQuerySet(models.QuerySet):
    def as_of(self, date):
        """Affiliations held on a date (open ends count as ongoing)."""
        return self.filter(Q(start_date__isnull=True) | Q(start_date__lte=date)).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=date)
        )


class Affiliation(TimeStampedModel):
    person = ParentalKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="affiliations"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="affiliations",
    )
    # Translated through modeltranslation: position_title_zh_hant, position_title_en, ...
    position_title = models.CharField(
        _("position title"), max_length=255, validators=[validate_visible_name]
    )
    office_rank = models.PositiveSmallIntegerField(
        _("office rank"),
        choices=OfficeRank.choices,
        default=OfficeRank.OFFICIAL,
        help_text=_("Decides protocol precedence while this position is held."),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    is_primary = models.BooleanField(
        _("primary"), default=False, help_text=_("The position printed on badges and cards.")
    )

    objects = AffiliationQuerySet.as_manager()

    class Meta:
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")
        ordering = ["-is_primary", "-start_date"]
        constraints = [
            in_order(
                "crm_affiliation_start_before_end",
                "start_date",
                "end_date",
                nullable=("start_date", "end_date"),
                message=_("The end date cannot be before the start date."),
            ),
        ]

    def __str__(self):
        return f"{self.person} · {self.position_title} · {self.organisation}"

    def clean(self):
        validate_date_order(self.start_date, self.end_date)

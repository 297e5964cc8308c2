"""People, organisations and the dated, typed graph between them."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Greatest, Least
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from phonenumber_field.modelfields import PhoneNumberField

from core.models import GeoPointModel, IllustrativeModel, TimeStampedModel, geo_point_constraints

from .. import names
from ..enums import (
    DatePrecision,
    InteractionKind,
    NameOrder,
    OfficeRank,
    OrganisationKind,
    RelationshipStatus,
    RelationshipType,
)
from ..validators import validate_date_order, validate_language_codes


class OrganisationQuerySet(models.QuerySet):
    def home(self):
        return self.filter(is_home=True)

    def cities(self):
        return self.filter(kind=OrganisationKind.CITY)


class Organisation(IllustrativeModel, GeoPointModel, TimeStampedModel):
    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices)
    # Translated through modeltranslation (crm/translation.py): name_zh_hant, name_en, ...
    name = models.CharField(_("name"), max_length=255)
    native_name = models.CharField(
        _("native-script name"),
        max_length=255,
        blank=True,
        help_text=_("The name as the organisation writes it, e.g. 수원시 or 秋田県."),
    )
    short_name = models.CharField(_("short name"), max_length=64, blank=True)
    country = CountryField(_("country"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    is_home = models.BooleanField(
        _("home organisation"),
        default=False,
        help_text=_("The city this office works for; sister-city ordinals count its ties."),
    )
    website = models.URLField(_("website"), blank=True)
    address = models.TextField(_("address"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    notes = models.TextField(_("notes"), blank=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        # Public pages read the newest updated_at on every cache hit (cms.models._latest).
        indexes = [models.Index(fields=["updated_at"], name="crm_organisation_updated_at")]
        constraints = [
            models.UniqueConstraint(
                fields=["is_home"],
                condition=Q(is_home=True),
                name="crm_organisation_one_home",
                violation_error_message=_("Only one organisation can be the home city."),
            ),
            models.CheckConstraint(
                condition=Q(parent__isnull=True) | ~Q(parent=models.F("pk")),
                name="crm_organisation_not_own_parent",
                violation_error_message=_("An organisation cannot be its own parent."),
            ),
            *geo_point_constraints(),
        ]

    def __str__(self):
        return self.name


# Clusterable so the admin edits a person's affiliations inline (InlinePanel).
class Person(ClusterableModel, IllustrativeModel, TimeStampedModel):
    family_name = models.CharField(_("family name"), max_length=128, blank=True)
    given_name = models.CharField(_("given name"), max_length=128, blank=True)
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
    )
    chinese_name = models.CharField(
        _("official Chinese name"),
        max_length=64,
        blank=True,
        help_text=_("The Chinese name a foreign dignitary uses in Taiwan, e.g. 酈英傑."),
    )
    honorific = models.CharField(
        _("honorific"),
        max_length=64,
        blank=True,
        help_text=_("H.E., Hon., Dr., Mayor, Governor ..."),
    )
    preferred_languages = models.JSONField(
        _("preferred languages"),
        default=list,
        blank=True,
        validators=[validate_language_codes],
        help_text=_("Language codes in order of preference, e.g. ko, en."),
    )
    dietary_requirements = models.TextField(_("dietary requirements"), blank=True)
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True)
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
    position_title = models.CharField(_("position title"), max_length=255)
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
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="crm_affiliation_start_before_end",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
        ]

    def __str__(self):
        return f"{self.person} · {self.position_title} · {self.organisation}"

    def clean(self):
        validate_date_order(self.start_date, self.end_date)


class CooperationArea(models.Model):
    slug = models.SlugField(_("slug"), max_length=64, unique=True)
    # Translated through modeltranslation.
    name = models.CharField(_("name"), max_length=128)

    class Meta:
        verbose_name = _("area of cooperation")
        verbose_name_plural = _("areas of cooperation")
        ordering = ["slug"]

    def __str__(self):
        return self.name


class RelationshipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=RelationshipStatus.ACTIVE)

    def of_types(self, types):
        return self.filter(type__in=types) if types else self

    def as_of(self, date):
        """Ties in force on a date: signed by then and not yet expired or ended."""
        return self.filter(
            Q(signed_on__isnull=True) | Q(signed_on__lte=date),
            Q(expires_on__isnull=True) | Q(expires_on__gte=date),
            Q(ended_on__isnull=True) | Q(ended_on__gt=date),
        ).exclude(status=RelationshipStatus.PROPOSED)

    def involving(self, organisation):
        return self.filter(Q(source=organisation) | Q(target=organisation))


class Relationship(ClusterableModel, IllustrativeModel, TimeStampedModel):
    """A typed, dated tie between two organisations (sister city, MOU, ...).

    Ties are undirected for uniqueness: Kaohsiung-Suwon and Suwon-Kaohsiung are one pair.
    """

    source = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="relationships_out",
    )
    target = models.ForeignKey(
        Organisation,
        verbose_name=_("partner organisation"),
        on_delete=models.PROTECT,
        related_name="relationships_in",
    )
    type = models.CharField(_("type"), max_length=32, choices=RelationshipType.choices)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=RelationshipStatus.choices,
        default=RelationshipStatus.ACTIVE,
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signed_precision = models.CharField(
        _("signing date precision"),
        max_length=8,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("A source that gives only a year or a month is stored as its first day."),
    )
    stated_ordinal = models.PositiveSmallIntegerField(
        _("stated partner number"),
        null=True,
        blank=True,
        help_text=_("The partner's number as an official source states it (Suwon: 34)."),
    )
    source_url = models.URLField(_("source"), max_length=500, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    signatories = models.ManyToManyField(
        Person, verbose_name=_("signatories"), blank=True, related_name="signed_relationships"
    )
    areas = models.ManyToManyField(
        CooperationArea,
        verbose_name=_("areas of cooperation"),
        blank=True,
        related_name="relationships",
    )
    documents = models.ManyToManyField(
        "wagtaildocs.Document", verbose_name=_("documents"), blank=True, related_name="+"
    )
    # Translated through modeltranslation.
    summary = models.TextField(_("summary"), blank=True)
    notes = models.TextField(_("internal notes"), blank=True)

    objects = RelationshipQuerySet.as_manager()

    class Meta:
        verbose_name = _("relationship")
        verbose_name_plural = _("relationships")
        ordering = ["signed_on", "pk"]
        # Public pages read the newest updated_at on every cache hit (cms.models._latest).
        indexes = [models.Index(fields=["updated_at"], name="crm_relationship_updated_at")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(source=models.F("target")),
                name="crm_relationship_distinct_parties",
                violation_error_message=_("An organisation cannot have a tie with itself."),
            ),
            models.CheckConstraint(
                condition=Q(signed_on__isnull=True)
                | Q(expires_on__isnull=True)
                | Q(expires_on__gte=models.F("signed_on")),
                name="crm_relationship_signed_before_expiry",
                violation_error_message=_("The expiry date cannot be before the signing date."),
            ),
            models.CheckConstraint(
                condition=Q(signed_on__isnull=True)
                | Q(ended_on__isnull=True)
                | Q(ended_on__gte=models.F("signed_on")),
                name="crm_relationship_signed_before_end",
                violation_error_message=_("The end date cannot be before the signing date."),
            ),
            models.UniqueConstraint(
                Least("source", "target"),
                Greatest("source", "target"),
                "type",
                condition=Q(status=RelationshipStatus.ACTIVE),
                name="crm_relationship_one_active_per_pair_type",
                violation_error_message=_(
                    "These two organisations already have an active tie of this type."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.source} – {self.target} ({self.get_type_display()})"

    def other_party(self, organisation):
        return self.target if organisation.pk == self.source_id else self.source


class RelationshipRenewal(TimeStampedModel):
    # A ParentalKey so renewals are edited inline on the relationship in the admin.
    relationship = ParentalKey(
        Relationship,
        verbose_name=_("relationship"),
        on_delete=models.CASCADE,
        related_name="renewals",
    )
    renewed_on = models.DateField(_("renewed on"))
    expires_on = models.DateField(_("new expiry date"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("renewal")
        verbose_name_plural = _("renewals")
        ordering = ["renewed_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["relationship", "renewed_on"],
                name="crm_relationshiprenewal_once_a_day",
                violation_error_message=_("This renewal is already recorded."),
            ),
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True) | Q(expires_on__gte=models.F("renewed_on")),
                name="crm_relationshiprenewal_renewed_before_expiry",
                violation_error_message=_("The new expiry date cannot be before the renewal."),
            ),
        ]

    def __str__(self):
        return f"{self.relationship} · {self.renewed_on:%Y-%m-%d}"


class Interaction(IllustrativeModel, TimeStampedModel):
    occurred_on = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=32, choices=InteractionKind.choices)
    subject = models.CharField(_("subject"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    organisations = models.ManyToManyField(
        Organisation, verbose_name=_("organisations"), blank=True, related_name="interactions"
    )
    people = models.ManyToManyField(
        Person, verbose_name=_("people"), blank=True, related_name="interactions"
    )
    relationship = models.ForeignKey(
        Relationship,
        verbose_name=_("relationship"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interactions",
    )
    gift_description = models.CharField(_("gift"), max_length=255, blank=True)
    gift_value = models.DecimalField(
        _("gift value"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    gift_currency = models.CharField(
        _("gift currency"), max_length=3, blank=True, default="TWD", help_text=_("ISO 4217")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("interaction")
        verbose_name_plural = _("interactions")
        ordering = ["-occurred_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(gift_value__isnull=True) | Q(gift_value__gte=0),
                name="crm_interaction_gift_value_not_negative",
                violation_error_message=_("A gift's value cannot be negative."),
            ),
        ]

    def __str__(self):
        return f"{self.occurred_on:%Y-%m-%d} · {self.subject}"


# Models of features that grew later live in modules of their own.
from .days import DayOfNote  # noqa: E402, F401
from .gifts import Gift  # noqa: E402, F401
from .glossary import GlossaryTerm  # noqa: E402, F401
from .imports import ImportRun, ImportSource  # noqa: E402, F401
from .merges import MergedRecord  # noqa: E402, F401
from .search import SearchTerm as SearchTerm  # noqa: E402 (the index sits apart)

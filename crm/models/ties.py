"""Ties between organisations, their renewals and cooperation areas, and interactions."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Greatest, Least
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from core.constraints import in_order
from core.models import IllustrativeModel, TimeStampedModel
from core.validators import validate_visible_name

from ..enums import DatePrecision, InteractionKind, RelationshipStatus, RelationshipType
from .organisations import Organisation
from .people import Person


class CooperationArea(models.Model):
    slug = models.SlugField(_("slug"), max_length=64, unique=True)
    # Translated through modeltranslation.
    name = models.CharField(_("name"), max_length=128, validators=[validate_visible_name])

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
        # Public pages read the newest updated_at on every cache hit (cms.models.base._latest).
        indexes = [models.Index(fields=["updated_at"], name="crm_relationship_updated_at")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(source=models.F("target")),
                name="crm_relationship_distinct_parties",
                violation_error_message=_("An organisation cannot have a tie with itself."),
            ),
            in_order(
                "crm_relationship_signed_before_expiry",
                "signed_on",
                "expires_on",
                nullable=("signed_on", "expires_on"),
                message=_("The expiry date cannot be before the signing date."),
            ),
            in_order(
                "crm_relationship_signed_before_end",
                "signed_on",
                "ended_on",
                nullable=("signed_on", "ended_on"),
                message=_("The end date cannot be before the signing date."),
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

    @property
    def partner(self):
        """The home city's partner: whichever party is not the home city.

        A tie without the home city (a bureau's, say) has its target, the form's "partner
        organisation". Reads is_home on the parties: select them with the tie.
        """
        return self.source if self.target.is_home else self.target

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
            in_order(
                "crm_relationshiprenewal_renewed_before_expiry",
                "renewed_on",
                "expires_on",
                nullable=("expires_on",),
                message=_("The new expiry date cannot be before the renewal."),
            ),
        ]

    def __str__(self):
        return f"{self.relationship} · {self.renewed_on:%Y-%m-%d}"


class Interaction(IllustrativeModel, TimeStampedModel):
    occurred_on = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=32, choices=InteractionKind.choices)
    subject = models.CharField(_("subject"), max_length=255, validators=[validate_visible_name])
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

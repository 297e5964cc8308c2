"""The gift register: what the city gave and received, and where each gift is now."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Case, F, Q, When
from django.utils.translation import gettext_lazy as _

from core.models import IllustrativeModel, TimeStampedModel

from ..enums import GiftDirection

# 公務員廉政倫理規範 第2條第7款: a gift with a market value above NT$3,000 is beyond ordinary
# social custom (docs/decisions.md).
DEFAULT_DECLARATION_THRESHOLD = Decimal("3000")


def declaration_threshold():
    """The ethics threshold in NT$ (setting KIA_GIFT_DECLARATION_THRESHOLD)."""
    return Decimal(
        str(getattr(settings, "KIA_GIFT_DECLARATION_THRESHOLD", DEFAULT_DECLARATION_THRESHOLD))
    )


class GiftQuerySet(models.QuerySet):
    def with_value_twd(self):
        """Annotate `value_in_twd`: the value itself in NT$, else the officer's estimate."""
        return self.annotate(
            value_in_twd=Case(
                When(currency="TWD", then=F("value")),
                default=F("estimated_value_twd"),
                output_field=models.DecimalField(max_digits=12, decimal_places=2),
            )
        )

    def for_declaration(self, threshold=None):
        """Gifts received whose value in NT$ is above the ethics threshold."""
        limit = declaration_threshold() if threshold is None else threshold
        return (
            self.with_value_twd()
            .filter(direction=GiftDirection.RECEIVED, value_in_twd__gt=limit)
            .order_by("-given_on", "-pk")
        )

    def to_recipient(self, *, person=None, organisation=None):
        """Gifts given to this person or organisation."""
        qs = self.filter(direction=GiftDirection.GIVEN)
        if person is not None:
            return qs.filter(counterpart_person=person)
        return qs.filter(counterpart_organisation=organisation)


class Gift(IllustrativeModel, TimeStampedModel):
    """One gift given or received; the counterpart is a person or an organisation."""

    given_on = models.DateField(_("date"))
    occasion = models.CharField(_("occasion"), max_length=255)
    direction = models.CharField(
        _("given or received"), max_length=16, choices=GiftDirection.choices
    )
    description = models.CharField(
        _("gift"), max_length=255, help_text=_("What the gift is, as it will be recognised again.")
    )
    counterpart_person = models.ForeignKey(
        "crm.Person",
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="gifts",
        help_text=_("Who received the city's gift, or who gave one to the city."),
    )
    counterpart_organisation = models.ForeignKey(
        "crm.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="gifts",
    )
    value = models.DecimalField(
        _("value"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    currency = models.CharField(_("currency"), max_length=3, default="TWD", help_text=_("ISO 4217"))
    estimated_value_twd = models.DecimalField(
        _("estimated value in NT$"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_(
            "For a value in another currency: the market value in NT$ for the ethics check."
        ),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    location = models.CharField(
        _("where it is now"),
        max_length=255,
        blank=True,
        help_text=_("E.g. the mayor's office display case, the archive, handed to the recipient."),
    )
    interaction = models.ForeignKey(
        "crm.Interaction",
        verbose_name=_("interaction"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="gifts",
    )
    declared_on = models.DateField(
        _("declared on"),
        null=True,
        blank=True,
        help_text=_("When it was declared to the ethics officer."),
    )

    objects = GiftQuerySet.as_manager()

    class Meta:
        verbose_name = _("gift")
        verbose_name_plural = _("gifts")
        ordering = ["-given_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(counterpart_person__isnull=False)
                | Q(counterpart_organisation__isnull=False),
                name="crm_gift_has_counterpart",
                violation_error_message=_("A gift needs a person or an organisation."),
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=0),
                name="crm_gift_value_not_negative",
                violation_error_message=_("A gift's value cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(estimated_value_twd__isnull=True) | Q(estimated_value_twd__gte=0),
                name="crm_gift_estimate_not_negative",
                violation_error_message=_("A gift's value cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(currency__regex=r"^[A-Z]{3}$"),
                name="crm_gift_currency_iso",
                violation_error_message=_("The currency is a three-letter ISO 4217 code."),
            ),
        ]

    def __str__(self):
        return f"{self.given_on:%Y-%m-%d} · {self.description}"

    @property
    def counterpart(self):
        return self.counterpart_person or self.counterpart_organisation

    @property
    def value_twd(self):
        if self.value is not None and self.currency == "TWD":
            return self.value
        return self.estimated_value_twd

    @property
    def needs_declaration(self):
        value = self.value_twd
        return (
            self.direction == GiftDirection.RECEIVED
            and value is not None
            and value > declaration_threshold()
        )

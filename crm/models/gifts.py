"""The gift register: what the city gave and received, and where each gift is now."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Case, F, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.models import IllustrativeModel, TimeStampedModel

from ..enums import GiftDirection

# 公務員廉政倫理規範 第2條第7款: a gift with a market value above NT$3,000 is beyond ordinary
# social custom (docs/decisions.md).
DEFAULT_DECLARATION_THRESHOLD = Decimal("3000")
# The same point's proviso: gifts from one source in one year are ordinary up to NT$10,000 in all.
DEFAULT_YEARLY_CAP = Decimal("10000")
MONEY = models.DecimalField(max_digits=14, decimal_places=2)


def declaration_threshold():
    """The ethics threshold in NT$ (setting KIA_GIFT_DECLARATION_THRESHOLD)."""
    return Decimal(
        str(getattr(settings, "KIA_GIFT_DECLARATION_THRESHOLD", DEFAULT_DECLARATION_THRESHOLD))
    )


def yearly_cap():
    """The yearly cap in NT$ for gifts from one source (setting KIA_GIFT_YEARLY_CAP)."""
    return Decimal(str(getattr(settings, "KIA_GIFT_YEARLY_CAP", DEFAULT_YEARLY_CAP)))


def _received_value_twd():
    return Case(
        When(currency="TWD", then=F("value")),
        default=F("estimated_value_twd"),
        output_field=MONEY,
    )


def _source_year_total(**same_source):
    """A subquery: NT$ received from the outer gift's source in the outer gift's year."""
    rows = (
        Gift.objects.filter(
            direction=GiftDirection.RECEIVED, given_on__year=OuterRef("gift_year"), **same_source
        )
        .order_by()
        .annotate(one=Value(1))
        .values("one")
        .annotate(total=Sum(_received_value_twd()))
        .values("total")
    )
    return Subquery(rows[:1], output_field=MONEY)


class GiftQuerySet(models.QuerySet):
    def with_value_twd(self):
        """Annotate `value_in_twd`: the value itself in NT$, else the officer's estimate."""
        if "value_in_twd" in self.query.annotations:
            return self
        return self.annotate(
            value_in_twd=Case(
                When(currency="TWD", then=F("value")),
                default=F("estimated_value_twd"),
                output_field=models.DecimalField(max_digits=12, decimal_places=2),
            )
        )

    def with_source_year_total(self):
        """Annotate `source_year_total`: NT$ received from the same source in the same calendar
        year (the source is the organisation when the gift names one, else the person); None
        for gifts given by the city."""
        if "source_year_total" in self.query.annotations:
            return self
        return self.annotate(gift_year=ExtractYear("given_on")).annotate(
            source_year_total=Case(
                When(direction=GiftDirection.GIVEN, then=Value(None, output_field=MONEY)),
                When(
                    counterpart_organisation__isnull=False,
                    then=Coalesce(
                        _source_year_total(
                            counterpart_organisation=OuterRef("counterpart_organisation")
                        ),
                        Value(Decimal(0), output_field=MONEY),
                    ),
                ),
                default=Coalesce(
                    _source_year_total(
                        counterpart_organisation__isnull=True,
                        counterpart_person=OuterRef("counterpart_person"),
                    ),
                    Value(Decimal(0), output_field=MONEY),
                ),
                output_field=MONEY,
            )
        )

    def for_declaration(self, threshold=None, cap=None):
        """Gifts received above the ethics threshold, or from a source whose gifts in that
        calendar year add up to more than the yearly cap."""
        limit = declaration_threshold() if threshold is None else threshold
        cap = yearly_cap() if cap is None else cap
        return (
            self.with_value_twd()
            .with_source_year_total()
            .filter(direction=GiftDirection.RECEIVED)
            .filter(Q(value_in_twd__gt=limit) | Q(source_year_total__gt=cap))
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
    def source(self):
        """Who the yearly cap counts the gift against: the organisation, else the person."""
        return self.counterpart_organisation or self.counterpart_person

    @property
    def above_threshold(self):
        value = self.value_twd
        return (
            self.direction == GiftDirection.RECEIVED
            and value is not None
            and value > declaration_threshold()
        )

    @property
    def year_total_twd(self):
        """NT$ received from this gift's source in its year (annotated on lists, else read)."""
        if self.direction != GiftDirection.RECEIVED:
            return None
        if not hasattr(self, "source_year_total"):
            total = (
                Gift.objects.filter(pk=self.pk).with_source_year_total().first()
                if self.pk
                else None
            )
            self.source_year_total = total.source_year_total if total else self.value_twd
        return self.source_year_total

    @property
    def above_yearly_cap(self):
        total = self.year_total_twd
        return total is not None and total > yearly_cap()

    @property
    def needs_declaration(self):
        return self.above_threshold or self.above_yearly_cap

    @property
    def declaration_reason(self):
        """Why the ethics officer must see this gift, or an empty string."""
        reasons = []
        if self.above_threshold:
            reasons.append(
                gettext("worth more than NT$%(limit)s")
                % {"limit": f"{declaration_threshold():,.0f}"}
            )
        if self.above_yearly_cap:
            reasons.append(
                gettext("NT$%(total)s from %(source)s in %(year)s, above the yearly NT$%(cap)s")
                % {
                    "total": f"{self.year_total_twd:,.0f}",
                    "source": self.source,
                    "year": self.given_on.year,
                    "cap": f"{yearly_cap():,.0f}",
                }
            )
        return "; ".join(reasons)

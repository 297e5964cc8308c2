"""Organisations: cities, governments, offices and the home city this office works for."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.models import GeoPointModel, IllustrativeModel, TimeStampedModel, geo_point_constraints
from core.validators import validate_visible_name

from ..enums import OrganisationKind


class OrganisationQuerySet(models.QuerySet):
    def home(self):
        return self.filter(is_home=True)

    def cities(self):
        return self.filter(kind=OrganisationKind.CITY)


class Organisation(IllustrativeModel, GeoPointModel, TimeStampedModel):
    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices)
    # Translated through modeltranslation (crm/translation.py): name_zh_hant, name_en, ...
    name = models.CharField(_("name"), max_length=255, validators=[validate_visible_name])
    native_name = models.CharField(
        _("native-script name"),
        max_length=255,
        blank=True,
        help_text=_("The name as the organisation writes it, e.g. 수원시 or 秋田県."),
        validators=[validate_visible_name],
    )
    short_name = models.CharField(
        _("short name"), max_length=64, blank=True, validators=[validate_visible_name]
    )
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
        # Public pages read the newest updated_at on every cache hit (cms.models.base._latest).
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

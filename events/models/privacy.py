"""The lifecycle of personal data: how long each kind is kept, and who saw the sensitive kinds."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting

from ..enums import SensitiveAccessContext


class RetentionSettings(BaseGenericSetting):
    """How long personal data is kept after an event ends; `manage.py apply_retention` applies it.

    The defaults are the safe side: a camp's passports are gone a month after it ends.
    """

    sensitive_days = models.PositiveSmallIntegerField(
        _("passport numbers and dates of birth: days kept"),
        default=30,
        validators=[MinValueValidator(0), MaxValueValidator(3650)],
        help_text=_("Erased this many days after the event ends."),
    )
    guest_needs_days = models.PositiveSmallIntegerField(
        _("guests' needs and travel details: days kept"),
        default=90,
        validators=[MinValueValidator(0), MaxValueValidator(3650)],
        help_text=_(
            "Dietary and accessibility needs on invitations, flights and notes of delegation "
            "members: erased this many days after the event ends."
        ),
    )
    rejected_days = models.PositiveSmallIntegerField(
        _("rejected and withdrawn applications: days kept"),
        default=30,
        validators=[MinValueValidator(0), MaxValueValidator(3650)],
        help_text=_("Anonymised this many days after the event ends."),
    )
    registration_months = models.PositiveSmallIntegerField(
        _("other applications: months kept"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_(
            "Anonymised this many months after the event ends; the counts (how many applied, "
            "from which country, with what outcome) stay."
        ),
    )

    class Meta:
        verbose_name = _("data retention")
        verbose_name_plural = _("data retention")

    def __str__(self):
        return str(self._meta.verbose_name)


class SensitiveDataAccess(models.Model):
    """One display of a registration's passport number or date of birth to a member of staff."""

    accessed_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept as text too: the log outlives a deleted login.
    username = models.CharField(_("login"), max_length=150)
    context = models.CharField(_("where"), max_length=16, choices=SensitiveAccessContext.choices)
    registration = models.ForeignKey(
        "events.Registration",
        verbose_name=_("registration"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The registration's number stays when the registration itself is deleted.
    registration_number = models.PositiveBigIntegerField(_("registration no."))
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("passport or birth date view")
        verbose_name_plural = _("passport and birth date views")
        ordering = ["-accessed_at", "-pk"]
        indexes = [
            models.Index(fields=["registration_number"], name="events_access_registration"),
        ]

    def __str__(self):
        return f"{self.username} · {self.get_context_display()} · #{self.registration_number}"

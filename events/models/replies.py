"""What guests' replies leave for staff: reply notices by mail, and needs to copy to a record."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel

from ..enums import ProposedChangeStatus


class ReplyNotificationSettings(models.Model):
    """An officer's choice to get a daily mail of the replies that came in."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="reply_notification_settings",
    )
    daily_digest = models.BooleanField(
        _("daily mail of replies"),
        default=False,
        help_text=_("Once a day, a mail listing the invitation replies of the last day."),
    )
    # The end of the period the last digest covered: the next one starts there, so a late or
    # repeated run neither skips a reply nor mails one twice.
    digest_covered_until = models.DateTimeField(
        _("digest covers replies until"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("reply notification settings")
        verbose_name_plural = _("reply notification settings")

    def __str__(self):
        return str(self.user)


class DietaryChange(TimeStampedModel):
    """A dietary need a guest gave in a reply, waiting for an officer to copy it to the
    person's record (or to ignore it): a reply never rewrites the CRM on its own."""

    invitation = models.ForeignKey(
        "events.Invitation",
        verbose_name=_("invitation"),
        on_delete=models.CASCADE,
        related_name="dietary_changes",
    )
    person = models.ForeignKey(
        "crm.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    proposed = models.TextField(_("dietary requirements given in the reply"))
    on_record = models.TextField(_("dietary requirements on record"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ProposedChangeStatus.choices,
        default=ProposedChangeStatus.PENDING,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("dietary change")
        verbose_name_plural = _("dietary changes")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["invitation"],
                condition=Q(status=ProposedChangeStatus.PENDING),
                name="events_dietarychange_one_pending_per_invitation",
                violation_error_message=_("This reply already waits for a decision."),
            ),
            models.CheckConstraint(
                condition=Q(status=ProposedChangeStatus.PENDING) | Q(decided_at__isnull=False),
                name="events_dietarychange_decided_has_a_time",
                violation_error_message=_("A decided change records when it was decided."),
            ),
        ]

    def __str__(self):
        return gettext("%(person)s: %(proposed)s") % {
            "person": self.person,
            "proposed": self.proposed,
        }

"""Group mail: one message written in the office's languages, sent to each recipient in theirs."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel

from ..enums import MailStatus


class GroupMailing(TimeStampedModel):
    # {language code: text}; a recipient gets their language, else the office's, else English.
    subjects = models.JSONField(_("subjects"), default=dict)
    bodies = models.JSONField(_("bodies"), default=dict)
    # Whom it is for (person pks), as chosen on the list; the worker makes one recipient row
    # each, so choosing a thousand people costs the request no more queries than ten.
    audience = models.JSONField(_("audience"), default=list, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("group mail")
        verbose_name_plural = _("group mail")
        ordering = ["-created_at"]

    def __str__(self):
        subject = self.subjects.get(settings.LANGUAGE_CODE) or next(
            iter(self.subjects.values()), ""
        )
        return f"{self.created_at:%Y-%m-%d} {subject}"


class GroupMailRecipient(models.Model):
    """One person's copy of a group mail and what became of it."""

    mailing = models.ForeignKey(
        GroupMailing,
        verbose_name=_("group mail"),
        on_delete=models.CASCADE,
        related_name="recipients",
    )
    person = models.ForeignKey(
        "crm.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="+"
    )
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=16)
    status = models.CharField(
        _("status"), max_length=16, choices=MailStatus.choices, default=MailStatus.QUEUED
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("group mail recipient")
        verbose_name_plural = _("group mail recipients")
        ordering = ["mailing", "pk"]
        constraints = [
            # One copy per person per mailing, whatever the number of retries.
            models.UniqueConstraint(
                fields=["mailing", "person"],
                name="events_groupmailrecipient_one_per_person",
                violation_error_message=_("This person already receives this mail."),
            ),
            models.CheckConstraint(
                condition=~Q(status=MailStatus.SENT) | Q(sent_at__isnull=False),
                name="events_groupmailrecipient_sent_has_a_time",
                violation_error_message=_("A sent mail records when it was sent."),
            ),
        ]

    def __str__(self):
        return f"{self.person} <{self.email}>"

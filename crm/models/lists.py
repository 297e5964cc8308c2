"""Mailing lists: the people who get a kind of mail ("New Year cards", "Luncheon invitations").

A list is kept by staff in the admin; its members move with a hand-over, so a successor in a
representative office receives what the predecessor used to.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from core.models import IllustrativeModel, TimeStampedModel


class MailingList(IllustrativeModel, TimeStampedModel, ClusterableModel):
    name = models.CharField(_("name"), max_length=255, unique=True)
    purpose = models.TextField(
        _("purpose"),
        blank=True,
        help_text=_("What the list is for, e.g. the New Year cards or the mayor's luncheon."),
    )

    class Meta:
        verbose_name = _("mailing list")
        verbose_name_plural = _("mailing lists")
        ordering = ["name"]

    def __str__(self):
        return self.name


class MailingListMember(models.Model):
    """One person on one list (edited inline on the list)."""

    mailing_list = ParentalKey(
        MailingList,
        verbose_name=_("mailing list"),
        on_delete=models.CASCADE,
        related_name="members",
    )
    person = models.ForeignKey(
        "crm.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="list_memberships",
    )
    added_on = models.DateField(_("added on"), auto_now_add=True)

    class Meta:
        verbose_name = _("list member")
        verbose_name_plural = _("list members")
        ordering = ["mailing_list", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["mailing_list", "person"],
                name="crm_mailinglistmember_once_per_list",
                violation_error_message=_("This person is already on the list."),
            )
        ]

    def __str__(self):
        return f"{self.person} · {self.mailing_list}"

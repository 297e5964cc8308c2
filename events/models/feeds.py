"""Secret tokens behind private calendar feeds."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel

from ..enums import FeedKind


class FeedToken(TimeStampedModel):
    """A private feed's capability. Only a hash of the secret is stored."""

    kind = models.CharField(_("kind"), max_length=16, choices=FeedKind.choices)
    label = models.CharField(_("label"), max_length=255, blank=True)
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True, editable=False)
    delegation = models.ForeignKey(
        "events.Delegation",
        verbose_name=_("delegation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="feed_tokens",
    )
    person = models.ForeignKey(
        "crm.Person",
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="feed_tokens",
    )
    resource = models.ForeignKey(
        "events.Resource",
        verbose_name=_("resource"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="feed_tokens",
    )
    language = models.CharField(
        _("language"),
        max_length=16,
        blank=True,
        help_text=_("Empty: the subscriber's preferred language."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("calendar feed link")
        verbose_name_plural = _("calendar feed links")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        kind=FeedKind.DELEGATION,
                        delegation__isnull=False,
                        person__isnull=True,
                        resource__isnull=True,
                    )
                    | Q(
                        kind=FeedKind.PERSON,
                        delegation__isnull=True,
                        person__isnull=False,
                        resource__isnull=True,
                    )
                    | Q(
                        kind=FeedKind.RESOURCE,
                        delegation__isnull=True,
                        person__isnull=True,
                        resource__isnull=False,
                    )
                    | Q(
                        kind=FeedKind.AGREEMENTS,
                        delegation__isnull=True,
                        person__isnull=True,
                        resource__isnull=True,
                    )
                ),
                name="events_feedtoken_target_matches_kind",
                violation_error_message=_("A feed link needs exactly the target its kind names."),
            ),
        ]

    def __str__(self):
        return self.label or self.get_kind_display()

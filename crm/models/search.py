"""The admin search index: terms per record, kept beside the records they describe."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class SearchTerm(models.Model):
    """One term (crm/searchtext.py) under which a record is found.

    `kind` names a registered searchable kind (person, organisation, event, ...), so apps
    above crm index their records here without crm knowing their models. A lower `weight`
    ranks first: 0 the record's own name, 1 its other names and contact details, 2 what it is
    found through (a person through the organisations they work for).
    """

    kind = models.CharField(_("kind"), max_length=32)
    object_id = models.BigIntegerField(_("record"))
    term = models.CharField(_("term"), max_length=64)
    weight = models.PositiveSmallIntegerField(_("weight"), default=0)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "term"], name="crm_searchterm_once_per_record"
            ),
            models.CheckConstraint(condition=~Q(term=""), name="crm_searchterm_not_empty"),
        ]
        indexes = [
            # Prefix lookups: a range scan on SQLite, LIKE 'x%' on PostgreSQL (pattern ops).
            models.Index(
                fields=["kind", "term"],
                name="crm_searchterm_prefix",
                opclasses=["varchar_pattern_ops", "varchar_pattern_ops"],
            ),
        ]

    def __str__(self):
        return f"{self.kind}:{self.object_id} {self.term}"

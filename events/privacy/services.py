"""Writes of the personal-data lifecycle: the access record, anonymising, applying retention."""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import CharField, Q, QuerySet, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from ..enums import RegistrationStatus
from ..models import (
    DelegationMember,
    Invitation,
    InvitationCompanion,
    Registration,
    RetentionSettings,
    SensitiveDataAccess,
)

# An address no mail can reach (RFC 2606), unique per row so that the one-application-per-
# address rule still holds for anonymised rows of the same event.
ANONYMOUS_EMAIL_DOMAIN = "@anonymised.invalid"
SENSITIVE_FIELDS = ("passport_number", "date_of_birth")
# Blank on anonymising: everything that names or reaches the applicant. What stays (event,
# status, nationality, language, home organisation, score, dates) is what the counts need.
REGISTRATION_PERSONAL_FIELDS = {
    "family_name": "",
    "given_name": "",
    "native_name": "",
    "phone": "",
    "university": "",
    "passport_number": "",
    "date_of_birth": None,
    "emergency_contact_name": "",
    "emergency_contact_phone": "",
    "dietary_requirements": "",
    "review_note": "",
    "checkin_code": None,
}
INVITATION_NEEDS = {"dietary_requirements": "", "accessibility_needs": ""}
MEMBER_TRAVEL = {
    "arrival_flight": "",
    "arrival_airport": "",
    "departure_flight": "",
    "departure_airport": "",
    "notes": "",
}


def _has_sensitive_values():
    return Q(passport_number__isnull=False) | Q(date_of_birth__isnull=False)


def record_sensitive_access(registrations, *, user, context, username=None):
    """Record that `user` was shown the passport numbers and birth dates of `registrations`.

    registrations: a queryset (an export, a list) or instances. Only registrations that hold a
    passport number or a date of birth are recorded: an empty field showed nothing.
    """
    if isinstance(registrations, QuerySet):
        rows = registrations.filter(_has_sensitive_values()).values_list("pk", "event_id")
    else:
        rows = [
            (registration.pk, registration.event_id)
            for registration in registrations
            if registration.passport_number or registration.date_of_birth
        ]
    name = username or (user.get_username() if user is not None else "")
    now = timezone.now()
    return SensitiveDataAccess.objects.bulk_create(
        SensitiveDataAccess(
            accessed_at=now,
            user=user,
            username=name,
            context=context,
            registration_id=pk,
            registration_number=pk,
            event_id=event_id,
        )
        for pk, event_id in rows
    )


def anonymise_registrations(registrations, *, now=None):
    """Blank the applicants' personal fields; the rows and their counts stay. Returns how many.

    The audit log's labels of these registrations (which carried the applicant's name) become
    their number.
    """
    now = now or timezone.now()
    pks = list(registrations.filter(anonymised_at__isnull=True).values_list("pk", flat=True))
    if not pks:
        return 0
    Registration.objects.filter(pk__in=pks).update(
        **REGISTRATION_PERSONAL_FIELDS,
        email=Concat(Value("anonymised-"), Cast("pk", CharField()), Value(ANONYMOUS_EMAIL_DOMAIN)),
        anonymised_at=now,
        updated_at=now,
    )
    relabel_log_entries(Registration, pks)
    return len(pks)


def relabel_log_entries(model, pks):
    """Audit entries of these records keep who did what and when, not whose name it was."""
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    ModelLogEntry.objects.filter(
        content_type=content_type, object_id__in=[str(pk) for pk in pks]
    ).update(label=Concat(Value("#"), "object_id"))


def months_before(moment, months):
    """The same day and time `months` calendar months earlier (the last day if shorter)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month - datetime.timedelta(days=1)).day
    return moment.replace(year=year, month=month, day=min(moment.day, last_day))


@dataclass(frozen=True)
class RetentionRule:
    key: str
    label: str
    count: int


def _due(now, rules):
    """Querysets of what each retention rule erases at `now`."""
    days = datetime.timedelta(days=1)
    sensitive_cutoff = now - rules.sensitive_days * days
    needs_cutoff = now - rules.guest_needs_days * days
    rejected_cutoff = now - rules.rejected_days * days
    registration_cutoff = months_before(now, rules.registration_months)
    open_registrations = Registration.objects.filter(anonymised_at__isnull=True)
    closed_statuses = [RegistrationStatus.REJECTED, RegistrationStatus.WITHDRAWN]
    return {
        "sensitive": Registration.objects.filter(
            _has_sensitive_values(), event__ends_at__lt=sensitive_cutoff
        ),
        "invitation_needs": Invitation.objects.filter(event__ends_at__lt=needs_cutoff).exclude(
            dietary_requirements="", accessibility_needs=""
        ),
        "member_travel": DelegationMember.objects.filter(
            delegation__event__ends_at__lt=needs_cutoff
        ).exclude(**MEMBER_TRAVEL),
        "rejected": open_registrations.filter(
            status__in=closed_statuses, event__ends_at__lt=rejected_cutoff
        ),
        # Without those the rule above takes, so a dry run counts each application once.
        "registrations": open_registrations.filter(event__ends_at__lt=registration_cutoff).exclude(
            status__in=closed_statuses, event__ends_at__lt=rejected_cutoff
        ),
    }


RULE_LABELS = {
    "sensitive": _("passport numbers and dates of birth erased"),
    "invitation_needs": _("guests' dietary and accessibility needs erased"),
    "member_travel": _("delegation members' flights and notes erased"),
    "rejected": _("rejected and withdrawn applications anonymised"),
    "registrations": _("applications anonymised"),
}


@transaction.atomic
def apply_retention(*, now=None, dry_run=False):
    """Erase what the retention settings no longer allow to keep; the list of rules applied.

    dry_run counts what is due and changes nothing. Each run leaves one audit entry (on the
    retention settings) with the counts, never the values.
    """
    now = now or timezone.now()
    rules = RetentionSettings.load()
    due = _due(now, rules)
    counts = {key: queryset.count() for key, queryset in due.items()}
    if not dry_run:
        counts["sensitive"] = due["sensitive"].update(
            passport_number="", date_of_birth=None, updated_at=now
        )
        counts["rejected"] = anonymise_registrations(due["rejected"], now=now)
        counts["registrations"] = anonymise_registrations(due["registrations"], now=now)
        counts["invitation_needs"] = due["invitation_needs"].update(
            **INVITATION_NEEDS, updated_at=now
        )
        # Companions' needs go with their host's, under the same period (names stay: a
        # seating plan and its print pack still need them until the event's records go).
        InvitationCompanion.objects.filter(
            invitation__event__ends_at__lt=now - rules.guest_needs_days * datetime.timedelta(1)
        ).exclude(**INVITATION_NEEDS).update(**INVITATION_NEEDS, updated_at=now)
        counts["member_travel"] = due["member_travel"].update(**MEMBER_TRAVEL, updated_at=now)
        if any(counts.values()):
            log(rules, "events.retention_applied", user=None, data={"counts": counts})
    return [RetentionRule(key, RULE_LABELS[key], counts[key]) for key in RULE_LABELS]

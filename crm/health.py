"""Relationship health: a score out of 100 with the reasons that took points off.

A pure function of plain values (no database), so the rules are table-tested and the same
rules serve the admin list and anything else that wants them. The facts are gathered by
events/selectors/health.py, which alone sees both contacts and visits.
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

WINDOW_YEARS = 5
GOOD = 70
WATCH = 40


@dataclass(frozen=True)
class Health:
    score: int
    reasons: tuple
    anniversary: tuple | None = None  # (date, years) of the next round anniversary ahead

    @property
    def band(self):
        return "good" if self.score >= GOOD else "watch" if self.score >= WATCH else "poor"


def is_round(years):
    """5, 10, 20 and 25 years, then every five from 30: the anniversaries cities mark."""
    return years in (5, 10, 20, 25) or (years >= 30 and years % 5 == 0)


def next_anniversary(signed_on, today, *, within_days=365):
    """(date, years) of the next round anniversary within `within_days`, or None."""
    if signed_on is None:
        return None
    for years in range(max(1, today.year - signed_on.year), today.year - signed_on.year + 3):
        if not is_round(years):
            continue
        try:
            date = signed_on.replace(year=signed_on.year + years)
        except ValueError:  # 29 February
            date = signed_on.replace(year=signed_on.year + years, day=28)
        if today <= date <= today + datetime.timedelta(days=within_days):
            return date, years
    return None


def relationship_health(
    *, today, visits_in, visits_out, last_contact, signed_on, expires_on, years=WINDOW_YEARS
):
    """Score a tie from its visits each way in the last `years`, last contact and expiry."""
    score = 100
    reasons = []
    if visits_in + visits_out == 0:
        score -= 40
        reasons.append(_("No visit either way in the last %(years)d years.") % {"years": years})
    elif visits_out == 0:
        score -= 20
        reasons.append(_("Only visits to us (%(count)d); none returned.") % {"count": visits_in})
    elif visits_in == 0:
        score -= 20
        reasons.append(_("Only we visited (%(count)d); no visit returned.") % {"count": visits_out})
    elif min(visits_in, visits_out) * 3 < max(visits_in, visits_out):
        score -= 10
        reasons.append(
            _("Visits are one-sided: %(inbound)d in, %(outbound)d out.")
            % {"inbound": visits_in, "outbound": visits_out}
        )
    if last_contact is None:
        score -= 30
        reasons.append(_("No contact on record."))
    else:
        days = (today - last_contact).days
        if days > 730:
            score -= 30
            reasons.append(
                _("Last contact over two years ago (%(date)s).") % {"date": last_contact}
            )
        elif days > 365:
            score -= 15
            reasons.append(_("Last contact over a year ago (%(date)s).") % {"date": last_contact})
    if expires_on is not None:
        if expires_on < today:
            score -= 30
            reasons.append(_("Expired on %(date)s.") % {"date": expires_on})
        elif (expires_on - today).days <= 180:
            score -= 15
            reasons.append(_("Renewal due by %(date)s.") % {"date": expires_on})
    anniversary = next_anniversary(signed_on, today)
    if anniversary:
        # Not a fault: an occasion for a visit, listed so that it is planned in time.
        reasons.append(
            _("%(years)d years on %(date)s: an occasion for a visit.")
            % {"years": anniversary[1], "date": anniversary[0]}
        )
    return Health(max(0, score), tuple(reasons), anniversary)

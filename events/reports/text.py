"""The report's sentences in the reader's language, in the manner of the printed report.

The 2019 report opens "108年計接待外賓60團855人": the year in the Republic of China calendar
for a Chinese reader, the figures run into the text. The year's form is itself a translation
(context "calendar of report years"), so each catalogue chooses its calendar.
"""

from django.utils.translation import get_language, gettext, ngettext, pgettext

ROC_EPOCH = 1911


def year_label(year):
    """The year as the active language writes it: 108年 in Chinese, 2019年 in Japanese..."""
    # Translators: "roc" if readers of this language count years in the Republic of China
    # calendar (2019 is 108), otherwise "gregorian".
    if pgettext("calendar of report years", "gregorian") == "roc":
        year -= ROC_EPOCH
    return pgettext("report year", "year %(year)s") % {"year": year}


def number(value):
    return f"{value:,}"


def summary_paragraph(report):
    """One paragraph stating the year's figures (the report's opening), in the active language."""
    year = year_label(report.year)
    sentences = [
        gettext("%(year)s: %(visits)s foreign delegations with %(visitors)s visitors received.")
        % {"year": year, "visits": number(report.visits), "visitors": number(report.visitors)}
    ]
    sentences += [sentence for _tie, sentence in tie_sentences(report)[: len(report.new_ties)]]
    if report.renewals:
        sentences.append(
            ngettext(
                "%(count)s agreement renewed.",
                "%(count)s agreements renewed.",
                len(report.renewals),
            )
            % {"count": len(report.renewals)}
        )
    if report.outbound_missions:
        count = len(report.outbound_missions)
        sentences.append(
            ngettext("%(count)s mission abroad.", "%(count)s missions abroad.", count)
            % {"count": count}
        )
    for centre, rooms in report.room_bookings_by_centre.items():
        sentences.append(
            gettext(
                "%(centre)s: meeting rooms booked %(rooms)s times, halls opened %(halls)s times."
            )
            % {
                "centre": centre,
                "rooms": number(rooms),
                "halls": number(report.hall_openings_by_centre.get(centre, 0)),
            }
        )
    sentences.append(
        gettext("Official cars made %(trips)s trips.") % {"trips": number(report.car_trips)}
    )
    # Chinese and Japanese run sentences together after their full stop; the others space them.
    separator = "" if get_language().startswith(("zh", "ja")) else " "
    return separator.join(sentences)


def tie_sentences(report):
    """(tie, sentence) for each sister-city action: new ties, renewals, anniversaries."""
    lines = [
        (
            tie.relationship,
            gettext("%(city)s became sister or friendship city no. %(number)s.")
            % {"city": tie.relationship.partner, "number": tie.ordinal},
        )
        for tie in report.new_ties
    ]
    lines += [
        (
            renewal.relationship,
            gettext("%(date)s: agreement with %(partner)s renewed.")
            % {"date": renewal.renewed_on.isoformat(), "partner": renewal.relationship.partner},
        )
        for renewal in report.renewals
    ]
    lines += [
        (
            item.relationship,
            gettext("%(date)s: %(years)s years of ties with %(partner)s.")
            % {
                "date": item.date.isoformat(),
                "years": item.years,
                "partner": item.relationship.partner,
            },
        )
        for item in report.anniversaries
    ]
    return lines

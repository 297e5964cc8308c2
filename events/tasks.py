"""Background work for events: mail to guests and applicants (django-tasks).

Each message is rendered in its reader's language with translation.override, so the
subject, the body and the event's translated title all speak to the reader. Tasks take
primary keys, not objects: a real queue serialises arguments as JSON.
"""

import secrets

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from core.links import public_url
from core.tasks import send_mail_once
from crm.address import address
from crm.enums import OccasionOfAddress
from crm.glossary import load_handbook
from crm.selectors.precedence import title_as_of

from . import ical
from .checkin_codes import CHECKIN_ALPHABET, CHECKIN_LENGTH, checkin_qr_png
from .models import Invitation, Registration
from .selectors.registrations import name_holder, registration_name

INVITATION_MAILS = ("invitation", "reminder", "promoted", "cancellation")
# The mails that carry the guest's RSVP link (a cancellation has nothing left to answer).
LINK_MAILS = ("invitation", "reminder", "promoted")
REGISTRATION_MAILS = ("received", "accepted", "waitlisted", "rejected")


def rsvp_url(token, language):
    """The public RSVP page that `token` (an invitation's secret) opens, in `language`."""
    # The public site owns the address (cms.urls, under the language prefix); a mail is sent
    # outside any request, so the configured base URL supplies scheme and host.
    with translation.override(language):
        path = reverse("cms:rsvp", kwargs={"token": token})
    return public_url(path)


def _render(template_stem, context):
    subject = render_to_string(f"events/email/{template_stem}_subject.txt", context)
    body = render_to_string(f"events/email/{template_stem}_body.txt", context)
    # A header cannot hold a line break; templates end with one.
    return " ".join(subject.split()), body


def build_invitation_message(invitation, *, kind="invitation"):
    """The invitation (or reminder, promotion, cancellation) mail in the guest's language.

    It carries the event as a text/calendar part (events.ical.invitation_mime_part). A mail
    with the RSVP link needs the secret just issued (`invitation.token`, issue_token()):
    only its hash is stored.
    """
    if kind not in INVITATION_MAILS:
        raise ValueError(f"unknown invitation mail {kind!r}")
    token = getattr(invitation, "token", None)
    if kind in LINK_MAILS and not token:
        raise ValueError("issue the invitation's token before building a mail with its link")
    person = invitation.person
    language = person.preferred_language
    # "Dear Mayor Yeom," / "松山市長 野志克仁 様": the guest's office on the event's day,
    # written as the official names handbook writes it.
    title = title_as_of(person, invitation.event.local_date)
    salutation = address(
        person,
        language=language,
        occasion=OccasionOfAddress.SALUTATION,
        affiliation=title,
        handbook=load_handbook([title]),
    ).text
    with translation.override(language):
        subject, body = _render(
            f"{kind}",
            {
                "salutation": salutation,
                "invitation": invitation,
                "event": invitation.event,
                "person": person,
                "starts_at": timezone.localtime(invitation.event.starts_at),
                "respond_by": invitation.respond_by and timezone.localtime(invitation.respond_by),
                "rsvp_url": token and rsvp_url(token, language),
            },
        )
        calendar_part = ical.invitation_mime_part(invitation)
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[person.email],
        headers={"Content-Language": language},
    )
    # The guest's own calendar adds the event (METHOD:REQUEST), or drops it once cancelled.
    message.attach(calendar_part)
    return message


def build_registration_message(registration, *, kind):
    """A mail to an applicant about their registration, in the language they applied in."""
    if kind not in REGISTRATION_MAILS:
        raise ValueError(f"unknown registration mail {kind!r}")
    with translation.override(registration.language):
        subject, body = _render(
            f"registration_{kind}",
            {
                "registration": registration,
                "name": registration_name(registration),
                "salutation": address(
                    name_holder(registration),
                    language=registration.language,
                    occasion=OccasionOfAddress.SALUTATION,
                ).text,
                "event": registration.event,
                "starts_at": timezone.localtime(registration.event.starts_at),
            },
        )
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[registration.email],
        headers={"Content-Language": registration.language},
    )
    if kind == "accepted" and registration.checkin_code:
        # The door scans this QR code.
        message.attach("check-in.png", checkin_qr_png(registration.checkin_code), "image/png")
    return message


def assign_checkin_code(registration_id):
    """Give an accepted registration without one a unique check-in code; returns the code."""
    while True:
        code = "".join(secrets.choice(CHECKIN_ALPHABET) for _ in range(CHECKIN_LENGTH))
        if Registration.objects.filter(checkin_code=code).exists():
            continue
        updated = Registration.objects.filter(pk=registration_id, checkin_code__isnull=True).update(
            checkin_code=code
        )
        if updated:
            return code
        return Registration.objects.values_list("checkin_code", flat=True).get(pk=registration_id)


@task(takes_context=True)
def send_invitation_mail(context, invitation_id, kind="invitation", attempt=1):
    """Send one invitation mail; returns the number of messages sent (0 or 1).

    A mail with the RSVP link gets a new secret, made here as the mail is sent: the queue never
    holds a secret, and only the newest link works. If sending fails the transaction rolls
    back and the previous link stays valid. An unreachable mail server queues the task again
    (`attempt` counts the tries; core.tasks.send_mail_once).
    """

    def build():
        invitation = (
            Invitation.objects.select_for_update()
            .select_related("event", "person")
            .get(pk=invitation_id)
        )
        if kind in LINK_MAILS:
            invitation.issue_token()
            invitation.save(update_fields=["token_hash", "updated_at"])
        return build_invitation_message(invitation, kind=kind)

    return send_mail_once(context, build)


@task(takes_context=True)
def send_registration_mail(context, registration_id, kind, attempt=1):
    """Send one mail about a registration; returns the number of messages sent (0 or 1).

    Sent once per task, retried later while the mail server is unreachable (`attempt` counts
    the tries; core.tasks.send_mail_once).
    """

    def build():
        registration = Registration.objects.select_related("event").get(pk=registration_id)
        if kind == "accepted" and not registration.checkin_code:
            # Accepted in bulk: the code is made here, one row at a time, not in the bulk query.
            registration.checkin_code = assign_checkin_code(registration.pk)
        return build_registration_message(registration, kind=kind)

    return send_mail_once(context, build)

"""Public form views: event registration and invitation RSVP. Parse, call one service, render."""

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from core.forms import add_service_errors
from crm.address import address
from crm.enums import OccasionOfAddress
from crm.glossary import load_handbook
from crm.selectors.precedence import title_as_of
from events.models import Event, Invitation, Registration
from events.selectors.invitations import get_invitation_for_token
from events.selectors.registrations import registration_state
from events.services.invitations import respond_to_invitation
from events.services.registrations import submit_registration

from .forms import RegistrationForm, RsvpForm
from .ratelimit import FAILED, SUBMITTED, count_attempt, over_rate_limit

CONFIRMATION_SALT = "cms.registration-confirmation"
CONFIRMATION_MAX_AGE = 60 * 60 * 24 * 30


def _public_event(uid):
    return get_object_or_404(
        Event.objects.public().select_related("venue"), uid=uid, takes_registrations=True
    )


@never_cache
@csrf_protect
def register(request, uid):
    event = _public_event(uid)
    state = registration_state(event, language=get_language())
    context = {"event": event, "registration": state}
    if not state.is_open:
        # Closed or full: say so, show no form and accept nothing, whatever was posted.
        return render(request, "cms/register.html", context)
    form = RegistrationForm(event, request.POST or None)
    scope = f"register:{event.uid}"
    if request.method == "POST":
        if over_rate_limit(request, scope):
            context.update(form=form, rate_limited=True)
            return render(request, "cms/register.html", context, status=429)
        if form.is_spam:
            count_attempt(request, scope, FAILED)
            return render(request, "cms/register_done.html", {"event": event})
        if form.is_valid():
            try:
                registration = submit_registration(
                    event, data=form.registration_data(), language=get_language()
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                count_attempt(request, scope, SUBMITTED)
                token = signing.dumps(registration.pk, salt=CONFIRMATION_SALT)
                return redirect("cms:register_done", uid=event.uid, token=token)
        count_attempt(request, scope, FAILED)
    context["form"] = form
    return render(request, "cms/register.html", context, status=400 if form.errors else 200)


@never_cache
def register_done(request, uid, token):
    try:
        pk = signing.loads(token, salt=CONFIRMATION_SALT, max_age=CONFIRMATION_MAX_AGE)
    except signing.BadSignature as error:
        raise Http404 from error
    registration = get_object_or_404(
        Registration.objects.select_related("event"), pk=pk, event__uid=uid
    )
    return render(
        request,
        "cms/register_done.html",
        {"event": registration.event, "application": registration},
    )


@never_cache
@csrf_protect
def rsvp(request, token):
    try:
        invitation = get_invitation_for_token(token)
    except Invitation.DoesNotExist as error:
        raise Http404 from error
    form = RsvpForm(invitation, request.POST or None)
    status = 200
    if request.method == "POST":
        if over_rate_limit(request, "rsvp"):
            form.add_error(None, gettext("Too many attempts from your network; try again later."))
            status = 429
        elif form.is_valid():
            try:
                respond_to_invitation(invitation, **form.reply())
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                count_attempt(request, "rsvp", SUBMITTED)
                messages.success(request, gettext("Thank you: your reply is recorded."))
                return redirect(request.path)
        if form.errors and status == 200:
            count_attempt(request, "rsvp", FAILED)
            status = 400
    # The guest as their invitation's envelope names them, in the page's language.
    title = title_as_of(invitation.person, invitation.event.local_date)
    guest = address(
        invitation.person,
        language=get_language(),
        occasion=OccasionOfAddress.ENVELOPE,
        affiliation=title,
        handbook=load_handbook([title]),
    ).text
    context = {"invitation": invitation, "event": invitation.event, "form": form, "guest": guest}
    return render(request, "cms/rsvp.html", context, status=status)


def robots_txt(request):
    """Crawlers may read the public pages; admin and personal links stay out of indexes."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /feeds/private/",
        *(f"Disallow: /{code}/rsvp/" for code, _name in settings.LANGUAGES),
        *(f"Disallow: /{code}/register/" for code, _name in settings.LANGUAGES),
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")

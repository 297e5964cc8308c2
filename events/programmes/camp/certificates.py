"""Certificates of participation (PDF), one page per accepted participant.

Each page speaks the participant's language (the one they applied in) and prints their name
as they write it: the native-script form large when they gave one, the Latin form below it,
family name first for Chinese, Japanese and Korean names. Fonts and the per-script face
choice are events/pdf.py's, as in the print pack, so text stays extractable and every script
gets its own glyphs.
"""

from django.core.exceptions import ValidationError
from django.utils import formats, timezone, translation
from django.utils.translation import gettext

from crm import names

from ...enums import RegistrationStatus
from ...models import Registration
from ...pdf import Document
from ...selectors.registrations import name_holder

# The language whose glyphs suit a Han name from this country.
HAN_LANGUAGE = {"JP": "ja", "KR": "ko", "KP": "ko", "CN": "zh-hans", "SG": "zh-hans"}


def certificate_names(registration):
    """(large name, smaller Latin name or "") as printed on the certificate."""
    holder = name_holder(registration)
    latin = names.format_name(holder)
    native = names.format_name(holder, script="native")
    # 陳怡君 typed as family 陳, given 怡君 prints as "陳 怡君": the same name, shown once.
    if not native:
        return latin, ""
    if "".join(native.split()) == "".join(latin.split()):
        return native, ""
    return native, latin


def _page(pdf, registration):
    event = registration.event
    language = registration.language
    country = str(registration.nationality)
    pdf.add_page(orientation="L")
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_draw_color(0, 90, 110)
    pdf.set_line_width(1.2)
    pdf.rect(8, 8, pdf.w - 16, pdf.h - 16)
    pdf.set_line_width(0.3)
    pdf.rect(11, 11, pdf.w - 22, pdf.h - 22)

    def centred(text, size, y, *, hint=language):
        pdf.fit(text, width - 20, size, language=hint)
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(width, size * 0.5, text, align="C")

    centred(gettext("Certificate of participation"), 30, 34)
    centred(gettext("This is to certify that"), 14, 62)
    large, latin = certificate_names(registration)
    centred(large, 34, 78, hint=HAN_LANGUAGE.get(country, language))
    if latin:
        centred(latin, 16, 100)
    first = formats.date_format(timezone.localdate(event.starts_at), "DATE_FORMAT")
    last = formats.date_format(timezone.localdate(event.ends_at), "DATE_FORMAT")
    centred(gettext("took part in"), 14, 116)
    centred(str(event.title), 20, 128)
    centred(
        gettext("from %(first)s to %(last)s") % {"first": first, "last": last}
        if first != last
        else first,
        13,
        142,
    )
    host = str(event.host_organisation or "")
    if host:
        centred(host, 14, 166)
    centred(formats.date_format(timezone.localdate(event.ends_at), "DATE_FORMAT"), 11, 178)


def render_certificates(registrations):
    """Certificates of participation as one PDF, one page per accepted registration given."""
    registrations = [r for r in registrations if r.status == RegistrationStatus.ACCEPTED]
    title = str(registrations[0].event.title) if registrations else gettext("Certificates")
    pdf = Document(title=title, orientation="L")
    pdf.set_auto_page_break(False)
    for registration in registrations:
        # Each page in its reader's language, including the event's translated title.
        with translation.override(registration.language):
            _page(pdf, registration)
    if pdf.page == 0:
        pdf.add_page()
    return bytes(pdf.output())


def render_certificate(registration):
    """One participant's certificate of participation as PDF bytes."""
    if registration.status != RegistrationStatus.ACCEPTED:
        raise ValidationError(
            gettext("Certificates are issued to accepted participants only."),
            code="not_accepted",
        )
    return render_certificates([registration])


def event_certificates(event):
    """Certificates for every accepted participant of an event, by family name."""
    registrations = (
        Registration.objects.filter(event=event, status=RegistrationStatus.ACCEPTED)
        .select_related("event", "event__host_organisation", "person")
        .order_by("family_name", "given_name", "pk")
    )
    return render_certificates(registrations)

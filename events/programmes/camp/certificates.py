"""Certificates of participation (PDF), one page per accepted participant.

The pack's language is chosen when it is printed: one language for every page, or each
participant's own (the one they applied in, the default). Names are written as a protocol
officer of that language writes them (crm.address): the name in the reader's script large,
the participant's own form below it when that differs (野志克仁 / Noshi Katsuhito), family
name first for Chinese, Japanese and Korean names; the host is named as the official names
handbook writes it. Fonts and the per-script face choice are events/pdf.py's, as in the
print pack, so text stays extractable and every script gets its own glyphs.
"""

from django.core.exceptions import ValidationError
from django.utils import formats, timezone, translation
from django.utils.translation import gettext

from crm import address as forms
from crm import names
from crm.enums import OccasionOfAddress
from crm.glossary import load_handbook_names

from ...enums import RegistrationStatus
from ...models import Registration
from ...pdf import Document
from ...selectors.registrations import name_holder

# The language whose glyphs suit a Han name from this country.
HAN_LANGUAGE = {"JP": "ja", "KR": "ko", "KP": "ko", "CN": "zh-hans", "SG": "zh-hans"}


def _same(one, other):
    # 陳怡君 typed as family 陳, given 怡君 prints as "陳 怡君": the same name, shown once.
    return "".join(one.split()) == "".join(other.split())


def certificate_names(registration, language=None):
    """(large name, the participant's own form or "") as a certificate in `language` prints
    them; `language` defaults to the participant's own.

    The large name is crm.address's badge form (the name in the reader's script, with
    "H.E." or "Dr." in English); below it the native-script form, else the Latin one,
    when it is not what the reader already sees.
    """
    holder = name_holder(registration)
    language = language or registration.language
    large = forms.address(holder, language=language, occasion=OccasionOfAddress.BADGE).text
    native = names.format_name(holder, script="native")
    latin = names.format_name(holder)
    for own in (native, latin):
        if own and not _same(own, large) and "".join(own.split()) not in "".join(large.split()):
            return large, own
    return large, ""


def host_name(event, language, handbook):
    """The host organisation as the handbook writes it in `language` ("" without a host)."""
    host = event.host_organisation
    if host is None:
        return ""
    return forms.official(host, "name", language, handbook.organisation if handbook else None)


def _page(pdf, registration, language, handbook):
    event = registration.event
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
    large, own = certificate_names(registration, language)
    centred(large, 34, 78, hint=HAN_LANGUAGE.get(country, language))
    if own:
        centred(own, 16, 100, hint=HAN_LANGUAGE.get(country, registration.language))
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
    host = host_name(event, language, handbook)
    if host:
        centred(host, 14, 166)
    centred(formats.date_format(timezone.localdate(event.ends_at), "DATE_FORMAT"), 11, 178)


def render_certificates(registrations, *, language=None):
    """Certificates of participation as one PDF, one page per accepted registration given,
    every page in `language`, or each in its participant's own language when none is given."""
    registrations = [r for r in registrations if r.status == RegistrationStatus.ACCEPTED]
    title = str(registrations[0].event.title) if registrations else gettext("Certificates")
    pdf = Document(title=title, orientation="L")
    pdf.set_auto_page_break(False)
    # The handbook is read once for the pack: every page names the same host.
    hosts = {r.event.host_organisation for r in registrations if r.event.host_organisation_id}
    handbook = load_handbook_names(host.name_zh_hant or host.name for host in hosts)
    for registration in registrations:
        # Each page in its reader's language, including the event's translated title.
        page_language = forms.normalise_language(language or registration.language)
        with translation.override(page_language):
            _page(pdf, registration, page_language, handbook)
    if pdf.page == 0:
        pdf.add_page()
    return bytes(pdf.output())


def render_certificate(registration, *, language=None):
    """One participant's certificate of participation as PDF bytes."""
    if registration.status != RegistrationStatus.ACCEPTED:
        raise ValidationError(
            gettext("Certificates are issued to accepted participants only."),
            code="not_accepted",
        )
    return render_certificates([registration], language=language)


def event_certificates(event, *, language=None):
    """Certificates for every accepted participant of an event, by family name."""
    registrations = (
        Registration.objects.filter(event=event, status=RegistrationStatus.ACCEPTED)
        .select_related("event", "event__host_organisation", "person")
        .order_by("family_name", "given_name", "pk")
    )
    return render_certificates(registrations, language=language)

"""The luncheon print pack (fpdf2): table plan with guest index, place cards, name badges and
the caterer's dietary and accessibility summary.

Names are set in the face events/pdf.py chooses for their script, and written as a protocol
officer of the pack's language writes them (crm.address): "水原市長 廉泰英" on a Chinese card,
"Mayor Yeom Tae-young" on an English one, with the guest's own form ("수원시장 염태영") beside
it. The pack's language is chosen per pack, never taken from the officer's admin language.
"""

import math

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from django_tasks import task
from fpdf.enums import XPos, YPos

from core.tasks import completed, record_completion
from crm import address as forms
from crm import names
from crm.enums import OccasionOfAddress

from ..models import SeatingPlan
from ..pdf import Document
from .selectors import plan_view, print_guests

PARTS = ("plan", "cards", "badges", "caterer")


def reading_name(person, language):
    """The name as a reader of `language` expects it (the official Chinese name in Chinese)."""
    return forms.reading_name(person, language)


def _written(guest, language, occasion):
    if guest.person is None:
        # A companion has no record to address from: their name as given (or "Guest of ..").
        name = guest_name(guest, language)
        return forms.Address(text=name, name=name, title="", language=language)
    return forms.address(
        guest.person,
        language=language,
        occasion=occasion,
        affiliation=guest.affiliation,
        handbook=guest.handbook,
    )


def native_name(person):
    return names.format_name(person, script="native")


def guest_name(guest, language):
    """What a print shows as a seated guest's name; a companion by their own (or 'Guest of')."""
    if guest.person is None:
        return guest.companion.display_name
    return reading_name(guest.person, language)


def _guest_order(guest):
    # Companions follow the guest who brought them in every printed list.
    number = guest.companion.number if guest.companion else 0
    return (names.sort_key(guest.principal), guest.principal.pk, number)


def _event_heading(pdf, event, heading):
    pdf.line_of(str(event.title), 16, language=translation.get_language())
    when = event.local_date.isoformat()
    where = str(event.venue) if event.venue_id else event.location
    pdf.line_of(" · ".join(part for part in (when, where) if part), 10)
    pdf.line_of(heading, 13, language=translation.get_language())
    pdf.ln(2)


def _draw_room(pdf, view, language):
    """The room: every table a circle, its seats numbered, each guest named by the seat."""
    per_page, columns = 6, 3
    tables = view.tables
    for start in range(0, len(tables), per_page):
        pdf.add_page(orientation="L")
        _event_heading(pdf, view.plan.event, gettext("Table plan"))
        top = pdf.get_y()
        cell_w = (pdf.w - pdf.l_margin - pdf.r_margin) / columns
        cell_h = (pdf.h - top - pdf.b_margin) / math.ceil(per_page / columns)
        for offset, table in enumerate(tables[start : start + per_page]):
            cx = pdf.l_margin + (offset % columns + 0.5) * cell_w
            cy = top + (offset // columns + 0.5) * cell_h
            radius = min(cell_w, cell_h) * 0.2
            pdf.set_draw_color(90, 90, 90)
            pdf.circle(cx, cy, radius)
            label = str(table.number)
            pdf.use(14, label)
            pdf.text(cx - pdf.get_string_width(label) / 2, cy + 2, label)
            size = len(table.seats)
            for seat in table.seats:
                angle = -math.pi / 2 - 2 * math.pi * (seat.position - 1) / size
                sx = cx + (radius + 3) * math.cos(angle)
                sy = cy + (radius + 3) * math.sin(angle)
                pdf.circle(sx, sy, 2.6)
                number = str(seat.position)
                pdf.use(6, number)
                pdf.text(sx - pdf.get_string_width(number) / 2, sy + 1, number)
                if not seat.is_taken:
                    continue
                name = reading_name(seat.person, language) if seat.person else seat.name
                pdf.fit(name, cell_w / 2 - radius - 9, 7, language=language, minimum=4)
                width = pdf.get_string_width(name)
                nx = cx + (radius + 7) * math.cos(angle)
                ny = cy + (radius + 7) * math.sin(angle) + 1
                if math.cos(angle) < -0.3:
                    nx -= width
                elif abs(math.cos(angle)) <= 0.3:
                    nx -= width / 2
                    ny += 2 if math.sin(angle) > 0 else -1
                pdf.text(nx, ny, name)


def _table_lists(pdf, view, guests, language):
    details = {(g.table, g.position): g for g in guests}
    pdf.add_page(orientation="P")
    _event_heading(pdf, view.plan.event, gettext("Tables"))
    for table in view.tables:
        occupied = table.occupied
        if not occupied:
            continue
        if pdf.get_y() + 8 + 6 * len(occupied) > pdf.h - pdf.b_margin:
            pdf.add_page(orientation="P")
        pdf.line_of(gettext("Table %(number)s") % {"number": table.number}, 12, language=language)
        for seat in occupied:
            guest = details.get((table.number, seat.position))
            pdf.use(9)
            pdf.cell(10, 5.5, str(seat.position))
            if seat.person is None:
                pdf.fit(seat.name, pdf.w - pdf.r_margin - pdf.get_x(), 9, language=language)
                pdf.cell(0, 5.5, seat.name, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                continue
            name = names.format_name(seat.person, honorific=True)
            local = reading_name(seat.person, language)
            pdf.fit(name, 62, 9)
            pdf.cell(64, 5.5, name)
            shown = native_name(seat.person)
            pdf.fit(shown, 34, 9, language=seat.person.preferred_language)
            pdf.cell(36, 5.5, shown)
            if local not in (name, shown):
                pdf.fit(local, 30, 9, language=language)
                pdf.cell(32, 5.5, local)
            title = guest.title if guest else ""
            pdf.fit(title, pdf.w - pdf.r_margin - pdf.get_x(), 8, language=language)
            pdf.cell(0, 5.5, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(3)


def _guest_index(pdf, view, guests, language):
    pdf.add_page(orientation="P")
    _event_heading(pdf, view.plan.event, gettext("Guest index"))
    for guest in sorted(guests, key=_guest_order):
        person = guest.person
        pdf.use(9)
        if person is None:
            name = guest_name(guest, language)
            pdf.fit(name, 114, 9, language=language)
            pdf.cell(116, 5.5, name)
        else:
            name = names.format_name(person)
            pdf.fit(name, 70, 9)
            pdf.cell(72, 5.5, name)
            shown = native_name(person)
            pdf.fit(shown, 42, 9, language=person.preferred_language)
            pdf.cell(44, 5.5, shown)
        where = gettext("table %(table)s, seat %(seat)s") % {
            "table": guest.table,
            "seat": guest.position,
        }
        pdf.use(9, where, language)
        pdf.cell(0, 5.5, where, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _card_face(pdf, guest, language, x, y, width, height):
    person = guest.person
    card = _written(guest, language, OccasionOfAddress.PLACE_CARD)
    main = card.text
    pdf.fit(main, width - 10, 26, language=language)
    pdf.set_xy(x, y + height * 0.22)
    pdf.cell(width, 12, main, align="C")
    # The guest reads their own card too: their name and title in their own language.
    own = _written(guest, guest.language, OccasionOfAddress.PLACE_CARD).text
    if person is not None and forms.normalise_language(guest.language) == (
        forms.normalise_language(language)
    ):
        own = native_name(person)
    if own and own not in main:
        pdf.fit(own, width - 10, 18, language=guest.language)
        pdf.set_xy(x, y + height * 0.48)
        pdf.cell(width, 9, own, align="C")
    if card.title and card.title not in main:
        pdf.fit(card.title, width - 10, 10, language=language)
        pdf.set_xy(x, y + height * 0.72)
        pdf.cell(width, 6, card.title, align="C")
    where = gettext("Table %(table)s · seat %(seat)s") % {
        "table": guest.table,
        "seat": guest.position,
    }
    pdf.use(7, where, language)
    pdf.set_xy(x + 4, y + height - 7)
    pdf.cell(width - 8, 4, where, align="R")


def _place_cards(pdf, guests, language):
    """Tent cards, two to a page: each folds along the dashed line and reads from both sides."""
    width, half = 182, 62
    for index, guest in enumerate(guests):
        if index % 2 == 0:
            pdf.add_page(orientation="P")
        x = pdf.l_margin
        y = pdf.t_margin + (index % 2) * (2 * half + 10)
        pdf.set_draw_color(160, 160, 160)
        pdf.rect(x, y, width, 2 * half)
        pdf.set_dash_pattern(dash=1.5, gap=1.5)
        pdf.line(x, y + half, x + width, y + half)
        pdf.set_dash_pattern()
        # The upper half is printed upside down so that it faces the other side of the table.
        with pdf.rotation(180, x + width / 2, y + half / 2):
            _card_face(pdf, guest, language, x, y, width, half)
        _card_face(pdf, guest, language, x, y + half, width, half)


def _badges(pdf, guests, language, event):
    """Name badges, eight to a page (90 x 60 mm), ready for standard badge holders."""
    width, height, columns, rows = 90, 60, 2, 4
    gap_x = pdf.w - pdf.l_margin - pdf.r_margin - columns * width
    per_page = columns * rows
    title = str(event.title)
    for index, guest in enumerate(sorted(guests, key=_guest_order)):
        if index % per_page == 0:
            pdf.add_page(orientation="P")
        slot = index % per_page
        x = pdf.l_margin + (slot % columns) * (width + gap_x)
        y = pdf.t_margin + (slot // columns) * (height + 5)
        person = guest.person
        pdf.set_draw_color(120, 120, 120)
        pdf.rect(x, y, width, height)
        pdf.fit(title, width - 8, 8, language=language)
        pdf.set_xy(x, y + 3)
        pdf.cell(width, 5, title, align="C")
        shown = native_name(person) if person else guest_name(guest, language)
        pdf.fit(shown, width - 8, 22, language=guest.language if person else language)
        pdf.set_xy(x, y + 13)
        pdf.cell(width, 11, shown, align="C")
        badge = _written(guest, language, OccasionOfAddress.BADGE)
        second = badge.text
        if second and second != shown:
            pdf.fit(second, width - 8, 12, language=language)
            pdf.set_xy(x, y + 27)
            pdf.cell(width, 7, second, align="C")
        # The title in the pack's language, then in the guest's own when that differs.
        own = _written(guest, guest.language, OccasionOfAddress.BADGE).title
        own = own if own != badge.title else ""
        lines = ((37, badge.title, language), (43, own, guest.language))
        for offset, text, text_language in lines:
            if text:
                pdf.fit(text, width - 8, 9, language=text_language)
                pdf.set_xy(x, y + offset)
                pdf.cell(width, 5, text, align="C")
        table = gettext("Table %(table)s") % {"table": guest.table}
        pdf.use(8, table, language)
        pdf.set_xy(x, y + height - 8)
        pdf.cell(width - 4, 5, table, align="R")


def _caterer(pdf, view, guests, language):
    pdf.add_page(orientation="P")
    _event_heading(pdf, view.plan.event, gettext("Dietary and accessibility summary"))
    counts = [(table.number, len(table.occupied)) for table in view.tables if table.occupied]
    total = sum(count for _number, count in counts)
    # Each count is its own plural: "2 guests at 1 table", never "1 guests at 1 tables".
    guests_text = ngettext("%(guests)s guest", "%(guests)s guests", total) % {"guests": total}
    tables_text = ngettext("%(tables)s table", "%(tables)s tables", len(counts)) % {
        "tables": len(counts)
    }
    pdf.line_of(
        gettext("%(guests)s at %(tables)s.") % {"guests": guests_text, "tables": tables_text},
        10,
        language=language,
    )
    pdf.line_of(
        " · ".join(
            gettext("table %(table)s: %(count)s") % {"table": n, "count": c} for n, c in counts
        ),
        8,
        language=language,
    )
    pdf.ln(3)
    sections = (
        (gettext("Dietary requirements"), "dietary_requirements"),
        (gettext("Accessibility needs"), "accessibility_needs"),
    )
    for heading, attribute in sections:
        listed = [g for g in guests if getattr(g, attribute)]
        pdf.line_of(
            f"{heading} ({len(listed)})",
            12,
            language=language,
        )
        if not listed:
            pdf.line_of(gettext("None."), 9, language=language)
        for guest in listed:
            where = gettext("T%(table)s/%(seat)s") % {"table": guest.table, "seat": guest.position}
            pdf.use(9, where, language)
            pdf.cell(18, 5.5, where)
            name = guest_name(guest, language)
            pdf.fit(name, 48, 9, language=language)
            pdf.cell(50, 5.5, name)
            need = getattr(guest, attribute)
            pdf.use(9, need, language)
            pdf.multi_cell(0, 5.5, need, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(3)


def render_print_pack(plan, *, parts=PARTS, language=None):
    """The print pack of a seating plan as PDF bytes, in `language` (the office's by default:
    the host's language, whatever the language of the officer's admin)."""
    unknown = set(parts) - set(PARTS)
    if unknown:
        raise ValueError(f"unknown print pack parts: {sorted(unknown)}")
    language = language or settings.LANGUAGE_CODE
    plan = SeatingPlan.objects.select_related("event", "event__venue").get(pk=plan.pk)
    with translation.override(language):
        view = plan_view(plan)
        guests = print_guests(plan)
        pdf = Document(title=str(plan.event.title), orientation="P")
        if "plan" in parts:
            _draw_room(pdf, view, language)
            _table_lists(pdf, view, guests, language)
            _guest_index(pdf, view, guests, language)
        if "cards" in parts:
            _place_cards(pdf, guests, language)
        if "badges" in parts:
            _badges(pdf, guests, language, plan.event)
        if "caterer" in parts:
            _caterer(pdf, view, guests, language)
        if pdf.page == 0:
            pdf.add_page()
        return bytes(pdf.output())


@task(takes_context=True)
def generate_print_pack(context, plan_id, language=None):
    """Render the whole print pack in the background and keep it with the plan.

    Stored once per task: the pack and the task's completion commit together, so a task run
    again after its worker was killed (core.worker) either builds the pack it never stored or
    returns the name of the one it did.
    """
    done = completed(context)
    if done is not None:
        return done.result
    plan = SeatingPlan.objects.get(pk=plan_id)
    content = render_print_pack(plan, language=language)
    with transaction.atomic():
        plan = SeatingPlan.objects.select_for_update().get(pk=plan_id)
        done = completed(context)
        if done is not None:
            return done.result
        if plan.print_pack:
            plan.print_pack.delete(save=False)
        plan.print_pack.save(f"print-pack-{plan.event_id}.pdf", ContentFile(content), save=False)
        plan.print_pack_generated_at = timezone.now()
        plan.print_pack_language = language or settings.LANGUAGE_CODE
        plan.save(
            update_fields=[
                "print_pack",
                "print_pack_generated_at",
                "print_pack_language",
                "updated_at",
            ]
        )
        return record_completion(context, plan.print_pack.name)

"""Reads for seating: guest-list candidates, seating input, the room picture, the print pack.

Every selector here reads in a fixed number of queries, whatever the number of guests.
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from django.utils import translation

from crm import address as forms
from crm import names
from crm.enums import OfficeRank, OrganisationKind
from crm.glossary import Handbook, load_handbook
from crm.models import Affiliation, Organisation, Person
from crm.selectors.precedence import precedence_ranks, titles_as_of

from ..enums import InvitationStatus, MemberRole
from ..models import DelegationMember, Invitation, InvitationCompanion, Seat, SeatingPlan
from .rules import MESSAGES, Guest, Violation

CITY_LEADERSHIP_RANKS = (OfficeRank.MAYOR, OfficeRank.DEPUTY, OfficeRank.DIRECTOR)

# The room picture: table circles on a grid, seats on a ring around each (SVG user units),
# with room either side of a table for names of about sixteen characters.
TABLE_RADIUS = 58
SEAT_RADIUS = 15
RING_RADIUS = TABLE_RADIUS + 24
NAME_ROOM = 100
CELL = 2 * (RING_RADIUS + SEAT_RADIUS + NAME_ROOM)
ROW = 2 * (RING_RADIUS + SEAT_RADIUS) + 60
COLUMNS = 3


def home_side_ids(event):
    """The organisations whose people host: the home city, the event's host organisation
    (often one of the city's offices) and the departments directly under either."""
    roots = set(Organisation.objects.home().values_list("pk", flat=True))
    if event.host_organisation_id:
        roots.add(event.host_organisation_id)
    children = Organisation.objects.filter(parent__in=roots).values_list("pk", flat=True)
    return sorted(roots | set(children))


# Guest lists -------------------------------------------------------------------------------


def guest_list_candidates(
    event, *, delegations=True, representative_heads=True, city_leadership=True
):
    """People a luncheon would invite from the CRM, by the filters chosen, in name order."""
    date = event.local_date
    wanted = Q(pk__in=[])
    if delegations:
        wanted |= Q(
            pk__in=DelegationMember.objects.filter(delegation__event=event).values("person")
        )
    if representative_heads:
        wanted |= Q(
            pk__in=Affiliation.objects.as_of(date)
            .filter(
                organisation__kind=OrganisationKind.REPRESENTATIVE_OFFICE,
                office_rank=OfficeRank.AMBASSADOR,
            )
            .values("person")
        )
    if city_leadership:
        wanted |= Q(
            pk__in=Affiliation.objects.as_of(date)
            .filter(
                organisation__in=home_side_ids(event),
                office_rank__in=CITY_LEADERSHIP_RANKS,
            )
            .values("person")
        )
    return sorted(Person.objects.filter(wanted).distinct(), key=names.sort_key)


# Seating input -----------------------------------------------------------------------------


@dataclass(frozen=True)
class GuestEntry:
    """One guest to seat: the algorithm's view of them and the records behind it."""

    guest: Guest
    person: Person | None
    invitation: Invitation | None
    companion: InvitationCompanion | None = None


def companion_key(companion_id):
    """The seating key of a companion: negative, so it never meets a person's primary key."""
    return -companion_id


def _languages(person, is_local, default):
    # Regional variants share a table conversation (zh-hant with zh-hans, en-gb with en).
    codes = {code.lower().split("-")[0] for code in person.preferred_languages or [] if code}
    if not codes and is_local:
        codes = {default.split("-")[0]}
    return frozenset(codes)


def guests_to_seat(plan):
    """Accepted guests of the plan's event, with its host and co-hosts, as seating input."""
    event = plan.event
    date = event.local_date
    invitations = {
        inv.person_id: inv
        for inv in Invitation.objects.filter(event=event, status=InvitationStatus.ACCEPTED)
        .select_related("person")
        .order_by("pk")
    }
    people = {pk: inv.person for pk, inv in invitations.items()}
    extra = list(plan.co_hosts.all())
    co_host_ids = {p.pk for p in extra}
    if plan.host_id:
        extra.append(plan.host)
    for person in extra:
        people.setdefault(person.pk, person)
    if not people:
        return []

    ranks = precedence_ranks(people.values(), date)
    local_ids = set(
        Affiliation.objects.as_of(date)
        .filter(person__in=people, organisation__in=home_side_ids(event))
        .values_list("person", flat=True)
    )
    members = list(
        DelegationMember.objects.filter(delegation__event=event, person__in=people).order_by(
            "role", "pk"
        )
    )
    delegation_of = {}
    heads = {}
    for member in members:
        delegation_of.setdefault(member.person_id, member.delegation_id)
        if member.role == MemberRole.HEAD:
            heads.setdefault(member.delegation_id, member.person_id)
    serves = {
        m.person_id: heads[m.delegation_id]
        for m in members
        if m.role == MemberRole.INTERPRETER
        and heads.get(m.delegation_id) not in (None, m.person_id)
    }

    host_id = plan.host_id
    if host_id is None:
        locals_ = [pk for pk in people if pk in local_ids and pk not in serves]
        host_id = min(
            locals_, key=lambda pk: (ranks[pk], names.sort_key(people[pk]), pk), default=None
        )
    entries = []
    for pk, person in people.items():
        is_local = pk in local_ids and pk not in delegation_of
        guest = Guest(
            key=pk,
            name=person.full_name,
            rank=ranks[pk],
            delegation=delegation_of.get(pk),
            languages=_languages(person, is_local, settings.LANGUAGE_CODE),
            serves=serves.get(pk),
            is_host=pk == host_id,
            is_cohost=pk in co_host_ids and pk != host_id,
            is_local=is_local,
            is_guest_of_honour=pk == plan.guest_of_honour_id and pk in invitations,
        )
        entries.append(GuestEntry(guest, person, invitations.get(pk)))
    # Companions sit beside the guest who brought them (the solver keeps a unit together),
    # at that guest's delegation and just below their rank.
    companions = InvitationCompanion.objects.filter(
        invitation__in=[inv.pk for inv in invitations.values()]
    ).select_related("invitation__person")
    for companion in companions.order_by("invitation", "number"):
        principal = companion.invitation.person_id
        guest = Guest(
            key=companion_key(companion.pk),
            name=companion.display_name,
            rank=ranks[principal],
            delegation=delegation_of.get(principal),
            languages=_languages(people[principal], False, settings.LANGUAGE_CODE),
            serves=principal,
            is_companion=True,
        )
        entries.append(GuestEntry(guest, None, companion.invitation, companion))
    return entries


# The room picture --------------------------------------------------------------------------


@dataclass(frozen=True)
class SeatView:
    position: int
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str
    person: Person | None = None
    number: int = 0
    companion: InvitationCompanion | None = None

    @property
    def is_taken(self):
        return self.person is not None or self.companion is not None

    @property
    def key(self):
        if self.companion is not None:
            return companion_key(self.companion.pk)
        return self.person.pk if self.person else None

    @property
    def name(self):
        if self.companion is not None:
            return self.companion.display_name
        return self.person.full_name if self.person else ""

    @property
    def native_name(self):
        return self.person.native_name if self.person else ""


@dataclass
class TableView:
    number: int
    x: float
    y: float
    host: Person | None
    seats: list = field(default_factory=list)

    @property
    def occupied(self):
        return [seat for seat in self.seats if seat.is_taken]


@dataclass
class PlanView:
    plan: SeatingPlan
    tables: list
    width: int
    height: int
    warnings: list

    @property
    def guest_count(self):
        return sum(len(t.occupied) for t in self.tables)

    @property
    def hard_warnings(self):
        return [w for w in self.warnings if w.is_hard]

    @property
    def soft_warnings(self):
        return [w for w in self.warnings if not w.is_hard]


def stored_warnings(plan):
    """The rule violations saved with the plan, re-read as Violations (shown translated)."""
    return [
        Violation(
            item["kind"],
            item.get("params", {}),
            guests=tuple(item.get("guests", ())),
            table=item.get("table"),
        )
        for item in plan.warnings or []
        if item.get("kind") in MESSAGES
    ]


def _seat_point(cx, cy, position, size):
    # Seat 1 at the top of the table; positions run clockwise on the page, so that seat 2,
    # the host's right as they face the table, is drawn on the viewer's left of seat 1.
    angle = -math.pi / 2 - 2 * math.pi * (position - 1) / size
    x = cx + RING_RADIUS * math.cos(angle)
    y = cy + RING_RADIUS * math.sin(angle)
    lx = cx + (RING_RADIUS + SEAT_RADIUS + 4) * math.cos(angle)
    ly = cy + (RING_RADIUS + SEAT_RADIUS + 4) * math.sin(angle)
    anchor = "middle"
    if math.cos(angle) > 0.3:
        anchor = "start"
    elif math.cos(angle) < -0.3:
        anchor = "end"
    return round(x, 1), round(y, 1), round(lx, 1), round(ly + 4, 1), anchor


def plan_view(plan):
    """Tables with every seat placed for the room picture, plus the saved warnings."""
    tables = list(plan.seating_tables.select_related("host").order_by("number"))
    seats = defaultdict(dict)
    for seat in Seat.objects.filter(plan=plan).select_related(
        "person", "companion__invitation__person"
    ):
        seats[seat.table_id][seat.position] = seat
    # A plan re-configured to smaller tables but not yet regenerated still shows every seat.
    size = max([plan.table_size, *(p for by_position in seats.values() for p in by_position)])
    views = []
    for index, table in enumerate(tables):
        cx = CELL / 2 + (index % COLUMNS) * CELL
        cy = ROW / 2 + (index // COLUMNS) * ROW
        view = TableView(table.number, round(cx, 1), round(cy, 1), table.host)
        for position in range(1, size + 1):
            x, y, lx, ly, anchor = _seat_point(cx, cy, position, size)
            seat = seats[table.pk].get(position)
            view.seats.append(
                SeatView(
                    position,
                    x,
                    y,
                    lx,
                    ly,
                    anchor,
                    seat.person if seat else None,
                    table.number,
                    seat.companion if seat else None,
                )
            )
        views.append(view)
    columns = min(COLUMNS, max(1, len(tables)))
    rows = max(1, math.ceil(len(tables) / COLUMNS))
    return PlanView(plan, views, int(columns * CELL), int(rows * ROW), stored_warnings(plan))


# The print pack ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PrintGuest:
    """What the print pack shows of one seated guest (an invited person or a companion)."""

    person: Person | None
    table: int
    position: int
    title: str
    organisation: str
    dietary_requirements: str
    accessibility_needs: str
    language: str
    # The position printed as the guest's title (crm.address writes it per language).
    affiliation: Affiliation | None = None
    companion: InvitationCompanion | None = None
    # The official names handbook, loaded once for the whole pack (crm.glossary).
    handbook: Handbook | None = None
    # The invited person a companion came with (the person themself otherwise), for sorting.
    principal: Person | None = None


def print_guests(plan):
    """Seated guests with title, organisation and needs as of the event date, by seat."""
    date = plan.event.local_date
    seats = list(
        Seat.objects.filter(plan=plan)
        .select_related("person", "table", "invitation__person", "companion")
        .order_by("table__number", "position")
    )
    titles = titles_as_of([seat.person_id for seat in seats if seat.person_id], date)
    # The handbook's official forms win over what each record holds (crm/glossary.py):
    # read once here for every guest and every language the pack writes in.
    handbook = load_handbook(titles.values())
    language = forms.normalise_language(translation.get_language())
    result = []
    for seat in seats:
        person, invitation = seat.person, seat.invitation
        if person is None:
            companion = seat.companion
            companion.invitation = invitation
            result.append(
                PrintGuest(
                    person=None,
                    table=seat.table.number,
                    position=seat.position,
                    title="",
                    organisation="",
                    dietary_requirements=companion.dietary_requirements.strip(),
                    accessibility_needs=companion.accessibility_needs.strip(),
                    language=invitation.person.preferred_language,
                    companion=companion,
                    principal=invitation.person,
                )
            )
            continue
        title = titles.get(person.pk)
        # What the guest told us in their reply outranks what the CRM had on file.
        dietary = (invitation.dietary_requirements if invitation else "") or (
            person.dietary_requirements
        )
        access = (invitation.accessibility_needs if invitation else "") or (
            person.accessibility_needs
        )
        result.append(
            PrintGuest(
                person=person,
                table=seat.table.number,
                position=seat.position,
                title=forms.position_title(title, language, handbook=handbook),
                organisation=(
                    forms.official(title.organisation, "name", language, handbook.organisation)
                    if title
                    else ""
                ),
                dietary_requirements=dietary.strip(),
                accessibility_needs=access.strip(),
                language=person.preferred_language,
                affiliation=title,
                handbook=handbook,
                principal=person,
            )
        )
    return result

"""Admin-only views: person and organisation pages with their neighbourhood, audit history."""

import math
from collections import defaultdict
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, DeleteView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.widgets.button import HeaderButton

from core.languages import language_names
from core.views import ReadableInspectView

from ..audit import describe_changes, field_label
from ..enums import RelationshipType
from ..forms import AsOfForm
from ..models import Interaction, Relationship
from ..selectors.graph import neighbours
from ..selectors.precedence import title_as_of
from .graph import fold_city_ties, separate_labels
from .paths import how_we_know

RING_SPACING = 170
# Arc length each node needs on its ring so neighbouring labels do not overprint.
NODE_ARC = 48
LABEL_ROOM = 140
# Captions on the centre's own edges stay legible up to this many edges.
MAX_CAPTIONED_EDGES = 12
# Past this many records per ring step a ring is unreadable (outer rings are longer and
# hold more); the rest are counted, not drawn.
MAX_NODES_PER_RING = 36
EDGE_COLOURS = {
    "affiliation": "#6b7280",
    RelationshipType.SISTER_CITY: "#c2410c",
    RelationshipType.FRIENDSHIP_CITY: "#d97706",
    RelationshipType.MOU: "#2563eb",
    RelationshipType.PARTNERSHIP: "#15803d",
    RelationshipType.MEMBERSHIP: "#7c3aed",
}
INSPECT_URL_NAMES = {
    "person": "crm_person:inspect",
    "organisation": "crm_organisation:inspect",
}


@dataclass(frozen=True)
class PlacedNode:
    label: str
    kind: str
    distance: int
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str
    url: str
    # The label was moved off its place on the ring (views/graph.py); a leader line joins it.
    moved: bool = False


@dataclass(frozen=True)
class PlacedEdge:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str
    kind_label: str
    label: str
    # Only the centre's own ties carry a visible caption; outer ones would overprint.
    captioned: bool
    caption_x: float
    caption_y: float


@dataclass(frozen=True)
class GraphPicture:
    size: float
    centre: PlacedNode
    rings: list
    nodes: list
    edges: list
    legend: list
    hidden: int
    # Set by views/graph.separate_labels: the area every node and label fits in.
    view_box: str = ""
    width: float = 0


def edge_kind_label(kind):
    """The translated name of an edge kind (an affiliation or a relationship type)."""
    if kind == "affiliation":
        return gettext("affiliation")
    try:
        return str(RelationshipType(kind).label)
    except ValueError:
        return kind


def _place(node, distance, angle, radius, centre_xy):
    cx, cy = centre_xy
    x = cx + radius * math.cos(angle)
    y = cy + radius * math.sin(angle)
    cos = math.cos(angle)
    anchor = "start" if cos > 0.25 else "end" if cos < -0.25 else "middle"
    return PlacedNode(
        label=node.label,
        kind=node.kind,
        distance=distance,
        x=round(x, 1),
        y=round(y, 1),
        label_x=round(x + 11 * cos, 1),
        label_y=round(y + 15 * math.sin(angle) + 4, 1),
        anchor=anchor,
        # A folded group of city ties opens on the same page (views/graph.py).
        url=reverse(INSPECT_URL_NAMES[node.kind], args=[node.pk])
        if node.kind in INSPECT_URL_NAMES
        else f"?open={node.pk}",
    )


def layout_neighbourhood(neighbourhood, *, max_per_ring=MAX_NODES_PER_RING):
    """Place the centre in the middle and every other node on the ring of its distance."""
    rings = defaultdict(list)
    for node, distance in neighbourhood.distances.items():
        if node != neighbourhood.centre:
            rings[distance].append(node)
    drawn, radii, hidden, radius = {}, {}, 0, 0
    for distance in sorted(rings):
        members = sorted(rings[distance], key=lambda node: (node.kind, node.label, node.pk))
        room = max_per_ring * distance
        hidden += max(0, len(members) - room)
        drawn[distance] = members[:room]
        # A crowded ring grows until its nodes have room; the next ring stays outside it.
        radius = max(radius + RING_SPACING, len(drawn[distance]) * NODE_ARC / (2 * math.pi))
        radii[distance] = round(radius, 1)
    half = radius + LABEL_ROOM
    centre_xy = (half, half)
    centre = _place(neighbourhood.centre, 0, -math.pi / 2, 0, centre_xy)
    placed = {neighbourhood.centre: centre}
    for distance, members in drawn.items():
        # Each ring starts half a step further round, so spokes of adjacent rings interleave.
        step = 2 * math.pi / len(members)
        for index, node in enumerate(members):
            angle = -math.pi / 2 + step * (index + (distance - 1) / 2)
            placed[node] = _place(node, distance, angle, radii[distance], centre_xy)
    drawn_edges = [
        edge for edge in neighbourhood.edges if edge.source in placed and edge.target in placed
    ]
    centre_edges = sum(neighbourhood.centre in (e.source, e.target) for e in drawn_edges)
    edges = []
    kinds = []
    for edge in drawn_edges:
        source, target = placed[edge.source], placed[edge.target]
        edges.append(
            PlacedEdge(
                x1=source.x,
                y1=source.y,
                x2=target.x,
                y2=target.y,
                colour=EDGE_COLOURS.get(edge.kind, "#111827"),
                kind_label=edge_kind_label(edge.kind),
                label=edge.label,
                captioned=centre_edges <= MAX_CAPTIONED_EDGES
                and neighbourhood.centre in (edge.source, edge.target),
                # Two thirds of the way out, where spokes have drawn apart.
                caption_x=round(source.x + (target.x - source.x) * 2 / 3, 1),
                caption_y=round(source.y + (target.y - source.y) * 2 / 3 - 3, 1),
            )
        )
        if edge.kind not in kinds:
            kinds.append(edge.kind)
    picture = GraphPicture(
        size=round(2 * half, 1),
        centre=centre,
        rings=[{"cx": half, "cy": half, "r": radius} for radius in radii.values()],
        nodes=[node for node in placed.values() if node is not centre],
        edges=edges,
        legend=[(EDGE_COLOURS.get(kind, "#111827"), edge_kind_label(kind)) for kind in kinds],
        hidden=hidden,
    )
    return separate_labels(picture)


class CrmInspectView(ReadableInspectView):
    """The readable inspect page with language-named labels."""

    def get_field_label(self, field_name, field):
        if field is None:
            return super().get_field_label(field_name, field)
        return field_label(self.model, field_name)


class RecordInspectView(CrmInspectView):
    """A person's or organisation's page: its fields, ties, history and neighbourhood."""

    graph_hops = 2

    @cached_property
    def as_of(self):
        form = AsOfForm(self.request.GET)
        if form.is_valid() and form.cleaned_data["as_of"]:
            return form.cleaned_data["as_of"]
        return timezone.localdate()

    def get_graph(self):
        neighbourhood = neighbours(self.object, hops=self.graph_hops, as_of=self.as_of)
        opened = self.request.GET.getlist("open")
        return layout_neighbourhood(fold_city_ties(neighbourhood, opened=opened))

    def interactions(self):
        return Interaction.objects.select_related("relationship").prefetch_related(
            "organisations", "people"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            graph=self.get_graph(),
            as_of=self.as_of,
            as_of_form=AsOfForm(initial={"as_of": self.as_of}),
            person_url_name=INSPECT_URL_NAMES["person"],
            organisation_url_name=INSPECT_URL_NAMES["organisation"],
            **how_we_know(self.request, self.object),
        )
        return context


class PersonInspectView(RecordInspectView):
    template_name = "crm/admin/person_inspect.html"

    @cached_property
    def header_more_buttons(self):
        # Apps above crm add buttons here (events: the personal-data export and erasure)
        # through a Wagtail hook, so crm never imports them.
        buttons = list(super().header_more_buttons)
        for hook in hooks.get_hooks("register_person_header_buttons"):
            buttons.extend(hook(self.object, self.request.user))
        return buttons

    def get_preferred_languages_display_value(self):
        return language_names(self.object.preferred_languages)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        context.update(
            current_title=title_as_of(person, self.as_of),
            affiliations=person.affiliations.select_related("organisation").order_by(
                "-start_date", "pk"
            ),
            relationships=person.signed_relationships.select_related("source", "target"),
            interactions=self.interactions().filter(people=person),
        )
        return context


class OrganisationInspectView(RecordInspectView):
    template_name = "crm/admin/organisation_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation = self.object
        context.update(
            relationships=Relationship.objects.involving(organisation)
            .select_related("source", "target")
            .prefetch_related("areas", "renewals")
            .order_by("signed_on", "pk"),
            affiliations=organisation.affiliations.select_related("person").order_by(
                "-start_date", "pk"
            ),
            interactions=self.interactions().filter(organisations=organisation),
        )
        return context


class ChangesColumn(Column):
    """The fields an audit entry changed, old -> new."""

    cell_template_name = "crm/admin/changes_cell.html"

    def __init__(self, name, *, model, **kwargs):
        super().__init__(name, **kwargs)
        self.model = model

    def get_value(self, instance):
        return describe_changes(self.model, instance.data)


class AuditHistoryView(HistoryView):
    """Wagtail's history of a record, with the changed fields of each entry."""

    # Viewers read the audit trail too; only the edit button needs "change".
    any_permission_required = ["add", "change", "delete", "view"]

    @cached_property
    def columns(self):
        action, *rest = super().columns
        changes = ChangesColumn("changes", model=self.model, label=_("Changes"), width="40%")
        return [action, changes, *rest]

    @cached_property
    def header_buttons(self):
        if not self.user_has_permission("change"):
            return []
        return [
            HeaderButton(
                label=gettext("Edit"), url=self.get_edit_url(self.object), icon_name="edit"
            )
        ]


class InteractionCreateView(CreateView):
    """Records who logged the interaction; the form does not ask."""

    def save_instance(self):
        self.form.instance.recorded_by = self.request.user
        return super().save_instance()


class CrmDeleteView(DeleteView):
    """Refuses, with a message, to delete a record others still point at (PROTECT)."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError as error:
            messages.error(
                self.request,
                gettext("%(record)s cannot be deleted while %(count)d other records refer to it.")
                % {"record": self.object, "count": len(error.protected_objects)},
            )
            return redirect(reverse(self.edit_url_name, args=[quote(self.object.pk)]))

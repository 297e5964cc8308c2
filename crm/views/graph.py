"""Keeping the neighbourhood picture readable: many city ties fold into one node until
opened, and no label is drawn over another label or over a node."""

import dataclasses
import unicodedata
from collections import defaultdict

from django.utils.translation import ngettext

from ..selectors.graph import Edge, Neighbourhood
from ..selectors.nodes import Node
from ..selectors.ties import CITY_TIE_TYPES

# More city ties than this from one record are drawn as one node until opened.
FOLD_AT = 8
GROUP = "group"
FONT_SIZE = 12
CENTRE_FONT_SIZE = 14
CAPTION_FONT_SIZE = 10
NODE_RADIUS = 7
# Candidate label positions are tried this far apart, up and down from the first choice.
LINE = 15
MARGIN = 16


def fold_city_ties(neighbourhood, *, opened=(), fold_at=FOLD_AT):
    """The neighbourhood with each record's many sister and friendship cities as one node.

    A record (the office, usually) with more than `fold_at` city partners one step further
    out gets a single group node in their place; records reached only through those
    partners are left out with them. `opened` lists the pks of records whose partners are
    shown anyway.
    """
    distances = neighbourhood.distances
    partners = defaultdict(set)
    for edge in neighbourhood.edges:
        if edge.kind not in CITY_TIE_TYPES:
            continue
        for near, far in ((edge.source, edge.target), (edge.target, edge.source)):
            if distances.get(far) == distances.get(near, -2) + 1:
                partners[near].add(far)
    folds = {
        near: fars
        for near, fars in partners.items()
        if len(fars) > fold_at and str(near.pk) not in {str(pk) for pk in opened}
    }
    if not folds:
        return neighbourhood
    removed = set().union(*folds.values()) - {neighbourhood.centre}
    # Whatever hangs only from removed records goes with them, ring by ring outwards.
    nearer = defaultdict(set)
    for edge in neighbourhood.edges:
        for near, far in ((edge.source, edge.target), (edge.target, edge.source)):
            if distances.get(far) == distances.get(near, -2) + 1:
                nearer[far].add(near)
    for node in sorted(distances, key=lambda node: distances[node]):
        if node not in removed and nearer[node] and nearer[node] <= removed:
            removed.add(node)
    kept = {node: distance for node, distance in distances.items() if node not in removed}
    edges = [
        edge
        for edge in neighbourhood.edges
        if edge.source not in removed and edge.target not in removed
    ]
    for near, fars in folds.items():
        count = len(fars)
        label = ngettext(
            "%(count)d sister or friendship city",
            "%(count)d sister and friendship cities",
            count,
        ) % {"count": count}
        group = Node(kind=GROUP, pk=near.pk, label=label)
        kept[group] = distances[near] + 1
        edges.append(Edge(near, group, CITY_TIE_TYPES[0], ""))
    return Neighbourhood(centre=neighbourhood.centre, distances=kept, edges=edges)


def text_width(text, font_size=FONT_SIZE):
    """A generous width estimate: full-width (CJK) characters one em, others 0.62 em."""
    return sum(
        font_size if unicodedata.east_asian_width(char) in "WF" else font_size * 0.62
        for char in text
    )


def label_box(node, *, font_size=FONT_SIZE):
    """(left, top, right, bottom) of a node's label as drawn."""
    width = text_width(node.label, font_size)
    x, y = node.label_x, node.label_y
    left = {"start": x, "end": x - width}.get(node.anchor, x - width / 2)
    # The baseline is label_y: ascenders reach about 0.9 em above, descenders 0.25 below.
    return (left, y - 0.9 * font_size, left + width, y + 0.25 * font_size)


def dot_box(node, radius=NODE_RADIUS):
    return (node.x - radius, node.y - radius, node.x + radius, node.y + radius)


def overlaps(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _free_position(node, taken):
    """The node's label moved up or down by whole lines to the nearest free place."""
    for step in range(4 * len(taken) + 2):
        # 0, +1, -1, +2, -2 ... lines from where the ring put the label.
        offset = (step + 1) // 2 * (1 if step % 2 else -1) * LINE
        moved = dataclasses.replace(node, label_y=round(node.label_y + offset, 1))
        box = label_box(moved)
        if not any(overlaps(box, other) for other in taken):
            return moved, box
    raise AssertionError("no free place for a label")  # unreachable: see _free_position


def caption_box(edge):
    text = edge.label or edge.kind_label
    width = text_width(text, CAPTION_FONT_SIZE)
    x, y = edge.caption_x, edge.caption_y
    return (x - width / 2, y - 0.9 * CAPTION_FONT_SIZE, x + width / 2, y + 0.25 * CAPTION_FONT_SIZE)


def _free_caption(edge, taken):
    for step in range(4 * len(taken) + 2):
        offset = (step + 1) // 2 * (1 if step % 2 else -1) * LINE
        moved = dataclasses.replace(edge, caption_y=round(edge.caption_y + offset, 1))
        box = caption_box(moved)
        if not any(overlaps(box, other) for other in taken):
            return moved, box
    raise AssertionError("no free place for a caption")  # unreachable, as for labels


def separate_labels(picture):
    """The picture with every label clear of the other labels and of every node.

    Labels keep the place the ring gave them when it is free; otherwise they move by whole
    lines to the nearest free place, with a leader line back to their node. There are
    finitely many boxes, so a free place is always found within 2n + 1 tries per label.
    Finally the view box grows to hold everything drawn.
    """
    centre = picture.centre
    centre_box = label_box(
        dataclasses.replace(centre, label_x=centre.x, label_y=centre.y + 30, anchor="middle"),
        font_size=CENTRE_FONT_SIZE,
    )
    taken = [centre_box, dot_box(centre, radius=12), *(dot_box(node) for node in picture.nodes)]
    nodes = []
    for node in sorted(picture.nodes, key=lambda node: (node.distance, node.y, node.x)):
        moved, box = _free_position(node, taken)
        if moved.label_y != node.label_y:
            moved = dataclasses.replace(moved, moved=True)
        taken.append(box)
        nodes.append(moved)
    # Edge captions are labels too: they keep clear of names and nodes the same way.
    edges = []
    for edge in picture.edges:
        if edge.captioned:
            edge, box = _free_caption(edge, taken)
            taken.append(box)
        edges.append(edge)
    left = min(box[0] for box in taken) - MARGIN
    top = min(box[1] for box in taken) - MARGIN
    right = max(box[2] for box in taken) + MARGIN
    bottom = max(box[3] for box in taken) + MARGIN
    left, top = min(left, 0), min(top, 0)
    right, bottom = max(right, picture.size), max(bottom, picture.size)
    view_box = " ".join(f"{value:g}" for value in (left, top, right - left, bottom - top))
    return dataclasses.replace(
        picture,
        nodes=nodes,
        edges=edges,
        view_box=view_box,
        width=round(right - left, 1),
    )


def label_boxes(picture):
    """Every label's box in a laid-out picture, the centre's first, captions last."""
    centre = picture.centre
    return [
        label_box(
            dataclasses.replace(centre, label_x=centre.x, label_y=centre.y + 30, anchor="middle"),
            font_size=CENTRE_FONT_SIZE,
        ),
        *(label_box(node) for node in picture.nodes),
        *(caption_box(edge) for edge in picture.edges if edge.captioned),
    ]

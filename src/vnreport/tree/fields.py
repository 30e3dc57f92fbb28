"""Bullets under a field left empty: "- Thời gian:" then "- Phiên sinh hoạt …: Từ 15g00 …".

A programme or notice lists its fields as bullets ("- Thời gian: …", "- Địa điểm: …"). One
left without a value on its line takes the bullets after it, written with the same dash, as
its own entries: the sessions under the time, the members under the participants. The next
field, or the next label left empty, is a sibling of the first again (corpus 12). The bullets
after any other label keep the rules of :mod:`vnreport.tree.placing`.
"""

from __future__ import annotations

from collections.abc import Sequence

from vnreport.lines.match_view import Readable
from vnreport.model import BULLET_STYLES
from vnreport.rules.shapes import FIELD_LABEL
from vnreport.tree.nodes import OpenNode


def field_position(match: Readable, stack: Sequence[OpenNode], node: OpenNode) -> int | None:
    """Where the bullet ``node`` goes on ``stack`` when an empty field decides it (the
    position it takes: what is open there closes), or None to leave it to the other rules."""
    marker = node.marker
    if marker is None or marker.style not in BULLET_STYLES or len(stack) < 2:
        return None
    top = stack[-1]
    starts_field = is_empty_label(match, node) or is_field(match, node)
    if not starts_field:
        if top.key == node.key and not top.children and is_empty_label(match, top) and is_field(match, top):
            return len(stack)  # the first entry under "- Thời gian:"
        return None
    for k in range(len(stack) - 1, 1, -1):
        if stack[k].key == node.key:
            outer = stack[k - 1]
            if outer.key == node.key and is_empty_label(match, outer) and is_field(match, outer):
                return k - 1  # "- Địa điểm: …" after the entries of "- Thời gian:"
            return None
    return None


def is_empty_label(match: Readable, node: OpenNode) -> bool:
    """A bulleted label whose line ends with its colon: "- Thời gian:"."""
    title = node.title
    if not node.is_section or title is None or title.end <= title.start:
        return False
    return match[title.end : node.line_end].strip(" *_\u00a0") == ":"


def is_field(match: Readable, node: OpenNode) -> bool:
    """A label that names one of the standing fields (:data:`~vnreport.rules.shapes.FIELD_LABEL`):
    a heading's title, or an entry's text up to its first colon ("- Địa điểm: Hội trường …")."""
    title, marker = node.title, node.marker
    if title is not None and title.end > title.start:
        label = match[title.start : title.end]
    elif marker is not None:
        line = match[marker.span.end : node.line_end]
        colon = line.find(":")
        if colon <= 0:
            return False
        label = line[:colon]
    else:
        return False
    return FIELD_LABEL.fullmatch(" ".join(label.split()).strip(" *_")) is not None

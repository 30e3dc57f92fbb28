"""Placing nodes by what the source states of them: heading levels and marker-less headings.

An HTML page or a Word document says which paragraphs are headings and at what level (h1–h6,
"Heading 2", an outline level; :mod:`vnreport.hints`). Where it says so the stated level outranks
the text's reading of the markers; a heading the source states without any marker in its text
("<h2>Tình hình chung</h2>") is a section all the same, titled by its text. A bold short
paragraph the source sets apart (no heading styles in the document) is a heading too, one level
below the section it follows: it states no level, so it never closes a numbered section.
"""

from __future__ import annotations

from collections.abc import Sequence

from vnreport.tree.nodes import OpenNode


def stated_sibling(stack: Sequence[OpenNode], level: int | None) -> int | None:
    """The stack position of the outermost open node whose stated level is ``level`` or deeper:
    the node of level ``level`` closes it and becomes its sibling (None: the text decides)."""
    if level is None:
        return None
    for k in range(1, len(stack)):
        open_level = stack[k].source_level
        if open_level is not None and open_level >= level:
            return k
    return None


def source_floor(stack: Sequence[OpenNode], level: int | None) -> int:
    """The stack position just below the deepest open node whose stated level is above
    ``level`` (1, the root's children, when either states none)."""
    if level is not None:
        for k in range(len(stack) - 1, 0, -1):
            open_level = stack[k].source_level
            if open_level is not None and open_level < level:
                return k + 1
    return 1


def is_set_apart(node: OpenNode) -> bool:
    """A marker-less heading the source sets apart by emphasis alone (no stated level)."""
    return node.is_section and node.marker is None and node.source_level is None


def unmarked_parent(stack: Sequence[OpenNode], node: OpenNode) -> int:
    """How many stack entries stay open under a marker-less heading ``node``: with a stated
    level, those above its floor; set apart by emphasis only, every open section but a previous
    such heading (lists and entries close)."""
    if node.source_level is not None:
        k = stated_sibling(stack, node.source_level)
        return k if k is not None else source_floor(stack, node.source_level)
    keep = len(stack)
    while keep > 1 and (not stack[keep - 1].is_section or is_set_apart(stack[keep - 1])):
        keep -= 1
    return keep

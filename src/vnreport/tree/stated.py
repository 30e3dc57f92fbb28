"""Placing nodes by what the source states of them: heading levels, list depths, marker-less headings.

An HTML page or a Word document says which paragraphs are headings and at what level (h1–h6,
"Heading 2", an outline level; :mod:`vnreport.hints`). Where it says so the stated level outranks
the text's reading of the markers; a heading the source states without any marker in its text
("<h2>Tình hình chung</h2>") is a section all the same, titled by its text. A bold short
paragraph the source sets apart (no heading styles in the document) is a heading too, one level
below the section it follows: it states no level, so it never closes a numbered section. The
entries of the source's own lists (``<ol>``/``<ul>``, Word numbering) nest by the list depth it
states, where the numbers written out repeat ("1." under "1.").
"""

from __future__ import annotations

from collections.abc import Sequence

from vnreport.lines.classify import ClassifiedLine, Role
from vnreport.lines.match_view import Readable
from vnreport.rules.shapes import SET_APART_CLOSING, SET_APART_MAX_WORDS
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


def list_position(stack: Sequence[OpenNode], depth: int | None) -> int | None:
    """The stack position an entry of the source's lists at ``depth`` takes (what is open there
    closes): under the innermost open entry of a shallower depth, else in the place of the
    outermost of the entries open on top of the stack ("1." of an inner ``<ol>`` goes under the
    outer "1.", the outer "2." closes both). None where no source list entry is open on top of
    the stack: the text decides."""
    if depth is None:
        return None
    k = len(stack)
    while k > 1:
        open_depth = stack[k - 1].list_depth
        if open_depth is None:
            break
        if open_depth < depth:
            return k
        k -= 1
    return k if k < len(stack) else None


def is_set_apart(node: OpenNode) -> bool:
    """A marker-less heading the source sets apart by emphasis alone (no stated level)."""
    return node.is_section and node.marker is None and node.source_level is None


def unmarked_parent(stack: Sequence[OpenNode], node: OpenNode) -> int:
    """How many stack entries stay open under a marker-less heading ``node``: with a stated
    level, those above its floor. Set apart by emphasis only, it is the sibling of the open
    heading set apart before it (what that one opened closes), else it goes under the innermost
    open section (lists and entries close); a marked heading closes it only by closing what it
    is under (its marker's style open above it)."""
    if node.source_level is not None:
        k = stated_sibling(stack, node.source_level)
        return k if k is not None else source_floor(stack, node.source_level)
    for k in range(len(stack) - 1, 0, -1):
        if is_set_apart(stack[k]):
            return k
    keep = len(stack)
    while keep > 1 and not stack[keep - 1].is_section:
        keep -= 1
    return keep


def set_apart_lines(match: Readable, lines: Sequence[ClassifiedLine], bold: Sequence[int]) -> frozenset[int]:
    """The bold one-line paragraphs among ``lines`` (positions ``bold``) that read as headings:
    unnumbered running text (a numbered one is a heading by its marker already), short, with no
    closing punctuation and some letter."""
    out: set[int] = set()
    for i in bold:
        if not 0 <= i < len(lines) or lines[i].role is not Role.TEXT:
            continue
        content = lines[i].line.content
        own = match[content.start : content.end].strip(" *_\t\u00a0")
        short = len(own.split()) <= SET_APART_MAX_WORDS and any(ch.isalpha() for ch in own)
        if short and not own.endswith(SET_APART_CLOSING):
            out.add(i)
    return frozenset(out)

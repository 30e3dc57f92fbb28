"""What the footnote reader (:mod:`vnreport.footnotes.page_bodies`) makes of a page bottom: a
footnote body being assembled on one page (and where a label glued to a line cuts it), and the
body found, with its label."""

from __future__ import annotations

import attrs
from attrs import frozen

from vnreport.model import Span


@frozen
class PdfFootnote:
    """A footnote body found at a page bottom, with its label."""

    label: str
    line_positions: tuple[int, ...]
    """Positions (into the classified lines) of the body's lines, its number line included (for
    the number-last layout the number line comes after other bodies) and continuation lines on
    the next page."""
    span: Span
    """The body with its number when the number opens it ("3⏎Kết nạp…", "4 Thái Nguyên…"); for
    a body whose number is printed elsewhere, the body alone."""
    text_span: Span
    """The body text without its number (first page only, see :attr:`continued`)."""
    continued: tuple[Span, ...] = ()
    """Continuations of the body on the following page(s), each a span of text without the
    running text between: ``text_span`` plus these is the whole footnote."""


@attrs.define
class BodyEntry:
    """A footnote being assembled on one page."""

    value: int
    label_pos: int | None
    text_start: int | None
    """Where the text starts on the label line (glued "4 Thái…"), else None."""
    body: list[int] = attrs.Factory(list)
    number_last: bool = False
    glued_at: tuple[int, int, int] | None = None
    """The label glued to the end of another line ("…5 sao. 16"): that line's position, where
    the text before the label ends, and where the label's digits start."""
    text_end: int | None = None
    """Where the text ends on the last body line when a label is glued to it."""


def cut_glued_labels(entries: list[BodyEntry]) -> frozenset[int]:
    """End each body whose last line a label is glued to before that label; the offsets of
    the glued labels' digits (none of them is a marker)."""
    for entry in entries:
        entry.text_end = None
    for glued in entries:
        if glued.glued_at is None:
            continue
        pos, end, _ = glued.glued_at
        for entry in entries:
            if entry.body and entry.body[-1] == pos:
                entry.text_end = end
    return frozenset(e.glued_at[2] for e in entries if e.glued_at is not None)

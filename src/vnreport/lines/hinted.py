"""Source hints placed on the lines: which lines hold a source table, a heading, a list entry, a footnote body, bold,
centred or italic text, page furniture, and on which lines the source's pages start.

The readers state their hints as spans of the text (:class:`~vnreport.hints.SourceHints`); the
line stages think in lines, so the ``hints`` stage of :data:`vnreport.pipeline.STAGES` turns the
spans into line positions once, here, for every later stage to read.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from attrs import frozen

from vnreport.hints import NO_HINTS, SourceHints, TableHint
from vnreport.lines.split import Line
from vnreport.model import FurnitureKind


@frozen
class LineHints:
    """The hints by line position (positions in the file's lines)."""

    hints: SourceHints = NO_HINTS
    tables: tuple[tuple[int, int, TableHint], ...] = ()
    """``(start, end, table)``: the lines ``[start, end)`` hold the source table ``table``."""
    levels: tuple[tuple[int, int], ...] = ()
    """``(line, level)``: the line opens a paragraph the source marks as a heading of that level."""
    bodies: tuple[int, ...] = ()
    """The lines that open a footnote body the source holds as such."""
    bold: tuple[int, ...] = ()
    """One-line paragraphs set wholly in bold, where the source has no heading styles of its own."""
    centred: tuple[int, ...] = ()
    """The lines of the paragraphs the source centres."""
    list_depths: tuple[tuple[int, int], ...] = ()
    """``(line, depth)``: the line opens an entry of the source's own lists at that depth."""
    italic: tuple[int, ...] = ()
    """The lines of the paragraphs the source sets wholly in italics."""
    page_starts: tuple[int, ...] = ()
    """The lines on which a page the source breaks starts (after the first), in order."""
    page_furniture: tuple[tuple[int, int, FurnitureKind], ...] = ()
    """``(start, end, kind)``: the lines ``[start, end)`` are page furniture of that kind (a Word header)."""

    def table_lines(self) -> frozenset[int]:
        return frozenset(i for start, end, _ in self.tables for i in range(start, end))

    def level_of(self) -> dict[int, int]:
        return dict(self.levels)


NO_LINE_HINTS = LineHints()


def place_hints(hints: SourceHints, lines: Sequence[Line]) -> LineHints:
    """Where each hint falls among ``lines``."""
    if not hints or not lines:
        return LineHints(hints)
    starts = [line.start for line in lines]

    def line_at(offset: int) -> int:
        return max(0, bisect.bisect_right(starts, offset) - 1)

    tables = tuple((line_at(t.span.start), line_at(t.span.end - 1) + 1, t) for t in hints.tables if len(t.span))
    levels = tuple((line_at(h.span.start), h.level) for h in hints.headings)
    bodies = tuple(line_at(b.start) for b in hints.footnote_bodies)
    # A source with heading styles says which lines are headings: its bold is only emphasis.
    one_line = (line_at(b.start) for b in hints.bold if line_at(b.start) == line_at(b.end - 1))
    bold = () if hints.headings else tuple(one_line)
    centred = tuple(i for c in hints.centred if len(c) for i in range(line_at(c.start), line_at(c.end - 1) + 1))
    list_depths = tuple((line_at(item.span.start), item.depth) for item in hints.list_items)
    italic = tuple(i for c in hints.italic if len(c) for i in range(line_at(c.start), line_at(c.end - 1) + 1))
    furniture = tuple((line_at(f.span.start), line_at(f.span.end - 1) + 1, f.kind) for f in hints.page_furniture)
    return LineHints(
        hints, tables, levels, bodies, bold, centred, list_depths, italic, page_starts(hints, lines), furniture
    )


def page_starts(hints: SourceHints, lines: Sequence[Line]) -> tuple[int, ...]:
    """The line each page break starts a page on: the line whose text it precedes, else (a break
    inside a line: Word laid a paragraph over two pages) the next line."""
    if not hints.page_breaks:
        return ()
    starts = [line.start for line in lines]
    out: list[int] = []
    for brk in hints.page_breaks:
        i = max(0, bisect.bisect_right(starts, brk.start) - 1)
        if brk.start > lines[i].content.start and lines[i].content.end > lines[i].content.start:
            i += 1
        if i < len(lines) and (not out or i > out[-1]):
            out.append(i)
    return tuple(out)

"""Ruled tables on a PDF page: the cells the page draws, read as rows of a source table.

A table of the genre (a programme's schedule, an appendix of targets) is drawn with thin rules
around its cells. Read line by line, a row "1. | Đón tiếp khách mời" comes out as a numbered
item and a cell wrapped over three lines as three paragraphs. The rules say where each cell is:
the page's thin filled or stroked rectangles (a rule is at most :data:`RULE` points thick) give
the row bands (horizontal rules) and, in each band, the column edges (the vertical rules that
cross it). Each cell's glyphs are rebuilt into lines as elsewhere and joined; a row is written
as one line, its cells separated by a tab, and handed over as a
:class:`~vnreport.hints.TableHint` (as the HTML and DOCX readers hand over theirs).

Reading a page's drawing costs a call per object, so only a page that names a table's numbering
column on a line of its own ("TT", "STT") or follows a page with a table is read so.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from vnreport.rules.tables import TABLE_STRONG_HEADER
from vnreport.text.folds import fold_accents

Box = tuple[float, float, float, float]
"""left, bottom, right, top in PDF points (the origin at the page's bottom left)."""

#: A rectangle at most this thick is a rule…
RULE = 2.0
#: …and at least this long.
RULE_LENGTH = 3.0
#: Rule positions this close are one edge (a cell's border drawn in pieces).
SAME_EDGE = 1.5
#: A grid has at least this many rows and columns.
MIN_ROWS, MIN_COLUMNS = 2, 2
#: A page drawing more rectangles than this is not read for a table (a real ruled page draws a few
#: hundred; the grid is quadratic in them, and a hostile page may hold millions).
MAX_RECTS = 5000


@frozen
class Grid:
    """A ruled table: its box and, per row band (top to bottom), its column edges."""

    box: Box
    rows: tuple[tuple[float, float, tuple[float, ...]], ...]
    """``(bottom, top, column edges left to right)`` per row."""

    def cell_of(self, x: float, y: float) -> tuple[int, int] | None:
        """The (row, cell) a point falls in, if it falls in the grid."""
        left, bottom, right, top = self.box
        if not (left < x < right and bottom < y < top):
            return None
        for r, (low, high, edges) in enumerate(self.rows):
            if low <= y <= high:
                for c in range(len(edges) - 1):
                    if edges[c] <= x <= edges[c + 1]:
                        return r, c
        return None


def names_a_table(texts: Sequence[str]) -> bool:
    """A line of the page is only a numbering column's title ("TT", "STT", "Số TT")."""
    for text in texts:
        short = text.strip()
        if len(short) <= 12 and TABLE_STRONG_HEADER.fullmatch(fold_accents(short, punctuation=True).lower()):
            return True
    return False


def find_grid(rects: Sequence[Box]) -> Grid | None:
    """The ruled table the page's thin rectangles draw, if they draw one."""
    if len(rects) > MAX_RECTS:
        return None
    verticals = [r for r in rects if r[2] - r[0] <= RULE and r[3] - r[1] >= RULE_LENGTH]
    if not verticals:
        return None
    left = min(r[0] for r in verticals)
    right = max(r[2] for r in verticals)
    horizontals = [
        r
        for r in rects
        if r[3] - r[1] <= RULE and r[2] - r[0] >= RULE_LENGTH and r[2] > left + SAME_EDGE and r[0] < right - SAME_EDGE
    ]
    ys = _edges([(r[1] + r[3]) / 2 for r in horizontals])
    rows: list[tuple[float, float, tuple[float, ...]]] = []
    for low, high in zip(reversed(ys[:-1]), reversed(ys[1:]), strict=True):
        crossing = [(v[0] + v[2]) / 2 for v in verticals if v[1] < high - SAME_EDGE and v[3] > low + SAME_EDGE]
        edges = tuple(_edges(crossing))
        if len(edges) >= 2:
            rows.append((low, high, edges))
    if len(rows) < MIN_ROWS or max(len(edges) - 1 for _, _, edges in rows) < MIN_COLUMNS:
        return None
    return Grid((left, rows[-1][0], right, rows[0][1]), tuple(rows))


def _edges(positions: Sequence[float]) -> list[float]:
    """The positions, those within :data:`SAME_EDGE` of each other taken as one, ascending."""
    edges: list[float] = []
    for p in sorted(positions):
        if not edges or p - edges[-1] > SAME_EDGE:
            edges.append(p)
    return edges


def split_chars(grid: Grid, text: str, boxes: Sequence[Box]) -> tuple[list[int], dict[tuple[int, int], list[int]]]:
    """The page's characters (indexes) outside the grid, and inside it by (row, cell). A space
    (no box of its own) goes where the character before it went."""
    outside: list[int] = []
    cells: dict[tuple[int, int], list[int]] = {}
    target: list[int] = outside
    for k, (ch, box) in enumerate(zip(text, boxes, strict=True)):
        if box[2] > box[0] and box[3] > box[1] and not ch.isspace():
            where = grid.cell_of((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
            target = outside if where is None else cells.setdefault(where, [])
        target.append(k)
    return outside, cells

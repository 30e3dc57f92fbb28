"""Tables: Markdown pipe tables, tables that pdftotext flattened one cell per line, and
space-aligned ``-layout`` tables, found among the classified lines.

A table occupies whole lines; the tree builder is told which line ranges hold one, so the
cells never become one-word paragraphs or false headings ("1", "2.1." alone on a line).

Three shapes, all from the genre's real sources:

* **Pipe tables.** GitHub-style rows ``| a | b |`` with a ``|---|`` separator; and the crawl
  of thuvienphapluat.vn, which writes every ``|`` on a line of its own, so a table is a stream
  of cells between lone pipes, cells wrap over lines, and a row boundary ``|⏎|`` looks exactly
  like an empty cell. The row width is inferred from the first row and checked against the
  whole stream. Header blocks and signature blocks are written the same way: such tables are
  flagged ``layout`` so that the furniture reader can claim them.
* **Flattened tables.** pdftotext (default mode) emits each cell on its own line(s). A table
  is anchored on its header cells ("STT", "Nội dung", "Đơn vị tính", "Kết quả thực hiện"…) and
  grown while the lines keep looking like cells (short lines, figures, row numbers); a run of
  wrapped prose, a strong heading, a rule or the closing matter ends it. Rows start at the
  numbering column ("1", "2.1.", "(3)", "II", "-"), checked against its own sequence so that a
  figure "17" in row 18 is not read as a row number.
* **Aligned tables** (``pdftotext -layout``): lines whose columns are separated by runs of
  spaces, under a header line with the same kind of gaps.

Each shape has its reader (:mod:`~vnreport.layout.table_pipes`,
:mod:`~vnreport.layout.table_flattened`, :mod:`~vnreport.layout.table_aligned`); the block found
and the reading of a cell are in :mod:`~vnreport.layout.table_cells`. Everything is pure and
linear in the number of lines (every window is bounded).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from vnreport.hints import TableHint
from vnreport.layout.table_aligned import aligned_tables
from vnreport.layout.table_cells import KIND_ALIGNED, KIND_FLATTENED, KIND_MARKDOWN, KIND_SOURCE, TableBlock
from vnreport.layout.table_flattened import flattened_tables
from vnreport.layout.table_pipes import pipe_tables
from vnreport.lines.classify import ClassifiedLine
from vnreport.model import Span, Table, TableCell, TableRow

__all__ = [
    "KIND_ALIGNED",
    "KIND_FLATTENED",
    "KIND_MARKDOWN",
    "KIND_SOURCE",
    "TableBlock",
    "block_span",
    "find_tables",
    "make_table",
    "source_tables",
    "table_factory",
]


def find_tables(
    text: str, lines: Sequence[ClassifiedLine], taken: Sequence[tuple[int, int]] = ()
) -> tuple[TableBlock, ...]:
    """Every table among ``lines`` outside the ranges ``taken`` (the source's own tables), in
    order, none overlapping."""
    # Whole-text checks first: most reports have no pipes and no column gaps at all.
    blocks = pipe_tables(text, lines) if "|" in text else []
    if taken:
        blocks = [b for b in blocks if not any(b.start < end and start < b.end for start, end in taken)]
    blocks_and_taken = [*blocks, *(TableBlock(start, end, (), KIND_SOURCE) for start, end in taken)]
    taken_lines = _taken(blocks_and_taken, len(lines))
    flattened = flattened_tables(text, lines, taken_lines)
    blocks.extend(flattened)
    if _has_column_gaps(text):
        taken_lines = _taken([*blocks_and_taken, *flattened], len(lines))
        blocks.extend(aligned_tables(text, lines, taken_lines))
    blocks.sort(key=lambda b: b.start)
    return tuple(blocks)


def source_tables(tables: Sequence[tuple[int, int, TableHint]]) -> tuple[TableBlock, ...]:
    """The tables a marked-up source states (``(first line, end line, table)``) as blocks."""
    return tuple(
        TableBlock(start, end, tuple(row.cells for row in t.rows), KIND_SOURCE, source=t) for start, end, t in tables
    )


def _has_column_gaps(text: str) -> bool:
    """Aligned (``pdftotext -layout``) columns are runs of ASCII spaces; a text without a single
    run of three has no aligned table, and ``in`` finds that out at C speed."""
    return "   " in text


def make_table(text: str, node_id: str, block: TableBlock) -> Table:
    """The model node for ``block``: its span runs from the first cell line to the last (a
    source table keeps the spans its source gave it)."""
    if block.source is not None:
        hint = block.source
        stated = (TableRow(r.span, tuple(TableCell(c, text[c.start : c.end]) for c in r.cells)) for r in hint.rows)
        return Table(node_id, hint.span, tuple(stated))
    rows: list[TableRow] = []
    for cells in block.rows:
        if not cells:
            continue
        row_span = Span(cells[0].start, max(c.end for c in cells))
        rows.append(TableRow(row_span, tuple(TableCell(c, text[c.start : c.end]) for c in cells)))
    start = min((r.span.start for r in rows), default=0)
    end = max((r.span.end for r in rows), default=0)
    return Table(node_id, Span(start, end), tuple(rows))


def block_span(lines: Sequence[ClassifiedLine], block: TableBlock) -> Span:
    """The span the tree builder gives a table: first line's content start to last line's end."""
    return Span(lines[block.start].content_start, lines[block.end - 1].content_end)


def table_factory(
    text: str, lines: Sequence[ClassifiedLine], blocks: Sequence[TableBlock]
) -> Callable[[str, Span], Table]:
    """A ``make_table`` for :class:`~vnreport.structure.TreeBuilder`: it is handed the span of
    the table's lines, and finds the block by where that span starts."""
    by_start = {block_span(lines, b).start: b for b in blocks}

    def factory(node_id: str, span: Span) -> Table:
        block = by_start.get(span.start)
        if block is None:
            return Table(node_id, span, (TableRow(span, (TableCell(span, text[span.start : span.end]),)),))
        table = make_table(text, node_id, block)
        return table if block.source is not None else Table(node_id, span, table.rows)

    return factory


def _taken(blocks: Sequence[TableBlock], n: int) -> bytearray:
    taken = bytearray(n)
    for b in blocks:
        taken[b.start : b.end] = b"\x01" * (b.end - b.start)
    return taken

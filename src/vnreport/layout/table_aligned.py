"""Aligned tables (``pdftotext -layout``): lines whose columns are separated by runs of spaces,
under a header line with the same kind of gaps."""

from __future__ import annotations

from collections.abc import Sequence

from vnreport.layout.table_cells import KIND_ALIGNED, MAX_PATTERN_LINE, TableBlock, fold_cell, line_text, trim
from vnreport.layout.table_flattened import has_marker, line_shape
from vnreport.lines.classify import ClassifiedLine
from vnreport.lines.split import LineKind
from vnreport.model import Span
from vnreport.rules.tables import TABLE_COLUMN_GAP, TABLE_HEADER_CELL

#: Lines of an aligned table have at least this many column gaps.
MIN_ALIGNED_GAPS = 2
#: Lines without gaps in a row (wrapped labels) that an aligned table runs on through.
ALIGNED_PLAIN_RUN = 6
#: An aligned table has at least this many lines with gaps.
MIN_ALIGNED_LINES = 3


def _gaps(text: str, cl: ClassifiedLine) -> list[tuple[int, int]]:
    """Column gaps inside a line's content: runs of two or more spaces between text."""
    start, end = cl.content_start, cl.content_end
    if end - start > MAX_PATTERN_LINE * 2:
        return []
    return [m.span() for m in TABLE_COLUMN_GAP.finditer(text, start, end)]


def aligned_tables(text: str, lines: Sequence[ClassifiedLine], taken: bytearray) -> list[TableBlock]:
    """Runs of lines split into columns by space gaps, with a header cell among them. A cell
    that wraps leaves lines without gaps (the rest of a label) inside the run; a full line of
    prose, a rule, or too many lines without gaps end it. Each line is a row (the -layout text
    puts a row's number on the middle line of its wrapped label, so lines are what is sure)."""
    n = len(lines)
    out: list[TableBlock] = []
    i = 0
    while i < n:
        if taken[i] or lines[i].kind is not LineKind.TEXT or not _gaps(text, lines[i]):
            i += 1
            continue
        end, is_table = _aligned_run(text, lines, taken, i)
        if is_table:
            out.append(TableBlock(i, end, _aligned_rows(text, lines, i, end), KIND_ALIGNED))
            i = end
        else:
            i = max(end, i + 1)  # a later start in the same run only sees less of it
    return out


def _aligned_run(text: str, lines: Sequence[ClassifiedLine], taken: bytearray, i: int) -> tuple[int, bool]:
    """Where the run of gapped lines from ``i`` ends (exclusive), and whether it is a table."""
    n = len(lines)
    j = i
    end = i + 1
    gapped = wide = plain = 0
    headers = 0
    while j < n and not taken[j]:
        cl = lines[j]
        kind = cl.kind
        if kind is LineKind.BLANK:
            j += 1
            continue
        if kind is not LineKind.TEXT:
            break
        gaps = _gaps(text, cl)
        if gaps:
            plain = 0
            gapped += 1
            wide += len(gaps) >= MIN_ALIGNED_GAPS
            if headers < 2:
                headers += _header_cells(text, cl)
        else:
            shape = line_shape(text, cl)
            if shape.long or plain >= ALIGNED_PLAIN_RUN or has_marker(cl):
                break
            if not shape.page:
                plain += 1
        end = j + 1
        j += 1
    return end, gapped >= MIN_ALIGNED_LINES and wide > 0 and headers >= 2


def _header_cells(text: str, cl: ClassifiedLine) -> int:
    """How many of a gapped line's cells are column titles."""
    if cl.content_length > MAX_PATTERN_LINE:
        return 0
    parts = TABLE_COLUMN_GAP.split(line_text(text, cl))
    return sum(1 for part in parts if TABLE_HEADER_CELL.fullmatch(fold_cell(part)) is not None)


def _aligned_rows(text: str, lines: Sequence[ClassifiedLine], start: int, end: int) -> tuple[tuple[Span, ...], ...]:
    rows: list[tuple[Span, ...]] = []
    for k in range(start, end):
        cl = lines[k]
        if cl.kind is LineKind.BLANK or line_shape(text, cl).page:
            continue
        c = cl.line.content
        cells: list[Span] = []
        pos = c.start
        for gap_start, gap_end in _gaps(text, cl):
            cells.append(trim(text, pos, gap_start))
            pos = gap_end
        cells.append(trim(text, pos, c.end))
        rows.append(tuple(cells))
    return tuple(rows)

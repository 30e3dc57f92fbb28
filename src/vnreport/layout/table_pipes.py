"""Markdown pipe tables: GitHub-style rows ``| a | b |`` with a ``|---|`` separator, and the
crawl of thuvienphapluat.vn, which writes every ``|`` on a line of its own.

In the crawl a table is a stream of cells between lone pipes, cells wrap over lines, and a row
boundary ``|⏎|`` looks exactly like an empty cell: the row width is inferred from the first row
and checked against the whole stream. Header blocks and signature blocks are written the same
way: such tables are flagged ``layout`` so that the furniture reader can claim them.
"""

from __future__ import annotations

from collections.abc import Sequence

from vnreport.layout.table_cells import KIND_MARKDOWN, MAX_PATTERN_LINE, TableBlock, line_text, trim
from vnreport.lines.classify import ClassifiedLine
from vnreport.lines.split import LineKind
from vnreport.model import Span
from vnreport.rules.tables import TABLE_LAYOUT_CELL, TABLE_SEPARATOR_CELL

#: Widest row a pipe stream is tried with.
MAX_PIPE_COLUMNS = 16


def pipe_tables(text: str, lines: Sequence[ClassifiedLine]) -> list[TableBlock]:
    """A pipe table per block of non-blank lines that holds pipes and ends a line with one."""
    out: list[TableBlock] = []
    n = len(lines)
    i = 0
    while i < n:
        if lines[i].kind is LineKind.BLANK:
            i += 1
            continue
        j = i
        first = last = -1
        while j < n and lines[j].kind is not LineKind.BLANK:
            content = line_text(text, lines[j])
            if "|" in content:
                if first < 0:
                    first = j
                if content.endswith("|"):
                    last = j
            j += 1
        if first >= 0 and last >= first:
            block = _parse_pipes(text, lines, first, last + 1)
            if block is not None:
                out.append(block)
        i = j
    return out


def _pipes(text: str, start: int, end: int) -> list[int]:
    """Positions of the cell pipes in ``text[start:end]`` (an escaped ``\\|`` is cell text)."""
    out: list[int] = []
    k = text.find("|", start, end)
    while k >= 0:
        if k == 0 or text[k - 1] != "\\":
            out.append(k)
        k = text.find("|", k + 1, end)
    return out


def _parse_pipes(text: str, lines: Sequence[ClassifiedLine], a: int, b: int) -> TableBlock | None:
    start = lines[a].content_start
    end = lines[b - 1].content_end
    pipes = _pipes(text, start, end)
    if not pipes:
        return None
    rows = _pipe_rows(text, lines, a, start, pipes)
    if not rows or max(len(r) for r in rows) < 2 or sum(1 for r in rows for c in r if len(c)) < 2:
        return None
    return TableBlock(a, b, tuple(tuple(r) for r in rows), KIND_MARKDOWN, _lays_out_furniture(text, rows))


def _pipe_rows(text: str, lines: Sequence[ClassifiedLine], a: int, start: int, pipes: list[int]) -> list[list[Span]]:
    """The rows of cells between ``pipes``, separator rows left out."""
    lead = trim(text, start, pipes[0])
    if len(lead):
        rows, exact = _rows_trailing_pipes(text, lines, a, start, pipes, lead)
    else:
        rows, exact = _rows_leading_pipes(text, pipes)
    rows = [r for r in rows if r and not all(_is_separator(text, c) for c in r)]
    # Blank rows of a form ("| | | |" under the column titles) are rows; after a guess they are
    # artefacts of the guess.
    if not exact:
        rows = [r for r in rows if any(len(c) for c in r)]
    return rows


def _lays_out_furniture(text: str, rows: list[list[Span]]) -> bool:
    """A table of a few rows holding a motto, "Nơi nhận", a signature authority…"""
    return len(rows) <= 3 and any(
        len(c) <= MAX_PATTERN_LINE * 4 and TABLE_LAYOUT_CELL.search(text, c.start, c.end) for r in rows for c in r
    )


def _is_separator(text: str, cell: Span) -> bool:
    return len(cell) <= MAX_PATTERN_LINE and TABLE_SEPARATOR_CELL.fullmatch(text, cell.start, cell.end) is not None


def _rows_leading_pipes(text: str, pipes: list[int]) -> tuple[list[list[Span]], bool]:
    """Rows written ``| a | b |`` — on one line each, or (the crawl) with every pipe on a line of
    its own. Between two rows lies one whitespace segment holding a newline (``|⏎|``); in the
    crawl an empty cell looks the same, so the row width is inferred and checked."""
    segments = [trim(text, pipes[k] + 1, pipes[k + 1]) for k in range(len(pipes) - 1)]
    breaks = [not len(s) and "\n" in text[pipes[k] + 1 : pipes[k + 1]] for k, s in enumerate(segments)]
    first_break = next((k for k, is_break in enumerate(breaks) if is_break), len(segments))
    candidates = [first_break] + [w for w in range(1, min(MAX_PIPE_COLUMNS, len(segments)) + 1) if w != first_break]
    for width in candidates:
        if width >= 1 and _fits(segments, breaks, width):
            return [segments[r : r + width] for r in range(0, len(segments), width + 1)], True
    # Ragged rows (spanning cells, a broken crawl): every "|⏎|" ends a row.
    rows: list[list[Span]] = [[]]
    for seg, is_break in zip(segments, breaks, strict=True):
        if is_break:
            rows.append([])
        else:
            rows[-1].append(seg)
    return rows, False


def _fits(segments: list[Span], breaks: list[bool], width: int) -> bool:
    if (len(segments) + 1) % (width + 1):
        return False
    return all(breaks[k] for k in range(width, len(segments), width + 1))


def _rows_trailing_pipes(
    text: str, lines: Sequence[ClassifiedLine], a: int, start: int, pipes: list[int], lead: Span
) -> tuple[list[list[Span]], bool]:
    """Rows written ``a | b |`` (each cell closed by a pipe, none opening the row), as in the
    headers of corpus 16/17. The width is the first line's cell count."""
    cells = [lead] + [trim(text, pipes[k] + 1, pipes[k + 1]) for k in range(len(pipes) - 1)]
    first_line_end = lines[a].content_end
    width = sum(1 for p in pipes if p < first_line_end)
    if width and len(cells) % width == 0:
        return [cells[r : r + width] for r in range(0, len(cells), width)], True
    # Otherwise a row per line: a cell belongs to the line its closing pipe is on.
    rows: list[list[Span]] = []
    previous_line = -1
    line_no = 0
    counted = start
    for cell, pipe in zip(cells, pipes, strict=False):
        line_no += text.count("\n", counted, pipe)
        counted = pipe
        if line_no != previous_line:
            rows.append([])
            previous_line = line_no
        rows[-1].append(cell)
    return rows, False

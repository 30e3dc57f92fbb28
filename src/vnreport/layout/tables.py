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

Everything here is pure and linear in the number of lines (every window is bounded).
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Callable, Sequence

from attrs import frozen

from vnreport.lines.classify import ClassifiedLine, Role
from vnreport.lines.split import LineKind
from vnreport.model import MarkerStyle, Span, Table, TableCell, TableRow
from vnreport.rules.tables import (
    TABLE_CLOSING,
    TABLE_COLUMN_GAP,
    TABLE_HEADER_CELL,
    TABLE_LAYOUT_CELL,
    TABLE_ROW_MARKER,
    TABLE_SEPARATOR_CELL,
    TABLE_STRONG_HEADER,
    TABLE_VALUE_CELL,
)

KIND_MARKDOWN = "markdown"
KIND_FLATTENED = "flattened"
KIND_ALIGNED = "aligned"


@frozen
class TableBlock:
    """A table found among the lines: where it is and its cells, before it becomes a model node."""

    start: int
    """First position (in the lines given to :func:`find_tables`) of the table."""
    end: int
    """Position just past the table's last line."""
    rows: tuple[tuple[Span, ...], ...]
    """Cell spans per row, trimmed; a cell may cover several lines (wrapped text)."""
    kind: str
    """``"markdown"``, ``"flattened"`` or ``"aligned"``."""
    layout: bool = False
    """A pipe table that only lays out furniture (issuer | motto, "Nơi nhận" | signature)."""


# -- tuning -----------------------------------------------------------------------------------

#: A cell of a flattened table is short: column widths keep most cells well under a line.
SHORT_CELL = 40
#: A line this long is a full line of wrapped text (a report line is ~75-90 characters).
LONG_LINE = 55
#: Only lines up to this length are matched against cell patterns (a 2 MB line never is).
MAX_PATTERN_LINE = 200
#: Header cells of one table lie within this many non-blank lines of each other.
HEADER_WINDOW = 10
#: Lines of a column title wrapped below its first line ("Nghị quyết⏎Đại hội của⏎Đảng bộ tỉnh").
MAX_TITLE_REST = 3
#: Wrapped prose (long lines, strong headings) that ends a flattened table, as evidence points.
PROSE_LIMIT = 5
#: Non-blank lines without a figure, row number or header cell after which a table has ended.
DRY_LIMIT = 24
#: How far ahead (in lines) a table's repeated column titles let it run on past a long cell.
REPEAT_WINDOW = 40
#: Short cell lines kept after the last figure (the last row's label and assessment).
TAIL_LIMIT = 16
#: Widest row a pipe stream is tried with.
MAX_PIPE_COLUMNS = 16
#: Lines of an aligned table have at least this many column gaps.
MIN_ALIGNED_GAPS = 2
#: Lines without gaps in a row (wrapped labels) that an aligned table runs on through.
ALIGNED_PLAIN_RUN = 6
#: An aligned table has at least this many lines with gaps.
MIN_ALIGNED_LINES = 3

_STRONG_HEADING_STYLES = frozenset(
    {MarkerStyle.PART, MarkerStyle.CHAPTER, MarkerStyle.SECTION, MarkerStyle.ARTICLE, MarkerStyle.ROMAN}
)


def find_tables(text: str, lines: Sequence[ClassifiedLine]) -> tuple[TableBlock, ...]:
    """Every table among ``lines``, in order, none overlapping."""
    # Whole-text checks first: most reports have no pipes and no column gaps at all.
    blocks = _pipe_tables(text, lines) if "|" in text else []
    taken = _taken(blocks, len(lines))
    flattened = _flattened_tables(text, lines, taken)
    blocks.extend(flattened)
    if _has_column_gaps(text):
        taken = _taken(blocks, len(lines))
        blocks.extend(_aligned_tables(text, lines, taken))
    blocks.sort(key=lambda b: b.start)
    return tuple(blocks)


def _has_column_gaps(text: str) -> bool:
    """Aligned (``pdftotext -layout``) columns are runs of ASCII spaces; a text without a single
    run of three has no aligned table, and ``in`` finds that out at C speed."""
    return "   " in text


def make_table(text: str, node_id: str, block: TableBlock) -> Table:
    """The model node for ``block``: its span runs from the first cell line to the last."""
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
    return Span(lines[block.start].line.content.start, lines[block.end - 1].line.content.end)


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
        return Table(node_id, span, table.rows)

    return factory


def _taken(blocks: Sequence[TableBlock], n: int) -> bytearray:
    taken = bytearray(n)
    for b in blocks:
        taken[b.start : b.end] = b"\x01" * (b.end - b.start)
    return taken


def _content(text: str, cl: ClassifiedLine) -> str:
    c = cl.line.content
    return text[c.start : c.end]


def _trim(text: str, start: int, end: int) -> Span:
    """The span of ``text[start:end]`` without surrounding whitespace; empty at ``start`` if blank."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _fold(s: str) -> str:
    """Lower case without diacritics ("Tỷ lệ"/"Tỉ lệ", "hoá"/"hóa" meet the same pattern), and
    without the bold, rule and colon marks around a cell ("**TT**", "----Cơ quan chủ trì")."""
    decomposed = unicodedata.normalize("NFD", s.casefold().strip(" *_-:\u00a0"))
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("đ", "d").split())


# =============================================================================================
# Pipe tables
# =============================================================================================


def _pipe_tables(text: str, lines: Sequence[ClassifiedLine]) -> list[TableBlock]:
    out: list[TableBlock] = []
    n = len(lines)
    i = 0
    while i < n:
        if lines[i].line.kind is LineKind.BLANK:
            i += 1
            continue
        j = i
        first = last = -1
        while j < n and lines[j].line.kind is not LineKind.BLANK:
            content = _content(text, lines[j])
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
    start = lines[a].line.content.start
    end = lines[b - 1].line.content.end
    pipes = _pipes(text, start, end)
    if not pipes:
        return None
    lead = _trim(text, start, pipes[0])
    if len(lead):
        rows, exact = _rows_trailing_pipes(text, lines, a, start, pipes, lead)
    else:
        rows, exact = _rows_leading_pipes(text, pipes)
    rows = [r for r in rows if r and not all(_is_separator(text, c) for c in r)]
    if not exact:
        rows = [r for r in rows if any(len(c) for c in r)]
    # Blank rows of a form ("| | | |" under the column titles) are rows; after a guess they are
    # artefacts of the guess.
    if not rows or max(len(r) for r in rows) < 2 or sum(1 for r in rows for c in r if len(c)) < 2:
        return None
    layout = len(rows) <= 3 and any(
        len(c) <= MAX_PATTERN_LINE * 4 and TABLE_LAYOUT_CELL.search(text, c.start, c.end) for r in rows for c in r
    )
    return TableBlock(a, b, tuple(tuple(r) for r in rows), KIND_MARKDOWN, layout)


def _is_separator(text: str, cell: Span) -> bool:
    return len(cell) <= MAX_PATTERN_LINE and TABLE_SEPARATOR_CELL.fullmatch(text, cell.start, cell.end) is not None


def _rows_leading_pipes(text: str, pipes: list[int]) -> tuple[list[list[Span]], bool]:
    """Rows written ``| a | b |`` — on one line each, or (the crawl) with every pipe on a line of
    its own. Between two rows lies one whitespace segment holding a newline (``|⏎|``); in the
    crawl an empty cell looks the same, so the row width is inferred and checked."""
    segments = [_trim(text, pipes[k] + 1, pipes[k + 1]) for k in range(len(pipes) - 1)]
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
    cells = [lead] + [_trim(text, pipes[k] + 1, pipes[k + 1]) for k in range(len(pipes) - 1)]
    first_line_end = lines[a].line.content.end
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


# =============================================================================================
# Flattened tables (pdftotext default mode)
# =============================================================================================


class _Shape:
    """What one line looks like to the flattened-table detector (computed once per line)."""

    __slots__ = ("header", "long", "marker", "page", "short", "strong", "value")

    def __init__(self) -> None:
        self.header = False  # a column title: "STT", "Nội dung", "Đơn vị tính"…
        self.strong = False  # "STT"/"TT": a table, whatever else is around
        self.marker = False  # alone on its line: "1", "2.1.", "(3)", "II", "-"
        self.value = False  # a figure: "95,5%", "150 triệu đồng", "2025", "Quý I/2026"
        self.short = False  # short enough to be a cell
        self.long = False  # a full line of wrapped text
        self.page = False  # a page number after a form feed


def _constant_shape(long: bool) -> _Shape:
    shape = _Shape()
    shape.long = long
    return shape


#: Shared shapes for the lines that cannot be cells (most of a report): never mutated.
_BLANK_SHAPE = _constant_shape(False)
_LONG_SHAPE = _constant_shape(True)
_MEDIUM_SHAPE = _constant_shape(False)


def _shape(text: str, cl: ClassifiedLine) -> _Shape:
    line = cl.line
    if line.kind is LineKind.BLANK:
        return _BLANK_SHAPE
    length = line.content.end - line.content.start
    if length > SHORT_CELL and not text[line.content.start].isdigit():
        return _LONG_SHAPE if length >= LONG_LINE else _MEDIUM_SHAPE
    shape = _Shape()
    shape.long = length >= LONG_LINE
    if length > MAX_PATTERN_LINE:
        return shape
    content = _content(text, cl)
    if content.isdigit() and "\f" in text[line.span.start : line.content.start]:
        shape.page = True
        return shape
    shape.short = length <= SHORT_CELL
    if length <= SHORT_CELL:
        folded = _fold(content)
        shape.header = TABLE_HEADER_CELL.fullmatch(folded) is not None
        shape.strong = TABLE_STRONG_HEADER.fullmatch(folded) is not None
        shape.marker = TABLE_ROW_MARKER.fullmatch(content) is not None
        shape.value = not shape.marker and TABLE_VALUE_CELL.fullmatch(content) is not None
    return shape


def _flattened_tables(text: str, lines: Sequence[ClassifiedLine], taken: bytearray) -> list[TableBlock]:
    n = len(lines)
    shapes = [_shape(text, cl) for cl in lines]
    out: list[TableBlock] = []
    i = 0
    while i < n:
        if taken[i] or not shapes[i].header:
            i += 1
            continue
        if not _header_cluster(lines, shapes, taken, i):
            i += 1
            continue
        end = _grow(text, lines, shapes, taken, i)
        block = _flattened_block(text, lines, shapes, i, end)
        if block is not None:
            out.append(block)
            i = end
        else:
            i = max(end, i + 1)  # no table grows out of a stretch that held none
    return out


def _header_cluster(lines: Sequence[ClassifiedLine], shapes: list[_Shape], taken: bytearray, i: int) -> bool:
    """Column titles together: "STT" and another, or three others. Between two titles lie at
    most the wrapped rest of a title ("Thời gian ban⏎hành"), never a figure, a numbered heading
    or a line of prose: titles scattered through text are words of the text."""
    headers = strong = seen = others = 0
    k = i
    while k < len(lines) and seen < HEADER_WINDOW and not taken[k]:
        cl = lines[k]
        shape = shapes[k]
        if cl.line.kind is LineKind.BLANK or shape.page:
            k += 1
            continue
        seen += 1
        if shape.header:
            headers += 1
            strong += shape.strong
            others = 0
        elif shape.long and headers >= 2:
            pass  # a misplaced line of the first row (pdftotext reorders blocks)
        elif shape.long or shape.marker or shape.value or _has_marker(cl) or others >= MAX_TITLE_REST:
            break
        else:
            others += 1
        if (strong and headers >= 2) or headers >= 3:
            return True
        k += 1
    return False


def _has_marker(cl: ClassifiedLine) -> bool:
    return cl.marker is not None and cl.role in (Role.HEADING, Role.ITEM, Role.RUN_IN)


def _grow(text: str, lines: Sequence[ClassifiedLine], shapes: list[_Shape], taken: bytearray, i: int) -> int:
    """Where the table that starts at ``i`` ends (exclusive)."""
    n = len(lines)
    last_evidence = i
    prose = 0
    dry = 0
    headers = {_fold(_content(text, lines[i]))}
    number = 0
    k = i + 1
    while k < n and not taken[k]:
        cl = lines[k]
        shape = shapes[k]
        kind = cl.line.kind
        if kind is LineKind.BLANK or shape.page:
            k += 1
            continue
        if kind is not LineKind.TEXT:
            if len(cl.line.content) >= 3:
                break  # a rule or the dotted lines of a note page: the table is over
            k += 1
            continue
        content = cl.line.content
        if len(content) <= MAX_PATTERN_LINE and TABLE_CLOSING.match(text, content.start, content.end):
            break
        if shape.header or shape.marker or shape.value:
            if shape.header:
                headers.add(_fold(_content(text, cl)))
            value = _row_number(text, cl) if shape.marker else None
            if value is not None and number < value <= number + 3:
                number = value
            last_evidence = k
            prose = 0
            dry = 0
            k += 1
            continue
        dry += 1
        if _strong_heading(text, cl):
            prose += 3
        elif shape.long:
            prose += 2 if cl.role in (Role.ITEM, Role.RUN_IN) else 1
        elif shape.short:
            prose = max(0, prose - 1)
        if prose >= PROSE_LIMIT or dry >= DRY_LIMIT:
            resume = _resume(text, lines, shapes, taken, k + 1, headers, number)
            if resume < 0:
                break
            # A cell of many lines, then the column titles again at the top of the next page,
            # or the next row number: the same table goes on.
            last_evidence = k = resume
            prose = dry = 0
        k += 1
    return _tail(text, lines, shapes, last_evidence, k)


def _row_number(text: str, cl: ClassifiedLine) -> int | None:
    label = _content(text, cl).rstrip(".")
    return int(label) if label.isdigit() else None


def _resume(
    text: str,
    lines: Sequence[ClassifiedLine],
    shapes: list[_Shape],
    taken: bytearray,
    k: int,
    headers: set[str],
    number: int,
) -> int:
    """Where the table goes on after a long stretch of text: its column titles repeated, or the
    next number of its numbering column alone on a line, within a page's reach of ``k``; -1 if
    a heading or a rule comes first."""
    for j in range(k, min(len(lines), k + REPEAT_WINDOW)):
        if taken[j]:
            return -1
        cl = lines[j]
        shape = shapes[j]
        if shape.header and _fold(_content(text, cl)) in headers:
            return j
        if shape.marker and number:
            value = _row_number(text, cl)
            if value is not None and number < value <= number + 2:
                return j
        if _strong_heading(text, cl) or (cl.line.kind is LineKind.RULE and len(cl.line.content) >= 3):
            return -1
    return -1


def _strong_heading(text: str, cl: ClassifiedLine) -> bool:
    """A heading of the body ("III. TỔ CHỨC THỰC HIỆN", "Chương II …"), not a group row."""
    if cl.marker is None or cl.role is not Role.HEADING or cl.title is None:
        return False
    if cl.marker.style not in _STRONG_HEADING_STYLES:
        return False
    return len(text[cl.title.start : cl.title.end].split()) >= 2


def _tail(text: str, lines: Sequence[ClassifiedLine], shapes: list[_Shape], last: int, stop: int) -> int:
    """Keep the cells after the last figure (the last row's label, "Vượt mục / tiêu"), up to
    the first full line of prose or heading."""
    end = last + 1
    kept = 0
    k = last + 1
    while k < stop and kept < TAIL_LIMIT:
        cl = lines[k]
        shape = shapes[k]
        if cl.line.kind is LineKind.BLANK or shape.page:
            k += 1
            continue
        if shape.long or cl.role in (Role.HEADING, Role.ITEM, Role.RUN_IN):
            break
        kept += 1
        k += 1
        end = k
    return end


def _flattened_block(
    text: str, lines: Sequence[ClassifiedLine], shapes: list[_Shape], start: int, end: int
) -> TableBlock | None:
    # A table has a body: at least a few cells that are figures or row numbers.
    evidence = sum(1 for k in range(start, end) if shapes[k].marker or shapes[k].value)
    if evidence < 2 or end - start < 4:
        return None
    row_starts = _row_starts(text, lines, shapes, start, end)
    rows: list[tuple[Span, ...]] = []
    bounds = [start, *row_starts, end]
    for a, b in itertools.pairwise(bounds):
        if a < b:
            cells = _cells(text, lines, shapes, a, b)
            if cells:
                rows.append(cells)
    if not rows:
        return None
    return TableBlock(start, end, tuple(rows), KIND_FLATTENED)


def _row_starts(text: str, lines: Sequence[ClassifiedLine], shapes: list[_Shape], start: int, end: int) -> list[int]:
    """Positions where a row begins: a number of the numbering column, in sequence, or a
    repeated header (the column titles at the top of each page)."""
    first_header = _fold(_content(text, lines[start]))
    out: list[int] = []
    last_int: int | None = None
    higher_since = True
    for k in range(start + 1, end):
        shape = shapes[k]
        if shape.header and _fold(_content(text, lines[k])) == first_header:
            out.append(k)
            continue
        if not shape.marker:
            continue
        label = _content(text, lines[k]).rstrip(".")
        if label.isdigit():
            value = int(label)
            expected = last_int is None or last_int < value <= last_int + 3 or (value == 1 and higher_since)
            if not expected or not _label_follows(text, lines, shapes, k, end):
                continue
            last_int = value
            higher_since = False
        elif label and label[0] in "IVXLC":
            higher_since = True
        out.append(k)
    return out


def _label_follows(text: str, lines: Sequence[ClassifiedLine], shapes: list[_Shape], k: int, end: int) -> bool:
    """A row number is followed by its label (a figure "17" is followed by another figure)."""
    for j in range(k + 1, min(end, k + 6)):
        if lines[j].line.kind is LineKind.BLANK or shapes[j].page:
            continue
        return not (shapes[j].value or shapes[j].marker)
    return False


def _cells(text: str, lines: Sequence[ClassifiedLine], shapes: list[_Shape], a: int, b: int) -> tuple[Span, ...]:
    """Cells of one row. Where pdftotext left blank lines between cells, a cell is a block of
    lines; otherwise a cell is a line, and a line that starts in lower case continues the
    wrapped text of the cell above ("Vượt mục⏎tiêu")."""
    groups: list[list[int]] = [[]]
    has_blank = False
    for k in range(a, b):
        if lines[k].line.kind is LineKind.BLANK:
            if groups[-1]:
                groups.append([])
                has_blank = True
            continue
        if shapes[k].page:
            if groups[-1]:
                groups.append([])
            continue
        groups[-1].append(k)
    groups = [g for g in groups if g]
    cells: list[Span] = []
    for group in groups:
        if has_blank:
            cells.append(_cell_span(text, lines, group[0], group[-1]))
            continue
        run = [group[0]]
        for k in group[1:]:
            if _continues(text, lines, shapes, run[-1], k):
                run.append(k)
            else:
                cells.append(_cell_span(text, lines, run[0], run[-1]))
                run = [k]
        cells.append(_cell_span(text, lines, run[0], run[-1]))
    return tuple(cells)


def _continues(text: str, lines: Sequence[ClassifiedLine], shapes: list[_Shape], prev: int, k: int) -> bool:
    if shapes[prev].marker or shapes[prev].value or shapes[k].marker or shapes[k].value:
        return False
    first = _content(text, lines[k])[:1]
    return first.islower()


def _cell_span(text: str, lines: Sequence[ClassifiedLine], first: int, last: int) -> Span:
    start = lines[first].line.content.start
    end = lines[last].line.content.end
    # "----Cơ quan chủ trì": a rule glued to the first cell is not the cell's text (a lone "-"
    # is the cell of a sub-row).
    rule = start
    while rule < end and text[rule] in "-_─━¯":
        rule += 1
    if rule - start >= 3 and rule < end:
        start = rule
    return _trim(text, start, end)


# =============================================================================================
# Aligned tables (pdftotext -layout)
# =============================================================================================


def _gaps(text: str, cl: ClassifiedLine) -> list[tuple[int, int]]:
    """Column gaps inside a line's content: runs of two or more spaces between text."""
    c = cl.line.content
    if len(c) > MAX_PATTERN_LINE * 2:
        return []
    return [m.span() for m in TABLE_COLUMN_GAP.finditer(text, c.start, c.end)]


def _aligned_tables(text: str, lines: Sequence[ClassifiedLine], taken: bytearray) -> list[TableBlock]:
    """Runs of lines split into columns by space gaps, with a header cell among them. A cell
    that wraps leaves lines without gaps (the rest of a label) inside the run; a full line of
    prose, a rule, or too many lines without gaps end it. Each line is a row (the -layout text
    puts a row's number on the middle line of its wrapped label, so lines are what is sure)."""
    n = len(lines)
    out: list[TableBlock] = []
    i = 0
    while i < n:
        if taken[i] or lines[i].line.kind is not LineKind.TEXT or not _gaps(text, lines[i]):
            i += 1
            continue
        j = i
        end = i + 1
        gapped = wide = plain = 0
        headers = 0
        while j < n and not taken[j]:
            cl = lines[j]
            kind = cl.line.kind
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
                if headers < 2 and len(cl.line.content) <= MAX_PATTERN_LINE:
                    parts = TABLE_COLUMN_GAP.split(_content(text, cl))
                    headers += sum(1 for part in parts if TABLE_HEADER_CELL.fullmatch(_fold(part)) is not None)
            else:
                shape = _shape(text, cl)
                if shape.long or plain >= ALIGNED_PLAIN_RUN or _has_marker(cl):
                    break
                if not shape.page:
                    plain += 1
            end = j + 1
            j += 1
        if gapped >= MIN_ALIGNED_LINES and wide and headers >= 2:
            out.append(TableBlock(i, end, _aligned_rows(text, lines, i, end), KIND_ALIGNED))
            i = end
        else:
            i = max(end, i + 1)  # a later start in the same run only sees less of it
    return out


def _aligned_rows(text: str, lines: Sequence[ClassifiedLine], start: int, end: int) -> tuple[tuple[Span, ...], ...]:
    rows: list[tuple[Span, ...]] = []
    for k in range(start, end):
        cl = lines[k]
        if cl.line.kind is LineKind.BLANK or _shape(text, cl).page:
            continue
        c = cl.line.content
        cells: list[Span] = []
        pos = c.start
        for gap_start, gap_end in _gaps(text, cl):
            cells.append(_trim(text, pos, gap_start))
            pos = gap_end
        cells.append(_trim(text, pos, c.end))
        rows.append(tuple(cells))
    return tuple(rows)

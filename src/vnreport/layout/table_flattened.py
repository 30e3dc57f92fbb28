"""Flattened tables: pdftotext (default mode) emits each cell of a table on its own line(s).

A table is anchored on its header cells ("STT", "Nội dung", "Đơn vị tính", "Kết quả thực
hiện"…) and grown while the lines keep looking like cells (short lines, figures, row numbers); a
run of wrapped prose, a strong heading, a rule or the closing matter ends it. Rows start at the
numbering column ("1", "2.1.", "(3)", "II", "-"), checked against its own sequence so that a
figure "17" in row 18 is not read as a row number.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from vnreport.layout.table_cells import KIND_FLATTENED, MAX_PATTERN_LINE, TableBlock, fold_cell, line_text, trim
from vnreport.lines.classify import ClassifiedLine, Role
from vnreport.lines.split import LineKind
from vnreport.model import MarkerStyle, Span
from vnreport.rules.tables import (
    TABLE_CLOSING,
    TABLE_HEADER_CELL,
    TABLE_ROW_MARKER,
    TABLE_STRONG_HEADER,
    TABLE_VALUE_CELL,
)

#: A cell of a flattened table is short: column widths keep most cells well under a line.
SHORT_CELL = 40
#: A line this long is a full line of wrapped text (a report line is ~75-90 characters).
LONG_LINE = 55
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

_STRONG_HEADING_STYLES = frozenset(
    {
        MarkerStyle.APPENDIX,
        MarkerStyle.PART,
        MarkerStyle.CHAPTER,
        MarkerStyle.SECTION,
        MarkerStyle.ARTICLE,
        MarkerStyle.ROMAN,
    }
)


class LineShape:
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


def _constant_shape(long: bool) -> LineShape:
    shape = LineShape()
    shape.long = long
    return shape


#: Shared shapes for the lines that cannot be cells (most of a report): never mutated.
_BLANK_SHAPE = _constant_shape(False)
_LONG_SHAPE = _constant_shape(True)
_MEDIUM_SHAPE = _constant_shape(False)


def line_shape(text: str, cl: ClassifiedLine) -> LineShape:
    line = cl.line
    if line.kind is LineKind.BLANK:
        return _BLANK_SHAPE
    length = line.content_end - line.content_start
    if length > SHORT_CELL and not text[line.content_start].isdigit():
        return _LONG_SHAPE if length >= LONG_LINE else _MEDIUM_SHAPE
    shape = LineShape()
    shape.long = length >= LONG_LINE
    if length > MAX_PATTERN_LINE:
        return shape
    content = line_text(text, cl)
    if content.isdigit() and "\f" in text[line.start : line.content_start]:
        shape.page = True
        return shape
    shape.short = length <= SHORT_CELL
    if length <= SHORT_CELL:
        folded = fold_cell(content)
        shape.header = TABLE_HEADER_CELL.fullmatch(folded) is not None
        shape.strong = TABLE_STRONG_HEADER.fullmatch(folded) is not None
        shape.marker = TABLE_ROW_MARKER.fullmatch(content) is not None
        shape.value = not shape.marker and TABLE_VALUE_CELL.fullmatch(content) is not None
    return shape


def flattened_tables(text: str, lines: Sequence[ClassifiedLine], taken: bytearray) -> list[TableBlock]:
    """Tables grown from a cluster of column titles, on lines no other table took."""
    n = len(lines)
    shapes = [line_shape(text, cl) for cl in lines]
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


def _header_cluster(lines: Sequence[ClassifiedLine], shapes: list[LineShape], taken: bytearray, i: int) -> bool:
    """Column titles together: "STT" and another, or three others. Between two titles lie at
    most the wrapped rest of a title ("Thời gian ban⏎hành"), never a figure, a numbered heading
    or a line of prose: titles scattered through text are words of the text."""
    headers = strong = seen = others = 0
    k = i
    while k < len(lines) and seen < HEADER_WINDOW and not taken[k]:
        cl = lines[k]
        shape = shapes[k]
        if cl.kind is LineKind.BLANK or shape.page:
            k += 1
            continue
        seen += 1
        if shape.header:
            headers += 1
            strong += shape.strong
            others = 0
        elif shape.long and headers >= 2:
            pass  # a misplaced line of the first row (pdftotext reorders blocks)
        elif _not_a_title(cl, shape) or others >= MAX_TITLE_REST:
            break
        else:
            others += 1
        if (strong and headers >= 2) or headers >= 3:
            return True
        k += 1
    return False


def _not_a_title(cl: ClassifiedLine, shape: LineShape) -> bool:
    """A line that cannot be the wrapped rest of a column title: prose, a figure, a number."""
    return shape.long or shape.marker or shape.value or has_marker(cl)


def has_marker(cl: ClassifiedLine) -> bool:
    return cl.marker is not None and cl.role in (Role.HEADING, Role.ITEM, Role.RUN_IN)


class _Growth:
    """What a flattened table has shown so far while it grows line by line."""

    __slots__ = ("dry", "headers", "last_evidence", "number", "prose")

    def __init__(self, start: int, first_header: str) -> None:
        self.last_evidence = start
        """The last line that was a figure, a row number or a column title."""
        self.prose = 0
        """Evidence points of wrapped prose since then."""
        self.dry = 0
        """Lines without evidence since then."""
        self.headers = {first_header}
        """The column titles seen (folded)."""
        self.number = 0
        """The last number of the numbering column."""

    def add_evidence(self, text: str, cl: ClassifiedLine, shape: LineShape, k: int) -> None:
        if shape.header:
            self.headers.add(fold_cell(line_text(text, cl)))
        value = _row_number(text, cl) if shape.marker else None
        if value is not None and self.number < value <= self.number + 3:
            self.number = value
        self.last_evidence = k
        self.prose = 0
        self.dry = 0

    def add_other(self, text: str, cl: ClassifiedLine, shape: LineShape) -> bool:
        """A line without evidence; whether the table now looks over."""
        self.dry += 1
        if _strong_heading(text, cl):
            self.prose += 3
        elif shape.long:
            self.prose += 2 if cl.role in (Role.ITEM, Role.RUN_IN) else 1
        elif shape.short:
            self.prose = max(0, self.prose - 1)
        return self.prose >= PROSE_LIMIT or self.dry >= DRY_LIMIT

    def resume_at(self, k: int) -> None:
        self.last_evidence = k
        self.prose = self.dry = 0


def _grow(text: str, lines: Sequence[ClassifiedLine], shapes: list[LineShape], taken: bytearray, i: int) -> int:
    """Where the table that starts at ``i`` ends (exclusive)."""
    n = len(lines)
    growth = _Growth(i, fold_cell(line_text(text, lines[i])))
    k = i + 1
    while k < n and not taken[k]:
        cl = lines[k]
        shape = shapes[k]
        kind = cl.kind
        if kind is LineKind.BLANK or shape.page:
            k += 1
            continue
        if kind is not LineKind.TEXT:
            if cl.content_length >= 3:
                break  # a rule or the dotted lines of a note page: the table is over
            k += 1
            continue
        if _is_closing(text, cl):
            break
        if shape.header or shape.marker or shape.value:
            growth.add_evidence(text, cl, shape, k)
        elif growth.add_other(text, cl, shape):
            resume = _resume(text, lines, shapes, taken, k + 1, growth.headers, growth.number)
            if resume < 0:
                break
            # A cell of many lines, then the column titles again at the top of the next page,
            # or the next row number: the same table goes on.
            growth.resume_at(resume)
            k = resume
        k += 1
    return _tail(text, lines, shapes, growth.last_evidence, k)


def _is_closing(text: str, cl: ClassifiedLine) -> bool:
    """The closing matter ("Nơi nhận:", "T/M BAN THƯỜNG VỤ") after a table."""
    content = cl.line.content
    return len(content) <= MAX_PATTERN_LINE and TABLE_CLOSING.match(text, content.start, content.end) is not None


def _row_number(text: str, cl: ClassifiedLine) -> int | None:
    label = line_text(text, cl).rstrip(".")
    return int(label) if label.isdigit() else None


def _resume(
    text: str,
    lines: Sequence[ClassifiedLine],
    shapes: list[LineShape],
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
        if shape.header and fold_cell(line_text(text, cl)) in headers:
            return j
        if shape.marker and number:
            value = _row_number(text, cl)
            if value is not None and number < value <= number + 2:
                return j
        if _strong_heading(text, cl) or (cl.kind is LineKind.RULE and cl.content_length >= 3):
            return -1
    return -1


def _strong_heading(text: str, cl: ClassifiedLine) -> bool:
    """A heading of the body ("III. TỔ CHỨC THỰC HIỆN", "Chương II …"), not a group row."""
    if cl.marker is None or cl.role is not Role.HEADING or cl.title is None:
        return False
    if cl.marker.style not in _STRONG_HEADING_STYLES:
        return False
    return len(text[cl.title.start : cl.title.end].split()) >= 2


def _tail(text: str, lines: Sequence[ClassifiedLine], shapes: list[LineShape], last: int, stop: int) -> int:
    """Keep the cells after the last figure (the last row's label, "Vượt mục / tiêu"), up to
    the first full line of prose or heading."""
    end = last + 1
    if shapes[last].marker and _row_number(text, lines[last]) is not None:
        label = _last_row_label(text, lines, shapes, last + 1, stop)
        if label is not None:
            return label
    kept = 0
    k = last + 1
    while k < stop and kept < TAIL_LIMIT:
        cl = lines[k]
        shape = shapes[k]
        if cl.kind is LineKind.BLANK or shape.page:
            k += 1
            continue
        if shape.long or cl.role in (Role.HEADING, Role.ITEM, Role.RUN_IN):
            break
        kept += 1
        k += 1
        end = k
    return end


def _last_row_label(
    text: str, lines: Sequence[ClassifiedLine], shapes: list[LineShape], k: int, stop: int
) -> int | None:
    """Where the last row ends when the table's last evidence is its row number ("30.") and a
    full line follows: that line is the row's label ("Chào cờ bế mạc: Hát Quốc ca …"), with its
    wrapped rest in lower case; what comes after (a cover page's capitals) is not the table's.
    None when a short cell follows (the usual tail)."""
    while k < stop and (lines[k].kind is LineKind.BLANK or shapes[k].page):
        k += 1
    if k >= stop or not shapes[k].long or _strong_heading(text, lines[k]):
        return None
    end = k + 1
    while end < stop and lines[end].kind is LineKind.TEXT and line_text(text, lines[end])[:1].islower():
        end += 1
    return end


def _flattened_block(
    text: str, lines: Sequence[ClassifiedLine], shapes: list[LineShape], start: int, end: int
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


def _row_starts(text: str, lines: Sequence[ClassifiedLine], shapes: list[LineShape], start: int, end: int) -> list[int]:
    """Positions where a row begins: a number of the numbering column, in sequence, or a
    repeated header (the column titles at the top of each page)."""
    first_header = fold_cell(line_text(text, lines[start]))
    out: list[int] = []
    last_int: int | None = None
    higher_since = True
    for k in range(start + 1, end):
        shape = shapes[k]
        if shape.header and fold_cell(line_text(text, lines[k])) == first_header:
            out.append(k)
            continue
        if not shape.marker:
            continue
        label = line_text(text, lines[k]).rstrip(".")
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


def _label_follows(text: str, lines: Sequence[ClassifiedLine], shapes: list[LineShape], k: int, end: int) -> bool:
    """A row number is followed by its label (a figure "17" is followed by another figure)."""
    for j in range(k + 1, min(end, k + 6)):
        if lines[j].kind is LineKind.BLANK or shapes[j].page:
            continue
        return not (shapes[j].value or shapes[j].marker)
    return False


def _cells(text: str, lines: Sequence[ClassifiedLine], shapes: list[LineShape], a: int, b: int) -> tuple[Span, ...]:
    """Cells of one row. Where pdftotext left blank lines between cells, a cell is a block of
    lines; otherwise a cell is a line, and a line that starts in lower case continues the
    wrapped text of the cell above ("Vượt mục⏎tiêu")."""
    groups: list[list[int]] = [[]]
    has_blank = False
    for k in range(a, b):
        if lines[k].kind is LineKind.BLANK:
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


def _continues(text: str, lines: Sequence[ClassifiedLine], shapes: list[LineShape], prev: int, k: int) -> bool:
    if shapes[prev].marker or shapes[prev].value or shapes[k].marker or shapes[k].value:
        return False
    first = line_text(text, lines[k])[:1]
    return first.islower()


def _cell_span(text: str, lines: Sequence[ClassifiedLine], first: int, last: int) -> Span:
    start = lines[first].content_start
    end = lines[last].content_end
    # "----Cơ quan chủ trì": a rule glued to the first cell is not the cell's text (a lone "-"
    # is the cell of a sub-row).
    rule = start
    while rule < end and text[rule] in "-_─━¯":
        rule += 1
    if rule - start >= 3 and rule < end:
        start = rule
    return trim(text, start, end)

"""A PDF page's characters as lines in reading order: words spaced by their gaps, superscripts
found by size and baseline, the header block's two columns read left column first.

Characters come in content order (:mod:`vnreport.sources.pdf_chars`); a character starts a new
line when it does not overlap the current line's band or goes back to its left. A run of digits
set smaller than its line and raised above the line's bottom is a superscript: glued to the word
before it, as the page shows it ("hiện đại1."), and recorded as such; at the start of a line it
is a footnote body's label, set on a line of its own ("1⏎Tổ chức…"). A number hanging at a tab
stop ("(5)⇥Nghị quyết …") is set on a line of its own too, as ``pdftotext`` sets it. The lines
above the first full line of a page whose parts stand apart (issuer left; "ĐẢNG CỘNG SẢN VIỆT
NAM" and the date right), split from one line or each on a baseline of its own, are read as two
columns.
"""

from __future__ import annotations

import attrs
from attrs import frozen

from vnreport.sources.pdf_blocks import SIZE_GAP, closing_columns, size_splits
from vnreport.sources.pdf_chars import Box, PageChars
from vnreport.sources.pdf_tables import Grid, split_chars

#: A character is smaller than its line below this share of the line's height…
SMALL = 0.9
#: …and raised when its bottom stands this share of the line's height above the line's bottom.
RAISED = 0.2
#: A gap this share of the line's height wider than its usual gap between letters is a space
#: (09 sets "b) Tham" and "- Căn cứ" a tenth of a line height apart, where its letters touch;
#: 0.06 splits words in 01 and 02, "Ti ếp", "t ại").
SPACE_GAP = 0.08
#: Characters a gap before them never makes a word space ("07).", "3,12%").
CLOSING_MARKS = ".,;:!?)]…%"
#: A gap wider than this many line heights separates two columns.
COLUMN_GAP = 2.5
#: A gap this many line heights wide after a line's opening number is a tab stop: the number
#: hangs in a column of its own ("(5)⇥Nghị quyết …", a Word list's number and its tab).
TAB_GAP = 1.5
#: The longest number a tab stop sets apart ("(12)", "1.2.", "a)").
MAX_HANGING = 6
#: Two characters share a line when their bands overlap by this share of the smaller one.
OVERLAP = 0.3


@frozen
class PdfLine:
    """One line of a page: its text, its box, its raised digit runs and what its font says."""

    text: str
    box: Box
    height: float
    """The height of its main characters (not the raised ones)."""
    superscripts: tuple[tuple[int, int], ...]
    """Raised digit runs inside the line (offsets into :attr:`text`), a label opening the line excluded."""
    label: bool
    """It opens with a raised number (a footnote body's label)."""
    column: int = 0
    """0 in the running text; 1 and 2: the left and right column of the header block."""
    cells: tuple[tuple[int, int], ...] = ()
    """A row of a ruled table: its cells (offsets into :attr:`text`, separated by tabs)."""


@attrs.define
class _Run:
    """A line being built: its characters (indices into the page's text) and the band of its main
    ones (bottom, top and the commonest height: taller accented capitals and raised digits are
    exceptions)."""

    chars: list[int]
    spaced: list[bool]
    """Per character: whether a space came before it."""
    bottom: float
    top: float
    height: float


def page_lines(page: PageChars, grid: Grid | None = None) -> list[PdfLine]:
    """The page's lines in reading order; with the ``grid`` of a ruled table, its rows each one
    line of tab-separated cells (:mod:`vnreport.sources.pdf_tables`)."""
    if grid is None:
        lines = _lines_of(page.text, page.boxes)
    else:
        outside, cells = split_chars(grid, page.text, box_tuples(page.boxes))
        lines = _lines_of(*_chars(page, outside))
        lines.extend(_rows(page, grid, cells))
    # Top to bottom, as the page reads: content order is usually that already, but not where a
    # text layer was laid over a scan (OCR) or a block was written last (a signature, a stamp).
    lines.sort(key=lambda line: -round(line.box[1]))
    lines = _columns_first(lines, page.width)
    return [lines[k] for k in closing_columns([line.box for line in lines], [line.text for line in lines])]


def box_tuples(boxes: list[float]) -> list[Box]:
    """The flat boxes (left, top, right, bottom per character) as one (left, bottom, right, top)
    box a character, for the rules that read a few pages' or lines' boxes, not every character."""
    return [(boxes[k], boxes[k + 3], boxes[k + 2], boxes[k + 1]) for k in range(0, len(boxes), 4)]


def _lines_of(text: str, boxes: list[float]) -> list[PdfLine]:
    lines: list[PdfLine] = []
    for run in _runs(text, boxes):
        lines.extend(_make_lines(run, text, boxes))
    return lines


def _chars(page: PageChars, indexes: list[int]) -> tuple[str, list[float]]:
    """The text and flat boxes of the page's characters at ``indexes``."""
    boxes = page.boxes
    flat: list[float] = []
    for k in indexes:
        flat.extend(boxes[4 * k : 4 * k + 4])
    return "".join([page.text[k] for k in indexes]), flat


def _rows(page: PageChars, grid: Grid, cells: dict[tuple[int, int], list[int]]) -> list[PdfLine]:
    """Each row of the grid with text as one line: its cells' lines, top to bottom, joined."""
    rows: list[PdfLine] = []
    for r, (low, high, edges) in enumerate(grid.rows):
        parts: list[str] = []
        spans: list[tuple[int, int]] = []
        supers: list[tuple[int, int]] = []
        at = 0
        height = 0.0
        for c in range(len(edges) - 1):
            lines = _lines_of(*_chars(page, cells.get((r, c), [])))
            lines.sort(key=lambda line: (-round(line.box[1]), line.box[0]))
            for k, line in enumerate(lines):
                offset = at + sum(len(ln.text) + 1 for ln in lines[:k])
                supers.extend((offset + s, offset + e) for s, e in line.superscripts)
                height = max(height, line.height)
            text = " ".join(line.text.replace("\n", " ") for line in lines)
            parts.append(text)
            spans.append((at, at + len(text)))
            at += len(text) + 1
        if any(parts):
            box = (edges[0], low, edges[-1], high)
            rows.append(PdfLine("\t".join(parts), box, height, tuple(supers), False, 0, tuple(spans)))
    return rows


def _runs(text: str, boxes: list[float]) -> list[_Run]:
    """The characters grouped into lines, in content order. One tight loop: it runs for every
    character of the file (the state of the current line is kept in locals; ``boxes`` holds
    left, top, right, bottom per character)."""
    runs: list[_Run] = []
    chars: list[int] = []
    spaces: list[bool] = []
    # How many characters of each height (in tenths of a point) the line has; the mode's own
    # count is kept in ``mode_count`` (its entry in ``counts`` may lag behind).
    counts: dict[int, int] = {}
    bottom = top = height = last_left = 0.0
    mode = mode_count = 0
    spaced = False
    for i in range(len(text)):
        ch = text[i]
        left, high, right, low = boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3]
        if ch.isspace() or right <= left or high <= low:
            spaced = spaced or ch == " " or ch == "\u00a0"
            continue
        h = high - low
        if chars and min(top, high) - max(bottom, low) >= OVERLAP * min(h, height) and left >= last_left - 0.5 * height:
            chars.append(i)
            spaces.append(spaced)
        else:
            if chars:
                runs.append(_Run(chars, spaces, bottom, top, height))
            chars, spaces, counts, mode, mode_count = [i], [False], {}, 0, 0
            bottom, top, height = low, high, h
        key = int(h * 10)
        if key == mode:
            mode_count += 1
        else:
            count = counts[key] = counts.get(key, 0) + 1
            if count > mode_count or (count == mode_count and key > mode):
                counts[mode] = mode_count
                mode, mode_count, height = key, count, h
        if h >= SMALL * height:
            bottom, top = min(bottom, low), max(top, high)
        last_left = left
        spaced = False
    if chars:
        runs.append(_Run(chars, spaces, bottom, top, height))
    return runs


def _make_lines(run: _Run, text: str, boxes: list[float]) -> list[PdfLine]:
    """The run as one line, or as several where a column gap or a change of size splits it."""
    chars, height = run.chars, run.height
    wide = [k for k in range(1, len(chars)) if boxes[4 * chars[k]] - boxes[4 * chars[k - 1] + 2] > SIZE_GAP * height]
    splits = set(size_splits([_box(boxes, i) for i in chars], wide)) if wide else set()
    cuts = [0]
    for k in range(1, len(chars)):
        if k in splits or boxes[4 * chars[k]] - boxes[4 * chars[k - 1] + 2] > COLUMN_GAP * height:
            cuts.append(k)
    if len(cuts) == 1:
        return [_line(run, 0, len(chars), text, boxes, 0)]
    cuts.append(len(chars))
    return [_line(run, cuts[k], cuts[k + 1], text, boxes, k + 1) for k in range(len(cuts) - 1)]


def _box(boxes: list[float], i: int) -> Box:
    """Character ``i``'s box as (left, bottom, right, top)."""
    return (boxes[4 * i], boxes[4 * i + 3], boxes[4 * i + 2], boxes[4 * i + 1])


def _space_width(run: _Run, first: int, last: int, boxes: list[float]) -> float:
    """A gap wider than this is a space: the line's usual gap between letters (tight or loose
    tracking) and a share of its height."""
    chars, spaced = run.chars, run.spaced
    gaps = sorted([boxes[4 * chars[k]] - boxes[4 * chars[k - 1] + 2] for k in range(first + 1, last) if not spaced[k]])
    return (gaps[len(gaps) // 2] if gaps else 0.0) + SPACE_GAP * run.height


def _line(run: _Run, first: int, last: int, text: str, boxes: list[float], column: int) -> PdfLine:
    """The line of the run's characters ``first`` to ``last``."""
    chars, spaced_before, bottom, height = run.chars, run.spaced, run.bottom, run.height
    out: list[str] = []  # one character each, so that len(out) is an offset
    supers: list[tuple[int, int]] = []
    space = _space_width(run, first, last, boxes)
    lead = 0  # the small digits opening the line (a footnote label, raised or set on the line)
    x0 = y0 = 1e300
    x1 = y1 = -1e300
    prev_right = 0.0
    for k in range(first, last):
        i = chars[k]
        ch = text[i]
        left, high, right, low = boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3]
        small = ch.isdigit() and high - low < SMALL * height
        raised = small and low - bottom > RAISED * height
        if small and lead == len(out):
            lead += 1
        # A raised number is glued to the word it follows unless the page leaves a gap (the
        # text layer may put a space before it where the page shows none).
        # A gap before closing punctuation is the page's spacing, not a word space ("07).").
        gap = left - prev_right > space and ch not in CLOSING_MARKS
        if k > first and (gap or (spaced_before[k] and not raised)):
            out.append("\n" if _hangs(out, left - prev_right, height) else " ")
        if raised:
            at = len(out)
            if supers and supers[-1][1] == at:
                supers[-1] = (supers[-1][0], at + 1)
            else:
                supers.append((at, at + 1))
        out.append(ch)
        prev_right = right
        x0, y0, x1, y1 = min(x0, left), min(y0, low), max(x1, right), max(y1, high)
    label = 0 < lead < len(out)
    if label:
        # The label on a line of its own, as pdftotext sets it ("12⏎02 tập thể…"): a label
        # followed by digits would read as one number.
        if supers and supers[0][0] == 0:
            supers.pop(0)
        if out[lead].isspace():
            out[lead] = "\n"
        else:
            out.insert(lead, "\n")
            supers = [(s + 1, e + 1) for s, e in supers]
    return PdfLine("".join(out), (x0, y0, x1, y1), height, tuple(supers), label, column)


def _hangs(out: list[str], gap: float, height: float) -> bool:
    """The line so far is a number set apart by a tab stop: it is written on a line of its
    own, as ``pdftotext`` reads it (the number's column, then the text: corpus 09's "(5)")."""
    return (
        gap > TAB_GAP * height
        and len(out) <= MAX_HANGING
        and " " not in out
        and "\n" not in out
        and out[-1] in ").-"
        # A number or a letter closed by ")": the tree reads either standing alone as a marker
        # over the next line's text; a lone "-" or "b." it does not ("b." may end a word).
        and (any(c.isdigit() for c in out) or (out[-1] == ")" and any(c.isalpha() for c in out)))
    )


def _columns_first(lines: list[PdfLine], width: float) -> list[PdfLine]:
    """The page's lines with its header block (the lines above the first line across the page's
    middle, when some are split into columns) read left column first."""
    middle = width / 2
    head = 0
    while head < len(lines) and (lines[head].column or not lines[head].box[0] < middle < lines[head].box[2]):
        head += 1
    # Left-aligned lines after the last split one are the text's own (a title set left).
    last_split = max((k for k in range(head) if lines[k].column), default=-1)
    if last_split < 0:
        return _sides_first(lines, head, middle)
    while head > last_split + 1 and lines[head - 1].box[2] < middle:
        head -= 1
    block = lines[:head]
    left = [ln for ln in block if ln.box[0] < middle and ln.column != 2]
    right = [ln for ln in block if not (ln.box[0] < middle and ln.column != 2)]
    return [*left, *right, *lines[head:]]


def _sides_first(lines: list[PdfLine], head: int, middle: float) -> list[PdfLine]:
    """The page's lines with the lines above its first line across the middle read left side
    first, where each of them stands wholly on one side and both sides hold some: a header
    block whose columns are set on baselines of their own (07: "THÀNH ỦY HÀ NỘI" a little above
    "ĐẢNG CỘNG SẢN VIỆT NAM", "Hà Nội, ngày …" between "BAN TỔ CHỨC" and "*"), which top to
    bottom interleaves."""
    left = [ln for ln in lines[:head] if ln.box[2] < middle]
    right = [ln for ln in lines[:head] if ln.box[0] > middle]
    if not left or not right or len(left) + len(right) < head:
        return lines
    return [*left, *right, *lines[head:]]

"""Page furniture and PDF footnotes: what ``pdftotext`` leaves between the lines of a report.

Text extracted from a PDF keeps the page: a form feed at every page end, the printed page
number as a lone line, running headers, footers and watermarks repeated on every page, a cover
page, and, at the bottom of each page, footnote bodies in a smaller font (longer lines) whose
superscript labels were flattened into plain digits glued to the words that cite them
("hiện đại1.", "Chính phủ9", "tích cực10"). :func:`analyze_pages` finds all of it and says which
lines to keep out of the body; the pipeline does the rest (skipping lines, making
:class:`~vnreport.model.Footnote` objects, attaching refs to sentences).

Footnotes are found body first: a page's bottom must hold a run of labelled bodies that
continues the document's label sequence, and only then are digits in that page's running text
read as markers, and only those whose values are the page's labels, in order. That is what keeps
"km2", "15g00", "QH15", years and list numbers out: they never fit a sequence of bodies found.

Three layouts of the footnote block occur, all handled per page:

* number line, then body ("3⏎Kết nạp đảng viên…"), or number glued to it ("4 Thái Nguyên…");
* the page's first body without its number, whose number comes last, alone, before the form
  feed (the flattened superscript sorts after the text in pdftotext's reading order);
* a body that continues from the previous page, without a number, above the page's first label.

Pure functions; linear in the text. A text that does not look like PDF output (no form feed,
no page-number line) returns :data:`EMPTY_LAYOUT` after one pass over the lines.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence

import attrs
from attrs import frozen

from vnreport.lines.classify import ClassifiedLine, Role
from vnreport.model import Diagnostic, DiagnosticCode, Furniture, Severity, Span
from vnreport.rules.pages import (
    COUNTER_WORDS,
    DIGIT_RUN,
    MARKER_UNITS,
    PAGE_NUMBER,
    PDF_FOOTNOTE_GLUED_LABEL,
    PDF_FOOTNOTE_LONE_LABEL,
    RUNNING_LINE_DIGITS,
    WATERMARK_WORDS,
)


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


@frozen
class PageLayout:
    """Everything page-shaped in a text: furniture lines, footnote bodies, glued markers."""

    skip: frozenset[int] = frozenset()
    """Positions of lines to keep out of the body: furniture and footnote bodies."""
    furniture: tuple[Furniture, ...] = ()
    """Page numbers, running headers/footers, watermarks, cover lines, form feeds,
    number-last footnote labels; in text order."""
    footnotes: tuple[PdfFootnote, ...] = ()
    refs: tuple[tuple[str, Span], ...] = ()
    """Glued markers in the running text: label and the span of its digits ("1" of "đại1.")."""
    diagnostics: tuple[Diagnostic, ...] = ()
    page_starts: tuple[int, ...] = ()
    """Position of the first line of each page after the first (where a form feed or a
    page-number line breaks the text): a paragraph interrupted there continues across it."""


EMPTY_LAYOUT = PageLayout()

#: A page of more lines than this is not a printed page; only its last lines can hold footnotes.
MAX_ZONE_LINES = 80
#: Without form feeds, page-number lines are at least this many lines apart (a printed page).
MIN_PAGE_LINES = 15
#: Candidate starts of a footnote block tried per page (bounds the work on odd pages).
MAX_ZONE_TRIES = 12
#: A running header, footer or watermark repeats on at least this share of the pages (and 3).
RUNNING_SHARE = 0.5
#: Lines at each page edge where running headers and footers live.
EDGE_LINES = 3
#: A footnote line is set in a smaller font: longer than this times the usual body line.
LONG_LINE_RATIO = 1.2
#: Only lines at least this long say how wide a full body line is.
MIN_MEASURED_LINE = 40
#: A watermark repeated anywhere on the page is a sentence, not a table cell.
MIN_WATERMARK_CHARS = 25
#: A cover page holds only a few short title lines.
MAX_COVER_LINES = 15
MAX_COVER_LINE_CHARS = 80
#: Marker strength: glued to a word or closing punctuation beats a number set apart by a space.
STRONG = 4
WEAK = 1

_TERMINAL = '.;!?…)”"’:'
_CLOSERS = '.,;:)]”"’»'


def analyze_pages(text: str, lines: Sequence[ClassifiedLine]) -> PageLayout:
    """Find page furniture and PDF footnotes among ``lines`` (the classified lines of ``text``)."""
    if not lines:
        return EMPTY_LAYOUT
    has_ff = "\f" in text
    if not has_ff and not _any_page_number(text, lines):
        return EMPTY_LAYOUT
    return _Analyzer(text, lines).run(has_ff)


def _any_page_number(text: str, lines: Sequence[ClassifiedLine]) -> bool:
    """Cheap gate for text without form feeds: is any line a lone page number at all?"""
    for cl in lines:
        c = cl.line.content
        short = 0 < c.end - c.start <= 20
        if short and text[c.end - 1].isdigit() and PAGE_NUMBER.fullmatch(text, c.start, c.end) is not None:
            return True
    return False


@attrs.define
class _Entry:
    """A footnote being assembled on one page."""

    value: int
    label_pos: int | None
    text_start: int | None
    """Where the text starts on the label line (glued "4 Thái…"), else None."""
    body: list[int] = attrs.Factory(list)
    number_last: bool = False


@attrs.define
class _Candidate:
    pos: int
    """Text offset of the digits."""
    end: int
    value: int
    score: int


class _Analyzer:
    def __init__(self, text: str, lines: Sequence[ClassifiedLine]) -> None:
        self.text = text
        self.lines = lines
        self.skip: set[int] = set()
        self.furniture: list[Furniture] = []
        self.diagnostics: list[Diagnostic] = []
        self.footnotes: list[PdfFootnote] = []
        self.refs: list[tuple[str, Span]] = []
        self.pages: list[tuple[int, int]] = []
        self.long_line = float("inf")
        # One slice per line, once: every rule below reads line contents many times.
        self.strs = [text[cl.line.content.start : cl.line.content.end] for cl in lines]
        self.blanks = [cl.role is Role.BLANK for cl in lines]

    # ------------------------------------------------------------------ driver

    def run(self, has_ff: bool) -> PageLayout:
        if self._only_numbers():
            return self._layout()
        if has_ff:
            self._pages_from_form_feeds()
            self._page_numbers_at_edges()
        else:
            self._pages_from_page_numbers()
        if len(self.pages) < 2:
            return EMPTY_LAYOUT if not self.furniture else self._layout()
        self._running_lines()
        self._cover_page()
        self._footnotes()
        return self._layout()

    def _layout(self) -> PageLayout:
        furniture = tuple(sorted(self.furniture, key=lambda f: (f.span.start, f.span.end)))
        notes = tuple(self.footnotes)
        refs = tuple(sorted(self.refs, key=lambda r: r[1].start))
        starts = tuple(start for start, _ in self.pages[1:])
        return PageLayout(frozenset(self.skip), furniture, notes, refs, tuple(self.diagnostics), starts)

    def _content(self, pos: int) -> str:
        return self.strs[pos]

    def _blank(self, pos: int) -> bool:
        return self.blanks[pos]

    def _add_furniture(self, pos: int, kind: str) -> None:
        c = self.lines[pos].line.content
        self.skip.add(pos)
        self.furniture.append(Furniture(kind, c, self.text[c.start : c.end]))

    # ------------------------------------------------------------------ pages

    def _only_numbers(self) -> bool:
        """A text of nothing but page numbers (and blank lines): all furniture, and say so."""
        numbers: list[int] = []
        for i, cl in enumerate(self.lines):
            if cl.role is Role.BLANK:
                continue
            c = cl.line.content
            if len(c) > 20 or PAGE_NUMBER.fullmatch(self.text, c.start, c.end) is None:
                return False
            numbers.append(i)
        if not numbers:
            return False
        self._form_feed_furniture()
        for i in numbers:
            self._add_furniture(i, "page-number")
        self.diagnostics.append(
            Diagnostic(
                DiagnosticCode.ONLY_PAGE_NUMBERS,
                f"the text is nothing but {len(numbers)} page number(s)",
                Span(0, len(self.text)),
            )
        )
        return True

    def _form_feed_furniture(self) -> list[int]:
        offsets: list[int] = []
        at = self.text.find("\f")
        while at >= 0:
            offsets.append(at)
            self.furniture.append(Furniture("form-feed", Span(at, at + 1), "\f"))
            at = self.text.find("\f", at + 1)
        return offsets

    def _pages_from_form_feeds(self) -> None:
        """A form feed before a line's text starts a page at that line; after it, at the next."""
        offsets = self._form_feed_furniture()
        lines = self.lines
        starts = [0]
        k = 0
        n = len(lines)
        for i in range(n):
            line = lines[i].line
            while k < len(offsets) and offsets[k] < line.span.end:
                off = offsets[k]
                k += 1
                if off < line.span.start:
                    continue
                # pdftotext puts the form feed before the next page's first line ("\f7").
                page_start = i if lines[i].role is Role.BLANK or off < line.content.start else i + 1
                if page_start > starts[-1] and page_start < n:
                    starts.append(page_start)
                elif page_start == starts[-1] == 0 and i == 0:
                    continue
        # The form feed that ends the last page leaves an empty "page" behind: not a page.
        while len(starts) > 1 and all(self.blanks[i] for i in range(starts[-1], n)):
            starts.pop()
        starts.append(n)
        self.pages = [(starts[j], starts[j + 1]) for j in range(len(starts) - 1)]

    def _edge(self, start: int, end: int, from_top: bool, skip_done: bool = True) -> list[int]:
        """Up to EDGE_LINES non-blank, not yet skipped positions from a page edge."""
        out: list[int] = []
        rng = range(start, end) if from_top else range(end - 1, start - 1, -1)
        for i in rng:
            if self._blank(i) or (skip_done and i in self.skip):
                continue
            out.append(i)
            if len(out) == EDGE_LINES:
                break
        return out

    def _number_at(self, pos: int) -> int | None:
        content = self.strs[pos]
        if not 0 < len(content) <= 20 or content[-1] not in "0123456789-–—":
            return None
        m = PAGE_NUMBER.fullmatch(content)
        return int(m.group("n")) if m is not None else None

    def _page_numbers_at_edges(self) -> None:
        """Lone numbers at page tops (or bottoms) whose value follows the page index."""
        tops: list[tuple[int, int]] = []  # (page index, position)
        bottoms: list[tuple[int, int]] = []
        top_offsets: Counter[int] = Counter()
        bottom_offsets: Counter[int] = Counter()
        values: dict[int, int] = {}
        for k, (start, end) in enumerate(self.pages):
            first = self._edge(start, end, True)
            last = self._edge(start, end, False)
            if first:
                v = self._number_at(first[0])
                if v is not None:
                    tops.append((k, first[0]))
                    values[first[0]] = v
                    top_offsets[v - k] += 1
            if last and (not first or last[0] != first[0]):
                v = self._number_at(last[0])
                if v is not None:
                    bottoms.append((k, last[0]))
                    values[last[0]] = v
                    bottom_offsets[v - k] += 1
        pages = len(self.pages)
        top_best = top_offsets.most_common(1)[0][1] if top_offsets else 0
        bottom_best = bottom_offsets.most_common(1)[0][1] if bottom_offsets else 0
        # A page has one printed number: the edge whose sequence is better supported wins, and
        # the other edge only counts when it carries a full sequence of its own (a footnote
        # label printed last looks like a bottom page number on a page or two, never on half).
        classes = [
            (tops, top_offsets, top_best >= bottom_best),
            (bottoms, bottom_offsets, bottom_best > top_best),
        ]
        for found, offsets, preferred in classes:
            need = max(2, int(pages * 0.25)) if preferred else max(3, (pages + 1) // 2)
            good = {off for off, count in offsets.items() if count >= need or (preferred and count >= 3)}
            for k, pos in found:
                if values[pos] - k in good:
                    self._add_furniture(pos, "page-number")

    def _set_apart(self, i: int) -> bool:
        """A printed page number has a blank line next to it (a table's row number does not)."""
        return (i == 0 or self.blanks[i - 1]) or (i + 1 == len(self.blanks) or self.blanks[i + 1])

    def _pages_from_page_numbers(self) -> None:
        """No form feeds: page-number lines that count up one by one, far apart, cut the pages."""
        best_chain: dict[int, tuple[int, int, int | None]] = {}  # value -> (length, pos, prev pos)
        entry: tuple[int, int, int | None]
        prev_of: dict[int, int | None] = {}
        best_end: tuple[int, int] | None = None  # (length, pos)
        for i, cl in enumerate(self.lines):
            if cl.role is not Role.TEXT:
                continue
            v = self._number_at(i)
            if v is None or not self._set_apart(i):
                continue
            before = best_chain.get(v - 1)
            if before is not None and i - before[1] >= MIN_PAGE_LINES:
                entry = (before[0] + 1, i, before[1])
            else:
                entry = (1, i, None)
            current = best_chain.get(v)
            if current is None or entry[0] >= current[0]:
                best_chain[v] = entry
            prev_of[i] = entry[2]
            if best_end is None or entry[0] > best_end[0]:
                best_end = (entry[0], i)
        if best_end is None or best_end[0] < 3:
            return
        chain: list[int] = []
        pos: int | None = best_end[1]
        while pos is not None:
            chain.append(pos)
            pos = prev_of.get(pos)
        chain.reverse()
        for pos in chain:
            self._add_furniture(pos, "page-number")
        cuts = [0, *chain, len(self.lines)]
        pages: list[tuple[int, int]] = []
        for j in range(len(cuts) - 1):
            start = cuts[j] + (1 if j > 0 else 0)
            end = cuts[j + 1]
            if not all(self.blanks[start:end]):
                pages.append((start, end))
        self.pages = pages

    # ------------------------------------------------------------------ running lines, cover

    def _key(self, pos: int) -> str:
        return " ".join(RUNNING_LINE_DIGITS.sub("#", self._content(pos)).casefold().split())

    def _running_lines(self) -> None:
        """Lines repeated at the same page edge on many pages; long lines repeated anywhere."""
        pages = len(self.pages)
        if pages < 3:
            return
        need = max(3, int(pages * RUNNING_SHARE + 0.999))
        edge_pages: dict[tuple[str, bool], set[int]] = {}
        edge_where: dict[tuple[str, bool], list[int]] = {}
        any_pages: dict[str, set[int]] = {}
        any_where: dict[str, list[int]] = {}
        strs = self.strs
        for k, (start, end) in enumerate(self.pages):
            for side in (True, False):
                for pos in self._edge(start, end, side):
                    edge_key = (self._key(pos), side)
                    edge_pages.setdefault(edge_key, set()).add(k)
                    edge_where.setdefault(edge_key, []).append(pos)
            for pos in range(start, end):
                raw = strs[pos]
                if len(raw) >= MIN_WATERMARK_CHARS and pos not in self.skip:
                    any_pages.setdefault(raw, set()).add(k)
                    any_where.setdefault(raw, []).append(pos)
        for (key, side), seen in edge_pages.items():
            if len(seen) < need or not any(ch.isalpha() for ch in key):
                continue
            if WATERMARK_WORDS.search(key):
                kind = "watermark"
            else:
                kind = "running-header" if side else "running-footer"
            for pos in edge_where[(key, side)]:
                if pos not in self.skip:
                    self._add_furniture(pos, kind)
        # A watermark drawn across the page lands anywhere in the flow, always the same text.
        half = max(need, (pages + 1) // 2)
        for raw, seen in any_pages.items():
            if len(seen) >= half:
                for pos in any_where[raw]:
                    if pos not in self.skip:
                        self._add_furniture(pos, "watermark")

    def _cover_page(self) -> None:
        """A first page of a few short title lines whose header comes again on a later page."""
        if len(self.pages) < 3:
            return
        start, end = self.pages[0]
        body = [i for i in range(start, end) if not self._blank(i) and i not in self.skip]
        if not body or len(body) > MAX_COVER_LINES:
            return
        for i in body:
            content = self._content(i)
            if len(content) > MAX_COVER_LINE_CHARS or content.endswith((".", ";", ":")):
                return
        keys = {self._key(i) for i in body if len(self.lines[i].line.content) >= 10}
        later: set[str] = set()
        for s, e in self.pages[1:3]:
            for i in range(s, min(e, s + 40)):
                if not self._blank(i):
                    later.add(self._key(i))
        if keys & later:
            for i in body:
                self._add_furniture(i, "cover")

    # ------------------------------------------------------------------ footnotes

    def _long_threshold(self) -> float:
        lengths = sorted(n for n in map(len, self.strs) if n >= MIN_MEASURED_LINE)
        if not lengths:
            return float("inf")
        # The median, not a high quantile: a report with many footnotes has many long lines.
        return lengths[len(lengths) // 2] * LONG_LINE_RATIO

    def _is_long(self, pos: int) -> bool:
        return len(self.strs[pos]) >= self.long_line

    def _lone_label(self, pos: int) -> int | None:
        content = self.strs[pos]
        if not 0 < len(content) <= 3 or not content[0].isdigit():
            return None
        m = PDF_FOOTNOTE_LONE_LABEL.fullmatch(content)
        return int(content) if m is not None else None

    def _glued_label(self, pos: int, value: int) -> int | None:
        """Where the text starts on a line opened by the label ``value`` ("4 Thái Nguyên…")."""
        c = self.lines[pos].line.content
        m = PDF_FOOTNOTE_GLUED_LABEL.match(self.text, c.start, c.end)
        if m is None or int(m.group("n")) != value:
            return None
        start: int = m.start("text")
        return start

    def _footnotes(self) -> None:
        document_long = self._long_threshold()
        expected = 1
        previous: _Entry | None = None  # the last body of the previous page, when unfinished
        missed: list[tuple[list[int], int]] = []  # pages without a block, and the label due
        for start, end in self.pages:
            flow = [i for i in range(start, end) if not self._blank(i) and i not in self.skip]
            if not flow:
                continue
            # Pages differ in width (a wider text block after the first pages): a footnote line
            # is long against its own page too.
            measured = sorted(n for n in (len(self.strs[i]) for i in flow) if n >= MIN_MEASURED_LINE)
            page_long = measured[len(measured) // 2] * LONG_LINE_RATIO if measured else 0.0
            self.long_line = max(document_long, page_long)
            result = self._page_footnotes(flow, expected, previous)
            if result is None:
                previous = None
                missed.append((flow, expected))
                continue
            entries, continuation = result
            if continuation and self.footnotes:
                self._continue_last(continuation)
            self.footnotes.extend(self._make(entry) for entry in entries)
            expected = entries[-1].value + 1
            previous = entries[-1] if self._unfinished(entries[-1]) else None
        if self.footnotes:
            self._markers_without_bodies(missed)

    def _markers_without_bodies(self, missed: list[tuple[list[int], int]]) -> None:
        """In a text with PDF footnotes, a word with the next label glued to it ("Chính phủ9")
        on a page where no body was found is a marker whose body is lost."""
        for flow, due in missed:
            for cand in self._candidates(flow, due, due):
                if cand.score >= STRONG:
                    self.diagnostics.append(
                        Diagnostic(
                            DiagnosticCode.FOOTNOTE_MARKER_WITHOUT_BODY,
                            f"footnote marker {due} (digits glued to a word) has no body at the page bottom",
                            Span(cand.pos, cand.end),
                            Severity.INFO,
                        )
                    )
                    break

    def _unfinished(self, entry: _Entry) -> bool:
        if not entry.body:
            return False
        return not self._content(entry.body[-1]).rstrip().endswith(tuple(_TERMINAL))

    def _page_footnotes(
        self, flow: list[int], expected: int, previous: _Entry | None
    ) -> tuple[list[_Entry], list[int]] | None:
        """The footnote block at the bottom of one page, with its markers; None if there is none."""
        allowed = {expected, expected + 1, 1}
        base = max(0, len(flow) - MAX_ZONE_LINES)
        tries = 0
        for j in range(base, len(flow)):
            pos = flow[j]
            if not self.strs[pos][:1].isdigit():
                continue
            value = self._lone_label(pos)
            if value is None:
                for candidate in (expected, expected + 1, 1):
                    if self._glued_label(pos, candidate) is not None and self._glued_start_ok(flow, j):
                        value = candidate
                        break
                if value is None:
                    continue
            if value not in allowed and value - 1 not in allowed:
                continue
            tries += 1
            if tries > MAX_ZONE_TRIES:
                break
            parsed = self._parse_zone(flow, j, value)
            if parsed is None:
                continue
            entries = parsed
            first_value = entries[0].value
            if first_value not in allowed:
                continue
            result = self._finish_page(flow, j, entries, previous)
            if result is not None:
                return result
        return None

    def _glued_start_ok(self, flow: list[int], j: int) -> bool:
        """A glued "4 Thái…" opens a block only as a long (small-font) line or after a gap."""
        pos = flow[j]
        return self._is_long(pos) or j == 0 or pos - flow[j - 1] > 1

    def _parse_zone(self, flow: list[int], j: int, first: int) -> list[_Entry] | None:
        """Labelled bodies from ``flow[j]`` to the page end, labels counting up from ``first``."""
        entries: list[_Entry] = []
        expect = first
        k = j
        n = len(flow)
        while k < n:
            pos = flow[k]
            lone = self._lone_label(pos)
            if lone is not None and (k == n - 1 or self._lone_label(flow[n - 1]) is not None):
                tail = self._number_tail(flow, k)
                if tail is not None and (not entries or tail[-1][1] + 1 == entries[0].value):
                    # The page's first labels printed last, alone, after the other bodies.
                    entries[:0] = [_Entry(v, p, None, number_last=True) for p, v in tail]
                    break
            if lone is not None and k == n - 1 and entries and lone == expect:
                # The last label printed after its own body: cut it off the body above.
                parts = self._split_bodies(entries[-1].body, 2) if entries[-1].body else None
                if parts is None:
                    return None
                entries[-1].body = parts[0]
                entries.append(_Entry(expect, pos, None, parts[1], number_last=True))
                break
            elif lone is not None and lone == expect:
                entries.append(_Entry(expect, pos, None))
                expect += 1
            elif lone is not None:
                return None
            else:
                text_start = self._glued_label(pos, expect)
                if text_start is not None and k > j and not self._opens_body(flow[k - 1], pos):
                    text_start = None  # "30 năm …": a wrapped line inside a body
                if text_start is not None:
                    entries.append(_Entry(expect, pos, text_start, [pos]))
                    expect += 1
                elif entries:
                    entries[-1].body.append(pos)
                else:
                    return None
            k += 1
        if not entries:
            return None
        return self._share_bodies(entries)

    def _number_tail(self, flow: list[int], k: int) -> list[tuple[int, int]] | None:
        """``flow[k:]`` when it is nothing but lone numbers counting up by one."""
        out: list[tuple[int, int]] = []
        for pos in flow[k:]:
            v = self._lone_label(pos)
            if v is None or (out and v != out[-1][1] + 1):
                return None
            out.append((pos, v))
        return out

    def _share_bodies(self, entries: list[_Entry]) -> list[_Entry] | None:
        """Labels printed in a run ("23⏎24⏎body⏎⏎body"): the bodies after the run, split at
        blank lines, go to the labels in order."""
        out: list[_Entry] = []
        run: list[_Entry] = []
        for entry in entries:
            if entry.number_last:
                out.append(entry)
                continue
            if not entry.body:
                run.append(entry)
                continue
            if run:
                chunks = self._chunks(entry.body)
                if len(chunks) != len(run) + 1:
                    return None
                for r, chunk in zip([*run, entry], chunks, strict=True):
                    r.body = chunk
                    out.append(r)
                run = []
            else:
                out.append(entry)
        if run:
            return None
        for entry in out:
            if not entry.number_last and not any(ch.isalpha() for pos in entry.body for ch in self._content(pos)[:40]):
                return None
        return out

    def _opens_body(self, above: int, pos: int) -> bool:
        """A line opened by the next label starts a body after a gap, a label line, a finished
        sentence, or as a long (small-font) line."""
        if pos - above > 1 or self._lone_label(above) is not None or self._is_long(pos):
            return True
        return self._content(above).endswith(tuple(_TERMINAL))

    def _chunks(self, body: list[int]) -> list[list[int]]:
        chunks: list[list[int]] = [[body[0]]]
        for a, b in itertools.pairwise(body):
            if any(self._blank(i) for i in range(a + 1, b)):
                chunks.append([b])
            else:
                chunks[-1].append(b)
        return chunks

    def _lift_above(self, flow: list[int], j: int, always_first: bool, bodies: int = 1) -> list[int]:
        """Body lines without a number just above ``flow[j]``: small-font (long) lines up to a
        gap; a short line only as the last line of one of the ``bodies`` expected."""
        out: list[int] = []
        ends = 0
        k = j - 1
        while k >= 0:
            pos = flow[k]
            below = flow[k + 1]
            if any(self._blank(i) for i in range(pos + 1, below)):
                break
            long_above = k > 0 and self._is_long(flow[k - 1])
            if self._is_long(pos):
                out.append(pos)
            elif (not out and always_first) or (
                ends < bodies and long_above and self._content(pos).endswith(tuple(_TERMINAL))
            ):
                out.append(pos)  # the short last line of a body
                ends += 1
            else:
                break
            k -= 1
        out.reverse()
        return out

    def _split_bodies(self, body: list[int], count: int) -> list[list[int]] | None:
        """``body`` lines cut into ``count`` bodies where a sentence ends and a line starts a new
        one; cuts after a short (last) line first."""
        if count == 1:
            return [body] if body else None
        cuts: list[tuple[int, int]] = []  # (preference, index of the first line of a body)
        for k in range(1, len(body)):
            previous = self._content(body[k - 1])
            head = self._content(body[k])[:1]
            if not (head.isupper() or head.isdigit() or head in '“"('):
                continue
            if previous.endswith(tuple(_TERMINAL)):
                cuts.append((0 if not self._is_long(body[k - 1]) else 1, k))
            else:
                cuts.append((2, k))  # a body may end without a full stop
        if len(cuts) < count - 1:
            return None
        chosen = sorted(k for _, k in sorted(cuts)[: count - 1])
        bounds = [0, *chosen, len(body)]
        return [body[bounds[i] : bounds[i + 1]] for i in range(count)]

    def _finish_page(
        self, flow: list[int], j: int, entries: list[_Entry], previous: _Entry | None
    ) -> tuple[list[_Entry], list[int]] | None:
        zone_start = j
        continuation: list[int] = []
        heads = [entry for entry in entries if entry.number_last and not entry.body]
        if heads:
            # Their bodies sit, in order, just above the first numbered label (or above the
            # trailing numbers when the page has no other label).
            numbered = [entry for entry in entries if not entry.number_last]
            anchor_pos = numbered[0].label_pos if numbered else heads[0].label_pos
            anchor = flow.index(anchor_pos) if anchor_pos is not None else j
            body = self._lift_above(flow, anchor, always_first=True, bodies=len(heads))
            parts = self._split_bodies(body, len(heads))
            if parts is None:
                return None
            zone_start = flow.index(body[0])
            if zone_start > 0 and self._lone_label(flow[zone_start - 1]) is not None:
                return None  # those lines are the body of the label above them
            for entry, part in zip(heads, parts, strict=True):
                entry.body = part
        elif previous is not None:
            continuation = self._lift_above(flow, j, always_first=False)
            if continuation:
                k = flow.index(continuation[0])
                if k > 0 and not any(self._blank(i) for i in range(flow[k - 1] + 1, continuation[0])):
                    continuation = []
                else:
                    zone_start = k
        markers = self._markers(flow[:zone_start], entries[0].value, entries[-1].value)
        if not markers:
            return None
        for label, span in markers:
            self.refs.append((label, span))
        for entry in entries:
            for pos in entry.body:
                self.skip.add(pos)
            if entry.label_pos is not None:
                self.skip.add(entry.label_pos)
                if entry.number_last:
                    self._add_furniture(entry.label_pos, "footnote-label")
        for pos in continuation:
            self.skip.add(pos)
        return entries, continuation

    def _continue_last(self, continuation: list[int]) -> None:
        last = self.footnotes[-1]
        first = self.lines[continuation[0]].line.content
        final = self.lines[continuation[-1]].line.content
        self.footnotes[-1] = attrs.evolve(
            last,
            line_positions=(*last.line_positions, *continuation),
            continued=(*last.continued, Span(first.start, final.end)),
        )

    def _make(self, entry: _Entry) -> PdfFootnote:
        lines = self.lines
        first = lines[entry.body[0]].line.content
        last = lines[entry.body[-1]].line.content
        text_start = entry.text_start if entry.text_start is not None else first.start
        text_span = Span(text_start, last.end)
        if entry.label_pos is not None and not entry.number_last:
            span = Span(lines[entry.label_pos].line.content.start, last.end)
        else:
            span = text_span
        positions = sorted({*entry.body, *([entry.label_pos] if entry.label_pos is not None else [])})
        return PdfFootnote(str(entry.value), tuple(positions), span, text_span)

    # ------------------------------------------------------------------ markers

    def _markers(self, running: list[int], low: int, high: int) -> list[tuple[str, Span]]:
        """The page's markers for labels ``low..high``, in order, best chain of candidates."""
        candidates = self._candidates(running, low, high)
        if not candidates:
            return []
        # Weighted longest increasing chain by value (and text order): a few dozen at most.
        n = len(candidates)
        best = [c.score for c in candidates]
        back: list[int | None] = [None] * n
        for b in range(n):
            for a in range(b):
                if candidates[a].value < candidates[b].value and best[a] + candidates[b].score > best[b]:
                    best[b] = best[a] + candidates[b].score
                    back[b] = a
        end = max(range(n), key=lambda i: (best[i], -i))
        chain: list[_Candidate] = []
        at: int | None = end
        while at is not None:
            chain.append(candidates[at])
            at = back[at]
        chain.reverse()
        return [(str(c.value), Span(c.pos, c.end)) for c in chain]

    def _candidates(self, running: list[int], low: int, high: int) -> list[_Candidate]:
        out: list[_Candidate] = []
        for pos in running:
            c = self.lines[pos].line.content
            for m in DIGIT_RUN.finditer(self.text, c.start, c.end):
                cand = self._candidate(m.start(), m.end(), c.start, c.end)
                if cand is not None and low <= cand.value <= high:
                    out.append(cand)
        return out

    def _candidate(self, s: int, e: int, line_start: int, line_end: int) -> _Candidate | None:
        """Digits ``text[s:e]`` as a flattened superscript, or None."""
        text = self.text
        digits = text[s:e]
        if len(digits) > 6:
            return None
        pc = text[s - 1] if s > line_start else " "
        nc = text[e] if e < line_end else " "
        if len(digits) >= 5:
            # "2023 - 20281.": a year with the label glued after it.
            if digits[:2] not in ("19", "20") or digits[4] == "0" or pc in ".,/-" or not _ends_token(nc):
                return None
            return _Candidate(s + 4, e, int(digits[4:]), WEAK)
        if digits[0] == "0" or len(digits) > 3:
            return None
        value = int(digits)
        if pc.isalpha():
            w = s
            while w > line_start and text[w - 1].isalpha() and s - w < 40:
                w -= 1
            word = text[w:s]
            before = text[w - 1] if w > line_start else " "
            code = before in "/-_.@&" and any(ch.isupper() for ch in word)
            if before.isdigit() or code or (len(word) >= 2 and word.isupper()):
                return None  # "15g00", "202/2025/QH15", "Covid-19", "TP.HCM2"
            if word.casefold() in MARKER_UNITS or not _ends_token(nc):
                return None  # "km2", "m3"; "H2O"
            return _Candidate(s, e, value, STRONG)
        if pc == "%" and _ends_token(nc):
            return _Candidate(s, e, value, STRONG)  # "đạt trên 61,6%16."
        if pc in _CLOSERS:
            before = text[s - 2] if s - 2 >= line_start else " "
            if pc in ".,;:" and not (before.isalpha() or before in _CLOSERS):
                return None  # "1.683", "10,5", "7:30"
            if before.isspace():
                return None
            if nc.isdigit():
                return None
            return _Candidate(s, e, value, STRONG)
        if pc.isspace():
            if nc.isalpha():
                # "Bác” 2tại", "năm 2025 4do": the superscript lost its space after, not before.
                w = e
                while w < line_end and text[w].isalpha() and w - e < 40:
                    w += 1
                after = text[w] if w < line_end else " "
                if not nc.islower() or text[e:w].casefold() in MARKER_UNITS or after.isdigit():
                    return None  # "3km", "15g00", "100đ"
                return _Candidate(s, e, value, WEAK)
            at_end = e >= line_end
            if at_end or (nc in ".,;:" and (e + 1 >= line_end or text[e + 1].isspace())):
                # "đề ra 4. Thực hiện": apart from the word, before punctuation or the line end.
                p = s - 1
                while p > line_start and text[p - 1].isspace():
                    p -= 1
                w = p
                while w > line_start and text[w - 1].isalpha():
                    w -= 1
                previous_word = text[w:p].casefold()
                if not previous_word or previous_word in COUNTER_WORDS:
                    return None  # "Điều 4.", "lần 2,", "2023 - 2025."
                return _Candidate(s, e, value, WEAK)
        return None


def _ends_token(ch: str) -> bool:
    return ch.isspace() or ch in '.,;:!?…)]”"’»'

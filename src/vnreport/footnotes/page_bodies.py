"""PDF footnote bodies at page bottoms, and the markers in the running text that cite them.

Footnotes are found body first: a page's bottom must hold a run of labelled bodies that
continues the document's label sequence, and only then are digits in that page's running text
read as markers (:mod:`vnreport.footnotes.pdf_markers`), and only those whose values are the
page's labels, in order.

Three layouts of the footnote block occur, all handled per page:

* number line, then body ("3⏎Kết nạp đảng viên…"), or number glued to it ("4 Thái Nguyên…");
* the page's first body without its number, whose number comes last, alone, before the form
  feed (the flattened superscript sorts after the text in pdftotext's reading order);
* a body that continues from the previous page, without a number, above the page's first label.
"""

from __future__ import annotations

import itertools

import attrs

from vnreport.footnotes.page_labels import PageLabels
from vnreport.footnotes.pdf_entries import BodyEntry, PdfFootnote, cut_glued_labels
from vnreport.footnotes.pdf_markers import find_markers, labels_cited, markers_without_bodies
from vnreport.layout.page_text import PageText
from vnreport.model import FurnitureKind, Span

#: A page of more lines than this is not a printed page; only its last lines can hold footnotes.
MAX_ZONE_LINES = 80
#: Candidate starts of a footnote block tried per page (bounds the work on odd pages).
MAX_ZONE_TRIES = 12
#: A footnote line is set in a smaller font: longer than this times the usual body line.
LONG_LINE_RATIO = 1.2
#: Only lines at least this long say how wide a full body line is.
MIN_MEASURED_LINE = 40

_TERMINAL = tuple('.;!?…)”"’:')


_PageResult = tuple[list[BodyEntry], list[int]]
"""A page's footnote entries and the lines that continue the previous page's last body."""


class FootnoteReader(PageLabels):
    """Reads the footnote block of each page of a :class:`PageText`, in order, and claims its
    lines (bodies, number-last labels as furniture)."""

    def __init__(self, page: PageText) -> None:
        self.page = page
        self.text = page.text
        self.lines = page.lines
        self.strs = page.strs
        self.blanks = page.blanks
        self.long_line = float("inf")
        self.footnotes: list[PdfFootnote] = []
        self.refs: list[tuple[str, Span]] = []
        """Glued markers in the running text: label and the span of its digits."""

    def read(self) -> None:
        document_long = self._long_threshold()
        expected = 1
        previous: BodyEntry | None = None  # the last body of the previous page, when unfinished
        missed: list[tuple[list[int], int]] = []  # pages without a block, and the label due
        skipped = 0  # labels the pages without a block cite (their bodies were not read)
        for start, end in self.page.pages:
            flow = [i for i in range(start, end) if not self.blanks[i] and i not in self.page.skip]
            if not flow:
                continue
            # Pages differ in width (a wider text block after the first pages): a footnote line
            # is long against its own page too.
            measured = sorted(n for n in map(self.strs.length, flow) if n >= MIN_MEASURED_LINE)
            page_long = measured[len(measured) // 2] * LONG_LINE_RATIO if measured else 0.0
            self.long_line = max(document_long, page_long)
            result = self._page_footnotes(flow, expected, previous, skipped)
            if result is None:
                previous = self._continued_alone(flow) if previous is not None else None
                missed.append((flow, expected))
                skipped = max(skipped, labels_cited(self.text, self.lines, flow, expected, self.page.raised))
                continue
            skipped = 0
            entries, continuation = result
            if continuation and self.footnotes:
                self._continue_last(continuation)
            self.footnotes.extend(self._make(entry) for entry in entries)
            expected = entries[-1].value + 1
            previous = entries[-1] if self._unfinished(entries[-1]) else None
        if self.footnotes:
            self.page.diagnostics.extend(markers_without_bodies(self.text, self.lines, missed, self.page.raised))

    # ------------------------------------------------------------------ line shapes

    def _long_threshold(self) -> float:
        lengths = sorted(n for n in self.strs.lengths() if n >= MIN_MEASURED_LINE)
        if not lengths:
            return float("inf")
        # The median, not a high quantile: a report with many footnotes has many long lines.
        return lengths[len(lengths) // 2] * LONG_LINE_RATIO

    def _is_long(self, pos: int) -> bool:
        return self.strs.length(pos) >= self.long_line

    def _unfinished(self, entry: BodyEntry) -> bool:
        if not entry.body or entry.text_end is not None:
            return False  # a label glued to its last line follows a full stop
        return not self.strs[entry.body[-1]].rstrip().endswith(_TERMINAL)

    # ------------------------------------------------------------------ one page

    def _page_footnotes(
        self, flow: list[int], expected: int, previous: BodyEntry | None, skipped: int = 0
    ) -> _PageResult | None:
        """The footnote block at the bottom of one page, with its markers; None if there is none.
        Its first label is the one due, the next (a marker lost), 1 (numbering restarts), or one
        past the ``skipped`` labels that pages without a readable block cite."""
        allowed = {1, *range(expected, expected + 2 + skipped)}
        base = max(0, len(flow) - MAX_ZONE_LINES)
        tries = 0
        for j in range(base, len(flow)):
            pos = flow[j]
            if not self.strs[pos][:1].isdigit():
                result = self._zone_after_glued_label(flow, j, allowed, previous)
                if result is not None:
                    return result
                continue
            value = self._lone_label(pos)
            if value is None:
                value = self._opening_glued_label(flow, j, allowed)
                if value is None:
                    continue
            if value not in allowed and value - 1 not in allowed:
                continue
            tries += 1
            if tries > MAX_ZONE_TRIES:
                break
            entries = self._parse_zone(flow, j, value)
            if entries is None or entries[0].value not in allowed:
                continue
            result = self._finish_page(flow, j, entries, previous)
            if result is not None:
                return result
        return self._one_body_label_last(flow, allowed, previous)

    def _opening_glued_label(self, flow: list[int], j: int, allowed: set[int]) -> int | None:
        """The label glued to the text of ``flow[j]`` ("4 Thái…") when it may open the block. As
        for a lone label, it may be one past those allowed: the labels before it printed last
        ("21Tỉnh …" over the bodies, "19⏎20" at the page end)."""
        if not self._glued_start_ok(flow, j):
            return None
        for candidate in sorted(allowed | {a + 1 for a in allowed}):
            if self._glued_label(flow[j], candidate) is not None:
                return candidate
        return None

    def _one_body_label_last(
        self, flow: list[int], allowed: set[int], previous: BodyEntry | None
    ) -> _PageResult | None:
        """The page's one body, its label printed last and glued to the body's last line; its
        label is one of those a page's first may be (the one due, the next when a marker or a
        body before it was lost, 1)."""
        last = self._trailing_label(flow[-1])
        if last is None or last[0] not in allowed:
            return None
        head = BodyEntry(last[0], None, None, number_last=True, glued_at=(flow[-1], *last[1:]))
        return self._finish_page(flow, len(flow), [head], previous)

    def _zone_after_glued_label(
        self, flow: list[int], j: int, allowed: set[int], previous: BodyEntry | None
    ) -> _PageResult | None:
        """The block when ``flow[j]`` opens a body whose label is glued to the line above."""
        above = self._label_above(flow, j, allowed)
        if above is None:
            return None
        entries = self._parse_zone(flow, j, above[0], above[1])
        return self._finish_page(flow, j, entries, previous) if entries is not None else None

    def _label_above(self, flow: list[int], j: int, allowed: set[int]) -> tuple[int, tuple[int, int, int]] | None:
        """The label of a body opening at ``flow[j]`` glued to the end of the line above: its
        value and where it is glued. The body is set small (a long line), or the line above is
        the short last line of a small-font body."""
        if j == 0 or not self._opens_like_body(flow[j]):
            return None
        if not (self._is_long(flow[j]) or (j >= 2 and self._is_long(flow[j - 2]))):
            return None
        glued = self._trailing_label(flow[j - 1])
        if glued is None or (glued[0] not in allowed and glued[0] - 1 not in allowed):
            return None
        return glued[0], (flow[j - 1], glued[1], glued[2])

    def _glued_start_ok(self, flow: list[int], j: int) -> bool:
        """A glued "4 Thái…" opens a block as a long (small-font) line, after a gap, or after a
        small-font body's finished short last line."""
        if self._is_long(flow[j]) or j == 0 or flow[j] - flow[j - 1] > 1:
            return True
        return j >= 2 and self._is_long(flow[j - 2]) and self.strs[flow[j - 1]].endswith(_TERMINAL)

    def _parse_zone(
        self, flow: list[int], j: int, first: int, glued_at: tuple[int, int, int] | None = None
    ) -> list[BodyEntry] | None:
        """Labelled bodies from ``flow[j]`` to the page end, labels counting up from ``first``
        (whose label is glued to the line above when ``glued_at`` says where)."""
        entries: list[BodyEntry] = [] if glued_at is None else [BodyEntry(first, None, None, glued_at=glued_at)]
        expect = first + len(entries)
        n = len(flow)
        for k in range(j, n):
            pos = flow[k]
            lone = self._lone_label(pos)
            if lone is None:
                text_start = self._opening_text(flow, j, k, expect)
                if text_start is not None:
                    entries.append(BodyEntry(expect, pos, text_start, [pos]))
                    expect += 1
                elif entries:
                    entries[-1].body.append(pos)
                else:
                    return None
                expect = self._label_glued_after(flow, k, entries, expect)
                continue
            if self._prepend_trailing_labels(flow, k, entries):
                break
            if lone != expect:
                return None
            if k == n - 1 and entries:
                if not self._cut_last_label(entries, pos, lone):
                    return None
                break
            entries.append(BodyEntry(expect, pos, None))
            expect += 1
        if not entries:
            return None
        return self._share_bodies(entries)

    def _label_glued_after(self, flow: list[int], k: int, entries: list[BodyEntry], expect: int) -> int:
        """A label glued to the end of the body line ``flow[k]``: the next body's, opening on the
        line below, or (on the page's last line) the page's first label printed last. Adds its
        entry; the label due next."""
        pos = flow[k]
        glued = self._trailing_label(pos)
        if glued is None:
            return expect
        if k + 1 < len(flow) and glued[0] == expect and self._opens_like_body(flow[k + 1]):
            entries.append(BodyEntry(expect, None, None, glued_at=(pos, *glued[1:])))
            return expect + 1
        if k == len(flow) - 1 and glued[0] + 1 == entries[0].value:
            entries.insert(0, BodyEntry(glued[0], None, None, number_last=True, glued_at=(pos, *glued[1:])))
        elif k == len(flow) - 1 and glued[0] == expect and entries and len(entries[-1].body) > 1:
            return self._cut_last_glued_label(entries, (pos, *glued[1:]))
        return expect

    def _cut_last_glued_label(self, entries: list[BodyEntry], glued_at: tuple[int, int, int]) -> int:
        """The page's last label printed after its own body and glued to its last line ("…Thủ
        Đức. 22"): cut that body off the body above, as for a label alone after it."""
        parts = self._split_bodies(entries[-1].body, 2)
        if parts is None:
            return entries[-1].value + 1
        entries[-1].body = parts[0]
        entries.append(BodyEntry(entries[-1].value + 1, None, None, parts[1], number_last=True, glued_at=glued_at))
        return entries[-1].value + 1

    def _opening_text(self, flow: list[int], j: int, k: int, expect: int) -> int | None:
        """Where the body text starts when ``flow[k]`` opens the body of label ``expect``."""
        pos = flow[k]
        text_start = self._glued_label(pos, expect)
        if text_start is not None and k > j and not self._opens_body(flow[k - 1], pos):
            return None  # "30 năm …": a wrapped line inside a body
        return text_start

    def _prepend_trailing_labels(self, flow: list[int], k: int, entries: list[BodyEntry]) -> bool:
        """The page's first labels printed last, alone, after the other bodies: when
        ``flow[k:]`` is such a run, put them first in ``entries`` and say so."""
        n = len(flow)
        if k != n - 1 and self._lone_label(flow[n - 1]) is None:
            return False
        tail = self._number_tail(flow, k)
        if tail is None or (entries and tail[-1][1] + 1 != entries[0].value):
            return False
        heads = [BodyEntry(v, p, None, number_last=True) for p, v in tail]
        # The run's first label may be glued to the end of the body line above it ("…tỉnh… 19⏎20").
        glued = self._trailing_label(flow[k - 1]) if k > 0 and entries and entries[-1].body else None
        if glued is not None and glued[0] + 1 == tail[0][1] and entries[-1].body[-1] == flow[k - 1]:
            heads.insert(0, BodyEntry(glued[0], None, None, number_last=True, glued_at=(flow[k - 1], *glued[1:])))
        entries[:0] = heads
        return True

    def _cut_last_label(self, entries: list[BodyEntry], pos: int, value: int) -> bool:
        """The last label printed after its own body: cut its body off the body above."""
        parts = self._split_bodies(entries[-1].body, 2) if entries[-1].body else None
        if parts is None:
            return False
        entries[-1].body = parts[0]
        entries.append(BodyEntry(value, pos, None, parts[1], number_last=True))
        return True

    def _share_bodies(self, entries: list[BodyEntry]) -> list[BodyEntry] | None:
        """Labels printed in a run ("23⏎24⏎body⏎⏎body"): the bodies after the run, split at
        blank lines, go to the labels in order."""
        out: list[BodyEntry] = []
        run: list[BodyEntry] = []
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
            if not entry.number_last and not any(ch.isalpha() for pos in entry.body for ch in self.strs[pos][:40]):
                return None
        return out

    def _opens_body(self, above: int, pos: int) -> bool:
        """A line opened by the next label starts a body after a gap, a label line, a finished
        sentence, or as a long (small-font) line."""
        if pos - above > 1 or self._lone_label(above) is not None or self._is_long(pos):
            return True
        return self.strs[above].endswith(_TERMINAL)

    def _chunks(self, body: list[int]) -> list[list[int]]:
        chunks: list[list[int]] = [[body[0]]]
        for a, b in itertools.pairwise(body):
            if any(self.blanks[i] for i in range(a + 1, b)):
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
            below = flow[k + 1] if k + 1 < len(flow) else pos + 1  # the page's last line
            if any(self.blanks[i] for i in range(pos + 1, below)):
                break
            long_above = k > 0 and self._is_long(flow[k - 1])
            if self._is_long(pos):
                out.append(pos)
            elif (not out and always_first) or (ends < bodies and long_above and self.strs[pos].endswith(_TERMINAL)):
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
            previous = self.strs[body[k - 1]]
            head = self.strs[body[k]][:1]
            if not (head.isupper() or head.isdigit() or head in '“"('):
                continue
            if previous.endswith(_TERMINAL):
                cuts.append((0 if not self._is_long(body[k - 1]) else 1, k))
            else:
                cuts.append((2, k))  # a body may end without a full stop
        if len(cuts) < count - 1:
            return None
        chosen = sorted(k for _, k in sorted(cuts)[: count - 1])
        bounds = [0, *chosen, len(body)]
        return [body[bounds[i] : bounds[i + 1]] for i in range(count)]

    # ------------------------------------------------------------------ a page's block found

    def _finish_page(
        self, flow: list[int], j: int, entries: list[BodyEntry], previous: BodyEntry | None
    ) -> _PageResult | None:
        """Place the bodies printed apart from their labels, find the page's markers, and claim
        the block's lines; None when the running text holds no marker of the block."""
        continuation: list[int] = []
        heads = [entry for entry in entries if entry.number_last and not entry.body]
        if heads:
            placed = self._place_number_last_bodies(flow, j, entries, heads)
            if placed is None:
                return None
            zone_start = placed
        elif previous is not None:
            continuation, zone_start = self._continuation(flow, j)
        else:
            zone_start = j
        labels = cut_glued_labels(entries)
        low, high = entries[0].value, entries[-1].value
        markers = find_markers(self.text, self.lines, flow[:zone_start], low, high, labels, self.page.raised)
        if not markers:
            return None
        self.refs.extend(markers)
        self._claim(entries, continuation)
        return entries, continuation

    def _place_number_last_bodies(
        self, flow: list[int], j: int, entries: list[BodyEntry], heads: list[BodyEntry]
    ) -> int | None:
        """The bodies of the labels printed last sit, in order, just above the first numbered
        label (or above the trailing numbers when the page has no other label): give them to
        ``heads``; where the block then starts in ``flow``, or None."""
        numbered = [entry for entry in entries if not entry.number_last]
        anchor_pos = numbered[0].label_pos if numbered else heads[0].label_pos
        if numbered and anchor_pos is None and numbered[0].body:
            anchor_pos = numbered[0].body[0]  # its label glued to the line above
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
        return zone_start

    def _continued_alone(self, flow: list[int]) -> BodyEntry | None:
        """The previous page's unfinished body going on at the bottom of a page with no bodies of
        its own: claim it; the body again when it is still unfinished."""
        continuation, _ = self._continuation(flow, len(flow))
        if not continuation or not self.footnotes:
            return None
        self._continue_last(continuation)
        self.page.skip.update(continuation)
        end = BodyEntry(int(self.footnotes[-1].label), None, None, continuation)
        return end if self._unfinished(end) else None

    def _continuation(self, flow: list[int], j: int) -> tuple[list[int], int]:
        """The previous page's unfinished body, continued above ``flow[j]`` after a gap: its
        lines, and where the block then starts in ``flow``."""
        continuation = self._lift_above(flow, j, always_first=False)
        if not continuation:
            return [], j
        k = flow.index(continuation[0])
        if k > 0 and not any(self.blanks[i] for i in range(flow[k - 1] + 1, continuation[0])):
            return [], j
        return continuation, k

    def _claim(self, entries: list[BodyEntry], continuation: list[int]) -> None:
        skip = self.page.skip
        for entry in entries:
            skip.update(entry.body)
            if entry.label_pos is not None:
                skip.add(entry.label_pos)
                if entry.number_last:
                    self.page.add_furniture(entry.label_pos, FurnitureKind.FOOTNOTE_LABEL)
        skip.update(continuation)

    def _continue_last(self, continuation: list[int]) -> None:
        last = self.footnotes[-1]
        first = self.lines[continuation[0]].line.content
        final = self.lines[continuation[-1]].line.content
        self.footnotes[-1] = attrs.evolve(
            last,
            line_positions=(*last.line_positions, *continuation),
            continued=(*last.continued, Span(first.start, final.end)),
        )

    def _make(self, entry: BodyEntry) -> PdfFootnote:
        lines = self.lines
        first = lines[entry.body[0]].line.content
        last = lines[entry.body[-1]].line.content
        text_start = entry.text_start if entry.text_start is not None else first.start
        text_span = Span(text_start, entry.text_end if entry.text_end is not None else last.end)
        if entry.label_pos is not None and not entry.number_last:
            span = Span(lines[entry.label_pos].content_start, text_span.end)
        else:
            span = text_span
        positions = sorted({*entry.body, *([entry.label_pos] if entry.label_pos is not None else [])})
        return PdfFootnote(str(entry.value), tuple(positions), span, text_span)

"""Building plain text out of a markup tree while remembering where every character came from.

HTML and DOCX readers walk their trees and feed a :class:`TextBuilder` with runs of source
characters (each with its source offsets), required line breaks ("a paragraph ends here: at
least two newlines"), hard newlines, table-cell separators and synthetic characters (the "["
around a footnote number, an automatic list number). The builder applies the CSS
``white-space: normal`` rules as the runs come, in one place (:class:`_Layout`), holding
whitespace and breaks back until the next visible character shows whether they survive: runs
of ASCII whitespace collapse to one space, spaces at line edges go, consecutive required breaks
merge into the largest; :meth:`TextBuilder.finish` returns the text, its map and the marks. NBSP is
not ASCII whitespace, so ``&nbsp;`` indentation survives exactly as the seed texts show it.

Offsets: every output character gets the source offset where it came from; newlines and other
synthetic characters get the end of the previous source character, so a paragraph's span maps
back to exactly its own markup text. The map's last entry (the end of the text) is the end of
the last source character, not the length of the source.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterable, Sequence
from itertools import repeat
from typing import TypeVar

from attrs import frozen

from vnreport.hints import (
    NO_HINTS,
    HeadingHint,
    ListItemHint,
    PageFurnitureHint,
    SourceHints,
    TableHint,
    TableRowHint,
)
from vnreport.model import FurnitureKind, Span
from vnreport.text.offsets import OffsetMap

#: What CSS collapses (``white-space: normal``); NBSP and the other Unicode spaces are kept.
COLLAPSIBLE = frozenset(" \t\n\r\f")

#: Separator between the cells of one table row. A tab never survives whitespace collapsing,
#: so in the extracted text a tab can only be a cell boundary (that is what makes rows recoverable).
CELL_SEPARATOR = "\t"


@frozen
class Extracted:
    """Text taken out of a markup source, with the way back into the source."""

    text: str
    to_source: OffsetMap
    """Maps offsets of :attr:`text` to offsets of the source string (HTML, or the XML parts)."""
    hints: SourceHints = NO_HINTS
    """What the source says of its structure (tables, headings, raised footnote markers), as
    spans of :attr:`text`."""
    diagnostics: tuple[object, ...] = ()


#: What :meth:`TextBuilder.table` returns: the table's key and, per row, the row's key and its cells' keys.
RecordedTable = tuple[int, list[tuple[int, list[int]]]]


def marked_span(marks: dict[object, int], key: int) -> Span:
    """The span between the marks ``("s", key)`` and ``("e", key)`` placed by :meth:`TextBuilder.finish`."""
    start = marks[("s", key)]
    return Span(start, max(start, marks[("e", key)]))


def marked_spans(keys: Sequence[int], marks: dict[object, int]) -> tuple[Span, ...]:
    """The non-empty spans between the marks of ``keys``, in text order."""
    spans = (marked_span(marks, key) for key in keys)
    return tuple(sorted((s for s in spans if len(s)), key=lambda s: (s.start, s.end)))


def break_spans(keys: Sequence[int], marks: dict[object, int]) -> tuple[Span, ...]:
    """The page breaks of ``keys`` as empty spans where each new page starts, in text order, each
    place once (Word writes a rendered break where it also states one) and none at the very
    start of the text (a page break before the first character starts no new page)."""
    places = sorted({marks[("s", key)] for key in keys if ("s", key) in marks})
    return tuple(Span(at, at) for at in places if at > 0)


def heading_hints(recorded: Sequence[tuple[int, int]], marks: dict[object, int]) -> tuple[HeadingHint, ...]:
    """The headings a reader recorded as ``(key, level)``; empty ones are dropped."""
    spans = ((marked_span(marks, key), level) for key, level in recorded)
    return tuple(HeadingHint(span, level) for span, level in spans if len(span))


def list_item_hints(recorded: Sequence[tuple[int, int]], marks: dict[object, int]) -> tuple[ListItemHint, ...]:
    """The list entries a reader recorded as ``(key, depth)``; empty ones are dropped."""
    spans = ((marked_span(marks, key), depth) for key, depth in recorded)
    return tuple(ListItemHint(span, depth) for span, depth in spans if len(span))


def table_spans(recorded: Sequence[RecordedTable], marks: dict[object, int]) -> tuple[TableHint, ...]:
    """The spans of the tables a reader recorded; empty rows are dropped, and tables left empty."""
    tables: list[TableHint] = []
    for table_key, rows in recorded:
        row_spans = [
            TableRowHint(marked_span(marks, row_key), tuple(marked_span(marks, k) for k in cell_keys))
            for row_key, cell_keys in rows
        ]
        span = marked_span(marks, table_key)
        kept = tuple(r for r in row_spans if len(r.span))
        if len(span) and kept:
            tables.append(TableHint(span, kept))
    return tuple(tables)


_Cell = TypeVar("_Cell")


class RecordedHints:
    """What a reader learns of the source's structure while it walks it, as the keys of the marks
    it places around each piece (``("s", key)`` / ``("e", key)``); read into
    :class:`~vnreport.hints.SourceHints` once :meth:`TextBuilder.finish` has placed the marks."""

    def __init__(self) -> None:
        self.tables: list[RecordedTable] = []
        self.headings: list[tuple[int, int]] = []
        """Each block the source states a heading (h1–h6, a Word heading style), with its level."""
        self.bold: list[int] = []
        """Each block set wholly in bold."""
        self.centred: list[int] = []
        """Each centred block."""
        self.markers: list[int] = []
        """Each footnote marker the source raises ("[1]" written from ``<sup>1</sup>``)."""
        self.bodies: list[int] = []
        """Each footnote body the source holds."""
        self.list_items: list[tuple[int, int]] = []
        """Each entry of the source's own lists, with its depth (1: a top-level list)."""
        self.italic: list[int] = []
        """Each block set wholly in italics."""
        self.upper: list[int] = []
        """Each run the source displays in capitals."""
        self.page_breaks: list[int] = []
        """Each page break: only its start mark is placed (at the first character of the new page)."""
        self.page_furniture: list[tuple[int, FurnitureKind]] = []
        """Each piece of page furniture (a Word header or footer) and what it is."""

    def block(self, key: int, level: int | None, bold: bool, centred: bool, italic: bool = False) -> None:
        """A block between the marks of ``key``: a heading at ``level`` (None: none), bold,
        centred, italic."""
        if level is not None:
            self.headings.append((key, level))
        for flag, into in ((bold, self.bold), (centred, self.centred), (italic, self.italic)):
            if flag:
                into.append(key)

    def hints(self, marks: dict[object, int]) -> SourceHints:
        return SourceHints(
            tables=table_spans(self.tables, marks),
            headings=heading_hints(self.headings, marks),
            superscripts=marked_spans(self.markers, marks),
            footnote_bodies=marked_spans(self.bodies, marks),
            bold=marked_spans(self.bold, marks),
            centred=marked_spans(self.centred, marks),
            list_items=list_item_hints(self.list_items, marks),
            italic=marked_spans(self.italic, marks),
            upper_case=marked_spans(self.upper, marks),
            page_breaks=break_spans(self.page_breaks, marks),
            page_furniture=tuple(
                PageFurnitureHint(span, kind)
                for span, kind in ((marked_span(marks, key), kind) for key, kind in self.page_furniture)
                if len(span)
            ),
        )


def roman_numeral(n: int) -> str:
    """1 → "I", 14 → "XIV": how Word and HTML lists print an upper-Roman number."""
    out = ""
    for value, numeral in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while n >= value:
            out += numeral
            n -= value
    return out


class TextBuilder:
    """Takes text runs and layout requests in order and lays them out as they come (the
    ``white-space: normal`` rules of :class:`_Layout`); :meth:`finish` returns the result."""

    def __init__(self) -> None:
        self._layout = _Layout()
        self._last_end = 0

    @property
    def last_end(self) -> int:
        """Source offset just after the last source character fed so far."""
        return self._last_end

    def text(self, chars: str, starts: Sequence[int], ends: Sequence[int], preserve: bool = False) -> None:
        if not chars:
            return
        if preserve:
            self._layout.visible(chars, starts, ends, 0, len(chars))
        else:
            self._layout.collapsing_text(chars, starts, ends)
        self._last_end = ends[-1]

    def synthetic(self, chars: str, at: int | None = None) -> None:
        """Characters that are not in the source (a generated list number, brackets)."""
        if not chars:
            return
        where = self._last_end if at is None else at
        n = len(chars)
        self._layout.visible(chars, [where] * n, [where] * n, 0, n)

    def block_break(self, count: int) -> None:
        self._layout.block_break(count)

    def newline(self) -> None:
        # A <br>: a newline of its own, after any pending paragraph break.
        self._layout.hard_character("\n")

    def separator(self) -> None:
        self._layout.hard_character(CELL_SEPARATOR)

    def soft_space(self) -> None:
        """A space only if the next character is a letter or digit."""
        layout = self._layout
        if not layout.pending_breaks and layout.pending_space is None:
            layout.pending_soft = layout.last_end

    def space(self) -> None:
        """Collapsible whitespace."""
        self._layout.collapsible(self._layout.last_end)

    def mark_start(self, key: object) -> None:
        """Record where the next visible character lands (the start of a row or cell)."""
        self._layout.pending_marks.append(key)

    def mark_end(self, key: object) -> None:
        self._layout.mark_end(key)

    def table(
        self,
        rows: Iterable[Sequence[_Cell]],
        new_key: Callable[[], int],
        walk: Callable[[_Cell], None],
    ) -> RecordedTable:
        """Lay out a data table: one line per row, cells separated by a tab, every table, row
        and cell marked so that its span can be found after :meth:`finish`. ``walk`` writes
        one cell's content; HTML and DOCX readers differ only in how they find rows and cells.

        Returns the table's key and, per row, the row's key and its cells' keys.
        """
        self.block_break(1)
        table_key = new_key()
        self.mark_start(("s", table_key))
        recorded: list[tuple[int, list[int]]] = []
        for cells in rows:
            if not cells:
                continue
            self.block_break(1)
            row_key = new_key()
            self.mark_start(("s", row_key))
            keys: list[int] = []
            for k, cell in enumerate(cells):
                if k:
                    self.separator()
                cell_key = new_key()
                self.mark_start(("s", cell_key))
                walk(cell)
                self.mark_end(("e", cell_key))
                keys.append(cell_key)
            self.mark_end(("e", row_key))
            self.block_break(1)
            recorded.append((row_key, keys))
        self.mark_end(("e", table_key))
        self.block_break(1)
        return table_key, recorded

    def finish(self, source_length: int) -> tuple[str, OffsetMap, dict[object, int]]:
        """``(text, map to the source, positions of the marks)``."""
        layout = self._layout
        layout.place_marks()
        text = "".join(layout.out)
        # The end of the text is where its last character ends in the source, not the end of the
        # source: a span reaching the end of the text then maps to its own markup, not to "</html>".
        layout.starts.append(layout.last_end if layout.out else min(source_length, self._last_end))
        return text, OffsetMap(layout.starts), layout.marks


#: A run of :data:`COLLAPSIBLE` characters. Only the first character of a run can matter (it
#: becomes the pending space or nothing), so the layout works run by run, not character by character.
_COLLAPSIBLE_CHARS = "".join(sorted(COLLAPSIBLE))
_COLLAPSIBLE_RUN = re.compile("[" + re.escape(_COLLAPSIBLE_CHARS) + "]+")
#: Whitespace that does not collapse to itself: anything but a lone space (:func:`_collapses_to_itself`).
_NOT_SPACES = tuple(sorted(COLLAPSIBLE - {" "}))


def _collapses_to_itself(chars: str, begin: int, stop: int) -> bool:
    """Whether ``chars[begin:stop]`` holds no whitespace but lone spaces. One ``find`` per
    character is a few times faster than one search for the class and "  " together (an
    alternation tried at every character), and most runs of a page are searched whole."""
    if chars.find("  ", begin, stop) >= 0:
        return False
    return all(chars.find(c, begin, stop) < 0 for c in _NOT_SPACES)


class _Naturals:
    """0, 1, 2, … kept in one array that grows as needed, so that a run of consecutive offsets
    (a run of literal source text) is a slice of it, a memory copy, instead of a new int per
    character: on a report page, laying out the offsets that way is most of the layout's time.
    Offsets beyond :data:`MAX` are made one by one (a page that size is rare)."""

    MAX = 1 << 22

    def __init__(self) -> None:
        self.values = array("q")
        """0, 1, 2, … as far as any run asked so far."""

    def run(self, start: int, stop: int) -> array[int]:
        values = self.values
        if stop > len(values):
            if stop > self.MAX:
                return array("q", range(start, stop))
            size = min(self.MAX, max(stop, 2 * len(values), 1 << 16))
            values.fromlist(list(range(len(values), size)))
        return values[start:stop]


NATURALS = _Naturals()


def _append_offsets(into: array[int], offsets: Sequence[int], begin: int, stop: int) -> None:
    """``into += offsets[begin:stop]``, without copying a whole run. The readers hand over lists
    or ``range`` objects (a run of literal source text); ``fromlist`` is about twice as fast as
    ``extend`` on a list, and a range is a slice of :data:`NATURALS`."""
    part = offsets if begin == 0 and stop == len(offsets) else offsets[begin:stop]
    if isinstance(part, list):
        into.fromlist(part)
    elif isinstance(part, range) and part.step == 1:
        into += NATURALS.run(part.start, part.stop)
    else:
        into.extend(part)


class _Layout:
    """What :class:`TextBuilder` knows while it lays the runs out, in order.

    Whitespace, breaks and spaces are held back ("pending") until the next visible character
    shows whether they survive; :meth:`flush` writes what survived just before that character.
    """

    __slots__ = (
        "at_line_start",
        "last_end",
        "marks",
        "out",
        "pending_break_at",
        "pending_breaks",
        "pending_marks",
        "pending_soft",
        "pending_space",
        "starts",
    )

    def __init__(self) -> None:
        self.out: list[str] = []
        self.starts = array("q")
        self.marks: dict[object, int] = {}
        self.pending_breaks = 0
        self.pending_break_at = 0
        self.pending_space: int | None = None
        self.pending_soft: int | None = None
        self.pending_marks: list[object] = []
        self.at_line_start = True
        self.last_end = 0

    def flush(self, next_char: str | None) -> None:
        """Write the pending break or space that survives before ``next_char`` (``None``: a
        newline or a cell separator), and place the pending marks there."""
        if self.pending_breaks and self.out:
            self.out.append("\n" * self.pending_breaks)
            self.starts.extend(repeat(self.pending_break_at, self.pending_breaks))
            self.at_line_start = True
        elif self.pending_space is not None and not self.at_line_start:
            self.out.append(" ")
            self.starts.append(self.pending_space)
        elif self.pending_soft is not None and not self.at_line_start and next_char is not None and next_char.isalnum():
            self.out.append(" ")
            self.starts.append(self.pending_soft)
        self.pending_breaks = 0
        self.drop_spaces()
        self.place_marks()

    def drop_spaces(self) -> None:
        self.pending_space = None
        self.pending_soft = None

    def place_marks(self) -> None:
        if self.pending_marks:
            here = len(self.starts)
            for key in self.pending_marks:
                self.marks[key] = here
            self.pending_marks.clear()

    def visible(self, chars: str, starts: Sequence[int], ends: Sequence[int], begin: int, stop: int) -> None:
        """Write ``chars[begin:stop]`` as it is. Once the first character has flushed what was
        pending, nothing is pending any more, so the rest of the run goes out in one piece."""
        self.flush(chars[begin])
        self.out.append(chars[begin:stop])
        _append_offsets(self.starts, starts, begin, stop)
        self.at_line_start = chars[stop - 1] == "\n"
        self.last_end = ends[stop - 1]

    def collapsing_text(self, chars: str, starts: Sequence[int], ends: Sequence[int]) -> None:
        """Write text under ``white-space: normal``. Only its edges depend on what came before;
        inside it, after the first visible character has flushed what was pending, every run of
        whitespace becomes one space at the offset of the run's first character."""
        # Strip only what is there: most runs have no whitespace at their edges, and a strip
        # copies the whole run.
        n = len(chars)
        begin = n - len(chars.lstrip(_COLLAPSIBLE_CHARS)) if chars[0] in COLLAPSIBLE else 0
        if begin:
            self.collapsible(starts[0])
        if begin == n:
            return
        stop = len(chars.rstrip(_COLLAPSIBLE_CHARS)) if chars[-1] in COLLAPSIBLE else n
        self.flush(chars[begin])
        if _collapses_to_itself(chars, begin, stop):
            self.out.append(chars[begin:stop])
            if type(starts) is range and starts.step == 1 and stop + starts.start <= len(NATURALS.values):
                # The common case, a run of literal source text: a slice of the naturals.
                first = starts.start
                self.starts += NATURALS.values[first + begin : first + stop]
            else:
                _append_offsets(self.starts, starts, begin, stop)
        else:
            self.out.append(_COLLAPSIBLE_RUN.sub(" ", chars[begin:stop]))
            done = begin
            for run in _COLLAPSIBLE_RUN.finditer(chars, begin, stop):
                _append_offsets(self.starts, starts, done, run.start() + 1)
                done = run.end()
            _append_offsets(self.starts, starts, done, stop)
        self.at_line_start = False
        self.last_end = ends[stop - 1]
        if stop < n:
            self.collapsible(starts[stop])

    def collapsible(self, at: int) -> None:
        """Collapsible whitespace at source offset ``at``: one space, unless at a line's edge."""
        if not self.at_line_start and not self.pending_breaks and self.pending_space is None:
            self.pending_space = at

    def block_break(self, count: int) -> None:
        if count > self.pending_breaks:
            self.pending_breaks = count
            self.pending_break_at = self.last_end
        self.drop_spaces()

    def hard_character(self, char: str) -> None:
        """A newline or a cell separator: always written; whitespace after it is dropped, as at
        the start of a line."""
        self.drop_spaces()
        self.flush(None)
        self.out.append(char)
        self.starts.append(self.last_end)
        self.at_line_start = True

    def mark_end(self, key: object) -> None:
        if self.pending_marks:
            # An empty cell or row: it starts (after any pending line break) where it ends.
            self.drop_spaces()
            if self.pending_breaks and self.out:
                self.flush(None)
            else:
                self.place_marks()
        self.marks[key] = len(self.starts)

"""Building plain text out of a markup tree while remembering where every character came from.

HTML and DOCX readers walk their trees and feed a :class:`TextBuilder` with runs of source
characters (each with its source offsets), required line breaks ("a paragraph ends here: at
least two newlines"), hard newlines, table-cell separators and synthetic characters (the "["
around a footnote number, an automatic list number). :meth:`TextBuilder.finish` then applies
the CSS ``white-space: normal`` rules once, in one place: runs of ASCII whitespace collapse to
one space, spaces at line edges go, consecutive required breaks merge into the largest. NBSP is
not ASCII whitespace, so ``&nbsp;`` indentation survives exactly as the seed texts show it.

Offsets: every output character gets the source offset where it came from; newlines and other
synthetic characters get the end of the previous source character, so a paragraph's span maps
back to exactly its own markup text. The map's last entry (the end of the text) is the end of
the last source character, not the length of the source.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from attrs import frozen

from vnreport.model import Span
from vnreport.text.offsets import OffsetMap

#: What CSS collapses (``white-space: normal``); NBSP and the other Unicode spaces are kept.
COLLAPSIBLE = frozenset(" \t\n\r\f")

#: Separator between the cells of one table row. A tab never survives whitespace collapsing,
#: so in the extracted text a tab can only be a cell boundary (that is what makes rows recoverable).
CELL_SEPARATOR = "\t"


@frozen
class RowSpans:
    span: Span
    cells: tuple[Span, ...]


@frozen
class TableSpans:
    """Where one table is in the extracted text: one row per line, cells separated by a tab."""

    span: Span
    rows: tuple[RowSpans, ...]


@frozen
class Extracted:
    """Text taken out of a markup source, with the way back into the source."""

    text: str
    to_source: OffsetMap
    """Maps offsets of :attr:`text` to offsets of the source string (HTML, or the XML parts)."""
    tables: tuple[TableSpans, ...] = ()
    diagnostics: tuple[object, ...] = ()


# Item kinds, kept as small tuples for speed: the builder sees one item per text run.
_TEXT = 0  # (_TEXT, str, starts, ends, preserve)
_BREAK = 1  # (_BREAK, count)
_NEWLINE = 2  # (_NEWLINE, at)
_SEP = 3  # (_SEP, at)
_SOFT = 4  # (_SOFT, at): a space only if the next character is a letter or digit
_SPACE = 5  # (_SPACE, at): collapsible whitespace
_MARK_START = 6  # (_MARK_START, key)
_MARK_END = 7  # (_MARK_END, key)


_Cell = TypeVar("_Cell")


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
    """Collects text runs and layout requests; :meth:`finish` lays them out."""

    def __init__(self) -> None:
        self._items: list[tuple[object, ...]] = []
        self._last_end = 0

    @property
    def last_end(self) -> int:
        """Source offset just after the last source character fed so far."""
        return self._last_end

    def text(self, chars: str, starts: Sequence[int], ends: Sequence[int], preserve: bool = False) -> None:
        if not chars:
            return
        self._items.append((_TEXT, chars, starts, ends, preserve))
        self._last_end = ends[-1]

    def synthetic(self, chars: str, at: int | None = None) -> None:
        """Characters that are not in the source (a generated list number, brackets)."""
        if not chars:
            return
        where = self._last_end if at is None else at
        n = len(chars)
        self._items.append((_TEXT, chars, [where] * n, [where] * n, True))

    def block_break(self, count: int) -> None:
        self._items.append((_BREAK, count))

    def newline(self) -> None:
        self._items.append((_NEWLINE, self._last_end))

    def separator(self) -> None:
        self._items.append((_SEP, self._last_end))

    def soft_space(self) -> None:
        self._items.append((_SOFT, self._last_end))

    def space(self) -> None:
        self._items.append((_SPACE, self._last_end))

    def mark_start(self, key: object) -> None:
        """Record where the next visible character lands (the start of a row or cell)."""
        self._items.append((_MARK_START, key))

    def mark_end(self, key: object) -> None:
        self._items.append((_MARK_END, key))

    def table(
        self,
        rows: Iterable[Sequence[_Cell]],
        new_key: Callable[[], int],
        walk: Callable[[_Cell], None],
    ) -> tuple[int, list[tuple[int, list[int]]]]:
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
        """Lay the items out: ``(text, map to the source, positions of the marks)``."""
        out: list[str] = []
        starts = array("q")
        marks: dict[object, int] = {}
        pending_breaks = 0
        pending_break_at = 0
        pending_space: int | None = None
        pending_soft: int | None = None
        pending_marks: list[object] = []
        at_line_start = True
        last_end = 0

        def flush(next_char: str | None) -> None:
            nonlocal pending_breaks, pending_space, pending_soft, at_line_start
            if pending_breaks and out:
                out.append("\n" * pending_breaks)
                starts.extend([pending_break_at] * pending_breaks)
                at_line_start = True
            elif pending_space is not None and not at_line_start:
                out.append(" ")
                starts.append(pending_space)
            elif pending_soft is not None and not at_line_start and next_char is not None and next_char.isalnum():
                out.append(" ")
                starts.append(pending_soft)
            pending_breaks = 0
            pending_space = None
            pending_soft = None
            if pending_marks:
                here = len(starts)
                for key in pending_marks:
                    marks[key] = here
                pending_marks.clear()

        for item in self._items:
            kind = item[0]
            if kind == _TEXT:
                chars, item_starts, item_ends, preserve = item[1], item[2], item[3], item[4]
                assert isinstance(chars, str)
                assert isinstance(item_starts, Sequence) and isinstance(item_ends, Sequence)
                for k, ch in enumerate(chars):
                    if ch in COLLAPSIBLE and not preserve:
                        if not at_line_start and not pending_breaks and pending_space is None:
                            pending_space = item_starts[k]
                        continue
                    flush(ch)
                    out.append(ch)
                    starts.append(item_starts[k])
                    at_line_start = ch == "\n"
                    last_end = item_ends[k]
            elif kind == _BREAK:
                count = item[1]
                assert isinstance(count, int)
                if count > pending_breaks:
                    pending_breaks = count
                    pending_break_at = last_end
                pending_space = None
                pending_soft = None
            elif kind == _NEWLINE:
                # A <br>: a newline of its own, after any pending paragraph break.
                pending_space = None
                pending_soft = None
                flush(None)
                out.append("\n")
                starts.append(last_end)
                at_line_start = True
            elif kind == _SEP:
                pending_space = None
                pending_soft = None
                flush(None)
                out.append(CELL_SEPARATOR)
                starts.append(last_end)
                at_line_start = True  # whitespace opening the next cell is dropped, as at a line start
            elif kind == _SOFT:
                if not pending_breaks and pending_space is None:
                    pending_soft = last_end
            elif kind == _SPACE:
                if not at_line_start and not pending_breaks and pending_space is None:
                    pending_space = last_end
            elif kind == _MARK_START:
                pending_marks.append(item[1])
            elif kind == _MARK_END:
                if pending_marks:
                    # An empty cell or row: it starts (after any pending line break) where it ends.
                    pending_space = None
                    pending_soft = None
                    if pending_breaks and out:
                        flush(None)
                    else:
                        here = len(starts)
                        for key in pending_marks:
                            marks[key] = here
                        pending_marks.clear()
                marks[item[1]] = len(starts)
        here = len(starts)
        for key in pending_marks:
            marks[key] = here
        text = "".join(out)
        # The end of the text is where its last character ends in the source, not the end of the
        # source: a span reaching the end of the text then maps to its own markup, not to "</html>".
        starts.append(last_end if out else min(source_length, self._last_end))
        return text, OffsetMap(starts), marks

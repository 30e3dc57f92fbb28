"""The lines of a PDF extraction as the page readers see them, and what they have claimed so far.

:func:`~vnreport.layout.pages.analyze_pages` runs its readers (page numbers, running lines,
footnotes) one after another over one :class:`PageText`: each reads the pages the earlier ones
cut and leaves alone the lines they took.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import overload

from vnreport.lines.classify import ClassifiedLine, Role
from vnreport.model import Diagnostic, Furniture, FurnitureKind, Span

#: Lines at each page edge where page numbers, running headers and footers live.
EDGE_LINES = 3


class PageText:
    """A text's classified lines, its pages, and the lines claimed as furniture so far."""

    def __init__(self, text: str, lines: Sequence[ClassifiedLine], raised: Sequence[Span] | None = None) -> None:
        self.text = text
        self.lines = lines
        self.raised = raised
        """The digit runs the pages set raised (a PDF read directly, in text order): then the
        only footnote markers; None for an extracted text, whose markers are glued digits."""
        self.skip: set[int] = set()
        """Positions of lines kept out of the body: furniture and footnote bodies."""
        self.furniture: list[Furniture] = []
        self.diagnostics: list[Diagnostic] = []
        self.pages: list[tuple[int, int]] = []
        """``[start, end)`` positions of each page."""
        self.strs = LineContents(text, lines)
        self.blanks = [cl.role is Role.BLANK for cl in lines]

    def add_furniture(self, pos: int, kind: FurnitureKind) -> None:
        c = self.lines[pos].line.content
        self.skip.add(pos)
        self.furniture.append(Furniture(kind, c, self.text[c.start : c.end]))

    def edge(self, start: int, end: int, from_top: bool) -> list[int]:
        """Up to EDGE_LINES non-blank, not yet skipped positions from a page edge."""
        out: list[int] = []
        rng = range(start, end) if from_top else range(end - 1, start - 1, -1)
        for i in rng:
            if self.blanks[i] or i in self.skip:
                continue
            out.append(i)
            if len(out) == EDGE_LINES:
                break
        return out


class LineContents(Sequence[str]):
    """Each line's content, sliced from the text when a reader asks for it.

    The readers look at a few lines at each page edge; a list of every line's slice was a
    second copy of the whole text (and a string object per line) held for them.
    """

    __slots__ = ("_lines", "_text")

    def __init__(self, text: str, lines: Sequence[ClassifiedLine]) -> None:
        self._text = text
        self._lines = lines

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, pos: int) -> str: ...

    @overload
    def __getitem__(self, pos: slice) -> list[str]: ...

    def __getitem__(self, pos: int | slice) -> str | list[str]:
        if isinstance(pos, slice):
            return [self[k] for k in range(*pos.indices(len(self)))]
        line = self._lines[pos].line
        return self._text[line.content_start : line.content_end]

    def __iter__(self) -> Iterator[str]:
        text = self._text
        for cl in self._lines:
            yield text[cl.content_start : cl.content_end]

    def length(self, pos: int) -> int:
        """``len(self[pos])`` without the slice."""
        line = self._lines[pos].line
        return line.content_end - line.content_start

    def lengths(self) -> Iterator[int]:
        """The length of every line's content, in order, without the slices."""
        return (cl.content_end - cl.content_start for cl in self._lines)

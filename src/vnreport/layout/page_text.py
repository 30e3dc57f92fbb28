"""The lines of a PDF extraction as the page readers see them, and what they have claimed so far.

:func:`~vnreport.layout.pages.analyze_pages` runs its readers (page numbers, running lines,
footnotes) one after another over one :class:`PageText`: each reads the pages the earlier ones
cut and leaves alone the lines they took.
"""

from __future__ import annotations

from collections.abc import Sequence

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
        # One slice per line, once: every rule reads line contents many times.
        self.strs = [text[cl.line.content.start : cl.line.content.end] for cl in lines]
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

"""The pages a marked-up source states: its page breaks and the furniture it prints on them.

A Word document (or a web page saved from one) says where its pages break and which text it
prints on every page (headers, footers); the readers hand both over as hints
(:attr:`vnreport.hints.SourceHints.page_breaks`, ``page_furniture``), and the pages stage
takes them here instead of reading pages off the text the way it reads a PDF extraction
(:mod:`vnreport.layout.pages`): the source's word is better than any guess from the lines. The
breaks stay in the furniture (``page-break``, an empty span where each page starts), so that
:meth:`vnreport.document.Document.pages` and the chunks know the pages, as they know the form
feeds of a text extracted from pages.
"""

from __future__ import annotations

from collections.abc import Sequence

from vnreport.layout.page_text import PageText
from vnreport.lines.classify import ClassifiedLine
from vnreport.model import Furniture, FurnitureKind, Span


def source_pages(
    text: str,
    lines: Sequence[ClassifiedLine],
    breaks: Sequence[Span],
    furniture: Sequence[tuple[int, int, FurnitureKind]],
) -> tuple[frozenset[int], tuple[Furniture, ...]]:
    """The lines to keep out of the body (the printed furniture's) and the furniture: each
    non-blank line of the printed pieces ``(start, end, kind)``, and each page break."""
    page = PageText(text, lines)
    for start, end, kind in furniture:
        for i in range(start, min(end, len(lines))):
            if not page.blanks[i]:
                page.add_furniture(i, kind)
    pieces = [*page.furniture, *(Furniture(FurnitureKind.PAGE_BREAK, Span(b.start, b.start), "") for b in breaks)]
    return frozenset(page.skip), tuple(sorted(pieces, key=lambda f: (f.span.start, f.span.end)))

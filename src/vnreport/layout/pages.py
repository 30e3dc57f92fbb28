"""Page furniture and PDF footnotes: what ``pdftotext`` leaves between the lines of a report.

Text extracted from a PDF keeps the page: a form feed at every page end, the printed page
number as a lone line, running headers, footers and watermarks repeated on every page, a cover
page, and, at the bottom of each page, footnote bodies in a smaller font (longer lines) whose
superscript labels were flattened into plain digits glued to the words that cite them
("hiện đại1.", "Chính phủ9", "tích cực10"). :func:`analyze_pages` finds all of it and says which
lines to keep out of the body; the pipeline does the rest (skipping lines, making
:class:`~vnreport.model.Footnote` objects, attaching refs to sentences).

The readers run in order over one :class:`~vnreport.layout.page_text.PageText`, each leaving
alone the lines the ones before it took: page breaks and numbers
(:mod:`~vnreport.layout.page_numbers`), running lines and the cover
(:mod:`~vnreport.layout.running_heads`), then footnote bodies and their markers
(:mod:`~vnreport.footnotes.page_bodies`). Footnotes are found body first: digits in the running
text are read as markers only when they fit a sequence of bodies found at the page bottom.
That is what keeps "km2", "15g00", "QH15", years and list numbers out.

Pure functions; linear in the text. A text that does not look like PDF output (no form feed,
no page-number line) returns :data:`EMPTY_LAYOUT` after one pass over the lines.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from vnreport.footnotes.page_bodies import FootnoteReader
from vnreport.footnotes.pdf_entries import PdfFootnote
from vnreport.layout.page_numbers import (
    any_page_number,
    only_numbers,
    page_numbers_at_edges,
    pages_from_form_feeds,
    pages_from_page_numbers,
)
from vnreport.layout.page_text import PageText
from vnreport.layout.running_heads import cover_page, running_lines
from vnreport.layout.source_pages import source_pages
from vnreport.lines.classify import ClassifiedLine
from vnreport.lines.hinted import NO_LINE_HINTS, LineHints
from vnreport.model import Diagnostic, Furniture, Span

__all__ = ["EMPTY_LAYOUT", "PageLayout", "PdfFootnote", "analyze_pages"]


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


def analyze_pages(
    text: str,
    lines: Sequence[ClassifiedLine],
    raised: Sequence[Span] | None = None,
    stated: LineHints = NO_LINE_HINTS,
) -> PageLayout:
    """Find page furniture and PDF footnotes among ``lines`` (the classified lines of ``text``);
    ``raised``: the digit runs a PDF sets as superscripts, when it was read directly (the only
    markers then); ``stated``: the source's hints by line, whose page breaks and printed
    furniture, where it states any, are the pages (:mod:`vnreport.layout.source_pages`)."""
    if not lines:
        return EMPTY_LAYOUT
    if stated.page_starts or stated.page_furniture:
        skip, furniture = source_pages(text, lines, stated.hints.page_breaks, stated.page_furniture)
        return PageLayout(skip, furniture, page_starts=stated.page_starts)
    has_ff = "\f" in text
    if not has_ff and not any_page_number(text, lines):
        return EMPTY_LAYOUT
    page = PageText(text, lines, raised)
    if only_numbers(page):
        return _layout(page)
    if has_ff:
        pages_from_form_feeds(page)
        page_numbers_at_edges(page)
    else:
        pages_from_page_numbers(page)
    if len(page.pages) < 2:
        return EMPTY_LAYOUT if not page.furniture else _layout(page)
    running_lines(page)
    cover_page(page)
    notes = FootnoteReader(page)
    notes.read()
    return _layout(page, notes)


def _layout(page: PageText, notes: FootnoteReader | None = None) -> PageLayout:
    furniture = tuple(sorted(page.furniture, key=lambda f: (f.span.start, f.span.end)))
    footnotes = tuple(notes.footnotes) if notes is not None else ()
    refs = tuple(sorted(notes.refs, key=lambda r: r[1].start)) if notes is not None else ()
    starts = tuple(start for start, _ in page.pages[1:])
    return PageLayout(frozenset(page.skip), furniture, footnotes, refs, tuple(page.diagnostics), starts)

"""What a source knows about its own structure, handed to the pipeline with the text.

A plain text says nothing but its characters; an HTML page or a Word document also says which
paragraphs are headings (h1–h6, Word heading styles and outline levels), which runs are raised
(``<sup>``, ``w:vertAlign="superscript"``: footnote markers), where its tables, rows and cells
are, which paragraphs are footnote bodies and which it sets wholly in bold, in italics or
centres, which runs it shows in capitals, where its pages break and what it prints on every page
(headers, footers). The
readers (:mod:`vnreport.sources`) record that as :class:`SourceHints`, with every span in the
text they extracted; :meth:`SourceHints.through` moves the spans into the normalized text the
pipeline reads (:func:`vnreport.pipeline.parse_normalized` takes them as ``hints=``). The stages
use them as evidence the text alone cannot give; plain text passes :data:`NO_HINTS` and is
parsed exactly as before.

This module depends on the model only, so that the pipeline can import it without the readers.
"""

from __future__ import annotations

from attrs import frozen

from vnreport.model import FurnitureKind, Span
from vnreport.text.offsets import OffsetMap, first_at_or_after


@frozen
class TableRowHint:
    """One row of a source table: one line of the text, its cells separated by a tab."""

    span: Span
    cells: tuple[Span, ...]


@frozen
class TableHint:
    """A data table of the source (not a layout table): its span and its rows, in text order."""

    span: Span
    rows: tuple[TableRowHint, ...]


@frozen
class HeadingHint:
    """A paragraph the source marks as a heading, with its level (1 is the top)."""

    span: Span
    level: int


@frozen
class ListItemHint:
    """A list entry the source numbers itself (an HTML ``<li>``, a Word numbered paragraph): its
    paragraph, whose text opens with the number or bullet the reader wrote out, and its depth
    among the source's lists (1: a top-level list)."""

    span: Span
    depth: int


@frozen
class PageFurnitureHint:
    """Text the source prints on every page, apart from the body (a Word header or footer): its
    span in the text and what it is (``RUNNING_HEADER``, ``RUNNING_FOOTER``)."""

    span: Span
    kind: FurnitureKind


@frozen
class SourceHints:
    """Structure known from the source, as spans of the text (see the module docstring)."""

    tables: tuple[TableHint, ...] = ()
    headings: tuple[HeadingHint, ...] = ()
    superscripts: tuple[Span, ...] = ()
    """Text the source raises: footnote markers as the reader wrote them ("[1]" from
    ``<sup>1</sup>``, a link to a footnote body, a Word footnote reference) and other raised
    runs (HTML ``<sup>``, Word ``w:vertAlign="superscript"``), as written ("1", "2")."""

    footnote_bodies: tuple[Span, ...] = ()
    """The footnote bodies the source holds as such (Word's ``footnotes.xml``, an HTML
    ``<div id="ftn1">``), as the reader wrote them ("[1] body")."""

    bold: tuple[Span, ...] = ()
    """Paragraphs set wholly in bold (HTML ``<b>``/``<strong>``/``font-weight:bold``, Word ``w:b``
    on every run): a heading where the text alone is unsure (:mod:`vnreport.tree.stated`). The
    tree reads them only where the source states no headings; a page with h1–h6 records none."""

    centred: tuple[Span, ...] = ()
    """Paragraphs the source centres (HTML ``text-align:center``/``<center>``/``align``, Word
    ``w:jc="center"``): the document title's lines in the furniture (:mod:`vnreport.layout.title`)."""

    list_items: tuple[ListItemHint, ...] = ()
    """The entries of the source's own lists, with their depth: the nesting the source states
    where the written numbers alone cannot tell ("1." under "1." in a nested ``<ol>``;
    :mod:`vnreport.tree.stated`)."""

    italic: tuple[Span, ...] = ()
    """Paragraphs set wholly in italics (HTML ``<i>``/``<em>``/``font-style:italic``, Word ``w:i``
    on every run): a note under the title (``(Tài liệu phục vụ …)``, the subtitle) where the text
    alone is unsure, and the place-and-date line of the header (:mod:`vnreport.layout.title`,
    :mod:`vnreport.layout.header`)."""

    upper_case: tuple[Span, ...] = ()
    """Runs the source displays in capitals whatever their stored letters (Word
    ``w:caps``/``w:smallCaps``, by the run or its paragraph style; an HTML element under CSS
    ``text-transform:uppercase`` or ``font-variant:small-caps``): the rules that look at capitals read them as capitals
    (:mod:`vnreport.lines.shown`); the stored text stays as it is."""

    page_breaks: tuple[Span, ...] = ()
    """Where the source starts a new page (Word ``w:br w:type="page"``,
    ``w:lastRenderedPageBreak``, ``w:pageBreakBefore``, a section that starts a page; HTML
    ``page-break-before``/``-after``, ``break-before``/``-after: page``): an empty span at the
    first character of the new page. The pages stage makes the pages from them."""

    page_furniture: tuple[PageFurnitureHint, ...] = ()
    """Text the source prints on its pages apart from the body (Word's headers and footers),
    written after the body: furniture, never body text (the pages stage)."""

    raised_exact: bool = False
    """:attr:`superscripts` are all the digit runs the pages raise, read from the glyphs of a PDF
    (:mod:`vnreport.sources.pdf`): the page stage takes them, and no other digits, for markers."""

    def __bool__(self) -> bool:
        return bool(
            self.tables
            or self.headings
            or self.superscripts
            or self.footnote_bodies
            or self.bold
            or self.centred
            or self.list_items
            or self.italic
            or self.upper_case
            or self.page_breaks
            or self.page_furniture
        )

    def through(self, nfc: OffsetMap) -> SourceHints:
        """The same hints with their spans moved from the extracted text into the normalized
        text (``nfc`` maps normalized offsets to extracted ones)."""
        if nfc.is_identity or not self:
            return self
        starts = nfc.starts

        def span(s: Span) -> Span:
            start = first_at_or_after(starts, s.start)
            return Span(start, max(start, first_at_or_after(starts, s.end)))

        return SourceHints(
            tables=tuple(
                TableHint(span(t.span), tuple(TableRowHint(span(r.span), tuple(map(span, r.cells))) for r in t.rows))
                for t in self.tables
            ),
            headings=tuple(HeadingHint(span(h.span), h.level) for h in self.headings),
            superscripts=tuple(map(span, self.superscripts)),
            footnote_bodies=tuple(map(span, self.footnote_bodies)),
            bold=tuple(map(span, self.bold)),
            centred=tuple(map(span, self.centred)),
            list_items=tuple(ListItemHint(span(item.span), item.depth) for item in self.list_items),
            italic=tuple(map(span, self.italic)),
            upper_case=tuple(map(span, self.upper_case)),
            page_breaks=tuple(map(span, self.page_breaks)),
            page_furniture=tuple(PageFurnitureHint(span(f.span), f.kind) for f in self.page_furniture),
            raised_exact=self.raised_exact,
        )


NO_HINTS = SourceHints()
"""What a plain text hands over: nothing."""

"""Reading a PDF: the text read from its pages, with what the page states plainly as hints.

The text is written as ``pdftotext`` writes it (lines in reading order, a blank line where the
page leaves a gap, a form feed closing each page), so the page stages read its page numbers,
running lines and footnote blocks as they read an extracted text (:mod:`vnreport.layout.pages`).
What ``pdftotext`` loses, the page still says, and the reader hands it over as
:class:`~vnreport.hints.SourceHints`: the raised digit runs (footnote markers, exactly: the page
stage takes no other digits for markers). The header
block's two columns are read left column first (:mod:`vnreport.sources.pdf_lines`); a word
broken by a hyphen at a line end is rejoined ("308-⏎QĐ/TW" → "308-QĐ/TW"), a range set apart
("2025 -⏎2030") keeps its line break.

Every line keeps its page and box (:class:`PdfLayout`): ``Document.page_boxes(span)``.
"""

from __future__ import annotations

import attrs
from attrs import frozen

from vnreport.document import Document
from vnreport.errors import UnreadableInputError
from vnreport.hints import SourceHints, TableHint, TableRowHint
from vnreport.limits import check_source, time_limit
from vnreport.model import Diagnostic, DiagnosticCode, Severity, Span
from vnreport.pipeline import DEFAULT_OPTIONS, ParseOptions
from vnreport.provenance import PdfLayout, PdfPage
from vnreport.sources._assemble import assemble
from vnreport.sources._text import Extracted
from vnreport.sources.pdf_chars import MAX_PAGES, PageChars, read_pages
from vnreport.sources.pdf_lines import PdfLine, page_lines
from vnreport.sources.pdf_tables import find_grid, names_a_table
from vnreport.text.offsets import OffsetMap

__all__ = ["PdfLayout", "PdfPage", "extract_pdf", "parse_pdf"]

#: A vertical gap between two lines wider than this share of the line height is a blank line.
BLANK_GAP = 0.9


@attrs.define
class _Writer:
    """The text being written, with the hints and line places recorded as it grows."""

    parts: list[str] = attrs.Factory(list)
    length: int = 0
    superscripts: list[Span] = attrs.Factory(list)
    starts: list[int] = attrs.Factory(list)
    places: list[tuple[int, int, float, float, float, float]] = attrs.Factory(list)
    tables: list[TableHint] = attrs.Factory(list)
    rows: list[TableRowHint] = attrs.Factory(list)
    """The rows of the ruled table being written."""

    def write(self, s: str) -> None:
        self.parts.append(s)
        self.length += len(s)

    def line(self, line: PdfLine, page: PageChars) -> None:
        start = self.length
        for s, e in line.superscripts:
            self.superscripts.append(Span(start + s, start + e))
        if line.cells:
            cells = tuple(Span(start + s, start + e) for s, e in line.cells)
            self.rows.append(TableRowHint(Span(start, start + len(line.text)), cells))
        else:
            self.close_table()
        self.write(line.text)
        x0, y0, x1, y1 = line.box
        self.starts.append(start)
        top, bottom = page.height - y1, page.height - y0
        self.places.append((self.length, page.number, round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2)))

    def close_table(self) -> None:
        """The rows written so far are a table (a table broken by a page is two)."""
        if self.rows:
            self.tables.append(TableHint(Span(self.rows[0].span.start, self.rows[-1].span.end), tuple(self.rows)))
            self.rows = []

    def ends_broken_word(self) -> bool:
        """The text ends in a word broken by a hyphen ("308-", not "2025 -")."""
        last = self.parts[-1] if self.parts else ""
        return len(last) >= 2 and last[-1] == "-" and last[-2].isalnum()


def _write_page(writer: _Writer, page: PageChars, lines: list[PdfLine]) -> None:
    previous: PdfLine | None = None
    for line in lines:
        if previous is not None:
            if line.cells and previous.cells:
                writer.write("\n")  # the rows of a table, whatever their height
            elif writer.ends_broken_word() and line.text[:1].isalnum() and not line.column and not line.cells:
                pass  # the word goes on on this line
            elif previous.box[1] - line.box[3] > BLANK_GAP * max(line.height, previous.height):
                writer.write("\n\n")
            else:
                writer.write("\n")
        writer.line(line, page)
        previous = line
    writer.close_table()
    writer.write("\n\f")


@attrs.define
class _TablePages:
    """Pages read in order, a page's drawing looked at for a ruled table only where the page
    names a numbering column ("TT", "STT") or the page before held a table (it goes on)."""

    previous: bool = False

    def read(self, page: PageChars) -> tuple[PageChars, list[PdfLine]]:
        grid = None
        if page.drawing is not None and self.previous:
            grid = find_grid(page.drawing())
        lines = page_lines(page, grid)
        if grid is None and page.drawing is not None and names_a_table([line.text for line in lines]):
            grid = find_grid(page.drawing())
            if grid is not None:
                lines = page_lines(page, grid)
        self.previous = grid is not None
        return page, lines


@frozen
class PdfText:
    extracted: Extracted
    layout: PdfLayout


def extract_pdf(data: bytes) -> PdfText:
    """The text of a PDF's pages with its hints and line places.

    Raises:
        UnreadableInputError: not a PDF, broken or truncated, password-protected, or no text
            layer at all (a scan).
    """
    read, count = read_pages(bytes(data), _TablePages().read)
    writer = _Writer()
    empty = 0
    for page, lines in read:
        empty += not lines and not page.blank  # a page left blank is no scan
        _write_page(writer, page, lines)
    if not writer.starts:
        raise UnreadableInputError(
            f"the PDF has no text layer ({count} page{'s' * (count != 1)} of images: a scan); run OCR on it first"
        )
    text = "".join(writer.parts)
    diagnostics: list[Diagnostic] = []
    if count > MAX_PAGES:
        diagnostics.append(
            Diagnostic(
                DiagnosticCode.TEXT_DAMAGED,
                f"the PDF has {count} pages; only the first {MAX_PAGES} were read",
                Span(len(text), len(text)),
                Severity.WARNING,
            )
        )
    if empty:
        diagnostics.append(
            Diagnostic(
                DiagnosticCode.TEXT_DAMAGED,
                f"{empty} of {len(read)} pages have no text layer (scanned pages); their text is missing",
                Span(0, 0),
                Severity.WARNING,
            )
        )
    hints = SourceHints(
        tables=tuple(writer.tables),
        superscripts=tuple(writer.superscripts),
        raised_exact=True,
    )
    pages = tuple(PdfPage(p.number, p.width, p.height) for p, _ in read)
    layout = PdfLayout(pages, tuple(writer.starts), tuple(writer.places))
    return PdfText(Extracted(text, OffsetMap.identity(len(text)), hints, tuple(diagnostics)), layout)


def parse_pdf(data: bytes, options: ParseOptions = DEFAULT_OPTIONS) -> Document:
    """Parse a PDF given as bytes (its text layer; pypdfium2 reads it).

    Raises:
        UnreadableInputError: not a PDF, broken or truncated, password-protected, or a scan
            without a text layer.
    """
    check_source(data, options.max_bytes)
    with time_limit(options.timeout):
        pdf = extract_pdf(data)
        doc = assemble(pdf.extracted, source=pdf.extracted.text, source_format="pdf", options=options)
        # The extracted text is the source (identity map), so the document's map into it is the
        # normalization's own.
        nfc = doc.to_raw if doc.to_raw is not None else OffsetMap.identity(len(doc.text))
        return attrs.evolve(doc, page_layout=pdf.layout.through(nfc))

"""Where a document's text stands on its pages: the provenance of a PDF read directly.

:mod:`vnreport.sources.pdf` records each line it writes with its page and box;
:meth:`vnreport.Document.page_boxes` asks it for the boxes of any span, and the JSON output gives
each node its ``pages`` and the document its ``pages`` list (number, width, height). A text,
HTML or DOCX source has no pages: their documents hold None.
"""

from __future__ import annotations

import bisect

from attrs import frozen

from vnreport.model import Span
from vnreport.text.offsets import OffsetMap, first_at_or_after

PageBox = tuple[int, float, float, float, float]
"""page number (1-based), x0, y0, x1, y1 in PDF points from the page's top left."""


@frozen
class PdfPage:
    number: int
    width: float
    height: float


@frozen
class PdfLayout:
    """Where each line of the text stands on its page."""

    pages: tuple[PdfPage, ...]
    starts: tuple[int, ...]
    """Text offset where each placed line starts, ascending."""
    places: tuple[tuple[int, int, float, float, float, float], ...]
    """Per placed line: its end offset, page number and box (x0, y0, x1, y1, from the page's top left)."""

    def boxes(self, span: Span) -> list[PageBox]:
        """The boxes of the lines ``span`` touches: (page, x0, y0, x1, y1)."""
        i = max(0, bisect.bisect_right(self.starts, span.start) - 1)
        out: list[PageBox] = []
        while i < len(self.starts) and self.starts[i] < max(span.end, span.start + 1):
            end, page, x0, y0, x1, y1 = self.places[i]
            if end > span.start or (end == span.start == self.starts[i]):
                out.append((page, x0, y0, x1, y1))
            i += 1
        return out

    def through(self, nfc: OffsetMap) -> PdfLayout:
        if nfc.is_identity:
            return self
        starts = nfc.starts

        def at(offset: int) -> int:
            return first_at_or_after(starts, offset)

        return PdfLayout(self.pages, tuple(map(at, self.starts)), tuple((at(p[0]), *p[1:]) for p in self.places))

"""Where a document's pages break, read off what it kept of them.

A text extracted from pages keeps a form feed where each page ends; a Word or HTML source
states its page breaks, which the pages stage keeps as ``page-break`` furniture (an empty span
where a new page starts; :mod:`vnreport.layout.source_pages`). Either way the offsets after
which the text is on the next page are what :meth:`vnreport.document.Document.pages` counts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vnreport.model import FurnitureKind

if TYPE_CHECKING:
    from vnreport.document import Document


def page_breaks(doc: Document) -> list[int]:
    """The offsets, in order, from which the text is on a next page: each form feed (the feed
    itself already belongs to the next page's count) and each stated page break."""
    feeds: list[int] = []
    at = doc.text.find("\f")
    while at >= 0:
        feeds.append(at)
        at = doc.text.find("\f", at + 1)
    stated = [f.span.start for f in doc.furniture if f.kind is FurnitureKind.PAGE_BREAK]
    if not stated:
        return feeds
    return sorted({*feeds, *stated})

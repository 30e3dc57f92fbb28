"""A form's heading above its header: "Mẫu số 02: Quyết định ban⏎hành Kế hoạch …".

A circular's appendix prints each form under its heading, and the form itself opens with a
header block (issuer, motto, "Số: …", place and date) like any document; a bundle split
(:mod:`vnreport.layout.bundles`) starts the form's document at that heading. The heading is
no header line: the header is read under it, and the heading is the document's first body node
(a section of style ``form`` that holds the form's body), the header lines between it and the
body kept out of the body as furniture.
"""

from __future__ import annotations

from vnreport.layout.scan import Scan
from vnreport.model import MarkerStyle

#: Lines a form's heading may take (a bold heading the crawl breaks over two or three lines).
MAX_FORM_HEADING_LINES = 3


def leading_form_heading(scan: Scan, limit: int) -> tuple[int, int] | None:
    """Positions ``[start, end)`` of a form's heading that opens the document, set apart from
    what follows by a blank line; ``None`` when the document opens with anything else."""
    start = next((i for i in range(limit) if not scan.blank(i)), limit)
    if start >= limit:
        return None
    marker = scan.lines[start].marker
    if marker is None or marker.style is not MarkerStyle.FORM:
        return None
    end = start + 1
    while end < limit and not scan.blank(end):
        if end - start >= MAX_FORM_HEADING_LINES:
            return None
        end += 1
    return (start, end) if end < limit else None

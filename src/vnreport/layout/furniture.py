"""Document furniture: the header block, the title, the closing matter and page/web boilerplate.

The furniture is read into a typed :class:`Metadata` (every filled field has a span) and kept
out of the body tree as :class:`Furniture` blocks. Only the lines around the body are looked at:
the header window at the top (at most :data:`~vnreport.layout.header.HEADER_WINDOW` non-blank
lines) and the closing block found by one regex search over the body, so the stage costs well
under a millisecond.

Reading order of the top of a document, and the module that reads each part::

    web chrome ("Skip to main content", page title, "Submitted by … on …")   → web
    legal-database chrome (notice, page title, "Số hiệu: | … Tình trạng:")   → web
    page numbers, digital-signature stamps, a cover page                     → here
    header window: issuer, "*", Số, titles, motto, place and date, marks
    (any column order)                                                       → header
    title block: type line, title, (subtitle), draft mark, "Kính gửi:"       → title
    body …
    closing: "Nơi nhận:" list and signature, interleaved or not              → closing
    appendix (stays in the body) or trailing furniture                       → here, web

Then :mod:`.derive` reads the type, issuer code and level and the congress context off the
fields found. Patterns live in ``rules/furniture.py``; code tables in ``codes.py``.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from vnreport.layout.closing import appendix_follows, read_adoption_date, read_closing
from vnreport.layout.damage import withhold_damaged
from vnreport.layout.derive import derive
from vnreport.layout.form_closings import form_closings
from vnreport.layout.form_heading import leading_form_heading
from vnreport.layout.header import read_header
from vnreport.layout.page_numbers import page_number
from vnreport.layout.scan import Scan, is_prose, mostly_upper
from vnreport.layout.title_number import read_title_number
from vnreport.layout.web import read_database_head, read_database_tail, read_trailer, read_web_head
from vnreport.lines.classify import ClassifiedLine, Role
from vnreport.lines.split import LineKind
from vnreport.model import Diagnostic, Furniture, FurnitureKind, Metadata, Span
from vnreport.rules import furniture as P

#: Non-blank lines the leading boilerplate (web chrome, stamp, cover page) may take.
LEADING_WINDOW = 30


@frozen
class FurnitureResult:
    metadata: Metadata
    furniture: tuple[Furniture, ...]
    body_start: int
    """Position (in the classified lines) of the first body line."""
    body_end: int
    """Position just past the last body line: the closing matter or the footnote block starts here."""
    skip: frozenset[int] = frozenset()
    """Positions inside the body that are furniture (a signature block followed by an appendix)."""
    diagnostics: tuple[Diagnostic, ...] = ()
    closing: tuple[int, int] | None = None
    """Positions ``[start, end)`` of the closing block (recipients and signature), if any."""
    form_header: frozenset[int] = frozenset()
    """Positions of the header read under a form's heading (:mod:`.form_heading`): in ``skip``,
    and no paragraph or title of the body runs across them."""


def read_furniture(
    text: str,
    lines: Sequence[ClassifiedLine],
    limit: int,
    centred: frozenset[int] = frozenset(),
    italic: frozenset[int] = frozenset(),
    shown: str | None = None,
) -> FurnitureResult:
    """Read the furniture of ``lines[:limit]`` (the footnote block starts at ``limit``);
    ``centred``: the lines the source centres (they bound the title); ``italic``: the lines it
    sets in italics (a subtitle, the place-and-date line); ``shown``: the text as the source
    displays it, where it shows capitals the stored letters are not (:mod:`vnreport.lines.shown`).

    Pure: reads nothing but its arguments; odd input gives diagnostics, never an exception.
    """
    limit = max(0, min(limit, len(lines)))
    scan = Scan(text, lines, centred, italic, shown)
    form = leading_form_heading(scan, limit)
    pos = _read_leading(scan, limit, form[1] if form is not None else 0)
    body_start = read_header(scan, pos, limit)
    closing = read_closing(scan, body_start, limit)
    body_end, skip = limit, frozenset[int]()
    if closing is not None:
        c0, c1 = closing
        # A form's notes after its signature ("Ghi chú: (1) Tên cơ quan …") explain its blanks:
        # they stay in the body, as an appendix does.
        if form is not None or appendix_follows(scan, c1, limit):
            skip = frozenset(range(c0, c1)) | form_closings(scan, c1, limit)
        else:
            body_end = c0
            for i in range(c1, limit):
                scan.kind(i, FurnitureKind.TRAILER)
    else:
        body_end = read_trailer(scan, body_start, limit)
    body_end = read_database_tail(scan, _first_lines(scan, limit), body_start, body_end)
    skip |= _late_first_page(scan, body_start, body_end)
    read_adoption_date(scan, body_start, closing[0] if closing is not None else body_end)
    read_title_number(scan)
    derive(scan)
    header_at = scan.lines[pos].line.content if pos < len(scan.lines) else Span(len(text), len(text))
    metadata, damaged = withhold_damaged(scan.meta.to_metadata(), Span(header_at.start, header_at.start))
    form_header = frozenset[int]()
    if form is not None:
        # The form's heading opens the body; the header under it is furniture inside the body.
        form_header = _header_under(scan, form[1], body_start)
        skip |= form_header
        body_start = form[0]
    furniture = _furniture(scan, body_start, body_end, skip, limit)
    diagnostics = (*scan.diagnostics, *damaged)
    return FurnitureResult(metadata, furniture, body_start, body_end, skip, diagnostics, closing, form_header)


def _header_under(scan: Scan, start: int, end: int) -> frozenset[int]:
    """The lines ``[start, end)`` (a header read under a form's heading), marked header lines."""
    for i in range(start, end):
        scan.kind(i, FurnitureKind.HEADER)
    return frozenset(range(start, end))


def _first_lines(scan: Scan, limit: int, start: int = 0) -> list[int]:
    """The positions of the first :data:`LEADING_WINDOW` non-blank lines from ``start``."""
    first: list[int] = []
    for i in range(start, limit):
        if not scan.blank(i):
            first.append(i)
            if len(first) >= LEADING_WINDOW:
                break
    return first


def _read_leading(scan: Scan, limit: int, start: int) -> int:
    """Skip what precedes the header from ``start``; return the position of the first line after it."""
    first = _first_lines(scan, limit, start)
    if not first:
        return limit
    pos = read_database_head(scan, first, limit)
    if pos is None:
        pos = read_web_head(scan, first, limit)
    while pos < limit:
        if scan.blank(pos):
            pos += 1
            continue
        content = scan.content(pos)
        if page_number(content, with_total=False) is not None:
            scan.kind(pos, FurnitureKind.PAGE_NUMBER)
            pos += 1
        elif P.STAMP_START.match(content):
            pos = _read_stamp(scan, pos, limit)
        elif (end := _cover_end(scan, pos, limit)) is not None:
            for i in range(pos, end):
                scan.kind(i, FurnitureKind.COVER)
            pos = end
        else:
            break
    return pos


#: Non-blank lines after the body start in which a first page's header may still stand.
LATE_HEADER_WINDOW = 60


def _late_first_page(scan: Scan, body_start: int, body_end: int) -> frozenset[int]:
    """A congress booklet's report: cover, foreword, then the first page with its header and
    draft mark ("HỘI SINH VIÊN VIỆT NAM TP. HCM ⏎ BCH TRƯỜNG … ⏎ ___ ⏎ (Dự thảo lần thứ nhất)").
    Before the first heading, a line that is only a draft mark marks the document a draft; it
    and the upper-case header lines right above it are furniture, not paragraphs."""
    seen = 0
    for i in range(body_start, body_end):
        if scan.blank(i):
            continue
        seen += 1
        if seen > LATE_HEADER_WINDOW or scan.lines[i].marker is not None:
            return frozenset()
        draft = P.DRAFT.match(scan.folded(i))
        if draft is None:
            continue
        c0 = scan.lines[i].content_start
        scan.meta.draft.offer(True, Span(c0 + draft.start("draft"), c0 + draft.end("draft")))
        scan.kind(i, FurnitureKind.TITLE)
        block = [i]
        k = i - 1
        while k >= body_start and not scan.blank(k):
            content = scan.shown(k)
            if scan.lines[k].role is not Role.RULE and not (mostly_upper(content) and not is_prose(content)):
                break
            scan.kind(k, FurnitureKind.HEADER)
            block.append(k)
            k -= 1
        return frozenset(block)
    return frozenset()


def _read_stamp(scan: Scan, start: int, limit: int) -> int:
    """A digital-signature stamp ("Ký bởi: … Ngày ký: … 07:56:25 +07:00"): furniture, whole."""
    end = start + 1
    seen_date = False
    for i in range(start, min(limit, start + 14)):
        if scan.blank(i):
            if seen_date:
                break
            continue
        content = scan.content(i)
        if seen_date and not P.STAMP_TIME.match(content):
            break
        end = i + 1
        if P.STAMP_DATE.match(content):
            seen_date = True
            if P.CLOCK.search(content):
                break
        elif seen_date:
            break
    for i in range(start, end):
        scan.kind(i, FurnitureKind.SIGNATURE_STAMP)
    return end


def _cover_end(scan: Scan, pos: int, limit: int) -> int | None:
    """A cover page ends with a month line ("THÁNG 9 - 2025") and a real header follows it."""
    seen = 0
    for i in range(pos, limit):
        if scan.blank(i):
            continue
        seen += 1
        if seen > 15:
            return None
        folded = scan.folded(i)
        if P.COVER_DATE.match(folded):
            end = i + 1
            while end < limit and (scan.blank(end) or page_number(scan.content(end), with_total=False) is not None):
                if not scan.blank(end):
                    scan.kind(end, FurnitureKind.PAGE_NUMBER)
                end += 1
            return end if _header_follows(scan, end, limit) else None
        if scan.lines[i].role is not Role.BLANK and is_prose(scan.content(i)):
            return None
    return None


def _header_follows(scan: Scan, pos: int, limit: int) -> bool:
    seen = 0
    for i in range(pos, limit):
        if scan.blank(i):
            continue
        seen += 1
        if seen > 12:
            return False
        if scan.lines[i].kind is LineKind.STAR:
            return True
        folded = scan.folded(i)
        if P.PARTY_TITLE.search(folded) or P.STATE_TITLE.search(folded) or P.NUMBER.search(folded):
            return True
    return False


def _furniture(scan: Scan, body_start: int, body_end: int, skip: frozenset[int], limit: int) -> tuple[Furniture, ...]:
    """One furniture block per non-blank line outside the body (and per skipped line in it)."""
    out: list[Furniture] = []
    positions = [*range(0, body_start), *sorted(skip), *range(body_end, limit)]
    for i in positions:
        cl = scan.lines[i]
        if cl.kind is LineKind.BLANK:
            continue
        kind = scan.kinds.get(i) or (FurnitureKind.HEADER if i < body_start else FurnitureKind.CLOSING)
        span = cl.line.content
        out.append(Furniture(kind, span, scan.text[span.start : span.end]))
    return tuple(out)

"""Web boilerplate of crawled pages: the chrome, page title and byline at the top, the source and
posting date at the bottom."""

from __future__ import annotations

import calendar

from vnreport.layout.scan import Scan, clean, is_page_furniture, lines_span
from vnreport.model import DateValue, FurnitureKind
from vnreport.rules import furniture as P

_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip


def read_web_head(scan: Scan, first: list[int], limit: int) -> int:
    """Web chrome of a crawled page: skip link, page title, byline; markdown page title.
    ``first`` are the first non-blank positions; return the position after the chrome."""
    pos = first[0]
    head = first[:5]  # chrome, a title of at most three lines, the byline
    for k, i in enumerate(head):
        content = scan.content(i)
        if P.SKIP_LINK.match(content):
            scan.kind(i, FurnitureKind.WEB)
            pos = i + 1
            continue
        m = P.WEB_BYLINE.match(content) or P.WEB_DATE_LINE.match(content)
        if m is not None:
            _read_byline(scan, [j for j in head[:k] if j >= pos], i, m.group("when"))
            return i + 1
    return _read_markdown_head(scan, pos, limit)


#: Lines from the notice of a legal-database page to the status field of its attribute table.
DATABASE_WINDOW = 150


def read_database_head(scan: Scan, first: list[int], limit: int) -> int | None:
    """The chrome of a legal-database page: notice, page title and attribute table, up to the
    value of its status field. ``None`` when the page does not open with the notice."""
    if not any(P.DATABASE_NOTICE.match(scan.content(i)) for i in first[:3]):
        return None
    start = first[0]
    for k in range(start, min(limit, start + DATABASE_WINDOW)):
        if P.DATABASE_LAST_FIELD.match(scan.content(k)):
            end = _summary_end(scan, _after_value(scan, k + 1, limit), limit)
            for i in range(start, end):
                if not scan.blank(i):
                    scan.kind(i, FurnitureKind.WEB)
            return end
    return None


def read_database_tail(scan: Scan, first: list[int], body_start: int, body_end: int) -> int:
    """The tail of a legal-database page (page title, "no English version" notice, related
    documents, the site's address and notices) after a document whose appendix or attached
    regulation kept the body open past the signature: web chrome. Returns the new body end."""
    if not any(P.DATABASE_NOTICE.match(scan.content(i)) for i in first[:3]):
        return body_end
    tail = next((k for k in range(body_start, body_end) if P.DATABASE_TAIL.match(scan.content(k))), None)
    if tail is None:
        return body_end
    before = next((k for k in range(tail - 1, body_start, -1) if not scan.blank(k)), None)
    after = next((k for k in range(tail + 1, body_end) if not scan.blank(k)), None)
    if before is not None and after is not None and _same_opening(scan.content(before), scan.content(after)):
        tail = before  # the page title printed above the notice as well as under it
    for i in range(tail, body_end):
        if not scan.blank(i):
            scan.kind(i, FurnitureKind.WEB)
    return tail


def _same_opening(a: str, b: str) -> bool:
    """Two lines that open with the same two words ("Quyết định 2666/QĐ-UBND …")."""
    wa, wb = a.split()[:2], b.split()[:2]
    return len(wa) == 2 and wa == wb


#: Non-blank lines after a table row in which the header's Party or State title must stand.
HEADER_ROW_LINES = 8


def _summary_end(scan: Scan, pos: int, limit: int) -> int:
    """The page may put an editor's summary under a "## …" heading between the attribute table and
    the document ("## Điều kiện tài sản bảo đảm … từ 01/12/2025 ⏎ **Ngày 25/11/2025, Chính phủ ban
    hành …**"): chrome up to the table row that opens the document's header. ``pos`` if none."""
    i = pos
    while i < limit and (scan.blank(i) or scan.content(i).strip() == "|"):
        i += 1
    if i >= limit or not P.MARKDOWN_HEADING.match(scan.content(i)):
        return pos
    for k in range(i + 1, min(limit, i + DATABASE_WINDOW)):
        if scan.content(k).strip() == "|" and _opens_header(scan, k + 1, limit):
            return k
    return pos


def _opens_header(scan: Scan, pos: int, limit: int) -> bool:
    """The Party or State title stands in the first few non-blank lines from ``pos``."""
    lines = [scan.folded(j) for j in range(pos, min(limit, pos + 2 * HEADER_ROW_LINES)) if not scan.blank(j)]
    text = "\n".join(lines[:HEADER_ROW_LINES])
    return P.PARTY_TITLE.search(text) is not None or P.STATE_TITLE.search(text) is not None


def _after_value(scan: Scan, i: int, limit: int) -> int:
    """The position after the field value that follows ``i`` (table pipes and blanks skipped)."""
    while i < limit and (scan.blank(i) or scan.content(i).strip() == "|"):
        i += 1
    return min(limit, i + 1)


def _read_byline(scan: Scan, title_lines: list[int], i: int, when: str) -> None:
    """The byline at ``i`` ("Submitted by … on …"), and the page title over it if it is short."""
    if title_lines and len(title_lines) <= 3:
        span = lines_span(scan, title_lines[0], title_lines[-1] + 1)
        scan.meta.web_title.offer(clean(" ".join(scan.content(j) for j in title_lines)), span)
        for j in title_lines:
            scan.kind(j, FurnitureKind.WEB_TITLE)
    span = scan.lines[i].line.content
    scan.meta.web_byline.offer(scan.content(i), span)
    date = _web_date(when)
    if date is not None:
        scan.meta.web_date.offer(DateValue(*date, span=span), span)
    scan.kind(i, FurnitureKind.WEB_BYLINE)


def _read_markdown_head(scan: Scan, pos: int, limit: int) -> int:
    """A markdown crawl opens with the page title as "# …" and chrome headings ("### Nội dung chính")."""
    i = pos
    while i < limit:
        if scan.blank(i):
            i += 1
            continue
        m = P.MARKDOWN_HEADING.match(scan.content(i))
        if m is None:
            break
        inner = clean(m.group("text"))
        if P.WEB_CHROME_HEADING.match(inner):
            scan.kind(i, FurnitureKind.WEB)
        elif len(m.group("hashes")) == 1 and scan.meta.web_title.value is None:
            scan.meta.web_title.offer(inner, scan.lines[i].line.content)
            scan.kind(i, FurnitureKind.WEB_TITLE)
        else:
            break
        i += 1
        pos = i
    return pos


def read_trailer(scan: Scan, body_start: int, limit: int) -> int:
    """A news crawl ends with its source and posting date: trailing furniture, not body. Its
    credit ("Theo <outlet>") is the page's byline when none stood on top."""
    i = limit - 1
    end = limit
    while i >= body_start:
        if scan.blank(i):
            i -= 1
            continue
        content = scan.content(i)
        m = P.WEB_DATE_LINE.match(content)
        if m is not None:
            date = _web_date(m.group("when"))
            if date is not None:
                scan.meta.web_date.offer(DateValue(*date, span=scan.lines[i].line.content), scan.lines[i].line.content)
        elif not (P.WEB_SOURCE.match(content) or is_page_furniture(scan, i)):
            break
        if P.WEB_CREDIT.match(content) is not None and scan.meta.web_byline.value is None:
            scan.meta.web_byline.offer(content, scan.lines[i].line.content)
            scan.kind(i, FurnitureKind.WEB_BYLINE)
        else:
            scan.kind(i, FurnitureKind.WEB)
        end = i
        i -= 1
    return end


def _web_date(value: str) -> tuple[int, int, int] | None:
    """ "22 April 2020", "April 22, 2020", "Wed, 04/22/2020 - 10:15", "12:40 19/5/2025"."""
    for pattern in (P.WEB_DATE_DMY_WORDS, P.WEB_DATE_MDY_WORDS):
        m = pattern.search(value)
        if m is not None:
            month = _MONTHS.get(m.group("month").casefold())
            if month is not None:
                return _valid(int(m.group("day")), month, int(m.group("year")))
    m = P.WEB_DATE_NUMERIC.search(value)
    if m is not None:
        a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
        # Vietnamese pages write day first; Drupal's default English format is month first.
        month_first = b > 12 or (P.WEEKDAY.search(value) is not None and a <= 12)
        return _valid(b, a, year) if month_first else _valid(a, b, year)
    return None


def _valid(day: int, month: int, year: int) -> tuple[int, int, int] | None:
    if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
        return day, month, year
    return None

"""Document furniture: the header block, the title, the closing matter and page/web boilerplate.

The furniture is read into a typed :class:`Metadata` (every filled field has a span) and kept
out of the body tree as :class:`Furniture` blocks. Only the lines around the body are looked at:
the header window at the top (at most :data:`HEADER_WINDOW` non-blank lines) and the closing
block found by one regex search over the body, so the stage costs well under a millisecond.

Reading order of the top of a document::

    web chrome ("Skip to main content", page title, "Submitted by … on …"), page numbers,
    digital-signature stamps, a cover page            → _read_leading
    header window: issuer, "*", Số, titles, motto, place and date, marks (any column order)
                                                      → _read_header
    title block: type line, title, (subtitle), draft mark, "Kính gửi:" → _read_title
    body …
    closing: "Nơi nhận:" list and signature, interleaved or not        → _read_closing
    appendix (stays in the body) or trailing furniture

Patterns live in ``patterns.py`` (block "Furniture"); code tables in ``codes.py``. Header
patterns run on the accent-folded window (``codes.fold``), which has the same length as the
text, so every match offset is a text offset.
"""

from __future__ import annotations

import bisect
import calendar
from collections.abc import Sequence
from typing import Any

import attrs
import regex
from attrs import frozen

from vnreport.layout import codes
from vnreport.layout.page_numbers import page_number
from vnreport.lines.classify import ClassifiedLine, Role
from vnreport.lines.split import LineKind
from vnreport.model import (
    DateValue,
    Diagnostic,
    DiagnosticCode,
    Furniture,
    MarkerStyle,
    Metadata,
    Severity,
    Signature,
    Span,
)
from vnreport.rules import furniture as P
from vnreport.rules.shapes import LOWER as SHAPE_LOWER
from vnreport.rules.shapes import UPPER as SHAPE_UPPER

#: Non-blank lines looked at for the header (the longest real header, corpus 03 or a pipe
#: table crawl, has about 20).
HEADER_WINDOW = 45
#: Non-blank lines the leading boilerplate (web chrome, stamp, cover page) may take.
LEADING_WINDOW = 30
#: Lines the closing block may span (the interleaved lists of corpus 09 take about 20).
CLOSING_WINDOW = 80
#: A text this short is a snippet, not a document: a missing header is not worth a diagnostic.
MIN_DOCUMENT_LINES = 20

#: Marker styles that open the body: the header window ends at the first line carrying one.
_BODY_OPENERS = frozenset(
    {
        MarkerStyle.PART,
        MarkerStyle.CHAPTER,
        MarkerStyle.SECTION,
        MarkerStyle.ARTICLE,
        MarkerStyle.ROMAN,
        MarkerStyle.ARABIC,
        MarkerStyle.DECIMAL,
        MarkerStyle.PAREN,
        MarkerStyle.LETTER,
        MarkerStyle.ORDINAL_WORD,
    }
)

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


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


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


class _Acc:
    """What one call has read so far: fields with their spans, line kinds, diagnostics."""

    def __init__(self, text: str, lines: Sequence[ClassifiedLine]) -> None:
        self.text = text
        self.lines = lines
        self.fields: dict[str, Any] = {}
        self.spans: dict[str, Span] = {}
        self.kinds: dict[int, str] = {}
        self.diagnostics: list[Diagnostic] = []
        self._folded: dict[int, str] = {}

    def set(self, name: str, value: Any, span: Span) -> None:
        if value is None or value == "" or name in self.fields:
            return
        self.fields[name] = value
        self.spans[name] = span

    def kind(self, i: int, kind: str) -> None:
        self.kinds.setdefault(i, kind)

    def content(self, i: int) -> str:
        c = self.lines[i].line.content
        return self.text[c.start : c.end]

    def folded(self, i: int) -> str:
        """The accent-folded content of line ``i`` (cached: several readers ask for it)."""
        value = self._folded.get(i)
        if value is None:
            value = self._folded[i] = codes.fold(self.content(i))
        return value

    def blank(self, i: int) -> bool:
        return self.lines[i].line.kind is LineKind.BLANK

    def diagnose(self, code: DiagnosticCode, message: str, span: Span, severity: Severity = Severity.WARNING) -> None:
        self.diagnostics.append(Diagnostic(code, message, span, severity))


def read_furniture(text: str, lines: Sequence[ClassifiedLine], limit: int) -> FurnitureResult:
    """Read the furniture of ``lines[:limit]`` (the footnote block starts at ``limit``).

    Pure: reads nothing but its arguments; odd input gives diagnostics, never an exception.
    """
    limit = max(0, min(limit, len(lines)))
    acc = _Acc(text, lines)
    pos = _read_leading(acc, limit)
    body_start = _read_header(acc, pos, limit)
    closing = _read_closing(acc, body_start, limit)
    body_end, skip = limit, frozenset[int]()
    if closing is not None:
        c0, c1 = closing
        if _appendix_follows(acc, c1, limit):
            skip = frozenset(range(c0, c1))
        else:
            body_end = c0
            for i in range(c1, limit):
                acc.kind(i, "trailer")
    else:
        body_end = _read_trailer(acc, body_start, limit)
    _derive(acc)
    metadata = _metadata(acc)
    furniture = _furniture(acc, body_start, body_end, skip, limit)
    return FurnitureResult(metadata, furniture, body_start, body_end, skip, tuple(acc.diagnostics), closing)


# ---------------------------------------------------------------------------------------------
# Leading boilerplate: web chrome, page numbers, signature stamps, cover pages
# ---------------------------------------------------------------------------------------------


def _read_leading(acc: _Acc, limit: int) -> int:
    """Skip what precedes the header; return the position of the first line after it."""
    first: list[int] = []
    for i in range(limit):
        if not acc.blank(i):
            first.append(i)
            if len(first) >= LEADING_WINDOW:
                break
    if not first:
        return limit
    pos = first[0]
    pos = _read_web_head(acc, first, limit)
    while pos < limit:
        if acc.blank(pos):
            pos += 1
            continue
        content = acc.content(pos)
        if page_number(content, with_total=False) is not None:
            acc.kind(pos, "page-number")
            pos += 1
        elif P.STAMP_START.match(content):
            pos = _read_stamp(acc, pos, limit)
        elif (end := _cover_end(acc, pos, limit)) is not None:
            for i in range(pos, end):
                acc.kind(i, "cover")
            pos = end
        else:
            break
    return pos


def _read_web_head(acc: _Acc, first: list[int], limit: int) -> int:
    """Web chrome of a crawled page: skip link, page title, byline; markdown page title."""
    pos = first[0]
    head = first[:5]  # chrome, a title of at most three lines, the byline
    for k, i in enumerate(head):
        content = acc.content(i)
        if P.SKIP_LINK.match(content):
            acc.kind(i, "web")
            pos = i + 1
            continue
        m = P.WEB_BYLINE.match(content) or P.WEB_DATE_LINE.match(content)
        if m is not None:
            title_lines = [j for j in head[:k] if j >= pos]
            if title_lines and len(title_lines) <= 3:
                span = _lines_span(acc, title_lines[0], title_lines[-1] + 1)
                acc.set("web_title", _clean(" ".join(acc.content(j) for j in title_lines)), span)
                for j in title_lines:
                    acc.kind(j, "web-title")
            span = acc.lines[i].line.content
            acc.set("web_byline", content, span)
            date = _web_date(m.group("when"))
            if date is not None:
                acc.set("web_date", DateValue(*date, span=span), span)
            acc.kind(i, "web-byline")
            return i + 1
    # A markdown crawl opens with the page title as "# …" and chrome headings ("### Nội dung chính").
    i = pos
    while i < limit:
        if acc.blank(i):
            i += 1
            continue
        m = P.MARKDOWN_HEADING.match(acc.content(i))
        if m is None:
            break
        inner = _clean(m.group("text"))
        if P.WEB_CHROME_HEADING.match(inner):
            acc.kind(i, "web")
        elif len(m.group("hashes")) == 1 and "web_title" not in acc.fields:
            acc.set("web_title", inner, acc.lines[i].line.content)
            acc.kind(i, "web-title")
        else:
            break
        i += 1
        pos = i
    return pos


def _read_stamp(acc: _Acc, start: int, limit: int) -> int:
    """A digital-signature stamp ("Ký bởi: … Ngày ký: … 07:56:25 +07:00"): furniture, whole."""
    end = start + 1
    seen_date = False
    for i in range(start, min(limit, start + 14)):
        if acc.blank(i):
            if seen_date:
                break
            continue
        content = acc.content(i)
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
        acc.kind(i, "signature-stamp")
    return end


def _cover_end(acc: _Acc, pos: int, limit: int) -> int | None:
    """A cover page ends with a month line ("THÁNG 9 - 2025") and a real header follows it."""
    seen = 0
    for i in range(pos, limit):
        if acc.blank(i):
            continue
        seen += 1
        if seen > 15:
            return None
        folded = acc.folded(i)
        if P.COVER_DATE.match(folded):
            end = i + 1
            while end < limit and (acc.blank(end) or page_number(acc.content(end), with_total=False) is not None):
                if not acc.blank(end):
                    acc.kind(end, "page-number")
                end += 1
            return end if _header_follows(acc, end, limit) else None
        if acc.lines[i].role is not Role.BLANK and _is_prose(acc.content(i)):
            return None
    return None


def _header_follows(acc: _Acc, pos: int, limit: int) -> bool:
    seen = 0
    for i in range(pos, limit):
        if acc.blank(i):
            continue
        seen += 1
        if seen > 12:
            return False
        if acc.lines[i].line.kind is LineKind.STAR:
            return True
        folded = acc.folded(i)
        if P.PARTY_TITLE.search(folded) or P.STATE_TITLE.search(folded) or P.NUMBER.search(folded):
            return True
    return False


# ---------------------------------------------------------------------------------------------
# Header window
# ---------------------------------------------------------------------------------------------


def _read_header(acc: _Acc, pos: int, limit: int) -> int:
    """Read the header window and the title block; return the position of the first body line."""
    window_end, type_line = _window(acc, pos, limit)
    anchors: list[tuple[int, int]] = []  # (start, end) offsets of everything the anchors matched
    last_anchor = -1
    if window_end > pos:
        base = acc.lines[pos].line.span.start
        region = acc.text[base : acc.lines[window_end - 1].line.span.end]
        folded = codes.fold(region)
        starts = [acc.lines[i].line.span.start for i in range(pos, window_end)]

        def line_of(offset: int) -> int:
            return pos + bisect.bisect_right(starts, base + offset) - 1

        for s, e, strong in _anchors(acc, folded, base):
            anchors.append((s, e))
            if strong:  # a draft mark may sit under the title: it does not end the header
                last_anchor = max(last_anchor, line_of(e - base - 1))
        for i in range(pos, window_end):
            if acc.lines[i].line.kind is LineKind.STAR:
                anchors.append((acc.lines[i].line.content.start, acc.lines[i].line.content.end))
                last_anchor = max(last_anchor, i)
                acc.kind(i, "header")
    if type_line is not None:
        title_start = type_line
    elif last_anchor >= 0:
        title_start = last_anchor + 1
    else:
        title_start = pos
    found_header = last_anchor >= 0
    if not found_header and type_line is not None and type_line > pos:
        # No anchor, but upper-case lines over a type line are an issuing body ("ĐẠI HỘI ĐẠI BIỂU
        # HỘI SINH VIÊN … / ______ / CHƯƠNG TRÌNH", corpus 12).
        found_header = all(
            acc.blank(i) or acc.lines[i].line.kind is not LineKind.TEXT or _mostly_upper(_clean(acc.content(i)))
            for i in range(pos, type_line)
        )
    if found_header:
        _read_issuer(acc, pos, min(title_start, window_end), anchors)
        for i in range(pos, title_start):
            acc.kind(i, "header")
    body_start, has_title = _read_title(acc, title_start, limit, type_line is not None or found_header)
    if not found_header and not has_title and _nonblank_at_least(acc, pos, limit, MIN_DOCUMENT_LINES):
        at = acc.lines[pos].line.content if pos < limit else Span(len(acc.text), len(acc.text))
        acc.diagnose(
            DiagnosticCode.METADATA_MISSING_HEADER,
            "no document header (issuing body, number, place and date) was found",
            Span(at.start, at.start),
            Severity.INFO,
        )
    return body_start


def _nonblank_at_least(acc: _Acc, start: int, limit: int, n: int) -> bool:
    for i in range(start, limit):
        if not acc.blank(i):
            n -= 1
            if n <= 0:
                return True
    return False


def _window(acc: _Acc, pos: int, limit: int) -> tuple[int, int | None]:
    """The header window ``[pos, end)`` and the type line that ends it, if one does."""
    seen = 0
    end = pos
    for i in range(pos, limit):
        cl = acc.lines[i]
        if cl.line.kind is LineKind.BLANK:
            continue
        seen += 1
        if seen > HEADER_WINDOW:
            break
        content = acc.content(i)
        folded = acc.folded(i)
        if P.TYPE_LINE.match(folded):
            return i, i
        if cl.marker is not None and cl.marker.style in _BODY_OPENERS and cl.role is not Role.TEXT:
            break
        if P.PREAMBLE.match(folded) or P.ADDRESSEES.match(folded):
            break
        if P.RULE_GLUED.match(content) and not _has_anchor(folded):
            break  # "----Đại hội …" opens the body; "-----Hà Nội, ngày …" is still header (10)
        if cl.marker is not None and cl.marker.style is MarkerStyle.DASH and SHAPE_LOWER.search(content):
            break
        if _is_prose(content) and (len(content) > 300 or not _has_anchor(folded)):
            break
        end = i + 1
    return end, None


def _has_anchor(folded: str) -> bool:
    return bool(
        P.PARTY_TITLE.search(folded) or P.STATE_TITLE.search(folded) or P.NUMBER.search(folded) or P.DATE.search(folded)
    )


def _anchors(acc: _Acc, folded: str, base: int) -> list[tuple[int, int, bool]]:
    """Match every header anchor in the folded window; set the fields; return the matched spans
    (and whether the anchor belongs to the header columns proper, as opposed to marks)."""
    text = acc.text
    out: list[tuple[int, int, bool]] = []

    def span(m: regex.Match[str], group: str | int = 0) -> Span:
        return Span(base + m.start(group), base + m.end(group))

    def raw(sp: Span) -> str:
        return " ".join(text[sp.start : sp.end].split())

    for name, pattern in (("party_title", P.PARTY_TITLE), ("state_title", P.STATE_TITLE)):
        m = pattern.search(folded)
        if m is not None:
            sp = span(m, "title")
            acc.set(name, raw(sp), sp)
            out.append((sp.start, sp.end, True))
    m = P.MOTTO.search(folded)
    if m is not None:
        sp = span(m, "motto")
        acc.set("motto", raw(sp), sp)
        out.append((sp.start, sp.end, True))
    m = P.NUMBER.search(folded)
    if m is not None:
        _set_number(acc, m, base)
        out.append((base + m.start(), base + m.end(), True))
    else:
        m = P.NUMBER_LABEL.search(folded)
        if m is not None:
            sp = span(m)
            rest = _clean(text[base + m.start("rest") : base + m.end("rest")])
            if rest and P.LETTER_OR_DIGIT.search(rest):
                acc.set("number_raw", raw(sp), sp)
                acc.diagnose(
                    DiagnosticCode.METADATA_MALFORMED_NUMBER,
                    f"the number line {raw(sp)!r} is not a number and symbol",
                    sp,
                )
            out.append((sp.start, sp.end, True))
    m = P.DATE.search(folded)
    if m is not None:
        place = P.PLACE.search(folded, max(0, m.start() - 80), m.start())
        _set_date(acc, m, place, base)
        out.append((base + (place.start() if place else m.start()), base + m.end(), True))
    for m in P.DRAFT.finditer(folded):
        sp = span(m, "draft")
        acc.set("draft", True, sp)
        out.append((base + m.start(), base + m.end(), False))
    for m in P.MARKS.finditer(folded):
        name = m.lastgroup or ""
        sp = span(m, name)
        acc.set(name, raw(sp), sp)
        out.append((base + m.start(), base + m.end(), False))
    m = P.SUBJECT_LINE.search(folded)
    if m is not None:
        sp = span(m, "rest")
        acc.set("subject_line", _clean(text[sp.start : sp.end]), Span(base + m.start("label"), sp.end))
        out.append((base + m.start(), base + m.end(), False))
    return out


def _set_number(acc: _Acc, m: regex.Match[str], base: int) -> None:
    text = acc.text

    def grab(group: str) -> str | None:
        if m.start(group) < 0:
            return None
        return "".join(text[base + m.start(group) : base + m.end(group)].split()).replace("–", "-")

    def gspan(group: str) -> Span:
        return Span(base + m.start(group), base + m.end(group))

    whole = Span(base + m.start(), base + m.end())
    acc.set("number_raw", " ".join(text[whole.start : whole.end].split()), whole)
    if m.start("prefix") >= 0:
        prefix = _clean(text[base + m.start("prefix") : base + m.end("prefix")])
        acc.fields.setdefault("_type_prefix", (prefix, gspan("prefix")))
    if m.start("ptype") >= 0:  # Party: "12-BC/HU"
        number = grab("pnum")
        if number is not None:
            acc.set("number", number, gspan("pnum"))
        type_code = grab("ptype") or ""
        issuer = grab("pissuer") or ""
        acc.set("symbol", f"{type_code}/{issuer}", Span(base + m.start("ptype"), base + m.end("pissuer")))
        acc.fields["_symbol_parts"] = ("party", type_code, gspan("ptype"), issuer, gspan("pissuer"))
    else:  # State: "15/BC-UBND", "23/2015/NQ-HĐND", "60/2024/QH15"
        number = grab("snum")
        if number is not None:
            acc.set("number", number, gspan("snum"))
        if m.start("year") >= 0:
            acc.set("number_year", int(m.group("year")), gspan("year"))
        symbol = grab("ssym") or ""
        acc.set("symbol", symbol, gspan("ssym"))
        acc.fields["_symbol_parts"] = ("state", symbol, gspan("ssym"), "", gspan("ssym"))


def _set_date(acc: _Acc, m: regex.Match[str], place: regex.Match[str] | None, base: int) -> None:
    text = acc.text
    if place is not None:
        sp = Span(base + place.start("place"), base + place.end("place"))
        acc.set("place", _clean(text[sp.start : sp.end]), sp)
    sp = Span(base + m.start("date"), base + m.end("date"))
    # The year group is optional, so a trailing gap is part of the match: trim it off the span.
    while sp.end > sp.start and text[sp.end - 1].isspace():
        sp = Span(sp.start, sp.end - 1)
    raw = " ".join(text[sp.start : sp.end].replace("*", " ").split())
    value = _checked_date(acc, m.group("day"), m.group("month"), m.group("year"), sp, raw)
    acc.set("date", value, sp)
    acc.set("date_raw", raw, sp)


def _checked_date(
    acc: _Acc, day_s: str | None, month_s: str | None, year_s: str | None, span: Span, raw: str
) -> DateValue:
    """Parts as written; an impossible part is dropped (null) with a diagnostic, the raw text kept."""
    day = int(day_s) if day_s else None
    month = int(month_s) if month_s else None
    year = int(year_s) if year_s else None
    problems: list[str] = []
    if month is not None and not 1 <= month <= 12:
        problems.append(f"month {month}")
        month = None
    if day is not None:
        last = calendar.monthrange(year or 2000, month)[1] if month else 31
        if not 1 <= day <= last:
            problems.append(f"day {day}")
            day = None
    if year is not None and not 1900 <= year <= 2100:
        problems.append(f"year {year}")
        year = None
    if problems:
        acc.diagnose(
            DiagnosticCode.METADATA_IMPOSSIBLE_DATE,
            f"impossible date {raw!r} ({', '.join(problems)}): kept as text, the part left null",
            span,
        )
    return DateValue(day, month, year, span)


def _read_issuer(acc: _Acc, start: int, end: int, anchors: list[tuple[int, int]]) -> None:
    """Upper-case pieces of the header window that no anchor took: parent body over issuer."""
    pieces: list[tuple[str, Span]] = []
    for i in range(start, end):
        if acc.blank(i):
            continue
        for sp in _segments(acc.text, acc.lines[i].line.content):
            for free in _subtract(sp, anchors):
                value = _clean(acc.text[free.start : free.end])
                if len(P.LETTER.findall(value)) >= 2 and _mostly_upper(value):
                    pieces.append((value, free))
                    acc.kind(i, "header")
    if not pieces:
        return
    units: list[tuple[list[str], Span]] = []
    congress_open = False
    for value, sp in pieces:
        folded = codes.fold(value).upper()
        head = P.ORG_HEAD.match(folded) is not None
        if units and (not head or congress_open):
            words, first = units[-1]
            words.append(value)
            units[-1] = (words, Span(first.start, sp.end))
        else:
            units.append(([value], sp))
            congress_open = folded.startswith("DAI HOI")
        if congress_open and P.CONGRESS_NAME_END.search(folded):
            congress_open = False
    names = [(" ".join(words), sp) for words, sp in units]
    acc.set("issuer", names[-1][0], names[-1][1])
    if len(names) >= 2:
        acc.set("parent_issuer", names[-2][0], names[-2][1])
    acc.fields["_issuer_chain"] = tuple(n for n, _ in reversed(names))


# ---------------------------------------------------------------------------------------------
# Title block
# ---------------------------------------------------------------------------------------------


def _read_title(acc: _Acc, start: int, limit: int, expect: bool) -> tuple[int, bool]:
    """Type line, title, subtitle, draft mark, "Kính gửi:"; return (body start, title found)."""
    text = acc.text
    title: list[Span] = []
    subtitle: list[Span] = []
    title_upper = False
    type_alone = False
    i = start
    body = start
    if start < limit and not acc.blank(start):
        content = acc.content(start)
        m = P.TYPE_LINE.match(codes.fold(content))
        if m is not None:
            c0 = acc.lines[start].line.content.start
            tsp = Span(c0 + m.start("type"), c0 + m.end("type"))
            acc.fields["_type_line"] = (_clean(text[tsp.start : tsp.end]), tsp)
            if m.start("draft") >= 0:
                acc.set("draft", True, Span(c0 + m.start("draft"), c0 + m.end("draft")))
            rest = _clean(content[m.end() :])
            rest_is_subtype = _is_subtype(_clean(text[tsp.start : tsp.end]), rest)
            if rest_is_subtype:
                acc.fields["_type_line"] = (
                    _clean(content[m.start("type") :]),
                    Span(tsp.start, acc.lines[start].line.content.end),
                )
            if not P.LETTER.search(rest) or rest_is_subtype:
                type_alone = True
            else:  # "BÁO CÁO CHÍNH TRỊ CỦA …": the type opens the title itself
                title.append(acc.lines[start].line.content)
                title_upper = _mostly_upper(_clean(content))
            acc.kind(start, "title")
            i = start + 1
    if not expect and not type_alone:  # noqa: SIM102 - the comment belongs to the inner test
        # No header and no type line: only an upper-case first line can be a title.
        if not (start < limit and _mostly_upper(_clean(acc.content(start))) and not _is_marker_line(acc, start)):
            return _skip_blank(acc, start, limit), False
    while i < limit:
        cl = acc.lines[i]
        if cl.line.kind is LineKind.BLANK:
            i += 1
            continue
        content = acc.content(i)
        folded = acc.folded(i)
        cleaned = _clean(content)
        if cl.line.kind in (LineKind.RULE, LineKind.STAR) or (not P.LETTER_OR_DIGIT.search(cleaned) and cleaned != ""):
            acc.kind(i, "title")
            i += 1
            if title or subtitle:
                break
            continue
        if not cleaned:  # markup only ("** **", "|")
            acc.kind(i, "title")
            i += 1
            continue
        if P.RULE_GLUED.match(content):
            break
        if P.DRAFT.match(folded):
            m = P.DRAFT.match(folded)
            assert m is not None
            c0 = cl.line.content.start
            acc.set("draft", True, Span(c0 + m.start("draft"), c0 + m.end("draft")))
            acc.kind(i, "title")
            i += 1
            continue
        if P.ADDRESSEES.match(folded):
            i = _read_addressees(acc, i, limit)
            break
        if P.PREAMBLE.match(folded) or (cl.marker is not None and cl.role is not Role.TEXT):
            break
        if cleaned.startswith("(") and (title or type_alone):
            end = _paren_block(acc, i, limit)
            if end is None:
                break
            subtitle = [_lines_span(acc, i, end)]
            for j in range(i, end):
                acc.kind(j, "title")
            i = end
            continue
        # A line without letters ("2026 - 2030") has no case: it continues the run it is in.
        upper = _mostly_upper(cleaned) or (bool(title) and title_upper and not P.LETTER.search(cleaned))
        if subtitle:
            break
        if upper and (not title or title_upper) and len(cleaned) <= 300:
            title.append(cl.line.content)
            title_upper = True
            acc.kind(i, "title")
            i += 1
            continue
        if not title and type_alone and _is_summary_line(cleaned):
            end = _summary_end(acc, i, limit, strict=False)
            title.append(_lines_span(acc, i, end))
            for j in range(i, end):
                acc.kind(j, "title")
            i = end
            continue
        if title and title_upper and _is_summary_line(cleaned):
            end = _summary_end(acc, i, limit, strict=True)
            if end > i:
                subtitle = [_lines_span(acc, i, end)]
                for j in range(i, end):
                    acc.kind(j, "title")
                i = end
                continue
        break
    body = _skip_blank(acc, i, limit)
    for j in range(start, body):
        if acc.lines[j].line.kind is not LineKind.BLANK:
            acc.kind(j, "title")
    if title:
        sp = Span(title[0].start, title[-1].end)
        acc.set("title", _join(text, title), sp)
    if subtitle:
        acc.set("subtitle", _join(text, subtitle), subtitle[0])
    return body, bool(title or type_alone)


def _is_subtype(type_name: str, rest: str) -> bool:
    t = codes.doc_type_for_name(type_name, None)
    if t is None or not rest:
        return False
    key = codes.fold_tones(rest).casefold()
    return any(key == codes.fold_tones(sub).casefold() for sub in codes.SUBTYPES.get(t.name, ()))


def _is_marker_line(acc: _Acc, i: int) -> bool:
    cl = acc.lines[i]
    return cl.marker is not None and cl.role is not Role.TEXT


def _is_summary_line(cleaned: str) -> bool:
    """A line of a mixed-case summary: short, and not a sentence that ends a paragraph."""
    return (len(cleaned) <= 160 and not cleaned.endswith((":", ".", ";"))) or cleaned.endswith(")")


def _summary_end(acc: _Acc, start: int, limit: int, strict: bool) -> int:
    """End of a mixed-case summary run. Strict (a subtitle under an upper-case title): only when a
    rule or draft mark closes the run within 8 short lines; lenient: up to 4 summary lines."""
    i = start
    taken = 0
    last = start
    while i < limit and taken < 8:
        if acc.blank(i):
            i += 1
            continue
        cl = acc.lines[i]
        content = acc.content(i)
        folded = acc.folded(i)
        if cl.line.kind in (LineKind.RULE, LineKind.STAR) or P.RULE_GLUED.match(content) or P.DRAFT.match(folded):
            return last + 1 if taken else start
        if P.PREAMBLE.match(folded) or P.ADDRESSEES.match(folded) or _is_marker_line(acc, i):
            return start if strict else last + 1
        if not _is_summary_line(_clean(content)) or len(content) > 160:
            return start if strict else last + 1
        taken += 1
        last = i
        i += 1
        if not strict and taken >= 4:
            return last + 1
    return start if strict else last + 1


def _paren_block(acc: _Acc, start: int, limit: int) -> int | None:
    """Lines of a parenthesised subtitle "(Báo cáo … ⏎ … 2025)"; None if it never closes."""
    for i in range(start, min(limit, start + 12)):
        if acc.blank(i):
            continue
        cleaned = _clean(acc.content(i))
        if len(cleaned) > 400:
            return None
        if cleaned.endswith(")"):
            return i + 1
    return None


def _read_addressees(acc: _Acc, start: int, limit: int) -> int:
    """ "Kính gửi: A" or "Kính gửi:" over "- A;" lines; return the position after the block."""
    text = acc.text
    c = acc.lines[start].line.content
    m = P.ADDRESSEES.match(codes.fold(text[c.start : c.end]))
    assert m is not None
    acc.kind(start, "addressees")
    items: list[tuple[str, Span]] = []
    rest = Span(c.start + m.start("rest"), c.end)
    if _clean(text[rest.start : rest.end]):
        items.extend(_split_items(text, rest))
    i = start + 1
    while i < limit:
        if acc.blank(i):
            i += 1
            continue
        item = P.RECIPIENT_ITEM.match(acc.content(i))
        if item is None or len(acc.content(i)) > 200:
            break
        items.extend(_split_items(text, acc.lines[i].line.content))
        acc.kind(i, "addressees")
        i += 1
    if items:
        acc.set("addressees", tuple(v for v, _ in items), Span(c.start, items[-1][1].end))
        for k, (_, sp) in enumerate(items):
            acc.spans[f"addressees.{k}"] = sp
    return i


# ---------------------------------------------------------------------------------------------
# Closing matter: recipients and signature
# ---------------------------------------------------------------------------------------------


def _read_closing(acc: _Acc, body_start: int, limit: int) -> tuple[int, int] | None:
    """Find and read the closing block; return its positions ``[c0, c1)``."""
    if body_start >= limit:
        return None
    c0 = _closing_candidate(acc, body_start, limit)
    if c0 is None:
        c0 = _bare_signature(acc, body_start, limit)
        if c0 is None:
            return None
    c1 = _read_closing_block(acc, c0, limit)
    # A markdown table opens before the label ("|", "* *"): that markup belongs to the closing.
    while True:
        j = c0 - 1
        while j > body_start and acc.blank(j):
            j -= 1
        if j <= body_start or acc.blank(j) or _clean(acc.content(j)):
            return c0, c1
        acc.kind(j, "closing")
        c0 = j


#: How a closing line starts ("Nơi nhận:", "T/M", "K/T", "TM.", "Q.", markup): lines are tested
#: with the regexes only when they start so (a C-speed pre-filter over the whole body).
_CLOSING_PREFIXES = (
    "Nơi",
    "NƠI",
    "nơi",
    "No'i",
    "T/",
    "K/",
    "TM.",
    "KT.",
    "TL.",
    "TUQ.",
    "Q.",
    "THỪA",
    "*",
    "_",
    "|",
)


def _closing_candidate(acc: _Acc, body_start: int, limit: int) -> int | None:
    """The first line that opens the closing matter, read line by line over the body."""
    text = acc.text
    for i in range(body_start, limit):
        line = acc.lines[i].line
        c = line.content
        if c.start == c.end:
            continue
        if text.startswith(_CLOSING_PREFIXES, c.start) and P.CLOSING_START.match(text, line.span.start, c.end):
            return i
        if (
            text[c.start] in "-–"
            and text.find("Lưu", c.start, c.end) >= 0
            and P.RECIPIENT_RUN.match(text, line.span.start, c.end)
        ):
            return i
    return None


def _bare_signature(acc: _Acc, body_start: int, limit: int) -> int | None:
    """A collective signing without a mark ("BAN CHẤP HÀNH ĐẢNG BỘ TỈNH", corpus 01, 02, 04):
    upper-case lines after the last paragraph, before an appendix or the end."""
    end = _appendix_start(acc, body_start, limit) or limit
    i = end - 1
    group: list[int] = []
    while i >= body_start and len(group) <= 3:
        if acc.blank(i) or _is_page_furniture(acc, i) or (not group and _is_repeated(acc, i)):
            i -= 1
            continue
        cleaned = _clean(acc.content(i))
        if _mostly_upper(cleaned) and len(cleaned) <= 90 and not _is_marker_line(acc, i):
            group.append(i)
            i -= 1
            continue
        break
    if not group or len(group) > 3 or i < body_start:
        return None
    first = group[-1]
    folded = codes.fold(_clean(acc.content(first))).upper()
    if not (P.ORG_HEAD.match(folded) or P.SIGNER_POSITION.match(folded)):
        return None
    previous = _clean(acc.content(i))
    if _is_marker_line(acc, i) and acc.lines[i].role is Role.HEADING:
        return None
    if not (previous.endswith((".", "!", "?", "…", "”", '"', ")")) or len(previous) > 60):
        return None
    return first


def _appendix_start(acc: _Acc, start: int, limit: int) -> int | None:
    text = acc.text
    for i in range(start, limit):
        c = acc.lines[i].line.content
        if c.start < c.end and text[c.start] in "PpBM*_#|" and P.APPENDIX.match(codes.fold(text[c.start : c.end])):
            return i
    return None


def _appendix_follows(acc: _Acc, start: int, limit: int) -> bool:
    """An appendix heading ("PHỤ LỤC", "Phụ lục I", "BIỂU MẪU") after the closing block: the
    appendix stays in the body. Anything else after the signature is trailing furniture."""
    return _appendix_start(acc, start, limit) is not None


def _read_closing_block(acc: _Acc, c0: int, limit: int) -> int:
    """Read recipients and signature lines from ``c0``; return the position after the block.

    Lines are read one segment at a time (a layout line holds both columns), and each segment is
    classified on its own, so lists and signatures that arrive interleaved (corpus 08, 09, 11)
    untangle: recipients are the "-" items and their continuation lines, the signature the
    upper-case lines from the authority mark on, and the capitalised name.
    """
    text = acc.text
    recipients: list[list[Span]] = []  # each recipient: its pieces (continuation lines)
    open_item = False
    label: Span | None = None
    signer: list[tuple[str, Span]] = []  # upper-case signature lines, in order
    name: Span | None = None
    end = c0
    i = c0
    done = False
    while i < limit and i < c0 + CLOSING_WINDOW and not done:
        if acc.blank(i):
            i += 1
            continue
        if _is_page_furniture(acc, i):
            acc.kind(i, "page-number")
            i += 1
            continue
        content = acc.content(i)
        if (name is not None and label is not None and not open_item) or (
            content[:1] in "PpBM*_#|" and P.APPENDIX.match(acc.folded(i))
        ):
            break
        if name is not None and signer and label is None:
            break
        consumed = False
        for seg in _segments(text, acc.lines[i].line.content):
            s = text[seg.start : seg.end]
            cleaned = _clean(s)
            if not cleaned:
                consumed = True
                continue
            item = P.RECIPIENT_ITEM.match(s)
            if item is not None and (label is not None or recipients or P.RECIPIENT_RUN.match(s)):
                for _, sp in _split_items(text, seg):
                    recipients.append([sp])
                open_item = not _closed(text, recipients[-1][-1]) if recipients else False
                consumed = True
                continue
            folded = codes.fold(s)
            m = P.RECIPIENTS_LABEL.match(folded)
            if m is not None:
                if label is None:
                    label = Span(seg.start + m.start("label"), seg.start + m.end())
                rest = Span(seg.start + m.end(), seg.end)
                if _clean(text[rest.start : rest.end]):
                    for _, sp in _split_items(text, rest):
                        recipients.append([sp])
                    open_item = not _closed(text, recipients[-1][-1]) if recipients else False
                consumed = True
                continue
            if P.SIGNATURE_AUTHORITY.match(folded):
                signer.append(("auth", seg))
                open_item = False if not recipients else open_item
                consumed = True
                continue
            if P.SIGNED_MARK.match(s):
                consumed = True
                continue
            if P.TYPIST_REFERENCE.match(s):
                consumed = True
                continue
            starts_lower = bool(SHAPE_LOWER.match(cleaned[:1]))
            if recipients and (open_item or starts_lower) and not _mostly_upper(cleaned):
                parts = _split_items(text, seg)
                if parts:
                    recipients[-1].append(parts[0][1])
                    for _, sp in parts[1:]:
                        recipients.append([sp])
                    open_item = not _closed(text, recipients[-1][-1])
                consumed = True
                continue
            nm = P.SIGNER_NAME.match(s)
            if nm is not None and (signer or label is not None or recipients):
                name = Span(seg.start + nm.start("name"), seg.start + nm.end("name"))
                consumed = True
                continue
            if _mostly_upper(cleaned) and len(cleaned) <= 90 and (signer or i == c0 or label is not None):
                signer.append(("upper", seg))
                consumed = True
                continue
            if not consumed and i > c0:
                done = True
            break
        if done and _is_repeated(acc, i):
            acc.kind(i, "watermark")
            done = False
            i += 1
            continue
        if done:
            break
        acc.kind(i, "closing")
        end = i + 1
        i += 1
    _set_recipients(acc, label, recipients)
    _set_signature(acc, signer, name)
    return end


def _closed(text: str, sp: Span) -> bool:
    return text[sp.start : sp.end].rstrip(" *_|").endswith((",", ";", ".", ":"))


def _split_items(text: str, sp: Span) -> list[tuple[str, Span]]:
    """Items of one line: "- A; - B" → [A, B]; the leading bullet and markup are left out."""
    out: list[tuple[str, Span]] = []
    pos = sp.start
    cuts = [m.start() for m in P.RECIPIENT_SPLIT.finditer(text, sp.start, sp.end)] + [sp.end]
    for cut in cuts:
        piece = _trim(text, Span(pos, cut))
        m = P.ITEM_BULLET.match(text, piece.start, piece.end)
        if m is not None:
            piece = _trim(text, Span(m.end(), piece.end))
        if piece.end > piece.start and P.LETTER_OR_DIGIT.search(text, piece.start, piece.end):
            out.append((_clean(text[piece.start : piece.end]), piece))
        pos = cut
    return out


def _set_recipients(acc: _Acc, label: Span | None, recipients: list[list[Span]]) -> None:
    if not recipients:
        return
    values = [" ".join(_clean(acc.text[p.start : p.end]) for p in pieces) for pieces in recipients]
    start = min(label.start, recipients[0][0].start) if label is not None else recipients[0][0].start
    acc.set("recipients", tuple(values), Span(start, recipients[-1][-1].end))
    for k, pieces in enumerate(recipients):
        acc.spans[f"recipients.{k}"] = Span(pieces[0].start, pieces[-1].end)


def _set_signature(acc: _Acc, signer: list[tuple[str, Span]], name: Span | None) -> None:
    """Authority groups (a mark and its continuation lines) and the position, then the name."""
    text = acc.text
    if any(kind == "auth" for kind, _ in signer):
        first = next(k for k, (kind, _) in enumerate(signer) if kind == "auth")
        signer = signer[first:]
    groups: list[tuple[str, list[Span]]] = []
    pending: list[Span] = []
    for kind, sp in signer:
        value = _clean(text[sp.start : sp.end])
        folded = codes.fold(value).upper()
        if kind == "auth":
            groups.append(("auth", [*pending, sp]))
            pending = []
        elif P.DANGLING_POSITION.match(folded):
            pending.append(sp)
        elif pending or P.SIGNER_POSITION.match(folded) or not groups:
            groups.append(("position", [*pending, sp]))
            pending = []
        else:
            groups[-1][1].append(sp)
    if pending:
        groups.append(("position", pending))
    if groups and all(kind == "position" for kind, _ in groups):
        # No mark: the whole block names a collective ("BAN CHẤP HÀNH ĐẢNG BỘ TỈNH") or a post.
        spans = [sp for _, g in groups for sp in g]
        value = " ".join(_clean(text[sp.start : sp.end]) for sp in spans)
        folded = codes.fold(value).upper()
        kind = "position" if P.SIGNER_POSITION.match(folded) else "auth"
        groups = [(kind, spans)]
    authority = [sp for kind, g in groups if kind == "auth" for sp in g]
    position = [sp for kind, g in groups if kind == "position" for sp in g]
    if not authority and not position and name is None:
        return
    fields: dict[str, tuple[str, Span]] = {}
    for key, spans in (("authority", authority), ("position", position)):
        if spans:
            value = " ".join(_clean(text[sp.start : sp.end]) for sp in spans)
            fields[key] = (value, Span(spans[0].start, spans[-1].end))
    if name is not None:
        fields["name"] = (_clean(text[name.start : name.end]), name)
    all_spans = [sp for _, sp in fields.values()]
    whole = Span(min(s.start for s in all_spans), max(s.end for s in all_spans))
    signature = Signature(
        fields.get("authority", (None,))[0],
        fields.get("position", (None,))[0],
        fields.get("name", (None,))[0],
        whole,
    )
    acc.set("signature", signature, whole)
    for key, (_, sp) in fields.items():
        acc.spans[f"signature.{key}"] = sp


def _read_trailer(acc: _Acc, body_start: int, limit: int) -> int:
    """A news crawl ends with its source and posting date: trailing furniture, not body."""
    i = limit - 1
    end = limit
    while i >= body_start:
        if acc.blank(i):
            i -= 1
            continue
        content = acc.content(i)
        m = P.WEB_DATE_LINE.match(content)
        if m is not None:
            date = _web_date(m.group("when"))
            if date is not None:
                acc.set("web_date", DateValue(*date, span=acc.lines[i].line.content), acc.lines[i].line.content)
        elif not (P.WEB_SOURCE.match(content) or _is_page_furniture(acc, i)):
            break
        acc.kind(i, "web")
        end = i
        i -= 1
    return end


# ---------------------------------------------------------------------------------------------
# Derived fields: type, issuer code and level, congress context
# ---------------------------------------------------------------------------------------------


def _derive(acc: _Acc) -> None:
    f = acc.fields
    regime: codes.Regime | None = None
    if "party_title" in f:
        regime = codes.Regime.PARTY
    elif "state_title" in f:
        regime = codes.Regime.STATE
    parts = f.get("_symbol_parts")
    if regime is None and parts is not None:
        regime = codes.Regime.PARTY if parts[0] == "party" else codes.Regime.STATE
    type_code: tuple[str, Span] | None = None
    issuer_code: tuple[str, Span] | None = None
    if parts is not None:
        form, a, a_span, b, b_span = parts
        if form == "party":
            type_code, issuer_code = (a, a_span), (b, b_span)
        else:
            head, _, tail = a.partition("-")
            if tail and codes.doc_type_for_code(head, regime) is not None:
                type_code = (head, Span(a_span.start, a_span.start + len(head)))
                issuer_code = (tail, a_span)
            else:
                issuer_code = (head, a_span)  # công văn "UBND-VX", law "QH15"
    doc_type: codes.DocType | None = None
    type_span: Span | None = None
    type_line = f.get("_type_line")
    if type_line is not None:
        doc_type = codes.doc_type_for_name(type_line[0], regime)
        type_span = type_line[1]
    prefix = f.get("_type_prefix")
    if doc_type is None and prefix is not None:
        doc_type = codes.doc_type_for_name(prefix[0], regime)
        type_span = prefix[1]
    if type_code is not None:
        by_code = codes.doc_type_for_code(type_code[0], regime)
        acc.set("doc_type_code", type_code[0], type_code[1])
        if doc_type is None and by_code is not None:
            doc_type, type_span = by_code, type_code[1]
    elif doc_type is not None and doc_type.code is not None and type_span is not None:
        code = doc_type.code
        if doc_type.name == "Quy định" and regime is codes.Regime.PARTY:
            code = "QĐ"  # Party usage since 2019 (corpus 10, 14); QĐi was the 2018 code
        acc.set("doc_type_code", code, type_span)
    if doc_type is not None and type_span is not None:
        context = " ".join(
            str(x) for x in (type_line[0] if type_line else "", f.get("title", ""), f.get("subtitle", ""))
        )
        acc.set("doc_type_name", codes.refine_type_name(doc_type.name, context), type_span)
    if issuer_code is not None:
        acc.set("issuer_code", issuer_code[0], issuer_code[1])
    chain: tuple[str, ...] = f.get("_issuer_chain", ())
    level = codes.issuer_level(issuer_code[0] if issuer_code else None, chain)
    if level is not None:
        where = acc.spans.get("issuer") or (issuer_code[1] if issuer_code else None)
        if where is not None:
            acc.set("issuer_level", level.value, where)
    _congress_context(acc)


def _congress_context(acc: _Acc) -> None:
    """Term, congress ordinal and committee term, read from the issuer, title and subtitle only."""
    text = acc.text
    sources = [acc.spans[k] for k in ("issuer", "parent_issuer", "title", "subtitle") if k in acc.spans]
    ordinal: tuple[int, Span, int] | None = None
    term: tuple[tuple[int, int], Span] | None = None
    first_term: tuple[tuple[int, int], Span] | None = None
    committee: tuple[int, Span] | None = None
    for sp in sources:
        folded = codes.fold(text[sp.start : sp.end])
        for m in P.CONGRESS_ORDINAL.finditer(folded):
            value = _ordinal(m.group("n"))
            if value is not None and ordinal is None:
                ordinal = (value, Span(sp.start + m.start("n"), sp.start + m.end("n")), sp.start + m.end())
        for m in P.TERM.finditer(folded):
            a, b = int(m.group("start")), int(m.group("end"))
            if not (1900 < a < b <= a + 10):
                continue
            found = ((a, b), Span(sp.start + m.start(), sp.start + m.end()))
            if first_term is None:
                first_term = found
            # The term of the congress is the one written right after its ordinal.
            if ordinal is not None and term is None and 0 <= sp.start + m.start() - ordinal[2] <= 8:
                term = found
        m2 = P.COMMITTEE_TERM.search(folded)
        if m2 is not None and committee is None:
            value = _ordinal(m2.group("n"))
            if value is not None:
                committee = (value, Span(sp.start + m2.start(), sp.start + m2.end()))
    term = term or first_term
    if term is not None:
        acc.set("term", term[0], term[1])
    if ordinal is not None:
        acc.set("congress_ordinal", ordinal[0], ordinal[1])
    if committee is not None:
        acc.set("committee_term", committee[0], committee[1])


def _ordinal(value: str) -> int | None:
    if value.isdigit():
        return int(value)
    total, prev = 0, 0
    for ch in reversed(value):
        v = _ROMAN.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total or None


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------


def _metadata(acc: _Acc) -> Metadata:
    names = {a.name for a in attrs.fields(Metadata)}
    kwargs = {k: v for k, v in acc.fields.items() if k in names}
    spans = {k: v for k, v in acc.spans.items() if k.split(".")[0] in names}
    return Metadata(**kwargs, spans=spans)


def _furniture(acc: _Acc, body_start: int, body_end: int, skip: frozenset[int], limit: int) -> tuple[Furniture, ...]:
    """One furniture block per non-blank line outside the body (and per skipped line in it)."""
    out: list[Furniture] = []
    positions = [*range(0, body_start), *sorted(skip), *range(body_end, limit)]
    for i in positions:
        cl = acc.lines[i]
        if cl.line.kind is LineKind.BLANK:
            continue
        kind = acc.kinds.get(i) or ("header" if i < body_start else "closing")
        span = cl.line.content
        out.append(Furniture(kind, span, acc.text[span.start : span.end]))
    return tuple(out)


# ---------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------


def _clean(value: str) -> str:
    """Markup and runs of spaces out: "**ỦY BAN NHÂN⏎DÂN **" → "ỦY BAN NHÂN DÂN"."""
    return " ".join(P.MARKUP.sub(" ", value).split())


def _trim(text: str, sp: Span) -> Span:
    s, e = sp.start, sp.end
    while s < e and (text[s].isspace() or text[s] in "*_|"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in "*_|"):
        e -= 1
    return Span(s, e)


def _join(text: str, spans: list[Span]) -> str:
    return " ".join(_clean(text[sp.start : sp.end]) for sp in spans)


def _lines_span(acc: _Acc, start: int, end: int) -> Span:
    """Content span from line ``start`` to line ``end - 1`` (blank lines at either end ignored)."""
    while start < end - 1 and acc.blank(start):
        start += 1
    while end - 1 > start and acc.blank(end - 1):
        end -= 1
    return Span(acc.lines[start].line.content.start, acc.lines[end - 1].line.content.end)


def _skip_blank(acc: _Acc, i: int, limit: int) -> int:
    while i < limit and (
        acc.blank(i) or acc.lines[i].line.kind in (LineKind.RULE, LineKind.STAR) or not _clean(acc.content(i))
    ):
        if not acc.blank(i):
            acc.kind(i, "title")
        i += 1
    return i


def _mostly_upper(value: str) -> bool:
    """Upper case, allowing a little OCR damage ("TiNH UY THAI NGUYEN")."""
    if value.isupper():
        first = SHAPE_UPPER.search(value)
        return first is not None and SHAPE_UPPER.search(value, first.end()) is not None
    if value.islower() or len(value) > 400 or not SHAPE_UPPER.search(value):
        return False
    upper = len(SHAPE_UPPER.findall(value))
    lower = len(SHAPE_LOWER.findall(value))
    return upper >= 2 and lower * 8 <= upper


def _is_prose(content: str) -> bool:
    if _mostly_upper(content):
        return False
    return len(content) > 150 or (content.endswith((".", ":", ";")) and len(content) > 60)


def _is_page_furniture(acc: _Acc, i: int) -> bool:
    """A page number alone on its line."""
    return page_number(acc.content(i), with_total=False) is not None


def _is_repeated(acc: _Acc, i: int) -> bool:
    """A line repeated verbatim on many pages: a watermark or running footer (corpus 09).
    Costs a scan of the text, so it is asked only of lines nothing else explains."""
    content = acc.content(i)
    if len(content) < 30 or _is_marker_line(acc, i):
        return False
    return acc.text.count(content) >= 3


def _segments(text: str, content: Span) -> list[Span]:
    """The columns of one line: split at pipes, rules, markdown bold runs and 3+ space gaps."""
    out: list[Span] = []
    pos = content.start
    for m in P.SEGMENT_BREAK.finditer(text, content.start, content.end):
        if m.start() > pos:
            out.append(Span(pos, m.start()))
        pos = m.end()
    if pos < content.end:
        out.append(Span(pos, content.end))
    return [t for t in (_trim(text, s) for s in out) if t.end > t.start] or [content]


def _subtract(sp: Span, taken: list[tuple[int, int]]) -> list[Span]:
    pieces = [sp]
    for s, e in taken:
        nxt: list[Span] = []
        for p in pieces:
            if e <= p.start or s >= p.end:
                nxt.append(p)
                continue
            if s > p.start:
                nxt.append(Span(p.start, s))
            if e < p.end:
                nxt.append(Span(e, p.end))
        pieces = nxt
    return pieces


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

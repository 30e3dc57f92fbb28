"""The header window: issuer, "*", number and symbol, national titles, motto, place and date, marks.

Header patterns run on the accent-folded window (``codes.fold``), which has the same length as
the text, so every match offset is a text offset."""

from __future__ import annotations

import bisect
import calendar

import regex

from vnreport.layout.codes import Regime
from vnreport.layout.metadata import SymbolParts
from vnreport.layout.scan import Scan, clean, is_prose, mostly_upper, segments, trim
from vnreport.layout.title import read_title
from vnreport.lines.classify import ClassifiedLine, Role
from vnreport.lines.split import LineKind
from vnreport.model import DateValue, DiagnosticCode, FurnitureKind, MarkerStyle, Severity, Span
from vnreport.rules import furniture as P
from vnreport.rules.shapes import LOWER as SHAPE_LOWER
from vnreport.text.folds import fold_accents

#: Non-blank lines looked at for the header (the longest real header, corpus 03 or a pipe
#: table crawl, has about 20).
HEADER_WINDOW = 45

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


def read_header(scan: Scan, pos: int, limit: int) -> int:
    """Read the header window and the title block; return the position of the first body line."""
    window_end, type_line = _window(scan, pos, limit)
    anchors, last_anchor = _read_anchors(scan, pos, window_end)
    if type_line is not None:
        title_start = type_line
    elif last_anchor >= 0:
        title_start = last_anchor + 1
    else:
        title_start = pos
    found_header = last_anchor >= 0 or _issuer_over_type_line(scan, pos, type_line)
    congress = _congress_block(scan, pos, window_end) if not found_header and type_line is None else None
    if congress is not None:
        _read_issuer(scan, congress[0], congress[1], anchors)
        title_start = congress[1]
        found_header = True
    elif found_header:
        _read_issuer(scan, pos, min(title_start, window_end), anchors)
    if found_header:
        for i in range(pos, title_start):
            scan.kind(i, FurnitureKind.HEADER)
    body_start, has_title = read_title(scan, title_start, limit, type_line is not None or found_header)
    if not found_header and not has_title and _nonblank_at_least(scan, pos, limit, MIN_DOCUMENT_LINES):
        at = scan.lines[pos].line.content if pos < limit else Span(len(scan.text), len(scan.text))
        scan.diagnose(
            DiagnosticCode.METADATA_MISSING_HEADER,
            "no document header (issuing body, number, place and date) was found",
            Span(at.start, at.start),
            Severity.INFO,
        )
    return body_start


def _read_anchors(scan: Scan, pos: int, window_end: int) -> tuple[list[tuple[int, int]], int]:
    """Read the anchors of the window ``[pos, window_end)``; return the (start, end) offsets of
    everything they matched and the position of the last line a header anchor is on (-1: none)."""
    anchors: list[tuple[int, int]] = []
    last_anchor = -1
    if window_end <= pos:
        return anchors, last_anchor
    base = scan.lines[pos].start
    folded = fold_accents(scan.text[base : scan.lines[window_end - 1].end], punctuation=True)
    starts = [scan.lines[i].start for i in range(pos, window_end)]
    for s, e, strong in _anchors(scan, folded, base):
        anchors.append((s, e))
        if strong:  # a draft mark may sit under the title: it does not end the header
            last_anchor = max(last_anchor, pos + bisect.bisect_right(starts, e - 1) - 1)
    for i in range(pos, window_end):
        if scan.lines[i].kind is LineKind.STAR:
            anchors.append((scan.lines[i].content_start, scan.lines[i].content_end))
            last_anchor = max(last_anchor, i)
            scan.kind(i, FurnitureKind.HEADER)
    return anchors, last_anchor


def _issuer_over_type_line(scan: Scan, pos: int, type_line: int | None) -> bool:
    """No anchor, but upper-case lines over a type line are an issuing body ("ĐẠI HỘI ĐẠI BIỂU
    HỘI SINH VIÊN … / ______ / CHƯƠNG TRÌNH", corpus 12)."""
    if type_line is None or type_line <= pos:
        return False
    return all(
        scan.blank(i) or scan.lines[i].kind is not LineKind.TEXT or mostly_upper(clean(scan.shown(i)))
        for i in range(pos, type_line)
    )


#: Non-blank lines a header without anchors may take before its congress name ends.
CONGRESS_BLOCK_LINES = 8


def _congress_block(scan: Scan, pos: int, end: int) -> tuple[int, int] | None:
    """No anchor and no type line, but a congress name at the top ("ĐẠI HỘI ĐẠI BIỂU ⏎ HỘI SINH
    VIÊN … ⏎ LẦN THỨ XII, NHIỆM KỲ 2025 - 2028") over an upper-case title: the congress is the
    issuer, and the title starts under its name. Return the positions ``[start, end)`` of the
    name; the upper-case lines above it (the committee that reports) stay header lines."""
    start = -1
    seen = 0
    for i in range(pos, end):
        if scan.blank(i) or scan.lines[i].kind is not LineKind.TEXT:
            continue
        seen += 1
        cleaned = clean(scan.shown(i))
        if seen > CONGRESS_BLOCK_LINES or not mostly_upper(cleaned) or is_prose(cleaned):
            return None
        folded = scan.folded(i).upper().lstrip(" *_#|")
        if start < 0 and folded.startswith("DAI HOI"):
            start = i
        if start >= 0 and P.CONGRESS_NAME_END.search(folded):
            stop = _term_line_after(scan, i + 1, end)
            return (start, stop) if _upper_title_at(scan, stop, end) else None
    return None


def _term_line_after(scan: Scan, i: int, end: int) -> int:
    """Past a "NHIỆM KỲ …" line that ends a congress name wrapped after its ordinal."""
    while i < end and scan.blank(i):
        i += 1
    if i < end and scan.folded(i).upper().lstrip(" *_#|").startswith("NHIEM KY"):
        return i + 1
    return i


def _upper_title_at(scan: Scan, i: int, end: int) -> bool:
    while i < end and (scan.blank(i) or scan.lines[i].kind is not LineKind.TEXT):
        i += 1
    return i < end and mostly_upper(clean(scan.shown(i))) and not is_prose(scan.shown(i))


def _nonblank_at_least(scan: Scan, start: int, limit: int, n: int) -> bool:
    for i in range(start, limit):
        if not scan.blank(i):
            n -= 1
            if n <= 0:
                return True
    return False


def _window(scan: Scan, pos: int, limit: int) -> tuple[int, int | None]:
    """The header window ``[pos, end)`` and the type line that ends it, if one does."""
    seen = 0
    end = pos
    for i in range(pos, limit):
        if scan.blank(i):
            continue
        seen += 1
        if seen > HEADER_WINDOW:
            break
        if P.TYPE_LINE.match(scan.folded(i)):
            return i, i
        if _ends_window(scan.lines[i], scan.content(i), scan.folded(i)):
            break
        end = i + 1
    return end, None


def _ends_window(cl: ClassifiedLine, content: str, folded: str) -> bool:
    """A line no header holds: a body marker, a preamble, "Kính gửi:", a dash item, prose."""
    if cl.marker is not None and cl.marker.style in _BODY_OPENERS and cl.role is not Role.TEXT:
        return True
    if P.PREAMBLE.match(folded) or P.ADDRESSEES.match(folded):
        return True
    if P.RULE_GLUED.match(content) and not _has_anchor(folded):
        return True  # "----Đại hội …" opens the body; "-----Hà Nội, ngày …" is still header (10)
    if cl.marker is not None and cl.marker.style is MarkerStyle.DASH and SHAPE_LOWER.search(content):
        return True
    return is_prose(content) and (len(content) > 300 or not _has_anchor(folded))


def _has_anchor(folded: str) -> bool:
    return bool(
        P.PARTY_TITLE.search(folded) or P.STATE_TITLE.search(folded) or P.NUMBER.search(folded) or P.DATE.search(folded)
    )


def _anchors(scan: Scan, folded: str, base: int) -> list[tuple[int, int, bool]]:
    """Match every header anchor in the folded window; set the fields; return the matched spans
    (and whether the anchor belongs to the header columns proper, as opposed to marks)."""
    text = scan.text
    out: list[tuple[int, int, bool]] = []

    def span(m: regex.Match[str], group: str | int = 0) -> Span:
        return Span(base + m.start(group), base + m.end(group))

    def raw(sp: Span) -> str:
        return " ".join(text[sp.start : sp.end].split())

    for slot, pattern in ((scan.meta.party_title, P.PARTY_TITLE), (scan.meta.state_title, P.STATE_TITLE)):
        m = pattern.search(folded)
        if m is not None:
            sp = span(m, "title")
            slot.offer(raw(sp), sp)
            out.append((sp.start, sp.end, True))
    m = P.MOTTO.search(folded)
    if m is not None:
        sp = span(m, "motto")
        scan.meta.motto.offer(raw(sp), sp)
        out.append((sp.start, sp.end, True))
    m = P.NUMBER.search(folded)
    if m is not None:
        _set_number(scan, m, base)
        out.append((base + m.start(), base + m.end(), True))
    else:
        m = P.NUMBER_LABEL.search(folded)
        if m is not None:
            sp = span(m)
            rest = clean(text[base + m.start("rest") : base + m.end("rest")])
            if rest and P.LETTER_OR_DIGIT.search(rest):
                scan.meta.number_raw.offer(raw(sp), sp)
                scan.diagnose(
                    DiagnosticCode.METADATA_MALFORMED_NUMBER,
                    f"the number line {raw(sp)!r} is not a number and symbol",
                    sp,
                )
            out.append((sp.start, sp.end, True))
    date = _date_anchor(scan, folded, base)
    if date is not None:
        out.append(date)
    for m in P.DRAFT.finditer(folded):
        sp = span(m, "draft")
        scan.meta.draft.offer(True, sp)
        out.append((base + m.start(), base + m.end(), False))
    for m in P.MARKS.finditer(folded):
        name = m.lastgroup or ""
        sp = span(m, name)
        scan.meta.mark(name).offer(raw(sp), sp)
        out.append((base + m.start(), base + m.end(), False))
    m = P.SUBJECT_ITALIC.search(folded) or P.SUBJECT_LINE.search(folded)
    if m is not None:
        sp = span(m, "rest")
        scan.meta.subject_line.offer(clean(text[sp.start : sp.end]), Span(base + m.start("label"), sp.end))
        out.append((base + m.start(), base + m.end(), False))
    return out


def _set_number(scan: Scan, m: regex.Match[str], base: int) -> None:
    text = scan.text

    def grab(group: str) -> str | None:
        if m.start(group) < 0:
            return None
        return "".join(text[base + m.start(group) : base + m.end(group)].split()).replace("–", "-")

    def gspan(group: str) -> Span:
        return Span(base + m.start(group), base + m.end(group))

    whole = Span(base + m.start(), base + m.end())
    scan.meta.number_raw.offer(" ".join(text[whole.start : whole.end].split()), whole)
    if m.start("prefix") >= 0:
        prefix = clean(text[base + m.start("prefix") : base + m.end("prefix")])
        if scan.meta.type_prefix is None:
            scan.meta.type_prefix = (prefix, gspan("prefix"))
    if m.start("ptype") >= 0:  # Party: "12-BC/HU"
        number = grab("pnum")
        if number is not None:
            scan.meta.number.offer(number, gspan("pnum"))
        type_code = grab("ptype") or ""
        issuer = grab("pissuer") or ""
        scan.meta.symbol.offer(f"{type_code}/{issuer}", Span(base + m.start("ptype"), base + m.end("pissuer")))
        scan.meta.symbol_parts = SymbolParts(Regime.PARTY, type_code, gspan("ptype"), issuer, gspan("pissuer"))
    else:  # State: "15/BC-UBND", "23/2015/NQ-HĐND", "60/2024/QH15"
        number = grab("snum")
        if number is not None:
            scan.meta.number.offer(number, gspan("snum"))
        if m.start("year") >= 0:
            scan.meta.number_year.offer(int(m.group("year")), gspan("year"))
        symbol = grab("ssym") or ""
        scan.meta.symbol.offer(symbol, gspan("ssym"))
        scan.meta.symbol_parts = SymbolParts(Regime.STATE, symbol, gspan("ssym"), "", gspan("ssym"))


def _date_anchor(scan: Scan, folded: str, base: int) -> tuple[int, int, bool] | None:
    """The place and date of the window (the first date in it; the place before it, all of an
    italic line's text before its comma where the title-case rule would take less); set them and
    return their offsets as an anchor."""
    m = P.DATE.search(folded)
    if m is None:
        return None
    place = P.PLACE.search(folded, max(0, m.start() - 80), m.start())
    whole = _italic_place(scan, folded, m.start(), base)
    at = (base + place.start("place"), base + place.end("place")) if place is not None else None
    if whole is not None and (at is None or whole.start < at[0]):
        at = (whole.start, whole.end)
    set_date(scan, m, place, base, at)
    return (at[0] if at else base + m.start(), base + m.end(), True)


def _italic_place(scan: Scan, folded: str, date_at: int, base: int) -> Span | None:
    """The place of a place-and-date line the source sets in italics, as the format prescribes:
    all of the line before the comma that precedes "ngày" ("thị trấn Na Hang, ngày …"), where the
    place rule, which takes title-case words only, would cut it short. None when the line is not
    italic or no comma ends its text before the date."""
    if not scan.italic:
        return None
    starts = [scan.lines[i].start for i in range(len(scan.lines))]
    i = bisect.bisect_right(starts, base + date_at) - 1
    if i < 0 or i not in scan.italic:
        return None
    c = scan.lines[i].line.content
    if c.start < base:
        return None
    before = folded[c.start - base : date_at].rstrip()
    if not before.endswith(","):
        return None
    place = trim(scan.text, Span(c.start, c.start + len(before) - 1))
    return place if P.LETTER.search(scan.text, place.start, place.end) else None


def set_date(
    scan: Scan,
    m: regex.Match[str],
    place: regex.Match[str] | None,
    base: int,
    place_at: tuple[int, int] | None = None,
) -> None:
    """Place and date from a :data:`~vnreport.rules.furniture.DATE_PHRASE` match on folded text at
    ``base``; ``place_at``: the place's offsets where another reading than ``place`` decided them."""
    text = scan.text
    if place_at is None and place is not None:
        place_at = (base + place.start("place"), base + place.end("place"))
    if place_at is not None:
        sp = Span(*place_at)
        # OCR glues the words of a place ("TháiNguyên"): a capital after a small letter starts a word.
        scan.meta.place.offer(P.GLUED_WORDS.sub(" ", clean(text[sp.start : sp.end])), sp)
    sp = Span(base + m.start("date"), base + m.end("date"))
    # The year group is optional, so a trailing gap is part of the match: trim it off the span.
    while sp.end > sp.start and text[sp.end - 1].isspace():
        sp = Span(sp.start, sp.end - 1)
    raw = " ".join(text[sp.start : sp.end].replace("*", " ").split())
    value = _checked_date(scan, m.group("day"), m.group("month"), m.group("year"), sp, raw)
    scan.meta.date.offer(value, sp)
    scan.meta.date_raw.offer(raw, sp)


def _checked_date(
    scan: Scan, day_s: str | None, month_s: str | None, year_s: str | None, span: Span, raw: str
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
        scan.diagnose(
            DiagnosticCode.METADATA_IMPOSSIBLE_DATE,
            f"impossible date {raw!r} ({', '.join(problems)}): kept as text, the part left null",
            span,
        )
    return DateValue(day, month, year, span)


def _read_issuer(scan: Scan, start: int, end: int, anchors: list[tuple[int, int]]) -> None:
    """Upper-case pieces of the header window that no anchor took: parent body over issuer."""
    pieces = _issuer_pieces(scan, start, end, anchors)
    if not pieces:
        return
    names = _issuing_bodies(pieces)
    scan.meta.issuer.offer(names[-1][0], names[-1][1])
    if len(names) >= 2:
        scan.meta.parent_issuer.offer(names[-2][0], names[-2][1])
    scan.meta.issuer_chain = tuple(n for n, _ in reversed(names))


def _issuer_pieces(scan: Scan, start: int, end: int, anchors: list[tuple[int, int]]) -> list[tuple[str, Span]]:
    pieces: list[tuple[str, Span]] = []
    for i in range(start, end):
        if scan.blank(i):
            continue
        for sp in segments(scan.text, scan.lines[i].line.content):
            for free in _subtract(sp, anchors):
                value = clean(scan.text[free.start : free.end])
                if len(P.LETTER.findall(value)) >= 2 and mostly_upper(value):
                    pieces.append((value, free))
                    scan.kind(i, FurnitureKind.HEADER)
    return pieces


def _issuing_bodies(pieces: list[tuple[str, Span]]) -> list[tuple[str, Span]]:
    """The pieces joined into bodies, top down: a piece that opens with an organ ("BAN", "ĐẢNG
    BỘ", "ỦY BAN") starts a body, except inside a congress name ("ĐẠI HỘI … LẦN THỨ XX")."""
    units: list[tuple[list[str], Span]] = []
    congress_open = False
    for value, sp in pieces:
        folded = fold_accents(value, punctuation=True).upper()
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
    return [(" ".join(words), sp) for words, sp in units]


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

"""The title block under the header: type line, title, subtitle, draft mark, "Kính gửi:"."""

from __future__ import annotations

from vnreport.layout import codes
from vnreport.layout.scan import Scan, clean, is_marker_line, lines_span, mostly_upper, split_items
from vnreport.lines.classify import Role
from vnreport.lines.split import LineKind
from vnreport.model import Span
from vnreport.rules import furniture as P


def read_title(scan: Scan, start: int, limit: int, expect: bool) -> tuple[int, bool]:
    """Type line, title, subtitle, draft mark, "Kính gửi:"; return (body start, title found)."""
    text = scan.text
    title: list[Span] = []
    subtitle: list[Span] = []
    title_upper = False
    type_alone = False
    i = start
    body = start
    if start < limit and not scan.blank(start):
        content = scan.content(start)
        m = P.TYPE_LINE.match(codes.fold(content))
        if m is not None:
            c0 = scan.lines[start].line.content.start
            tsp = Span(c0 + m.start("type"), c0 + m.end("type"))
            scan.meta.type_line = (clean(text[tsp.start : tsp.end]), tsp)
            if m.start("draft") >= 0:
                scan.meta.draft.offer(True, Span(c0 + m.start("draft"), c0 + m.end("draft")))
            rest = clean(content[m.end() :])
            rest_is_subtype = _is_subtype(clean(text[tsp.start : tsp.end]), rest)
            if rest_is_subtype:
                scan.meta.type_line = (
                    clean(content[m.start("type") :]),
                    Span(tsp.start, scan.lines[start].line.content.end),
                )
            if not P.LETTER.search(rest) or rest_is_subtype:
                type_alone = True
            else:  # "BÁO CÁO CHÍNH TRỊ CỦA …": the type opens the title itself
                title.append(scan.lines[start].line.content)
                title_upper = mostly_upper(clean(content))
            scan.kind(start, "title")
            i = start + 1
    if not expect and not type_alone:  # noqa: SIM102 - the comment belongs to the inner test
        # No header and no type line: only an upper-case first line can be a title.
        if not (start < limit and mostly_upper(clean(scan.content(start))) and not is_marker_line(scan, start)):
            return _skip_blank(scan, start, limit), False
    while i < limit:
        cl = scan.lines[i]
        if cl.line.kind is LineKind.BLANK:
            i += 1
            continue
        content = scan.content(i)
        folded = scan.folded(i)
        cleaned = clean(content)
        if cl.line.kind in (LineKind.RULE, LineKind.STAR) or (not P.LETTER_OR_DIGIT.search(cleaned) and cleaned != ""):
            scan.kind(i, "title")
            i += 1
            if title or subtitle:
                break
            continue
        if not cleaned:  # markup only ("** **", "|")
            scan.kind(i, "title")
            i += 1
            continue
        if P.RULE_GLUED.match(content):
            break
        if P.DRAFT.match(folded):
            m = P.DRAFT.match(folded)
            assert m is not None
            c0 = cl.line.content.start
            scan.meta.draft.offer(True, Span(c0 + m.start("draft"), c0 + m.end("draft")))
            scan.kind(i, "title")
            i += 1
            continue
        if P.ADDRESSEES.match(folded):
            i = _read_addressees(scan, i, limit)
            break
        if P.PREAMBLE.match(folded) or (cl.marker is not None and cl.role is not Role.TEXT):
            break
        if cleaned.startswith("(") and (title or type_alone):
            end = _paren_block(scan, i, limit)
            if end is None:
                break
            subtitle = [lines_span(scan, i, end)]
            for j in range(i, end):
                scan.kind(j, "title")
            i = end
            continue
        # A line without letters ("2026 - 2030") has no case: it continues the run it is in.
        upper = mostly_upper(cleaned) or (bool(title) and title_upper and not P.LETTER.search(cleaned))
        if subtitle:
            break
        if upper and (not title or title_upper) and len(cleaned) <= 300:
            title.append(cl.line.content)
            title_upper = True
            scan.kind(i, "title")
            i += 1
            continue
        if not title and type_alone and _is_summary_line(cleaned):
            end = _summary_end(scan, i, limit, strict=False)
            title.append(lines_span(scan, i, end))
            for j in range(i, end):
                scan.kind(j, "title")
            i = end
            continue
        if title and title_upper and _is_summary_line(cleaned):
            end = _summary_end(scan, i, limit, strict=True)
            if end > i:
                subtitle = [lines_span(scan, i, end)]
                for j in range(i, end):
                    scan.kind(j, "title")
                i = end
                continue
        break
    body = _skip_blank(scan, i, limit)
    for j in range(start, body):
        if scan.lines[j].line.kind is not LineKind.BLANK:
            scan.kind(j, "title")
    if title:
        sp = Span(title[0].start, title[-1].end)
        scan.meta.title.offer(_join(text, title), sp)
    if subtitle:
        scan.meta.subtitle.offer(_join(text, subtitle), subtitle[0])
    return body, bool(title or type_alone)


def _is_subtype(type_name: str, rest: str) -> bool:
    t = codes.doc_type_for_name(type_name, None)
    if t is None or not rest:
        return False
    key = codes.fold_tones(rest).casefold()
    return any(key == codes.fold_tones(sub).casefold() for sub in codes.SUBTYPES.get(t.name, ()))


def _is_summary_line(cleaned: str) -> bool:
    """A line of a mixed-case summary: short, and not a sentence that ends a paragraph."""
    return (len(cleaned) <= 160 and not cleaned.endswith((":", ".", ";"))) or cleaned.endswith(")")


def _summary_end(scan: Scan, start: int, limit: int, strict: bool) -> int:
    """End of a mixed-case summary run. Strict (a subtitle under an upper-case title): only when a
    rule or draft mark closes the run within 8 short lines; lenient: up to 4 summary lines."""
    i = start
    taken = 0
    last = start
    while i < limit and taken < 8:
        if scan.blank(i):
            i += 1
            continue
        cl = scan.lines[i]
        content = scan.content(i)
        folded = scan.folded(i)
        if cl.line.kind in (LineKind.RULE, LineKind.STAR) or P.RULE_GLUED.match(content) or P.DRAFT.match(folded):
            return last + 1 if taken else start
        if P.PREAMBLE.match(folded) or P.ADDRESSEES.match(folded) or is_marker_line(scan, i):
            return start if strict else last + 1
        if not _is_summary_line(clean(content)) or len(content) > 160:
            return start if strict else last + 1
        taken += 1
        last = i
        i += 1
        if not strict and taken >= 4:
            return last + 1
    return start if strict else last + 1


def _paren_block(scan: Scan, start: int, limit: int) -> int | None:
    """Lines of a parenthesised subtitle "(Báo cáo … ⏎ … 2025)"; None if it never closes."""
    for i in range(start, min(limit, start + 12)):
        if scan.blank(i):
            continue
        cleaned = clean(scan.content(i))
        if len(cleaned) > 400:
            return None
        if cleaned.endswith(")"):
            return i + 1
    return None


def _read_addressees(scan: Scan, start: int, limit: int) -> int:
    """ "Kính gửi: A" or "Kính gửi:" over "- A;" lines; return the position after the block."""
    text = scan.text
    c = scan.lines[start].line.content
    m = P.ADDRESSEES.match(codes.fold(text[c.start : c.end]))
    assert m is not None
    scan.kind(start, "addressees")
    items: list[tuple[str, Span]] = []
    rest = Span(c.start + m.start("rest"), c.end)
    if clean(text[rest.start : rest.end]):
        items.extend(split_items(text, rest))
    i = start + 1
    while i < limit:
        if scan.blank(i):
            i += 1
            continue
        item = P.RECIPIENT_ITEM.match(scan.content(i))
        if item is None or len(scan.content(i)) > 200:
            break
        items.extend(split_items(text, scan.lines[i].line.content))
        scan.kind(i, "addressees")
        i += 1
    if items:
        parts = enumerate(sp for _, sp in items)
        scan.meta.addressees.offer(tuple(v for v, _ in items), Span(c.start, items[-1][1].end), parts)
    return i


def _join(text: str, spans: list[Span]) -> str:
    return " ".join(clean(text[sp.start : sp.end]) for sp in spans)


def _skip_blank(scan: Scan, i: int, limit: int) -> int:
    while i < limit and (
        scan.blank(i) or scan.lines[i].line.kind in (LineKind.RULE, LineKind.STAR) or not clean(scan.content(i))
    ):
        if not scan.blank(i):
            scan.kind(i, "title")
        i += 1
    return i

"""The closing matter: the "Nơi nhận:" list and the signature, interleaved or not."""

from __future__ import annotations

from vnreport.layout import codes
from vnreport.layout.scan import (
    Scan,
    clean,
    is_marker_line,
    is_page_furniture,
    is_repeated,
    mostly_upper,
    segments,
    split_items,
)
from vnreport.lines.classify import Role
from vnreport.model import Signature, Span
from vnreport.rules import furniture as P
from vnreport.rules.shapes import LOWER as SHAPE_LOWER

#: Lines the closing block may span (the interleaved lists of corpus 09 take about 20).
CLOSING_WINDOW = 80


def read_closing(scan: Scan, body_start: int, limit: int) -> tuple[int, int] | None:
    """Find and read the closing block; return its positions ``[c0, c1)``."""
    if body_start >= limit:
        return None
    c0 = _closing_candidate(scan, body_start, limit)
    if c0 is None:
        c0 = _bare_signature(scan, body_start, limit)
        if c0 is None:
            return None
    c1 = _read_closing_block(scan, c0, limit)
    # A markdown table opens before the label ("|", "* *"): that markup belongs to the closing.
    while True:
        j = c0 - 1
        while j > body_start and scan.blank(j):
            j -= 1
        if j <= body_start or scan.blank(j) or clean(scan.content(j)):
            return c0, c1
        scan.kind(j, "closing")
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


def _closing_candidate(scan: Scan, body_start: int, limit: int) -> int | None:
    """The first line that opens the closing matter, read line by line over the body."""
    text = scan.text
    for i in range(body_start, limit):
        line = scan.lines[i].line
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


def _bare_signature(scan: Scan, body_start: int, limit: int) -> int | None:
    """A collective signing without a mark ("BAN CHẤP HÀNH ĐẢNG BỘ TỈNH", corpus 01, 02, 04):
    upper-case lines after the last paragraph, before an appendix or the end."""
    end = _appendix_start(scan, body_start, limit) or limit
    i = end - 1
    group: list[int] = []
    while i >= body_start and len(group) <= 3:
        if scan.blank(i) or is_page_furniture(scan, i) or (not group and is_repeated(scan, i)):
            i -= 1
            continue
        cleaned = clean(scan.content(i))
        if mostly_upper(cleaned) and len(cleaned) <= 90 and not is_marker_line(scan, i):
            group.append(i)
            i -= 1
            continue
        break
    if not group or len(group) > 3 or i < body_start:
        return None
    first = group[-1]
    folded = codes.fold(clean(scan.content(first))).upper()
    if not (P.ORG_HEAD.match(folded) or P.SIGNER_POSITION.match(folded)):
        return None
    previous = clean(scan.content(i))
    if is_marker_line(scan, i) and scan.lines[i].role is Role.HEADING:
        return None
    if not (previous.endswith((".", "!", "?", "…", "”", '"', ")")) or len(previous) > 60):
        return None
    return first


def _appendix_start(scan: Scan, start: int, limit: int) -> int | None:
    text = scan.text
    for i in range(start, limit):
        c = scan.lines[i].line.content
        if c.start < c.end and text[c.start] in "PpBM*_#|" and P.APPENDIX.match(codes.fold(text[c.start : c.end])):
            return i
    return None


def appendix_follows(scan: Scan, start: int, limit: int) -> bool:
    """An appendix heading ("PHỤ LỤC", "Phụ lục I", "BIỂU MẪU") after the closing block: the
    appendix stays in the body. Anything else after the signature is trailing furniture."""
    return _appendix_start(scan, start, limit) is not None


def _read_closing_block(scan: Scan, c0: int, limit: int) -> int:
    """Read recipients and signature lines from ``c0``; return the position after the block.

    Lines are read one segment at a time (a layout line holds both columns), and each segment is
    classified on its own, so lists and signatures that arrive interleaved (corpus 08, 09, 11)
    untangle: recipients are the "-" items and their continuation lines, the signature the
    upper-case lines from the authority mark on, and the capitalised name.
    """
    text = scan.text
    recipients: list[list[Span]] = []  # each recipient: its pieces (continuation lines)
    open_item = False
    label: Span | None = None
    signer: list[tuple[str, Span]] = []  # upper-case signature lines, in order
    name: Span | None = None
    end = c0
    i = c0
    done = False
    while i < limit and i < c0 + CLOSING_WINDOW and not done:
        if scan.blank(i):
            i += 1
            continue
        if is_page_furniture(scan, i):
            scan.kind(i, "page-number")
            i += 1
            continue
        content = scan.content(i)
        if (name is not None and label is not None and not open_item) or (
            content[:1] in "PpBM*_#|" and P.APPENDIX.match(scan.folded(i))
        ):
            break
        if name is not None and signer and label is None:
            break
        consumed = False
        for seg in segments(text, scan.lines[i].line.content):
            s = text[seg.start : seg.end]
            cleaned = clean(s)
            if not cleaned:
                consumed = True
                continue
            item = P.RECIPIENT_ITEM.match(s)
            if item is not None and (label is not None or recipients or P.RECIPIENT_RUN.match(s)):
                for _, sp in split_items(text, seg):
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
                if clean(text[rest.start : rest.end]):
                    for _, sp in split_items(text, rest):
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
            if recipients and (open_item or starts_lower) and not mostly_upper(cleaned):
                parts = split_items(text, seg)
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
            if mostly_upper(cleaned) and len(cleaned) <= 90 and (signer or i == c0 or label is not None):
                signer.append(("upper", seg))
                consumed = True
                continue
            if not consumed and i > c0:
                done = True
            break
        if done and is_repeated(scan, i):
            scan.kind(i, "watermark")
            done = False
            i += 1
            continue
        if done:
            break
        scan.kind(i, "closing")
        end = i + 1
        i += 1
    _set_recipients(scan, label, recipients)
    _set_signature(scan, signer, name)
    return end


def _closed(text: str, sp: Span) -> bool:
    return text[sp.start : sp.end].rstrip(" *_|").endswith((",", ";", ".", ":"))


def _set_recipients(scan: Scan, label: Span | None, recipients: list[list[Span]]) -> None:
    if not recipients:
        return
    values = [" ".join(clean(scan.text[p.start : p.end]) for p in pieces) for pieces in recipients]
    start = min(label.start, recipients[0][0].start) if label is not None else recipients[0][0].start
    items = enumerate(Span(pieces[0].start, pieces[-1].end) for pieces in recipients)
    scan.meta.recipients.offer(tuple(values), Span(start, recipients[-1][-1].end), items)


def _set_signature(scan: Scan, signer: list[tuple[str, Span]], name: Span | None) -> None:
    """Authority groups (a mark and its continuation lines) and the position, then the name."""
    text = scan.text
    if any(kind == "auth" for kind, _ in signer):
        first = next(k for k, (kind, _) in enumerate(signer) if kind == "auth")
        signer = signer[first:]
    groups: list[tuple[str, list[Span]]] = []
    pending: list[Span] = []
    for kind, sp in signer:
        value = clean(text[sp.start : sp.end])
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
        value = " ".join(clean(text[sp.start : sp.end]) for sp in spans)
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
            value = " ".join(clean(text[sp.start : sp.end]) for sp in spans)
            fields[key] = (value, Span(spans[0].start, spans[-1].end))
    if name is not None:
        fields["name"] = (clean(text[name.start : name.end]), name)
    all_spans = [sp for _, sp in fields.values()]
    whole = Span(min(s.start for s in all_spans), max(s.end for s in all_spans))
    signature = Signature(
        fields.get("authority", (None,))[0],
        fields.get("position", (None,))[0],
        fields.get("name", (None,))[0],
        whole,
    )
    scan.meta.signature.offer(signature, whole, [(key, sp) for key, (_, sp) in fields.items()])

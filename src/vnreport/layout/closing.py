"""The closing matter: the "Nơi nhận:" list and the signature, interleaved or not."""

from __future__ import annotations

import attrs
from attrs import define, frozen

from vnreport.layout.header import set_date
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
from vnreport.model import FurnitureKind, Signature, Span
from vnreport.rules import furniture as P
from vnreport.rules.shapes import LOWER as SHAPE_LOWER
from vnreport.text.folds import fold_accents

#: Lines the closing block may span (the interleaved lists of corpus 09 take about 20).
CLOSING_WINDOW = 80
#: Non-blank lines at the end of the body looked at for a law's adoption line.
ADOPTION_WINDOW = 12
#: A post is written on at most this many lines ("PHÓ⏎TRƯỞNG BAN").
POST_LINES = 3
#: Spaces between the list's column and the signature's on one ``-layout`` line: wider than the
#: gaps a justified or ragged line of the list itself can hold (SEGMENT_BREAK splits at 3).
COLUMN_GAP = 8


def read_adoption_date(scan: Scan, body_start: int, end: int) -> None:
    """A document whose header has no date (a law) is dated by its adoption line at the end of
    the body ("… thông qua ngày 30 tháng 11 năm 2024"); only the last lines are looked at."""
    if scan.meta.date.value is not None:
        return
    seen = 0
    for i in range(end - 1, body_start - 1, -1):
        if scan.blank(i):
            continue
        seen += 1
        if seen > ADOPTION_WINDOW:
            return
        folded = scan.folded(i)
        if "thong qua" not in folded.lower():
            continue
        m = P.ADOPTION_DATE.search(folded)
        if m is not None and m.start("year") >= 0:
            set_date(scan, m, None, scan.lines[i].content_start)
            return


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
        scan.kind(j, FurnitureKind.CLOSING)
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
        if text.startswith(_CLOSING_PREFIXES, c.start) and P.CLOSING_START.match(text, line.start, c.end):
            return i
        if (
            text[c.start] in "-–"
            and text.find("Lưu", c.start, c.end) >= 0
            and P.RECIPIENT_RUN.match(text, line.start, c.end)
        ):
            return i
    return None


def _bare_signature(scan: Scan, body_start: int, limit: int) -> int | None:
    """A collective signing without a mark ("BAN CHẤP HÀNH ĐẢNG BỘ TỈNH", corpus 01, 02, 04):
    upper-case lines after the last paragraph, before an appendix or the end."""
    end = _appendix_start(scan, body_start, limit) or limit
    group, before = _trailing_upper_lines(scan, body_start, end)
    if not group or len(group) > 3 or before < body_start:
        return None
    first = group[-1]
    folded = fold_accents(clean(scan.content(first)), punctuation=True).upper()
    if not (P.ORG_HEAD.match(folded) or P.SIGNER_POSITION.match(folded)):
        return None
    return first if _ends_paragraph(scan, before) else None


def _trailing_upper_lines(scan: Scan, body_start: int, end: int) -> tuple[list[int], int]:
    """Up to four short upper-case lines before ``end``, last first, and the position of the line
    before them (page numbers and a watermark under them are passed over)."""
    i = end - 1
    group: list[int] = []
    while i >= body_start and len(group) <= 3:
        if scan.blank(i) or is_page_furniture(scan, i) or (not group and is_repeated(scan, i)):
            i -= 1
            continue
        cleaned = clean(scan.shown(i))
        if not (mostly_upper(cleaned) and len(cleaned) <= 90 and not is_marker_line(scan, i)):
            break
        group.append(i)
        i -= 1
    return group, i


def _ends_paragraph(scan: Scan, i: int) -> bool:
    """Line ``i`` ends a paragraph (so what follows it is not a heading's continuation)."""
    if is_marker_line(scan, i) and scan.lines[i].role is Role.HEADING:
        return False
    previous = clean(scan.content(i))
    return previous.endswith((".", "!", "?", "…", "”", '"', ")")) or len(previous) > 60


def _is_appendix_heading(scan: Scan, i: int) -> bool:
    c = scan.lines[i].line.content
    if not (c.start < c.end and scan.text[c.start] in "PpBM*_#|"):
        return False
    if P.APPENDIX.match(scan.folded(i)) is not None or _is_attached_document(scan, i):
        return True
    # A crawl may break the heading after its first word ("**PHỤ ⏎ LỤC**", "**Phụ ⏎ lục I**").
    j = i + 1
    if len(clean(scan.content(i))) > MAX_FIRST_WORD or j >= len(scan.lines) or scan.blank(j):
        return False
    return P.APPENDIX.match(scan.folded(i) + "\n" + scan.folded(j)) is not None


def _is_attached_document(scan: Scan, i: int) -> bool:
    """A document type alone on a line with "(Ban hành kèm theo …)" under its title: a
    regulation the decision enacts, body after the signature (a type word alone is not enough:
    "DANH MỤC" may head a table of the closing block)."""
    if P.ATTACHED_DOCUMENT.match(scan.folded(i)) is None:
        return False
    below = [scan.folded(j) for j in range(i + 1, min(len(scan.lines), i + 1 + ATTRIBUTION_WINDOW))]
    return P.ATTACHED_BY.search("\n".join(below)) is not None


#: Lines under an attached document's type within which its attribution stands (a title of up
#: to four lines, blank lines between).
ATTRIBUTION_WINDOW = 8

#: Characters of a line that holds only the first word of a broken appendix heading ("PHỤ", "BIỂU").
MAX_FIRST_WORD = 5


def _appendix_start(scan: Scan, start: int, limit: int) -> int | None:
    for i in range(start, limit):
        if _is_appendix_heading(scan, i):
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
    block, end = _read_block(scan, c0, limit)
    _set_recipients(scan, block.label, block.recipients)
    _set_signature(scan, block.signer, block.name)
    return end


def read_closing_lines(scan: Scan, c0: int, limit: int) -> int:
    """The lines of a closing block from ``c0``, marked closing matter, with none of its values
    taken: a form's "Nơi nhận:" and signature in an appendix are the form's blanks, not the
    document's. Returns the position after the block."""
    return _read_block(scan, c0, limit)[1]


def _read_block(scan: Scan, c0: int, limit: int) -> tuple[_ClosingBlock, int]:
    block = _ClosingBlock(scan, c0)
    end = c0
    for i in range(c0, min(limit, c0 + CLOSING_WINDOW)):
        if scan.blank(i):
            continue
        if is_page_furniture(scan, i):
            scan.kind(i, FurnitureKind.PAGE_NUMBER)
            continue
        if block.complete() or _is_appendix_heading(scan, i):
            break
        if block.read_line(i):
            scan.kind(i, FurnitureKind.CLOSING)
            end = i + 1
        elif is_repeated(scan, i):
            scan.kind(i, FurnitureKind.WATERMARK)
        else:
            break
    return block, end


@frozen
class _Segment:
    """One column of a closing line."""

    span: Span
    text: str
    cleaned: str
    folded: str
    upper: bool
    """Shown in capitals (the source's capitals counted: :attr:`Scan.shown_text`)."""
    beside: bool = False
    """Set beside a column on its left, across a gap of spaces (a ``-layout`` line)."""


@define
class _ClosingBlock:
    """The closing block read so far."""

    scan: Scan
    first: int
    """Position of the line that opened the block."""
    recipients: list[list[Span]] = attrs.field(factory=list)
    """Each recipient: its pieces (continuation lines)."""
    open_item: bool = False
    """The last recipient does not end with punctuation: a next lower-case line continues it."""
    label: Span | None = None
    signer: list[tuple[str, Span]] = attrs.field(factory=list)
    """Upper-case signature lines in order, "auth" (an authority mark) or "upper"."""
    name: Span | None = None

    def complete(self) -> bool:
        """The name closes the block once the list is closed, or when there is no list."""
        if self.name is None:
            return False
        return (self.label is not None and not self.open_item) or (bool(self.signer) and self.label is None)

    def read_line(self, i: int) -> bool:
        """Take the segments of line ``i``; False if the line is not closing matter at all."""
        text = self.scan.text
        taken = False
        last = -1
        for sp in segments(text, self.scan.lines[i].line.content):
            s = text[sp.start : sp.end]
            upper = mostly_upper(clean(self.scan.shown_text[sp.start : sp.end]))
            gap = text[last : sp.start] if last >= 0 else ""
            beside = len(gap) >= COLUMN_GAP and gap.isspace()
            if not self._take(_Segment(sp, s, clean(s), fold_accents(s, punctuation=True), upper, beside), i):
                return taken or i == self.first
            taken = True
            last = sp.end
        return True

    def _take(self, seg: _Segment, i: int) -> bool:
        return (
            not seg.cleaned
            or self._take_item(seg)
            or self._take_label(seg)
            or self._take_authority(seg)
            or bool(P.SIGNED_MARK.match(seg.text) or P.TYPIST_REFERENCE.match(seg.text))
            or self._take_continuation(seg)
            or self._take_placeholder(seg)
            or self._take_name(seg)
            or self._take_signer_line(seg, i)
        )

    def _take_item(self, seg: _Segment) -> bool:
        """A "-" item, once the list has started (or in a run of items "- Như trên; - Lưu …")."""
        if P.RECIPIENT_ITEM.match(seg.text) is None:
            return False
        if self.label is None and not self.recipients and not P.RECIPIENT_RUN.match(seg.text):
            return False
        self._add_items(seg.span)
        return True

    def _take_label(self, seg: _Segment) -> bool:
        """ "Nơi nhận:", and the items written after it on the same line."""
        m = P.RECIPIENTS_LABEL.match(seg.folded)
        if m is None:
            return False
        if self.label is None:
            self.label = Span(seg.span.start + m.start("label"), seg.span.start + m.end())
        rest = Span(seg.span.start + m.end(), seg.span.end)
        if clean(self.scan.text[rest.start : rest.end]):
            self._add_items(rest)
        return True

    def _take_authority(self, seg: _Segment) -> bool:
        """An authority mark: "T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH"."""
        if not P.SIGNATURE_AUTHORITY.match(seg.folded):
            return False
        self.signer.append(("auth", seg.span))
        return True

    def _take_continuation(self, seg: _Segment) -> bool:
        """The rest of an open recipient, or a lower-case line under the list."""
        starts_lower = bool(SHAPE_LOWER.match(seg.cleaned[:1]))
        if not self.recipients or not (self.open_item or starts_lower) or seg.upper or self._filed():
            return False
        if seg.beside:
            # The signature's column beside the list (a seal's OCR "riMb .nY" next to "- Các đảng
            # bộ …,"): a recipient wraps onto the next line's start, never across a column gap.
            return False
        parts = split_items(self.scan.text, seg.span)
        if parts:
            self.recipients[-1].append(parts[0][1])
            for _, sp in parts[1:]:
                self.recipients.append([sp])
            self.open_item = not _closed(self.scan.text, self.recipients[-1][-1])
        return True

    def _take_placeholder(self, seg: _Segment) -> bool:
        """A form's "…" line among its recipients ("- Như trên;⏎…⏎- Lưu: VT, …"): the entries
        its user adds, no recipient of its own."""
        return bool(self.recipients) and not seg.cleaned.strip(".…")

    def _filed(self) -> bool:
        """The list ended with its closed filing entry ("- Lưu VT.")."""
        if self.open_item:
            return False
        last = self.recipients[-1][0]
        return P.FILING_ENTRY.match(fold_accents(self.scan.text[last.start : last.end], punctuation=True)) is not None

    def _take_name(self, seg: _Segment) -> bool:
        """The signer's name, once a signature or list has started."""
        m = P.SIGNER_NAME.match(seg.text)
        if m is None or not (self.signer or self.label is not None or self.recipients):
            return False
        self.name = Span(seg.span.start + m.start("name"), seg.span.start + m.end("name"))
        return True

    def _take_signer_line(self, seg: _Segment, i: int) -> bool:
        """An upper-case signature line: a position, or the body signing collectively."""
        if not (seg.upper and len(seg.cleaned) <= 90):
            return False
        if not (self.signer or i == self.first or self.label is not None):
            return False
        self.signer.append(("upper", seg.span))
        return True

    def _add_items(self, span: Span) -> None:
        text = self.scan.text
        for _, sp in split_items(text, span):
            self.recipients.append([sp])
        self.open_item = not _closed(text, self.recipients[-1][-1]) if self.recipients else False


def _closed(text: str, sp: Span) -> bool:
    return text[sp.start : sp.end].rstrip(" *_|").endswith((",", ";", ".", ":"))


def _set_recipients(scan: Scan, label: Span | None, recipients: list[list[Span]]) -> None:
    if not recipients:
        return
    values = [_joined(scan.text, pieces)[0] for pieces in recipients]
    start = min(label.start, recipients[0][0].start) if label is not None else recipients[0][0].start
    items = enumerate(Span(pieces[0].start, pieces[-1].end) for pieces in recipients)
    scan.meta.recipients.offer(tuple(values), Span(start, recipients[-1][-1].end), items)


def _set_signature(scan: Scan, signer: list[tuple[str, Span]], name: Span | None) -> None:
    """Authority groups (a mark and its continuation lines) and the position, then the name."""
    text = scan.text
    groups = _signature_groups(text, signer)
    authority = _joined_or_none(text, [sp for kind, g in groups if kind == "auth" for sp in g])
    position = _joined_or_none(text, [sp for kind, g in groups if kind == "position" for sp in g])
    named = (clean(text[name.start : name.end]), name) if name is not None else None
    found = {key: line for key, line in (("authority", authority), ("position", position), ("name", named)) if line}
    if not found:
        return
    whole = Span(min(sp.start for _, sp in found.values()), max(sp.end for _, sp in found.values()))
    signature = Signature(_value(authority), _value(position), _value(named), whole)
    scan.meta.signature.offer(signature, whole, [(key, sp) for key, (_, sp) in found.items()])


def _signature_groups(text: str, signer: list[tuple[str, Span]]) -> list[tuple[str, list[Span]]]:
    """The signature lines from the first authority mark on, grouped: each "auth" group a mark and
    its continuation lines, each "position" group a post ("CHỦ TỊCH", "BÍ THƯ")."""
    first = next((k for k, (kind, _) in enumerate(signer) if kind == "auth"), 0)
    groups: list[tuple[str, list[Span]]] = []
    pending: list[Span] = []  # "PHÓ" over "CHỦ TỊCH": a dangling word waits for its post
    for kind, sp in signer[first:]:
        folded = fold_accents(clean(text[sp.start : sp.end]), punctuation=True).upper()
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
        folded = fold_accents(_joined(text, spans)[0], punctuation=True).upper()
        groups = [("position" if P.SIGNER_POSITION.match(folded) else "auth", spans)]
    elif first and not any(kind == "position" for kind, _ in groups):
        groups.extend(_post_before_mark(text, [sp for _, sp in signer[:first]]))
    return groups


def _post_before_mark(text: str, spans: list[Span]) -> list[tuple[str, list[Span]]]:
    """The signer's post read before the authority mark, when it is nothing but a post: a post
    the page sets in the recipients' column ("PHÓ⏎TRƯỞNG BAN" beside "- Ban Bí thư", 09's PDF)
    comes first where the left column is read first."""
    folded = fold_accents(_joined(text, spans)[0], punctuation=True).upper()
    return [("position", spans)] if len(spans) <= POST_LINES and P.SIGNER_POSITION.match(folded) else []


def _joined(text: str, spans: list[Span]) -> tuple[str, Span]:
    """Lines read as one: their cleaned text joined, and the span from the first to the last."""
    return " ".join(clean(text[sp.start : sp.end]) for sp in spans), Span(spans[0].start, spans[-1].end)


def _joined_or_none(text: str, spans: list[Span]) -> tuple[str, Span] | None:
    return _joined(text, spans) if spans else None


def _value(line: tuple[str, Span] | None) -> str | None:
    return line[0] if line is not None else None

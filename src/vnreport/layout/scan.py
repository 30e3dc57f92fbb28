"""The state of one furniture read and the line helpers every reader of it shares."""

from __future__ import annotations

from collections.abc import Sequence

from vnreport.layout.metadata import MetadataDraft
from vnreport.layout.page_numbers import page_number
from vnreport.lines.classify import ClassifiedLine, Role
from vnreport.lines.split import LineKind
from vnreport.model import Diagnostic, DiagnosticCode, FurnitureKind, Severity, Span
from vnreport.rules import furniture as P
from vnreport.rules.shapes import LOWER as SHAPE_LOWER
from vnreport.rules.shapes import UPPER as SHAPE_UPPER
from vnreport.text.folds import fold_accents


class Scan:
    """What one read has found so far: the metadata being assembled, a furniture kind per line,
    diagnostics; and the lines read, with their accent-folded content cached."""

    def __init__(
        self,
        text: str,
        lines: Sequence[ClassifiedLine],
        centred: frozenset[int] = frozenset(),
        italic: frozenset[int] = frozenset(),
        shown: str | None = None,
    ) -> None:
        self.text = text
        self.lines = lines
        self.centred = centred
        """The lines the source centres (HTML, DOCX; none in plain text)."""
        self.italic = italic
        """The lines the source sets in italics (HTML, DOCX; none in plain text)."""
        self.shown_text = shown if shown is not None else text
        """The text as the source displays it: what the capitals are read from (the lines the
        source shows in capitals are capitals here; :mod:`vnreport.lines.shown`)."""
        self.meta = MetadataDraft()
        self.kinds: dict[int, FurnitureKind] = {}
        self.diagnostics: list[Diagnostic] = []
        self._folded: dict[int, str] = {}

    def kind(self, i: int, kind: FurnitureKind) -> None:
        self.kinds.setdefault(i, kind)

    def content(self, i: int) -> str:
        line = self.lines[i].line
        return self.text[line.content_start : line.content_end]

    def shown(self, i: int) -> str:
        """The content of line ``i`` as the source displays it (capitals where it shows capitals)."""
        c = self.lines[i].line.content
        return self.shown_text[c.start : c.end]

    def folded(self, i: int) -> str:
        """The accent-folded content of line ``i`` (cached: several readers ask for it)."""
        value = self._folded.get(i)
        if value is None:
            value = self._folded[i] = fold_accents(self.content(i), punctuation=True)
        return value

    def blank(self, i: int) -> bool:
        return self.lines[i].kind is LineKind.BLANK

    def diagnose(self, code: DiagnosticCode, message: str, span: Span, severity: Severity = Severity.WARNING) -> None:
        self.diagnostics.append(Diagnostic(code, message, span, severity))


def clean(value: str) -> str:
    """Markup and runs of spaces out: "**ỦY BAN NHÂN⏎DÂN **" → "ỦY BAN NHÂN DÂN"."""
    return " ".join(P.MARKUP.sub(" ", value).split())


def trim(text: str, sp: Span) -> Span:
    s, e = sp.start, sp.end
    while s < e and (text[s].isspace() or text[s] in "*_|"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in "*_|"):
        e -= 1
    return Span(s, e)


def lines_span(scan: Scan, start: int, end: int) -> Span:
    """Content span from line ``start`` to line ``end - 1`` (blank lines at either end ignored)."""
    while start < end - 1 and scan.blank(start):
        start += 1
    while end - 1 > start and scan.blank(end - 1):
        end -= 1
    return Span(scan.lines[start].content_start, scan.lines[end - 1].content_end)


def mostly_upper(value: str) -> bool:
    """Upper case, allowing a little OCR damage ("TiNH UY THAI NGUYEN")."""
    if value.isupper():
        first = SHAPE_UPPER.search(value)
        return first is not None and SHAPE_UPPER.search(value, first.end()) is not None
    if value.islower() or len(value) > 400 or not SHAPE_UPPER.search(value):
        return False
    upper = len(SHAPE_UPPER.findall(value))
    lower = len(SHAPE_LOWER.findall(value))
    return upper >= 2 and lower * 8 <= upper


def is_prose(content: str) -> bool:
    if mostly_upper(content):
        return False
    return len(content) > 150 or (content.endswith((".", ":", ";")) and len(content) > 60)


def is_page_furniture(scan: Scan, i: int) -> bool:
    """A page number alone on its line."""
    return page_number(scan.content(i), with_total=False) is not None


def is_repeated(scan: Scan, i: int) -> bool:
    """A line repeated verbatim on many pages: a watermark or running footer (corpus 09).
    Costs a scan of the text, so it is asked only of lines nothing else explains."""
    content = scan.content(i)
    if len(content) < 30 or is_marker_line(scan, i):
        return False
    return scan.text.count(content) >= 3


def segments(text: str, content: Span) -> list[Span]:
    """The columns of one line: split at pipes, rules, markdown bold runs and 3+ space gaps."""
    out: list[Span] = []
    pos = content.start
    for m in P.SEGMENT_BREAK.finditer(text, content.start, content.end):
        if m.start() > pos:
            out.append(Span(pos, m.start()))
        pos = m.end()
    if pos < content.end:
        out.append(Span(pos, content.end))
    return [t for t in (trim(text, s) for s in out) if t.end > t.start] or [content]


def is_marker_line(scan: Scan, i: int) -> bool:
    cl = scan.lines[i]
    return cl.marker is not None and cl.role is not Role.TEXT


def split_items(text: str, sp: Span) -> list[tuple[str, Span]]:
    """Items of one line: "- A; - B" → [A, B]; the leading bullet and markup are left out."""
    out: list[tuple[str, Span]] = []
    pos = sp.start
    cuts = [m.start() for m in P.RECIPIENT_SPLIT.finditer(text, sp.start, sp.end)] + [sp.end]
    for cut in cuts:
        piece = trim(text, Span(pos, cut))
        m = P.ITEM_BULLET.match(text, piece.start, piece.end)
        if m is not None:
            piece = trim(text, Span(m.end(), piece.end))
        if piece.end > piece.start and P.LETTER_OR_DIGIT.search(text, piece.start, piece.end):
            out.append((clean(text[piece.start : piece.end]), piece))
        pos = cut
    return out

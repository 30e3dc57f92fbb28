"""Fields derived from what the furniture read: type, issuer code and level, congress context."""

from __future__ import annotations

from attrs import define

from vnreport.layout import codes
from vnreport.layout.metadata import MetadataDraft, SymbolParts
from vnreport.layout.scan import Scan
from vnreport.model import Span
from vnreport.rules import furniture as P
from vnreport.rules.numbers import read_roman
from vnreport.text.folds import fold_accents

#: A code as written, with its span.
_Code = tuple[str, Span]


def derive(scan: Scan) -> None:
    meta = scan.meta
    regime = _regime(meta)
    type_code, issuer_code = _symbol_codes(meta.symbol_parts, regime)
    letter = _official_letter(meta, regime)
    if letter is not None and meta.symbol_parts is not None:
        # "Số: 5348/CT-CS ⏎ V/v …": a công văn's symbol is issuer and unit ("CT" is Cục Thuế,
        # not Chỉ thị); a typed document has a type line over its title instead of "V/v".
        type_code, issuer_code = None, _letter_issuer(meta.symbol_parts)
    doc_type = _written_type(meta, regime)
    # The type code is the one the number line prints ("Số 12-BC/HU"); a document without a
    # number line ("BÁO CÁO" over the title, no "Số") has no code, whatever its type word says.
    if type_code is not None:
        meta.doc_type_code.offer(*type_code)
        by_code = codes.doc_type_for_code(type_code[0], regime)
        if doc_type is None and by_code is not None:
            doc_type = by_code, type_code[1]
    if doc_type is None and type_code is None:
        doc_type = letter
    if doc_type is not None:
        _set_type_name(meta, *doc_type)
    if issuer_code is not None:
        meta.issuer_code.offer(*issuer_code)
    _set_issuer_level(meta, issuer_code)
    _national_title(meta)
    _congress_context(scan)


def _national_title(meta: MetadataDraft) -> None:
    """The title line of the header, whichever regime prints it: a State document's is the
    national title "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (kept in ``state_title`` as well)."""
    if meta.party_title.value is None and meta.state_title.value is not None and meta.state_title.span is not None:
        meta.party_title.offer(meta.state_title.value, meta.state_title.span)


def _regime(meta: MetadataDraft) -> codes.Regime | None:
    """The national title says whose document it is; without one, the form of the number does."""
    if meta.party_title.value is not None:
        return codes.Regime.PARTY
    if meta.state_title.value is not None:
        return codes.Regime.STATE
    return meta.symbol_parts.regime if meta.symbol_parts is not None else None


def _symbol_codes(parts: SymbolParts | None, regime: codes.Regime | None) -> tuple[_Code | None, _Code | None]:
    """(type code, issuer code) of the symbol: Party "BC/HU"; State "BC-UBND", "UBND-VX", "QH15"."""
    if parts is None:
        return None, None
    if parts.regime is codes.Regime.PARTY:
        return (parts.head, parts.head_span), (parts.tail, parts.tail_span)
    head, _, tail = parts.head.partition("-")
    if tail and codes.doc_type_for_code(head, regime) is not None:
        start = parts.head_span.start
        return (head, Span(start, start + len(head))), (tail, parts.head_span)
    if not tail and codes.doc_type_for_code(head, regime) is not None:
        return (head, parts.head_span), None  # a form's blank number "Số: …/QĐ-(3)"
    return None, (head, parts.head_span)  # công văn "UBND-VX", law "QH15"


def _written_type(meta: MetadataDraft, regime: codes.Regime | None) -> tuple[codes.DocType, Span] | None:
    """The type named in words: the type line over the title, else the word before "Số", else a
    parenthesised subtitle that opens with it ("(Báo cáo chính trị của Ban Chấp hành …)")."""
    for written in (meta.type_line, meta.type_prefix, _subtitle_type(meta)):
        if written is not None:
            doc_type = codes.doc_type_for_name(written[0], regime)
            if doc_type is not None:
                return doc_type, written[1]
    return None


def _official_letter(meta: MetadataDraft, regime: codes.Regime | None) -> tuple[codes.DocType, Span] | None:
    """A State công văn prints no type word and no type code: its number ("Số: 11299/VPCP-KGVX")
    stands over the subject "V/v …", which only a công văn carries (reference §7.11)."""
    span = meta.subject_line.span
    if regime is not codes.Regime.STATE or span is None or meta.number.value is None:
        return None
    if meta.type_line is not None or meta.type_prefix is not None:
        return None
    doc_type = codes.doc_type_for_name("Công văn", regime)
    return (doc_type, span) if doc_type is not None else None


def _letter_issuer(parts: SymbolParts) -> _Code:
    head = parts.head.partition("-")[0]
    start = parts.head_span.start
    return head, Span(start, start + len(head))


def _subtitle_type(meta: MetadataDraft) -> tuple[str, Span] | None:
    value, span = meta.subtitle.value, meta.subtitle.span
    if value is None or span is None or not value.startswith("("):
        return None
    return value[1:], span


def _set_type_name(meta: MetadataDraft, doc_type: codes.DocType, span: Span) -> None:
    """The type as printed, in sentence case: the type line ("BÁO CÁO" → "Báo cáo", "BÁO CÁO
    CHÍNH TRỊ" → "Báo cáo chính trị"), or, with none, the subtitle that names the type. The
    title under a bare type word ("BÁO CÁO ⏎ Kiểm điểm công tác …") is not part of it."""
    if meta.type_line is not None:
        written = meta.type_line[0]
    else:
        written = (_subtitle_type(meta) or ("", span))[0]
    name = codes.refine_type_name(doc_type.name, written) if codes.names_type(written, doc_type) else doc_type.name
    meta.doc_type_name.offer(name, span)


def _set_issuer_level(meta: MetadataDraft, issuer_code: _Code | None) -> None:
    code, code_span = issuer_code if issuer_code is not None else (None, None)
    level = codes.issuer_level(code, meta.issuer_chain)
    if level is None:
        return
    where = meta.issuer.span or code_span
    if where is not None:
        meta.issuer_level.offer(level.value, where)


def _congress_context(scan: Scan) -> None:
    """Term, congress ordinal and committee term, read from the issuer, title and subtitle only."""
    meta = scan.meta
    found = _Congress()
    for sp in (*(slot.span for slot in (meta.issuer, meta.parent_issuer, meta.title, meta.subtitle)), meta.authority):
        if sp is not None:
            found.read(fold_accents(scan.text[sp.start : sp.end], punctuation=True), sp.start)
    term = found.term or found.first_term
    if term is not None:
        meta.term.offer(*term)
    if found.ordinal is not None:
        meta.congress_ordinal.offer(found.ordinal[0], found.ordinal[1])
    if found.committee is not None:
        meta.committee_term.offer(*found.committee)


@define
class _Congress:
    """The congress context found so far; the first find of each kind wins."""

    ordinal: tuple[int, Span, int] | None = None
    """The congress ordinal, its span and the end of the phrase that names it."""
    term: tuple[tuple[int, int], Span] | None = None
    """The term written right after the ordinal ("Đại hội XX, nhiệm kỳ 2025 - 2030")."""
    first_term: tuple[tuple[int, int], Span] | None = None
    committee: tuple[int, Span] | None = None

    def read(self, folded: str, base: int) -> None:
        """Read one source, ``folded`` being its folded text, which starts at offset ``base``."""
        self._read_ordinal(folded, base)
        self._read_terms(folded, base)
        self._read_committee(folded, base)

    def _read_ordinal(self, folded: str, base: int) -> None:
        if self.ordinal is not None:
            return
        for m in P.CONGRESS_ORDINAL.finditer(folded):
            value = _ordinal(m.group("n"))
            if value is not None:
                self.ordinal = (value, Span(base + m.start("n"), base + m.end("n")), base + m.end())
                return

    def _read_terms(self, folded: str, base: int) -> None:
        for m in P.TERM.finditer(folded):
            a, b = int(m.group("start")), int(m.group("end"))
            if not (1900 < a < b <= a + 10):
                continue
            found = ((a, b), Span(base + m.start(), base + m.end()))
            if self.first_term is None:
                self.first_term = found
            if self.term is None and self._follows_ordinal(base + m.start()):
                self.term = found

    def _follows_ordinal(self, offset: int) -> bool:
        return self.ordinal is not None and 0 <= offset - self.ordinal[2] <= 8

    def _read_committee(self, folded: str, base: int) -> None:
        if self.committee is not None:
            return
        m = P.COMMITTEE_TERM.search(folded)
        if m is not None:
            value = _ordinal(m.group("n"))
            if value is not None:
                self.committee = (value, Span(base + m.start(), base + m.end()))


def _ordinal(value: str) -> int | None:
    return int(value) if value.isdigit() else read_roman(value)

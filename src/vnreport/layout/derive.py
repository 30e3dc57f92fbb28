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
    doc_type = _written_type(meta, regime)
    if type_code is not None:
        meta.doc_type_code.offer(*type_code)
        by_code = codes.doc_type_for_code(type_code[0], regime)
        if doc_type is None and by_code is not None:
            doc_type = by_code, type_code[1]
    elif doc_type is not None:
        meta.doc_type_code.offer(_code_of(doc_type[0], regime), doc_type[1])
    if doc_type is not None:
        _set_type_name(meta, *doc_type)
    if issuer_code is not None:
        meta.issuer_code.offer(*issuer_code)
    _set_issuer_level(meta, issuer_code)
    _congress_context(scan)


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
    return None, (head, parts.head_span)  # công văn "UBND-VX", law "QH15"


def _written_type(meta: MetadataDraft, regime: codes.Regime | None) -> tuple[codes.DocType, Span] | None:
    """The type named in words: the type line over the title, else the word before "Số"."""
    for written in (meta.type_line, meta.type_prefix):
        if written is not None:
            doc_type = codes.doc_type_for_name(written[0], regime)
            if doc_type is not None:
                return doc_type, written[1]
    return None


def _code_of(doc_type: codes.DocType, regime: codes.Regime | None) -> str | None:
    if doc_type.code is not None and doc_type.name == "Quy định" and regime is codes.Regime.PARTY:
        return "QĐ"  # Party usage since 2019 (corpus 10, 14); QĐi was the 2018 code
    return doc_type.code


def _set_type_name(meta: MetadataDraft, doc_type: codes.DocType, span: Span) -> None:
    written = meta.type_line[0] if meta.type_line is not None else ""
    context = " ".join((written, meta.title.value or "", meta.subtitle.value or ""))
    meta.doc_type_name.offer(codes.refine_type_name(doc_type.name, context), span)


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
    for slot in (meta.issuer, meta.parent_issuer, meta.title, meta.subtitle):
        sp = slot.span
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

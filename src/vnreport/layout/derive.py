"""Fields derived from what the furniture read: type, issuer code and level, congress context."""

from __future__ import annotations

from vnreport.layout import codes
from vnreport.layout.scan import Scan
from vnreport.model import Span
from vnreport.rules import furniture as P

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def derive(scan: Scan) -> None:
    f = scan.fields
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
        scan.set("doc_type_code", type_code[0], type_code[1])
        if doc_type is None and by_code is not None:
            doc_type, type_span = by_code, type_code[1]
    elif doc_type is not None and doc_type.code is not None and type_span is not None:
        code = doc_type.code
        if doc_type.name == "Quy định" and regime is codes.Regime.PARTY:
            code = "QĐ"  # Party usage since 2019 (corpus 10, 14); QĐi was the 2018 code
        scan.set("doc_type_code", code, type_span)
    if doc_type is not None and type_span is not None:
        context = " ".join(
            str(x) for x in (type_line[0] if type_line else "", f.get("title", ""), f.get("subtitle", ""))
        )
        scan.set("doc_type_name", codes.refine_type_name(doc_type.name, context), type_span)
    if issuer_code is not None:
        scan.set("issuer_code", issuer_code[0], issuer_code[1])
    chain: tuple[str, ...] = f.get("_issuer_chain", ())
    level = codes.issuer_level(issuer_code[0] if issuer_code else None, chain)
    if level is not None:
        where = scan.spans.get("issuer") or (issuer_code[1] if issuer_code else None)
        if where is not None:
            scan.set("issuer_level", level.value, where)
    _congress_context(scan)


def _congress_context(scan: Scan) -> None:
    """Term, congress ordinal and committee term, read from the issuer, title and subtitle only."""
    text = scan.text
    sources = [scan.spans[k] for k in ("issuer", "parent_issuer", "title", "subtitle") if k in scan.spans]
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
        scan.set("term", term[0], term[1])
    if ordinal is not None:
        scan.set("congress_ordinal", ordinal[0], ordinal[1])
    if committee is not None:
        scan.set("committee_term", committee[0], committee[1])


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

"""The number a page title prints, for a document without a "Số" line (issue 12 class 9).

A conclusion published as a news page prints no header: its number and issuer code stand only
in the page's title ("# TOÀN VĂN: KẾT LUẬN 155-KL/TW CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ VỀ …", corpus
13). A reader names the document by that number, as they would by its "Số 155-KL/TW" line: the
number, the symbol, and the issuer code the symbol prints (with the level it names). It is read
only where the document has no number line of its own (that one is the document's), and only
where the title's type words name the type its code stands for ("KẾT LUẬN" over "KL"), so a
title that cites another document ("Hướng dẫn thực hiện Nghị quyết 18-NQ/TW") names none.

The type code stays empty: the contract takes ``doc_type_code`` from a "Số" line only (issue 12
class 9), and a page title is the site's, not the document's furniture. So no
:class:`~vnreport.layout.metadata.SymbolParts` is set, from which :mod:`.derive` would take it.
"""

from __future__ import annotations

import regex

from vnreport.layout import codes
from vnreport.layout.scan import Scan
from vnreport.model import Span
from vnreport.rules import furniture as P
from vnreport.text.folds import fold_accents


def read_title_number(scan: Scan) -> None:
    """Number and symbol from the page title, where nothing else gave a number."""
    meta = scan.meta
    span = meta.web_title.span
    if span is None or meta.number.value is not None or meta.number_raw.value is not None:
        return
    if meta.symbol_parts is not None:
        return
    m = P.TITLE_NUMBER.match(fold_accents(scan.text[span.start : span.end], punctuation=True))
    if m is None or not _type_agrees(scan.text, m, span.start):
        return
    _offer(scan, m, span.start)


def _type_agrees(text: str, m: regex.Match[str], base: int) -> bool:
    """The title's type words name a type, and the symbol's code (if it has one) is that type's."""
    doc_type = codes.doc_type_for_name(text[base + m.start("type") : base + m.end("type")], None)
    if doc_type is None:
        return False
    if m.start("ptype") >= 0:
        by_code = codes.doc_type_for_code(_written(text, m, base, "ptype"), codes.Regime.PARTY)
        return by_code is not None and by_code.name == doc_type.name
    head = _written(text, m, base, "ssym").partition("-")[0]
    by_code = codes.doc_type_for_code(head, codes.Regime.STATE)
    return by_code is None or by_code.name == doc_type.name  # a law's "60/2024/QH15" prints no type code


def _written(text: str, m: regex.Match[str], base: int, group: str) -> str:
    return " ".join(text[base + m.start(group) : base + m.end(group)].split())


def _offer(scan: Scan, m: regex.Match[str], base: int) -> None:
    """Number, symbol, issuer code and the level it names; no type code (see the module's note)."""
    meta, text = scan.meta, scan.text

    def at(group: str) -> Span:
        return Span(base + m.start(group), base + m.end(group))

    if m.start("ptype") >= 0:  # Party: "155-KL/TW"
        meta.number.offer(_written(text, m, base, "pnum"), at("pnum"))
        type_code, issuer = _written(text, m, base, "ptype"), _written(text, m, base, "pissuer")
        meta.symbol.offer(f"{type_code}/{issuer}", Span(at("ptype").start, at("pissuer").end))
        issuer_at = at("pissuer")
    else:  # State: "172/2025/NĐ-CP", a law's "60/2024/QH15"
        meta.number.offer(_written(text, m, base, "snum"), at("snum"))
        if m.start("year") >= 0:
            meta.number_year.offer(int(m.group("year")), at("year"))
        symbol = _written(text, m, base, "ssym")
        meta.symbol.offer(symbol, at("ssym"))
        head, _, tail = symbol.partition("-")
        issuer = tail if tail and codes.doc_type_for_code(head, codes.Regime.STATE) is not None else head
        issuer_at = Span(at("ssym").end - len(issuer), at("ssym").end)
    meta.issuer_code.offer(issuer, issuer_at)
    level = codes.issuer_level(issuer, meta.issuer_chain)
    if level is not None:
        meta.issuer_level.offer(level.value, meta.issuer.span or issuer_at)

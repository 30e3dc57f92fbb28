"""The outline view: the metadata, then one indented line per section and item, then the
footnote and diagnostic counts.

Sections print their marker and title; items print "· ", their marker and the start of their
text, cut at a word with an ellipsis, so that a glance tells headings from list entries.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from vnreport.document import Document
from vnreport.model import DateValue, Item, Metadata, Paragraph, Section, Signature, SubDocument
from vnreport.tree.builder import clean_title


def _metadata_lines(meta: Metadata, indent: str = "") -> list[str]:
    rows: list[tuple[str, str | None]] = [
        ("type", _joined(" ", meta.doc_type_code, meta.doc_type_name)),
        ("number", _joined(" ", meta.number, meta.symbol)),
        ("issuer", _joined(" / ", meta.parent_issuer, meta.issuer)),
        ("place", meta.place),
        ("date", _date(meta.date)),
        ("title", meta.title),
        ("subtitle", meta.subtitle),
        ("draft", "yes" if meta.draft else None),
        ("signer", _signer(meta.signature)),
        ("recipients", _count(meta.recipients)),
        ("level", _joined(" ", meta.issuer_code, meta.issuer_level)),
        ("term", f"{meta.term[0]}-{meta.term[1]}" if meta.term else None),
        ("congress", _number(meta.congress_ordinal)),
        ("committee term", _number(meta.committee_term)),
        ("marks", _joined(" ", meta.secrecy, meta.urgency, meta.circulation)),
        ("subject", meta.subject_line),
        ("addressees", _count(meta.addressees)),
        ("web title", meta.web_title),
        ("web date", _date(meta.web_date)),
    ]
    return [f"{indent}{name}: {value}" for name, value in rows if value]


def _joined(separator: str, *parts: str | None) -> str | None:
    """The parts there are, joined; None if there are none."""
    return separator.join(part for part in parts if part) or None


def _count(items: tuple[str, ...]) -> str | None:
    return str(len(items)) if items else None


def _number(value: int | None) -> str | None:
    return str(value) if value else None


def _date(d: DateValue | None) -> str | None:
    if d is None:
        return None
    return "/".join("__" if part is None else str(part) for part in (d.day, d.month, d.year))


def _signer(s: Signature | None) -> str | None:
    if s is None:
        return None
    return _joined(" / ", s.authority, s.position, s.name)


def document_outline(doc: Document) -> str:
    out = _metadata_lines(doc.metadata)
    if out:
        out.append("")
    _walk(doc.body, 0, out)
    out.append("")
    if doc.footnotes:
        out.append(f"footnotes: {len(doc.footnotes)}")
    out.append(_diagnostics_line(doc))
    return "\n".join(out) + "\n"


ITEM_MARK = "· "
"""What an item's line starts with, apart from the marker (sections have none)."""
SNIPPET = 70
"""The most characters of an item's text an outline line shows."""


def _diagnostics_line(doc: Document) -> str:
    codes = Counter(d.code.value for d in doc.diagnostics)
    if not codes:
        return "diagnostics: 0"
    listed = ", ".join(f"{code} {n}" if n > 1 else code for code, n in sorted(codes.items()))
    return f"diagnostics: {sum(codes.values())} ({listed})"


def snippet(text: str, limit: int = SNIPPET) -> str:
    """``text`` on one line, cut at the last word boundary within ``limit`` with "…" when longer."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–") + "…"


def _walk(nodes: tuple[Any, ...], depth: int, out: list[str]) -> None:
    pad = "  " * depth
    for node in nodes:
        if isinstance(node, Section):
            marker = " ".join(node.marker.text.split()) if node.marker else ""
            out.append(pad + " ".join(part for part in (marker, node.title) if part))
            _walk(node.children, depth + 1, out)
        elif isinstance(node, Item):
            first = next((c for c in node.children if isinstance(c, Paragraph)), None)
            text = snippet(clean_title(first.text)) if first else ""
            marker = " ".join(node.marker.text.split())
            out.append(f"{pad}{ITEM_MARK}{marker} {text}".rstrip())
            _walk(node.children, depth + 1, out)
        elif isinstance(node, SubDocument):
            out.append(f"{pad}[document {node.id}]")
            out.extend(_metadata_lines(node.metadata, pad + "  "))
            _walk(node.children, depth + 1, out)

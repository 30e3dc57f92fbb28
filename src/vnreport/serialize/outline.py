"""The outline view: the metadata, then one indented line per section and item."""

from __future__ import annotations

from typing import Any

from vnreport.document import Document
from vnreport.model import Item, Metadata, Paragraph, Section, SubDocument
from vnreport.tree.builder import clean_title


def _metadata_lines(meta: Metadata, indent: str = "") -> list[str]:
    rows: list[tuple[str, str | None]] = [
        ("type", " ".join(x for x in (meta.doc_type_code, meta.doc_type_name) if x) or None),
        ("number", " ".join(x for x in (meta.number, meta.symbol) if x) or None),
        ("issuer", " / ".join(x for x in (meta.parent_issuer, meta.issuer) if x) or None),
        ("place", meta.place),
        ("date", _date(meta)),
        ("title", meta.title),
        ("subtitle", meta.subtitle),
        ("draft", "yes" if meta.draft else None),
        ("signer", _signer(meta)),
        ("recipients", str(len(meta.recipients)) if meta.recipients else None),
        ("level", " ".join(x for x in (meta.issuer_code, meta.issuer_level) if x) or None),
        ("term", "-".join(str(y) for y in meta.term) if meta.term else None),
        ("congress", str(meta.congress_ordinal) if meta.congress_ordinal else None),
        ("committee term", str(meta.committee_term) if meta.committee_term else None),
        ("marks", " ".join(x for x in (meta.secrecy, meta.urgency, meta.circulation) if x) or None),
        ("subject", meta.subject_line),
        ("addressees", str(len(meta.addressees)) if meta.addressees else None),
        ("web title", meta.web_title),
        ("web date", _web_date(meta)),
    ]
    return [f"{indent}{name}: {value}" for name, value in rows if value]


def _date(meta: Metadata) -> str | None:
    d = meta.date
    if d is None:
        return None
    return "/".join("__" if part is None else str(part) for part in (d.day, d.month, d.year))


def _web_date(meta: Metadata) -> str | None:
    d = meta.web_date
    if d is None:
        return None
    return "/".join("__" if part is None else str(part) for part in (d.day, d.month, d.year))


def _signer(meta: Metadata) -> str | None:
    s = meta.signature
    if s is None:
        return None
    return " / ".join(x for x in (s.authority, s.position, s.name) if x) or None


def document_outline(doc: Document) -> str:
    out = _metadata_lines(doc.metadata)
    if out:
        out.append("")
    _walk(doc.body, 0, out)
    if doc.footnotes:
        out.append("")
        out.append(f"footnotes: {len(doc.footnotes)}")
    return "\n".join(out) + "\n"


def _walk(nodes: tuple[Any, ...], depth: int, out: list[str]) -> None:
    pad = "  " * depth
    for node in nodes:
        if isinstance(node, Section):
            marker = node.marker.text if node.marker else ""
            out.append(f"{pad}{marker} {node.title}".rstrip())
            _walk(node.children, depth + 1, out)
        elif isinstance(node, Item):
            first = next((c for c in node.children if isinstance(c, Paragraph)), None)
            snippet = clean_title(first.text)[:70] if first else ""
            out.append(f"{pad}{node.marker.text} {snippet}".rstrip())
            _walk(node.children, depth + 1, out)
        elif isinstance(node, SubDocument):
            out.append(f"{pad}[document {node.id}]")
            out.extend(_metadata_lines(node.metadata, pad + "  "))
            _walk(node.children, depth + 1, out)

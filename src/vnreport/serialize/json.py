"""JSON: the output contract read by ``tools/check_gold.py`` and described by the shipped schema.

Nodes are written ``type`` first, then their fields, then ``children``; spans are ``[start,
end]``; figures are JSON numbers. Leaf value classes (spans, markers, quantities, metadata…)
go through one cattrs converter, so that :func:`document_from_dict` restores exactly what
:func:`document_to_dict` wrote.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from typing import Any

import attrs
import cattrs

from vnreport.document import SCHEMA_VERSION, Document
from vnreport.model import (
    Comparison,
    DateValue,
    Diagnostic,
    Evidence,
    Footnote,
    FootnoteRef,
    Furniture,
    FurnitureKind,
    Item,
    Marker,
    Metadata,
    Paragraph,
    Quantity,
    Section,
    Sentence,
    Signature,
    Span,
    SubDocument,
    Table,
    TableCell,
    TableRow,
    Target,
)
from vnreport.serialize.offsets import offsets_from_dict, offsets_to_dict


def _number_out(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() and abs(value) < 10**18 else float(value)


def _number_in(value: Any, _: type) -> Decimal:
    return Decimal(str(value))


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter()
    converter.register_unstructure_hook(Span, lambda s: [s.start, s.end])
    converter.register_structure_hook(Span, lambda v, _: Span(int(v[0]), int(v[1])))
    converter.register_unstructure_hook(Decimal, _number_out)
    converter.register_structure_hook(Decimal, _number_in)

    def marker_in(v: dict[str, Any], _: type) -> Marker:
        value = v.get("value")
        if isinstance(value, list):
            value = tuple(value)
        from vnreport.model import MarkerStyle

        return Marker(v["text"], converter.structure(v["span"], Span), MarkerStyle(v["style"]), value)

    converter.register_structure_hook(Marker, marker_in)

    converter.register_unstructure_hook(Metadata, partial(_metadata_out, converter))
    converter.register_structure_hook(Metadata, partial(_metadata_in, converter))
    return converter


def _metadata_out(converter: cattrs.Converter, m: Metadata) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field_name in attrs.fields(Metadata):
        name = field_name.name
        value = getattr(m, name)
        if name == "spans":
            out[name] = {k: [s.start, s.end] for k, s in sorted(value.items())}
        elif name == "term" and value is not None:
            out[name] = list(value)
        else:
            out[name] = converter.unstructure(value)
    return out


def _metadata_in(converter: cattrs.Converter, v: dict[str, Any], _: type) -> Metadata:
    kwargs: dict[str, Any] = {}
    for field_name in attrs.fields(Metadata):
        name = field_name.name
        if name not in v:
            continue
        value = v[name]
        if name == "spans":
            kwargs[name] = {k: Span(int(s[0]), int(s[1])) for k, s in value.items()}
        elif name == "term":
            kwargs[name] = tuple(value) if value is not None else None
        elif name in ("date", "web_date"):
            kwargs[name] = converter.structure(value, DateValue | None)  # type: ignore[arg-type]
        elif name == "signature":
            kwargs[name] = converter.structure(value, Signature | None)  # type: ignore[arg-type]
        elif name in ("addressees", "recipients"):
            kwargs[name] = tuple(value)
        else:
            kwargs[name] = value
    return Metadata(**kwargs)


CONVERTER = _make_converter()
"""The one converter for leaf value classes."""


def _marker(m: Marker) -> dict[str, Any]:
    value = m.value
    return {
        "text": m.text,
        "span": [m.span.start, m.span.end],
        "style": m.style.value,
        "value": list(value) if isinstance(value, tuple) else value,
    }


def _sentence(s: Sentence) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "sentence",
        "id": s.id,
        "span": [s.span.start, s.span.end],
        "text": s.text,
        "footnote_refs": [
            {"label": r.label, "span": [r.span.start, r.span.end], "footnote": r.footnote} for r in s.footnote_refs
        ],
    }
    if s.quantities:
        out["quantities"] = [CONVERTER.unstructure(q) for q in s.quantities]
    if s.comparisons:
        out["comparisons"] = [CONVERTER.unstructure(c) for c in s.comparisons]
    if s.gaps:
        out["gaps"] = [[g.start, g.end] for g in s.gaps]
    return out


def _paragraph(p: Paragraph) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "paragraph",
        "id": p.id,
        "span": [p.span.start, p.span.end],
        "text": p.text,
    }
    if p.gaps:
        out["gaps"] = [[g.start, g.end] for g in p.gaps]
    out["children"] = [_node(c) for c in p.children]
    return out


def _section(s: Section) -> dict[str, Any]:
    return {
        "type": "section",
        "id": s.id,
        "span": [s.span.start, s.span.end],
        "marker": s.marker.text if s.marker else "",
        "marker_info": _marker(s.marker) if s.marker else None,
        "style": s.marker.style.value if s.marker else None,
        "label": s.label,
        "level": s.level,
        "title": s.title,
        "title_span": [s.title_span.start, s.title_span.end],
        "quantities": [CONVERTER.unstructure(q) for q in s.quantities],
        "children": [_node(c) for c in s.children],
    }


def _item(i: Item) -> dict[str, Any]:
    return {
        "type": "item",
        "id": i.id,
        "span": [i.span.start, i.span.end],
        "marker": i.marker.text,
        "marker_info": _marker(i.marker),
        "style": i.marker.style.value,
        "label": i.label,
        "level": i.level,
        "title": None,
        "children": [_node(c) for c in i.children],
    }


def _table(t: Table) -> dict[str, Any]:
    return {
        "type": "table",
        "id": t.id,
        "span": [t.span.start, t.span.end],
        "rows": [
            {
                "span": [r.span.start, r.span.end],
                "cells": [{"span": [c.span.start, c.span.end], "text": c.text} for c in r.cells],
            }
            for r in t.rows
        ],
        "children": [],
    }


def _subdocument(d: SubDocument) -> dict[str, Any]:
    return {
        "type": "document",
        "id": d.id,
        "span": [d.span.start, d.span.end],
        "metadata": CONVERTER.unstructure(d.metadata),
        "furniture": [_furniture(f) for f in d.furniture],
        "footnotes": [_footnote(f) for f in d.footnotes],
        "children": [_node(c) for c in d.children],
    }


def _footnote(f: Footnote) -> dict[str, Any]:
    return {
        "id": f.id,
        "label": f.label,
        "span": [f.span.start, f.span.end],
        "text": f.text,
        "text_span": [f.text_span.start, f.text_span.end],
        "cited_by": list(f.cited_by),
        "continued": [[c.start, c.end] for c in f.continued],
        "sentences": [_sentence(s) for s in f.sentences],
    }


def _furniture(f: Furniture) -> dict[str, Any]:
    return {"kind": f.kind.value, "span": [f.span.start, f.span.end], "text": f.text}


_WRITERS: dict[type, Callable[[Any], dict[str, Any]]] = {
    Section: _section,
    Item: _item,
    Paragraph: _paragraph,
    Sentence: _sentence,
    Table: _table,
    SubDocument: _subdocument,
}


def _node(node: Any) -> dict[str, Any]:
    return _WRITERS[type(node)](node)


def document_to_dict(doc: Document) -> dict[str, Any]:
    return _with_pages(doc, _document_dict(doc))


def _document_dict(doc: Document) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "source_format": doc.source_format,
        "encoding": doc.encoding,
        "text": doc.text,
        "metadata": CONVERTER.unstructure(doc.metadata),
        "body": [_node(n) for n in doc.body],
        "footnotes": [_footnote(f) for f in doc.footnotes],
        "targets": [CONVERTER.unstructure(t) for t in doc.targets()],
        "evidence": [dict(CONVERTER.unstructure(e), status=e.status) for e in doc.evidence],
        "furniture": [_furniture(f) for f in doc.furniture],
        "offsets": offsets_to_dict(doc.text, doc.to_raw, doc.bytes_map(), doc.encoding),
        "diagnostics": [
            {
                "code": d.code.value,
                "message": d.message,
                "span": [d.span.start, d.span.end],
                "severity": d.severity.value,
            }
            for d in doc.diagnostics
        ],
    }


def _with_pages(doc: Document, out: dict[str, Any]) -> dict[str, Any]:
    """A PDF read directly: its ``pages`` (number, width, height) and each node's ``pages``
    (the boxes of its lines, [page, x0, y0, x1, y1]); other sources are left as they are."""
    layout = doc.page_layout
    if layout is None:
        return out

    def place(nodes: list[Any]) -> None:
        for node in nodes:
            span = node.get("span")
            if isinstance(span, list) and len(span) == 2:
                node["pages"] = [list(box) for box in layout.boxes(Span(span[0], span[1]))]
            place(node.get("children", []))

    place(out["body"])
    out["pages"] = [{"number": p.number, "width": p.width, "height": p.height} for p in layout.pages]
    return out


def document_to_json(doc: Document, indent: int | None = None) -> str:
    return json.dumps(document_to_dict(doc), ensure_ascii=False, indent=indent)


# -- reading back -----------------------------------------------------------------------------


def _span(v: list[int]) -> Span:
    return Span(int(v[0]), int(v[1]))


def _sentence_in(v: dict[str, Any]) -> Sentence:
    return Sentence(
        v["id"],
        _span(v["span"]),
        v["text"],
        tuple(FootnoteRef(r["label"], _span(r["span"]), r.get("footnote")) for r in v.get("footnote_refs", [])),
        tuple(CONVERTER.structure(q, Quantity) for q in v.get("quantities", [])),
        tuple(CONVERTER.structure(c, Comparison) for c in v.get("comparisons", [])),
        tuple(_span(g) for g in v.get("gaps", [])),
    )


def _node_in(v: dict[str, Any]) -> Any:
    kind = v["type"]
    if kind == "sentence":
        return _sentence_in(v)
    children = tuple(_node_in(c) for c in v.get("children", []))
    if kind == "paragraph":
        return Paragraph(v["id"], _span(v["span"]), v["text"], children, tuple(_span(g) for g in v.get("gaps", [])))
    if kind == "section":
        marker = CONVERTER.structure(v["marker_info"], Marker) if v.get("marker_info") else None
        return Section(
            v["id"],
            _span(v["span"]),
            marker,
            v["level"],
            v["title"],
            _span(v["title_span"]),
            children,
            tuple(CONVERTER.structure(q, Quantity) for q in v.get("quantities", [])),
        )
    if kind == "item":
        return Item(v["id"], _span(v["span"]), CONVERTER.structure(v["marker_info"], Marker), v["level"], children)
    if kind == "table":
        rows = tuple(
            TableRow(_span(r["span"]), tuple(TableCell(_span(c["span"]), c["text"]) for c in r["cells"]))
            for r in v["rows"]
        )
        return Table(v["id"], _span(v["span"]), rows)
    if kind == "document":
        return SubDocument(
            v["id"],
            _span(v["span"]),
            CONVERTER.structure(v["metadata"], Metadata),
            children,
            tuple(_footnote_in(f) for f in v.get("footnotes", [])),
            tuple(_furniture_in(f) for f in v.get("furniture", [])),
        )
    raise ValueError(f"unknown node type {kind!r}")


def _furniture_in(v: dict[str, Any]) -> Furniture:
    return Furniture(FurnitureKind(v["kind"]), _span(v["span"]), v["text"])


def _footnote_in(v: dict[str, Any]) -> Footnote:
    return Footnote(
        v["id"],
        v["label"],
        _span(v["span"]),
        v["text"],
        _span(v["text_span"]),
        tuple(_sentence_in(s) for s in v.get("sentences", [])),
        tuple(v.get("cited_by", [])),
        tuple(_span(c) for c in v.get("continued", [])),
    )


def document_from_dict(v: dict[str, Any]) -> Document:
    """Rebuild a :class:`Document` from :func:`document_to_dict` output (round-trips exactly)."""
    from vnreport.model import DiagnosticCode, Severity

    to_raw, byte_map = offsets_from_dict(v["text"], v.get("offsets"), v.get("encoding"))
    return Document(
        text=v["text"],
        body=tuple(_node_in(n) for n in v["body"]),
        footnotes=tuple(_footnote_in(f) for f in v.get("footnotes", [])),
        metadata=CONVERTER.structure(v.get("metadata", {}), Metadata),
        diagnostics=tuple(
            Diagnostic(
                DiagnosticCode(d["code"]), d["message"], _span(d["span"]), Severity(d.get("severity", "warning"))
            )
            for d in v.get("diagnostics", [])
        ),
        furniture=tuple(
            Furniture(FurnitureKind(f["kind"]), _span(f["span"]), f["text"]) for f in v.get("furniture", [])
        ),
        targets=tuple(CONVERTER.structure(t, Target) for t in v.get("targets", [])),
        evidence=tuple(
            CONVERTER.structure({k: x for k, x in e.items() if k != "status"}, Evidence) for e in v.get("evidence", [])
        ),
        to_raw=to_raw,
        encoding=v.get("encoding"),
        source_format=v.get("source_format", "text"),
        stored_bytes=byte_map,
    )


def document_from_json(data: str) -> Document:
    return document_from_dict(json.loads(data))

"""XML: an Akoma Ntoso-flavoured vocabulary, described by the shipped ``data/vnreport.rng``.

The shape follows Akoma Ntoso where it fits (``akomaNtoso/doc``, ``meta/identification``,
``mainBody``, ``hcontainer`` with ``num`` and ``heading``, ``p``, ``authorialNote``, ``noteRef``,
``eId``), in a namespace of its own (:data:`NAMESPACE`) because the tree is not a conformant
AKN document: reports have sentences, items and footnote links that AKN has no place for.

Every element that stands for a piece of the text carries ``start`` and ``end``: its span in
``sourceText``, the normalized text, which is written first and verbatim. Sentence elements hold
their text as mixed content, with ``noteRef`` elements around footnote markers, so the text of
a ``sentence`` element is exactly ``sourceText[start:end]``.

One writer per node type, dispatched from :data:`_WRITERS`, as in :mod:`.json`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import attrs
from lxml import etree

from vnreport.document import SCHEMA_VERSION, Document
from vnreport.model import (
    DateValue,
    Footnote,
    Item,
    Marker,
    MarkerStyle,
    Metadata,
    Paragraph,
    Section,
    Sentence,
    Signature,
    Span,
    SubDocument,
    Table,
)

NAMESPACE = "urn:vnreport:akn:1.0"
_NS = "{" + NAMESPACE + "}"

#: Characters XML 1.0 cannot carry; replaced one for one, so spans stay true.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _el(parent: Any, tag: str, span: Span | None = None, text: str | None = None, **attributes: Any) -> Any:
    element = etree.SubElement(parent, _NS + tag)
    if span is not None:
        element.set("start", str(span.start))
        element.set("end", str(span.end))
    for key, value in attributes.items():
        if value is None or value == "":
            continue
        element.set(key, _clean(str(value)))
    if text is not None:
        element.text = _clean(text)
    return element


def _marker_attributes(marker: Marker | None) -> dict[str, Any]:
    if marker is None:
        return {}
    return {"style": marker.style.value, "label": marker.label or None}


def _num(parent: Any, marker: Marker | None) -> None:
    if marker is not None:
        _el(parent, "num", marker.span, marker.text)


# -- body nodes -------------------------------------------------------------------------------


def _section(parent: Any, s: Section, ctx: _Context) -> None:
    el = _el(
        parent,
        "hcontainer",
        s.span,
        None,
        eId=s.id,
        name="appendix" if s.marker is not None and s.marker.style is MarkerStyle.APPENDIX else "section",
        level=s.level,
        **_marker_attributes(s.marker),
    )
    _num(el, s.marker)
    _el(el, "heading", s.title_span, s.title)
    _children(el, s.children, ctx)


def _item(parent: Any, i: Item, ctx: _Context) -> None:
    el = _el(parent, "item", i.span, None, eId=i.id, level=i.level, **_marker_attributes(i.marker))
    _num(el, i.marker)
    _children(el, i.children, ctx)


def _paragraph(parent: Any, p: Paragraph, ctx: _Context) -> None:
    el = _el(parent, "p", p.span, None, eId=p.id)
    if not p.children:
        el.text = _clean(p.text)
    _children(el, p.children, ctx)


def _sentence(parent: Any, s: Sentence, ctx: _Context) -> None:
    el = _el(parent, "sentence", s.span, None, eId=s.id)
    text = ctx.text
    # One noteRef per marker span; a range "[3-5]" is one marker citing three notes.
    markers: dict[tuple[int, int], list[Any]] = {}
    for ref in s.footnote_refs:
        markers.setdefault((ref.span.start, ref.span.end), []).append(ref)
    pos = s.span.start
    last: Any = None
    for (start, end), refs in sorted(markers.items()):
        if start < pos or end > s.span.end:
            continue
        chunk = _clean(text[pos:start])
        if last is None:
            el.text = (el.text or "") + chunk
        else:
            last.tail = (last.tail or "") + chunk
        targets = " ".join(f"#{r.footnote}" for r in refs if r.footnote)
        last = _el(
            el,
            "noteRef",
            Span(start, end),
            text[start:end],
            labels=" ".join(r.label for r in refs),
            href=targets or None,
        )
        pos = end
    chunk = _clean(text[pos : s.span.end])
    if last is None:
        el.text = (el.text or "") + chunk
    else:
        last.tail = (last.tail or "") + chunk


def _table(parent: Any, t: Table, ctx: _Context) -> None:
    el = _el(parent, "table", t.span, None, eId=t.id)
    for row in t.rows:
        tr = _el(el, "tr", row.span)
        for cell in row.cells:
            _el(tr, "td", cell.span, cell.text)


def _subdocument(parent: Any, d: SubDocument, ctx: _Context) -> None:
    el = _el(parent, "component", d.span, None, eId=d.id)
    doc = _el(el, "doc", None, None, name=d.metadata.doc_type_code or "document")
    _meta(doc, d.metadata, d.furniture, ())
    body = _el(doc, "mainBody")
    _children(body, d.children, ctx)
    _notes(doc, d.footnotes, ctx)


_WRITERS: dict[type, Callable[[Any, Any, _Context], None]] = {
    Section: _section,
    Item: _item,
    Paragraph: _paragraph,
    Sentence: _sentence,
    Table: _table,
    SubDocument: _subdocument,
}


@attrs.frozen
class _Context:
    text: str


def _children(parent: Any, nodes: tuple[Any, ...], ctx: _Context) -> None:
    for node in nodes:
        _WRITERS[type(node)](parent, node, ctx)


# -- footnotes --------------------------------------------------------------------------------


def _notes(parent: Any, notes: tuple[Footnote, ...], ctx: _Context) -> None:
    if not notes:
        return
    el = _el(parent, "notes")
    for note in notes:
        n = _el(
            el,
            "authorialNote",
            note.span,
            None,
            eId=note.id,
            marker=note.label,
            placement="bottom",
            citedBy=" ".join(note.cited_by) or None,
        )
        label_end = note.text_span.start
        _el(n, "num", Span(note.span.start, label_end), ctx.text[note.span.start : label_end])
        p = _el(n, "p", note.text_span)
        if note.sentences:
            for sentence in note.sentences:
                _sentence(p, sentence, ctx)
        else:
            p.text = _clean(note.text)


# -- metadata ---------------------------------------------------------------------------------

#: Metadata fields with an element of their own, in this order; the rest become ``property``.
_IDENTIFICATION = (
    ("doc_type_name", "docType"),
    ("issuer", "issuer"),
    ("parent_issuer", "parentIssuer"),
    ("number", "docNumber"),
    ("symbol", "docSymbol"),
    ("date", "docDate"),
    ("place", "docPlace"),
    ("title", "docTitle"),
    ("subtitle", "docSubtitle"),
    ("signature", "signature"),
    ("recipients", "recipient"),
)
_HANDLED = {name for name, _ in _IDENTIFICATION} | {"doc_type_code", "spans", "draft"}


def _date_text(d: DateValue) -> str:
    parts = [
        f"{d.year:04d}" if d.year else "",
        f"{d.month:02d}" if d.month else "",
        f"{d.day:02d}" if d.day else "",
    ]
    return "-".join(p for p in parts if p)


def _meta(parent: Any, m: Metadata, furniture: tuple[Any, ...], diagnostics: tuple[Any, ...]) -> None:
    meta = _el(parent, "meta")
    ident = _el(meta, "identification", None, None, draft="true" if m.draft else None)
    spans: dict[str, Span] = dict(m.spans or {})
    for name, tag in _IDENTIFICATION:
        value = getattr(m, name, None)
        if value is None or value == () or value == "":
            continue
        _identification(ident, tag, name, value, spans, m.doc_type_code)
    if m.doc_type_code and not m.doc_type_name:
        _el(ident, "docType", spans.get("doc_type_code"), None, code=m.doc_type_code)
    _properties(ident, m, spans)
    if furniture:
        block = _el(meta, "furniture")
        for f in furniture:
            _el(block, "block", f.span, f.text, kind=f.kind.value)
    if diagnostics:
        block = _el(meta, "diagnostics")
        for d in diagnostics:
            _el(block, "diagnostic", d.span, d.message, code=d.code.value, severity=d.severity.value)


def _identification(
    ident: Any, tag: str, name: str, value: Any, spans: dict[str, Span], doc_type_code: str | None
) -> None:
    """One element of ``identification`` per field (per entry for a list), by the field's type."""
    span = spans.get(name)
    if isinstance(value, DateValue):
        _el(ident, tag, value.span or span, _date_text(value), day=value.day, month=value.month, year=value.year)
    elif isinstance(value, Signature):
        attributes = {"authority": value.authority, "position": value.position, "name": value.name}
        _el(ident, tag, value.span or span, None, **attributes)
    elif isinstance(value, tuple):
        for k, entry in enumerate(value):
            _el(ident, tag, spans.get(f"{name}.{k}"), str(entry))
    elif tag == "docType":
        _el(ident, tag, span, str(value), code=doc_type_code)
    else:
        _el(ident, tag, span, str(value))


def _properties(ident: Any, m: Metadata, spans: dict[str, Span]) -> None:
    """The fields ``identification`` has no element for, as ``property name="…"``."""
    for field in attrs.fields(type(m)):
        name = field.name
        if name in _HANDLED:
            continue
        value = getattr(m, name)
        if value is None or value == () or value == "" or value is False:
            continue
        _el(ident, "property", spans.get(name), _property_text(value), name=name)


def _property_text(value: Any) -> str:
    if isinstance(value, DateValue):
        return _date_text(value)
    if isinstance(value, tuple):
        return " ".join(str(v) for v in value)
    return str(value)


# -- the document -----------------------------------------------------------------------------


def document_to_element(doc: Document) -> Any:
    root = etree.Element(_NS + "akomaNtoso", nsmap={None: NAMESPACE})  # type: ignore[dict-item]
    root.set("schemaVersion", SCHEMA_VERSION)
    root.set("sourceFormat", doc.source_format)
    if doc.encoding:
        root.set("encoding", doc.encoding)
    ctx = _Context(doc.text)
    body_doc = _el(root, "doc", None, None, name=doc.metadata.doc_type_code or "document")
    _meta(body_doc, doc.metadata, doc.furniture, doc.diagnostics)
    source = _el(body_doc, "sourceText", Span(0, len(doc.text)), doc.text)
    source.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    main = _el(body_doc, "mainBody")
    _children(main, doc.body, ctx)
    _notes(body_doc, doc.footnotes, ctx)
    return root


def document_to_xml(doc: Document, pretty: bool = True) -> str:
    """The document as an XML string (UTF-8 declaration included).

    >>> from vnreport import parse
    >>> xml = document_to_xml(parse("I- BỐI CẢNH\\nHuyện có nhiều lợi thế[1].\\n[1] Số liệu năm 2019."))
    >>> '<heading start="3" end="11">BỐI CẢNH</heading>' in xml
    True
    """
    root = document_to_element(doc)
    if pretty:
        _indent(root)
    body: str = etree.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


_MIXED = frozenset(
    _NS + t for t in ("sentence", "sourceText", "heading", "num", "td", "noteRef", "block", "diagnostic")
)


def _indent(element: Any, depth: int = 0) -> None:
    """Indent element-only content; mixed content (sentences, text) is left exactly as it is."""
    if element.tag in _MIXED or (element.text and element.text.strip()):
        return
    children = list(element)
    if not children:
        return
    pad = "\n" + "  " * (depth + 1)
    element.text = pad
    for k, child in enumerate(children):
        _indent(child, depth + 1)
        child.tail = pad if k + 1 < len(children) else "\n" + "  " * depth

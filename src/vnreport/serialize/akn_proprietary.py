"""``meta/proprietary``: what Akoma Ntoso has no element for, in our namespace (``urn:vnreport:1.0``).

Nothing of the parse is lost: the normalized text the spans index (``vnr:text``), every metadata
field with its span, every node (section, item, paragraph, table, sentence, footnote, document)
with its id, span, the eId of the element that holds it, its marker and title spans, every
footnote reference and page-furniture gap, every figure and comparison of every sentence, the
targets, the evidence checks, the furniture and the diagnostics. Spans are ``start``/``end``
attributes, half-open code-point offsets into ``vnr:text``.
"""

from __future__ import annotations

from typing import Any

import attrs
from lxml import etree

from vnreport.document import SCHEMA_VERSION, Document
from vnreport.model import (
    DateValue,
    Footnote,
    Furniture,
    Item,
    Metadata,
    Paragraph,
    Section,
    Sentence,
    Signature,
    Span,
    SubDocument,
    Table,
)
from vnreport.serialize.akn_body import A, clean
from vnreport.serialize.akn_meta import VNR, V
from vnreport.serialize.json import CONVERTER


def _v(holder: Any, tag: str, span: Span | None = None, text: str | None = None, **attributes: Any) -> Any:
    element = etree.SubElement(holder, V + tag)
    if span is not None:
        element.set("start", str(span.start))
        element.set("end", str(span.end))
    for key, value in attributes.items():
        if value is None or value == "" or value == ():
            continue
        element.set(key, clean(str(value)))
    if text is not None:
        element.text = clean(text)
    return element


def _value(parent: Any, tag: str, value: Any) -> None:
    """An unstructured attrs value (a figure, a comparison, a target) as an element: scalars as
    attributes, spans as ``start``/``end``, ``text`` as the text, nested values as children."""
    element = _v(parent, tag)
    for key, item in value.items():
        if item is None or item == [] or item == "":
            continue
        if key == "span" and isinstance(item, list):
            element.set("start", str(item[0]))
            element.set("end", str(item[1]))
        elif key == "text":
            element.text = clean(str(item))
        elif isinstance(item, dict):
            _value(element, key, item)
        elif isinstance(item, list) and item and isinstance(item[0], dict):
            for entry in item:
                _value(element, key, entry)
        elif isinstance(item, list):
            element.set(key, " ".join(str(x) for x in item))
        else:
            element.set(key, clean(str(item)))


# -- metadata -----------------------------------------------------------------------------------


def _metadata(parent: Any, m: Metadata) -> None:
    block = _v(parent, "metadata", draft="true" if m.draft else None)
    spans = dict(m.spans or {})
    for field in attrs.fields(Metadata):
        name = field.name
        value = getattr(m, name)
        if name in ("spans", "draft") or value is None or value == () or value == "":
            continue
        span = spans.get(name)
        if isinstance(value, DateValue):
            _v(block, "field", value.span or span, None, name=name, day=value.day, month=value.month, year=value.year)
        elif isinstance(value, Signature):
            attributes = {"authority": value.authority, "position": value.position, "signer": value.name}
            _v(block, "field", value.span or span, None, name=name, **attributes)
        elif name == "term":
            _v(block, "field", span, " ".join(str(v) for v in value), name=name)
        elif isinstance(value, tuple):
            for k, entry in enumerate(value):
                _v(block, "field", spans.get(f"{name}.{k}"), str(entry), name=name, index=k)
        else:
            _v(block, "field", span, str(value), name=name)


# -- nodes and figures --------------------------------------------------------------------------


def _sentence(parent: Any, s: Sentence, eids: dict[str, str], owner: str) -> None:
    node = _v(parent, "node", s.span, None, id=s.id, kind="sentence", eId=eids.get(s.id), parent=owner)
    for ref in s.footnote_refs:
        _v(node, "ref", ref.span, None, label=ref.label, footnote=ref.footnote)
    for gap in s.gaps:
        _v(node, "gap", gap)
    for quantity in s.quantities:
        _value(node, "quantity", CONVERTER.unstructure(quantity))
    for comparison in s.comparisons:
        _value(node, "comparison", CONVERTER.unstructure(comparison))


def _nodes(parent: Any, nodes: tuple[Any, ...], eids: dict[str, str], owner: str | None) -> None:
    for n in nodes:
        _node(parent, n, eids, owner)


def _node(parent: Any, n: Any, eids: dict[str, str], owner: str | None) -> None:
    if isinstance(n, Sentence):
        _sentence(parent, n, eids, owner or "")
        return
    kind = {Section: "section", Item: "item", Paragraph: "paragraph", Table: "table", SubDocument: "document"}
    node = _v(parent, "node", n.span, None, id=n.id, kind=kind[type(n)], eId=eids.get(n.id), parent=owner)
    if isinstance(n, Section | Item):
        node.set("level", str(n.level))
    if isinstance(n, Section | Item) and n.marker is not None:
        marker = n.marker
        label = marker.label or None
        _v(node, "marker", marker.span, marker.text, style=marker.style.value, label=label)
    if isinstance(n, Section):
        _v(node, "title", n.title_span, n.title)
        for quantity in n.quantities:
            _value(node, "quantity", CONVERTER.unstructure(quantity))
    if isinstance(n, Paragraph):
        for gap in n.gaps:
            _v(node, "gap", gap)
    if isinstance(n, Table):
        for row in n.rows:
            tr = _v(node, "row", row.span)
            for cell in row.cells:
                _v(tr, "cell", cell.span)
    if isinstance(n, SubDocument):
        _metadata(node, n.metadata)
        _furniture(node, n.furniture)
        _footnotes(node, n.footnotes, eids)
    if not isinstance(n, Table):
        _nodes(parent, n.children, eids, n.id)


def _footnotes(parent: Any, notes: tuple[Footnote, ...], eids: dict[str, str]) -> None:
    for note in notes:
        node = _v(parent, "footnote", note.span, None, id=note.id, label=note.label, eId=eids.get(note.id))
        node.set("textStart", str(note.text_span.start))
        node.set("textEnd", str(note.text_span.end))
        if note.cited_by:
            node.set("citedBy", " ".join(note.cited_by))
        for piece in note.continued:
            _v(node, "continued", piece)
        for sentence in note.sentences:
            _sentence(node, sentence, eids, note.id)


def _furniture(parent: Any, furniture: tuple[Furniture, ...]) -> None:
    if furniture:
        block = _v(parent, "furniture")
        for f in furniture:
            _v(block, "block", f.span, f.text, kind=f.kind.value)


def proprietary(meta: Any, doc: Document, eids: dict[str, str], source: str) -> None:
    """The whole parse under ``meta/proprietary``."""
    block = etree.SubElement(meta, A + "proprietary", nsmap={"vnr": VNR})
    block.set("source", source)
    root = _v(block, "document", schemaVersion=SCHEMA_VERSION, sourceFormat=doc.source_format, encoding=doc.encoding)
    text = _v(root, "text", Span(0, len(doc.text)), doc.text)
    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    _metadata(root, doc.metadata)
    _nodes(_v(root, "nodes"), doc.body, eids, None)
    _footnotes(_v(root, "footnotes"), doc.footnotes, eids)
    figures = _v(root, "figures")
    for target in doc.targets():
        _value(figures, "target", CONVERTER.unstructure(target))
    for evidence in doc.evidence:
        _value(figures, "evidence", dict(CONVERTER.unstructure(evidence), status=evidence.status))
    _furniture(root, doc.furniture)
    diagnostics = _v(root, "diagnostics")
    for d in doc.diagnostics:
        _v(diagnostics, "diagnostic", d.span, d.message, code=d.code.value, severity=d.severity.value)

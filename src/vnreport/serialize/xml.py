"""XML: Akoma Ntoso 3.0 (OASIS LegalDocML), valid against the OASIS schema ``akomantoso30.xsd``.

The document element follows the kind of document: ``act`` for State legislation (Luật, Nghị
định, Thông tư…, and State resolutions and decisions written in articles), ``statement`` for
the resolutions, decisions, rules and conclusions of a body, ``doc`` for everything else
(reports, plans, programmes, guidance…); its ``name`` is the type as written, in camel case
(``baoCaoChinhTri``). Then ``meta`` (FRBR identification, references, the uncited footnotes as
``notes``, and everything Akoma Ntoso has no element for under ``proprietary``, see
:mod:`.akn_proprietary`), the ``preface`` from the header, the body (:mod:`.akn_body`), the
``conclusions`` (recipients, signature), and each bundled document as a ``component``.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from vnreport.document import Document
from vnreport.model import Footnote, Metadata, Node, Paragraph, Section, Table, iter_nodes
from vnreport.serialize.akn_body import AKN, A, BodyContext, el, write_hier, write_nodes, write_note_body
from vnreport.serialize.akn_meta import VNR, camel, conclusions, identification, preface, references
from vnreport.serialize.akn_proprietary import proprietary

NAMESPACE = AKN
"""The Akoma Ntoso 3.0 namespace."""
PROPRIETARY_NAMESPACE = VNR

#: Types written as ``act`` (State legislation) and as ``statement`` (a body's resolutions…).
_ACTS = frozenset({"luat", "boLuat", "phapLenh", "nghiDinh", "thongTu", "thongTuLienTich", "lenh"})
_STATEMENTS = frozenset(
    {"nghiQuyet", "quyetDinh", "quyDinh", "quyChe", "ketLuan", "chiThi", "thongTri", "nghiQuyetLienTich"}
)


def document_kind(m: Metadata, body: tuple[Node, ...]) -> tuple[str, str]:
    """(element, name) of the document: ``("act", "nghiDinh")``, ``("doc", "baoCao")``…"""
    name = camel(m.doc_type_name) if m.doc_type_name else ""
    has_divisions = any(not isinstance(n, Paragraph | Table) for n in body)
    if name in _ACTS and has_divisions:
        return "act", name
    if name in _STATEMENTS:
        articles = any(
            isinstance(n, Section) and n.style is not None and n.style.value == "article" for n in iter_nodes(body)
        )
        return ("act" if articles and m.state_title and has_divisions else "statement"), name
    return "doc", name or "vanBan"


def _body(parent: Any, tag: str, nodes: tuple[Node, ...], ctx: BodyContext) -> None:
    if tag != "act":
        main = el(parent, "mainBody")
        write_nodes(main, nodes, ctx, "", blocks_allowed=True)
        if len(main) == 0:
            el(main, "p")
        return
    # An act's body holds only divisions: the text before the first one is its preamble.
    first = next(k for k, n in enumerate(nodes) if not isinstance(n, Paragraph | Table))
    if first:
        write_nodes(el(parent, "preamble"), nodes[:first], ctx, "", blocks_allowed=True)
    body = el(parent, "body")
    for node in nodes[first:]:
        if isinstance(node, Paragraph | Table):
            holder = el(body, "hcontainer", eId=ctx.new_eid("", "hcontainer"), name="text")
            write_nodes(holder, (node,), ctx, holder.get("eId"), blocks_allowed=False)
        else:
            write_hier(body, node, ctx, "")


def _write(
    parent: Any,
    m: Metadata,
    body: tuple[Node, ...],
    footnotes: tuple[Footnote, ...],
    ctx: BodyContext,
) -> tuple[Any, Any, dict[str, str]]:
    """One document element into ``parent``; returns it, its ``meta`` and the reference eIds."""
    tag, name = document_kind(m, body)
    doc_el = el(parent, tag, name=name)
    meta = el(doc_el, "meta")
    refs_holder = etree.Element(A + "holder")
    refs = references(refs_holder, m, ctx)
    identification(meta, m, tag, name, refs)
    meta.extend(list(refs_holder))
    preface(doc_el, m, refs)
    _body(doc_el, tag, body, ctx)
    conclusions(doc_el, m, refs, ctx)
    uncited = [note for note in footnotes if note.id not in ctx.note_eids]
    if uncited:
        notes = el(meta, "notes", source=f"#{refs['vnreport']}")
        for note in uncited:
            eid = ctx.claim(f"{ctx.prefix}note_{note.id}")
            ctx.eids[note.id] = eid
            write_note_body(el(notes, "note", eId=eid, marker=note.label, placement="bottom"), note, ctx)
    return doc_el, meta, refs


def _components(doc_el: Any, ctx: BodyContext) -> None:
    """Each bundled document (a booklet's parts) as a ``component`` with its own meta and body."""
    if not ctx.components:
        return
    holder = el(doc_el, "components")
    done = 0
    while done < len(ctx.components):
        eid, sub = ctx.components[done]
        done += 1
        component = el(holder, "component", eId=eid)
        outer_prefix = ctx.prefix
        ctx.prefix = eid + "__"
        _write(component, sub.metadata, sub.children, sub.footnotes, ctx)
        ctx.prefix = outer_prefix


def _all_notes(doc: Document) -> dict[str, Footnote]:
    return {note.id: note for note in doc.all_footnotes()}


def document_to_element(doc: Document) -> Any:
    root = etree.Element(A + "akomaNtoso", nsmap={None: AKN, "vnr": VNR})  # type: ignore[dict-item]
    ctx = BodyContext(doc.text, _all_notes(doc))
    doc_el, meta, refs = _write(root, doc.metadata, doc.body, doc.footnotes, ctx)
    _components(doc_el, ctx)
    # Last in meta (after references and notes, as the schema orders them), once every eId is known.
    proprietary(meta, doc, ctx.eids, f"#{refs['vnreport']}")
    return root


def document_to_xml(doc: Document, pretty: bool = True) -> str:
    """The document as Akoma Ntoso 3.0 XML (UTF-8 declaration included).

    >>> from vnreport import parse
    >>> xml = document_to_xml(parse("I- BỐI CẢNH\\nHuyện có nhiều lợi thế[1].\\n[1] Số liệu năm 2019."))
    >>> '<heading>BỐI CẢNH</heading>' in xml and 'marker="1" placement="bottom"' in xml
    True
    """
    root = document_to_element(doc)
    if pretty:
        _indent(root)
    body: str = etree.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


#: Elements whose content is text: indenting them would add to what they say.
_INLINE = frozenset(A + tag for tag in ("p", "num", "heading", "signature"))


def _indent(element: Any, depth: int = 0) -> None:
    """Indent element-only content; mixed content (text, notes in a p) is left exactly as it is."""
    children = list(element)
    if not children or element.tag in _INLINE or element.text or any(child.tail for child in children):
        return
    pad = "\n" + "  " * (depth + 1)
    element.text = pad
    for k, child in enumerate(children):
        _indent(child, depth + 1)
        child.tail = pad if k + 1 < len(children) else "\n" + "  " * depth

"""The body in Akoma Ntoso 3.0: sections and items as hierarchical elements, paragraphs as ``p``.

Which element a node becomes depends on its marker's style, the way Vietnamese legal drafting
names its divisions (Phần, Chương, Mục, Tiểu mục, Điều, khoản "1.", điểm "a)", dashes): see
:data:`BY_STYLE` and ``docs/json.md``. A hierarchical element holds either ``content`` (its
paragraphs and tables) or sub-elements; running text before its first sub-element is its
``intro``, after the last its ``wrapUp``, and between two sub-elements an ``hcontainer
name="text"``, because the schema lets no ``p`` stand beside a sub-element.

Footnote markers become the notes themselves: the first marker of a footnote is replaced by an
``authorialNote`` (``placement="bottom"``, ``marker`` = its label) holding the body, and any later
marker of the same footnote by a ``noteRef`` to it. eIds follow the Akoma Ntoso naming convention
(``part_1__sec_2__para_3``): the abbreviation of the element, the marker's value, ``__`` between
levels, an ordinal where there is no number, a ``_2`` suffix where a number repeats.
"""

from __future__ import annotations

import re
from typing import Any

import attrs
from lxml import etree

from vnreport.model import (
    BULLET_STYLES,
    Footnote,
    FootnoteRef,
    Item,
    MarkerStyle,
    Paragraph,
    Section,
    Sentence,
    Span,
    SubDocument,
    Table,
)

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
A = "{" + AKN + "}"

#: Characters XML 1.0 cannot carry; replaced one for one, so lengths stay true.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def el(parent: Any, tag: str, text: str | None = None, **attributes: Any) -> Any:
    """An Akoma Ntoso element; attributes that are None or empty are left out."""
    element = etree.SubElement(parent, A + tag)
    for key, value in attributes.items():
        if value is None or value == "":
            continue
        element.set(key, clean(str(value)))
    if text is not None:
        element.text = clean(text)
    return element


#: Marker style → (element, eId abbreviation, hcontainer name). Legal divisions keep their own
#: element; "I." is the section of reports and of Party rules, "1." the khoản (paragraph), "1.1."
#: its subparagraph, "a)", "(1)" and "Một là," points, dashes and bullets indents (for items).
BY_STYLE: dict[MarkerStyle | None, tuple[str, str, str | None]] = {
    MarkerStyle.APPENDIX: ("hcontainer", "hcontainer", "appendix"),
    MarkerStyle.FORM: ("hcontainer", "hcontainer", "form"),
    MarkerStyle.PART: ("part", "part", None),
    MarkerStyle.CHAPTER: ("chapter", "chp", None),
    MarkerStyle.SECTION: ("section", "sec", None),
    MarkerStyle.SUBSECTION: ("subsection", "subsec", None),
    MarkerStyle.ARTICLE: ("article", "art", None),
    MarkerStyle.ROMAN: ("section", "sec", None),
    MarkerStyle.CAPITAL: ("division", "dvs", None),
    MarkerStyle.ARABIC: ("paragraph", "para", None),
    MarkerStyle.DECIMAL: ("subparagraph", "subpara", None),
    MarkerStyle.LETTER: ("point", "point", None),
    MarkerStyle.PAREN: ("point", "point", None),
    MarkerStyle.ORDINAL_WORD: ("point", "point", None),
    MarkerStyle.DASH: ("indent", "indent", None),
    MarkerStyle.PLUS: ("indent", "indent", None),
    MarkerStyle.BULLET: ("indent", "indent", None),
    MarkerStyle.STAR: ("indent", "indent", None),
    None: ("hcontainer", "hcontainer", "unnumbered"),
}


def element_for(node: Section | Item) -> tuple[str, str, str | None]:
    style = node.marker.style if node.marker is not None else None
    if isinstance(node, Section) and style in BULLET_STYLES:
        # A heading behind "*" or "-" is a titled division, not an indent of a list.
        return ("hcontainer", "hcontainer", style.value if style is not None else None)
    return BY_STYLE[style]


@attrs.define
class BodyContext:
    """What the writers share while one document is written."""

    text: str
    notes: dict[str, Footnote]
    prefix: str = ""
    used: set[str] = attrs.field(factory=set)
    counters: dict[tuple[str, str], int] = attrs.field(factory=dict)
    eids: dict[str, str] = attrs.field(factory=dict)
    """Node id → eId of the element that holds it (a sentence: its ``p``)."""
    note_eids: dict[str, str] = attrs.field(factory=dict)
    """Footnote id → eId of its ``authorialNote``, once placed."""
    components: list[tuple[str, SubDocument]] = attrs.field(factory=list)

    def new_eid(self, parent: str, abbr: str, num: str | None = None) -> str:
        if num is None:
            key = (parent or self.prefix, abbr)
            self.counters[key] = self.counters.get(key, 0) + 1
            num = str(self.counters[key])
        base = f"{parent}__{abbr}_{num}" if parent else f"{self.prefix}{abbr}_{num}"
        return self.claim(base)

    def claim(self, base: str) -> str:
        eid, k = base, 1
        while eid in self.used:
            k += 1
            eid = f"{base}_{k}"
        self.used.add(eid)
        return eid


def _num_part(label: str) -> str | None:
    """The marker's value as an eId number: "2.1" → "2-1"; None when there is none."""
    part = re.sub(r"[\s._/]+", "-", label.strip()).strip("-")
    return part or None


# -- hierarchy ----------------------------------------------------------------------------------

_BLOCKS = (Paragraph, Table)


def write_nodes(parent: Any, nodes: tuple[Any, ...], ctx: BodyContext, eid: str, blocks_allowed: bool) -> None:
    """``nodes`` into ``parent``: blocks stand as they are where the parent allows them (mainBody)."""
    if blocks_allowed:
        for node in nodes:
            if isinstance(node, _BLOCKS):
                write_block(parent, node, ctx, eid)
            else:
                write_hier(parent, node, ctx, eid)
        return
    if all(isinstance(node, _BLOCKS) for node in nodes):
        if nodes:
            content = el(parent, "content")
            for node in nodes:
                write_block(content, node, ctx, eid)
        return
    _write_mixed(parent, nodes, ctx, eid)


def _write_mixed(parent: Any, nodes: tuple[Any, ...], ctx: BodyContext, eid: str) -> None:
    hier = [k for k, node in enumerate(nodes) if not isinstance(node, _BLOCKS)]
    first, last = hier[0], hier[-1]
    if first > 0:
        intro = el(parent, "intro")
        for node in nodes[:first]:
            write_block(intro, node, ctx, eid)
    k = first
    while k <= last:
        node = nodes[k]
        if not isinstance(node, _BLOCKS):
            write_hier(parent, node, ctx, eid)
            k += 1
            continue
        run_end = k
        while isinstance(nodes[run_end], _BLOCKS):
            run_end += 1
        holder_eid = ctx.new_eid(eid, "hcontainer")
        holder = el(parent, "hcontainer", eId=holder_eid, name="text")
        content = el(holder, "content")
        for block in nodes[k:run_end]:
            write_block(content, block, ctx, holder_eid)
        k = run_end
    if last + 1 < len(nodes):
        wrap = el(parent, "wrapUp")
        for node in nodes[last + 1 :]:
            write_block(wrap, node, ctx, eid)


def write_hier(parent: Any, node: Any, ctx: BodyContext, parent_eid: str) -> None:
    if isinstance(node, SubDocument):
        cmp_eid = ctx.claim(f"cmp_{len(ctx.components) + 1}")
        ctx.components.append((cmp_eid, node))
        ctx.eids[node.id] = cmp_eid
        show = node.metadata.title or node.metadata.doc_type_name or "document"
        el(parent, "componentRef", src=f"#{cmp_eid}", showAs=show)
        return
    tag, abbr, name = element_for(node)
    num = _num_part(node.marker.label) if node.marker is not None else None
    eid = ctx.new_eid(parent_eid, abbr, num)
    ctx.eids[node.id] = eid
    element = el(parent, tag, eId=eid, name=name)
    if node.marker is not None:
        el(element, "num", node.marker.text)
    if isinstance(node, Section) and node.title:
        el(element, "heading", node.title)
    write_nodes(element, node.children, ctx, eid, blocks_allowed=False)


# -- blocks -------------------------------------------------------------------------------------


def write_block(parent: Any, node: Paragraph | Table, ctx: BodyContext, container: str) -> None:
    if isinstance(node, Table):
        write_table(parent, node, ctx, container)
        return
    if not node.children:
        p = el(parent, "p", eId=ctx.new_eid(container, "p"))
        ctx.eids[node.id] = p.get("eId")
        _inline(p, node.span, (), node.gaps, ctx, container)
        return
    # Sentences run on in one p; a table inside the paragraph closes it and a new one follows.
    runs: list[list[Sentence]] = [[]]
    for child in node.children:
        if isinstance(child, Table):
            if runs[-1]:
                _sentences_p(parent, runs[-1], node, ctx, container)
            runs.append([])
            write_table(parent, child, ctx, container)
        else:
            runs[-1].append(child)
    if runs[-1]:
        _sentences_p(parent, runs[-1], node, ctx, container)
    ctx.eids.setdefault(node.id, ctx.eids.get(node.children[0].id, container))


def _sentences_p(parent: Any, run: list[Sentence], node: Paragraph, ctx: BodyContext, container: str) -> None:
    p = el(parent, "p", eId=ctx.new_eid(container, "p"))
    ctx.eids.setdefault(node.id, p.get("eId"))
    refs: list[FootnoteRef] = []
    for sentence in run:
        ctx.eids[sentence.id] = p.get("eId")
        refs.extend(sentence.footnote_refs)
    span = Span(run[0].span.start, run[-1].span.end)
    gaps = tuple(g for g in node.gaps if span.start <= g.start and g.end <= span.end)
    _inline(p, span, tuple(refs), gaps, ctx, container)


def write_table(parent: Any, table: Table, ctx: BodyContext, container: str) -> None:
    if not table.rows:
        p = el(parent, "p", ctx.text[table.span.start : table.span.end], eId=ctx.new_eid(container, "p"))
        ctx.eids[table.id] = p.get("eId")
        return
    eid = ctx.new_eid(container, "table")
    ctx.eids[table.id] = eid
    element = el(parent, "table", eId=eid)
    for row in table.rows:
        tr = el(element, "tr")
        for cell in row.cells:
            td = el(tr, "td")
            if cell.text:
                el(td, "p", cell.text)


# -- text with its notes ------------------------------------------------------------------------


class _Cursor:
    """Appends text to a mixed-content element: to its text, then to its last child's tail."""

    def __init__(self, element: Any) -> None:
        self.element = element
        self.last: Any = None

    def add(self, chunk: str) -> None:
        if not chunk:
            return
        chunk = clean(chunk)
        if self.last is None:
            self.element.text = (self.element.text or "") + chunk
        else:
            self.last.tail = (self.last.tail or "") + chunk

    def child(self, tag: str, **attributes: Any) -> Any:
        self.last = el(self.element, tag, **attributes)
        return self.last


def _inline(
    p: Any, span: Span, refs: tuple[FootnoteRef, ...], gaps: tuple[Span, ...], ctx: BodyContext, container: str
) -> None:
    """The text of ``span`` into ``p``, page furniture (``gaps``) left out, notes at the markers."""
    markers: dict[tuple[int, int], list[FootnoteRef]] = {}
    for ref in refs:
        markers.setdefault((ref.span.start, ref.span.end), []).append(ref)
    events = sorted([(g.start, g.end, None) for g in gaps] + [(s, e, r) for (s, e), r in markers.items()])
    cursor = _Cursor(p)
    pos = span.start
    text = ctx.text
    for start, end, group in events:
        if start < pos or end > span.end:
            continue
        cursor.add(text[pos:start])
        if group is None:
            cursor.add(" ")  # the page break between the two halves
        else:
            _notes_at(cursor, group, text[start:end], ctx, container)
        pos = end
    cursor.add(text[pos : span.end])


def _notes_at(cursor: _Cursor, refs: list[FootnoteRef], marker_text: str, ctx: BodyContext, container: str) -> None:
    notes = [ctx.notes[r.footnote] for r in refs if r.footnote in ctx.notes]
    if not notes:
        cursor.add(marker_text)  # a marker without a body stays the text it is
        return
    for note in notes:
        placed = ctx.note_eids.get(note.id)
        if placed is not None:
            cursor.child("noteRef", href=f"#{placed}", marker=note.label)
            continue
        eid = ctx.new_eid(container, "authorialNote")
        ctx.note_eids[note.id] = eid
        ctx.eids[note.id] = eid
        write_note_body(cursor.child("authorialNote", eId=eid, marker=note.label, placement="bottom"), note, ctx)


def write_note_body(element: Any, note: Footnote, ctx: BodyContext) -> None:
    """The footnote's text (and where it runs on after a page break) as one ``p``."""
    pieces = [note.text] + [ctx.text[c.start : c.end] for c in note.continued]
    el(element, "p", " ".join(piece for piece in pieces if piece))

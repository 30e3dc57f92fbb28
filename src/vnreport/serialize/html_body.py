"""The body of the HTML view: sections with anchors, items with their markers, sentences whose
footnote markers link to their bodies, claims highlighted with their evidence check, and a
figures table per section.

Every node's element has the id ``n-<node id>`` (node ids are unique in a document), every
footnote ``fn-<footnote id>``, every marker ``ref-<n>``; all text is escaped.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import Any

from vnreport.document import Document
from vnreport.model import Evidence, Item, Paragraph, Quantity, Section, Sentence, SubDocument, Table
from vnreport.serialize.html_meta import metadata_card
from vnreport.serialize.inline import Piece, one_line, sentence_pieces

_STATUS_TEXT = {
    "supported": "✓ backed by the footnote",
    "partly-supported": "◐ partly backed",
    "unsupported": "✗ not in the footnote",
    "no-figures": "no figures to check",
}


def heading_text(node: Section) -> tuple[str, str]:
    """(marker, title) of a section, each on one line."""
    return (one_line(node.marker.text) if node.marker else "", one_line(node.title))


def number(value: Decimal | None) -> str:
    """A value the Vietnamese way: "802.200.000.000", "28,67"."""
    if value is None:
        return ""
    if value == value.to_integral_value():
        return f"{int(value):,}".replace(",", ".")
    whole, _, fraction = f"{value:f}".partition(".")
    return f"{int(whole):,}".replace(",", ".") + "," + fraction.rstrip("0")


def _value(q: Quantity) -> str:
    if q.value is None and (q.low is not None or q.high is not None):
        return f"{number(q.low)} – {number(q.high)}"
    return number(q.value)


class BodyWriter:
    """Writes the body once; remembers which markers cite which footnote (for the back links)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.checks: dict[str, Evidence] = {e.sentence: e for e in doc.evidence}
        self.notes = {note.id for note in doc.all_footnotes()}
        self.citing: dict[str, list[str]] = {}
        self.count = 0

    # -- sentences ----------------------------------------------------------------------------

    def _ref(self, piece: Piece) -> str:
        links = []
        for ref in piece.refs:
            if ref.footnote not in self.notes or ref.footnote is None:
                continue
            self.count += 1
            ref_id = f"ref-{self.count}"
            self.citing.setdefault(ref.footnote, []).append(ref_id)
            links.append(
                f'<a class="fn-ref" id="{ref_id}" href="#fn-{escape(ref.footnote)}" '
                f'aria-describedby="fn-{escape(ref.footnote)}">{escape(ref.label)}</a>'
            )
        if not links:
            return escape(piece.text)
        return '<sup class="fn">' + "".join(links) + "</sup>"

    def _figure(self, piece: Piece, check: Evidence | None) -> str:
        q = piece.quantity
        kind, note = "", f"{_value(q)} {q.unit or ''}".strip() if q else ""
        if check is not None and q is not None:
            if q in check.supported:
                kind, note = " ok", note + " — backed by the cited footnote"
            elif q in check.unsupported:
                kind, note = " no", note + " — not found in the cited footnote"
        return f'<mark class="fig{kind}" title="{escape(note)}">{escape(piece.text)}</mark>'

    def sentence(self, sentence: Sentence) -> str:
        check = self.checks.get(sentence.id)
        parts: list[str] = []
        for piece in sentence_pieces(self.doc.text, sentence, figures=True):
            if piece.kind == "ref":
                parts.append(self._ref(piece))
            elif piece.kind == "figure":
                parts.append(self._figure(piece, check))
            else:
                parts.append(escape(piece.text))
        inner = "".join(parts)
        cites = any(ref.footnote in self.notes for ref in sentence.footnote_refs)
        if not cites:
            return f'<span class="s" id="n-{escape(sentence.id)}">{inner}</span>'
        status = check.status if check is not None else "no-figures"
        # A claim without figures has nothing to check: no badge to say so at every sentence.
        badge = f'<span class="check {status}">{_STATUS_TEXT[status]}</span>' if status != "no-figures" else ""
        return f'<span class="s claim" id="n-{escape(sentence.id)}" data-status="{status}">{inner}</span>{badge}'

    # -- blocks -------------------------------------------------------------------------------

    def paragraph(self, paragraph: Paragraph) -> str:
        out: list[str] = []
        line: list[str] = []
        for child in paragraph.children:
            if isinstance(child, Sentence):
                line.append(self.sentence(child))
                continue
            if line:
                out.append("<p>" + " ".join(line) + "</p>")
                line = []
            out.append(self.table(child))
        if line:
            out.append("<p>" + " ".join(line) + "</p>")
        return f'<div class="para" id="n-{escape(paragraph.id)}">' + "".join(out) + "</div>"

    def table(self, table: Table) -> str:
        rows = []
        for row in table.rows:
            cells = "".join(f"<td>{escape(one_line(cell.text))}</td>" for cell in row.cells)
            rows.append(f"<tr>{cells}</tr>")
        return f'<div class="table-wrap"><table id="n-{escape(table.id)}">' + "".join(rows) + "</table></div>"

    def nodes(self, nodes: tuple[Any, ...], depth: int) -> str:
        out: list[str] = []
        for node in nodes:
            if isinstance(node, Section):
                out.append(self.section(node, depth + 1))
            elif isinstance(node, Item):
                out.append(self.item(node, depth))
            elif isinstance(node, Paragraph):
                out.append(self.paragraph(node))
            elif isinstance(node, Table):
                out.append(self.table(node))
            elif isinstance(node, SubDocument):
                out.append(self.subdocument(node, depth))
        return "".join(out)

    def section(self, section: Section, depth: int) -> str:
        marker, title = heading_text(section)
        level = min(depth + 1, 6)
        anchor = f"n-{escape(section.id)}"
        head = (
            f'<h{level} class="heading">'
            + (f'<span class="m">{escape(marker)}</span> ' if marker else "")
            + escape(title)
            + f'<a class="anchor" href="#{anchor}" aria-label="link to this section">¶</a></h{level}>'
        )
        figures = figures_table(self.doc, section, self.checks)
        body = self.nodes(section.children, depth)
        return f'<section class="sec depth-{depth}" id="{anchor}">{head}{figures}{body}</section>'

    def item(self, item: Item, depth: int) -> str:
        marker = escape(one_line(item.marker.text))
        body = self.nodes(item.children, depth)
        return (
            f'<div class="item" id="n-{escape(item.id)}"><span class="m">{marker}</span>'
            f'<div class="body">{body}</div></div>'
        )

    def subdocument(self, sub: SubDocument, depth: int) -> str:
        card = metadata_card(sub.metadata, self.doc, sub.id)
        return f'<article class="subdoc" id="n-{escape(sub.id)}">{card}{self.nodes(sub.children, depth)}</article>'


def _own_sentences(nodes: tuple[Any, ...]) -> list[Sentence]:
    """The sentences of a section's own text: its paragraphs and items, not its subsections."""
    out: list[Sentence] = []
    for node in nodes:
        if isinstance(node, Paragraph):
            out.extend(s for s in node.children if isinstance(s, Sentence))
        elif isinstance(node, Item):
            out.extend(_own_sentences(node.children))
    return out


def figures_table(doc: Document, section: Section, checks: dict[str, Evidence]) -> str:
    """A folded table of the figures in the section's own text, each linked to its sentence."""
    rows: list[str] = []
    for sentence in _own_sentences(section.children):
        check = checks.get(sentence.id)
        for q in sentence.quantities:
            backed = ""
            if check is not None:
                backed = "✓ backed" if q in check.supported else "✗ not backed" if q in check.unsupported else ""
            kinds = ", ".join(sorted({c.kind.value.replace("_", " ") for c in sentence.comparisons if _in(q, c)}))
            rows.append(
                f'<tr><td><a href="#n-{escape(sentence.id)}">{escape(q.text)}</a></td>'
                f'<td class="num">{escape(_value(q))}</td><td>{escape(q.unit or "")}</td>'
                f"<td>{escape(kinds)}</td><td>{backed}</td></tr>"
            )
    if not rows:
        return ""
    head = "<tr><th>Figure</th><th>Value</th><th>Unit</th><th>Comparison</th><th>Footnote check</th></tr>"
    return (
        f'<details class="figures"><summary>{len(rows)} figure{"s" if len(rows) > 1 else ""} in this section'
        f'</summary><div class="table-wrap"><table>{head}{"".join(rows)}</table></div></details>'
    )


def _in(q: Quantity, comparison: Any) -> bool:
    figures = (comparison.achieved, comparison.target, comparison.baseline, comparison.change, comparison.percent)
    return any(f is not None and f.span == q.span for f in figures)

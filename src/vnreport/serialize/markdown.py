"""Markdown: CommonMark with GitHub's footnotes and pipe tables.

The metadata comes first as a short block of bold labels; each section is a heading at its depth
among sections (``#`` … ``######``; deeper ones are bold lines); items are bullet-list entries
that keep their marker text as written ("1.", "a)", "Một là,"), escaped so that no renderer
renumbers them; footnote markers are ``[^label]`` with one definition per footnote body at the
end; tables are pipe tables with their first row as header.

Text is escaped rather than trusted: every ASCII punctuation character Markdown gives a meaning
to inline is backslash-escaped, and so is what would open a block at the start of a line ("-",
"+", "1." …), since a report's text is full of both.
"""

from __future__ import annotations

import re
from typing import Any

from vnreport.document import Document
from vnreport.model import BULLET_STYLES, Footnote, Item, Metadata, Paragraph, Section, Sentence, SubDocument, Table
from vnreport.serialize.inline import footnote_text, metadata_rows, one_line, sentence_pieces

#: Inline punctuation with a meaning in CommonMark/GFM: emphasis, code, links, HTML, entities,
#: tables, strikethrough, headings' closing hashes.
_INLINE = re.compile(r"([\\`*_\[\]<>|~&#!])")
#: What opens a block at the start of a line: a bullet, a thematic break, a setext underline, an
#: ordered-list number ("1." "2)"), a heading or a quote (those two are escaped inline already).
_BLOCK_START = re.compile(r"^([-+=]|\d{1,9}(?=[.)]))")
#: Footnote labels GFM accepts: no spaces, no brackets.
_LABEL_UNSAFE = re.compile(r"[^\w.-]")
#: The list bullets a marker may keep as written.
_BULLETS = {"-": "-", "+": "+", "*": "*"}
_HEADING_DEPTH = 6


def escape(text: str) -> str:
    """Inline text made literal: one line, Markdown punctuation backslash-escaped."""
    return _INLINE.sub(r"\\\1", one_line(text))


def _escape_start(text: str) -> str:
    """``text`` (escaped already) safe at the start of a line: "1." stays "1.", "-" stays "-"."""
    match = _BLOCK_START.match(text)
    if match is None:
        return text
    if match.group(1)[0].isdigit():
        end = match.end()
        return text[:end] + "\\" + text[end:]
    return "\\" + text


def _opens_with_text(item: Item) -> bool:
    """Whether the item's text starts right after its marker (a paragraph opening on a sentence)."""
    first = item.children[0] if item.children else None
    return isinstance(first, Paragraph) and bool(first.children) and isinstance(first.children[0], Sentence)


def _indent(block: str, pad: str) -> str:
    return "\n".join(pad + line if line else line for line in block.split("\n"))


class _Writer:
    """Walks the tree once and keeps the footnote labels it has written."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        notes = doc.all_footnotes()
        counts: dict[str, int] = {}
        for note in notes:
            counts[note.label] = counts.get(note.label, 0) + 1
        self.labels = {
            note.id: _LABEL_UNSAFE.sub("-", note.label if counts[note.label] == 1 else note.id) for note in notes
        }
        self.cited: set[str] = set()

    # -- text ---------------------------------------------------------------------------------

    def sentence(self, sentence: Sentence) -> str:
        out: list[str] = []
        for piece in sentence_pieces(self.doc.text, sentence):
            notes = [ref.footnote for ref in piece.refs if ref.footnote in self.labels]
            if piece.kind == "ref" and notes:
                out.append("".join(f"[^{self.labels[n]}]" for n in notes if n is not None))
                self.cited.update(n for n in notes if n is not None)
            else:
                out.append(_INLINE.sub(r"\\\1", piece.text))
        return one_line("".join(out))

    def paragraph(self, paragraph: Paragraph) -> list[str]:
        blocks: list[str] = []
        line: list[str] = []
        for child in paragraph.children:
            if isinstance(child, Sentence):
                line.append(self.sentence(child))
                continue
            if line:
                blocks.append(_escape_start(" ".join(line)))
                line = []
            blocks.extend(self.table(child))
        if line:
            blocks.append(_escape_start(" ".join(line)))
        return blocks

    def table(self, table: Table) -> list[str]:
        rows = [[escape(cell.text) for cell in row.cells] for row in table.rows]
        width = max((len(row) for row in rows), default=0)
        if width == 0:
            return []
        lines = ["| " + " | ".join(row + [""] * (width - len(row))) + " |" for row in rows]
        lines.insert(1, "|" + " --- |" * width)
        return ["\n".join(lines)]

    # -- structure ----------------------------------------------------------------------------

    def nodes(self, nodes: tuple[Any, ...], depth: int) -> list[str]:
        blocks: list[str] = []
        for node in nodes:
            if isinstance(node, Section):
                blocks.extend(self.section(node, depth + 1))
            elif isinstance(node, Item):
                blocks.append(self.item(node, depth))
            elif isinstance(node, Paragraph):
                blocks.extend(self.paragraph(node))
            elif isinstance(node, Table):
                blocks.extend(self.table(node))
            elif isinstance(node, SubDocument):
                blocks.extend(self.subdocument(node, depth))
        return blocks

    def section(self, section: Section, depth: int) -> list[str]:
        heading = escape(" ".join(p for p in (section.marker.text if section.marker else "", section.title) if p))
        head: list[str] = []
        if heading:
            head.append("#" * depth + " " + heading if depth <= _HEADING_DEPTH else f"**{heading}**")
        return head + self.nodes(section.children, depth)

    def item(self, item: Item, depth: int) -> str:
        marker = one_line(item.marker.text)
        bullet = _BULLETS.get(marker) if item.style in BULLET_STYLES else None
        blocks = self.nodes(item.children, depth)
        lead = "" if bullet else escape(marker)
        first = blocks.pop(0) if _opens_with_text(item) else ""
        line = " ".join(part for part in (lead, first) if part)
        head = f"{bullet or '-'} {_escape_start(line)}".rstrip()
        return "\n\n".join([head, *(_indent(block, "  ") for block in blocks)])

    def subdocument(self, sub: SubDocument, depth: int) -> list[str]:
        return ["* * *", *front_block(sub.metadata), *self.nodes(sub.children, depth)]

    def definitions(self) -> list[str]:
        notes = self.doc.all_footnotes()
        uncited = [note for note in notes if note.id not in self.cited]
        blocks: list[str] = []
        if uncited:
            # A definition no marker cites is dropped by renderers: cite it once, here.
            blocks.append("Footnotes no marker cites: " + " ".join(f"[^{self.labels[n.id]}]" for n in uncited))
        blocks.extend(self.definition(note) for note in notes)
        return blocks

    def definition(self, note: Footnote) -> str:
        return f"[^{self.labels[note.id]}]: " + _escape_start(escape(footnote_text(self.doc.text, note)))


def front_block(meta: Metadata) -> list[str]:
    """The metadata as one paragraph of "**Label:** value" lines (hard line breaks between)."""
    rows = metadata_rows(meta, in_full=False)
    if not rows:
        return []
    return ["\\\n".join(f"**{label}:** {escape(value)}" for label, value in rows)]


def document_to_markdown(doc: Document) -> str:
    """The document as CommonMark with GFM footnotes and tables."""
    writer = _Writer(doc)
    blocks = front_block(doc.metadata)
    if blocks:
        blocks.append("* * *")
    blocks.extend(writer.nodes(doc.body, 0))
    blocks.extend(writer.definitions())
    return "\n\n".join(blocks) + "\n"

"""A document's next part printed under a header block of its own (issue 12, corpus 12).

A congress booklet prints a political report's second part on a fresh page under the congress
header again ("ĐẠI HỘI ĐẠI BIỂU … LẦN THỨ XII ⏎ ____ ⏎ MỤC TIÊU, NHIỆM VỤ, GIẢI PHÁP … NHIỆM KỲ
XII (2025 - 2028)"), with no "Phần thứ hai" marker. The file's bundle stage sees a header block
and starts a document there; once both are read, a block that names no document of its own (no
type, number, date, subject line or signature) under a document nobody has signed off yet is
that document's next part: an unmarked section titled by the block, not a document.
"""

from __future__ import annotations

import attrs

from vnreport.model import Item, Metadata, Node, Section, Span


def continues(previous: Metadata, part: Metadata) -> bool:
    """Is ``part`` the next part of the (unsigned) document ``previous``?"""
    if previous.signature is not None or (previous.doc_type_name is None and previous.doc_type_code is None):
        return False
    own = (
        part.doc_type_name,
        part.doc_type_code,
        part.number,
        part.symbol,
        part.date,
        part.subject_line,
        part.signature,
    )
    return part.title is not None and all(value is None for value in own) and not part.recipients


def part_section(section_id: str, metadata: Metadata, span: Span, body: tuple[Node, ...]) -> Section:
    """The part as an unmarked section of its document, its own nodes one level down."""
    assert metadata.title is not None
    title_span = metadata.spans.get("title", Span(span.start, span.start))
    return Section(section_id, span, None, 1, metadata.title, title_span, _deeper(body))


def _deeper(nodes: tuple[Node, ...]) -> tuple[Node, ...]:
    out: list[Node] = []
    for node in nodes:
        if isinstance(node, (Section, Item)):
            node = attrs.evolve(node, level=node.level + 1, children=_deeper(node.children))
        out.append(node)
    return tuple(out)

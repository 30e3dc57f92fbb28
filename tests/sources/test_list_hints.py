"""Entries of the source's own lists nest by the depth the source states (vnreport.tree.stated).

A nested ``<ol>`` and a Word list with two decimal levels both write "1." for the first entry of
each level: the numbers alone would make the inner entries siblings of the outer ones. The
readers hand the list depth over as a hint (:class:`vnreport.hints.ListItemHint`), and the tree
puts an entry under the open entry of the shallower depth.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

import vnreport
from vnreport.model import Item, Node, Section
from vnreport.sources.docx import parse_docx
from vnreport.sources.html import extract_html, parse_html

from ..helpers import W_NS, build_docx, check_document

NESTED_PAGE = (
    "<p>Kết quả thực hiện các chỉ tiêu chủ yếu như sau:</p>"
    "<ol><li>Nông nghiệp phát triển khá toàn diện."
    "<ol><li>Trồng trọt tăng trưởng ổn định.</li><li>Chăn nuôi phát triển.</li></ol></li>"
    "<li>Công nghiệp tăng trưởng khá.</li></ol>"
    "<ul><li>- Thương mại ổn định.<ul><li>+ Chợ nông thôn được nâng cấp.</li></ul></li></ul>"
)

#: ``(depth, text)`` of every numbered or bulleted node: the inner "1."/"2." under the outer "1.".
NESTED_SHAPE = [
    (1, "1. Nông nghiệp phát triển khá toàn diện."),
    (2, "1. Trồng trọt tăng trưởng ổn định."),
    (2, "2. Chăn nuôi phát triển."),
    (1, "2. Công nghiệp tăng trưởng khá."),
    (1, "- Thương mại ổn định."),
    (2, "+ Chợ nông thôn được nâng cấp."),
]


def _entries(text: str, nodes: tuple[Node, ...], depth: int = 1) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for node in nodes:
        if isinstance(node, (Item, Section)) and node.marker is not None:
            first_line = text[node.span.start : node.span.end].split("\n")[0]
            out.append((depth, first_line))
            out.extend(_entries(text, node.children, depth + 1))
    return out


def test_html_reader_states_the_depth_of_each_entry() -> None:
    extracted = extract_html(NESTED_PAGE)
    hints = extracted.hints.list_items
    written = [(extracted.text[h.span.start : h.span.end].split("\n")[0], h.depth) for h in hints]
    assert written == [
        ("1. Nông nghiệp phát triển khá toàn diện.", 1),
        ("1. Trồng trọt tăng trưởng ổn định.", 2),
        ("2. Chăn nuôi phát triển.", 2),
        ("2. Công nghiệp tăng trưởng khá.", 1),
        ("- Thương mại ổn định.", 1),
        ("+ Chợ nông thôn được nâng cấp.", 2),
    ]


def test_nested_html_lists_nest() -> None:
    doc = parse_html(NESTED_PAGE)
    check_document(doc)
    assert _entries(doc.text, doc.body) == NESTED_SHAPE


def test_the_same_text_without_the_page_cannot_tell() -> None:
    """As plain text the repeated "1." reads as a new entry of the same list: the depth comes
    from the source alone."""
    doc = vnreport.parse(parse_html(NESTED_PAGE).text)
    assert (2, "1. Trồng trọt tăng trưởng ổn định.") not in _entries(doc.text, doc.body)


TWO_DECIMAL_LEVELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""


def _numbered(text: str, ilvl: int | None) -> str:
    props = ""
    if ilvl is not None:
        props = f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def test_word_list_levels_nest() -> None:
    paragraphs = [
        _numbered("Kết quả thực hiện các chỉ tiêu chủ yếu như sau:", None),
        _numbered("Nông nghiệp phát triển khá toàn diện.", 0),
        _numbered("Trồng trọt tăng trưởng ổn định.", 1),
        _numbered("Chăn nuôi phát triển.", 1),
        _numbered("Công nghiệp tăng trưởng khá.", 0),
    ]
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}"><w:body>{"".join(paragraphs)}</w:body></w:document>'
    )
    doc = parse_docx(build_docx({"word/document.xml": document, "word/numbering.xml": TWO_DECIMAL_LEVELS}))
    check_document(doc)
    assert _entries(doc.text, doc.body) == NESTED_SHAPE[:4]

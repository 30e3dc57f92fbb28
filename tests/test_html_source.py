"""Where HTML text nodes are in the source: the fast reader agrees with the index it falls back on."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from lxml import html as lxml_html

from vnreport.errors import UnreadableInputError
from vnreport.model import Section
from vnreport.sources.html import extract_html, html_parser, parse_html
from vnreport.sources.html_source import SourceIndex, SourceReader

from .helpers import FIXTURES

PAGES = [
    "<p>I- KẾT QUẢ</p><p>Huyện&nbsp;có nhiều&nbsp;lợi thế &amp; tiềm năng.</p>",
    "<p>dòng một\r\ndòng hai\rba</p>\r\n<p>bốn</p>",
    "<p>a &lt; b &amp; c</p><p>x < y</p>",  # a stray "<" the parser reads as text
    "<script>if (a<b) { x = '</p>'; }</script><p>sau script</p><style>p{}</style><p>sau style</p>",
    "<!-- chú thích > có dấu lớn --><p title='a>b'>thuộc tính có dấu lớn</p>",
    "<p>một</p>\n   \n<div>  hai  </div><b>x</b><b>x</b>",
    "<p>&#7871;&#x1EBF; &unknown; &amp</p>",
]


def _offsets(page: str, index: SourceReader | SourceIndex) -> list[tuple[str, list[int], list[int]]]:
    root = lxml_html.document_fromstring(page.encode("utf-8"), parser=html_parser())
    out: list[tuple[str, list[int], list[int]]] = []

    def add(text: str | None) -> None:
        if text:
            starts, ends = index.locate(text)
            out.append((text, list(starts), list(ends)))

    def visit(el: Any) -> None:
        if isinstance(el.tag, str) and el.tag.lower() not in ("script", "style"):
            add(el.text)
        for child in el:
            visit(child)
            add(child.tail)

    visit(root)
    return out


def _printable(found: Sequence[tuple[str, list[int], list[int]]]) -> list[tuple[str, list[int]]]:
    return [(text, starts) for text, starts, _ in found if text.strip()]


@pytest.mark.parametrize("page", PAGES)
def test_the_reader_places_every_text_node_where_the_index_does(page: str) -> None:
    assert _offsets(page, SourceReader(page)) == _offsets(page, SourceIndex(page))


@pytest.mark.parametrize("name", ["seed_page.html", "word_export.html"])
def test_the_reader_places_the_fixtures_text_where_the_index_does(name: str) -> None:
    page = (FIXTURES / name).read_text(encoding="utf-8")
    # Whitespace between </head> and <body> may differ (the index matched it inside the head);
    # every node with text is placed alike.
    assert _printable(_offsets(page, SourceReader(page))) == _printable(_offsets(page, SourceIndex(page)))


def test_a_repaired_page_falls_back_on_the_index() -> None:
    page = "<p>một <b>hai</p> ba</b> bốn"  # misnested: the parser moves text around
    reader = SourceReader(page)
    assert _offsets(page, reader) == _offsets(page, SourceIndex(page))


def test_the_parser_is_reused_after_a_page_it_could_not_read() -> None:
    with pytest.raises(UnreadableInputError):
        extract_html("<!-- only a comment -->")
    doc = parse_html("<p>I- BỐI CẢNH</p><p>Nội dung.</p>")
    assert [s.title for s in doc.body if isinstance(s, Section)] == ["BỐI CẢNH"]
    assert extract_html("<p>x</p>").text == "x"

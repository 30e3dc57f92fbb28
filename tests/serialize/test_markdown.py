"""Markdown output, read back with a CommonMark reader (markdown-it-py with GFM tables and
footnotes): one heading per titled section at its depth, one definition per footnote body, every
word of the body in the rendered text, and item markers as written."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import vnreport
from vnreport.cli import main
from vnreport.model import Item, Paragraph, Section, Sentence, SubDocument, Table
from vnreport.serialize.inline import footnote_text, one_line, sentence_pieces

from ..helpers import CORPUS, SEED

markdown_it = pytest.importorskip("markdown_it")
footnote = pytest.importorskip("mdit_py_plugins.footnote")

FILES = [SEED, *(sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else [])]


def _reader() -> Any:
    return markdown_it.MarkdownIt("commonmark").enable("table").use(footnote.footnote_plugin)


class _Text(HTMLParser):
    """The text of rendered HTML, without the footnote reference numbers the renderer adds."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "sup" and (self.skip or ("class", "footnote-ref") in attrs):
            self.skip += 1
        elif tag not in ("em", "strong", "a", "code", "sup"):
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if self.skip and tag == "sup":
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def _rendered_text(markdown: str) -> str:
    parser = _Text()
    parser.feed(_reader().render(markdown))
    return "".join(parser.parts)


def _expected_headings(nodes: tuple[Any, ...], depth: int = 0) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for node in nodes:
        if isinstance(node, Section):
            text = one_line(" ".join(p for p in (node.marker.text if node.marker else "", node.title) if p))
            if text and depth < 6:
                out.append((depth + 1, text))
            out.extend(_expected_headings(node.children, depth + 1))
        elif isinstance(node, (Item, SubDocument)):
            out.extend(_expected_headings(node.children, depth))
    return out


def _headings(tokens: list[Any]) -> list[tuple[int, str]]:
    out = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            children = tokens[i + 1].children or []
            text = "".join(c.content for c in children if c.type in ("text", "text_special"))
            out.append((int(token.tag[1]), one_line(text)))
    return out


def _body_words(doc: vnreport.Document) -> set[str]:
    words: set[str] = set()
    for node in doc.nodes():
        if isinstance(node, Paragraph):
            for sentence in node.children:
                if isinstance(sentence, Sentence):
                    pieces = sentence_pieces(doc.text, sentence)
                    kept = [p.text for p in pieces if not (p.kind == "ref" and any(r.footnote for r in p.refs))]
                    words.update("".join(kept).split())
        elif isinstance(node, Table):
            words.update(w for row in node.rows for cell in row.cells for w in cell.text.split())
    for note in doc.all_footnotes():
        words.update(footnote_text(doc.text, note).split())
    return words


@pytest.mark.parametrize("path", FILES, ids=lambda p: Path(p).name[:40])
def test_markdown_reads_back(path: Path) -> None:
    doc = vnreport.parse_file(path)
    markdown = doc.to_markdown()
    tokens = _reader().parse(markdown)
    assert _headings(tokens) == _expected_headings(doc.body)
    definitions = [t for t in tokens if t.type == "footnote_open"]
    assert len(definitions) == len(doc.all_footnotes())
    rendered = set(_rendered_text(markdown).split())
    missing = _body_words(doc) - rendered
    assert not missing, sorted(missing)[:20]


def test_markdown_of_the_seed_cites_its_footnotes(seed_doc: vnreport.Document) -> None:
    markdown = seed_doc.to_markdown()
    assert "tấn)[^1]" in markdown and "[^1]: " in markdown
    html = _reader().render(markdown)
    assert html.count('class="footnote-item"') == len(seed_doc.footnotes) == 47
    assert "<h1>Phần I ĐÁNH GIÁ KẾT QUẢ" in html and "<h3>1- Thuận lợi</h3>" in html
    assert "<li>\n<p>(1) Đến năm 2025 cơ cấu kinh tế" in html
    assert "**Title:** NÂNG CAO NĂNG LỰC" in markdown.split("* * *")[0]


TRICKY = """HUYỆN ỦY VĂN LÃNG
I. NHỮNG KẾT QUẢ ĐẠT ĐƯỢC
Sản lượng lương thực năm nay đạt 21.228 tấn_năm[1], vượt <b>kế hoạch</b> | 5% & hơn # nữa [a](http://x), tăng 2 * 3 lần.
1. Mục thứ nhất có dấu ~gạch~ và `mã` trong câu văn dài của báo cáo chính trị huyện.
a) Một điểm của mục thứ nhất với nội dung đủ dài để là một mục của danh sách.
2. Mục thứ hai cũng có nội dung đủ dài để là một mục, không phải một đề mục.
- Gạch đầu dòng.
+ Dấu cộng.
(3) Mục trong ngoặc.
________
[1] Chú thích: 21.228 tấn.
"""


def test_markdown_escapes_what_markdown_would_read() -> None:
    doc = vnreport.parse(TRICKY)
    html = _reader().render(doc.to_markdown())
    for read in ("<em>", "<b>", '<a href="http', "<code>", "<s>", "<ol>", "<ol start", "<table"):
        assert read not in html
    text = _rendered_text(doc.to_markdown())
    assert "tấn_năm, vượt <b>kế hoạch</b> | 5% & hơn # nữa [a](http://x), tăng 2 * 3 lần." in text
    assert "~gạch~" in text and "`mã`" in text
    items = [one_line(li) for li in _list_items(html)]
    markers = [node.marker.text for node in doc.nodes() if isinstance(node, Item)]
    assert len(items) == len(markers)
    assert all(li.startswith(m) or m in "-+*" for li, m in zip(items, markers, strict=True))
    assert html.count('class="footnote-item"') == 1 and 'class="footnote-ref"' in html


def _list_items(html: str) -> list[str]:
    parser = _Text()
    out: list[str] = []
    for chunk in html.split("<li>")[1:]:
        parser.parts = []
        parser.feed(chunk.split("</li>")[0].split("<ul>")[0])
        out.append("".join(parser.parts))
    return out


def test_parse_format_md() -> None:
    result = CliRunner().invoke(main, ["parse", str(SEED), "--format", "md"])
    assert result.exit_code == 0
    assert result.output.startswith("**Title:**") and "\n# Phần I " in result.output

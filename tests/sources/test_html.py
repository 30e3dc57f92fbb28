"""HTML input: the seed as its web page, a Word "Save as Web Page" export, and hostile pages."""

from __future__ import annotations

import html
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

import vnreport
from vnreport.model import Section, Span, Table
from vnreport.sources.html import decode_html, extract_html, parse_html

from ..helpers import FIXTURES, SHARED, structure

SEED_TEXT = FIXTURES / "000_39d0727b6502c1d4.txt"
SEED_PAGE = FIXTURES / "seed_page.html"
WORD_PAGE = FIXTURES / "word_export.html"
WORD_TEXT = FIXTURES / "word_export.txt"
GOLD = SHARED / "gold" / "000_39d0727b6502c1d4.gold.json"


def squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("\u00a0", " ").split())


def footnotes(doc: vnreport.Document) -> list[tuple[str, str, int]]:
    return [(n.label, squash(n.text), len(n.cited_by)) for n in doc.footnotes]


def metadata(doc: vnreport.Document) -> object:
    """The metadata values, without spans (offsets differ between a page and its text)."""

    def drop_spans(value: object) -> object:
        if isinstance(value, dict):
            return {k: drop_spans(v) for k, v in value.items() if k not in ("span", "spans")}
        if isinstance(value, list):
            return [drop_spans(v) for v in value]
        return value

    return drop_spans(doc.to_dict()["metadata"])


def links(doc: vnreport.Document) -> list[tuple[str, str | None]]:
    return [(r.label, r.footnote) for s in doc.sentences() for r in s.footnote_refs]


@pytest.fixture(scope="module")
def seed_text_doc() -> vnreport.Document:
    return vnreport.parse_file(SEED_TEXT)


@pytest.fixture(scope="module")
def seed_page_doc() -> vnreport.Document:
    return vnreport.parse_file(SEED_PAGE)


# -- the seed as a web page -------------------------------------------------------------------


def test_fixture_is_up_to_date() -> None:
    from ..fixtures import make_seed_html

    assert make_seed_html.build(SEED_TEXT.read_text(encoding="utf-8")) == SEED_PAGE.read_text(encoding="utf-8")


def test_seed_page_gives_the_plain_text_tree(
    seed_text_doc: vnreport.Document, seed_page_doc: vnreport.Document
) -> None:
    assert seed_page_doc.source_format == "html"
    assert structure(seed_page_doc, squash) == structure(seed_text_doc, squash)
    assert footnotes(seed_page_doc) == footnotes(seed_text_doc)
    assert links(seed_page_doc) == links(seed_text_doc)
    assert len(seed_page_doc.footnotes) == 47


def test_seed_page_gives_the_plain_text_metadata(
    seed_text_doc: vnreport.Document, seed_page_doc: vnreport.Document
) -> None:
    assert metadata(seed_page_doc) == metadata(seed_text_doc)


def test_seed_page_text_is_the_seed_without_the_skip_link() -> None:
    seed = SEED_TEXT.read_text(encoding="utf-8")
    text = extract_html(SEED_PAGE.read_text(encoding="utf-8")).text
    assert not text.startswith("Skip to main content")
    # Same lines, apart from whitespace runs a browser collapses too.
    assert [squash(x) for x in text.split("\n") if x.strip()] == [squash(x) for x in seed.split("\n")[1:] if x.strip()]
    # NBSP indentation survives as NBSP.
    opening = next(line for line in text.split("\n") if "Trong 5 năm qua" in line)
    assert opening.startswith("\u00a0" * 9 + " Trong")
    for boilerplate in (
        "Trang chủ",
        "Main navigation",
        "Tin mới",
        "Bản quyền",
        "Ý kiến bạn đọc",
        "Chia sẻ",
        "gtag",
    ):
        assert boilerplate not in text


def _scores(doc_path: Path | None) -> dict[str, float]:
    cmd = f"{sys.executable} -m vnreport parse {{path}} --format json"
    argv = [sys.executable, str(SHARED / "tools" / "check_gold.py"), str(GOLD), "--json", "--cmd", cmd]
    if doc_path is not None:
        argv[3:3] = ["--doc", str(doc_path)]
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=600)
    line = proc.stdout.strip().splitlines()[0]
    return {k: v for k, v in json.loads(line).items() if not k.startswith("_")}


@pytest.mark.skipif(not GOLD.exists(), reason="the shared gold file is not next to the project")
def test_check_gold_scores_the_page_like_the_text() -> None:
    text_scores = _scores(None)
    page_scores = _scores(SEED_PAGE)
    assert page_scores == text_scores
    for metric in ("outline_recall", "outline_precision", "outline_depth", "outline_parent", "footnote_links",
                   "footnote_bodies", "footnote_ref_precision", "span_invariants"):  # fmt: skip
        assert page_scores[metric] == 1.0, metric


def test_every_character_maps_back_into_the_html(seed_page_doc: vnreport.Document) -> None:
    source = SEED_PAGE.read_text(encoding="utf-8")
    doc = seed_page_doc
    assert doc.to_raw is not None
    starts = doc.to_raw.starts
    for i, ch in enumerate(doc.text):
        if ch == "\n":
            continue
        at = starts[i]
        if ch == " " and source[at] in " \t\r\n\f":
            continue  # collapsed whitespace maps to the first character of its run
        if ch in "[]" and source[at] != ch:
            continue  # the brackets written around a bare <sup>3</sup>
        if source[at] == "&":
            assert html.unescape(source[at : source.index(";", at) + 1]) == ch
        else:
            assert source[at] == ch, (i, ch, source[at : at + 10])


def test_section_spans_map_to_their_heading_markup(seed_page_doc: vnreport.Document) -> None:
    source = SEED_PAGE.read_text(encoding="utf-8")
    for node in seed_page_doc.nodes():
        if isinstance(node, Section) and node.marker is not None:
            raw = seed_page_doc.raw_span(node.marker.span)
            assert source[raw.start : raw.end] == node.marker.text.replace("\u00a0", "&nbsp;")
            title = seed_page_doc.raw_span(node.title_span)
            assert source[title.start :].startswith(
                seed_page_doc.text[node.title_span.start : node.title_span.start + 5]
            )


def test_bytes_input_maps_to_bytes() -> None:
    data = SEED_PAGE.read_bytes()
    doc = parse_html(data)
    assert doc.encoding == "utf-8"
    sentence = next(s for s in doc.sentences() if "Văn Lãng là huyện" in s.text)
    span = doc.byte_span(sentence.span)
    assert span is not None
    assert data[span.start : span.end].decode("utf-8") == sentence.text


# -- Word "Save as Web Page" ------------------------------------------------------------------


def test_word_export_gives_the_plain_text_tree() -> None:
    page = vnreport.parse_file(WORD_PAGE)
    text = vnreport.parse_file(WORD_TEXT)
    assert structure(page, squash) == structure(text, squash)
    assert structure(page, squash)[:3] == [
        (1, "I-", "KẾT QUẢ ĐẠT ĐƯỢC"),
        (2, "1-", "Về kinh tế"),
        (3, "a)", "Nông nghiệp"),
    ]
    assert footnotes(page) == footnotes(text)
    assert [n.label for n in page.footnotes] == ["1", "2", "3"]
    assert all(n.cited_by for n in page.footnotes)
    assert links(page) == links(text)
    assert metadata(page) == metadata(text)


def test_word_export_footnote_markers() -> None:
    text = extract_html(WORD_PAGE.read_text(encoding="utf-8")).text
    assert "1.250 tỷ đồng[1], tăng" in text  # a Word anchor with its conditional comments
    assert "12.500 tấn[2];" in text  # a bare <sup>2</sup>, numbered like an existing footnote
    assert "\n[1] Theo số liệu" in text
    assert "[3] Năm 2015 là 29,67%." in text


def test_word_export_table() -> None:
    doc = parse_html(WORD_PAGE.read_bytes())
    tables = [n for n in doc.nodes() if isinstance(n, Table)]
    assert len(tables) == 1
    rows = [[c.text for c in r.cells] for r in tables[0].rows]
    assert rows == [
        ["STT", "Lĩnh vực", "Giá trị (tỷ đồng)"],
        ["1", "Công nghiệp chế biến", "310,5"],
        ["2", "Xây dựng", "\u00a0"],
    ]
    for row in tables[0].rows:
        assert doc.text[row.span.start : row.span.end].split("\t") == [c.text for c in row.cells]


# -- layout rules -----------------------------------------------------------------------------


def test_blocks_breaks_and_whitespace() -> None:
    ex = extract_html(
        "<div>Một\n   hai</div><p>ba<br>bốn</p><h2>năm</h2><ul><li>sáu</li><li>bảy</li></ul>"
        "<blockquote>tám</blockquote><p>&nbsp;&nbsp;chín&nbsp;</p>"
    )
    assert ex.text == "Một hai\n\nba\nbốn\n\nnăm\nsáu\nbảy\ntám\n\n\u00a0\u00a0chín\u00a0"


def test_ordered_lists_are_numbered() -> None:
    ex = extract_html('<ol type="I"><li>BỐI CẢNH</li><li>KẾT QUẢ</li></ol><ol start="3"><li>Ba</li></ol>')
    assert ex.text == "I. BỐI CẢNH\nII. KẾT QUẢ\n3. Ba"


def test_superscripts_that_are_not_footnotes_stay() -> None:
    ex = extract_html("<p>Diện tích 20 m<sup>2</sup>, thứ 1<sup>st</sup>.</p>")
    assert ex.text == "Diện tích 20 m2, thứ 1st."


def test_markdown_style_footnotes() -> None:
    doc = parse_html(
        "<p>I- KẾT QUẢ</p><p>Tăng trưởng đạt 8%<sup id='fnref1'><a href='#fn1'>1</a></sup>.</p>"
        "<section class='footnotes'><ol><li id='fn1'>"
        "<p>Theo Cục Thống kê.<a href='#fnref1'>↩</a></p></li></ol></section>"
    )
    assert [(n.label, n.text.strip()) for n in doc.footnotes] == [("1", "Theo Cục Thống kê.")]
    assert doc.footnotes[0].cited_by


def test_data_table_cells_are_recoverable() -> None:
    ex = extract_html(
        "<p>Bảng:</p><table border='1'><tr><th>STT</th><th>Chỉ tiêu</th></tr>"
        "<tr><td>1.</td><td><p>Dân số</p><p>trung bình</p></td></tr><tr><td></td><td>x</td></tr></table>"
        "<p>Hết.</p>"
    )
    assert ex.text == "Bảng:\n\nSTT\tChỉ tiêu\n1.\tDân số trung bình\n\tx\n\nHết."
    (table,) = ex.hints.tables
    assert [[ex.text[c.start : c.end] for c in r.cells] for r in table.rows] == [
        ["STT", "Chỉ tiêu"],
        ["1.", "Dân số trung bình"],
        ["", "x"],
    ]


def test_a_table_row_is_never_read_as_a_heading() -> None:
    doc = parse_html(
        "<p>I- KẾT QUẢ</p><table border=1><tr><td>1.</td><td>DÂN SỐ</td></tr>"
        "<tr><td>2.</td><td>LAO ĐỘNG</td></tr>"
        "</table><p>1- Kinh tế</p><p>Tăng trưởng khá.</p>"
    )
    assert structure(doc, squash) == [(1, "I-", "KẾT QUẢ"), (2, "1-", "Kinh tế")]
    (table,) = [n for n in doc.nodes() if isinstance(n, Table)]
    assert [[c.text for c in r.cells] for r in table.rows] == [["1.", "DÂN SỐ"], ["2.", "LAO ĐỘNG"]]
    assert doc.text[table.span.start : table.span.end] == "1.\tDÂN SỐ\n2.\tLAO ĐỘNG"


def test_layout_table_is_read_as_blocks() -> None:
    ex = extract_html(
        "<table><tr><td><p>ĐẢNG BỘ TỈNH</p><p>HUYỆN ỦY</p></td><td><p>ĐẢNG CỘNG SẢN VIỆT NAM</p></td></tr></table>"
    )
    assert ex.text == "ĐẢNG BỘ TỈNH\n\nHUYỆN ỦY\n\nĐẢNG CỘNG SẢN VIỆT NAM"
    assert ex.hints.tables == ()


def test_main_content_is_preferred() -> None:
    ex = extract_html(
        "<body><div class='site-name'>CỔNG THÔNG TIN</div><div id='top-menu'>Trang chủ | Liên hệ</div>"
        "<main><p>I- NỘI DUNG</p></main><div class='footer'>Bản quyền</div></body>"
    )
    assert ex.text == "I- NỘI DUNG"


def test_empty_and_textless_pages() -> None:
    assert extract_html("").text == ""
    doc = parse_html("<html><head><title>x</title></head><body><script>var a;</script></body></html>")
    assert doc.text == ""
    assert doc.body == ()


def test_crlf_source_offsets() -> None:
    source = "<p>Dòng\r\nmột</p>\r\n<p>Hai</p>"
    doc = parse_html(source)
    assert doc.text == "Dòng một\n\nHai"
    span = doc.raw_span(Span(doc.text.index("Hai"), doc.text.index("Hai") + 3))
    assert source[span.start : span.end] == "Hai"


# -- encodings --------------------------------------------------------------------------------


def _cp1258(text: str) -> bytes:
    """Encode as Word does in windows-1258: precomposed where the code page has it, else base + tone."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = list(unicodedata.normalize("NFD", ch))
        for k, mark in enumerate(marks):
            composed = unicodedata.normalize("NFC", base + mark)
            rest = "".join(marks[:k] + marks[k + 1 :])
            try:
                out += composed.encode("cp1258") + rest.encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            out += (base + "".join(marks)).encode("cp1258")
    return bytes(out)


def test_windows_1258_page_is_composed_and_mapped() -> None:
    source = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head>'
        "<body><p>I- KẾT QUẢ</p><p>Báo cáo của Huyện ủy về việc thực hiện.</p></body></html>"
    )
    data = _cp1258(source)
    doc = parse_html(data)
    assert doc.encoding == "cp1258"
    assert "Báo cáo của Huyện ủy về việc thực hiện." in doc.text
    assert unicodedata.is_normalized("NFC", doc.text)
    decoded = decode_html(data)[0]
    assert not unicodedata.is_normalized("NFC", decoded)  # the page really is decomposed
    start = doc.text.index("Huyện")
    raw = doc.raw_span(Span(start, start + len("Huyện ủy")))
    assert unicodedata.normalize("NFC", decoded[raw.start : raw.end]) == "Huyện ủy"
    byte_span = doc.byte_span(Span(start, start + len("Huyện ủy")))
    assert byte_span is not None
    assert unicodedata.normalize("NFC", data[byte_span.start : byte_span.end].decode("cp1258")) == "Huyện ủy"


def test_parse_file_sniffs_html(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("<!DOCTYPE html><html><body><p>I- KẾT QUẢ</p><p>Nội dung.</p></body></html>", encoding="utf-8")
    doc = vnreport.parse_file(path)
    assert doc.source_format == "html"
    assert structure(doc, squash) == [(1, "I-", "KẾT QUẢ")]


# -- hostile pages ----------------------------------------------------------------------------

SECRET = "vnreport-secret-5b1e"


def test_xxe_page_neither_expands_nor_leaks(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    page = (
        f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        "<html><body><p>I- KẾT QUẢ</p><p>Nội dung &xxe; hết.</p></body></html>"
    )
    path = tmp_path / "xxe.html"
    path.write_text(page, encoding="utf-8")
    doc = vnreport.parse_file(path)
    assert SECRET not in doc.text
    assert SECRET not in doc.to_json()
    assert "Nội dung &xxe; hết." in doc.text
    assert not doc.text.startswith("]>")
    assert any(d.code.value == "html-parse" for d in doc.diagnostics)


def test_billion_laughs_page_does_not_expand() -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    page = f"<!DOCTYPE html [{entities}]><html><body><p>Nội dung &lol9;.</p></body></html>"
    doc = parse_html(page)
    assert doc.text == "Nội dung &lol9;."
    assert "lollol" not in doc.to_json()

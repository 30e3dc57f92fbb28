"""Source hints: what HTML and DOCX state of their structure reaches the stages (vnreport.hints).

Each case parses a marked-up source and the same text as plain text: the source's headings,
tables and raised footnote markers change the result only where the source states them.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

import vnreport
from vnreport.hints import NO_HINTS, HeadingHint, SourceHints, TableHint, TableRowHint
from vnreport.model import Section, Span, Table
from vnreport.sources.docx import extract_docx, parse_docx
from vnreport.sources.html import extract_html, parse_html
from vnreport.text.reading import normalize

from .helpers import W_NS, build_docx, check_document, structure

# Bullets above numbers: the text alone reads "1." as a heading style of its own that closes
# the dash before it; the source says the numbers are h2 under h1 dashes.
LEVELS_PAGE = (
    "<h1>- Về kinh tế</h1><h2>1. Nông nghiệp</h2><p>Sản lượng tăng khá.</p>"
    "<h2>2. Công nghiệp</h2><p>Giá trị sản xuất tăng.</p>"
    "<h1>- Về xã hội</h1><h2>1. Giáo dục</h2><p>Chất lượng được nâng lên.</p>"
)

LEVELS_SHAPE = [(1, "-"), (2, "1."), (2, "2."), (1, "-"), (2, "1.")]


def _shape(doc: vnreport.Document) -> list[tuple[int, str]]:
    return [(depth, marker) for depth, marker, _ in structure(doc)]


def test_html_heading_levels_decide_the_nesting() -> None:
    doc = parse_html(LEVELS_PAGE)
    check_document(doc)
    assert _shape(doc) == LEVELS_SHAPE
    assert [h.level for h in extract_html(LEVELS_PAGE).hints.headings] == [1, 2, 2, 1, 2]


def test_plain_text_of_the_same_page_is_parsed_as_before() -> None:
    text = parse_html(LEVELS_PAGE).text
    assert _shape(vnreport.parse(text)) != LEVELS_SHAPE


def test_html_table_is_a_table_node_numbered_by_the_tree() -> None:
    doc = parse_html(
        "<p>I- KẾT QUẢ</p><p>Các chỉ tiêu chính:</p><table border=1><tr><th>STT</th><th>CHỈ TIÊU</th></tr>"
        "<tr><td>1.</td><td>DÂN SỐ</td></tr></table><p>Sau bảng là đoạn văn.</p>"
    )
    check_document(doc)
    (section,) = doc.body
    assert isinstance(section, Section)
    kinds = [(type(n).__name__, n.id) for n in section.children]
    assert kinds == [("Paragraph", "s1.g1"), ("Table", "s1.tb1"), ("Paragraph", "s1.g2")]
    table = section.children[1]
    assert isinstance(table, Table)
    assert [[c.text for c in r.cells] for r in table.rows] == [["STT", "CHỈ TIÊU"], ["1.", "DÂN SỐ"]]
    # No sentence comes from a table row, and no row is a heading.
    assert all(not (s.span.start >= table.span.start and s.span.end <= table.span.end) for s in doc.sentences())
    assert structure(doc) == [(1, "I-", "KẾT QUẢ")]


def test_raised_number_cites_a_footnote_but_not_a_unit_exponent() -> None:
    doc = parse_html(
        "<p>I- KẾT QUẢ</p><p>Huyện có nhiều lợi thế<sup>2</sup>, diện tích 20 km<sup>2</sup>.</p>"
        "<p>[2] Theo số liệu năm 2020.</p>"
    )
    check_document(doc)
    refs = [(r.label, doc.text[r.span.start - 3 : r.span.end]) for s in doc.sentences() for r in s.footnote_refs]
    assert refs == [("2", "thế2")]
    (note,) = doc.footnotes
    assert note.label == "2" and note.cited_by
    # The same text without the source's <sup>: "thế2" is a word and a digit, not a marker.
    assert not vnreport.parse(doc.text).footnotes or not vnreport.parse(doc.text).footnotes[0].cited_by


def test_hints_move_through_normalization() -> None:
    decomposed = "Ho\u0302\u0323i nghi\u0323\u0302 [1]"  # NFD: the NFC text is shorter
    text, nfc = normalize(decomposed)
    start = decomposed.index("[1]")
    hints = SourceHints(
        tables=(TableHint(Span(0, 4), (TableRowHint(Span(0, 4), (Span(0, 4),)),)),),
        headings=(HeadingHint(Span(0, len(decomposed)), 1),),
        superscripts=(Span(start, start + 3),),
    ).through(nfc)
    (marker,) = hints.superscripts
    assert text[marker.start : marker.end] == "[1]"
    assert hints.headings[0].span == Span(0, len(text))
    assert NO_HINTS.through(nfc) is NO_HINTS


# -- DOCX -------------------------------------------------------------------------------------


def _paragraph(text: str, outline: int | None = None, bullet: bool = False, runs: str = "") -> str:
    props = ""
    if outline is not None or bullet:
        inner = f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else ""
        if bullet:
            inner = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>' + inner
        props = f"<w:pPr>{inner}</w:pPr>"
    body = runs or f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    return f"<w:p>{props}{body}</w:p>"


def _raised(text: str) -> str:
    return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>{escape(text)}</w:t></w:r>'


def _docx_with_hints() -> bytes:
    row = "".join(f"<w:tc><w:p><w:r><w:t>{escape(c)}</w:t></w:r></w:p></w:tc>" for c in ("STT", "CHỈ TIÊU", "KẾT QUẢ"))
    row2 = "".join(f"<w:tc><w:p><w:r><w:t>{escape(c)}</w:t></w:r></w:p></w:tc>" for c in ("1.", "DÂN SỐ", "20"))
    table = f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tr>{row}</w:tr><w:tr>{row2}</w:tr></w:tbl>'
    text_run = '<w:r><w:t xml:space="preserve">Sản lượng tăng khá</w:t></w:r>'
    body = "".join(
        [
            _paragraph("Về kinh tế", outline=0, bullet=True),
            _paragraph("1. Nông nghiệp", outline=1),
            _paragraph("", runs=text_run + _raised("1") + '<w:r><w:t xml:space="preserve">.</w:t></w:r>'),
            table,
            _paragraph("2. Công nghiệp", outline=1),
            _paragraph("Giá trị sản xuất tăng."),
            _paragraph("Về xã hội", outline=0, bullet=True),
            _paragraph("1. Giáo dục", outline=1),
            _paragraph("Chất lượng được nâng lên."),
            _paragraph("[1] Theo số liệu của Chi cục Thống kê."),
        ]
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    )
    return build_docx({"word/document.xml": document})


def test_docx_hints_levels_table_and_raised_marker() -> None:
    data = _docx_with_hints()
    hints = extract_docx(data).extracted.hints
    assert [h.level for h in hints.headings] == [1, 2, 2, 1, 2]
    assert len(hints.tables) == 1 and len(hints.superscripts) == 1
    doc = parse_docx(data)
    check_document(doc)
    assert _shape(doc) == LEVELS_SHAPE
    tables = [n for n in doc.nodes() if isinstance(n, Table)]
    # "Về kinh tế" (a bullet with Word's outline level 0) heads "1. Nông nghiệp": a section.
    assert [t.id for t in tables] == ["s1.s1.tb1"]
    assert [[c.text for c in r.cells] for r in tables[0].rows] == [
        ["STT", "CHỈ TIÊU", "KẾT QUẢ"],
        ["1.", "DÂN SỐ", "20"],
    ]
    (note,) = doc.footnotes
    assert note.label == "1" and note.cited_by


def test_a_footnote_body_the_source_holds_is_a_footnote_even_uncited() -> None:
    doc = parse_html(
        "<p>I- KẾT QUẢ</p><p>Nội dung chính.</p><div id='ftn1'><p>Ghi chú không có dấu trong bài.</p></div>"
    )
    check_document(doc)
    assert [(n.label, n.cited_by) for n in doc.footnotes] == [("1", ())]
    assert "footnote-body-without-marker" in {d.code.value for d in doc.diagnostics}
    # The text alone has no inline "[1]": there the line is a paragraph, not a footnote.
    assert vnreport.parse(doc.text).footnotes == ()


def test_docx_footnote_bodies_are_hints() -> None:
    extracted = extract_docx(build_docx()).extracted
    bodies = [extracted.text[s.start : s.end].strip() for s in extracted.hints.footnote_bodies]
    assert bodies == ["[1] Theo số liệu của Chi cục Thống kê huyện.", "[2] Năm 2015 là 29,67%."]

"""Page breaks and page furniture from Word and HTML (sources/docx_pages.py, sources/html_styles.py,
layout/source_pages.py): the pages the source states become the document's pages."""

from __future__ import annotations

import vnreport
from vnreport.model import FurnitureKind, Section, Span
from vnreport.serialize.json import document_from_json
from vnreport.sources.docx import extract_docx, parse_docx
from vnreport.sources.html import extract_html, parse_html

from ..helpers import W_NS, build_docx, docx_document, docx_paragraph, docx_run, structure

_HEADER = (
    docx_paragraph("ĐẢNG BỘ HUYỆN VĂN LÃNG"),
    docx_paragraph("Số 45-BC/HU"),
    docx_paragraph("Văn Lãng, ngày 10 tháng 4 năm 2020"),
    docx_paragraph("BÁO CÁO"),
    docx_paragraph("Tình hình thực hiện nhiệm vụ quý I năm 2020"),
)

_FOOTER = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr xmlns:w="{W_NS}">'
    "<w:p><w:r><w:t>Báo cáo quý I - Huyện ủy Văn Lãng</w:t></w:r></w:p></w:ftr>"
)


def _three_pages() -> bytes:
    """Three pages, broken in three of Word's ways: a hard break, a paragraph that starts a page,
    and a section ending with the next one starting a page; plus a rendered break that Word
    writes where a hard break already is (one break, not two)."""
    body = docx_document(
        *_HEADER,
        docx_paragraph("I. KẾT QUẢ ĐẠT ĐƯỢC"),
        docx_paragraph("Kinh tế tăng trưởng khá."),
        docx_paragraph(docx_run("II. NHIỆM VỤ QUÝ II", before='<w:br w:type="page"/><w:lastRenderedPageBreak/>')),
        docx_paragraph("Tiếp tục chỉ đạo sản xuất.", props='<w:sectPr><w:type w:val="continuous"/></w:sectPr>'),
        docx_paragraph("III. TỔ CHỨC THỰC HIỆN", props="<w:pageBreakBefore/>"),
        docx_paragraph("Các chi bộ thực hiện.", props="<w:sectPr/>"),
        docx_paragraph("IV. KIẾN NGHỊ"),
        docx_paragraph("Không có."),
        section='<w:type w:val="nextPage"/>',
    )
    return build_docx({"word/document.xml": body, "word/footer1.xml": _FOOTER})


def _sections(doc: vnreport.Document) -> dict[str, tuple[int, ...]]:
    return {node.title: doc.pages(node.span) for node in doc.body if isinstance(node, Section)}


def test_word_page_breaks_make_the_pages() -> None:
    doc = parse_docx(_three_pages())
    # The section "continuous" after "Tiếp tục …" starts no page; the one after "Các chi bộ …" does.
    assert _sections(doc) == {
        "KẾT QUẢ ĐẠT ĐƯỢC": (1,),
        "NHIỆM VỤ QUÝ II": (2,),
        "TỔ CHỨC THỰC HIỆN": (3,),
        "KIẾN NGHỊ": (4,),
    }
    breaks = [f for f in doc.furniture if f.kind is FurnitureKind.PAGE_BREAK]
    assert [doc.text[f.span.start : f.span.start + 6] for f in breaks] == ["II. NH", "III. T", "IV. KI"]
    assert all(len(f.span) == 0 and f.text == "" for f in breaks)
    chunk_pages = {chunk.headings[-1]: chunk.pages for chunk in doc.chunks(max_chars=60)}
    assert chunk_pages["II. NHIỆM VỤ QUÝ II"] == (2,) and chunk_pages["IV. KIẾN NGHỊ"] == (4,)


def test_headers_and_footers_are_page_furniture_not_body() -> None:
    doc = parse_docx(_three_pages())
    printed = [(f.kind, f.text) for f in doc.furniture if f.kind.value.startswith("running")]
    assert printed == [
        (FurnitureKind.RUNNING_HEADER, "Trang đầu - chỉ dùng nội bộ"),
        (FurnitureKind.RUNNING_FOOTER, "Báo cáo quý I - Huyện ủy Văn Lãng"),
    ]
    assert "Văn Lãng" not in " ".join(str(n.title) for n in doc.nodes() if isinstance(n, Section))
    assert all("Trang đầu" not in s.text and "Báo cáo quý I" not in s.text for s in doc.sentences())
    titles = ["KẾT QUẢ ĐẠT ĐƯỢC", "NHIỆM VỤ QUÝ II", "TỔ CHỨC THỰC HIỆN", "KIẾN NGHỊ"]
    assert [t for _, _, t in structure(doc)] == titles
    assert doc.metadata.title == "Tình hình thực hiện nhiệm vụ quý I năm 2020"
    # Every piece keeps its span into the text, and the text's map into the footer's XML.
    for f in doc.furniture:
        assert doc.text[f.span.start : f.span.end] == f.text
    footer = next(f for f in doc.furniture if f.kind is FurnitureKind.RUNNING_FOOTER)
    assert doc.to_raw is not None and doc.source is not None
    in_raw = doc.to_raw.map_span(footer.span)
    assert doc.source.raw[in_raw.start : in_raw.end] == footer.text
    # The JSON keeps them, and a document read back from it knows its pages.
    kinds = [f["kind"] for f in doc.to_dict()["furniture"]]
    assert kinds.count("page-break") == 3 and "running-footer" in kinds
    assert _sections(document_from_json(doc.to_json())) == _sections(doc)


def test_the_fixture_header_is_furniture() -> None:
    extracted = extract_docx(build_docx()).extracted
    (piece,) = extracted.hints.page_furniture
    # The piece is the header's paragraphs, each with its line end.
    assert extracted.text[piece.span.start : piece.span.end] == "Trang đầu - chỉ dùng nội bộ\n"
    assert piece.kind is FurnitureKind.RUNNING_HEADER
    assert extracted.hints.page_breaks == ()


def test_a_document_without_breaks_has_no_pages() -> None:
    doc = parse_docx(build_docx())
    assert doc.pages(Span(0, len(doc.text))) == ()
    assert {c.pages for c in doc.chunks()} == {()}


_PAGE = """<html><body><main>
<p>BÁO CÁO</p><p>Kết quả năm 2020</p>
<p>I. KẾT QUẢ ĐẠT ĐƯỢC</p><p>Kinh tế tăng trưởng khá.</p>
<br clear=all style='page-break-before:always'>
<p>II. NHIỆM VỤ NĂM 2021</p><p>Tiếp tục phát triển.</p>
<div style="break-after: page"><p>III. TỔ CHỨC THỰC HIỆN</p><p>Các chi bộ thực hiện.</p></div>
<p style="page-break-before: auto">IV. KIẾN NGHỊ</p><p>Không có.</p>
</main></body></html>"""


def test_html_page_break_styles_make_the_pages() -> None:
    doc = parse_html(_PAGE)
    assert _sections(doc) == {
        "KẾT QUẢ ĐẠT ĐƯỢC": (1,),
        "NHIỆM VỤ NĂM 2021": (2,),
        "TỔ CHỨC THỰC HIỆN": (2,),
        "KIẾN NGHỊ": (3,),
    }
    breaks = extract_html(_PAGE).hints.page_breaks
    assert len(breaks) == 2 and all(len(b) == 0 for b in breaks)


def test_word_web_page_breaks_and_keep_with_next() -> None:
    # Word's "Save as Web Page": a hard break is a <br> with page-break-before; "keep with next"
    # on a heading is page-break-after:avoid, which breaks nothing.
    page = (
        "<div class=WordSection1><h1 style='page-break-after:avoid'>I. KẾT QUẢ</h1><p class=MsoNormal>Tốt.</p>"
        "<span style='font-size:14.0pt'><br clear=all style='mso-special-character:line-break;"
        "page-break-before:always'></span><h1 style='page-break-after:avoid'>II. NHIỆM VỤ</h1>"
        "<p class=MsoNormal>Tiếp tục.</p></div>"
    )
    doc = parse_html(page)
    assert _sections(doc) == {"KẾT QUẢ": (1,), "NHIỆM VỤ": (2,)}


def test_text_passes_no_pages_and_form_feeds_still_count() -> None:
    plain = vnreport.parse("I. KẾT QUẢ\nKinh tế tăng trưởng.\n\fII. NHIỆM VỤ\nTiếp tục.\n")
    assert _sections(plain) == {"KẾT QUẢ": (1,), "NHIỆM VỤ": (2,)}
    assert not any(f.kind is FurnitureKind.PAGE_BREAK for f in plain.furniture)

"""Headings the source states or sets apart without a marker in their text (vnreport.tree.stated).

An ``<h2>`` or a Word "Heading 2" paragraph whose text has no "I."/"1." is a section at that
level, titled by its text; the same text as plain text stays a paragraph.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

import vnreport
from vnreport.model import Paragraph, Section
from vnreport.sources.docx import parse_docx
from vnreport.sources.html import parse_html

from ..helpers import W_NS, build_docx, check_document

STATED_PAGE = (
    "<h2>Tình hình chung</h2><p>Kinh tế tăng trưởng khá.</p>"
    "<h3>Về nông nghiệp</h3><p>1. Sản lượng lúa tăng.</p><p>2. Chăn nuôi phát triển.</p>"
    "<h2>Nhiệm vụ thời gian tới</h2><p>Tiếp tục phát triển kinh tế.</p>"
)


def _sections(nodes: tuple[object, ...], depth: int = 1) -> list[tuple[int, str, bool]]:
    """``(depth, title, marked)`` of every section, in document order."""
    out: list[tuple[int, str, bool]] = []
    for node in nodes:
        if isinstance(node, Section):
            out.append((depth, node.title, node.marker is not None))
            out.extend(_sections(node.children, depth + 1))
    return out


STATED_SHAPE = [(1, "Tình hình chung", False), (2, "Về nông nghiệp", False), (1, "Nhiệm vụ thời gian tới", False)]


def test_html_heading_without_marker_is_a_section() -> None:
    doc = parse_html(STATED_PAGE)
    check_document(doc)
    assert _sections(doc.body) == STATED_SHAPE
    first = doc.body[0]
    assert isinstance(first, Section)
    assert doc.text[first.title_span.start : first.title_span.end] == "Tình hình chung"
    assert isinstance(first.children[0], Paragraph)


def test_plain_text_of_the_page_keeps_its_paragraphs() -> None:
    doc = vnreport.parse(parse_html(STATED_PAGE).text)
    assert not any(isinstance(node, Section) and node.marker is None for node in doc.body)


def _paragraph(text: str, outline: int | None = None) -> str:
    props = f'<w:pPr><w:outlineLvl w:val="{outline}"/></w:pPr>' if outline is not None else ""
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _docx(*paragraphs: str) -> bytes:
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}"><w:body>{"".join(paragraphs)}</w:body></w:document>'
    )
    return build_docx({"word/document.xml": document})


def test_docx_heading_2_without_marker_is_a_section() -> None:
    doc = parse_docx(
        _docx(
            _paragraph("Tình hình chung", outline=1),
            _paragraph("Kinh tế tăng trưởng khá."),
            _paragraph("Về nông nghiệp", outline=2),
            _paragraph("1. Sản lượng lúa tăng."),
            _paragraph("2. Chăn nuôi phát triển."),
            _paragraph("Nhiệm vụ thời gian tới", outline=1),
            _paragraph("Tiếp tục phát triển kinh tế."),
        )
    )
    check_document(doc)
    assert _sections(doc.body) == STATED_SHAPE


# Bold lines set apart under a numbered chapter: short, no closing punctuation; a bold sentence
# stays a paragraph, and "II." closes the bold headings with the chapter they are under.
BOLD_PAGE = (
    "<p>I. KẾT QUẢ ĐẠT ĐƯỢC</p><p><b>Về kinh tế</b></p><p>1. Nông nghiệp tăng khá.</p>"
    "<p>2. Công nghiệp phát triển.</p><p><strong>Về xã hội</strong></p>"
    "<p><b>Đây là một câu được nhấn mạnh.</b></p><p>II. NHIỆM VỤ</p><p>Tiếp tục phát triển.</p>"
)
BOLD_SHAPE = [(1, "KẾT QUẢ ĐẠT ĐƯỢC", True), (2, "Về kinh tế", False), (2, "Về xã hội", False), (1, "NHIỆM VỤ", True)]


def test_html_bold_short_line_is_a_heading() -> None:
    doc = parse_html(BOLD_PAGE)
    check_document(doc)
    assert _sections(doc.body) == BOLD_SHAPE
    chapter = doc.body[0]
    assert isinstance(chapter, Section)
    under = chapter.children[0]
    assert isinstance(under, Section) and len(under.children) == 2
    assert all(marked for _, _, marked in _sections(vnreport.parse(doc.text).body))


def test_bold_is_emphasis_where_the_source_has_heading_styles() -> None:
    doc = parse_html("<h2>Tình hình</h2>" + BOLD_PAGE)
    assert "Về kinh tế" not in [title for _, title, _ in _sections(doc.body)]


def _bold(text: str) -> str:
    return f'<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def test_docx_bold_short_line_is_a_heading() -> None:
    doc = parse_docx(
        _docx(
            _paragraph("I. KẾT QUẢ ĐẠT ĐƯỢC"),
            _bold("Về kinh tế"),
            _paragraph("1. Nông nghiệp tăng khá."),
            _paragraph("2. Công nghiệp phát triển."),
            _bold("Về xã hội"),
            _bold("Đây là một câu được nhấn mạnh."),
            _paragraph("II. NHIỆM VỤ"),
            _paragraph("Tiếp tục phát triển."),
        )
    )
    check_document(doc)
    assert _sections(doc.body) == BOLD_SHAPE


# A centred title under a centred type word: the text alone takes the short line under it into
# the title too; the centring ends the title where the source stops centring.
TITLE_LINES = ("BÁO CÁO", "Kết quả thực hiện nhiệm vụ", "quý I năm 2020")
TITLE_BODY = ("Thực hiện chương trình công tác năm 2020", "Huyện đã tập trung chỉ đạo các nhiệm vụ.")


def test_html_centred_lines_bound_the_title() -> None:
    page = "".join(f"<p align='center'>{line}</p>" for line in TITLE_LINES)
    page += "".join(f"<p>{line}</p>" for line in TITLE_BODY)
    doc = parse_html(page)
    check_document(doc)
    assert doc.metadata.title == "Kết quả thực hiện nhiệm vụ quý I năm 2020"
    assert doc.metadata.title != vnreport.parse(doc.text).metadata.title


def _centred(text: str) -> str:
    props = '<w:pPr><w:jc w:val="center"/></w:pPr>'
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def test_docx_centred_lines_bound_the_title() -> None:
    doc = parse_docx(_docx(*map(_centred, TITLE_LINES), *map(_paragraph, TITLE_BODY)))
    check_document(doc)
    assert doc.metadata.title == "Kết quả thực hiện nhiệm vụ quý I năm 2020"

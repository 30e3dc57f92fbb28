"""Italic paragraphs and text shown in capitals, from Word and HTML (hints.SourceHints.italic,
upper_case; lines/shown.py): the capitals count where the rules look for capitals, the stored
letters stay; italics mark the note under a title and the place-and-date line."""

from __future__ import annotations

import vnreport
from vnreport.hints import SourceHints
from vnreport.lines.shown import shown
from vnreport.model import Item, Section, Span
from vnreport.sources.docx import extract_docx, parse_docx
from vnreport.sources.html import extract_html, parse_html
from vnreport.text.reading import normalize

from ..helpers import build_docx, docx_document, docx_paragraph, docx_run, structure

_CAPS = "<w:caps/>"


def _closing_docx(caps: str) -> bytes:
    body = docx_document(
        docx_paragraph("BÁO CÁO"),
        docx_paragraph("Kết quả năm 2020"),
        docx_paragraph("I. ", docx_run("Tình hình kinh tế - xã hội năm 2020 và nhiệm vụ trọng tâm năm 2021.", caps)),
        docx_paragraph("Kinh tế tăng trưởng khá. Các chỉ tiêu đều đạt."),
        docx_paragraph("II. ", docx_run("Nhiệm vụ năm 2021.", caps)),
        docx_paragraph("Tiếp tục phát triển kinh tế."),
        docx_paragraph("Nơi nhận:"),
        docx_paragraph("- Tỉnh ủy;"),
        docx_paragraph("- Lưu VPHU."),
        docx_paragraph("T/M BAN THƯỜNG VỤ"),
        docx_paragraph(docx_run("Bí thư", caps)),
        docx_paragraph("Nguyễn Văn An"),
    )
    return build_docx({"word/document.xml": body})


def test_word_capitals_make_headings_and_the_signature() -> None:
    plain = parse_docx(_closing_docx(""))
    caps = parse_docx(_closing_docx(_CAPS))
    assert plain.text == caps.text  # the stored letters stay as they are
    # Shown in capitals, a numbered line ending in "." is a heading, as "I. TÌNH HÌNH … 2021." is.
    assert [type(n).__name__ for n in plain.body if isinstance(n, (Section, Item))] == ["Item", "Section"]
    assert [(m, t) for _, m, t in structure(caps)] == [
        ("I.", "Tình hình kinh tế - xã hội năm 2020 và nhiệm vụ trọng tâm năm 2021."),
        ("II.", "Nhiệm vụ năm 2021."),
    ]
    # The position under the authority mark is an upper-case line of the signature.
    assert plain.metadata.signature is not None and plain.metadata.signature.position is None
    assert caps.metadata.signature is not None
    assert (caps.metadata.signature.position, caps.metadata.signature.name) == ("Bí thư", "Nguyễn Văn An")


def test_word_capitals_by_style_and_switched_off_by_a_run() -> None:
    styles = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:style w:type="paragraph" w:styleId="Chucvu"><w:name w:val="Chuc vu"/><w:rPr><w:caps/></w:rPr></w:style>'
        "</w:styles>"
    )
    body = docx_document(
        docx_paragraph("Bí thư", props='<w:pStyle w:val="Chucvu"/>'),
        docx_paragraph(docx_run("Phó Bí thư", '<w:caps w:val="0"/>'), props='<w:pStyle w:val="Chucvu"/>'),
        docx_paragraph(docx_run("Ủy viên", "<w:smallCaps/>")),
    )
    extracted = extract_docx(build_docx({"word/document.xml": body, "word/styles.xml": styles})).extracted
    text = extracted.text
    assert [text[s.start : s.end] for s in extracted.hints.upper_case] == ["Bí thư", "Ủy viên"]


def test_html_text_transform_counts_as_capitals() -> None:
    page = (
        "<p>BÁO CÁO</p><p>Kết quả năm 2020</p>"
        "<p>I. <span style='text-transform:uppercase'>"
        "Tình hình kinh tế - xã hội năm 2020 và nhiệm vụ năm 2021.</span></p>"
        "<p>Kinh tế tăng trưởng khá.</p>"
        "<p>II. <span style='font-variant: small-caps'>Nhiệm vụ năm 2021.</span></p><p>Tiếp tục.</p>"
        "<p>III. <span style='text-transform:none'>Tổ chức thực hiện các nhiệm vụ trên.</span></p><p>Các chi bộ.</p>"
    )
    extracted = extract_html(page)
    text = extracted.text
    assert [text[s.start : s.end] for s in extracted.hints.upper_case] == [
        "Tình hình kinh tế - xã hội năm 2020 và nhiệm vụ năm 2021.",
        "Nhiệm vụ năm 2021.",
    ]
    doc = parse_html(page)
    assert [type(n).__name__ for n in doc.body if isinstance(n, (Section, Item))][:2] == ["Section", "Section"]
    assert vnreport.parse(text).body[0].__class__ is Item  # the same text, no hints: an item


def test_shown_is_the_text_with_capitals_in_place() -> None:
    text = "Bí thư Straße ok"
    assert shown(text, ()) is text
    upper = shown(text, (Span(0, 6), Span(7, 13), Span(3, 5)))
    assert upper == "BÍ THƯ STRAßE ok" and len(upper) == len(text)


def test_italic_and_caps_hints_move_through_normalization() -> None:
    decomposed = "Ho\u0302\u0323i nghi\u0323\u0302"
    text, nfc = normalize(decomposed)
    whole = Span(0, len(decomposed))
    moved = SourceHints(italic=(whole,), upper_case=(whole,), page_breaks=(Span(3, 3),)).through(nfc)
    assert moved.italic == moved.upper_case == (Span(0, len(text)),)
    assert moved.page_breaks == (Span(2, 2),)


_TITLE = (
    "<p>ĐẢNG BỘ TỈNH TUYÊN QUANG</p><p>HUYỆN ỦY NA HANG</p><p>*</p><p>Số 12-BC/HU</p>"
    "<p>ĐẢNG CỘNG SẢN VIỆT NAM</p><p>{date}</p>"
    "<p>BÁO CÁO</p><p>KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2020</p><p>{note}</p>"
    "<p>I. KẾT QUẢ ĐẠT ĐƯỢC</p><p>Kinh tế tăng trưởng khá.</p>"
)


def test_html_italics_mark_the_subtitle_and_the_place() -> None:
    date, note = "thị trấn Na Hang, ngày 10 tháng 4 năm 2020", "Tài liệu phục vụ hội nghị Ban Chấp hành"
    upright = parse_html(_TITLE.format(date=date, note=note))
    italic = parse_html(_TITLE.format(date=f"<i>{date}</i>", note=f"<em>{note}</em>"))
    # Under an upper-case title and no rule, the text alone does not take a mixed-case line as
    # the subtitle, nor more than the title-case words before the comma as the place.
    assert upright.metadata.subtitle is None and upright.metadata.place == "Na Hang"
    assert italic.metadata.subtitle == note and italic.metadata.place == "thị trấn Na Hang"
    assert italic.metadata.title == upright.metadata.title == "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2020"
    assert [t for _, _, t in structure(italic)] == ["KẾT QUẢ ĐẠT ĐƯỢC"]
    assert italic.metadata.spans["subtitle"] is not None


def test_word_italics_mark_the_subtitle() -> None:
    def docx(props: str) -> bytes:
        body = docx_document(
            docx_paragraph("BÁO CÁO"),
            docx_paragraph("KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2020"),
            docx_paragraph(docx_run("Tài liệu phục vụ hội nghị", props), docx_run(" Ban Chấp hành", props)),
            docx_paragraph(docx_run("lần thứ 5 mở rộng", props)),
            docx_paragraph("I. KẾT QUẢ ĐẠT ĐƯỢC"),
            docx_paragraph("Kinh tế tăng trưởng khá."),
        )
        return build_docx({"word/document.xml": body})

    assert len(extract_docx(docx("<w:i/>")).extracted.hints.italic) == 2
    upright, italic = parse_docx(docx("")), parse_docx(docx("<w:i/>"))
    assert upright.metadata.subtitle is None
    assert italic.metadata.subtitle == "Tài liệu phục vụ hội nghị Ban Chấp hành lần thứ 5 mở rộng"
    assert [t for _, _, t in structure(italic)] == ["KẾT QUẢ ĐẠT ĐƯỢC"]
    # A paragraph with an upright run is not italic as a whole.
    mixed = docx_document(docx_paragraph(docx_run("Dự thảo", "<w:i/>"), " lần 2"))
    assert extract_docx(build_docx({"word/document.xml": mixed})).extracted.hints.italic == ()

"""Text as it really arrives: hard-wrapped PDF lines, Markdown crawls, damaged OCR (issue 5).

Every excerpt here is written for the test in the style of the genre, not copied from the corpus.
"""

from __future__ import annotations

from typing import Any

import vnreport
from vnreport.model import DiagnosticCode, Item, Paragraph, Section

from .helpers import check_document, outline

WRAPPED = """I. KẾT QUẢ ĐẠT ĐƯỢC TRONG NHIỆM KỲ
2020 - 2025
1. Công tác xây dựng Đảng được đẩy mạnh, thực hiện đồng bộ, toàn
diện, hài hòa giữa các lĩnh vực
Trong nhiệm kỳ, Ban Chấp hành Đảng bộ tỉnh đã lãnh đạo thực hiện có
hiệu quả các nhiệm vụ chính trị, đạt nhiều kết quả quan trọng trong
năm 2025. Đến nay toàn tỉnh có 96 đảng bộ trực thuộc.
Công tác kiểm tra, giám sát được tăng cường, có nhiều đổi mới, sáng
tạo theo hướng chủ động phát hiện vi phạm.
2. Phát triển kinh tế
Tốc độ tăng trưởng bình quân đạt 7,5%/năm, quy mô kinh tế tăng
30 - 35 triệu đồng mỗi năm trên đầu người.
"""


def paragraphs(nodes: tuple[Any, ...]) -> list[str]:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, Paragraph):
            out.append(" ".join(node.text.split()))
        elif isinstance(node, (Section, Item)):
            out.extend(paragraphs(node.children))
    return out


def test_hard_wrapped_lines_become_paragraphs_and_titles_stay_whole() -> None:
    doc = vnreport.parse(WRAPPED)
    check_document(doc)
    assert outline(doc.body) == [
        "I. KẾT QUẢ ĐẠT ĐƯỢC TRONG NHIỆM KỲ 2020 - 2025",
        "  1. Công tác xây dựng Đảng được đẩy mạnh, thực hiện đồng bộ, toàn diện, hài hòa giữa các lĩnh vực",
        "  2. Phát triển kinh tế",
    ]
    assert paragraphs(doc.body) == [
        "Trong nhiệm kỳ, Ban Chấp hành Đảng bộ tỉnh đã lãnh đạo thực hiện có hiệu quả các nhiệm vụ chính "
        "trị, đạt nhiều kết quả quan trọng trong năm 2025. Đến nay toàn tỉnh có 96 đảng bộ trực thuộc.",
        "Công tác kiểm tra, giám sát được tăng cường, có nhiều đổi mới, sáng tạo theo hướng chủ động phát "
        "hiện vi phạm.",
        "Tốc độ tăng trưởng bình quân đạt 7,5%/năm, quy mô kinh tế tăng 30 - 35 triệu đồng mỗi năm trên đầu người.",
    ]
    first = next(doc.sentences())
    assert first.text.startswith("Trong nhiệm kỳ") and "\n" in first.text
    assert first.text.endswith("năm 2025.")


def test_paragraph_continues_across_a_page_break() -> None:
    text = (
        "1. Kinh tế\nTrong nhiệm kỳ, tỉnh đã tập trung lãnh đạo phát triển kinh tế với\nnhiều giải pháp "
        "đồng bộ, đấu tranh phản bác các quan điểm sai\n\f7\n\ntrái, thù địch được tập trung chỉ đạo.\n"
        "Công tác cán bộ được chú trọng thực hiện trong toàn tỉnh.\n"
    )
    doc = vnreport.parse(text)
    check_document(doc)
    texts = paragraphs(doc.body)
    assert texts[0].endswith("trái, thù địch được tập trung chỉ đạo.")


def test_markdown_crawl_markers_inside_emphasis() -> None:
    text = (
        "# TOÀN VĂN QUY ĐỊNH\n\n### Nội dung chính\n\n**Chương I**\n\n**QUY ĐỊNH CHUNG**\n\n"
        "**Điều 1. Phạm vi điều chỉnh**\n\nQuy định này quy định về phông lưu trữ.\n\n"
        "**Điều 2. Giải thích từ ngữ**\n\n1. *Tài liệu* là vật mang tin.\n\n2.* **Lưu trữ* là hoạt động.\n\n"
        "**Chương II**\n\n**QUẢN LÝ**\n\n**Điều 3. Trách nhiệm**\n\nCác cơ quan thực hiện.\n"
    )
    doc = vnreport.parse(text)
    check_document(doc)
    assert outline(doc.body) == [
        "Chương I QUY ĐỊNH CHUNG",
        "  Điều 1. Phạm vi điều chỉnh",
        "  Điều 2. Giải thích từ ngữ",
        "    1. …",
        "    2. …",
        "Chương II QUẢN LÝ",
        "  Điều 3. Trách nhiệm",
    ]


def test_markdown_item_glued_to_the_previous_sentence() -> None:
    text = (
        "Sau khi nghe báo cáo, Bộ Chính trị kết luận như sau:**1. Cơ bản thống nhất với Báo cáo.**\n\n"
        "**2. Yêu cầu các cấp uỷ khẩn trương thực hiện.**\n\n** 2.1. **Tập trung lãnh đạo toàn diện.\n\n"
        "** 2.2. **Tích cực lắng nghe ý kiến.\n"
    )
    doc = vnreport.parse(text)
    check_document(doc)
    markers = [n.marker.text for n in doc.nodes() if isinstance(n, (Section, Item)) and n.marker]
    assert markers == ["1.", "2.", "2.1.", "2.2."]


def test_separator_glued_to_the_first_line() -> None:
    doc = vnreport.parse(
        "TỈNH ỦY THÁI NGUYÊN\n*\n----Đại hội đại biểu Đảng bộ tỉnh lần thứ I diễn ra trong bối cảnh mới.\n"
        "1. Kết quả\nNội dung.\n"
    )
    check_document(doc)
    assert any("Đại hội đại biểu" in p for p in paragraphs(doc.body))


def test_ocr_damaged_text_gives_partial_structure_and_a_diagnostic() -> None:
    text = (
        "BANG CONG SAN VIT NAM\nTiNH UY THAI NGUYEN\nS 348-TB/TU\nTHONG BAO\n"
        + "Ve noi dung, thoi gian to chuc Dai hoi dai bieu Dang bo tinh lan thu I cua cac co quan "
        "trong tinh va viec thuc hien nghi quyet cua Ban chap hanh Dang bo nhan dan.\n"
        * 3
        + "1. Thoi gian to chuc Dai hoi cua dang bo tinh theo ke hoach cua Ban chap hanh.\n"
        "2. Noi dung cua Dai hoi va cac cong tac chuan bi duoc thuc hien theo huong dan.\n"
    )
    doc = vnreport.parse(text)
    check_document(doc)
    assert DiagnosticCode.TEXT_DAMAGED in {d.code for d in doc.diagnostics}
    assert [n for n in doc.nodes() if isinstance(n, Item)]


def test_a_year_or_number_at_a_wrapped_line_start_is_not_a_marker() -> None:
    text = (
        "Tỉnh đã hoàn thành kế hoạch giai đoạn 2021 -\n2025. Đến nay đã có 96 đảng bộ, tăng\n30 năm liền đạt chuẩn.\n"
    )
    doc = vnreport.parse(text)
    assert not [n for n in doc.nodes() if isinstance(n, (Section, Item))]


def test_big_and_odd_inputs_are_linear_and_never_raise() -> None:
    for text in ("x" * 2_000_000, "\n" * 100_000, "\n".join(str(n) for n in range(1, 2000)), "1.2.3.4 [ ] %% " * 5000):
        doc = vnreport.parse(text)
        assert doc.text == text
    long_line = vnreport.parse("a " * 60_000)
    assert DiagnosticCode.LONG_LINE in {d.code for d in long_line.diagnostics}
    blanks = vnreport.parse("Một.\n" + "\n" * 5000 + "Hai.\n")
    assert DiagnosticCode.MANY_BLANK_LINES in {d.code for d in blanks.diagnostics}

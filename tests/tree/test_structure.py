"""Nesting: learned levels, decimals under their parents, lists under what they follow."""

from __future__ import annotations

import vnreport
from vnreport.model import DiagnosticCode, Item, Paragraph, Section

from ..helpers import outline


def test_roman_top_level_then_arabic_then_letters() -> None:
    doc = vnreport.parse(
        "I. TÌNH HÌNH\n1. Kinh tế\na) Nông nghiệp\nỔn định.\nb) Công nghiệp\nTăng khá.\n2. Xã hội\nBảo đảm.\n"
        "II. NHIỆM VỤ\n1. Tiếp tục\nĐổi mới.\n"
    )
    assert outline(doc.body) == [
        "I. TÌNH HÌNH",
        "  1. Kinh tế",
        "    a) Nông nghiệp",
        "    b) Công nghiệp",
        "  2. Xã hội",
        "II. NHIỆM VỤ",
        "  1. Tiếp tục",
    ]


def test_roman_under_part_is_learned_per_document() -> None:
    doc = vnreport.parse(
        "Phần I\nKẾT QUẢ\nI- BỐI CẢNH\n1- Thuận lợi\nNước ta hội nhập.\nPhần thứ hai\nPHƯƠNG HƯỚNG\nI- MỤC TIÊU\n"
    )
    assert outline(doc.body) == [
        "Phần I KẾT QUẢ",
        "  I- BỐI CẢNH",
        "    1- Thuận lợi",
        "Phần thứ hai PHƯƠNG HƯỚNG",
        "  I- MỤC TIÊU",
    ]


def test_part_title_spans_two_upper_case_lines() -> None:
    doc = vnreport.parse("Phần I\n\nĐÁNH GIÁ KẾT QUẢ\n\nNHIỆM KỲ 2015 - 2020\n\nI- BỐI CẢNH\n")
    part = doc.body[0]
    assert isinstance(part, Section)
    assert part.title == "ĐÁNH GIÁ KẾT QUẢ NHIỆM KỲ 2015 - 2020"
    assert [c.title for c in part.children if isinstance(c, Section)] == ["BỐI CẢNH"]


def test_decimal_goes_under_its_prefix_even_after_bullets() -> None:
    doc = vnreport.parse(
        "1- Kinh tế\n- Một ý\n2- Hạn chế\n- Ý khác\n2.1- Hạn chế cụ thể\nCòn chậm.\n2.2- Nguyên nhân\nChủ quan.\n"
    )
    assert outline(doc.body) == [
        "1- Kinh tế",
        "  - …",
        "2- Hạn chế",
        "  - …",
        "  2.1- Hạn chế cụ thể",
        "  2.2- Nguyên nhân",
    ]


def test_lists_nest_under_the_node_they_follow_and_paragraphs_follow_items() -> None:
    doc = vnreport.parse(
        "3- Bài học kinh nghiệm\nMột là, quán triệt sâu sắc.\nHai là, xác định tiềm năng.\nĐoạn văn tiếp theo.\n"
    )
    section = doc.body[0]
    assert isinstance(section, Section)
    first, second = section.children
    assert isinstance(first, Item) and isinstance(second, Item)
    assert first.level == 2
    assert [type(c) for c in second.children] == [Paragraph, Paragraph]


def test_run_in_heading_makes_a_section_and_a_paragraph() -> None:
    text = "1- Thuận lợi: Nước ta tiếp tục hội nhập, hợp tác quốc tế sâu rộng và toàn diện.\n"
    doc = vnreport.parse(text)
    section = doc.body[0]
    assert isinstance(section, Section)
    assert section.title == "Thuận lợi"
    (paragraph,) = section.children
    assert isinstance(paragraph, Paragraph)
    assert paragraph.text.startswith("Nước ta")


def test_a_run_in_clause_of_an_article_is_one_paragraph() -> None:
    """An article's clause read as a run-in label is the article's text, and one sentence: its
    label and what follows the colon are one paragraph (corpus 14, Điều 7)."""
    text = (
        "Điều 7. Thẩm quyền thu thập, quản lý tài liệu lưu trữ\n"
        "4. Lưu trữ lịch sử của Đảng sưu tầm tài liệu của cá nhân tiêu biểu trên cơ sở thoả thuận.\n"
        "5. Lưu trữ lịch sử của Đảng thực hiện: Thu thập, chỉnh lý, xác định giá trị tài liệu, bảo quản.\n"
    )
    doc = vnreport.parse(text)
    article = doc.body[0]
    assert isinstance(article, Section)
    clause = article.children[1]
    assert isinstance(clause, Item)
    (paragraph,) = clause.children
    assert isinstance(paragraph, Paragraph)
    assert paragraph.text.startswith("Lưu trữ lịch sử của Đảng thực hiện: Thu thập, chỉnh lý,")
    assert paragraph.text.endswith("bảo quản.")


def test_legal_structure_keeps_intrinsic_order() -> None:
    text = (
        "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\n1. Luật này quy định.\n"
        "a) Điểm một;\nb) Điểm hai.\n2. Khoản hai.\nChương II\nXỬ LÝ\nMục 1\nHÌNH THỨC\n"
        "Điều 2. Khiển trách\nĐiều 3. Cảnh cáo\nMục 2\nTHỦ TỤC\nĐiều 4. Trình tự\n"
    )
    doc = vnreport.parse(text)
    assert outline(doc.body) == [
        "Chương I QUY ĐỊNH CHUNG",
        "  Điều 1. Phạm vi điều chỉnh",
        "    1. …",
        "      a) …",
        "      b) …",
        "    2. …",
        "Chương II XỬ LÝ",
        "  Mục 1 HÌNH THỨC",
        "    Điều 2. Khiển trách",
        "    Điều 3. Cảnh cáo",
        "  Mục 2 THỦ TỤC",
        "    Điều 4. Trình tự",
    ]


def test_numbering_problems_are_diagnostics_and_the_tree_is_built() -> None:
    doc = vnreport.parse("I. MỘT\nIII. BA\nIII. BA NỮA\nII. HAI\n1. Ý\na) x là y;\nc) z là t;\n")
    codes = [d.code for d in doc.diagnostics]
    assert DiagnosticCode.NUMBERING_GAP in codes
    assert DiagnosticCode.NUMBERING_REPEAT in codes
    assert DiagnosticCode.NUMBERING_ORDER in codes
    assert len([n for n in doc.body if isinstance(n, Section)]) == 4
    gap = next(d for d in doc.diagnostics if d.code is DiagnosticCode.NUMBERING_GAP)
    assert doc.text[gap.span.start : gap.span.end] == "III."


def test_articles_are_counted_through_the_chapters_and_an_attached_act_starts_again() -> None:
    # corpus 16-18 and the Quy chế a decision issues (unseen QĐ 165/2025/QĐ-UBND): "Chương II"
    # opens at "Điều 3."; the attached regulation's own "Điều 1." is no disorder.
    text = (
        "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\nNội dung một.\nĐiều 2. Đối tượng\nNội dung hai.\n"
        "Chương II\nQUY ĐỊNH CỤ THỂ\nĐiều 3. Yêu cầu\nNội dung ba.\nĐiều 5. Trách nhiệm\nNội dung năm.\n"
        "Chương III\nĐIỀU KHOẢN THI HÀNH\nĐiều 1. Phạm vi của quy chế\nNội dung.\n"
    )
    problems = [d for d in vnreport.parse(text).diagnostics if d.code.value.startswith("numbering")]
    assert [(d.code, d.message) for d in problems] == [
        (DiagnosticCode.NUMBERING_GAP, "'Điều 5.' follows 'Điều 3.': numbers are missing")
    ]


def test_letters_follow_vietnamese_order() -> None:
    doc = vnreport.parse("1. Ý\na) một;\nb) hai;\nc) ba;\nd) bốn;\nđ) năm;\ne) sáu;\ng) bảy.\n")
    assert not [d for d in doc.diagnostics if d.code.value.startswith("numbering")]


def test_capital_letters_continue_past_h() -> None:
    doc = vnreport.parse(
        "Báo cáo gồm các mục sau đây, được trình bày theo thứ tự chữ cái của từng phần.\nG. MỤC G\nH. MỤC H\nI. MỤC I\n"
    )
    last = doc.body[-1]
    assert isinstance(last, Section) and last.marker is not None
    assert last.marker.style.value == "capital"


def test_no_structure_gives_paragraphs_and_a_diagnostic() -> None:
    doc = vnreport.parse("Một đoạn văn không có đề mục.\n\nĐoạn thứ hai cũng vậy.\n")
    assert all(isinstance(n, Paragraph) for n in doc.body)
    assert [d.code for d in doc.diagnostics] == [DiagnosticCode.NO_STRUCTURE]


def test_ids_are_readable_and_stable() -> None:
    doc = vnreport.parse("Phần I\nKẾT QUẢ\nI- BỐI CẢNH\n1- Thuận lợi\nHuyện có lợi thế.\n")
    part = doc.body[0]
    assert isinstance(part, Section)
    roman = part.children[0]
    assert part.id == "p1" and roman.id == "p1.s1"
    assert doc.node("p1.s1.s1.g1.t1").text == "Huyện có lợi thế."

"""Lines a hard-wrapped page broke: which carry on the line above, which start a heading or item
(``tests/cases/wrapped_lines.txt``)."""

from __future__ import annotations

from typing import Any

import pytest

import vnreport
from vnreport.model import Item, Paragraph, Section

from ..helpers import CORPUS, outline, read_cases

CASES = read_cases("wrapped_lines")


@pytest.mark.parametrize("case", CASES, ids=[case[0][:60] for case in CASES])
def test_wrapped_line(case: tuple[str, ...]) -> None:
    arrow = case.index("=>")
    body, expected = case[1:arrow], list(case[arrow + 1 :])
    doc = vnreport.parse("\n".join(body) + "\n")
    assert outline(doc.body) == expected


REPORT_01 = CORPUS / "01_thainguyen-bao-cao-chinh-tri-2025.txt"


@pytest.mark.skipif(not REPORT_01.exists(), reason="../shared/corpus is absent")
def test_every_target_of_a_wrapped_report_is_read() -> None:
    """Corpus 01 lists 36 numbered targets, (1) to (36); four of them wrap before a figure and
    one before a range's second half, which used to cut them into heading + paragraph."""
    doc = vnreport.parse_file(REPORT_01)
    targets = doc.targets()
    assert len(targets) >= 36
    assert any("361,6" in doc.text[t.span.start : t.span.end] for t in targets)


SEPARATED = read_cases("blank_separated")


def _paragraph_texts(nodes: tuple[Any, ...]) -> list[str]:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, Paragraph):
            out.append(" ".join(node.text.split()))
        elif isinstance(node, (Section, Item)):
            out.extend(_paragraph_texts(node.children))
    return out


@pytest.mark.parametrize("case", SEPARATED, ids=[case[0][:60] for case in SEPARATED])
def test_blank_separated_paragraph(case: tuple[str, ...]) -> None:
    arrow = case.index("=>")
    body = ["" if line == "~" else line for line in case[1:arrow]]
    doc = vnreport.parse("\n".join(body) + "\n")
    assert _paragraph_texts(doc.body) == list(case[arrow + 1 :])


def test_the_rest_of_an_organs_name_goes_on_with_a_short_unfinished_line() -> None:
    """'Ngày 24/11/2025, tại Trụ sở' then 'Trung ương Đảng, đồng chí …' (unseen TB 432-TB/VPTW):
    the rest of a name never opens a paragraph, so the short line above went on."""
    text = (
        "I. KẾT LUẬN CỦA ĐỒNG CHÍ TỔNG BÍ THƯ\n"
        "Ngày 24/11/2025, tại Trụ sở\n"
        "Trung ương Đảng, đồng chí Tổng Bí thư đã có buổi làm việc với Đảng uỷ Bộ Y tế,\n"
        "các ban, bộ, ngành Trung ương và địa phương về công tác chăm sóc\n"
        "và bảo vệ trẻ em có hoàn cảnh đặc biệt khó khăn.\n"
        "Trẻ em có hoàn cảnh đặc biệt\n"
        "là những người chịu nhiều thiệt thòi.\n"
        "Về công tác chăm sóc trẻ em\n"
        "Các cấp ủy đảng phải coi đây là nhiệm vụ thường xuyên của cả hệ thống chính trị.\n"
    )
    doc = vnreport.parse(text)
    section = doc.body[0]
    assert isinstance(section, Section)
    paragraphs = [c for c in section.children if isinstance(c, Paragraph)]
    firsts = [doc.text[p.span.start : p.span.end].split("\n")[0] for p in paragraphs]
    assert firsts[0] == "Ngày 24/11/2025, tại Trụ sở"
    assert doc.text[paragraphs[0].span.start : paragraphs[0].span.end].endswith("hoàn cảnh đặc biệt khó khăn.")
    # A short unfinished line before anything but a name still ends its paragraph.
    assert "Về công tác chăm sóc trẻ em" in firsts


def test_a_short_first_line_left_on_a_comma_or_a_function_word_goes_on() -> None:
    """A crawl broke each paragraph's first line early (unseen Thông báo 659/TB-VPCP): a line
    that stops on "," or "tại" is no title and no sentence end, so the paragraph goes on. A
    later line that stops on a comma ("… khoá⏎XIII," then the enacting line) ends its clause."""
    text = (
        "KẾT LUẬN CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ HỒ QUỐC DŨNG TẠI CUỘC HỌP VỀ TÌNH HÌNH\n"
        "Ngày 28 tháng 11 năm 2025, tại\n"
        "Trụ sở Chính phủ, Phó Thủ tướng Chính phủ Hồ Quốc Dũng đã chủ trì cuộc họp về\n"
        "tình hình thực hiện Nghị quyết số 66-NQ/TW ngày 30 tháng 4 năm 2025 của Bộ\n"
        "Chính trị về đổi mới công tác xây dựng và thi hành pháp luật đáp ứng yêu cầu.\n"
        "1. Các đồng chí Bộ trưởng,\n"
        "Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ theo chức năng, nhiệm vụ,\n"
        "thẩm quyền đề cao trách nhiệm, trực tiếp chỉ đạo thực hiện đồng bộ, quyết liệt.\n"
        "2. Căn cứ Quy chế làm việc của Ban Chấp hành Trung ương, Bộ Chính trị và khoá\n"
        "XIII,\n"
        "Ban Bí thư hướng dẫn một số vấn đề cụ thể thi hành Điều lệ Đảng như sau:\n"
    )
    texts = _paragraph_texts(vnreport.parse(text).body)
    assert texts[0].startswith("Ngày 28 tháng 11 năm 2025, tại Trụ sở Chính phủ")
    assert "Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang Bộ" in texts[1]
    assert texts[-1] == "Ban Bí thư hướng dẫn một số vấn đề cụ thể thi hành Điều lệ Đảng như sau:"

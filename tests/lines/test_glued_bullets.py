"""Dash points the document runs into the line above them (lines/glued_bullets.py, corpus 09)."""

from __future__ import annotations

import vnreport
from vnreport.lines.glued_bullets import split_glued_bullets
from vnreport.lines.split import split_lines
from vnreport.model import Item

#: Corpus 09's lines 207-211: "- Học hàm cao nhất" set on the line of the point before it.
FORM_FIELDS = (
    "- Học vị cao nhất: Ghi rõ học vị cao nhất là Tiến sĩ Khoa học, Tiến sĩ, Thạc sĩ, Cử nhân, Kỹ sư;\n"
    "chỉ ghi học vị cao nhất. - Học hàm cao nhất: Ghi rõ chức danh cao nhất được\n"
    "Nhà nước phong (Giáo sư, Phó Giáo sư…).\n"
    "- Lý luận chính trị: Ghi theo chứng chỉ, văn bằng cao nhất đã được cấp.\n"
)


def _contents(text: str) -> list[str]:
    return [text[line.content_start : line.content_end] for line in split_glued_bullets(text, split_lines(text))]


def test_a_glued_point_starts_a_line_of_its_own() -> None:
    assert _contents(FORM_FIELDS)[1:3] == [
        "chỉ ghi học vị cao nhất.",
        "- Học hàm cao nhất: Ghi rõ chức danh cao nhất được",
    ]


def test_the_glued_point_goes_on_over_the_next_line() -> None:
    """The piece cut from its line ran as far as its line: the next line is the rest of the point."""
    doc = vnreport.parse(FORM_FIELDS)
    point = doc.body[1]
    assert isinstance(point, Item) and len(point.children) == 1
    own = point.children[0].span
    assert doc.text[own.start : own.end].split("\n") == [
        "Học hàm cao nhất: Ghi rõ chức danh cao nhất được",
        "Nhà nước phong (Giáo sư, Phó Giáo sư…).",
    ]


def test_no_list_below_no_point() -> None:
    text = "Công tác được tăng cường. - Mác - Lênin là nền tảng tư tưởng.\nKinh tế phát triển.\n"
    assert _contents(text) == [text.split("\n")[0], "Kinh tế phát triển.", ""]


def test_after_a_stop_only_inside_a_dash_list() -> None:
    """After a full stop the glued dash must follow a point of that list; after a colon it opens one."""
    stop = "Đảng viên khai lý lịch. - Ghi rõ họ tên.\n- Ghi rõ năm sinh.\n"
    colon = "Ghi rõ những người trong gia đình như: - Cha, mẹ đẻ.\n- Vợ hoặc chồng.\n"
    assert len(_contents(stop)) == 3
    assert _contents(colon)[:2] == ["Ghi rõ những người trong gia đình như:", "- Cha, mẹ đẻ."]

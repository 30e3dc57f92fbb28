"""Unit cases for every marker style, read from tests/cases/markers.txt."""

from __future__ import annotations

import pytest

from vnreport.lines.classify import Role, classify_line
from vnreport.lines.split import split_lines

from ..helpers import read_cases


def _read_cases() -> list[tuple[str, str, str]]:
    return [(title, line, expected) for title, line, expected in read_cases("markers")]


def _value(v: object) -> str:
    if v is None:
        return "-"
    if isinstance(v, tuple):
        return ".".join(str(x) for x in v)
    return str(v)


@pytest.mark.parametrize(("title", "line", "expected"), _read_cases(), ids=lambda x: x if len(x) < 40 else None)
def test_marker_case(title: str, line: str, expected: str) -> None:
    line = line.replace("\\u00a0", "\u00a0")
    (only,) = split_lines(line)
    cl = classify_line(line, only)
    if expected == "none":
        assert cl.marker is None, f"{title}: unexpected marker {cl.marker}"
        assert cl.role in (Role.TEXT, Role.RULE)
        return
    style, value, marker_text = expected.split(" ", 2)
    assert cl.marker is not None, f"{title}: no marker"
    assert cl.marker.style.value == style
    assert _value(cl.marker.value) == value
    assert cl.marker.text == marker_text
    assert line[cl.marker.span.start : cl.marker.span.end] == cl.marker.text


def test_nbsp_around_separator() -> None:
    line = "\u00a0\u00a0II\u00a0-\u00a0KẾT QUẢ"
    (only,) = split_lines(line)
    cl = classify_line(line, only)
    assert cl.marker is not None and cl.marker.value == 2
    assert cl.role is Role.HEADING


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("1- Thuận lợi", Role.HEADING),
        ("7- Nâng cao hiệu lực, hiệu quả hoạt động của chính quyền các cấp", Role.HEADING),
        ("1- Thuận lợi: Nước ta tiếp tục hội nhập sâu rộng.", Role.RUN_IN),
        ("1- Khai thác tối đa tiềm năng. Tập trung phát triển nông nghiệp.", Role.ITEM),
        ("(3) Lượng khách du lịch đến năm 2025: 75.000 lượt người.", Role.ITEM),
        ("5.1- Tiếp tục đẩy mạnh công tác giáo dục chính trị tư tưởng.", Role.ITEM),
        ("Một là, quán triệt sâu sắc các quan điểm", Role.ITEM),
        ("2. Nhiệm vụ cụ thể như sau:", Role.ITEM),
        ("2. Nhiệm vụ trọng tâm:", Role.HEADING),
        ("- Nguyên nhân khách quan: Cơ sở hạ tầng chưa đồng bộ.", Role.ITEM),
        ("* Về kinh tế", Role.HEADING),
        ("- Về kinh tế:", Role.HEADING),
        ("- Thường trực Tỉnh uỷ (báo cáo),", Role.ITEM),
        ("Phần I", Role.HEADING),
        ("I- BỐI CẢNH TÌNH HÌNH", Role.HEADING),
    ],
)
def test_heading_item_or_run_in(line: str, role: Role) -> None:
    (only,) = split_lines(line)
    assert classify_line(line, only).role is role


def test_run_in_label_and_body() -> None:
    line = "1- Thuận lợi: Nước ta tiếp tục hội nhập."
    (only,) = split_lines(line)
    cl = classify_line(line, only)
    assert cl.title is not None and cl.body is not None
    assert line[cl.title.start : cl.title.end] == "Thuận lợi"
    assert line[cl.body.start :].startswith("Nước ta")

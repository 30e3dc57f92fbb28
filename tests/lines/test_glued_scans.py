"""The candidate scans that spare the lines stage two whole-text regex scans find exactly what
the patterns would: the glued headings' stops (``lines.markup``) and the glued dash points
(``lines.glued_bullets``), on real lines and on random mixes of the characters that matter."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vnreport.lines.glued_bullets import _glued_dashes
from vnreport.lines.markup import _MAY_GLUE, _may_glue_starts
from vnreport.rules.markup import GLUED_DASH

_REAL = (
    "… đã hoàn thành.2. Công tác tuyên truyền được đẩy mạnh. II. KẾT QUẢ?(3) Về tổ chức!1.2. Hai",
    "… chỉ ghi học vị cao nhất. - Học hàm cao nhất: Ghi rõ. Gia đình như: - Đối với ông, bà",
    "kinh tế - xã hội, Mác - Lênin, 2020 - 2025, “Tuổi trẻ”. - Sáng tạo.** 3. Ba a.IV. 2",
)
_PIECES = st.sampled_from(
    [".", "!", "?", ":", " ", "\t", "\u00a0", "\n", "-", "*", "**", "(", ")", "2", "IV", "X", "a", "Đ", "”"]
)


@given(st.lists(_PIECES, max_size=40).map("".join))
def test_the_heading_stops_are_the_patterns_matches(text: str) -> None:
    assert _may_glue_starts(text) == [m.start() for m in _MAY_GLUE.finditer(text)]


@given(st.lists(_PIECES, max_size=40).map("".join))
def test_the_glued_dashes_are_the_patterns_matches(text: str) -> None:
    assert [m.span() for m in _glued_dashes(text)] == [m.span() for m in GLUED_DASH.finditer(text)]


def test_real_lines() -> None:
    for text in _REAL:
        assert _may_glue_starts(text) == [m.start() for m in _MAY_GLUE.finditer(text)]
        assert [m.span() for m in _glued_dashes(text)] == [m.span() for m in GLUED_DASH.finditer(text)]
    assert _may_glue_starts(_REAL[0])  # the real line holds glued headings to find
    assert _glued_dashes(_REAL[1])

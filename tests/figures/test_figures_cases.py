"""Figures of real corpus sentences (tests/cases/figures.txt), wrapped lines included."""

from __future__ import annotations

from decimal import Decimal

import pytest

from vnreport.figures import find_comparisons, find_quantities, quantities_in, read_target
from vnreport.model import Span

from ..helpers import read_cases

CASES = read_cases("figures")


def _value(q_value: Decimal | None, low: Decimal | None, high: Decimal | None) -> str:
    return f"{low}..{high}" if q_value is None else str(q_value)


@pytest.mark.parametrize("case", CASES, ids=[c[0][:40] for c in CASES])
def test_figures_case(case: tuple[str, ...]) -> None:
    text = case[0].replace("⏎", "\n")
    qs, _ = quantities_in(text)
    got = [f"{q.text.replace(chr(10), '⏎')} | {_value(q.value, q.low, q.high)} | {q.unit}" for q in qs]
    assert got == list(case[1:])


def test_figure_spans_index_the_text() -> None:
    text = "đạt từ 437\ntriệu đồng/lao động trở lên"
    (q,), _ = quantities_in(text)
    assert text[q.span.start : q.span.end] == q.text
    assert q.per == "lao động" and q.qualifier == "từ … trở lên"


def test_population_after_trên_is_the_denominator_of_the_listed_counts() -> None:
    # "trên 1 vạn dân" after a count means "per 10,000 people", not "more than 10,000 people".
    text = "(19) Đến năm 2030, có từ 19 bác sỹ, 50 giường bệnh trên 1 vạn dân trở lên."
    qs, _ = quantities_in(text)
    assert [(q.text, q.per) for q in qs] == [("từ 19 bác sỹ", "vạn dân"), ("50 giường bệnh", "vạn dân")]
    # Not after a count: "trên" is the qualifier "more than" (corpus 11).
    (q,), _ = quantities_in("đảng bộ có trên 1 vạn người")
    assert (q.value, q.qualifier, q.per) == (Decimal(10000), "trên", None)


@pytest.mark.parametrize("wrapped", [False, True])
def test_digits_glued_before_the_sentence_start_are_no_count(wrapped: bool) -> None:
    # Corpus 05: the sentence splitter cuts "cao tốc CT.07 đoạn …" after "CT."; the sentence
    # then opens with "07 đoạn", which is the road's code, not 7 sections.
    text = "dựng hoàn chỉnh cao tốc CT.07 đoạn Hà Nội - Thái Nguyên - Chợ Mới;" + ("\nhợp" if wrapped else "")
    at = text.index("07")
    qs, _ = find_quantities(text, Span(at, len(text)))
    assert qs == ()


def test_exceeded_target_in_a_wrapped_paren_is_the_target() -> None:
    # Corpus 01: "vượt mục tiêu 12%" = exceeded the 12% target; the paren runs over a line.
    text = "tín dụng tăng bình quân khoảng 18%/năm (vượt mục tiêu\n12%); đến hết năm 2025"
    qs, _ = quantities_in(text)
    (c,) = [c for c in find_comparisons(text, Span(0, len(text)), qs) if c.kind == "achieved_vs_target"]
    assert c.achieved is not None and c.target is not None
    assert (c.achieved.text, c.target.text) == ("khoảng 18%/năm", "12%")


@pytest.mark.parametrize(
    ("sentence", "baseline"),
    [
        ("Đến năm 2030, thu nhập bình quân đầu người gấp 1,5 lần so với năm\n2025.", "năm 2025"),
        ("tổng sản phẩm đạt khoảng 202.925 tỷ đồng, gấp 1,6 lần năm 2020; GRDP", "năm 2020"),
    ],
)
def test_multiplier_is_a_change_against_a_baseline(sentence: str, baseline: str) -> None:
    qs, _ = quantities_in(sentence)
    (c,) = find_comparisons(sentence, Span(0, len(sentence)), qs)
    assert c.kind == "change_vs_baseline" and c.direction == "tăng"
    assert c.change is not None and c.change.unit == "lần"
    assert c.baseline_period == baseline
    assert sentence[c.span.start : c.span.end] == c.text


@pytest.mark.parametrize(
    ("item", "direction", "deadline"),
    [
        ("(36) Tỷ lệ kết nạp đảng viên mới hằng năm đạt tỷ lệ từ 3% trở lên.", "đạt", None),
        ("(4) Phấn đấu giai đoạn 2026 - 2030, tỷ trọng giá trị tăng thêm của kinh tế\nsố đạt khoảng 35%.", "đạt", None),
        ("(22) Tỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều)\nduy trì mức giảm 1 - 1,5 điểm%/năm.", "giảm", None),
        ("(17) Kết nạp đảng viên mới trong nhiệm kỳ 500 đảng viên.", "kết nạp", None),
        ("(1) Tổng sản phẩm theo giá hiện hành đến năm\n2030 đạt 361,6 nghìn tỷ đồng.", "đạt", 2030),
        ("(32) Tỷ lệ phương tiện sử dụng\nnăng lượng xanh năm 2030 đạt từ 40% trở lên.", "đạt", 2030),
        ("(23) Thu nhập bình quân đầu người gấp 1,5 lần so với năm\n2025.", "tăng", None),
        ("(20) Đến năm 2030, đạt bao phủ bảo hiểm y tế toàn dân.", "đạt", 2030),
        ("(21) Củng cố vững chắc và nâng cao kết quả phổ cập giáo dục các cấp\nhọc.", "đạt", None),
    ],
)
def test_target_direction_and_deadline(item: str, direction: str, deadline: int | None) -> None:
    qs, _ = quantities_in(item)
    t = read_target(item, "i1", "1", Span(0, len(item)), qs)
    assert (t.direction, t.deadline_year) == (direction, deadline)

"""The ``indicator`` column on real corpus sentences (tests/cases/indicators.txt)."""

from __future__ import annotations

import pytest

from vnreport import parse
from vnreport.batch.tables import document_tables
from vnreport.figures.indicators import indicator_of

from ..helpers import read_cases

CASES = read_cases("indicators")


@pytest.mark.parametrize("case", CASES, ids=[c[0][:40] for c in CASES])
def test_indicator_case(case: tuple[str, ...]) -> None:
    text = case[0].replace("⏎", "\n")
    rows = document_tables(parse(text), "case.txt", "0")["figures"]
    got = {row["text"].replace("\n", "⏎"): row["indicator"] or "-" for row in rows}
    for line in case[1:]:
        figure, expected = (part.strip() for part in line.split("|"))
        assert figure in got, f"no figure {figure!r} in {sorted(got)}"
        assert got[figure] == expected, figure


def test_nearest_mention_wins() -> None:
    assert indicator_of("Thu ngân sách tăng, tỷ lệ hộ nghèo giảm còn") == "poverty_rate"
    assert indicator_of("Tỷ lệ hộ nghèo giảm, thu ngân sách đạt") == "budget_revenue"


def test_no_subject_no_indicator() -> None:
    assert indicator_of(None) is None
    assert indicator_of("") is None
    assert indicator_of("Kết nạp", "sinh viên") is None
    assert indicator_of(None, "đảng viên", "mỗi năm kết nạp được ") == "party_members_admitted"

"""Recipients and signature as a reader states them, from a document's closing lines
(``tests/cases/closing.txt``)."""

from __future__ import annotations

import attrs
import pytest

import vnreport
from vnreport.model import Metadata

from ..helpers import read_cases

TOP = "TỈNH ỦY THÁI NGUYÊN\n*\nĐẢNG CỘNG SẢN VIỆT NAM\nThái Nguyên, ngày 22 tháng 8 năm 2025\nTHÔNG BÁO\n"
BODY = (
    "1. Nội dung Đại hội đại biểu Đảng bộ tỉnh lần thứ XXI.\n"
    "Ban Chấp hành Đảng bộ tỉnh thông báo để các đảng bộ biết.\n"
)
OPTIONS = attrs.evolve(vnreport.DEFAULT_OPTIONS, sentences=False)
CASES = read_cases("closing")


def _shown(meta: Metadata, field: str) -> str:
    if field == "recipients":
        return " | ".join(meta.recipients) if meta.recipients else "null"
    if field.startswith("signature."):
        value = getattr(meta.signature, field.split(".", 1)[1]) if meta.signature is not None else None
    else:
        value = getattr(meta, field)
    return "null" if value is None else str(value)


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_closing_case(case: tuple[str, ...]) -> None:
    arrow = case.index("=>")
    expected = [tuple(line.split(": ", 1)) for line in case[arrow + 1 :]]
    meta = vnreport.parse(TOP + BODY + "\n".join(case[1:arrow]) + "\n", OPTIONS).metadata
    assert [(field, _shown(meta, field)) for field, _ in expected] == expected


def test_case_file_is_read() -> None:
    assert len(CASES) >= 2 and all("=>" in c for c in CASES)

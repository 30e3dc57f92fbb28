"""Heading depth by the genre's conventional order of styles (``tests/cases/nesting.txt``)."""

from __future__ import annotations

import pytest

import vnreport

from .helpers import outline, read_cases

CASES = read_cases("nesting")


@pytest.mark.parametrize("case", CASES, ids=[case[0][:60] for case in CASES])
def test_nesting(case: tuple[str, ...]) -> None:
    arrow = case.index("=>")
    body, expected = case[1:arrow], list(case[arrow + 1 :])
    doc = vnreport.parse("\n".join(body) + "\n")
    assert outline(doc.body) == expected

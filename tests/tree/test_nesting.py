"""Heading depth by the genre's conventional order of styles (``tests/cases/nesting.txt``)."""

from __future__ import annotations

import pytest

import vnreport

from ..helpers import outline, read_cases

CASES = read_cases("nesting")
KIND_CASES = read_cases("kinds") + read_cases("markdown_lines") + read_cases("glued_lines")


@pytest.mark.parametrize("case", CASES, ids=[case[0][:60] for case in CASES])
def test_nesting(case: tuple[str, ...]) -> None:
    arrow = case.index("=>")
    body, expected = case[1:arrow], list(case[arrow + 1 :])
    doc = vnreport.parse("\n".join("" if line == "~" else line for line in body) + "\n")
    assert outline(doc.body) == expected


@pytest.mark.parametrize("case", KIND_CASES, ids=[case[0][:60] for case in KIND_CASES])
def test_section_or_item(case: tuple[str, ...]) -> None:
    """Kinds from what follows a line (tests/cases/kinds.txt), Markdown bold broken over lines
    (markdown_lines.txt) and headings glued to the sentence before them (glued_lines.txt)."""
    arrow = case.index("=>")
    body, expected = case[1:arrow], list(case[arrow + 1 :])
    doc = vnreport.parse("\n".join("" if line == "~" else line for line in body) + "\n")
    assert outline(doc.body) == expected

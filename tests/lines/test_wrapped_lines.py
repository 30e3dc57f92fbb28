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

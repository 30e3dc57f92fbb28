"""Files that hold several documents, read from real lines (``tests/cases/bundles.txt``)."""

from __future__ import annotations

import pytest

import vnreport
from vnreport.model import FurnitureKind, Section, SubDocument

from ..helpers import outline, read_cases

CASES = read_cases("bundles")


def _documents(doc: vnreport.Document) -> list[str]:
    """Each document as "[id] type | motto | title" (the fields found), its outline under it."""
    out: list[str] = []
    for part in doc.body:
        assert isinstance(part, SubDocument)
        meta = part.metadata
        fields = " | ".join(x for x in (meta.doc_type_name, meta.motto, meta.title) if x)
        out.append(f"[{part.id}] {fields}".rstrip())
        out.extend("  " + line for line in outline(part.children))
    return out


def _parse(case: tuple[str, ...]) -> tuple[vnreport.Document, list[str]]:
    arrow = case.index("=>")
    body, expected = case[1:arrow], list(case[arrow + 1 :])
    return vnreport.parse("\n".join("" if line == "~" else line for line in body) + "\n"), expected


@pytest.mark.parametrize("case", CASES, ids=[case[0][:60] for case in CASES])
def test_bundle(case: tuple[str, ...]) -> None:
    doc, expected = _parse(case)
    assert _documents(doc) == expected


def test_header_under_a_form_heading_stays_furniture() -> None:
    """The header lines between a form's heading and its body are header furniture, not body text,
    and the heading's title ends with its own lines."""
    doc, _ = _parse(CASES[0])
    form = doc.body[2]
    assert isinstance(form, SubDocument)
    heading = form.children[0]
    assert isinstance(heading, Section) and heading.title == "Quyết định ban hành Kế hoạch kiểm tra chuyên đề"
    header = [f.text for f in form.furniture if f.kind is FurnitureKind.HEADER]
    assert "Độc lập - Tự do - Hạnh phúc" in header and "/QĐ-(3)" in header
    assert not any(f.span.start < heading.span.start for f in form.furniture)

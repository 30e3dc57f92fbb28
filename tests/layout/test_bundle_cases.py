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
    return vnreport.parse("\n".join(_line(line) for line in body) + "\n"), expected


def _line(line: str) -> str:
    """A case line as the file has it: "~" a blank line, a leading "\\f" a page break."""
    return "" if line == "~" else "\f" + line[2:] if line.startswith("\\f") else line


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


def test_signature_at_a_page_foot_closes_the_document_above() -> None:
    """The programme's signature stands at the foot of its last page, right over the report's
    header on the next: it is the programme's, and the report opens its page (corpus 12)."""
    case = next(c for c in CASES if c[0].startswith("a programme's signature at the foot"))
    doc, _ = _parse(case)
    programme, report = doc.body[0], doc.body[1]
    assert isinstance(programme, SubDocument) and isinstance(report, SubDocument)
    signature = programme.metadata.signature
    assert signature is not None
    assert signature.authority == "BAN CHẤP HÀNH HỘI SINH VIÊN VIỆT NAM TRƯỜNG KHÓA XI, NHIỆM KỲ 2023 - 2025"
    assert doc.text[report.span.start :].lstrip("\f").startswith("ĐẠI HỘI ĐẠI BIỂU\n")

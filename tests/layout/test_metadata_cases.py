"""Metadata as a reader states it, from the header and title lines (``tests/cases/metadata.txt``),
and on the corpus documents whose fields these rules fixed."""

from __future__ import annotations

import attrs
import pytest

import vnreport
from vnreport.model import DateValue, Metadata, Section, Signature, SubDocument
from vnreport.tree import continued

from ..helpers import CORPUS, read_cases

BODY = "\nI. TÌNH HÌNH CHUNG\n1. Kết quả\nNăm qua, huyện đã đạt được nhiều kết quả quan trọng trên các lĩnh vực.\n"
OPTIONS = attrs.evolve(vnreport.DEFAULT_OPTIONS, sentences=False)
CASES = read_cases("metadata")


def _split(case: tuple[str, ...]) -> tuple[str, list[str], list[tuple[str, str]]]:
    title, *rest = case
    arrow = rest.index("=>")
    expected = [tuple(line.split(": ", 1)) for line in rest[arrow + 1 :]]
    # A line written "\\#" opens with "#" in the document (a Markdown page title; "#" opens a comment).
    lines = [line[1:] if line.startswith("\\#") else line for line in rest[:arrow]]
    return title, lines, [(k, v) for k, v in expected]


def _shown(meta: Metadata, field: str) -> str:
    value = getattr(meta, field)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, DateValue):
        return "/".join("-" if v is None else str(v) for v in (value.day, value.month, value.year))
    return str(value)


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_metadata_case(case: tuple[str, ...]) -> None:
    _, lines, expected = _split(case)
    meta = vnreport.parse("\n".join(lines) + "\n" + BODY, OPTIONS).metadata
    got = [(field, _shown(meta, field)) for field, _ in expected]
    assert got == expected


def test_case_file_is_read() -> None:
    assert len(CASES) >= 10 and all("=>" in c for c in CASES)


def _corpus(name: str) -> vnreport.Document:
    paths = sorted(CORPUS.glob(f"{name}_*.txt")) if CORPUS.exists() else []
    paths = [p for p in paths if not p.name.endswith(".layout.txt")]
    if not paths:
        pytest.skip("corpus absent")
    return vnreport.parse(paths[0].read_text(encoding="utf-8"), OPTIONS)


@pytest.mark.parametrize("name", ["01", "02", "04"])
def test_corpus_reports_without_number_have_no_code(name: str) -> None:
    m = _corpus(name).metadata
    assert m.doc_type_code is None and m.doc_type_name is not None and m.doc_type_name.startswith("Báo cáo")


def test_corpus_02_03_type_as_printed() -> None:
    assert _corpus("02").metadata.doc_type_name == "Báo cáo"
    assert _corpus("03").metadata.doc_type_name == "Nghị quyết"
    assert _corpus("01").metadata.doc_type_name == "Báo cáo chính trị"


@pytest.mark.parametrize("name", ["15", "16", "17", "18", "19"])
def test_corpus_state_title_is_party_title(name: str) -> None:
    m = _corpus(name).metadata
    assert m.party_title == m.state_title == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def test_corpus_16_law_dated_by_adoption() -> None:
    m = _corpus("16").metadata
    assert m.date is not None and (m.date.day, m.date.month, m.date.year) == (30, 11, 2024)
    assert (m.doc_type_name, m.number, m.issuer) == ("Luật", "60", "QUỐC HỘI")


def test_corpus_13_title_under_type_word() -> None:
    m = _corpus("13").metadata
    assert m.doc_type_code is None and m.title is not None and m.title.startswith("CỦA BỘ CHÍNH TRỊ")
    # The number stands only in the page title, "KẾT LUẬN 155-KL/TW CỦA …" (layout/title_number.py).
    assert (m.number, m.symbol, m.issuer_code, m.issuer_level) == ("155", "KL/TW", "TW", "central")


def test_corpus_12_programme_and_report_are_separate() -> None:
    doc = _corpus("12")
    subs = [n for n in doc.body if isinstance(n, SubDocument)]
    names = [s.metadata.doc_type_name for s in subs]
    assert names[:2] == ["Chương trình", "Báo cáo chính trị"]
    report = subs[1].metadata
    assert report.issuer is not None and report.issuer.startswith("ĐẠI HỘI ĐẠI BIỂU")
    assert report.title is not None and report.title.startswith("SINH VIÊN TRƯỜNG")
    # The document is the report, not the programme that opens the booklet.
    assert doc.metadata == report
    assert report.issuer_level == "grassroots"  # a university's student union, not the city's
    assert report.draft  # "(Dự thảo lần thứ nhất)" on the first page, after the cover and foreword
    # The report's second part, printed under the congress header again, is a part of the
    # report (an unmarked section one level above its I.–V.), not a document of its own.
    assert [s.id for s in subs] == ["d1", "d2", "d4"]
    assert subs[2].metadata.doc_type_name == "Báo cáo"
    part_two = subs[1].children[-1]
    assert isinstance(part_two, Section) and part_two.marker is None and part_two.level == 1
    assert part_two.title.startswith("MỤC TIÊU, NHIỆM VỤ")
    first = part_two.children[0]
    assert isinstance(first, Section) and first.title == "BỐI CẢNH CHUNG VÀ TÌNH HÌNH SINH VIÊN" and first.level == 2
    assert subs[1].span.end == part_two.span.end


def test_a_header_without_a_document_of_its_own_continues_an_unsigned_document() -> None:
    report = Metadata(doc_type_name="Báo cáo chính trị", title="SINH VIÊN TRƯỜNG …")
    part = Metadata(issuer="ĐẠI HỘI ĐẠI BIỂU …", title="MỤC TIÊU, NHIỆM VỤ, GIẢI PHÁP …")
    assert continued.continues(report, part)
    signed = attrs.evolve(report, signature=Signature(authority="BAN CHẤP HÀNH", position=None, name=None))
    assert not continued.continues(signed, part)
    assert not continued.continues(report, attrs.evolve(part, doc_type_name="Báo cáo"))
    assert not continued.continues(report, attrs.evolve(part, subject_line="đề xuất kế hoạch kiểm tra"))

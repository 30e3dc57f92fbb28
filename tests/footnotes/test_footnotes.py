"""Sentences, footnote markers and bodies, links both ways, and bad input."""

from __future__ import annotations

import threading

import pytest

import vnreport
from vnreport.model import DiagnosticCode, Section
from vnreport.sentences.split import split_line

from ..helpers import check_document, read_cases

BODY = "\n\nNơi nhận:\n- Lưu VT.\n\n{bodies}\n"


def sentences_of(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_line(text, 0, len(text))]


@pytest.mark.parametrize(("text", "expected"), [(text, expected) for text, *expected in read_cases("sentences")])
def test_sentence_corrections(text: str, expected: list[str]) -> None:
    assert sentences_of(text) == expected


def test_heading_title_is_not_a_body_sentence() -> None:
    doc = vnreport.parse("I- BỐI CẢNH TÌNH HÌNH\nHuyện phát triển.\n")
    assert [s.text for s in doc.sentences()] == ["Huyện phát triển."]


@pytest.mark.parametrize(
    ("sentence", "labels"),
    [(sentence, labels.split()) for sentence, labels in read_cases("footnote_markers")],
)
def test_marker_forms(sentence: str, labels: list[str]) -> None:
    bodies = "\n".join(f"[{n}]- Nội dung chú thích {n}." for n in range(1, 15))
    doc = vnreport.parse("1- Kinh tế\n" + sentence + BODY.format(bodies=bodies))
    (cited,) = [s for s in doc.sentences() if s.footnote_refs]
    assert [r.label for r in cited.footnote_refs] == labels
    for ref in cited.footnote_refs:
        assert doc.text[ref.span.start] == "[" and doc.text[ref.span.end - 1] == "]"
        assert ref.footnote is not None
        note = doc.node(ref.footnote)
        assert note.label == ref.label
        assert cited.id in note.cited_by


def test_links_both_ways_many_to_many() -> None:
    text = (
        "1- Kinh tế\nThu ngân sách đạt cao[1]. Chi ngân sách đúng quy định[1][2].\n"
        "Giáo dục phát triển[2].\n" + BODY.format(bodies="[1]- Tổng thu 1.683.240 triệu đồng.\n\n[2] - Có 52 trường.")
    )
    doc = vnreport.parse(text)
    one, two = doc.footnote("1"), doc.footnote("2")
    assert one is not None and two is not None
    assert len(one.cited_by) == 2 and len(two.cited_by) == 2
    claims = list(doc.claims())
    assert [len(c.evidence) for c in claims] == [1, 2, 1]
    assert claims[1].evidence == (one, two)
    assert claims[0].section_path == ("1- Kinh tế",)
    assert one.text == "Tổng thu 1.683.240 triệu đồng."
    assert [s.text for s in one.sentences] == ["Tổng thu 1.683.240 triệu đồng."]


def test_body_running_over_several_lines_with_its_own_list() -> None:
    bodies = "[1]- Trong đó:\n- Cấp huyện 21.756;\n- Cấp xã 108.326.\n\n[2]- Khác."
    doc = vnreport.parse("Đạt kết quả[1]. Tốt[2].\n" + BODY.format(bodies=bodies))
    note = doc.footnote("1")
    assert note is not None
    assert note.text == "Trong đó:\n- Cấp huyện 21.756;\n- Cấp xã 108.326."
    assert not any(isinstance(n, Section) for n in doc.body)


def test_footnote_diagnostics() -> None:
    bodies = "[1]- Một.\n[3]- Ba.\n[3]- Ba lần nữa.\n[5]- Năm."
    doc = vnreport.parse("Câu một[1]. Câu hai[2]. Câu ba[3]. Câu năm[1]. Câu bảy[7].\n" + BODY.format(bodies=bodies))
    codes = {d.code for d in doc.diagnostics}
    assert DiagnosticCode.FOOTNOTE_MARKER_WITHOUT_BODY in codes  # [2], [7]
    assert DiagnosticCode.FOOTNOTE_DUPLICATE_BODY in codes  # [3] twice
    assert DiagnosticCode.FOOTNOTE_LABEL_ORDER in codes  # [1] then [3]
    assert DiagnosticCode.FOOTNOTE_BODY_WITHOUT_MARKER in codes  # [5]


def test_marker_inside_heading_is_a_diagnostic() -> None:
    doc = vnreport.parse("I- BỐI CẢNH[1]\nHuyện tốt[1].\n" + BODY.format(bodies="[1]- Chú thích."))
    assert DiagnosticCode.FOOTNOTE_IN_HEADING in {d.code for d in doc.diagnostics}


@pytest.mark.parametrize(
    "text",
    [
        "Câu có [ mở ngoặc.",
        "Câu có [] rỗng.",
        "Câu có [abc] chữ.",
        "Câu kết thúc bằng dấu[1]",
        "Câu có [3-300] phạm vi lạ.",
        "[",
        "]",
        "Ý một[1].\n\n[1]\n\n[x]- không phải chú thích",
        "Đạt[1]" + "[1]" * 10_000,
    ],
)
def test_bad_footnote_input_never_raises(text: str) -> None:
    doc = vnreport.parse(text)
    check_document(doc)


def test_ten_thousand_markers_give_diagnostics_not_errors() -> None:
    doc = vnreport.parse("Đạt kết quả " + " ".join(f"[{n % 1000 + 1}]" for n in range(10_000)) + ".")
    missing = [d for d in doc.diagnostics if d.code is DiagnosticCode.FOOTNOTE_MARKER_WITHOUT_BODY]
    assert len(missing) == 10_000


def test_tokens_have_exact_spans_and_are_thread_safe(seed_doc: vnreport.Document) -> None:
    sentences = [s for s in seed_doc.sentences()][:24]
    results: dict[str, tuple[object, ...]] = {}
    errors: list[BaseException] = []

    def work(chunk: list[vnreport.model.Sentence]) -> None:
        try:
            for s in chunk:
                results[s.id] = s.tokens()
        except BaseException as exc:  # pragma: no cover - the failure is the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(sentences[k::4],)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for s in sentences:
        tokens = results[s.id]
        assert tokens
        for token in tokens:
            assert seed_doc.text[token.span.start : token.span.end] == token.text  # type: ignore[attr-defined]
            assert s.span.start <= token.span.start <= token.span.end <= s.span.end  # type: ignore[attr-defined]


def test_tone_placement_is_reported_but_spans_stay_on_the_original() -> None:
    doc = vnreport.parse("Huyện uỷ khoá XXI lãnh đạo.")
    tokens = next(doc.sentences()).tokens()
    khoa = next(t for t in tokens if "khoá" in t.text)
    assert "khóa" in khoa.normalized
    assert doc.text[khoa.span.start : khoa.span.end] == khoa.text


def test_a_marker_found_twice_is_one_reference() -> None:
    """A PDF's superscript digit glued after a stop ("… chi bộ cơ sở).1", corpus 08) is found at
    the page bottom's label and as a raised run: one marker, one reference, in text order."""
    from vnreport.footnotes.link import merged_refs

    found = ((120, 121, "1", "fn1"), (300, 301, "2", "fn2"))
    raised = ((120, 121, "1", "fn1"), (50, 51, "3", "fn3"))
    assert merged_refs(found, raised) == ((50, 51, "3", "fn3"), (120, 121, "1", "fn1"), (300, 301, "2", "fn2"))

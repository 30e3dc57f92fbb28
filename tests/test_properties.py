"""Hypothesis properties: parsing never raises and every span tells the truth."""

from __future__ import annotations

import unicodedata
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vnreport
from vnreport.model import Footnote, Item, Paragraph, Section, Sentence, SubDocument, Table

MARKERS = [
    "Phần I",
    "Phần thứ hai",
    "PHẦN THỨ BA",
    "I-",
    "II.",
    "IV -",
    "1-",
    "2.",
    "3)",
    "2.1-",
    "1.1.1.",
    "(1)",
    "(12)",
    "a)",
    "đ)",
    "b.",
    "A.",
    "Một là,",
    "Thứ hai,",
    "-",
    "+",
    "•",
    "*",
    "Chương I",
    "Mục 2",
    "Điều 3.",
    "[1]",
    "[2]-",
    "Nơi nhận:",
    "T/M HUYỆN ỦY",
    "¯¯¯¯",
    "-----",
]
WORDS = [
    "Đảng",
    "bộ",
    "huyện",
    "kinh",
    "tế",
    "xã",
    "hội",
    "1.683.240",
    "triệu",
    "đồng",
    "28,67%",
    "(mục tiêu",
    "29,44%)",
    "[14]",
    "[3-5]",
    "v.v.",
    "TP.",
    "Hồ",
    "Chí",
    "Minh",
    "05-CT/TW,",
    "ngày",
    "15/5/2016",
    "Đ/c",
    "PGS.TS",
    "THUẬN",
    "LỢI",
    "Thuận",
    "lợi:",
    "như",
    "sau:",
    ".",
    ";",
    ",",
    "[",
    "]",
    "[]",
    "[abc]",
    "\u00a0",
]

line = st.builds(
    lambda indent, marker, words, end: indent + (marker + " " if marker else "") + " ".join(words) + end,
    st.sampled_from(["", "  ", "\u00a0\u00a0\u00a0", "\t"]),
    st.one_of(st.none(), st.sampled_from(MARKERS)),
    st.lists(st.sampled_from(WORDS), max_size=25),
    st.sampled_from(["", ".", ":", " ", "\u00a0"]),
)
document = st.lists(st.one_of(line, st.just(""), st.text(max_size=30)), max_size=40).map("\n".join)


def check_node(text: str, node: Any, parent: Any | None) -> None:
    span = node.span
    assert 0 <= span.start <= span.end <= len(text)
    if parent is not None:
        assert parent.span.start <= span.start and span.end <= parent.span.end, (node, parent.span)
    if hasattr(node, "text") and isinstance(node.text, str):
        assert text[span.start : span.end] == node.text
    if isinstance(node, Sentence):
        assert node.text.strip() == node.text and node.text
        for ref in node.footnote_refs:
            assert span.start <= ref.span.start and ref.span.end <= span.end
            marker = text[ref.span.start : ref.span.end]
            assert marker.startswith("[") or marker == ref.label  # "[14]" or a glued PDF digit
    if isinstance(node, Section):
        assert node.title_span.end <= span.end
    if isinstance(node, (Section, Item)) and node.marker is not None:
        assert text[node.marker.span.start : node.marker.span.end] == node.marker.text
        assert node.marker.span.start == span.start
    if isinstance(node, Paragraph):
        for child in node.children:
            check_node(text, child, node)
        # Sentences cover the paragraph but for whitespace and page furniture (gaps).
        covered = "".join(c.clean_text for c in node.children if isinstance(c, Sentence))
        assert "".join(covered.split()) == "".join(node.clean_text.split())
        for gap in node.gaps:
            assert node.span.start <= gap.start and gap.end <= node.span.end
    elif isinstance(node, (Section, Item, SubDocument)):
        previous_end = node.span.start
        for member in node.children:
            assert member.span.start >= previous_end
            previous_end = member.span.end
            check_node(text, member, node)
    elif isinstance(node, (Table, Footnote)):
        pass


def check_document(doc: vnreport.Document) -> None:
    text = doc.text
    previous_end = 0
    for node in doc.body:
        assert node.span.start >= previous_end
        previous_end = node.span.end
        check_node(text, node, None)
    for note in doc.footnotes:
        assert text[note.span.start : note.span.end].endswith(note.text)
        for sentence in note.sentences:
            check_node(text, sentence, note)
    for diagnostic in doc.diagnostics:
        assert 0 <= diagnostic.span.start <= diagnostic.span.end <= len(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document)
def test_any_report_shaped_text_parses_with_true_spans(source: str) -> None:
    doc = vnreport.parse(source)
    check_document(doc)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_text_parses(source: str) -> None:
    check_document(vnreport.parse(source))


@settings(max_examples=100, deadline=None)
@given(document)
def test_raw_offsets_map_back(source: str) -> None:
    raw = source.replace("\n", "\r\n")
    doc = vnreport.parse(raw)
    for sentence in doc.sentences():
        span = doc.raw_span(sentence.span)
        piece = raw[span.start : span.end].replace("\r\n", "\n").replace("\r", "\n")
        assert unicodedata.normalize("NFC", piece) == sentence.text


@settings(max_examples=100, deadline=None)
@given(st.lists(line, min_size=1, max_size=20))
def test_sentences_never_cross_a_paragraph_line_break(lines: list[str]) -> None:
    source = "\n\n".join(lines)
    doc = vnreport.parse(source)
    for sentence in doc.sentences():
        assert "\n" not in sentence.text


def test_seed_spans(seed_doc: vnreport.Document) -> None:
    check_document(seed_doc)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_parse_or_raise_the_library_error(data: bytes) -> None:
    try:
        doc = vnreport.parse(data)
    except vnreport.UnreadableInputError:
        return
    check_document(doc)

"""Hypothesis properties: parsing never raises and every span tells the truth."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vnreport

from .helpers import check_document

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

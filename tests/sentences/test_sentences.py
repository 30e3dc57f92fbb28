"""The splitter is fed shortened lines (``sentences.condense``): it must still return exactly the
sentences that ``underthesea.sent_tokenize`` makes of the whole line."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vnreport
from vnreport.sentences import nlp
from vnreport.sentences.split import condense, split_line, splitter_spans

from ..helpers import CORPUS, SEED


def plain_spans(line: str) -> list[tuple[int, int]]:
    """What the splitter says of the whole line, found back in it the straightforward way."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for piece in nlp.sent_tokenize()(line):
        found = line.find(piece, pos)
        assert found >= 0
        spans.append((found, found + len(piece)))
        pos = found + len(piece)
    return spans


def lines_of(text: str) -> list[str]:
    return [line for line in text.split("\n") if any(mark in line.strip()[:-1] for mark in ".?!")]


def test_condensing_shortens_a_report_line() -> None:
    line = max(lines_of(SEED.read_text(encoding="utf-8")), key=len)
    shortened, _, _ = condense(line)
    assert len(shortened) < len(line) / 3
    assert splitter_spans(line) == plain_spans(line)


def test_every_line_of_the_seed_splits_as_the_whole_line_does() -> None:
    lines = lines_of(SEED.read_text(encoding="utf-8"))
    assert len(lines) > 100
    for line in lines:
        assert splitter_spans(line) == plain_spans(line), line


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the project")
def test_every_line_of_the_corpus_splits_as_the_whole_line_does() -> None:
    checked = 0
    for path in sorted(CORPUS.glob("*.txt")):
        text = vnreport.parse_file(path).text
        for line in lines_of(text):
            assert splitter_spans(line) == plain_spans(line), (path.name, line)
            checked += 1
    assert checked > 1000


#: Pieces that exercise every rule of the splitter: abbreviations, numbers with dots, ellipses,
#: capitals after marks, brackets, tabs and NBSP, and words long enough to make long stretches.
_PIECES = st.sampled_from(
    [
        " ",
        "  ",
        "\t",
        "\u00a0",
        "\x0c",  # form feed: a page break in PDF text
        "\u3000",
        "\u200b",
        ".",
        "..",
        "...",
        "?",
        "!",
        "?!",
        "Các",
        "xã",
        "huyện",
        "Đảng",
        "ĐẠI",
        "TP",
        "Th",
        "v.v",
        "e.g",
        "a",
        "B",
        "1.683.240",
        "28,67%",
        "2020",
        "[14]",
        "(mục tiêu 29,44%)",
        "“Trung",
        "nhiệm vụ chính trị của địa phương trong giai đoạn mới",
        "nângcaochấtlượngđộingũcánbộđảngviênvàhiệuquảhoạtđộng",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=60).map("".join))
def test_shortened_lines_split_as_whole_lines(line: str) -> None:
    assert splitter_spans(line) == plain_spans(line)


def test_split_line_keeps_offsets_into_the_text() -> None:
    text = (
        "Mở đầu. "
        + "Huyện đã hoàn thành nhiều nhiệm vụ quan trọng trong nhiệm kỳ qua " * 3
        + "và đạt 28,67%. Năm 2020 tốt."
    )
    spans = split_line(text, 0, len(text))
    assert [text[s.start : s.end] for s in spans] == [
        "Mở đầu.",
        text[8 : text.index(" Năm")],
        "Năm 2020 tốt.",
    ]

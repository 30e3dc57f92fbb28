"""The compact forms a parse keeps of its lines equal what they replace: a ``LineTable``
(vnreport.lines.table) gives back the very lines it was made from, the pages' ``LineContents``
(vnreport.layout.page_text) the slices the list of them held, and the chunked search for odd
lines (vnreport.lines.quality) the lines the whole-text split found."""

from __future__ import annotations

from itertools import accumulate

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnreport.layout.page_text import LineContents
from vnreport.lines import quality
from vnreport.lines.classify import classify_line
from vnreport.lines.split import split_lines
from vnreport.lines.table import LineTable, compact_lines

#: Line breaks, indentation (NBSP too), rule and star lines, letters, control characters.
texts = st.text(alphabet=st.sampled_from("ab Đ\n\n\xa0\t-*¯.\x01\x07"), max_size=120)


@given(texts)
def test_a_line_table_gives_back_the_lines_it_was_made_from(text: str) -> None:
    lines = split_lines(text)
    table = LineTable(lines)
    assert len(table) == len(lines)
    assert tuple(table) == lines
    assert [table[k] for k in range(len(lines))] == list(lines)
    assert table[-1] == lines[-1] and table[1:3] == lines[1:3] and table[::-2] == lines[::-2]
    assert table == lines and table == LineTable(lines) and compact_lines(table) is table
    assert hash(table) == hash(LineTable(lines))


def test_a_line_table_keeps_indices_as_given_and_refuses_a_line_past_its_end() -> None:
    lines = split_lines("a\n  b\n\nc")
    shuffled = (lines[2], lines[0])
    assert tuple(LineTable(shuffled)) == shuffled
    with pytest.raises(IndexError):
        LineTable(lines)[len(lines)]
    assert LineTable(lines) != LineTable(lines[:2])


@given(texts)
def test_line_contents_are_the_slices_of_each_line(text: str) -> None:
    classified = [classify_line(text, line) for line in split_lines(text)]
    contents = LineContents(text, classified)
    expected = [text[cl.line.content.start : cl.line.content.end] for cl in classified]
    assert list(contents) == expected and len(contents) == len(expected)
    assert [contents[k] for k in range(len(expected))] == expected and contents[1:] == expected[1:]
    assert list(contents.lengths()) == [len(s) for s in expected]
    assert [contents.length(k) for k in range(len(expected))] == [len(s) for s in expected]


def _odd_lines_whole(text: str) -> list[tuple[int, int]]:
    """The search as it was, over the text split whole."""
    odd: list[tuple[int, int]] = []
    parts = text.split("\n")
    ends = list(accumulate(map(len, parts)))
    for i, part in enumerate(parts):
        if not part.replace("\xa0", " ").replace("\t", " ").isprintable():
            end = ends[i] + i
            odd.append((end - len(part), end))
    return odd


@given(texts, st.integers(1, 9))
def test_odd_lines_searched_by_chunks_are_those_of_the_whole_text(text: str, chunk: int) -> None:
    saved = quality._ODD_LINES_CHUNK
    quality._ODD_LINES_CHUNK = chunk  # small chunks: every line end falls near a chunk's edge
    try:
        assert quality._odd_lines(text) == _odd_lines_whole(text)
    finally:
        quality._ODD_LINES_CHUNK = saved

"""The match text read through a view (vnreport.lines.match_view) reads as the whole match text:
the text with the spans markup.joined_lines_blanked gives made spaces, index by index, slice by
slice, and a pattern run on a window of it finds what it finds on the whole match text."""

from __future__ import annotations

from itertools import pairwise

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from vnreport.lines import markup
from vnreport.lines.match_view import MatchView, window
from vnreport.lines.split import split_lines
from vnreport.text.reading import read

from ..helpers import CORPUS

#: Emphasis and heading marks, glued rules, letters (one outside the BMP), spaces, line breaks.
texts = st.text(alphabet=st.sampled_from("ab Đ\n#*_-¯.:1𝐀"), max_size=160)


def _spaced(text: str, spans: list[tuple[int, int]]) -> str:
    out = list(text)
    for start, end in spans:
        out[start:end] = " " * (end - start)
    return "".join(out)


def _blanks(draw: st.DrawFn, size: int) -> list[tuple[int, int]]:
    cuts = sorted(set(draw(st.lists(st.integers(0, size), max_size=12))))
    return list(zip(cuts[::2], cuts[1::2], strict=False))


@st.composite
def _views(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = draw(st.text(alphabet=st.sampled_from("ab Đ\n*𝐀"), max_size=60))
    return text, _blanks(draw, len(text))


@given(_views(), st.integers(-70, 70), st.integers(-70, 70), st.sampled_from([None, 1, 2, -1]))
def test_a_view_reads_as_the_blanked_text(
    case: tuple[str, list[tuple[int, int]]], a: int, b: int, step: int | None
) -> None:
    text, blanks = case
    view, spaced = MatchView(text, blanks), _spaced(text, blanks)
    assert len(view) == len(spaced) and view[:] == spaced
    assert view[a:b:step] == spaced[a:b:step] and view[a:] == spaced[a:] and view[:b] == spaced[:b]
    if -len(spaced) <= a < len(spaced):
        assert view[a] == spaced[a]
    else:
        with pytest.raises(IndexError):
            view[a]


@given(texts)
def test_the_match_text_is_the_text_with_the_blanked_spans_made_spaces(text: str) -> None:
    lines = split_lines(text)
    glued = markup.glued_rules(text, lines)
    joined, match, blanks = markup.joined_lines_blanked(text, lines, glued)
    assert (joined, match) == markup.joined_lines(text, lines, glued)
    assert all(a < b < c for (a, b), (c, _) in pairwise(blanks))
    assert _spaced(text, blanks) == match
    assert MatchView(text, blanks)[:] == match


@pytest.mark.parametrize(
    "name", ["15_bacninh-ke-hoach-144-kh-ubnd_markdown.txt", "18_thong-tu-56-2025-tt-bct_markdown.txt"]
)
def test_on_a_markdown_crawl_the_view_reads_as_the_match_text(name: str) -> None:
    text = read((CORPUS / name).read_bytes()).text
    lines = split_lines(text)
    _, match, blanks = markup.joined_lines_blanked(text, lines, markup.glued_rules(text, lines))
    view = MatchView(text, blanks)
    assert len(blanks) > 50 and view[:] == match
    for line in lines:
        start, end = line.content_start, line.content_end
        assert view[start:end] == match[start:end]


#: A look-behind and a word boundary read the characters before the start.
_BEHIND = regex.compile(r"(?<=\*\* )\b(\w+)", regex.VERSION1)


def test_a_pattern_on_a_window_finds_what_it_finds_on_the_match_text() -> None:
    text = "x " * 100 + "**Điều 1. Phạm vi** và **Điều 2.**"
    lines = split_lines(text)
    _, match, blanks = markup.joined_lines_blanked(text, lines, [])
    view = MatchView(text, blanks)
    for pos in range(len(text)):
        on_match = _BEHIND.match(match, pos)
        on_view = _BEHIND.match(*window(view, pos))
        assert (on_match and on_match.group(1)) == (on_view and on_view.group(1))
        assert window(match, pos, pos + 5) == (match, pos, pos + 5)

"""The match text joined from short pieces (vnreport.lines.markup) is the text the substitutions
made before: the glued rules blanked, then the Markdown heading marks read and blanked, then the
emphasis read and blanked in that text, and a broken bold heading's newline a space."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from vnreport.lines import markup
from vnreport.lines.split import split_lines
from vnreport.rules.markup import MARKDOWN_EMPHASIS, MARKDOWN_HEADING_MARK
from vnreport.text.reading import read

from ..helpers import CORPUS

#: Emphasis and heading marks, glued rules, letters (one outside the BMP), spaces, line breaks.
texts = st.text(alphabet=st.sampled_from("ab Đ\n#*_-¯.:1𝐀\ud800"), max_size=160)


def _blank(m: regex.Match[str]) -> str:
    width: int = m.end() - m.start()
    return " " * width


def _substituted(text: str, glued: list[regex.Match[str]]) -> tuple[str, bool]:
    """The match text as the substitutions made it."""
    masked = text
    if glued:
        pieces: list[str] = []
        pos = 0
        for m in glued:
            pieces.extend((text[pos : m.start()], " " * (m.end() - m.start())))
            pos = m.end()
        pieces.append(text[pos:])
        masked = "".join(pieces)
    markdown = markup.looks_like_markdown(text)
    if markdown:
        masked = MARKDOWN_EMPHASIS.sub(_blank, MARKDOWN_HEADING_MARK.sub(_blank, masked))
    return masked, markdown


def _check(text: str) -> None:
    glued = markup.glued_rules(text, split_lines(text))
    assert markup.match_text(text, glued) == _substituted(text, glued)


@given(texts)
def test_the_match_text_is_the_substituted_text(text: str) -> None:
    _check(text)


@given(texts)
def test_the_match_text_of_a_markdown_text_is_the_substituted_text(text: str) -> None:
    _check("**a**\n" * 4 + "# b\n" + text)


def test_a_text_with_nothing_to_blank_is_its_own_match_text() -> None:
    text = "Huyện có nhiều lợi thế.\nXã đạt 12,5 tỷ đồng."
    assert markup.match_text(text, []) == (text, False)
    assert markup.match_text(text, [])[0] is text


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name[:2])
def test_the_match_text_of_every_corpus_document_is_the_substituted_text(path: Path) -> None:
    _check(read(path.read_bytes()).text)


def test_a_broken_bold_heading_joins_with_a_space_in_the_match_text() -> None:
    text = "**5. Chuyển đổi\nAI**\nNội dung.\n"
    lines, match = markup.join_broken_bold(text, text, split_lines(text))
    assert match == text.replace("đổi\nAI", "đổi AI") and len(match) == len(text)
    assert len(lines) == len(split_lines(text)) - 1

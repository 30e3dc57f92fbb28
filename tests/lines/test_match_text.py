"""The match text joined from short pieces (vnreport.lines.markup) is the text the substitutions
made before: the glued rules blanked, then the Markdown heading marks read and blanked, then the
emphasis read and blanked in that text, and a broken bold heading's newline a space; the lines
and match text joined in one pass (markup.joined_lines) are those the joinings made one after the
other, each on the whole match text."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from vnreport.lines import markup
from vnreport.lines.split import Line, LineKind, split_lines
from vnreport.model import Span
from vnreport.rules.markup import BROKEN_FORM_NUMBER, BROKEN_FORM_WORD, MARKDOWN_EMPHASIS, MARKDOWN_HEADING_MARK
from vnreport.text.reading import read

from ..helpers import CORPUS

#: Emphasis and heading marks, glued rules, letters (one outside the BMP), spaces, line breaks.
texts = st.text(alphabet=st.sampled_from("ab Đ\n#*_-¯.:1𝐀\ud800"), max_size=160)


TEXT = LineKind.TEXT


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


@given(texts, st.integers(1, 12))
def test_read_in_pieces_cut_after_newlines_the_match_text_is_the_substituted_text(text: str, piece: int) -> None:
    # The heading marks and emphasis are read piece by piece (markup._SCAN_PIECE, 16,384
    # characters): short pieces here, so that the cuts fall between every kind of line.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(markup, "_SCAN_PIECE", piece)
        assert len(list(markup._scan_pieces(text))) >= min(1, len(text))
        _check(text)
        lines = split_lines(text)
        assert markup.joined_lines(text, lines, markup.glued_rules(text, lines)) == _joined_one_after_the_other(text)


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
    text = "**a**\n" * 4 + "**5. Chuyển đổi\nAI**\nNội dung.\n"
    lines, match = markup.joined_lines(text, split_lines(text), [])
    assert match == _substituted(text, [])[0].replace("đổi\nAI", "đổi AI") and len(match) == len(text)
    assert len(lines) == len(split_lines(text)) - 1


def _joined_one_after_the_other(text: str) -> tuple[tuple[Line, ...], str]:
    """The lines and match text as the joinings made them, each on the whole match text."""
    lines = split_lines(text)
    glued = markup.glued_rules(text, lines)
    match, markdown = _substituted(text, glued)
    if markdown:
        lines, bold = markup.join_broken_bold(text, markup.split_glued_items(text, lines))
        match = _newlines_as_spaces(match, bold)
    joints: list[int] = []
    out: list[Line] = []
    for line in lines:
        before = out[-1] if out and (not joints or joints[-1] < out[-1].start) else None
        if before is not None and line.start == before.end + 1 and _breaks_form(match, before, line):
            joints.append(before.end)
            out[-1] = Line(
                before.index, Span(before.start, line.end), Span(before.content_start, line.content_end), TEXT
            )
        else:
            out.append(line)
    return (tuple(out) if joints else lines), _newlines_as_spaces(match, joints)


def _breaks_form(match: str, line: Line, nxt: Line) -> bool:
    """The form rules on the whole match text."""
    return (
        line.kind is TEXT
        and nxt.kind is TEXT
        and BROKEN_FORM_WORD.match(match, line.content_start, line.content_end) is not None
        and BROKEN_FORM_NUMBER.match(match, nxt.content_start, nxt.content_end) is not None
    )


def _newlines_as_spaces(match: str, joints: list[int]) -> str:
    chars = list(match)
    for joint in joints:
        chars[joint] = " "
    return "".join(chars)


def _check_joined(text: str) -> None:
    lines = split_lines(text)
    assert markup.joined_lines(text, lines, markup.glued_rules(text, lines)) == _joined_one_after_the_other(text)


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name[:2])
def test_the_joined_lines_of_every_corpus_document_are_those_joined_one_after_the_other(path: Path) -> None:
    _check_joined(read(path.read_bytes()).text)


#: Broken bold and form headings, a bold form word, emphasis and rules beside them.
_PIECES = st.sampled_from(["**", "*", "Mẫu", "MẪU", " số", "\n", "01:", " 2. ", "Điều", "---", "a", " ", "#"])


@given(st.lists(_PIECES, max_size=40).map("".join))
def test_the_joined_lines_are_those_joined_one_after_the_other(text: str) -> None:
    _check_joined(text)
    _check_joined("**a**\n" * 4 + text)


def test_a_form_heading_broken_after_its_bold_word_is_read_with_the_emphasis_blanked() -> None:
    text = "**a**\n" * 4 + "**Mẫu số**\n01: Sử dụng cho báo cáo\n"
    lines, match = markup.joined_lines(text, split_lines(text), [])
    assert len(lines) == len(split_lines(text)) - 1
    assert match.endswith("  Mẫu số   01: Sử dụng cho báo cáo\n")

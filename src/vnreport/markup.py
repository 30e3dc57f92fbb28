"""Markup that hides markers: Markdown emphasis, "#" headings, separators glued to text.

Crawled documents write "**Điều 1. Phạm vi**", "** 2.1. **Tập trung…", "8.* **Xử lý…" and PDF
text glues a separator to the first paragraph ("----Đại hội…"). Rather than rewrite the text
(and lose exact spans), we build a *match text* of the same length in which those characters
are blanked out; markers and titles are matched on it, and every span found there is a span of
the real text.
"""

from __future__ import annotations

import regex

from .lines import Line, LineKind
from .model import Span
from .patterns import GLUED_ITEM, GLUED_SEPARATOR, MARKDOWN_EMPHASIS, MARKDOWN_HEADING_MARK

#: A text is treated as Markdown when it has at least this many emphasis pairs or headings.
MIN_MARKDOWN_SIGNS = 3


def _blank(m: regex.Match[str]) -> str:
    width: int = m.end() - m.start()
    return " " * width


def looks_like_markdown(text: str) -> bool:
    if text.count("**") >= 2 * MIN_MARKDOWN_SIGNS:
        return True
    if "#" not in text:
        return False
    return any(found >= MIN_MARKDOWN_SIGNS for found, _ in enumerate(MARKDOWN_HEADING_MARK.finditer(text), start=1))


def _rule_line_starts(text: str) -> list[int]:
    """Offsets of the lines that open (after spaces) with three rule characters: the candidates
    for GLUED_SEPARATOR. Found with ``str.find``: a regular expression scanning a whole report
    for line starts costs a hundred times more."""
    starts: set[int] = set()
    for rule in ("---", "¯¯¯", "___"):
        # A glued separator opens with a run of one rule character, so these three strings
        # find every candidate.
        i = text.find(rule)
        while i >= 0:
            line_start = text.rfind("\n", 0, i) + 1
            if line_start == i or text[line_start:i].isspace():
                starts.add(line_start)
            line_end = text.find("\n", i)
            if line_end < 0:
                break
            i = text.find(rule, line_end)
    return sorted(starts)


def _glued(text: str) -> list[regex.Match[str]]:
    return [m for start in _rule_line_starts(text) if (m := GLUED_SEPARATOR.match(text, start)) is not None]


def glued_separators(text: str) -> list[Span]:
    """Rules glued to the text that follows them ("----Đại hội …"): page furniture."""
    found: list[Span] = []
    for m in _glued(text):
        rule = m.group(0)
        start = m.start() + len(rule) - len(rule.lstrip())
        found.append(Span(start, m.end()))
    return found


def match_text(text: str) -> tuple[str, bool]:
    """The text with markup blanked out (same length), and whether it was Markdown."""
    masked = text
    glued = _glued(text)
    if glued:
        pieces: list[str] = []
        pos = 0
        for m in glued:
            pieces.append(text[pos : m.start()])
            pieces.append(" " * (m.end() - m.start()))
            pos = m.end()
        pieces.append(text[pos:])
        masked = "".join(pieces)
    markdown = looks_like_markdown(text)
    if markdown:
        masked = MARKDOWN_HEADING_MARK.sub(_blank, masked)
        masked = MARKDOWN_EMPHASIS.sub(_blank, masked)
    return masked, markdown


def split_glued_items(text: str, lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """Split a line where a numbered item is glued to the previous sentence ("…sau:**1. …")."""
    if "**" not in text:
        return lines
    out: list[Line] = []
    for line in lines:
        if line.kind is not LineKind.TEXT:
            out.append(line)
            continue
        cuts = [m.start() for m in GLUED_ITEM.finditer(text, line.content.start, line.content.end)]
        if not cuts:
            out.append(line)
            continue
        start = line.content.start
        for cut in [*cuts, line.content.end]:
            piece = text[start:cut]
            stripped = piece.strip()
            if stripped:
                c_start = start + (len(piece) - len(piece.lstrip()))
                out.append(Line(line.index, Span(start, cut), Span(c_start, c_start + len(stripped)), LineKind.TEXT))
            start = cut
    return tuple(out)

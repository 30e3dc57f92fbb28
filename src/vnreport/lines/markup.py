"""Markup that hides markers: Markdown emphasis, "#" headings, separators glued to text.

Crawled documents write "**Điều 1. Phạm vi**", "** 2.1. **Tập trung…", "8.* **Xử lý…" and PDF
text glues a separator to the first paragraph ("----Đại hội…"). Rather than rewrite the text
(and lose exact spans), we build a *match text* of the same length in which those characters
are blanked out; markers and titles are matched on it, and every span found there is a span of
the real text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

import regex

from vnreport.lines.split import Line, LineKind
from vnreport.model import Span
from vnreport.rules.markup import (
    BROKEN_BOLD_HEADING,
    BROKEN_FORM_NUMBER,
    BROKEN_FORM_WORD,
    GLUED_HEADING,
    GLUED_HEADING_AFTER,
    GLUED_ITEM,
    GLUED_SEPARATOR,
    LINE_NUMBER,
    MARKDOWN_EMPHASIS,
    MARKDOWN_HEADING_MARK,
    MAX_BROKEN_BOLD,
)
from vnreport.rules.numbers import roman_value

#: A text is treated as Markdown when it has at least this many emphasis pairs or headings.
MIN_MARKDOWN_SIGNS = 3


def looks_like_markdown(text: str) -> bool:
    if text.count("**") >= 2 * MIN_MARKDOWN_SIGNS:
        return True
    if "#" not in text:
        return False
    return any(found >= MIN_MARKDOWN_SIGNS for found, _ in enumerate(MARKDOWN_HEADING_MARK.finditer(text), start=1))


def glued_rules(text: str, lines: tuple[Line, ...]) -> list[regex.Match[str]]:
    """Rules glued to the text that follows them ("----Đại hội …"), one match per line.

    Only a line whose text opens with three rule characters can hold one; testing each line's
    start costs a fraction of a regular expression run over the whole text.
    """
    found: list[regex.Match[str]] = []
    for line in lines:
        if line.kind is LineKind.TEXT and text.startswith(_RULE_OPENINGS, line.content_start):
            m = GLUED_SEPARATOR.match(text, line.start)
            if m is not None:
                found.append(m)
    return found


#: How a glued separator opens: a run of one rule character.
_RULE_OPENINGS = ("---", "¯¯¯", "___")


def separator_spans(glued: list[regex.Match[str]]) -> list[Span]:
    """The rules of :func:`glued_rules` without the spaces before them: page furniture."""
    found: list[Span] = []
    for m in glued:
        rule = m.group(0)
        start = m.start() + len(rule) - len(rule.lstrip())
        found.append(Span(start, m.end()))
    return found


def match_text(text: str, glued: list[regex.Match[str]]) -> tuple[str, bool]:
    """The text with markup blanked out (same length), and whether it was Markdown.

    ``glued`` are the glued rules of the text (:func:`glued_rules`)."""
    base_spans, emphasis, markdown = _match_spans(text, glued)
    return _blanked(text, merged([*base_spans, *emphasis])), markdown


#: The text is read for heading marks and emphasis in pieces of about this many characters,
#: each cut after a newline: no mark or emphasis crosses a line, and each piece is made with
#: the rules (then the marks) blanked, so that no whole masked copy of the text is made.
_SCAN_PIECE = 16_384


def _match_spans(text: str, glued: list[regex.Match[str]]) -> tuple[list[tuple[int, int]], list[tuple[int, int]], bool]:
    """The spans of the glued rules and heading marks (in order, apart), the emphasis spans,
    and whether the text is Markdown. The heading marks are read in the text with the rules
    blanked, the emphasis in the text with both blanked, as the substitutions did one after the
    other; the last blanking waits, so that the joints of broken headings are blanked in the
    same pass (:func:`joined_lines_blanked`)."""
    spans = [(m.start(), m.end()) for m in glued]
    markdown = looks_like_markdown(text)
    if not markdown:
        return spans, [], False
    marks: list[tuple[int, int]] = []
    emphasis: list[tuple[int, int]] = []
    for start, end in _scan_pieces(text):
        piece = _blanked_slice(text, spans, start, end)
        found = [(m.start(), m.end()) for m in MARKDOWN_HEADING_MARK.finditer(piece)]
        marks.extend((start + a, start + b) for a, b in found)
        piece = _blanked(piece, found)
        emphasis.extend((start + m.start(), start + m.end()) for m in MARKDOWN_EMPHASIS.finditer(piece))
    return merged([*spans, *marks]), emphasis, True


def _scan_pieces(text: str) -> Iterator[tuple[int, int]]:
    start, n = 0, len(text)
    while start < n:
        end = n if start + _SCAN_PIECE >= n else (text.find("\n", start + _SCAN_PIECE) + 1 or n)
        yield start, end
        start = end


def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The positions the ``spans`` cover, as spans in order, apart (overlapping ones joined)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if start >= end:
            continue
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def joined_lines(text: str, lines: tuple[Line, ...], glued: list[regex.Match[str]]) -> tuple[tuple[Line, ...], str]:
    """The lines with the broken headings joined (:func:`join_broken_bold`,
    :func:`join_broken_form`) and the match text (:func:`match_text`, each joint's newline read
    as a space)."""
    lines, match, _ = joined_lines_blanked(text, lines, glued)
    return lines, match


def joined_lines_blanked(
    text: str, lines: tuple[Line, ...], glued: list[regex.Match[str]]
) -> tuple[tuple[Line, ...], str, list[tuple[int, int]]]:
    """:func:`joined_lines` and the spans of the text that the match text blanks (in order,
    apart): the match text is the text with these spans made spaces, so that a later stage
    may hold the spans instead of the whole match text (:mod:`vnreport.lines.match_view`).

    The joints are found before the match text is made, and every span is read against the
    text itself, so that one pass makes the match text and no other copy of the text is made:
    each joining used to copy the whole match text again."""
    base_spans, blanks, markdown = _match_spans(text, glued)
    if markdown:
        # Items glued to the previous sentence in Markdown crawls start lines of their own.
        lines, joints = join_broken_bold(text, split_glued_items(text, lines))
        blanks = _with_joints(blanks, joints)
    # "Mẫu số⏎01: Sử dụng cho …": a form's heading broken after its word is one line.
    lines, joints = join_broken_form(text, text, merged([*base_spans, *blanks]), lines)
    spans = merged([*base_spans, *_with_joints(blanks, joints)])
    return lines, _blanked(text, spans), spans


def _with_joints(blanks: list[tuple[int, int]], joints: list[int]) -> list[tuple[int, int]]:
    """The spans to blank with each joint's newline added, in order (no emphasis span holds a
    newline, so none overlaps a joint)."""
    if not joints:
        return blanks
    return sorted([*blanks, *((joint, joint + 1) for joint in joints)])


def _blanked_slice(base: str, blanks: list[tuple[int, int]], start: int, end: int) -> str:
    """``base[start:end]`` with the ``blanks`` blanked: one line of the match text, made alone."""
    k = bisect_left(blanks, (start, 0))
    if k > 0 and blanks[k - 1][1] > start:
        k -= 1
    pieces: list[str] = []
    pos = start
    while k < len(blanks) and blanks[k][0] < end:
        b_start, b_end = max(blanks[k][0], start), min(blanks[k][1], end)
        pieces.extend((base[pos:b_start], " " * (b_end - b_start)))
        pos = b_end
        k += 1
    pieces.append(base[pos:end])
    return "".join(pieces)


#: The longest piece a blanked text is joined from: under 512 bytes as a two-byte string, so
#: that every piece is a small object of Python's own allocator (see :func:`_blanked`).
_PIECE = 200


def _blanked(source: str, spans: list[tuple[int, int]]) -> str:
    """``source`` with the ``spans`` (in order, apart) blanked with spaces.

    Joined from short pieces, not from the slices between the spans: on a large text those
    slices (hundreds of KB each) come from the C heap, and the holes they leave when freed
    stay resident for the rest of the parse (about the whole text's size on a 50 MB file).
    Short pieces fill whole arenas of Python's allocator, which go back when they are freed.
    """
    if not spans:
        return source
    return "".join(_pieces(source, spans))


def _pieces(source: str, spans: list[tuple[int, int]]) -> Iterator[str]:
    pos = 0
    for start, end in spans:
        yield from _chunks(source, pos, start)
        for at in range(start, end, _PIECE):
            yield " " * (min(at + _PIECE, end) - at)
        pos = end
    yield from _chunks(source, pos, len(source))


def _chunks(source: str, start: int, end: int) -> Iterator[str]:
    for at in range(start, end, _PIECE):
        yield source[at : min(at + _PIECE, end)]


def split_glued_items(text: str, lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """Split a line where a numbered item is glued to the previous sentence ("…sau:**1. …")."""
    if "**" not in text:
        return lines
    out: list[Line] = []
    for line in lines:
        if line.kind is not LineKind.TEXT:
            out.append(line)
            continue
        cuts = [m.start() for m in GLUED_ITEM.finditer(text, line.content_start, line.content_end)]
        out.extend(_cut(text, line, cuts) if cuts else (line,))
    return tuple(out)


def join_broken_bold(text: str, lines: tuple[Line, ...]) -> tuple[tuple[Line, ...], list[int]]:
    """Join a bold heading the crawl broke over two lines into one line; the joints too.

    "**5. Chuyển đổi⏎AI**" is one title and "**Điều⏎2. Đối tượng áp dụng**" one article
    heading: the bold run that opens on a marker line and closes on the next says so. The
    joined line's span holds the newline (a joint); in the match text that newline becomes a
    space (:func:`joined_lines`), so the marker rules read "Điều 2." as they would on one line.
    """
    out: list[Line] = []
    joints: list[int] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        last = _bold_run_end(text, lines, i)
        if last is not None:
            joints.extend(lines[k].end for k in range(i, last))
            end = lines[last]
            joined = Line(
                line.index, Span(line.start, end.span.end), Span(line.content_start, end.content.end), LineKind.TEXT
            )
            out.append(joined)
            i = last + 1
            continue
        out.append(line)
        i += 1
    return (tuple(out) if joints else lines), joints


def _bold_run_end(text: str, lines: tuple[Line, ...], i: int) -> int | None:
    """The index of the line that closes the bold heading run line ``i`` opens, or None.

    A long title breaks twice ("**Điều⏎14. Yêu cầu kỹ thuật …, kiểm⏎tra chữ ký số …**"): the
    lines between hold no mark of their own, and the whole run stays heading-sized."""
    mark = _opens_broken_bold(text, lines[i])
    if mark is None:
        return None
    for k in range(i + 1, min(len(lines), i + MAX_BROKEN_BOLD_LINES)):
        line, before = lines[k], lines[k - 1]
        if line.span.start != before.end + 1 or line.content.end - lines[i].content_start > MAX_BROKEN_BOLD:
            return None
        if _closes_bold(text, line, mark):
            return k
        if line.kind is not LineKind.TEXT or _count_marks(text[line.content_start : line.content_end], mark):
            return None
    return None


#: Lines a bold heading run may be broken over: the marker line and two more.
MAX_BROKEN_BOLD_LINES = 3


def join_broken_form(
    text: str, base: str, blanks: list[tuple[int, int]], lines: tuple[Line, ...]
) -> tuple[tuple[Line, ...], list[int]]:
    """Join a form's heading the crawl broke after its word: "Mẫu số⏎01: Sử dụng cho …" is the
    heading "Mẫu số 01: …" (:data:`~vnreport.rules.markup.BROKEN_FORM_WORD`). As in
    :func:`join_broken_bold`, the joined line's span holds the newline and the match text reads
    it as a space, so the form rule reads "Mẫu số 01:" as on one line.

    The rules read the match text, which is not made yet: ``base`` with the ``blanks`` blanked,
    made for a line only when its text opens with the form's word (:data:`_MAY_BE_FORM_WORD`)."""
    out: list[Line] = []
    joints: list[int] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and nxt.span.start == line.end + 1 and _breaks_form(text, base, blanks, line, nxt):
            joints.append(line.end)
            out.append(
                Line(
                    line.index, Span(line.start, nxt.span.end), Span(line.content_start, nxt.content.end), LineKind.TEXT
                )
            )
            i += 2
            continue
        out.append(line)
        i += 1
    return (tuple(out) if joints else lines), joints


#: A line whose match text :data:`~vnreport.rules.markup.BROKEN_FORM_WORD` can match opens, in
#: the text, with its word after nothing but spaces and what blanking makes spaces (rules,
#: heading marks, emphasis, a joint's newline); read with the same flags.
_MAY_BE_FORM_WORD = regex.compile(r"[\s\-¯_#*]*+mẫu", regex.VERSION1 | regex.IGNORECASE)


def _breaks_form(text: str, base: str, blanks: list[tuple[int, int]], line: Line, nxt: Line) -> bool:
    if line.kind is not LineKind.TEXT or nxt.kind is not LineKind.TEXT:
        return False
    return (
        _MAY_BE_FORM_WORD.match(text, line.content_start, line.content_end) is not None
        and BROKEN_FORM_WORD.match(_blanked_slice(base, blanks, line.content_start, line.content_end)) is not None
        and BROKEN_FORM_NUMBER.match(_blanked_slice(base, blanks, nxt.content_start, nxt.content_end)) is not None
    )


def _opens_broken_bold(text: str, line: Line) -> str | None:
    """The emphasis mark ("**" or "*") of a heading run this line opens and does not close."""
    if line.kind is not LineKind.TEXT or line.content_length > MAX_BROKEN_BOLD:
        return None
    content = text[line.content_start : line.content_end]
    opened = BROKEN_BOLD_HEADING.match(content)
    if opened is None:
        return None
    mark = opened.group("mark")
    return mark if _count_marks(content, mark) % 2 == 1 else None


def _closes_bold(text: str, line: Line, mark: str) -> bool:
    """The next line ends the run (at most a colon or a stray star after it)."""
    if line.kind is not LineKind.TEXT or line.content_length > MAX_BROKEN_BOLD:
        return False
    content = text[line.content_start : line.content_end]
    return _count_marks(content, mark) % 2 == 1 and len(content) - content.rindex(mark) <= 4


def _count_marks(content: str, mark: str) -> int:
    """Bold marks, or single italic stars that are no part of a bold mark."""
    if mark == "**":
        return content.count("**")
    return len(_LONE_STAR.findall(content))


_LONE_STAR = re.compile(r"(?<!\*)\*(?!\*)")


#: Cheap test for a line that may hold a glued heading: a sentence end, then a digit or "I"/"V"/"X".
_MAY_GLUE = re.compile(r"[.!?](?:\*\*)? ?(?:[0-9]|[IVX]+\.|\([0-9])")
#: What a line that opens with a numbered heading can start with.
_NUMBER_OPENINGS = frozenset("0123456789IVX*(")
#: What a glued heading's number can start with, and what may stand between it and the stop.
_GLUE_FIRST = frozenset("0123456789IVX(")
_GLUE_BETWEEN = frozenset("* ")


def _may_open_number(after: str) -> bool:
    """Can the two characters after a stop open a glued heading's number ("2", " 2", "**")?"""
    first = after[:1]
    return first in _GLUE_FIRST or (first in _GLUE_BETWEEN and (first == "*" or after[1:2] in _GLUE_FIRST))


def _may_glue_starts(text: str) -> list[int]:
    """The starts of ``_MAY_GLUE``'s matches, in order. Its first character is a class, which the
    engine tries at every position of the text (most of this stage's time on a report); the stops
    are found by character searches instead, and the pattern is tried only where the next
    characters can open a number."""
    found: list[int] = []
    for stop in ".!?":
        i = text.find(stop)
        while i >= 0:
            if _may_open_number(text[i + 1 : i + 3]) and _MAY_GLUE.match(text, i) is not None:
                found.append(i)
            i = text.find(stop, i + 1)
    found.sort()
    # finditer's matches do not overlap: a stop inside one ("IV." of ".IV. 2") starts none.
    out: list[int] = []
    end = -1
    for i in found:
        if i >= end:
            out.append(i)
            m = _MAY_GLUE.match(text, i)
            end = m.end() if m is not None else i + 1
    return out


def split_glued_headings(text: str, lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """Split a line where text extraction glued a numbered heading to the sentence before it
    ("… đã hoàn thành.2. Công tác tuyên truyền"), when the number is the next one of a list
    already open at line starts ("1. …" above it). "bao gồm: 1. Bối cảnh …; 3. …" written inside
    a sentence continues no list and stays text."""
    hits = _may_glue_starts(text)
    if not hits:
        return lines
    last: dict[str, tuple[int, ...]] = {}
    out: list[Line] = []
    for line in lines:
        if line.kind is not LineKind.TEXT:
            out.append(line)
            continue
        start, end = line.content_start, line.content_end
        if text[start] in _NUMBER_OPENINGS:
            at_start = LINE_NUMBER.match(text, start, end)
            if at_start is not None:
                _note_number(last, at_start)
        k = bisect_right(hits, start)
        if k == len(hits) or hits[k] >= end:
            out.append(line)
            continue
        cuts: list[int] = []
        while k < len(hits) and hits[k] < end:
            at = hits[k]
            k += 1
            glued = GLUED_HEADING.match(text, at, end)
            if glued is not None and GLUED_HEADING_AFTER.match(text[at - 1]) and _continues(last, glued):
                cuts.append(glued.start("marker"))
                _note_number(last, glued)
        out.extend(_cut(text, line, cuts) if cuts else (line,))
    return tuple(out)


def _number_of(m: regex.Match[str]) -> tuple[str, tuple[int, ...]]:
    if m.group("paren"):
        return "paren", (int(m.group("paren")),)
    if m.group("roman"):
        return "roman", (roman_value(m.group("roman")),)
    parts = tuple(int(p) for p in m.group("number").split("."))
    return ("arabic" if len(parts) == 1 else f"decimal{len(parts)}"), parts


def _note_number(last: dict[str, tuple[int, ...]], m: regex.Match[str]) -> None:
    key, value = _number_of(m)
    last[key] = value


def _continues(last: dict[str, tuple[int, ...]], m: regex.Match[str]) -> bool:
    key, value = _number_of(m)
    before = last.get(key)
    return before is not None and before[:-1] == value[:-1] and value[-1] == before[-1] + 1


def _cut(text: str, line: Line, cuts: list[int]) -> list[Line]:
    """``line`` as pieces starting at ``cuts`` (after its own start), spaces trimmed."""
    pieces: list[Line] = []
    start = line.content_start
    for cut in [*cuts, line.content_end]:
        piece = text[start:cut]
        stripped = piece.strip()
        if stripped:
            c_start = start + (len(piece) - len(piece.lstrip()))
            pieces.append(Line(line.index, Span(start, cut), Span(c_start, c_start + len(stripped)), LineKind.TEXT))
        start = cut
    return pieces

"""The few lines a crawl kept broken in a text of one paragraph a line (issue 12 class 2).

A crawl that writes each paragraph on a line of its own (the source's ``<p>``) still breaks a
few where the source had a ``<br>``: a note "(3) Tên viết tắt của cơ quan … kiểm" then "tra.",
a form's "- Ông (bà): …… chức vụ" then "……;". :func:`soft_wrapped_groups` joins those, and
nothing else: such a text is not hard-wrapped (:func:`~vnreport.tree.paragraphs.is_hard_wrapped`),
so :func:`~vnreport.tree.paragraphs.group_lines` does not run on it.
"""

from __future__ import annotations

from collections.abc import Sequence

from vnreport.lines.classify import ClassifiedLine, Role, is_upper_title
from vnreport.lines.match_view import Readable
from vnreport.model import MarkerStyle
from vnreport.tree.cited_notes import cites_notes
from vnreport.tree.paragraphs import _left_mid_clause, _starts_lower, closes, is_blank_separated


def soft_wrapped_groups(
    text: Readable,
    lines: Sequence[ClassifiedLine],
    skip: frozenset[int],
    barriers: frozenset[int],
    rows: frozenset[int],
) -> list[tuple[int, int]]:
    """Where paragraphs are not hard-wrapped (one line each, a crawl), the few the crawl kept
    broken: an unfinished line, then right under it a line in lower case ("(3) Tên viết tắt của
    cơ quan ban hành quyết định kiểm" then "tra.", corpus 18's form notes). No paragraph, title or
    item starts in lower case, so the second line is the rest of the first. Nor does one open
    on numbers it cites ("(11) … quản lý trực tiếp" then "(7) và (8).": tree/cited_notes.py).
    Where a blank line separates the paragraphs, a line right under an unfinished one is its rest
    also in capitals where it cannot stand as a body (:func:`_reads_as_rest`): "(2) Tên cơ quan
    ra quyết định thay đổi thành viên" then "Đoàn kiểm tra.", "- Ông (bà): …… chức vụ" then
    "……;". Not under a line set apart (:func:`_set_apart`): "**Điều 1. Phạm vi điều chỉnh**" or
    "PHỤ LỤC" is a heading, and the line under it its body or subtitle."""
    groups: list[tuple[int, int]] = []
    i, n = 0, len(lines)
    open_paren: int | None = None
    separated = is_blank_separated(lines, skip)
    while i < n:
        marker = lines[i].marker
        if marker is not None and marker.style is MarkerStyle.PAREN and isinstance(marker.value, int):
            open_paren = marker.value
        last = i
        while (
            last + 1 < n
            and not {last, last + 1} & (skip | rows)
            and last + 1 not in barriers
            and lines[last].role in _JOINABLE
            and not closes(text, lines[last])
            and _soft_rest(text, lines[last], lines[last + 1], open_paren, separated)
        ):
            last += 1
        if last > i:
            groups.append((i, last + 1))
        i = last + 1
    return groups


def _cited_after_open_clause(
    text: Readable, previous: ClassifiedLine, line: ClassifiedLine, open_paren: int | None
) -> bool:
    """A "(n)" that is not the next of the open list, right under a line left on a word no
    clause ends on ("**Điều 3. **Các ông (bà) (8), (9), (10), (11) và" then "(12) chịu trách
    nhiệm thi hành Quyết định này./.", a form's blanks cited in its article): the sentence goes on
    with the blank it cites; a new entry opens under a finished line."""
    marker = line.marker
    if marker is None or marker.style is not MarkerStyle.PAREN or not isinstance(marker.value, int):
        return False
    if marker.value == (1 if open_paren is None else open_paren + 1):
        return False
    return _left_mid_clause(text, previous)


def _reads_as_rest(text: Readable, cl: ClassifiedLine) -> bool:
    """A line that cannot stand as a body: it opens on a bracket, a form's blank or a figure
    ("(Thứ bảy, Chủ nhật)", "……(6).", "..... (8) chịu trách nhiệm …"), or is a short tail that
    closes the sentence ("Đoàn kiểm tra.", "Trưởng đoàn/ Phó trưởng đoàn kiểm tra."); a body
    sentence under a title ("Tập trung thực hiện các nhiệm vụ …") is neither."""
    head = text[cl.content_start : cl.content_start + 1]
    if head in _REST_OPENINGS or head.isdigit() or _closes_emphasis_only(text, cl):
        return True
    return cl.content_length <= MAX_SOFT_TAIL and closes(text, cl)


def _closes_emphasis_only(match: Readable, cl: ClassifiedLine) -> bool:
    """A line that closes an emphasis it did not open ("Thương*" under "*Căn cứ Thông tư số
    56/2025/TT-BCT …⏎… kiểm tra chuyên ngành Công"): the run opened above is still open, so the
    sentence goes on here. The match text blanks the markup: the line ends on a blank but opens
    on a letter."""
    start, end = cl.content_start, cl.content_end
    return end - start > 1 and match[end - 1].isspace() and not match[start].isspace()


#: What a broken line's rest may open with that no body does: a bracket, a form's blank.
_REST_OPENINGS = frozenset("(.…_")
#: The longest short tail that closes a crawl's broken sentence, in characters.
MAX_SOFT_TAIL = 40


def _set_apart(match: Readable, cl: ClassifiedLine) -> bool:
    """A line its author set apart: its emphasis closes at its end (its last character is
    markup the match text blanked, while the line's content ends on a non-space in the document
    text), or it is a title in capitals."""
    start, end = cl.content_start, cl.content_end
    return end > start and (match[end - 1].isspace() or is_upper_title(match[start:end]))


#: Roles of a line the crawl may have broken: running text, and a marker line's text.
_JOINABLE = frozenset({Role.TEXT, Role.HEADING, Role.ITEM})


def _soft_rest(
    text: Readable, previous: ClassifiedLine, line: ClassifiedLine, open_paren: int | None, separated: bool
) -> bool:
    if line.role is not Role.TEXT:
        return cites_notes(text, line, open_paren) or (
            separated and _cited_after_open_clause(text, previous, line, open_paren)
        )
    if _starts_lower(text, line):
        return True
    if not separated or _set_apart(text, previous):
        return False
    # A line left on a comma or a word no clause ends on goes on whatever follows ("… có giá
    # trị như nhau," then "Đoàn kiểm tra giữ 01 bản, …"): no title ends there.
    return _reads_as_rest(text, line) or _left_mid_clause(text, previous)

"""A list's first point glued after the colon of the sentence that leads into it.

A PDF extraction or a narrow column may leave "… cụ thể như⏎sau: a) Đảng viên tuổi cao, …" with
the point a) on its lead-in's line while b), c) open lines of their own (corpus 09, IV.1.1-).
The glued "a)" starts a line of its own when "b)" opens a line below it before any other list
begins; "gồm: a) …; b) …" written inside one sentence continues no list and stays text.
"""

from __future__ import annotations

from vnreport.lines.split import Line, LineKind
from vnreport.model import Span
from vnreport.rules.markup import FIRST_POINT, GLUED_FIRST_POINT, SECOND_POINT

#: How many lines below the glued point its "b)" may open (a point runs over a few lines).
POINT_REACH = 12


def split_glued_points(text: str, lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """``lines`` with each line that holds a first point glued after its lead-in's colon cut
    in two at the point's marker."""
    if ": a)" not in text:
        return lines
    out: list[Line] = []
    for k, line in enumerate(lines):
        if line.kind is not LineKind.TEXT:
            out.append(line)
            continue
        glued = GLUED_FIRST_POINT.search(text, line.content_start, line.content_end)
        if glued is None or not _second_point_below(text, lines, k):
            out.append(line)
            continue
        cut = glued.start("marker")
        head_end = cut
        while head_end > line.content_start and text[head_end - 1].isspace():
            head_end -= 1
        out.append(Line(line.index, Span(line.start, cut), Span(line.content_start, head_end), LineKind.TEXT))
        out.append(Line(line.index, Span(cut, line.end), Span(cut, line.content_end), LineKind.TEXT))
    return tuple(out)


def _second_point_below(text: str, lines: tuple[Line, ...], k: int) -> bool:
    for line in lines[k + 1 : k + 1 + POINT_REACH]:
        if line.kind is not LineKind.TEXT:
            continue
        if SECOND_POINT.match(text, line.content_start, line.content_end):
            return True
        if FIRST_POINT.match(text, line.content_start, line.content_end):
            return False
    return False

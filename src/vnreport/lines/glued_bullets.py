"""A dash point the document runs into the line above it, after a full stop or a lead-in's colon.

Word-processor PDFs (corpus 09, and its text) set a point of a dash list on the line of the point
before it ("… chỉ ghi học vị cao nhất. - Học hàm cao nhất: Ghi rõ …") or after the colon of the
sentence that leads into the list ("… những người chủ yếu trong gia đình như: - Đối với ông, bà,
…"), while the list's other points open lines of their own. The glued "- " starts a line of its
own when the list goes on below it (a "- " line within a few lines, before any other marker
opens one) and, after a full stop, when the point it follows is one of that list. A dash between
words ("Mác - Lênin", "kinh tế - xã hội", "2020 - 2025") follows no stop and no colon and stays
text.
"""

from __future__ import annotations

from bisect import bisect_left

import regex

from vnreport.lines.split import Line, LineKind
from vnreport.model import Span
from vnreport.rules.markup import DASH_BEFORE_SPACE, GLUED_DASH, LINE_MARKER

#: How many lines below the glued point the list's next "- " may open (a point runs over a few).
POINT_REACH = 12


def split_glued_bullets(text: str, lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """``lines`` with each line that holds a dash point glued after a stop or a colon cut in
    two at the point's dash."""
    hits = _glued_dashes(text)
    if not hits:
        return lines
    starts = [m.start("marker") for m in hits]
    out: list[Line] = []
    in_dash_point = False
    for k, line in enumerate(lines):
        if line.kind is not LineKind.TEXT:
            out.append(line)
            continue
        opening = _opening(text, line)
        if opening is not None:
            in_dash_point = opening == "-"
        cuts: list[int] = []
        for m in hits[bisect_left(starts, line.content_start) : bisect_left(starts, line.content_end)]:
            if (m.group("stop") == ":" or in_dash_point) and _list_goes_on(text, lines, k):
                cuts.append(m.start("marker"))
                in_dash_point = True
        out.extend(_cut(text, line, cuts) if cuts else (line,))
    return tuple(out)


def _glued_dashes(text: str) -> list[regex.Match[str]]:
    """The GLUED_DASH matches of ``text``, in order: each tried from the stop before a dash."""
    found: list[regex.Match[str]] = []
    for dash in DASH_BEFORE_SPACE.finditer(text):
        at = dash.start() - 1
        while at >= 0 and text[at] != "\n" and text[at].isspace():
            at -= 1
        if at < dash.start() - 1 and text[at] in ".:":
            m = GLUED_DASH.match(text, at)
            if m is not None:
                found.append(m)
    return found


def _opening(text: str, line: Line) -> str | None:
    """The marker a line opens with ("-", or "" for another one), None for running text."""
    m = LINE_MARKER.match(text, line.content_start, line.content_end)
    return None if m is None else m.group("dash") or ""


def _list_goes_on(text: str, lines: tuple[Line, ...], k: int) -> bool:
    """A "- " line opens below line ``k`` before any other marker does."""
    for line in lines[k + 1 : k + 1 + POINT_REACH]:
        if line.kind is not LineKind.TEXT:
            continue
        opening = _opening(text, line)
        if opening is not None:
            return opening == "-"
    return False


def _cut(text: str, line: Line, cuts: list[int]) -> list[Line]:
    """``line`` as pieces starting at its own start and at each cut, the spaces before a cut
    left out of the piece before it."""
    pieces: list[Line] = []
    start = content_start = line.content_start
    outer = line.start
    for cut in cuts:
        head_end = cut
        while head_end > content_start and text[head_end - 1].isspace():
            head_end -= 1
        pieces.append(Line(line.index, Span(outer, cut), Span(content_start, head_end), LineKind.TEXT))
        outer = start = content_start = cut
    pieces.append(Line(line.index, Span(outer, line.end), Span(start, line.content_end), LineKind.TEXT))
    return pieces

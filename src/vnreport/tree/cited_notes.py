"""A line that opens on notes cited by their numbers continues the line above (issue 12 class 2).

A crawl that keeps one paragraph a line still breaks a few of them where the source had a tag,
and the rest may open with a number in brackets: "(11) Thủ trưởng cơ quan, đơn vị quản lý trực
tiếp" then "(7) và (8)." (corpus 18, the notes of a form). Read by its first characters the rest
is a note "(7)" of its own, out of order. It is the rest when the line above is unfinished, the
number does not continue the list that is open (after "(11)" comes "(12)", not "(7)"), and the
line cites more than one number ("(7) và (8)", "(3), (4)"): no note or point opens that way.
"""

from __future__ import annotations

from vnreport.lines.classify import ClassifiedLine
from vnreport.lines.match_view import Readable, window
from vnreport.model import MarkerStyle
from vnreport.rules.shapes import CITED_NUMBERS_START


def cites_notes(text: Readable, line: ClassifiedLine, last_value: int | None) -> bool:
    """Is ``line`` (under an unfinished line) a list of cited numbers rather than a new "(n)"?

    ``last_value`` is the value of the open "(n)" list, None where none is open."""
    marker = line.marker
    if marker is None or marker.style is not MarkerStyle.PAREN or not isinstance(marker.value, int):
        return False
    if marker.value == (1 if last_value is None else last_value + 1):
        return False
    return CITED_NUMBERS_START.match(*window(text, marker.span.start, line.content_end)) is not None

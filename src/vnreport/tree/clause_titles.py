"""Titles the page broke after a clause (issue 12 class 2, the other way round).

A numbered heading long enough to wrap may break its first line after a comma or a semicolon:
"2.4. Công tác quản lý tài nguyên, khoáng sản, bảo vệ môi trường;⏎phòng, chống thiên tai và …
được⏎quan tâm triển khai đồng bộ, tích cực, hiệu quả" over "Công tác quản lý đất đai …". Its
first line alone ends like a clause of running text, so it is read as an item, and an item's
lines run on until one stops well short of the margin: the title's last line, two thirds full,
does not, and the body was taken into the title. Where the text the run holds so far still reads
as a title (short, no sentence in it, no closing stop), it is one, and it ends as a heading's
lines end: before a line in capitals that nothing above carries on into.
"""

from __future__ import annotations

from vnreport.lines.classify import MAX_WRAPPED_TITLE_WORDS, ClassifiedLine, Role, is_title_like
from vnreport.lines.match_view import Readable
from vnreport.model import BULLET_STYLES, MarkerStyle

#: How a first line that is only a clause of a title ends.
_CLAUSE_ENDS = (",", ";")


def clause_broken_title(text: Readable, first: ClassifiedLine, previous: ClassifiedLine) -> bool:
    """Is the run from ``first`` (a numbered line read as an item because its line ends on a
    clause) to ``previous`` still a title?"""
    marker = first.marker
    if first.role is not Role.ITEM or marker is None or first.body is None or previous is first:
        return False
    if marker.style in BULLET_STYLES or marker.style is MarkerStyle.ORDINAL_WORD:
        return False  # a bullet's or "Một là," entry's text is its own, never a title
    if not text[first.body.start : first.content_end].rstrip().endswith(_CLAUSE_ENDS):
        return False
    run = text[first.body.start : previous.content_end]
    if len(run) > MAX_WRAPPED_TITLE_WORDS * 8:
        return False
    joined = " ".join(run.split())
    return is_title_like(joined, MAX_WRAPPED_TITLE_WORDS) and not joined.endswith(":")

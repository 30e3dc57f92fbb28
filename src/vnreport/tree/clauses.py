"""Titled clauses of an article (issue 12 class 4, legislative drafting).

An article's clauses ("Điều 1." then "1. …") are its text, not headings (:mod:`vnreport.tree.kinds`):
a clause is a sentence, or a lead-in ending in ":" over its points ("2. Nghị định này áp dụng đối
với:" then "a) …"). The drafting rules also let a clause carry a title of its own on a line of its
own, above its points ("khoản có tiêu đề": "1. Chuẩn bị họp" then "a) Chậm nhất là 05 ngày …",
"2. Trình tự họp" then "a) …" … "i) …"). Such a line closes with no mark at all, or is one short
sentence; it cannot be a lead-in, which ends in ":", nor a sentence of the article, which would
not stop unfinished before points. That clause is a section with its points as its body.
"""

from __future__ import annotations

from vnreport.lines.classify import is_lead_in, is_title_like
from vnreport.lines.match_view import Readable
from vnreport.model import MarkerStyle
from vnreport.tree.nodes import OpenKind, OpenNode

#: A titled clause closed by a full stop ("2. Áp dụng đối với công chức." over "a) Khiển trách;")
#: is at most this many words; a longer sentence before points is the clause's text.
MAX_CLOSED_TITLE_WORDS = 10
#: What a clause's points are numbered with (điểm "a)", "đ)").
_POINT_STYLES = frozenset({MarkerStyle.LETTER})


def is_titled_clause(match: Readable, node: OpenNode) -> bool:
    """A clause read as a heading whose line is a title over points of its own ("1. Chuẩn bị họp"
    then "a) …"): no closing mark, no lead-in, no colon; points, not a paragraph, right under it."""
    title = node.title
    if node.kind is not OpenKind.SECTION or title is None or not _points_follow(node.children):
        return False
    own = match[title.start : node.line_end].rstrip(" *_\u00a0")
    if not own or not (own[-1].isalnum() or own[-1] == ")"):
        return False
    return is_title_like(own) and not is_lead_in(own) and ":" not in own


def is_closed_titled_clause(match: Readable, node: OpenNode, parent: OpenNode) -> bool:
    """A clause read as an item whose text is one short sentence over points of its own, in an
    article whose other clauses are titled ("1. Áp dụng đối với cán bộ" over "a) …", then "2. Áp
    dụng đối với công chức." over "a) Khiển trách;"): a title closed by a stray full stop. Alone,
    a short sentence before points ("1. Luật này quy định.") is the clause's text."""
    heading, children = node.heading, node.children
    if node.kind is not OpenKind.ITEM or heading is None or len(children) < 2:
        return False
    if children[0].kind is not OpenKind.PARAGRAPH or children[0].start != heading.start:
        return False
    if not _points_follow(children[1:]):
        return False
    if len(match[heading.start : heading.end].split()) > MAX_CLOSED_TITLE_WORDS:
        return False
    return any(c is not node and is_titled_clause(match, c) for c in parent.children)


def _points_follow(children: list[OpenNode]) -> bool:
    first = children[0] if children else None
    return first is not None and first.marker is not None and first.marker.style in _POINT_STYLES

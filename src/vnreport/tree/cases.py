"""Entries of one list that state parallel cases head their bodies alike (issue 12 class 4).

Corpus 11's 3.9 has three cases of one subject, each over a body of its own: "a) Người vào Đảng
đang trong thời gian … mà chuyển sang đơn vị (công tác, học tập) hoặc nơi cư trú mới." then a
paragraph, "b) Người vào Đảng chưa có quyết định kết nạp" then paragraphs, "c) Người vào Đảng đã
được cấp ủy có thẩm quyền kết nạp đảng viên, ban hành quyết định kết nạp." then dashes. The line
rules read b) as a heading (no stop) and a), c) as sentences (a full stop); a reader reads three
case headings. An entry that is one sentence over a body of its own, opening with the same words
as a sibling section, is a section like it. Sentences of a list that open otherwise ("b) Nếu được
hai phần ba số đảng viên …", "c) Tập thể đảng ủy cơ sở …") stay items whatever follows them.
"""

from __future__ import annotations

from vnreport.lines.classify import MAX_TITLE_WORDS, is_title_like
from vnreport.lines.match_view import Readable
from vnreport.model import MarkerStyle, Span
from vnreport.tree.agreement import OPEN_TITLE_STYLES, Siblings, _titled_by_first_paragraph, first_words
from vnreport.tree.nodes import OpenKind, OpenNode

#: Words a case opens with that its sibling opens with too ("Người vào Đảng …").
PARALLEL_WORDS = 3


def parallel_case(match: Readable, node: OpenNode, parent: OpenNode, siblings: Siblings) -> OpenNode | None:
    """``node`` (an item) as the section its sibling case says it is, or None. Not a clause of
    an article ("Điều 7." then "1. …", "2. …"): legislative drafting titles the article only."""
    marker = node.marker
    if node.kind is not OpenKind.ITEM or marker is None or marker.style not in OPEN_TITLE_STYLES:
        return None
    if parent.marker is not None and parent.marker.style is MarkerStyle.ARTICLE:
        return None
    if len(node.children) < 2 or node.children[0].kind is not OpenKind.PARAGRAPH:
        return None
    if not _a_body(match, node.children[1]):
        return None
    own = node.children[0]
    raw = match[own.start : own.end].rstrip(" *_\u00a0")
    if not raw.endswith(".") or raw.endswith(("..", "…")):
        return None
    sentence = " ".join(raw[:-1].split())
    if not is_title_like(sentence, MAX_TITLE_WORDS):
        return None
    opening = first_words(sentence, PARALLEL_WORDS)
    if not opening or (node.key, opening) not in siblings.section_openings(PARALLEL_WORDS):
        return None
    return _titled_by_first_paragraph(node, Span(own.start, own.start + len(raw) - 1))


def _a_body(match: Readable, node: OpenNode) -> bool:
    """A paragraph that starts a sentence, or marked points."""
    if node.marker is not None:
        return True
    return node.kind is OpenKind.PARAGRAPH and match[node.start : node.start + 1].isupper()

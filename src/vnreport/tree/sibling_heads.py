"""Headings their siblings show (issue 12 class 4): lines of a list that a reader takes for
headings because the list around them is one of headings of their shape.

A line rule reads one line; some headings fall outside it by their length alone: a label that
names a case of a rule in full ("- Trường hợp thẩm quyền … thuộc cấp ủy nơi đảng viên đang sinh
hoạt:"), a title closed with "." whose source in brackets runs over lines, a long title among
short ones that all open alike ("1.2.2.6. Kết nạp người …" among "1.2.2.1. Kết nạp lại đảng
viên" …). Each is a heading where its siblings are (asked once per list, :class:`Siblings`).
"""

from __future__ import annotations

from vnreport.lines.classify import MAX_LABEL_WORDS, MAX_WRAPPED_TITLE_WORDS, is_lead_in, is_title_like
from vnreport.lines.match_view import Readable
from vnreport.model import BULLET_STYLES, MarkerStyle, Span
from vnreport.rules.shapes import PARENTHESIS
from vnreport.tree.agreement import Siblings
from vnreport.tree.nodes import OpenKind, OpenNode

#: Numbered styles whose text can head a list ("2.1. …", "a) …").
_TITLE_STYLES = frozenset(
    {MarkerStyle.CAPITAL, MarkerStyle.ROMAN, MarkerStyle.ARABIC, MarkerStyle.DECIMAL, MarkerStyle.LETTER}
)
#: Numbered styles whose items can head a body paragraph (as in :mod:`vnreport.tree.kinds`).
_HEADING_STYLES = frozenset({MarkerStyle.CAPITAL, MarkerStyle.ROMAN, MarkerStyle.ARABIC, MarkerStyle.DECIMAL})


def bullet_label(match: Readable, node: OpenNode) -> Span | None:
    """The text before the closing ":" of a bulleted item over points of its own or over a body
    paragraph that starts a sentence; None where it is not one line of that shape or leads in."""
    children, marker = node.children, node.marker
    if node.kind is not OpenKind.ITEM or marker is None or marker.style not in BULLET_STYLES:
        return None
    if len(children) < 2 or children[0].kind is not OpenKind.PARAGRAPH:
        return None
    follower = children[1]
    if follower.marker is None and not (
        follower.kind is OpenKind.PARAGRAPH and match[follower.start : follower.start + 1].isupper()
    ):
        return None
    own = match[children[0].start : children[0].end].rstrip()
    label = own[:-1].rstrip()
    if not own.endswith(":") or not label or is_lead_in(label) or ":" in label:
        return None
    return Span(children[0].start, children[0].start + len(label))


#: The words that open each case of a rule alike ("Trường hợp …", "Trách nhiệm của …").
_OPENING_WORDS = 2


def labels_over_points(match: Readable, node: OpenNode, siblings: Siblings) -> bool:
    """Is every bullet of ``node``'s list (two at least) a label over points of its own that opens
    with the same words? Parallel cases repeat their opening; sentences leading into their points
    ("- Trước khi thực hiện …, phải có 02 văn bản:", "- Đối với người vào Đảng là chức sắc, …, có
    thêm các tài liệu:") need not, and stay items."""

    def opening(c: OpenNode) -> list[str]:
        return match[c.children[0].start : c.children[0].end].casefold().split()[:_OPENING_WORDS]

    first = opening(node)

    def shape(c: OpenNode) -> bool:
        if len(c.children) < 2 or c.children[1].marker is None or bullet_label(match, c) is None:
            return False
        return opening(c) == first

    return shape(node) and siblings.every(node, shape)


def closed_title_over_bullets(match: Readable, node: OpenNode, siblings: Siblings) -> Span | None:
    """The text of a numbered item closed with "." over a bullet list, among siblings that are all
    sections, when it is a short title but for the source it cites in brackets: "1. Về hệ thống sổ
    sách và quản lý, lưu trữ hồ sơ đảng viên (Khoản 1, khoản 2, Điều 4 Quy định số 02-QĐ/TU … về
    "…")." then "- …", beside "2. Về quản lý thông tin đảng viên … (Khoản 3, …)" over its body."""
    own = text_over_bullets(match, node, _TITLE_STYLES)
    if own is None or not own.endswith(".") or own.endswith(("..", "…")):
        return None
    bare = PARENTHESIS.sub(" ", own[:-1]).strip()
    if not bare or not is_title_like(bare, MAX_LABEL_WORDS) or is_lead_in(bare):
        return None
    others, items, _ = siblings.others(node)
    if not others or items:
        return None
    return Span(node.children[0].start, node.children[0].start + len(own) - 1)


def text_over_bullets(match: Readable, node: OpenNode, styles: frozenset[MarkerStyle]) -> str | None:
    """The first paragraph's text (right-stripped) of an item numbered in one of ``styles`` whose
    next child opens a bullet list; None for any other node."""
    children, marker = node.children, node.marker
    if node.kind is not OpenKind.ITEM or marker is None or marker.style not in styles:
        return None
    if len(children) < 2 or children[0].kind is not OpenKind.PARAGRAPH:
        return None
    follower = children[1].marker
    if follower is None or follower.style not in BULLET_STYLES:
        return None
    return match[children[0].start : children[0].end].rstrip()


def parallel_title_over_body(match: Readable, node: OpenNode, siblings: Siblings) -> Span | None:
    """The text of a numbered item closed with "." over a paragraph whose siblings are all headings
    opening with the same words: one of them, however long ("1.2.2.6. Kết nạp người đang làm hợp
    đồng …; người đang công tác biệt phái …; người đã tốt nghiệp … chờ việc làm." then "Hợp đồng
    …", among "1.2.2.1. Kết nạp lại đảng viên" … "1.2.2.8. Kết nạp người có vấn đề …")."""
    children, marker = node.children, node.marker
    if node.kind is not OpenKind.ITEM or marker is None or marker.style not in _HEADING_STYLES:
        return None
    if len(children) < 2 or children[0].kind is not OpenKind.PARAGRAPH or children[1].kind is not OpenKind.PARAGRAPH:
        return None
    own = match[children[0].start : children[0].end].rstrip()
    if not own.endswith(".") or own.endswith(("..", "…")) or not is_title_like(own[:-1], MAX_WRAPPED_TITLE_WORDS):
        return None
    first = own.casefold().split()[:_OPENING_WORDS]

    def shape(c: OpenNode) -> bool:
        if c.kind is not OpenKind.SECTION or c.title is None:
            return False
        return match[c.title.start : c.title.end].casefold().split()[:_OPENING_WORDS] == first

    others, _, _ = siblings.others(node)
    if others < 2 or not siblings.every(node, shape):
        return None
    return Span(children[0].start, children[0].start + len(own) - 1)

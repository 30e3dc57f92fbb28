"""A "label: text" entry among items is an item (issue 12 class 4, the other way round from
:func:`vnreport.tree.agreement.agreeing_kind`).

The line rule reads "(1) Tốc độ tăng trưởng kinh tế (GRDP) bình quân: Thái Nguyên ước đạt
7,35%/năm; Bắc Kạn …" as a run-in heading, its label a title and its text capitalised, but not
"(2) Cơ cấu kinh tế năm 2025: Thái Nguyên - …", whose label ends in a figure, nor "(6) Thu ngân
sách … (không bao gồm⏎thu tiền …): …", wrapped before its colon; and "(12) Tỷ lệ lao động qua đào
tạo năm 2025: Thái Nguyên đạt 76,5%, Bắc⏎Kạn đạt 55%; …", its line cut inside a name, comes out a
heading whose title holds the label, the colon and the start of the text (corpus 01, the
appendix's fifteen results). A reader sees one list of one kind: numbered points that each state their
figures in a paragraph. Where most of a run-in entry's siblings are items (three at least: two
headings of one article, "31.1. Đảng phí: Đảng viên đóng …" beside "31.2. Nguyên tắc …", are no
list of points) and the entry has only paragraphs under it, it is one of those items.
"""

from __future__ import annotations

from vnreport.lines.match_view import Readable
from vnreport.model import Span
from vnreport.rules.shapes import UPPER
from vnreport.tree.agreement import ENTRY_STYLES, Siblings, is_run_in
from vnreport.tree.nodes import OpenKind, OpenNode

#: Item siblings, at least, that make a list of points of a run-in entry.
MIN_ITEM_SIBLINGS = 3


def run_in_among_items(match: Readable, node: OpenNode, siblings: Siblings) -> OpenNode | None:
    """``node`` as an item, when it is a run-in entry with only paragraphs under it whose list's
    other entries are mostly items; None otherwise."""
    marker, title = node.marker, node.title
    if node.kind is not OpenKind.SECTION or marker is None or marker.style not in ENTRY_STYLES or title is None:
        return None
    if not node.children or any(c.kind is not OpenKind.PARAGRAPH for c in node.children):
        return None
    if not is_run_in(match, node) and not _label_and_text_in_title(match, title):
        return None
    n, items, _ = siblings.others(node)
    if items < MIN_ITEM_SIBLINGS or 2 * items <= n:
        return None
    return _as_item(node, title)


def _label_and_text_in_title(match: Readable, title: Span) -> bool:
    """A title that holds "label: Text", the text after the colon capitalised."""
    own = match[title.start : title.end]
    colon = own.find(": ")
    return colon > 0 and UPPER.match(own[colon + 2 : colon + 3]) is not None


def _as_item(node: OpenNode, title: Span) -> OpenNode:
    """The entry as an item whose first paragraph runs from its label to the end of its text."""
    first, *rest = node.children
    item = OpenNode(OpenKind.ITEM, node.start, max(node.end, node.children[-1].end), node.marker, node.key)
    own = OpenNode(OpenKind.PARAGRAPH, title.start, first.end)
    own.gaps = first.gaps
    item.children = [own, *rest]
    item.source_level, item.list_depth = node.source_level, node.list_depth
    return item

"""The last entry of a list of bare entries is one too (issue 12 class 4).

"V. ĐỀ ÁN TRỌNG TÂM NHIỆM KỲ" then "(1) Đề án Phát huy …", "(2) Đề án Nâng cao …", "(3) Đề án
“Tiên phong tình nguyện” …" and the report's closing paragraph "Đại hội đại biểu … kêu gọi …"
(corpus 12): three named projects, each a line with nothing under it. The paragraph after the
last one is not that project's body but the text the list ends in, so the last entry is an item
like the others (:func:`vnreport.tree.kinds._is_bare_entry` makes them items); the paragraph
stays in it, where the tree put it.
"""

from __future__ import annotations

from vnreport.lines.classify import is_upper_title
from vnreport.lines.match_view import Readable
from vnreport.tree.agreement import ENTRY_STYLES
from vnreport.tree.nodes import OpenKind, OpenNode

#: Bare entries, at least, before the last of a list reads as one of them.
MIN_BARE_SIBLINGS = 2


def last_bare_entry(match: Readable, node: OpenNode, parent: OpenNode) -> OpenNode | None:
    """``node`` as an item when it is the last entry of a list whose other entries are bare
    headings (nothing under them) and it has only paragraphs under its one-line title."""
    marker, title = node.marker, node.title
    if node.kind is not OpenKind.SECTION or marker is None or marker.style not in ENTRY_STYLES or title is None:
        return None
    if not node.children or any(c.kind is not OpenKind.PARAGRAPH for c in node.children):
        return None
    own = match[title.start : title.end]
    if "\n" in own or is_upper_title(own) or not _last_of_its_list(node, parent):
        return None
    others = [c for c in parent.children if c is not node and c.key == node.key]
    if len(others) < MIN_BARE_SIBLINGS or any(c.kind is not OpenKind.SECTION or c.children for c in others):
        return None
    item = OpenNode(OpenKind.ITEM, node.start, max(node.end, node.children[-1].end), marker, node.key)
    item.children = [OpenNode(OpenKind.PARAGRAPH, title.start, title.end), *node.children]
    item.source_level, item.list_depth = node.source_level, node.list_depth
    return item


def _last_of_its_list(node: OpenNode, parent: OpenNode) -> bool:
    """No later child of ``parent`` has ``node``'s style (read from the end: one step for every
    entry of a long list but its last)."""
    for child in reversed(parent.children):
        if child.key == node.key:
            return child is node
    return False

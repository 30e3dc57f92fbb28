"""A numbered point a Markdown crawl sets wholly in bold heads what follows it (issue 12 class 4).

A news site's "toàn văn" of a Kết luận or Thông báo (corpus 13) keeps the original's bold on
each numbered point's lead: "**5. Để kịp thời giải quyết …, bảo đảm … chất lượng:**" over its
dashes, "**7. Giao Ủy ban Kiểm tra Trung ương chủ trì, … phân cấp, phân quyền.**" over a plain
paragraph. The lead's length and punctuation make it read as a sentence, an item; its bold, the
same as on "**3. Giao Đảng ủy Chính phủ lãnh đạo, chỉ đạo:**" beside it, says it is the point's
heading, and what follows it (a paragraph, points, bullets) its body. A point whose bold covers
its marker only ("** 2.1. **Tập trung …") or part of its text is not one; a bold point with
nothing under it stays an item (an entry with no body is no heading).
"""

from __future__ import annotations

from vnreport.model import Span
from vnreport.tree.kinds import HEADING_STYLES
from vnreport.tree.nodes import OpenKind, OpenNode

#: The Markdown strong-emphasis mark around a bold run.
_BOLD = "**"
#: What ends a bold lead without being its title: the run's close, a colon, a full stop.
_LEAD_END = " \t*_:."


def bold_heading(text: str, node: OpenNode) -> OpenNode | None:
    """``node`` as a section when it is a numbered item whose own paragraph, marker included,
    is one bold run and something stands under it; None otherwise."""
    marker = node.marker
    if node.kind is not OpenKind.ITEM or marker is None or marker.style not in HEADING_STYLES:
        return None
    children = node.children
    if len(children) < 2 or children[0].kind is not OpenKind.PARAGRAPH:
        return None
    own = children[0]
    if not _one_bold_run(text, marker.span.start, own.end):
        return None
    lead = text[own.start : own.end].rstrip(_LEAD_END)
    if not lead:
        return None
    section = OpenNode(OpenKind.SECTION, node.start, own.end, marker, node.key, Span(own.start, own.start + len(lead)))
    section.line_end = own.end
    section.source_level, section.list_depth = node.source_level, node.list_depth
    section.children = children[1:]
    return section


def _one_bold_run(text: str, start: int, end: int) -> bool:
    """The text from ``start`` to ``end`` is one bold run: "**" opens just before it, closes at
    its end (or just after it), and none stands inside."""
    # Back over the spaces before ``start`` only: a slice of all the text before it, made for
    # every node, made the trees stage quadratic on a large crawl.
    k = start
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    if text[max(0, k - len(_BOLD)) : k] != _BOLD:
        return False
    inside = text[start:end].rstrip(" \t")
    if inside.endswith(_BOLD):
        inside = inside[: -len(_BOLD)]
    elif not text[end : end + 8].lstrip(" \t").startswith(_BOLD):
        return False
    return bool(inside.strip()) and _BOLD not in inside

"""Entries of a list read as their list reads them (issue 12 class 4), after the line rules.

Two shapes the line rules decide one way and a reader the other:

* "(1) Maket trang trí: cờ Tổ quốc, cờ Đảng, tượng Bác, ảnh Mác - Lê nin;" (corpus 07) is a
  "label: text" line, but the text after the colon goes on in lower case: it is the label's
  value, the rest of one sentence, not a body under a heading. With nothing else under it the
  entry is an item, as "(2) Chương trình …:" over its dashes is the section beside it.
* "a) Những người cần thẩm tra về lý lịch gồm:" (corpus 11) or "4. Giao Đảng ủy Quốc hội chủ trì,
  phối hợp với …:" (corpus 13) head bullets of their own like their siblings "b) Nội dung thẩm
  tra, xác minh", "3. Giao Đảng ủy Chính phủ lãnh đạo, chỉ đạo:", which are sections; a short
  lead-in or a label the line rule found too long is then a sub-heading like them. Siblings
  with nothing under them (a one-sentence "1. …") do not vote: they are items whatever the list.
"""

from __future__ import annotations

from vnreport.lines.classify import MAX_LABEL_WORDS, MAX_TITLE_WORDS, is_lead_in, is_title_like
from vnreport.lines.match_view import Readable
from vnreport.model import BULLET_STYLES, MarkerStyle, Span
from vnreport.tree.agreement import ENTRY_STYLES, ITEM_SHARE, OPEN_TITLE_STYLES, Siblings, agreeing_kind, is_run_in
from vnreport.tree.nodes import OpenKind, OpenNode
from vnreport.tree.run_in_items import run_in_among_items

#: Sibling sections that head points of their own, at least, before a label over points agrees
#: with them (and all but one in ``ITEM_SHARE`` of those siblings that head points are sections).
MIN_HEADING_SIBLINGS = 2


def entry_kind(match: Readable, node: OpenNode, parent: OpenNode, siblings: Siblings) -> OpenNode | None:
    """``node`` as the kind its list says it is, or None where nothing changes."""
    return (
        _value_entry(match, node, siblings)
        or _wrapped_value_entry(match, node)
        or _label_among_headings(match, node, parent)
        or agreeing_kind(match, node, siblings)
        or run_in_among_items(match, node, siblings)
    )


def _value_entry(match: Readable, node: OpenNode, siblings: Siblings) -> OpenNode | None:
    """A run-in "label: value" entry whose value goes on in lower case, with nothing under it:
    an item whose paragraph is the whole line. Not in a list of run-in entries (a form's fields,
    "(11) Nghề nghiệp hiện nay: ghi rõ …" among "(10) …: Ghi …"): there the list's shape rules."""
    marker, title = node.marker, node.title
    if not _titled_entry(node) or marker is None or title is None:
        return None
    if len(node.children) != 1 or not is_run_in(match, node):
        return None
    value = node.children[0]
    if not match[value.start : value.start + 1].islower() or siblings.others(node)[2]:
        return None
    return _one_paragraph_item(node, title, value)


def _wrapped_value_entry(match: Readable, node: OpenNode) -> OpenNode | None:
    """An entry whose colon ends a hard-wrapped crawl's short first line and whose text goes
    on, with no blank line, on the next, in text that sets its entries apart by blank lines
    (corpus 15: "b) Triển khai các chương trình:⏎“Bình dân học vụ số” cho người dân; …"):
    one paragraph, the entry's text, so an item. A heading there has a blank line under it;
    a PDF's page break above a label ("17", then "(29) Quan hệ gia đình:⏎Ghi rõ …" in corpus
    09) sets nothing apart, as the next entry straight under the text shows."""
    marker, title = node.marker, node.title
    if not _titled_entry(node) or marker is None or title is None:
        return None
    if len(node.children) != 1 or node.children[0].kind is not OpenKind.PARAGRAPH:
        return None
    value = node.children[0]
    if "".join(match[title.end : value.start].split(" ")).strip("*_\u00a0\t") != ":\n":
        return None
    before = match[max(0, marker.span.start - _BEHIND) : marker.span.start].rstrip(" \t*_")
    after = match[value.end : value.end + _BEHIND].lstrip(" \t*_")
    if not before.endswith("\n\n") or not (after.startswith("\n\n") or not after.strip()):
        return None  # no blank line above and below the entry: not blank-separated text
    return _one_paragraph_item(node, title, value)


def _titled_entry(node: OpenNode) -> bool:
    """A section of an entry style ("(1)", "a)", "-") with a title of its own."""
    marker = node.marker
    return (
        node.kind is OpenKind.SECTION and marker is not None and marker.style in ENTRY_STYLES and node.title is not None
    )


def _one_paragraph_item(node: OpenNode, title: Span, value: OpenNode) -> OpenNode:
    """The entry ``node`` as an item whose one paragraph runs from its title to the end of its
    ``value``."""
    item = OpenNode(OpenKind.ITEM, node.start, max(node.end, value.end), node.marker, node.key)
    own = OpenNode(OpenKind.PARAGRAPH, title.start, value.end)
    own.gaps = value.gaps
    item.children = [own]
    item.source_level, item.list_depth = node.source_level, node.list_depth
    return item


#: Characters read before an entry's marker and after its text for the blank lines around it.
_BEHIND = 16


def _label_among_headings(match: Readable, node: OpenNode, parent: OpenNode) -> OpenNode | None:
    """An item whose one-line text ends in ":" over bullets of its own, among siblings that
    head points of their own and are sections (or of its own shape): a section like them."""
    marker = node.marker
    if node.kind is not OpenKind.ITEM or marker is None or marker.style not in OPEN_TITLE_STYLES:
        return None
    label = _label_over_bullets(match, node)
    if label is None:
        return None
    heading = [c for c in parent.children if c is not node and c.key == node.key and _heads_points(c)]
    sections = sum(c.kind is OpenKind.SECTION for c in heading)
    if sections < MIN_HEADING_SIBLINGS:
        return None
    others = sum(not _reads_as_heading(match, c) for c in heading)
    if others * ITEM_SHARE > len(heading):
        return None  # one long lead-in among four headings ("5. Để kịp thời giải quyết …, giao:")
    own = node.children[0]
    section = OpenNode(OpenKind.SECTION, node.start, label.end, marker, node.key, label)
    section.line_end = own.end
    section.source_level, section.list_depth = node.source_level, node.list_depth
    section.children = node.children[1:]
    return section


def _reads_as_heading(match: Readable, node: OpenNode) -> bool:
    """A sibling that is a section, a label over bullets like the entry, or an entry over points
    numbered under its own number ("2. Yêu cầu …" over "2.1. …", a section when frozen)."""
    if node.kind is OpenKind.SECTION or _label_over_bullets(match, node) is not None:
        return True
    marker = node.marker
    if marker is None or not isinstance(marker.value, (int, tuple)):
        return False
    prefix = marker.value if isinstance(marker.value, tuple) else (marker.value,)
    return any(
        c.marker is not None
        and c.marker.style is MarkerStyle.DECIMAL
        and isinstance(c.marker.value, tuple)
        and c.marker.value[:-1] == prefix
        for c in node.children
    )


def _heads_points(node: OpenNode) -> bool:
    """Marked entries stand under ``node``'s own text (a one-sentence "1. …" heads nothing)."""
    return any(c.marker is not None for c in node.children)


def _label_over_bullets(match: Readable, node: OpenNode) -> Span | None:
    """The label of an entry whose own paragraph is one line ending in ":" and whose next child
    is a bullet: a title of at most ``MAX_TITLE_WORDS`` words, or a lead-in of at most
    ``MAX_LABEL_WORDS`` ("Những người cần thẩm tra về lý lịch gồm:")."""
    children = node.children
    if len(children) < 2 or children[0].kind is not OpenKind.PARAGRAPH:
        return None
    follower = children[1].marker
    if follower is None or follower.style not in BULLET_STYLES:
        return None
    own = children[0]
    raw = match[own.start : own.end].rstrip(" *_\u00a0")
    if not raw.endswith(":") or "\n" in raw:
        return None
    label = raw[:-1].rstrip(" *_\u00a0")
    if not label or ":" in label:
        return None
    limit = MAX_LABEL_WORDS if is_lead_in(label) else MAX_TITLE_WORDS
    if not is_title_like(" ".join(label.split()), limit):
        return None
    return Span(own.start, own.start + len(label))

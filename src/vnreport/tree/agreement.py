"""Entries of one list agree in kind where their shape agrees (issue 12 class 4).

The line rules decide an entry from its own text, and a few entries fall just outside a rule
their siblings meet: a run-in label that ends in a figure ("1. Nội dung Đại hội … nhiệm kỳ
2025 - 2030: Tổng kết …") or holds a form's blanks ("(3) Sinh ngày ... tháng ... năm ...: Ghi
đúng …"), a title closed with an ellipsis ("2.2. Tổ chức trao tặng … hoặc cơ sở chữa bệnh…").
A reader sees one list of one kind; where the siblings of such an entry are all sections of
that shape, the entry is one as well. A figure after the colon is a value, not a body ("(3)
Lượng khách du lịch đến năm 2025: 75.000 lượt người." stays a target among targets).

Two more shapes agree with their list. A list whose every entry names a thing and its text is
one of run-in sections as soon as one of them is, however long its labels or wrapped over two
lines ("a) Chi bộ báo cáo cấp ủy cơ sở (…): Lập danh sách …", "b) Cấp ủy cấp trên trực tiếp của
tổ chức cơ sở đảng: Xét, …", corpus 11; "a) Đảng ủy cơ sở được ủy quyền kết nạp đảng viên: Do
tập thể …", "b) Cấp ủy cấp trên trực tiếp …,⏎đảng ủy được thí điểm …: Do ban thường vụ …" beside
"c) Tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương: Do …", corpus 10, 4.3.2). And a title
closed with a stop over a paragraph of its own, longer than the line rule lets a heading over a
body run, among siblings that are such headings ("6.3.4. Chuyển sinh hoạt đảng khi chuyển giao,
… chi bộ, đảng bộ." then "Khi cấp có thẩm quyền …" beside "6.3.1. Chuyển sinh hoạt đảng chính
thức." over its points).
"""

from __future__ import annotations

from collections.abc import Callable

from vnreport.lines.classify import MAX_TITLE_WORDS, MAX_WRAPPED_TITLE_WORDS, is_lead_in, is_title_like
from vnreport.lines.match_view import Readable
from vnreport.model import MarkerStyle, Span
from vnreport.rules.shapes import FORM_BLANKS, UPPER
from vnreport.tree.nodes import OpenKind, OpenNode

#: Styles whose items can head a body paragraph (tree/kinds.py, and a closed title here); list
#: entries ("(1)", "a)", "Một là,") and bullets cannot.
HEADING_STYLES = frozenset({MarkerStyle.CAPITAL, MarkerStyle.ROMAN, MarkerStyle.ARABIC, MarkerStyle.DECIMAL})
#: Numbered styles whose text can be a title closed with an ellipsis ("2.2. …", "a) …").
OPEN_TITLE_STYLES = frozenset(
    {MarkerStyle.CAPITAL, MarkerStyle.ROMAN, MarkerStyle.ARABIC, MarkerStyle.DECIMAL, MarkerStyle.LETTER}
)
#: Numbered entries, whose lists the rules here read; bullets have their own
#: (:func:`vnreport.tree.kinds._label_over_points`).
ENTRY_STYLES = OPEN_TITLE_STYLES | {MarkerStyle.PAREN}
#: Run-in siblings needed before an entry of that shape is read as one of them (and they
#: must be more than half of its siblings).
MIN_RUN_IN_SIBLINGS = 2
#: Line breaks a label of a hard-wrapped source may hold (one: the label wraps once).
MAX_LABEL_WRAPS = 1
#: The list's other entries are sections but for at most one in this many (a form's list of
#: fields holds the odd sentence: "(25) Nhận xét của chi ủy …" among 25 labelled fields).
ITEM_SHARE = 4
#: Siblings that head points of their own under a closed title, at least, before a closed title
#: over a body agrees with them.
MIN_CLOSED_TITLE_SIBLINGS = 2


class Siblings:
    """A parent's children counted by style key (entries, items, run-in sections), once per
    parent and only when an entry of a qualifying shape asks: a long list stays linear."""

    def __init__(self, match: Readable, parent: OpenNode) -> None:
        self._match = match
        self._parent = parent
        self._counts: dict[str, tuple[int, int, int]] | None = None
        self._every: dict[tuple[str, str], bool] = {}
        self._openings: frozenset[tuple[str, tuple[str, ...]]] | None = None
        self._shaped: dict[str, int] | None = None
        self._shapes: dict[str, tuple[int, int, int]] | None = None

    def others(self, node: OpenNode) -> tuple[int, int, int]:
        """(entries, items, run-in sections) among ``node``'s siblings of its style, itself not counted."""
        if self._counts is None:
            counts: dict[str, tuple[int, int, int]] = {}
            for c in self._parent.children:
                n, items, run_in = counts.get(c.key, (0, 0, 0))
                counts[c.key] = (n + 1, items + (c.kind is not OpenKind.SECTION), run_in + is_run_in(self._match, c))
            self._counts = counts
        n, items, run_in = self._counts.get(node.key, (1, 1, 0))
        mine = node.kind is not OpenKind.SECTION
        return n - 1, items - mine, run_in - is_run_in(self._match, node)

    def every(self, node: OpenNode, shape: Callable[[OpenNode], bool]) -> bool:
        """Are ``node``'s siblings of its style (one at least) all of ``shape``? Asked once per
        style and shape (named by its function), so each list is read once."""
        key = (node.key, shape.__qualname__)
        if key not in self._every:
            mates = [c for c in self._parent.children if c.key == node.key and c is not node]
            self._every[key] = bool(mates) and all(shape(c) for c in mates)
        return self._every[key]

    def shaped(self, node: OpenNode) -> tuple[int, int, int]:
        """(entries of run-in shape, headings over something of their own, headings over points
        of their own) among ``node``'s siblings of its style, itself not counted. Read before
        the siblings' kinds are: a run-in section or an item that could be one; an item whose
        text reads as a closed title ("6.3.1. Chuyển sinh hoạt đảng chính thức.") or a section."""
        if self._shapes is None:
            shapes: dict[str, tuple[int, int, int]] = {}
            for c in self._parent.children:
                run_in, headed, over_points = shapes.get(c.key, (0, 0, 0))
                heads, points = _closed_heading(c)
                shapes[c.key] = (run_in + self._run_in_shaped(c), headed + heads, over_points + points)
            self._shapes = shapes
        run_in, headed, over_points = self._shapes.get(node.key, (0, 0, 0))
        heads, points = _closed_heading(node)
        return run_in - self._run_in_shaped(node), headed - heads, over_points - points

    def _run_in_shaped(self, node: OpenNode) -> bool:
        if is_run_in(self._match, node):
            return True
        return node.kind is OpenKind.ITEM and bool(node.children) and _as_run_in(self._match, node) is not None

    def section_openings(self, words: int) -> frozenset[tuple[str, tuple[str, ...]]]:
        """(style key, first ``words`` words) of each of the parent's sections that has a body,
        read once per parent (:mod:`vnreport.tree.cases`)."""
        if self._openings is None:
            self._openings = frozenset(
                (c.key, first_words(self._match[c.title.start : c.title.end], words))
                for c in self._parent.children
                if c.kind is OpenKind.SECTION and c.title is not None and c.children
            )
        return self._openings


def first_words(title: str, words: int) -> tuple[str, ...]:
    """A title's first ``words`` words, case folded; nothing for a title no longer than that."""
    found = title.casefold().split()
    return tuple(found[:words]) if len(found) > words else ()


def agreeing_kind(match: Readable, node: OpenNode, siblings: Siblings) -> OpenNode | None:
    """``node`` (an item) as the section its siblings say it is, or None where they do not."""
    marker = node.marker
    if node.kind is not OpenKind.ITEM or marker is None or marker.style not in ENTRY_STYLES or not node.children:
        return None
    if node.children[0].kind is not OpenKind.PARAGRAPH:
        return None
    as_run_in = _as_run_in(match, node)
    as_title = (_as_open_title(match, node) or _as_label(match, node)) if as_run_in is None else None
    if as_run_in is None and as_title is None:
        return _as_closed_title(match, node, siblings)
    n, items, run_in = siblings.others(node)
    if as_run_in is not None:
        return _agreeing_run_in(as_run_in, n, items, run_in, siblings.shaped(node)[0])
    if not n or items * ITEM_SHARE > n:
        return None
    return as_title


def _agreeing_run_in(section: OpenNode, n: int, items: int, run_in: int, shaped: int) -> OpenNode | None:
    """The run-in reading of an entry where its list is one of run-in sections, or one of
    entries that all read "Label: Text" with one run-in section among them at least."""
    if not n:
        return None
    if items * ITEM_SHARE <= n and run_in >= MIN_RUN_IN_SIBLINGS and 2 * run_in > n:
        return section
    return section if run_in >= 1 and shaped == n else None


def _as_closed_title(match: Readable, node: OpenNode, siblings: Siblings) -> OpenNode | None:
    """A numbered heading's text closed with a stop, a paragraph under it, among siblings that
    head something of their own so, two of them points at least: a heading like them, however
    long the line rule found it for a title over a body."""
    marker, heading = node.marker, node.heading
    if marker is None or marker.style not in HEADING_STYLES or heading is None or len(node.children) < 2:
        return None
    own, follower = node.children[0], node.children[1]
    if own.start != heading.start or follower.kind is not OpenKind.PARAGRAPH or follower.marker is not None:
        return None
    if len(match[heading.start : heading.end].split()) > MAX_TITLE_WORDS:
        return None
    n = siblings.others(node)[0]
    _, headed, over_points = siblings.shaped(node)
    if over_points < MIN_CLOSED_TITLE_SIBLINGS or (n - headed) * ITEM_SHARE > n:
        return None
    section = OpenNode(OpenKind.SECTION, node.start, heading.end, marker, node.key, heading)
    section.line_end = own.end
    section.source_level, section.list_depth = node.source_level, node.list_depth
    section.children = node.children[1:]
    return section


def _closed_heading(node: OpenNode) -> tuple[bool, bool]:
    """(Does ``node`` head something of its own under a title, does it head points?) A section,
    or an item whose text reads as a heading (its ``heading``) with more under it."""
    children = node.children
    if node.kind is OpenKind.SECTION and node.title is not None and children:
        follower = children[0]
    elif node.kind is OpenKind.ITEM and node.heading is not None and len(children) >= 2:
        if children[0].start != node.heading.start:
            return False, False
        follower = children[1]
    else:
        return False, False
    return True, follower.marker is not None and follower.marker.value is not None


def is_run_in(match: Readable, node: OpenNode) -> bool:
    """A run-in section: its label, a colon, and its text going on on the same line."""
    title = node.title
    if title is None or not node.children or node.children[0].kind is not OpenKind.PARAGRAPH:
        return False
    between = match[title.end : node.children[0].start]
    return between.strip(" *_\u00a0") == ":"


def _as_run_in(match: Readable, node: OpenNode) -> OpenNode | None:
    """The entry's text as "label: text" when the label is a title (a figure or a form's blanks
    in it allowed) and the text after the colon opens with a capitalised word."""
    own = node.children[0]
    raw = match[own.start : own.end]
    colon = raw.find(":")
    if colon <= 0:
        return None
    label = raw[:colon].rstrip()
    after = raw[colon + 1 :]
    body = len(raw) - len(after.lstrip()) + own.start
    if body >= own.end or UPPER.match(match[body]) is None:
        return None
    bare = " ".join(FORM_BLANKS.sub(" ", label).split())
    if not bare or not is_title_like(bare, MAX_TITLE_WORDS) or is_lead_in(label):
        return None
    if label.count("(") != label.count(")"):
        return None  # the colon is inside a bracket ("… (ghi rõ: Tù giam, …)")
    title = Span(own.start, own.start + len(label))
    section = OpenNode(OpenKind.SECTION, node.start, title.end, node.marker, node.key, title)
    section.line_end = own.start + colon + 1
    section.source_level, section.list_depth = node.source_level, node.list_depth
    paragraph = OpenNode(OpenKind.PARAGRAPH, body, own.end)
    paragraph.gaps = tuple(g for g in own.gaps if g.start >= body)
    section.children = [paragraph, *node.children[1:]]
    return section


def _as_open_title(match: Readable, node: OpenNode) -> OpenNode | None:
    """A title closed with an ellipsis ("… hoặc cơ sở⏎chữa bệnh…"), a paragraph under it: the
    open list it ends is no sentence, so it heads that paragraph as its section siblings do."""
    marker = node.marker
    if marker is None or marker.style not in OPEN_TITLE_STYLES:
        return None  # an article's text is no title ("Điều 1. Phân công ông (bà)...(8), chức vụ...")
    if len(node.children) < 2 or node.children[1].kind is not OpenKind.PARAGRAPH:
        return None
    own = node.children[0]
    raw = match[own.start : own.end].rstrip()
    tail = raw.removesuffix("…").removesuffix("...")
    if tail == raw or ":" in tail or FORM_BLANKS.search(tail) is not None:
        return None  # a form's blanks inside are no list left open
    if not is_title_like(" ".join(tail.split()), MAX_WRAPPED_TITLE_WORDS):
        return None
    return _titled_by_first_paragraph(node, Span(own.start, own.start + len(raw)))


def _as_label(match: Readable, node: OpenNode) -> OpenNode | None:
    """A label ending in ":" over text of its own ("2. Hoạt động hỗ trợ học bổng, việc làm và trong
    học tập cho sinh viên:" then a paragraph and bullets, corpus 12), longer than the line rule
    lets a label run (``MAX_LABEL_WORDS``): among section siblings, a heading like them."""
    marker = node.marker
    if marker is None or marker.style not in OPEN_TITLE_STYLES or len(node.children) < 2:
        return None
    own = node.children[0]
    raw = match[own.start : own.end].rstrip(" *_\u00a0")
    # A label the source hard-wraps once ("a) Đối với cá nhân đang⏎cư trú, làm việc tại …"), or
    # closes with ";" where its siblings have ":" (a typo: it still heads its own paragraph).
    if not raw.endswith((":", ";")) or raw.count("\n") > MAX_LABEL_WRAPS:
        return None
    label = " ".join(raw[:-1].split())
    if not label or ":" in label or is_lead_in(label) or not is_title_like(label, MAX_TITLE_WORDS):
        return None
    return _titled_by_first_paragraph(node, Span(own.start, own.start + len(label)))


def _titled_by_first_paragraph(node: OpenNode, title: Span) -> OpenNode:
    """The item ``node`` as a section whose title is ``title``, cut from its first paragraph;
    the other children stay its body."""
    own = node.children[0]
    section = OpenNode(OpenKind.SECTION, node.start, title.end, node.marker, node.key, title)
    section.line_end = own.end
    section.source_level, section.list_depth = node.source_level, node.list_depth
    section.children = node.children[1:]
    return section

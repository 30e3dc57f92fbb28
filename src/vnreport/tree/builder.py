"""The tree builder: from classified lines to nested sections, items and paragraphs.

A heading style's level comes from the genre's conventional order (A. > I. > 1. > 1.1. > (1) > a)),
a style the order does not rank takes the level of its first appearance. On top of that:

* a style already open on the stack closes everything below it and becomes a sibling;
* a decimal ("2.1-") goes under the open node numbered with its prefix ("2-");
* list-like styles ("(1)", "Một là,", bullets) nest under the node they follow;
* the word styles Phần > Chương > Mục > Tiểu mục > Điều keep their intrinsic order;
* unnumbered paragraphs belong to the node before them;
* bullets right under a fresh heading are its list; a starred sub-heading closes the bullet
  entries before it; an appendix closes everything.

Whether a node is a section or an item is settled when the tree is frozen, from what ended
up under it (:mod:`vnreport.tree.kinds`).

Numbering is checked per parent and style; gaps, repeats and disorder become diagnostics,
and the tree is built anyway.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from vnreport.lines.classify import (
    ClassifiedLine,
    Role,
    classify_after_marker,
    is_upper_title,
    redecide_wrapped,
)
from vnreport.model import (
    BULLET_STYLES,
    LIST_STYLES,
    Diagnostic,
    Item,
    Marker,
    MarkerStyle,
    Node,
    Paragraph,
    Section,
    Span,
    Table,
)
from vnreport.rules.shapes import SUMMARY_HEADING
from vnreport.tree.kinds import as_read, heading_shape
from vnreport.tree.nodes import INTRINSIC_ORDER, OpenKind, OpenNode, style_key
from vnreport.tree.numbering import numbered_as, numbering_problem, ordinal, restarts_under
from vnreport.tree.paragraphs import text_after_bare_marker
from vnreport.tree.stated import list_position, source_floor, stated_sibling, unmarked_parent
from vnreport.tree.titles import TitleLines

ParagraphFactory = Callable[[str, Span, tuple[Span, ...]], Paragraph]
"""Makes a paragraph (with its sentences) from an id, a span and the spans of page furniture
inside it; injected by the pipeline."""

TableFactory = Callable[[str, Span], Table]

#: The genre's conventional order of the numbered heading styles (36-HD/VPTW, Decree 30):
#: "A." above "I." above "1." above "1.1." above "1.1.1.". A style first seen late takes its
#: place by this order — "A." first used in Part Two still goes above the "I." of Part One —
#: unless the document has already nested them the other way round.
_CONVENTIONAL_ORDER = {
    MarkerStyle.CAPITAL.value: 0,
    MarkerStyle.ROMAN.value: 1,
    MarkerStyle.ARABIC.value: 2,
    "decimal2": 3,
    "decimal3": 4,
    "decimal4": 5,
}

_ID_PREFIX = {MarkerStyle.APPENDIX: "ap", MarkerStyle.PART: "p", MarkerStyle.CHAPTER: "c", MarkerStyle.ARTICLE: "a"}

#: Bullets that mark a sub-heading of its own rather than one entry of a list.
_SUMMARY_BULLETS = frozenset({MarkerStyle.STAR, MarkerStyle.BULLET})


class TreeBuilder:
    """Builds one body (a document, or one sub-document of a bundle) from classified lines."""

    def __init__(
        self,
        text: str,
        make_paragraph: ParagraphFactory,
        make_table: TableFactory | None = None,
        match_text: str | None = None,
    ) -> None:
        self.text = text
        self.match = match_text if match_text is not None else text
        self.make_paragraph = make_paragraph
        self.make_table = make_table
        self.diagnostics: list[Diagnostic] = []
        self._root = OpenNode(OpenKind.ROOT, 0, 0)
        self._stack: list[OpenNode] = [self._root]
        self._ranks: dict[str, float] = {}
        self._table_starts: frozenset[int] = frozenset()
        self._levels: Mapping[int, int] = {}
        self._list_depths: Mapping[int, int] = {}
        self.sections: list[Section] = []
        """Every section made by :meth:`finish`, in document order of completion."""
        self.items = 0
        self._last_capital: str | None = None
        self._stars_head_bullets = False
        """A starred sub-heading has had a bullet list under it: stars rank above bullets here."""

    # -- feeding ------------------------------------------------------------------------------

    def build(
        self,
        lines: Sequence[ClassifiedLine],
        paragraphs: Sequence[tuple[int, int]] | None = None,
        skip: frozenset[int] = frozenset(),
        tables: Sequence[tuple[int, int]] = (),
        levels: Mapping[int, int] | None = None,
        set_apart: frozenset[int] = frozenset(),
        list_depths: Mapping[int, int] | None = None,
    ) -> None:
        """Feed lines ``lines`` (in order). ``paragraphs`` groups line positions ``[i, j)`` that
        form one paragraph (hard-wrapped text); by default every text line is a paragraph.
        ``skip`` holds positions to leave out (page furniture); ``tables`` ranges of positions
        that hold one table each; ``levels`` the heading level the source states for a line
        (HTML h1–h6, Word heading styles), by position; a marker-less line there, or in
        ``set_apart`` (a bold short line), is a heading of its own; ``list_depths`` the depth
        of the source's own list entry a line opens."""
        groups = {i: j for i, j in (paragraphs or ())}
        table_at = {i: j for i, j in tables}
        self._table_starts = frozenset(table_at)
        self._levels = levels or {}
        self._list_depths = list_depths or {}
        i = 0
        n = len(lines)
        while i < n:
            if i in skip:
                i += 1
                continue
            if i in table_at:
                j = table_at[i]
                self._add_table(lines[i].line.content.start, lines[j - 1].line.content.end)
                i = j
                continue
            cl = lines[i]
            role = cl.role
            if role is Role.BLANK or role is Role.RULE:
                i += 1
                continue
            if role is Role.HEADING:
                k = text_after_bare_marker(self.match, lines, i, skip, self._table_starts)
                if k is not None:
                    assert cl.marker is not None
                    i, cl = k, classify_after_marker(self.match, lines[k].line, cl.marker, cl.rule)
                    role = cl.role
            j = groups.get(i, i + 1)
            gaps = tuple(lines[k].line.content for k in range(i + 1, j) if k in skip) if j > i + 1 else ()
            if role is Role.TEXT:
                # Markup blanked in the match text (a glued "----" rule) is not the paragraph's.
                start = cl.line.content.start
                while self.match[start].isspace() and start < cl.line.content.end:
                    start += 1
                if i in self._levels or i in set_apart:
                    self._add_unmarked(i, start, cl.line.content.end)  # lines grouped with it: its body
                    if j > i + 1:
                        self._add_paragraph(lines[i + 1].line.content.start, lines[j - 1].line.content.end, gaps)
                else:
                    self._add_paragraph(start, lines[j - 1].line.content.end, gaps)
                i = j
                continue
            if j > i + 1:
                cl = redecide_wrapped(self.match, cl, lines[j - 1].line.content.end)
                role = cl.role
            assert cl.marker is not None
            marker = self._retype(cl.marker)
            if role is Role.HEADING:
                i = self._add_heading(lines, i, marker, cl, skip, j)
            elif role is Role.RUN_IN:
                assert cl.title is not None and cl.body is not None
                node = OpenNode(OpenKind.SECTION, marker.span.start, cl.title.end, marker, style_key(marker), cl.title)
                node.source_level = self._levels.get(i)
                node.list_depth = self._list_depths.get(i)
                self._place(node)
                self._add_paragraph(cl.body.start, lines[j - 1].line.content.end, gaps)
                i = j
            else:
                assert cl.body is not None
                node = OpenNode(OpenKind.ITEM, marker.span.start, cl.line.content.end, marker, style_key(marker))
                if marker.style is not MarkerStyle.ORDINAL_WORD and marker.style not in BULLET_STYLES:
                    node.heading = heading_shape(self.match, cl.body.start, lines[j - 1].line.content.end)
                node.source_level = self._levels.get(i)
                node.list_depth = self._list_depths.get(i)
                self._place(node)
                self._add_paragraph(cl.body.start, lines[j - 1].line.content.end, gaps)
                i = j

    def _add_heading(
        self,
        lines: Sequence[ClassifiedLine],
        i: int,
        marker: Marker,
        cl: ClassifiedLine,
        skip: frozenset[int],
        group_end: int,
    ) -> int:
        assert cl.title is not None
        title = cl.title
        text = self.match
        own_title = text[title.start : title.end].strip()
        next_i = group_end
        if group_end > i + 1:
            # A hard-wrapped title: the grouped lines are its continuation (a closing ":" is not).
            title_end = lines[group_end - 1].line.content.end
            if text[title_end - 1] == ":":
                title_end -= 1
            title = Span(title.start, title_end)
        elif not own_title or is_upper_title(own_title):
            # "Phần I" then the title below, or an upper-case title wrapped over lines.
            # An appendix's own title is in capitals; "(Kèm theo Nghị quyết …)" under it is its attribution.
            want_upper = bool(own_title) or marker.style not in INTRINSIC_ORDER or marker.style is MarkerStyle.APPENDIX
            below = TitleLines(self.text, text, lines, skip, self._table_starts)
            title, next_i = below.read(i, title, own_title, want_upper, next_i)
        node = OpenNode(
            OpenKind.SECTION, marker.span.start, max(title.end, marker.span.end), marker, style_key(marker), title
        )
        node.line_end = max(node.end, lines[next_i - 1].line.content.end)
        node.source_level = self._levels.get(i)
        node.list_depth = self._list_depths.get(i)
        self._place(node)
        return next_i

    def _retype(self, marker: Marker) -> Marker:
        """Resolve "I."/"V."/"X." read as Roman numerals where they continue a capital-letter list."""
        if marker.style is MarkerStyle.CAPITAL:
            self._last_capital = str(marker.value)
            return marker
        if marker.style is MarkerStyle.ROMAN and self._last_capital is not None:
            letter = {1: "I", 5: "V", 10: "X"}.get(marker.value if isinstance(marker.value, int) else -1)
            expected = {"H": "I", "U": "V", "W": "X"}.get(self._last_capital)
            if letter is not None and letter == expected:
                self._last_capital = letter
                return Marker(marker.text, marker.span, MarkerStyle.CAPITAL, letter)
        return marker

    # -- placing ------------------------------------------------------------------------------

    def _place(self, node: OpenNode) -> None:
        stack = self._stack
        marker = node.marker
        assert marker is not None
        key = node.key
        style = marker.style
        if self._place_by_source_level(node) or self._place_by_list_depth(node):
            return
        # Below a node whose stated level is above this node's, the text decides; it never
        # closes that node (``floor``: the first stack position the text may close).
        floor = source_floor(self._stack, node.source_level)
        if style in BULLET_STYLES and _heads_bullets(stack[-1], node):
            self._push(node)
            return
        # 1. The same style is open: close down to it, become its sibling.
        for k in range(len(stack) - 1, floor - 1, -1):
            if stack[k].key == key:
                if k < len(stack) - 1 and restarts_under(stack[k], stack[-1], node):
                    break
                self._check_numbering(stack[k - 1], node)
                del stack[k:]
                self._push(node)
                return
        # 2. A decimal goes under the node numbered with its prefix.
        if style is MarkerStyle.DECIMAL and isinstance(marker.value, tuple):
            prefix = marker.value[:-1]
            for k in range(len(stack) - 1, floor - 1, -1):
                open_marker = stack[k].marker
                if open_marker is not None and numbered_as(open_marker, prefix):
                    del stack[k + 1 :]
                    self._check_numbering(stack[k], node)
                    self._push(node)
                    return
        if style in LIST_STYLES:
            if node.is_section and self._is_summary(node):
                self._close_to_chapter(floor)
            elif style is MarkerStyle.STAR and (node.is_section or self._stars_head_bullets):
                # "* Một số ý kiến …:" is a sub-heading: the bullet entries before it are done.
                # Where stars head dash lists, a starred paragraph ("* Có ý kiến tham gia …: Đề
                # nghị …") is one too, long as it may be, never an entry of the dashes above it.
                while (
                    len(stack) > floor
                    and stack[-1].marker is not None
                    and stack[-1].marker.style in BULLET_STYLES
                    and not stack[-1].is_section
                ):
                    stack.pop()
            elif style is MarkerStyle.ORDINAL_WORD and marker.value == 1:
                self._close_done_bullets()
            # 3. Lists nest under whatever they follow.
            self._check_numbering(stack[-1], node)
            self._push(node)
            return
        # 4. Heading styles: by intrinsic order, else by the learned order of first appearance.
        rank = self._ranks.get(key)
        if rank is None:
            rank = self._ranks[key] = self._first_rank(key)
            while len(stack) > floor and self._is_list_node(stack[-1]) and not stack[-1].is_section:
                stack.pop()
            while len(stack) > floor and self._deeper_or_equal(stack[-1], key, rank, style):
                stack.pop()
        else:
            while len(stack) > floor and (
                (self._is_list_node(stack[-1]) and not self._opens_list_under(stack[-1], marker))
                or self._deeper_or_equal(stack[-1], key, rank, style)
            ):
                stack.pop()
        self._check_numbering(stack[-1], node)
        self._push(node)

    def _place_by_source_level(self, node: OpenNode) -> bool:
        """Where the source states the node's level (h2, "Heading 2"), a node open at the same
        or a deeper stated level is done: the node becomes the sibling of the outermost one.
        Otherwise (no stated level, or none open at its depth) the text decides."""
        k = stated_sibling(self._stack, node.source_level)
        if k is None:
            return False
        self._check_numbering(self._stack[k - 1], node)
        del self._stack[k:]
        self._push(node)
        return True

    def _place_by_list_depth(self, node: OpenNode) -> bool:
        """An entry of the source's own lists goes where its depth puts it among the entries
        open above it (:func:`~vnreport.tree.stated.list_position`); with none open, the text decides."""
        k = list_position(self._stack, node.list_depth)
        if k is None:
            return False
        self._check_numbering(self._stack[k - 1], node)
        del self._stack[k:]
        self._push(node)
        return True

    def _add_unmarked(self, i: int, start: int, end: int) -> None:
        """A heading the source states or sets apart without a marker (:mod:`vnreport.tree.stated`)."""
        node = OpenNode(OpenKind.SECTION, start, end, None, "", Span(start, end))
        node.source_level = self._levels.get(i)
        del self._stack[unmarked_parent(self._stack, node) :]
        self._push(node)

    def _first_rank(self, key: str) -> float:
        """The rank of a style seen for the first time: below every style seen so far, unless
        the conventional order puts it above styles already ranked and the document has not
        shown the other order (ranks that disagree, or the new style opening inside a node of a
        conventionally deeper style, as a form's "I." inside its "03:")."""
        if key == MarkerStyle.APPENDIX.value:
            return float("-inf")  # back matter: above whatever the body used
        deepest = max((r for r in self._ranks.values() if r != float("-inf")), default=-1.0) + 1
        place = _CONVENTIONAL_ORDER.get(key)
        if place is None or any(_CONVENTIONAL_ORDER.get(o.key, -1) > place for o in self._stack):
            return deepest
        conventional = {k: r for k, r in self._ranks.items() if k in _CONVENTIONAL_ORDER}
        below = [r for k, r in conventional.items() if _CONVENTIONAL_ORDER[k] > place]
        if not below:
            return deepest
        above = [r for k, r in conventional.items() if _CONVENTIONAL_ORDER[k] < place]
        if above and max(above) > min(below):
            return deepest  # the document keeps its own order
        top = max(above, default=min(below) - 1)
        return (top + min(below)) / 2

    def _deeper_or_equal(self, top: OpenNode, key: str, rank: float, style: MarkerStyle) -> bool:
        top_marker = top.marker
        if top_marker is None:
            return False
        top_style = top_marker.style
        if style is MarkerStyle.APPENDIX:
            return True  # an appendix closes the body, whatever is open
        if top_style in INTRINSIC_ORDER and style in INTRINSIC_ORDER:
            return INTRINSIC_ORDER[top_style] >= INTRINSIC_ORDER[style]
        if style is MarkerStyle.PART:
            return True
        top_rank = self._ranks.get(top.key)
        return top_rank is not None and top_rank >= rank and top.key != key

    def _is_summary(self, node: OpenNode) -> bool:
        """A starred or bulleted sub-heading that sums up ("* Nguyên nhân …"); a dash line
        "- Nguyên nhân của hạn chế: …" is one comment in a list of them."""
        title, marker = node.title, node.marker
        if title is None or marker is None or marker.style not in _SUMMARY_BULLETS:
            return False
        return SUMMARY_HEADING.match(self.match, title.start, title.end) is not None

    def _close_to_chapter(self, floor: int = 1) -> None:
        """A summing-up sub-heading ("* Nguyên nhân …") closes the numbered sections it follows:
        it goes under the outermost open numbered heading (the chapter it sums up)."""
        stack = self._stack
        for k in range(floor, len(stack)):
            marker = stack[k].marker
            if stack[k].is_section and marker is not None and marker.style not in INTRINSIC_ORDER:
                if marker.style not in LIST_STYLES:
                    del stack[k + 1 :]
                return

    @staticmethod
    def _opens_list_under(top: OpenNode, marker: Marker) -> bool:
        """A numbered list that starts at one right under a bulleted sub-heading is its content
        ("* Nguyên nhân …" then "1. …", "2. …"), not a sibling of the heading's parent."""
        return top.is_section and not top.children and marker.value is not None and ordinal(marker.value) == 1

    def _close_done_bullets(self, last: bool = False) -> None:
        """A fresh "Thứ nhất," / "Một là," list is no sub-list of a bullet entry that closed its
        own sentence ("- Thứ ba, năng lực … chưa đáp ứng." then a lead-in paragraph "… rút ra
        một số bài học kinh nghiệm:"): bullets are the innermost level of the genre; only a
        bullet whose own line ends in ":" heads such a list. With ``last``, the bullet's last
        paragraph is what must end in ":" (a table under "- Kết quả cụ thể như sau:")."""
        stack = self._stack
        while len(stack) > 1 and not stack[-1].is_section and stack[-1].marker is not None:
            top = stack[-1]
            if top.marker is None or top.marker.style not in BULLET_STYLES:
                return
            # The entry's own line, or (before a table) the text right above the table.
            said = top.children[-1 if last else 0] if top.children else None
            own = self.match[said.start : said.end] if said is not None else ""
            if own.rstrip(" *_").endswith(":"):
                return
            stack.pop()

    @staticmethod
    def _is_list_node(node: OpenNode) -> bool:
        return node.marker is not None and node.marker.style in LIST_STYLES

    def _push(self, node: OpenNode) -> None:
        top = self._stack[-1]
        if top.is_section and top.marker is not None and top.marker.style is MarkerStyle.STAR and node.marker:
            self._stars_head_bullets = self._stars_head_bullets or node.marker.style in BULLET_STYLES
        top.children.append(node)
        self._stack.append(node)

    def _add_paragraph(self, start: int, end: int, gaps: tuple[Span, ...] = ()) -> None:
        node = OpenNode(OpenKind.PARAGRAPH, start, end)
        node.gaps = gaps
        self._stack[-1].children.append(node)

    def _add_table(self, start: int, end: int) -> None:
        # A table is no part of a bullet entry that closed its own text ("- Địa điểm: Hội trường
        # lớn … (Số 01 Võ Văn Ngân …)" then the agenda): only "- … như sau:" introduces one.
        self._close_done_bullets(last=True)
        self._stack[-1].children.append(OpenNode(OpenKind.TABLE, start, end))

    # -- numbering ----------------------------------------------------------------------------

    def _check_numbering(self, parent: OpenNode, node: OpenNode) -> None:
        marker = node.marker
        if marker is None or marker.value is None:
            return
        previous: Marker | None = None
        for sibling in reversed(parent.children):
            if sibling.marker is not None and sibling.key == node.key:
                previous = sibling.marker
                break
        code, message = numbering_problem(previous, marker)
        if code is not None:
            self.diagnostics.append(Diagnostic(code, message, marker.span))

    # -- freezing -----------------------------------------------------------------------------

    def finish(self, id_prefix: str = "") -> tuple[Node, ...]:
        """Freeze the tree into model nodes with stable ids."""
        return self._freeze_children(self._root, id_prefix, 1)

    def _freeze_children(self, parent: OpenNode, prefix: str, level: int) -> tuple[Node, ...]:
        counters: dict[str, int] = {}
        out: list[Node] = []
        for child in parent.children:
            if child.marker is not None:
                child = as_read(self.match, child, parent)
            out.append(self._freeze(child, prefix, level, counters))
        return tuple(out)

    def _freeze(self, node: OpenNode, prefix: str, level: int, counters: dict[str, int]) -> Node:
        if node.kind is OpenKind.PARAGRAPH:
            letter = "g"
        elif node.kind is OpenKind.TABLE:
            letter = "tb"
        elif node.kind is OpenKind.ITEM:
            letter = "i"
        else:
            letter = _ID_PREFIX.get(node.marker.style, "s") if node.marker is not None else "s"
        counters[letter] = counters.get(letter, 0) + 1
        node_id = f"{prefix}{letter}{counters[letter]}"
        span = Span(node.start, node.end)
        if node.kind is OpenKind.PARAGRAPH:
            return self.make_paragraph(node_id, span, node.gaps)
        if node.kind is OpenKind.TABLE:
            if self.make_table is None:
                return self.make_paragraph(node_id, span, ())
            return self.make_table(node_id, span)
        children = self._freeze_children(node, node_id + ".", level + 1)
        end = max([node.end, *(c.span.end for c in children)])
        span = Span(node.start, end)
        if node.kind is OpenKind.ITEM:
            assert node.marker is not None
            self.items += 1
            return Item(node_id, span, node.marker, level, children)
        after = node.marker.span.end if node.marker is not None else node.start
        title_span = node.title or Span(after, after)
        title = clean_title(self.text[title_span.start : title_span.end])
        section = Section(node_id, span, node.marker, level, title, title_span, children)
        self.sections.append(section)
        return section


def _heads_bullets(top: OpenNode, node: OpenNode) -> bool:
    """Bullets right under a fresh heading of another style are its list ("(2) Chương trình
    Lễ ra mắt:" then "- Chào cờ …"), even when the same bullet is open above that heading."""
    return top.is_section and not top.children and top.marker is not None and top.key != node.key


def clean_title(raw: str) -> str:
    """A title as one line: whitespace collapsed, Markdown emphasis and heading marks dropped."""
    if "*" in raw or "#" in raw or "_" in raw:
        raw = raw.replace("*", " ").replace("__", " ").lstrip("# ")
    return " ".join(raw.split())

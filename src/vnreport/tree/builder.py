"""The tree builder: from classified lines to nested sections, items and paragraphs.

It walks the lines once: a heading, run-in heading or item becomes an open node that
:class:`~vnreport.tree.placing.Placer` puts among the open ones (by the genre's order of
styles, the document's own and what the source states); unnumbered paragraphs and tables
belong to the node before them; a title wrapped below its marker is read by
:mod:`vnreport.tree.titles`.

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
from vnreport.lines.match_view import Readable
from vnreport.model import (
    BULLET_STYLES,
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
from vnreport.shared_text import child_id
from vnreport.tree.agreement import Siblings
from vnreport.tree.bold_heads import bold_heading
from vnreport.tree.kinds import as_read, heading_shape
from vnreport.tree.nodes import INTRINSIC_ORDER, OpenKind, OpenNode, style_key
from vnreport.tree.paragraphs import text_after_bare_marker
from vnreport.tree.placing import Placer
from vnreport.tree.stated import unmarked_parent
from vnreport.tree.titles import TitleLines

ParagraphFactory = Callable[[str, int, Span, tuple[Span, ...]], Paragraph]
"""Makes a paragraph from the id of its parent and its ordinal there (or its own id and 0), a
span and the spans of page furniture inside it; injected by the pipeline."""

TableFactory = Callable[[str, Span], Table]

_ID_PREFIX = {MarkerStyle.APPENDIX: "ap", MarkerStyle.PART: "p", MarkerStyle.CHAPTER: "c", MarkerStyle.ARTICLE: "a"}


class TreeBuilder:
    """Builds one body (a document, or one sub-document of a bundle) from classified lines."""

    def __init__(
        self,
        text: str,
        make_paragraph: ParagraphFactory,
        make_table: TableFactory | None = None,
        match_text: Readable | None = None,
    ) -> None:
        self.text = text
        self.match = match_text if match_text is not None else text
        # Only a Markdown crawl has bold runs to read (tree/bold_heads.py); asked once, not per node.
        self._has_bold = "**" in text
        self.make_paragraph = make_paragraph
        self.make_table = make_table
        self._placer = Placer(self.match)
        self._stack = self._placer.stack
        self.diagnostics: list[Diagnostic] = self._placer.diagnostics
        self._table_starts: frozenset[int] = frozenset()
        self._levels: Mapping[int, int] = {}
        self._list_depths: Mapping[int, int] = {}
        self.sections: list[Section] = []
        """Every section made by :meth:`finish`, in document order of completion."""
        self.items = 0
        self._last_capital: str | None = None

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
        back_matter: int | None = None,
    ) -> None:
        """Feed lines ``lines`` (in order). ``paragraphs`` groups line positions ``[i, j)`` that
        form one paragraph (hard-wrapped text); by default every text line is a paragraph.
        ``skip`` holds positions to leave out (page furniture); ``tables`` ranges of positions
        that hold one table each; ``levels`` the heading level the source states for a line
        (HTML h1–h6, Word heading styles), by position; a marker-less line there, or in
        ``set_apart`` (a bold short line), is a heading of its own; ``list_depths`` the depth
        of the source's own list entry a line opens; ``back_matter`` the position right after a
        closing block inside the body (a signature before a form's notes or an appendix), where
        the open clauses close (:meth:`Placer.close_to_back_matter`)."""
        groups = {i: j for i, j in (paragraphs or ())}
        table_at = {i: j for i, j in tables}
        self._table_starts = frozenset(table_at)
        self._levels = levels or {}
        self._list_depths = list_depths or {}
        i = 0
        n = len(lines)
        while i < n:
            back_matter = self._close_at_back_matter(i, back_matter)
            if i in skip:
                i += 1
                continue
            if i in table_at:
                j = table_at[i]
                self._add_table(lines[i].content_start, lines[j - 1].content_end)
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
                self._add_text(cl, lines, i, j, gaps, i in self._levels or i in set_apart)
                i = j
            else:
                i = self._add_marked(cl, lines, i, j, gaps, skip)

    def _close_at_back_matter(self, i: int, back_matter: int | None) -> int | None:
        """At the first line past the signature, the clauses open above it close; None after."""
        if back_matter is None or i < back_matter:
            return back_matter
        self._placer.close_to_back_matter()
        return None

    def _add_text(
        self,
        cl: ClassifiedLine,
        lines: Sequence[ClassifiedLine],
        i: int,
        j: int,
        gaps: tuple[Span, ...],
        unmarked_heading: bool,
    ) -> None:
        """Lines ``[i, j)`` of running text (``cl`` the first as classified): a paragraph, or a
        heading the source states or sets apart without a marker, the lines grouped with it its body."""
        # Markup blanked in the match text (a glued "----" rule) is not the paragraph's.
        start = cl.content_start
        while self.match[start].isspace() and start < cl.content_end:
            start += 1
        if unmarked_heading:
            self._add_unmarked(i, start, cl.content_end)
            if j > i + 1:
                self._add_paragraph(lines[i + 1].content_start, lines[j - 1].content_end, gaps)
        else:
            self._add_paragraph(start, lines[j - 1].content_end, gaps)

    def _add_marked(
        self,
        cl: ClassifiedLine,
        lines: Sequence[ClassifiedLine],
        i: int,
        j: int,
        gaps: tuple[Span, ...],
        skip: frozenset[int],
    ) -> int:
        """Lines ``[i, j)`` opening with a marker (``cl`` the first as classified): a heading, a
        run-in heading or an item with its text; the position after what it took."""
        if j > i + 1:
            cl = redecide_wrapped(self.match, cl, lines[j - 1].content_end)
        assert cl.marker is not None
        marker = self._retype(cl.marker)
        if cl.role is Role.HEADING:
            return self._add_heading(lines, i, marker, cl, skip, j)
        assert cl.body is not None
        if cl.role is Role.RUN_IN:
            assert cl.title is not None
            node = OpenNode(OpenKind.SECTION, marker.span.start, cl.title.end, marker, style_key(marker), cl.title)
        else:
            node = OpenNode(OpenKind.ITEM, marker.span.start, cl.content_end, marker, style_key(marker))
            if marker.style is not MarkerStyle.ORDINAL_WORD and marker.style not in BULLET_STYLES:
                node.heading = heading_shape(self.match, cl.body.start, lines[j - 1].content_end)
        node.source_level = self._levels.get(i)
        node.list_depth = self._list_depths.get(i)
        self._placer.place(node)
        self._add_paragraph(cl.body.start, lines[j - 1].content_end, gaps)
        return j

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
            title_end = lines[group_end - 1].content_end
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
        node.line_end = max(node.end, lines[next_i - 1].content_end)
        node.source_level = self._levels.get(i)
        node.list_depth = self._list_depths.get(i)
        self._placer.place(node)
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

    def _add_unmarked(self, i: int, start: int, end: int) -> None:
        """A heading the source states or sets apart without a marker (:mod:`vnreport.tree.stated`)."""
        node = OpenNode(OpenKind.SECTION, start, end, None, "", Span(start, end))
        node.source_level = self._levels.get(i)
        del self._stack[unmarked_parent(self._stack, node) :]
        self._placer.push(node)

    def _add_paragraph(self, start: int, end: int, gaps: tuple[Span, ...] = ()) -> None:
        node = OpenNode(OpenKind.PARAGRAPH, start, end)
        node.gaps = gaps
        self._stack[-1].children.append(node)

    def _add_table(self, start: int, end: int) -> None:
        # A table is no part of a bullet entry that closed its own text ("- Địa điểm: Hội trường
        # lớn … (Số 01 Võ Văn Ngân …)" then the agenda): only "- … như sau:" introduces one.
        self._placer.close_done_bullets(last=True)
        self._stack[-1].children.append(OpenNode(OpenKind.TABLE, start, end))

    # -- freezing -----------------------------------------------------------------------------

    def finish(self, id_prefix: str = "") -> tuple[Node, ...]:
        """Freeze the tree into model nodes with stable ids."""
        return self._freeze_children(self._placer.root, id_prefix.removesuffix("."), 1)

    def _freeze_children(self, parent: OpenNode, owner: str, level: int) -> tuple[Node, ...]:
        counters: dict[str, int] = {}
        out: list[Node] = []
        siblings = Siblings(self.match, parent)
        for child in parent.children:
            if child.marker is not None:
                child = as_read(self.match, child, parent, siblings)
                if self._has_bold:
                    child = bold_heading(self.text, child) or child
            out.append(self._freeze(child, owner, level, counters))
        return tuple(out)

    def _freeze(self, node: OpenNode, owner: str, level: int, counters: dict[str, int]) -> Node:
        if node.kind is OpenKind.PARAGRAPH:
            letter = "g"
        elif node.kind is OpenKind.TABLE:
            letter = "tb"
        elif node.kind is OpenKind.ITEM:
            letter = "i"
        else:
            letter = _ID_PREFIX.get(node.marker.style, "s") if node.marker is not None else "s"
        counters[letter] = counters.get(letter, 0) + 1
        span = Span(node.start, node.end)
        if node.kind is OpenKind.PARAGRAPH:
            # Its id is built when asked from the parent's, which the paragraph shares.
            return self.make_paragraph(owner, counters[letter], span, node.gaps)
        node_id = child_id(owner, letter, counters[letter])
        if node.kind is OpenKind.TABLE:
            if self.make_table is None:
                return self.make_paragraph(node_id, 0, span, ())
            return self.make_table(node_id, span)
        children = self._freeze_children(node, node_id, level + 1)
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


def clean_title(raw: str) -> str:
    """A title as one line: whitespace collapsed, Markdown emphasis and heading marks dropped."""
    if "*" in raw or "#" in raw or "_" in raw:
        raw = raw.replace("*", " ").replace("__", " ").lstrip("# ")
    return " ".join(raw.split())

"""Where a heading or an item goes among the open nodes (the stack), as the tree builder meets it.

A heading style's level comes from the genre's conventional order (A. > I. > 1. > 1.1. > (1) > a)),
a style the order does not rank takes the level of its first appearance. On top of that:

* where the source states a heading level or a list depth, that decides (:mod:`vnreport.tree.stated`);
* a style already open on the stack closes everything below it and becomes a sibling;
* a decimal ("2.1-") goes under the open node numbered with its prefix ("2-");
* list-like styles ("(1)", "Một là,", bullets) nest under the node they follow;
* the word styles Phần > Chương > Mục > Tiểu mục > Điều keep their intrinsic order;
* bullets right under a fresh heading are its list; a starred sub-heading or paragraph closes
  the bullet entries before it; a field left empty ("- Thời gian:") takes the same bullets
  after it (:mod:`vnreport.tree.fields`); an appendix closes everything.

Numbering is checked per parent and style as nodes are placed; gaps, repeats and disorder
become diagnostics.
"""

from __future__ import annotations

from vnreport.lines.match_view import Readable, window
from vnreport.model import BULLET_STYLES, LIST_STYLES, Diagnostic, DiagnosticCode, Marker, MarkerStyle
from vnreport.rules.shapes import SUMMARY_HEADING
from vnreport.tree.fields import field_position
from vnreport.tree.nodes import INTRINSIC_ORDER, OpenKind, OpenNode
from vnreport.tree.numbering import numbered_as, numbering_problem, ordinal, restarts_under
from vnreport.tree.stated import list_position, source_floor, stated_sibling

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

#: The rank of a form ("Mẫu số 01"): below an appendix (minus infinity), above every style the
#: body or the form itself uses, so that a form's "I." or "1." opens inside it, never around it.
_FORM_RANK = -1e9

#: Bullets that mark a sub-heading of its own rather than one entry of a list.
_SUMMARY_BULLETS = frozenset({MarkerStyle.STAR, MarkerStyle.BULLET})


class Placer:
    """The open nodes of one body, from the root down, and the ranks its heading styles took."""

    def __init__(self, match: Readable) -> None:
        self.match = match
        """The match text (markup blanked), where titles are read."""
        self.root = OpenNode(OpenKind.ROOT, 0, 0)
        self.stack: list[OpenNode] = [self.root]
        self.ranks: dict[str, float] = {}
        self.diagnostics: list[Diagnostic] = []
        self._stars_head_bullets = False
        """A starred sub-heading has had a bullet list under it: stars rank above bullets here."""
        self._last_article: Marker | None = None
        """The body's last "Điều N.": articles are counted through the chapters and sections."""

    def place(self, node: OpenNode) -> None:
        """Put ``node`` (a heading, run-in heading or item with its marker) on the stack."""
        if self._place_by_source_level(node) or self._place_by_list_depth(node):
            return
        if self._place_at(node, field_position(self.match, self.stack, node)):
            return
        # Below a node whose stated level is above this node's, the text decides; it never
        # closes that node (``floor``: the first stack position the text may close).
        floor = source_floor(self.stack, node.source_level)
        marker = node.marker
        assert marker is not None
        if marker.style in BULLET_STYLES and _heads_bullets(self.stack[-1], node):
            self.push(node)
        elif self._as_open_sibling(node, floor) or self._under_prefix(node, marker, floor):
            return
        elif marker.style in LIST_STYLES:
            self._place_list_entry(node, marker, floor)
        else:
            self._place_by_rank(node, marker, floor)

    def _as_open_sibling(self, node: OpenNode, floor: int) -> bool:
        """1. The same style is open: close down to it, become its sibling."""
        stack = self.stack
        for k in range(len(stack) - 1, floor - 1, -1):
            if stack[k].key == node.key:
                if k < len(stack) - 1 and restarts_under(stack[k], stack[-1], node):
                    return False
                self.check_numbering(stack[k - 1], node)
                del stack[k:]
                self.push(node)
                return True
        return False

    def _under_prefix(self, node: OpenNode, marker: Marker, floor: int) -> bool:
        """2. A decimal goes under the node numbered with its prefix ("2.1-" under "2-")."""
        if marker.style is not MarkerStyle.DECIMAL or not isinstance(marker.value, tuple):
            return False
        stack = self.stack
        prefix = marker.value[:-1]
        for k in range(len(stack) - 1, floor - 1, -1):
            open_marker = stack[k].marker
            if open_marker is not None and numbered_as(open_marker, prefix):
                del stack[k + 1 :]
                self.check_numbering(stack[k], node)
                self.push(node)
                return True
        return False

    def _place_list_entry(self, node: OpenNode, marker: Marker, floor: int) -> None:
        """3. Lists nest under whatever they follow, once the entries they end are closed."""
        stack = self.stack
        style = marker.style
        if node.is_section and self._is_summary(node):
            self._close_to_chapter(floor)
        elif style is MarkerStyle.STAR and (node.is_section or self._stars_head_bullets):
            # "* Một số ý kiến …:" is a sub-heading: the bullet entries before it are done.
            # Where stars head dash lists, a starred paragraph ("* Có ý kiến tham gia …: Đề
            # nghị …") is one too, long as it may be, never an entry of the dashes above it.
            while len(stack) > floor and _is_bullet_entry(stack[-1]):
                stack.pop()
        elif (style is MarkerStyle.ORDINAL_WORD and marker.value == 1) or style is MarkerStyle.STAR:
            # A starred paragraph ("* Từ những bối cảnh đó, …" after "- Bên cạnh … thể thao,...")
            # sums up above the dashes: only a dash that leads in with ":" has it as its point.
            self.close_done_bullets()
        elif style is MarkerStyle.DASH:
            # The genre's bullets go "-" then "+": a dash never is a point of a "+" entry. After
            # the "+" points of "* Giải tán tổ chức đảng:", "- Việc chuyển sinh hoạt đảng …" is
            # one more point of the star (corpus 07), not a sub-point of the last "+".
            while len(stack) > floor and _is_plus(stack[-1]):
                stack.pop()
        self.check_numbering(stack[-1], node)
        self.push(node)

    def _place_by_rank(self, node: OpenNode, marker: Marker, floor: int) -> None:
        """4. Heading styles: by intrinsic order, else by the learned order of first appearance."""
        stack = self.stack
        key, style = node.key, marker.style
        rank = self.ranks.get(key)
        if rank is None:
            rank = self.ranks[key] = self._first_rank(key)
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
        self.check_numbering(stack[-1], node)
        self.push(node)

    def _place_by_source_level(self, node: OpenNode) -> bool:
        """Where the source states the node's level (h2, "Heading 2"), a node open at the same
        or a deeper stated level is done: the node becomes the sibling of the outermost one.
        Otherwise (no stated level, or none open at its depth) the text decides."""
        return self._place_at(node, stated_sibling(self.stack, node.source_level))

    def _place_by_list_depth(self, node: OpenNode) -> bool:
        """An entry of the source's own lists goes where its depth puts it among the entries
        open above it (:func:`~vnreport.tree.stated.list_position`); with none open, the text decides."""
        return self._place_at(node, list_position(self.stack, node.list_depth))

    def _place_at(self, node: OpenNode, k: int | None) -> bool:
        """Put ``node`` at stack position ``k`` (what is open there closes); False for None."""
        if k is None:
            return False
        self.check_numbering(self.stack[k - 1], node)
        del self.stack[k:]
        self.push(node)
        return True

    def _first_rank(self, key: str) -> float:
        """The rank of a style seen for the first time: below every style seen so far, unless
        the conventional order puts it above styles already ranked and the document has not
        shown the other order (ranks that disagree, or the new style opening inside a node of a
        conventionally deeper style, as a form's "I." inside its "03:")."""
        if key == MarkerStyle.APPENDIX.value:
            return float("-inf")  # back matter: above whatever the body used
        if key == MarkerStyle.FORM.value:
            return _FORM_RANK
        deepest = max((r for r in self.ranks.values() if r > _FORM_RANK), default=-1.0) + 1
        place = _CONVENTIONAL_ORDER.get(key)
        if place is None or any(_CONVENTIONAL_ORDER.get(o.key, -1) > place for o in self.stack):
            return deepest
        conventional = {k: r for k, r in self.ranks.items() if k in _CONVENTIONAL_ORDER}
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
        if style is MarkerStyle.PART or style is MarkerStyle.FORM:
            return True  # above every numbered heading and list, ranked or not ("(2)" notes)
        top_rank = self.ranks.get(top.key)
        return top_rank is not None and top_rank >= rank and top.key != key

    def _is_summary(self, node: OpenNode) -> bool:
        """A starred or bulleted sub-heading that sums up ("* Nguyên nhân …"); a dash line
        "- Nguyên nhân của hạn chế: …" is one comment in a list of them."""
        title, marker = node.title, node.marker
        if title is None or marker is None or marker.style not in _SUMMARY_BULLETS:
            return False
        return SUMMARY_HEADING.match(*window(self.match, title.start, title.end)) is not None

    def _close_to_chapter(self, floor: int = 1) -> None:
        """A summing-up sub-heading ("* Nguyên nhân …") closes the numbered sections it follows:
        it goes under the outermost open numbered heading (the chapter it sums up)."""
        stack = self.stack
        for k in range(floor, len(stack)):
            marker = stack[k].marker
            if stack[k].is_section and marker is not None and marker.style not in INTRINSIC_ORDER:
                if marker.style not in LIST_STYLES:
                    del stack[k + 1 :]
                return

    def close_to_back_matter(self) -> None:
        """What follows the signature inside a body (a form's notes "(1) Tên cơ quan …" under
        "Ghi chú:", an appendix) explains the whole document, never the last clause open above
        the signature: it opens under the body's form heading ("Mẫu số 02: …"), else at the top."""
        stack = self.stack
        keep = 1
        while keep < len(stack) and _is_back_matter_head(stack[keep]):
            keep += 1
        del stack[keep:]

    @staticmethod
    def _opens_list_under(top: OpenNode, marker: Marker) -> bool:
        """A numbered list that starts at one right under a bulleted sub-heading is its content
        ("* Nguyên nhân …" then "1. …", "2. …"), not a sibling of the heading's parent."""
        return top.is_section and not top.children and marker.value is not None and ordinal(marker.value) == 1

    def close_done_bullets(self, last: bool = False) -> None:
        """A fresh "Thứ nhất," / "Một là," list is no sub-list of a bullet entry that closed its
        own sentence ("- Thứ ba, năng lực … chưa đáp ứng." then a lead-in paragraph "… rút ra
        một số bài học kinh nghiệm:"): bullets are the innermost level of the genre; only a
        bullet whose own line ends in ":" heads such a list. With ``last``, the bullet's last
        paragraph is what must end in ":" (a table under "- Kết quả cụ thể như sau:")."""
        stack = self.stack
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

    def push(self, node: OpenNode) -> None:
        top = self.stack[-1]
        if top.is_section and top.marker is not None and top.marker.style is MarkerStyle.STAR and node.marker:
            self._stars_head_bullets = self._stars_head_bullets or node.marker.style in BULLET_STYLES
        top.children.append(node)
        self.stack.append(node)

    def check_numbering(self, parent: OpenNode, node: OpenNode) -> None:
        marker = node.marker
        if marker is None or marker.value is None:
            return
        if marker.style is MarkerStyle.ARTICLE:
            code, message = self._article_problem(marker)
        else:
            previous: Marker | None = None
            for sibling in reversed(parent.children):
                if sibling.marker is not None and sibling.key == node.key:
                    previous = sibling.marker
                    break
            code, message = numbering_problem(previous, marker)
        if code is not None:
            self.diagnostics.append(Diagnostic(code, message, marker.span))

    def _article_problem(self, marker: Marker) -> tuple[DiagnosticCode | None, str]:
        """An act numbers its articles through its chapters ("Chương II" opens at "Điều 8."); an
        act attached after the decision that issues it (a Quy chế) starts again at "Điều 1."."""
        previous, self._last_article = self._last_article, marker
        if previous is not None and ordinal(marker.value or 0) == 1:
            return None, ""
        return numbering_problem(previous, marker)


def _heads_bullets(top: OpenNode, node: OpenNode) -> bool:
    """Bullets right under a fresh heading of another style are its list ("(2) Chương trình
    Lễ ra mắt:" then "- Chào cờ …"), even when the same bullet is open above that heading."""
    return top.is_section and not top.children and top.marker is not None and top.key != node.key


def _is_bullet_entry(node: OpenNode) -> bool:
    return node.marker is not None and node.marker.style in BULLET_STYLES and not node.is_section


def _is_plus(node: OpenNode) -> bool:
    return node.marker is not None and node.marker.style is MarkerStyle.PLUS


def _is_back_matter_head(node: OpenNode) -> bool:
    """An open appendix or form heading, which what follows a form's signature stays under."""
    marker = node.marker
    return node.is_section and marker is not None and marker.style in (MarkerStyle.APPENDIX, MarkerStyle.FORM)

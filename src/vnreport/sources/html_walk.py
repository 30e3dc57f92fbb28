"""The walk of :mod:`vnreport.sources.html`: the surveyed tree of a page laid out as text.

Blocks end lines as a browser's ``innerText`` does, data tables become rows of tab-separated
cells, footnote anchors and bodies become "[n]" markers and "[n] body" lines, ``<ol>`` items get
their printed numbers; each choice is recorded as a hint for the pipeline. Kept apart from the
entry points so that each module holds one concern (the parse and its limits there, the layout
here); the module docstring of :mod:`vnreport.sources.html` says what is kept and how.
"""

from __future__ import annotations

from typing import Any

from vnreport.limits import CHECK_EVERY, check_time
from vnreport.sources._text import RecordedHints, TextBuilder
from vnreport.sources.html_content import (
    BLOCKS,
    FOOTNOTE_BACKLINK,
    FOOTNOTE_BODY_ID,
    FOOTNOTE_LINK,
    NUMBER_MARK,
    is_layout_table,
    row_cells,
    table_rows,
    tag_name,
)
from vnreport.sources.html_emphasis import NO_EMPHASIS, Alignment
from vnreport.sources.html_styles import AFTER, BEFORE, CAPITALS, list_number
from vnreport.sources.html_survey import Survey

_HEADING_LEVELS = {f"h{n}": n for n in range(1, 7)}


class Walker:
    """Lays out the main content of a surveyed page: text, hints and the map to the source."""

    def __init__(self, surveyed: Survey, main: Any = None) -> None:
        self.page = surveyed.page
        self.texts = surveyed.texts
        self.tails = surveyed.tails
        self.labels = surveyed.labels
        self.out = TextBuilder()
        self.recorded = RecordedHints()
        self._alignment = Alignment(main, surveyed.italic)
        self._styled = surveyed.styled
        self._keys = 0
        self._walked = 0
        self.in_cell = 0
        self.pre = 0
        self.lists = 0
        """How many lists (``<ol>``, ``<ul>``) the walk is inside."""

    # -- text ----------------------------------------------------------------------------------

    def _emit_text(self, el: Any) -> None:
        found = self.texts.get(el)
        if found is not None:
            self.out.text(found[0], found[1], found[2], preserve=bool(self.pre))

    def _emit_tail(self, el: Any) -> None:
        found = self.tails.get(el)
        if found is not None:
            self.out.text(found[0], found[1], found[2], preserve=bool(self.pre))

    def _chars(self, el: Any) -> list[tuple[str, int, int]]:
        """Every character of ``el``'s text content with its source offsets."""
        out: list[tuple[str, int, int]] = []
        self._collect_chars(el, out)
        return out

    def _collect_chars(self, el: Any, out: list[tuple[str, int, int]]) -> None:
        found = self.texts.get(el)
        if found is not None:
            out.extend(zip(found[0], found[1], found[2], strict=True))
        for child in el:
            self._collect_chars(child, out)
            found = self.tails.get(child)
            if found is not None:
                out.extend(zip(found[0], found[1], found[2], strict=True))

    def _key(self) -> int:
        self._keys += 1
        return self._keys

    def _block(self, count: int) -> None:
        if self.in_cell:
            self.out.space()
        else:
            self.out.block_break(count)

    # -- elements ------------------------------------------------------------------------------

    def children(self, el: Any) -> None:
        # The hottest loop of the reader: _emit_text and _emit_tail, inlined.
        text = self.out.text
        preserve = bool(self.pre)
        found = self.texts.get(el)
        if found is not None:
            text(found[0], found[1], found[2], preserve)
        tails = self.tails
        walk = self.walk
        for child in el:
            walk(child)
            found = tails.get(child)
            if found is not None:
                text(found[0], found[1], found[2], bool(self.pre))

    def walk(self, el: Any) -> None:
        self._walked += 1
        if not self._walked % CHECK_EVERY:
            check_time()  # a page of many thousand elements is walked between two stages' checks
        tag = el.tag
        if not isinstance(tag, str) or self.page.dropped(el):
            return
        tag = tag.lower()
        says = self._styled.get(el, 0) if self._styled else 0
        if says:
            self._styled_element(el, tag, says)
            return
        body = self._body_start(el, tag)
        self._element(el, tag)
        if body is not None:
            self._body_end(body)

    def _styled_element(self, el: Any, tag: str, says: int) -> None:
        """An element whose style breaks a page (at the next character) or shows capitals."""
        if says & BEFORE:
            self.recorded.page_breaks.append(self._mark_start())
        upper = self._mark_start() if says & CAPITALS else 0
        body = self._body_start(el, tag)
        self._element(el, tag)
        if body is not None:
            self._body_end(body)
        if upper:
            self.out.mark_end(("e", upper))
            self.recorded.upper.append(upper)
        if says & AFTER:
            self.recorded.page_breaks.append(self._mark_start())

    def _mark_start(self) -> int:
        """A new key, its start marked where the next character is written."""
        key = self._key()
        self.out.mark_start(("s", key))
        return key

    def _body_start(self, el: Any, tag: str) -> int | None:
        """Mark the start of a footnote body container (``<div id="ftn1">``, ``<li id="fn1">``)."""
        if self.in_cell or tag in ("a", "sup") or "id" not in el.attrib:
            return None
        if FOOTNOTE_BODY_ID.match(el.get("id") or "") is None:
            return None
        key = self._mark_start()
        return key

    def _body_end(self, key: int) -> None:
        self.out.mark_end(("e", key))
        self.recorded.bodies.append(key)

    def _element(self, el: Any, tag: str) -> None:
        if tag == "br":
            if self.in_cell:
                self.out.space()
            else:
                self.out.newline()
            return
        if tag == "a" and self._footnote_anchor(el):
            return
        if tag == "sup":
            if not self._footnote_sup(el):
                # Raised text that names no footnote body ("m<sup>2</sup>", a marker whose body
                # has no id): the sentences stage decides whether it cites a footnote.
                key = self._marker_start()
                self.children(el)
                self.out.mark_end(("e", key))
            return
        if tag == "table":
            if self.in_cell or is_layout_table(el):
                self._layout_table(el)
            else:
                self._data_table(el)
            return
        if tag in ("td", "th"):
            # Cells of layout tables, and stray cells outside any table: blocks.
            self._block(1)
            self.children(el)
            self._block(1)
            return
        if tag == "ol":
            self._ordered_list(el)
            return
        body_label = self._body_label(el) if "id" in el.attrib else None
        if tag in BLOCKS:
            self._block_element(el, tag, body_label)
            return
        if body_label is not None:
            self.out.synthetic(f"[{body_label}]")
            self.out.soft_space()
        self.children(el)

    def _block_element(self, el: Any, tag: str, body_label: str | None) -> None:
        count = 2 if tag == "p" else 1
        self._block(count)
        if tag == "pre":
            self.pre += 1
        level = 0 if self.in_cell else _HEADING_LEVELS.get(tag, 0)
        key = self._block_hints(el, level) if tag != "pre" else 0
        item = self._list_item_start() if tag == "li" and body_label is None else 0
        nests = 1 if tag == "ul" else 0
        self.lists += nests
        if body_label is not None:
            self.out.synthetic(f"[{body_label}]")
            self.out.soft_space()
        self.children(el)
        self.lists -= nests
        for mark in (item, key):
            if mark:
                self.out.mark_end(("e", mark))
        if tag == "pre":
            self.pre -= 1
        self._block(count)

    def _list_item_start(self) -> int:
        """Mark the start of an entry of a list the walk is in; its marks' key (0: none, in a
        table cell or outside any list)."""
        if self.in_cell or not self.lists:
            return 0
        key = self._mark_start()
        self.recorded.list_items.append((key, self.lists))
        return key

    def _block_hints(self, el: Any, level: int) -> int:
        """Mark a block stated a heading, wholly bold, centred or italic; its marks' key (0: none)."""
        found = NO_EMPHASIS if self.in_cell else self._alignment.emphasis(el)
        if not (level or found):
            return 0
        key = self._mark_start()
        self.recorded.block(key, level or None, found.bold, found.centred, found.italic)
        return key

    def _body_label(self, el: Any) -> str | None:
        """The label of a footnote body container whose text does not open with its own label."""
        ident = el.get("id")
        if not ident or tag_name(el) == "a":
            return None
        m = FOOTNOTE_BODY_ID.match(ident)
        if m is None:
            return None
        for a in el.iter("a"):
            if FOOTNOTE_BACKLINK.match(a.get("href") or "") and NUMBER_MARK.match("".join(a.itertext())):
                return None
            if FOOTNOTE_BODY_ID.match(a.get("name") or "") and NUMBER_MARK.match("".join(a.itertext())):
                return None
        return str(int(m.group("label")))

    def _footnote_anchor(self, el: Any) -> bool:
        href = el.get("href") or ""
        forward = FOOTNOTE_LINK.match(href)
        back = FOOTNOTE_BACKLINK.match(href) if forward is None else None
        if forward is None and back is None:
            return False
        m = forward or back
        assert m is not None
        label = str(int(m.group("label") or m.group("label2")))
        chars = [c for c in self._chars(el) if not c[0].isspace()]
        text = "".join(c[0] for c in chars)
        if not NUMBER_MARK.match(text):
            # "↩" back-links and symbol anchors: the label comes from the body container.
            if forward is not None:
                key = self._marker_start()
                self.out.synthetic(f"[{label}]")
                self.out.mark_end(("e", key))
            return True
        marker = self._marker_start() if forward is not None else None
        self._label(chars, label)
        if marker is not None:
            self.out.mark_end(("e", marker))
        if back is not None:
            self.out.soft_space()
        return True

    def _footnote_sup(self, el: Any) -> bool:
        if any(tag_name(a) == "a" and a.get("href") for a in el.iter()):
            return False
        chars = [c for c in self._chars(el) if not c[0].isspace()]
        m = NUMBER_MARK.match("".join(c[0] for c in chars))
        if m is None or str(int(m.group(1))) not in self.labels:
            return False
        key = self._marker_start()
        self._label(chars, str(int(m.group(1))))
        self.out.mark_end(("e", key))
        return True

    def _marker_start(self) -> int:
        key = self._mark_start()
        self.recorded.markers.append(key)
        return key

    def _label(self, chars: list[tuple[str, int, int]], label: str) -> None:
        """Write "[label]", using the source's own brackets and digits where it has them."""
        digits = [c for c in chars if c[0].isdigit()]
        first = digits[0][1] if digits else self.out.last_end
        if chars and chars[0][0] == "[":
            self.out.text("[", [chars[0][1]], [chars[0][2]], preserve=True)
        else:
            self.out.synthetic("[", first)
        if digits:
            self.out.text("".join(c[0] for c in digits), [c[1] for c in digits], [c[2] for c in digits], preserve=True)
        else:
            self.out.synthetic(label)
        if chars and chars[-1][0] == "]":
            self.out.text("]", [chars[-1][1]], [chars[-1][2]], preserve=True)
        else:
            self.out.synthetic("]")

    def _ordered_list(self, el: Any) -> None:
        kind = el.get("type") or "1"  # list_number writes any other type as decimal
        try:
            number = int(el.get("start") or "1")
        except ValueError:
            number = 1
        self._block(1)
        self._emit_text(el)
        self.lists += 1
        for child in el:
            if tag_name(child) == "li" and not self.page.dropped(child):
                self._block(1)
                body = self._body_start(child, "li")
                value = child.get("value") or ""
                number = int(value) if value.isdigit() else number
                label = self._body_label(child)
                item = 0
                if label is not None:
                    self.out.synthetic(f"[{label}]")
                    self.out.soft_space()
                else:
                    item = self._list_item_start()
                    self.out.synthetic(f"{list_number(number, kind)}. ")
                number += 1
                self.children(child)
                if item:
                    self.out.mark_end(("e", item))
                if body is not None:
                    self._body_end(body)
                self._block(1)
            else:
                self.walk(child)
            self._emit_tail(child)
        self.lists -= 1
        self._block(1)

    def _layout_table(self, el: Any) -> None:
        self._block(1)
        for row in table_rows(el):
            for cell in row_cells(row):
                self._block(1)
                self.children(cell)
                self._block(1)
        self._block(1)

    def _data_table(self, el: Any) -> None:
        out = self.out
        self.in_cell += 1
        table_key, rows = out.table((row_cells(row) for row in table_rows(el)), self._key, self.children)
        self.in_cell -= 1
        self.recorded.tables.append((table_key, rows))

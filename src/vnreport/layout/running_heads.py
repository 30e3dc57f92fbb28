"""Running headers, footers, watermarks and the cover page of a PDF extraction.

A line repeated at the same page edge on many pages is a running header or footer (a watermark
when its words say so); a long line repeated anywhere on half the pages is a watermark drawn
across the page; a first page of a few short title lines whose header comes again later is a
cover.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Generic, TypeVar

import attrs

from vnreport.layout.page_text import PageText
from vnreport.model import FurnitureKind
from vnreport.rules.pages import RUNNING_LINE_DIGITS, WATERMARK_WORDS

#: A running header, footer or watermark repeats on at least this share of the pages (and 3).
RUNNING_SHARE = 0.5
#: A watermark repeated anywhere on the page is a sentence, not a table cell.
MIN_WATERMARK_CHARS = 25
#: A cover page holds only a few short title lines.
MAX_COVER_LINES = 15
MAX_COVER_LINE_CHARS = 80

_K = TypeVar("_K")


@attrs.define
class _Repeats(Generic[_K]):
    """Lines seen under one key: on which pages, and at which positions."""

    pages: dict[_K, set[int]] = attrs.Factory(dict)
    where: dict[_K, list[int]] = attrs.Factory(dict)

    def add(self, key: _K, page: int, pos: int) -> None:
        self.pages.setdefault(key, set()).add(page)
        self.where.setdefault(key, []).append(pos)


def _key(page: PageText, pos: int) -> str:
    return " ".join(RUNNING_LINE_DIGITS.sub("#", page.strs[pos]).casefold().split())


def running_lines(page: PageText) -> None:
    """Lines repeated at the same page edge on many pages; long lines repeated anywhere."""
    pages = len(page.pages)
    if pages < 3:
        return
    need = max(3, int(pages * RUNNING_SHARE + 0.999))
    at_edges = _lines_at_edges(page)
    # A watermark drawn across the page lands anywhere in the flow, always the same text.
    half = max(need, (pages + 1) // 2)
    # Gathered before the edge lines are claimed, so that those count towards a watermark's pages.
    anywhere = _long_lines(page, half)
    _mark_edge_lines(page, at_edges, need)
    for raw, seen in anywhere.pages.items():
        if len(seen) >= half:
            _claim(page, anywhere.where[raw], FurnitureKind.WATERMARK)


def _is_row(page: PageText, pos: int) -> bool:
    """A line of cells separated by tabs is a row of a table the source states (a PDF's ruled
    table): a header row repeated at every page's top is the table's, not a running header."""
    return "\t" in page.strs[pos]


def _lines_at_edges(page: PageText) -> _Repeats[tuple[str, bool]]:
    """The lines at each page's top and bottom edges, by their digit-blind key and edge."""
    out: _Repeats[tuple[str, bool]] = _Repeats()
    for k, (start, end) in enumerate(page.pages):
        for side in (True, False):
            for pos in page.edge(start, end, side):
                if not _is_row(page, pos):
                    out.add((_key(page, pos), side), k, pos)
    return out


def _long_lines(page: PageText, half: int) -> _Repeats[str]:
    """Lines long enough to be a watermark's sentence, anywhere on each page, by their text:
    those whose hash is seen on ``half`` of the pages or more. A first pass counts the pages of
    each hash, so that the text of every long line (most of the text) is not held as a key."""
    last: dict[int, int] = {}
    count: dict[int, int] = {}
    for k, _, raw in _long_line_texts(page):
        h = hash(raw)
        if last.get(h) != k:  # pages come in order: a new page for this hash
            last[h] = k
            count[h] = count.get(h, 0) + 1
    common = {h for h, n in count.items() if n >= half}
    del last, count
    out: _Repeats[str] = _Repeats()
    if common:
        for k, pos, raw in _long_line_texts(page):
            if hash(raw) in common:
                out.add(raw, k, pos)
    return out


def _long_line_texts(page: PageText) -> Iterator[tuple[int, int, str]]:
    """``(page, position, text)`` of each long line not yet claimed, in page order."""
    for k, (start, end) in enumerate(page.pages):
        for pos in range(start, end):
            if page.strs.length(pos) >= MIN_WATERMARK_CHARS and pos not in page.skip and not _is_row(page, pos):
                yield k, pos, page.strs[pos]


def _mark_edge_lines(page: PageText, at_edges: _Repeats[tuple[str, bool]], need: int) -> None:
    for (key, side), seen in at_edges.pages.items():
        if len(seen) < need or not any(ch.isalpha() for ch in key):
            continue
        if WATERMARK_WORDS.search(key):
            kind = FurnitureKind.WATERMARK
        else:
            kind = FurnitureKind.RUNNING_HEADER if side else FurnitureKind.RUNNING_FOOTER
        _claim(page, at_edges.where[(key, side)], kind)


def _claim(page: PageText, positions: list[int], kind: FurnitureKind) -> None:
    for pos in positions:
        if pos not in page.skip:
            page.add_furniture(pos, kind)


def cover_page(page: PageText) -> None:
    """A first page of a few short title lines whose header comes again on a later page."""
    if len(page.pages) < 3:
        return
    start, end = page.pages[0]
    body = [i for i in range(start, end) if not page.blanks[i] and i not in page.skip]
    if not body or len(body) > MAX_COVER_LINES:
        return
    for i in body:
        content = page.strs[i]
        if len(content) > MAX_COVER_LINE_CHARS or content.endswith((".", ";", ":")):
            return
    keys = {_key(page, i) for i in body if len(page.lines[i].line.content) >= 10}
    later: set[str] = set()
    for s, e in page.pages[1:3]:
        for i in range(s, min(e, s + 40)):
            if not page.blanks[i]:
                later.add(_key(page, i))
    if keys & later:
        for i in body:
            page.add_furniture(i, FurnitureKind.COVER)

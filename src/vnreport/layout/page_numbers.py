"""Page numbers and page breaks: where the pages of a PDF extraction start and end.

With form feeds (pdftotext's page ends) the pages are given, and a lone number at a page edge
whose value follows the page index is its printed number. Without them, lone numbers that count
up one by one, far apart, are the printed numbers and cut the pages.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from vnreport.layout.page_text import PageText
from vnreport.lines.classify import ClassifiedLine, Role
from vnreport.model import Diagnostic, DiagnosticCode, Furniture, FurnitureKind, Span
from vnreport.rules.pages import PAGE_NUMBER

#: Without form feeds, page-number lines are at least this many lines apart (a printed page).
MIN_PAGE_LINES = 15
#: A line longer than this is not a lone page number (only its decoration could make it so).
MAX_NUMBER_LINE = 20


def page_number(content: str, *, with_total: bool) -> int | None:
    """The value of a printed page number alone on its line ("7", "- 7 -", "Trang 7"), or None.

    ``with_total`` also takes a page of pages ("7/45"): only where a sequence of page numbers
    confirms it; at the top of a document alone, "10/2025" is a month.
    """
    m = PAGE_NUMBER.fullmatch(content)
    if m is None or (not with_total and m.group("total") is not None):
        return None
    return int(m.group("n"))


def any_page_number(text: str, lines: Sequence[ClassifiedLine]) -> bool:
    """Cheap gate for text without form feeds: is any line a lone page number at all?"""
    for cl in lines:
        start, end = cl.content_start, cl.content_end
        short = 0 < end - start <= MAX_NUMBER_LINE
        if short and text[end - 1].isdigit() and page_number(text[start:end], with_total=True) is not None:
            return True
    return False


def only_numbers(page: PageText) -> bool:
    """A text of nothing but page numbers (and blank lines): all furniture, and say so."""
    numbers: list[int] = []
    for i, content in enumerate(page.strs):
        if page.blanks[i]:
            continue
        if len(content) > MAX_NUMBER_LINE or page_number(content, with_total=True) is None:
            return False
        numbers.append(i)
    if not numbers:
        return False
    form_feed_furniture(page)
    for i in numbers:
        page.add_furniture(i, FurnitureKind.PAGE_NUMBER)
    page.diagnostics.append(
        Diagnostic(
            DiagnosticCode.ONLY_PAGE_NUMBERS,
            f"the text is nothing but {len(numbers)} page number(s)",
            Span(0, len(page.text)),
        )
    )
    return True


def form_feed_furniture(page: PageText) -> list[int]:
    """Every form feed as furniture; their offsets."""
    offsets: list[int] = []
    text = page.text
    at = text.find("\f")
    while at >= 0:
        offsets.append(at)
        page.furniture.append(Furniture(FurnitureKind.FORM_FEED, Span(at, at + 1), "\f"))
        at = text.find("\f", at + 1)
    return offsets


def pages_from_form_feeds(page: PageText) -> None:
    """A form feed before a line's text starts a page at that line; after it, at the next."""
    offsets = form_feed_furniture(page)
    lines = page.lines
    starts = [0]
    k = 0
    n = len(lines)
    for i in range(n):
        line = lines[i].line
        while k < len(offsets) and offsets[k] < line.end:
            off = offsets[k]
            k += 1
            if off < line.start:
                continue
            # pdftotext puts the form feed before the next page's first line ("\f7").
            page_start = i if lines[i].role is Role.BLANK or off < line.content_start else i + 1
            if page_start > starts[-1] and page_start < n:
                starts.append(page_start)
    # The form feed that ends the last page leaves an empty "page" behind: not a page.
    while len(starts) > 1 and all(page.blanks[i] for i in range(starts[-1], n)):
        starts.pop()
    starts.append(n)
    page.pages = [(starts[j], starts[j + 1]) for j in range(len(starts) - 1)]


def _number_at(page: PageText, pos: int) -> int | None:
    content = page.strs[pos]
    if not 0 < len(content) <= MAX_NUMBER_LINE or content[-1] not in "0123456789-–—":
        return None
    return page_number(content, with_total=True)


def page_numbers_at_edges(page: PageText) -> None:
    """Lone numbers at page tops (or bottoms) whose value follows the page index."""
    tops, bottoms = _numbers_at_edges(page)
    top_offsets = Counter(offset for _, offset in tops)
    bottom_offsets = Counter(offset for _, offset in bottoms)
    top_best = max(top_offsets.values(), default=0)
    bottom_best = max(bottom_offsets.values(), default=0)
    # A page has one printed number: the edge whose sequence is better supported wins, and
    # the other edge only counts when it carries a full sequence of its own (a footnote
    # label printed last looks like a bottom page number on a page or two, never on half).
    _mark_sequence(page, tops, top_offsets, preferred=top_best >= bottom_best)
    _mark_sequence(page, bottoms, bottom_offsets, preferred=bottom_best > top_best)


def _numbers_at_edges(page: PageText) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Lone numbers first and last on each page: (position, value minus page index) each."""
    tops: list[tuple[int, int]] = []
    bottoms: list[tuple[int, int]] = []
    for k, (start, end) in enumerate(page.pages):
        first = page.edge(start, end, True)
        last = page.edge(start, end, False)
        if first:
            _add_number(page, tops, k, first[0])
        if last and (not first or last[0] != first[0]):
            _add_number(page, bottoms, k, last[0])
    return tops, bottoms


def _add_number(page: PageText, found: list[tuple[int, int]], k: int, pos: int) -> None:
    value = _number_at(page, pos)
    if value is not None:
        found.append((pos, value - k))


def _mark_sequence(page: PageText, found: list[tuple[int, int]], offsets: Counter[int], preferred: bool) -> None:
    """The numbers of ``found`` whose offset from the page index enough pages share."""
    pages = len(page.pages)
    need = max(2, int(pages * 0.25)) if preferred else max(3, (pages + 1) // 2)
    good = {off for off, count in offsets.items() if count >= need or (preferred and count >= 3)}
    for pos, offset in found:
        if offset in good:
            page.add_furniture(pos, FurnitureKind.PAGE_NUMBER)


def _set_apart(page: PageText, i: int) -> bool:
    """A printed page number has a blank line next to it (a table's row number does not)."""
    blanks = page.blanks
    return (i == 0 or blanks[i - 1]) or (i + 1 == len(blanks) or blanks[i + 1])


def pages_from_page_numbers(page: PageText) -> None:
    """No form feeds: page-number lines that count up one by one, far apart, cut the pages."""
    chain = _page_number_chain(page)
    if not chain:
        return
    for pos in chain:
        page.add_furniture(pos, FurnitureKind.PAGE_NUMBER)
    cuts = [0, *chain, len(page.lines)]
    pages: list[tuple[int, int]] = []
    for j in range(len(cuts) - 1):
        start = cuts[j] + (1 if j > 0 else 0)
        end = cuts[j + 1]
        if not all(page.blanks[start:end]):
            pages.append((start, end))
    page.pages = pages


def _page_number_chain(page: PageText) -> list[int]:
    """Positions of the longest run (3 or more) of lone numbers counting up, far apart."""
    best_chain: dict[int, tuple[int, int, int | None]] = {}  # value -> (length, pos, prev pos)
    entry: tuple[int, int, int | None]
    prev_of: dict[int, int | None] = {}
    best_end: tuple[int, int] | None = None  # (length, pos)
    for i, cl in enumerate(page.lines):
        if cl.role is not Role.TEXT:
            continue
        v = _number_at(page, i)
        if v is None or not _set_apart(page, i):
            continue
        before = best_chain.get(v - 1)
        if before is not None and i - before[1] >= MIN_PAGE_LINES:
            entry = (before[0] + 1, i, before[1])
        else:
            entry = (1, i, None)
        current = best_chain.get(v)
        if current is None or entry[0] >= current[0]:
            best_chain[v] = entry
        prev_of[i] = entry[2]
        if best_end is None or entry[0] > best_end[0]:
            best_end = (entry[0], i)
    if best_end is None or best_end[0] < 3:
        return []
    chain: list[int] = []
    pos: int | None = best_end[1]
    while pos is not None:
        chain.append(pos)
        pos = prev_of.get(pos)
    chain.reverse()
    return chain

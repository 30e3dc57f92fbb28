"""Text blocks side by side on a page, read one block after the other as the page reads.

:mod:`vnreport.sources.pdf_lines` rebuilds a page's lines top to bottom; where two blocks stand
side by side, top to bottom interleaves them. Two cases of the genre, both read here from the
glyphs' places and sizes alone:

* **A change of size across a gap.** Text set in another size after a gap wider than a word
  space is another block, even where the two share a baseline: in 09 the signer's post "PHÓ"
  (14 pt bold) is set on the line of the recipient "- Ban Bí thư (để báo cáo)," (12 pt), a
  line-height apart; read as one line, the recipient gains "PHÓ" and the signature loses it.
* **The closing block.** Recipients ("Nơi nhận:" and its list) at the left, the signature
  (authority, post, name) at the right, each wrapped on its own lines: the right column starts
  where no line of the left one reaches. The block runs from the first line after the body's
  last line across that edge to the right column's last line; its left column is read first,
  as ``pdftotext`` reads it, so that the recipients and the signature come out whole (06: six
  recipients, not four with the seal's OCR noise glued to one).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from vnreport.rules.furniture import CLOSING_START

#: A gap this many line heights wide, with a change of size across it, separates two blocks…
SIZE_GAP = 1.0
#: …when the glyph heights either side differ by this share of the larger one.
SIZE_CHANGE = 0.1
#: A right column has at least this many lines (a lone right-aligned line is not a column).
RIGHT_LINES = 2

Box = tuple[float, float, float, float]


def size_splits(boxes: Sequence[Box], wide: Sequence[int]) -> list[int]:
    """Where a line's glyphs (``boxes``, in order) break into blocks of different size: the
    indexes, among those that open a gap of :data:`SIZE_GAP` line heights (``wide``, found by
    the line builder), that open a new block."""
    bounds = [0, *wide, len(boxes)]
    sizes = [_size(boxes[a:b]) for a, b in pairwise(bounds)]
    return [
        bounds[k + 1]
        for k in range(len(sizes) - 1)
        if abs(sizes[k] - sizes[k + 1]) > SIZE_CHANGE * max(sizes[k : k + 2])
    ]


def _size(boxes: Sequence[Box]) -> float:
    """The glyph height of ``boxes`` that a quarter of them stay under: PDFium's loose boxes
    are the font's full height, taller only over accented capitals ("Ó", "Ầ") and lower only
    for a raised digit, neither of which is most glyphs."""
    heights = sorted(box[3] - box[1] for box in boxes)
    return heights[len(heights) // 4] if heights else 0.0


def closing_columns(boxes: Sequence[Box], texts: Sequence[str]) -> list[int]:
    """The reading order (indexes into the page's lines, given top to bottom by their boxes and
    texts) with a closing block's left column read before its right one; the order unchanged
    where the page has none. A block of two columns is a closing block when one of them opens
    it as the genre does ("Nơi nhận:" at the left, "T/M …", "K/T …" at the right): a table's
    columns stand apart the same way and are read row by row."""
    order = list(range(len(boxes)))
    if not boxes:
        return order
    right = _right_column(boxes)
    if len(right) < RIGHT_LINES:
        return order
    edge = min(boxes[k][0] for k in right)
    first, last = right[0], right[-1]
    start = first
    while start > 0 and boxes[start - 1][2] < edge:
        start -= 1
    if any(boxes[k][2] >= edge and boxes[k][0] < edge for k in range(start, last + 1)):
        return order  # a line across the edge inside the block: not two columns
    left = [k for k in range(start, last + 1) if boxes[k][0] < edge]
    if not left or not any(CLOSING_START.match(texts[k]) for k in (left[0], first)):
        return order
    columns = [*left, *(k for k in range(start, last + 1) if boxes[k][0] >= edge)]
    return [*order[:start], *columns, *order[last + 1 :]]


def _right_column(boxes: Sequence[Box]) -> list[int]:
    """The last run of lines set right of the page's middle after the last line across it,
    ignoring the short left lines among them (the recipients beside them)."""
    page_left = min(box[0] for box in boxes)
    page_right = max(box[2] for box in boxes)
    middle = (page_left + page_right) / 2
    right = [k for k, box in enumerate(boxes) if box[0] > middle]
    if not right:
        return []
    # The right column's lines after the body's last line across the page's middle.
    across = [k for k, box in enumerate(boxes) if box[0] <= middle < box[2] and k < right[-1]]
    floor = across[-1] if across else -1
    return [k for k in right if k > floor]

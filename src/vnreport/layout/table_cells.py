"""What every table reader shares: the table block found, and how a cell's text is read."""

from __future__ import annotations

from attrs import frozen

from vnreport.hints import TableHint
from vnreport.lines.classify import ClassifiedLine
from vnreport.model import Span
from vnreport.text.folds import fold_key

KIND_MARKDOWN = "markdown"
KIND_FLATTENED = "flattened"
KIND_ALIGNED = "aligned"
KIND_SOURCE = "source"
"""A table the source marks up as one (HTML ``<table>``, Word ``w:tbl``): its cells are known."""

#: Only lines up to this length are matched against cell patterns (a 2 MB line never is).
MAX_PATTERN_LINE = 200


@frozen
class TableBlock:
    """A table found among the lines: where it is and its cells, before it becomes a model node."""

    start: int
    """First position (in the lines given to :func:`~vnreport.layout.tables.find_tables`) of the table."""
    end: int
    """Position just past the table's last line."""
    rows: tuple[tuple[Span, ...], ...]
    """Cell spans per row, trimmed; a cell may cover several lines (wrapped text)."""
    kind: str
    """``"markdown"``, ``"flattened"``, ``"aligned"`` or ``"source"``."""
    layout: bool = False
    """A pipe table that only lays out furniture (issuer | motto, "Nơi nhận" | signature)."""
    source: TableHint | None = None
    """The table as the source states it (``"source"`` tables): its own table and row spans."""


def line_text(text: str, cl: ClassifiedLine) -> str:
    return text[cl.content_start : cl.content_end]


def trim(text: str, start: int, end: int) -> Span:
    """The span of ``text[start:end]`` without surrounding whitespace; empty at ``start`` if blank."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def fold_cell(s: str) -> str:
    """Lower case without diacritics ("Tỷ lệ"/"Tỉ lệ", "hoá"/"hóa" meet the same pattern), and
    without the bold, rule and colon marks around a cell ("**TT**", "----Cơ quan chủ trì")."""
    # Lower case first: the marks are stripped from the case-folded cell, as the patterns see it.
    return fold_key(s.casefold().strip(" *_-:\u00a0"))

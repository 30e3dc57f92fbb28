"""Document furniture: where the header block ends and the closing matter begins.

The header (issuing body, "Số …", place and date, title, draft mark) and the closing matter
("Nơi nhận:", the signature) are kept out of the body tree as :class:`Furniture` blocks.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from .classify import ClassifiedLine, Role, is_upper_title
from .model import Diagnostic, Furniture, MarkerStyle, Metadata, Span
from .patterns import RECIPIENTS_LABEL, SIGNATURE_AUTHORITY

#: Styles that open the body when they appear: a header never contains them.
_BODY_OPENERS = frozenset(
    {MarkerStyle.PART, MarkerStyle.CHAPTER, MarkerStyle.ARTICLE, MarkerStyle.ROMAN, MarkerStyle.ARABIC}
)


@frozen
class FurnitureResult:
    metadata: Metadata
    furniture: tuple[Furniture, ...]
    body_start: int
    """Position (in the classified lines) of the first body line."""
    body_end: int
    """Position just past the last body line: the closing matter or the footnote block starts here."""
    skip: frozenset[int] = frozenset()
    """Positions inside the body that are furniture (page numbers, running headers)."""
    diagnostics: tuple[Diagnostic, ...] = ()


def read_furniture(text: str, lines: Sequence[ClassifiedLine], limit: int) -> FurnitureResult:
    """Find the header and closing matter among ``lines[:limit]`` (the footnote block starts at ``limit``)."""
    body_start = _header_end(text, lines, limit)
    body_end = _closing_start(text, lines, body_start, limit)
    furniture: list[Furniture] = []
    for i in list(range(0, body_start)) + list(range(body_end, limit)):
        cl = lines[i]
        if cl.role is Role.BLANK:
            continue
        span = cl.line.content
        kind = "header" if i < body_start else "closing"
        furniture.append(Furniture(kind, span, text[span.start : span.end]))
    return FurnitureResult(Metadata(), tuple(furniture), body_start, body_end)


def _header_end(text: str, lines: Sequence[ClassifiedLine], limit: int) -> int:
    for i in range(limit):
        cl = lines[i]
        if cl.role in (Role.BLANK, Role.RULE):
            continue
        if cl.marker is not None and cl.marker.style in _BODY_OPENERS:
            return i
        content = text[cl.line.content.start : cl.line.content.end]
        if cl.role is Role.TEXT and _is_prose(content):
            return i
    return 0


def _is_prose(content: str) -> bool:
    if is_upper_title(content):
        return False
    if content.startswith("(") and content.endswith(")"):
        return False
    return len(content) > 150 or (content.endswith((".", ":", ";")) and len(content) > 60)


def _closing_start(text: str, lines: Sequence[ClassifiedLine], start: int, limit: int) -> int:
    for i in range(start, limit):
        content = lines[i].line.content
        if lines[i].role is Role.BLANK:
            continue
        if RECIPIENTS_LABEL.match(text, content.start, content.end) or SIGNATURE_AUTHORITY.match(
            text, content.start, content.end
        ):
            return i
    return limit


def span_of(lines: Sequence[ClassifiedLine], start: int, end: int) -> Span:
    return Span(lines[start].line.span.start, lines[max(start, end - 1)].line.span.end)

"""The span: half-open ``[start, end)`` offsets into the one document text.

Spans are the most numerous object of a parse (every node, marker, sentence, figure, footnote
reference and piece of furniture has one): as an attrs class each held two boxed integers
beside itself, 120 bytes a span. Compiled (``vnreport._compiled``), this class keeps its two
integers unboxed in the object, 56 bytes a span; it stays a frozen value, equal and hashed by
its offsets, printed and pickled as before.
"""

from __future__ import annotations

from typing import Final


class Span:
    """Half-open ``[start, end)`` code-point offsets into :attr:`Document.text`."""

    __slots__ = ("end", "start")

    start: Final[int]
    end: Final[int]

    def __init__(self, start: int, end: int) -> None:
        # One check instead of two validators: spans are the most created object.
        if not 0 <= start <= end:
            raise ValueError(f"invalid span [{start}, {end}): need 0 <= start <= end")
        self.start = start
        self.end = end

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def slice(self, text: str) -> str:
        return text[self.start : self.end]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Span):
            return NotImplemented
        return self.start == other.start and self.end == other.end

    def __ne__(self, other: object) -> bool:
        if not isinstance(other, Span):
            return NotImplemented
        return self.start != other.start or self.end != other.end

    def __hash__(self) -> int:
        return hash((self.start, self.end))

    def __repr__(self) -> str:
        return f"Span(start={self.start!r}, end={self.end!r})"

    def __reduce__(self) -> tuple[type[Span], tuple[int, int]]:
        return (Span, (self.start, self.end))

"""Offset maps: from positions in the normalized text back to the raw input.

Every normalization step returns the new text *and* an :class:`OffsetMap`; maps compose, so a
span in :attr:`Document.text` can always be reported in raw offsets (characters of the decoded
input, bytes of the original file, or positions in an HTML source).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from itertools import accumulate

from attrs import frozen

from vnreport.model import Span


@frozen
class OffsetMap:
    """``starts[i]`` is the raw offset where normalized character ``i`` came from.

    ``starts`` has ``len(text) + 1`` entries; the last is the raw length, so a half-open span
    ``[s, e)`` maps to ``[starts[s], starts[e])``. Characters produced from one raw run (an
    NFC composition, a CRLF) share the run's start.
    """

    starts: Sequence[int]

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls(_IdentityStarts(length))

    @property
    def is_identity(self) -> bool:
        return isinstance(self.starts, _IdentityStarts)

    def __len__(self) -> int:
        return len(self.starts) - 1

    def to_raw(self, offset: int) -> int:
        return self.starts[max(0, min(offset, len(self.starts) - 1))]

    def map_span(self, span: Span) -> Span:
        start = self.to_raw(span.start)
        return Span(start, max(start, self.to_raw(span.end)))

    def then(self, outer: OffsetMap) -> OffsetMap:
        """Compose: ``self`` maps text→mid, ``outer`` maps mid→raw; the result maps text→raw."""
        if self.is_identity:
            return outer
        if outer.is_identity:
            return self
        starts = array("q", (outer.to_raw(s) for s in self.starts))
        return OffsetMap(starts)


class _IdentityStarts(Sequence[int]):
    """A constant-memory stand-in for ``range(length + 1)``."""

    __slots__ = ("_length",)

    def __init__(self, length: int) -> None:
        self._length = length

    def __len__(self) -> int:
        return self._length + 1

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        if isinstance(index, slice):
            return range(self._length + 1)[index]
        if index < 0:
            index += self._length + 1
        if not 0 <= index <= self._length:
            raise IndexError(index)
        return index

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _IdentityStarts) and other._length == self._length

    def __hash__(self) -> int:
        return hash(("identity", self._length))


def byte_offsets(text: str, encoding: str) -> OffsetMap:
    """Map character offsets of ``text`` to byte offsets of ``text.encode(encoding)``."""
    codec = encoding.replace("-", "").replace("_", "").lower()
    if text.isascii() and codec in {"utf8", "utf8sig", "ascii", "cp1258"}:
        return OffsetMap.identity(len(text))
    if codec in {"utf8", "utf8sig"}:
        widths: Iterable[int] = (1 if c < 0x80 else 2 if c < 0x800 else 3 if c < 0x10000 else 4 for c in map(ord, text))
    elif codec in {"utf16le", "utf16be", "utf16"}:
        widths = (2 if c < 0x10000 else 4 for c in map(ord, text))
    elif codec in {"utf32le", "utf32be", "utf32"}:
        widths = (4 for _ in text)
    else:
        widths = (len(ch.encode(encoding, errors="replace")) for ch in text)
    return OffsetMap(array("q", accumulate(widths, initial=0)))

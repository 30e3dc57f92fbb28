"""Offset maps: from positions in the normalized text back to the raw input.

Every normalization step returns the new text *and* an :class:`OffsetMap`; maps compose, so a
span in :attr:`Document.text` can always be reported in raw offsets (characters of the decoded
input, bytes of the original file, or positions in an HTML source).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
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


class RunStarts(Sequence[int]):
    """``starts`` as runs, for a text that is its raw input with a few places changed (CR LF read
    as LF, NFD pieces composed): a megabyte of text costs a few entries per changed place instead
    of eight bytes per character (the array it replaces was the parse's largest allocation).

    Run ``k`` begins at text offset ``at[k]`` and raw offset ``raw[k]``; in a *literal* run each
    character is one raw character on, in any other all its characters share the run's start.
    """

    __slots__ = ("_at", "_length", "_literal", "_raw", "_raw_length")

    def __init__(self) -> None:
        self._at = array("q")
        self._raw = array("q")
        self._literal = bytearray()
        self._length = 0
        self._raw_length = 0

    def add(self, raw_start: int, length: int, literal: bool) -> None:
        """Append ``length`` text characters read from ``raw_start`` on (literal) or all from it."""
        if length <= 0:
            return
        k = len(self._at) - 1
        if literal and k >= 0 and self._literal[k] and self._raw[k] + self._length - self._at[k] == raw_start:
            self._length += length  # continues the last literal run
            return
        self._at.append(self._length)
        self._raw.append(raw_start)
        self._literal.append(literal)
        self._length += length

    def close(self, raw_length: int) -> RunStarts:
        self._raw_length = raw_length
        return self

    def __len__(self) -> int:
        return self._length + 1

    def _one(self, index: int) -> int:
        if index == self._length:
            return self._raw_length
        k = bisect_right(self._at, index) - 1
        return self._raw[k] + (index - self._at[k] if self._literal[k] else 0)

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        if isinstance(index, slice):
            return [self._one(i) for i in range(*index.indices(self._length + 1))]
        if index < 0:
            index += self._length + 1
        if not 0 <= index <= self._length:
            raise IndexError(index)
        return self._one(index)

    def bisect_left(self, value: int) -> int:
        """``bisect.bisect_left(self, value)`` from the runs: the first text offset whose raw
        offset is ``value`` or more, without a look at every character (a raw offset mapped
        into the text per line of a PDF made a bisection over this sequence the slow part)."""
        at, raw, literal = self._at, self._raw, self._literal
        k = bisect_left(raw, value)  # the runs start in raw order
        if k > 0 and literal[k - 1]:
            i = at[k - 1] + (value - raw[k - 1])
            if i < (at[k] if k < len(at) else self._length):
                return i
        if k < len(at):
            return at[k]
        return self._length if self._raw_length >= value else self._length + 1

    def runs(self) -> Iterator[tuple[int, int, int, int, bool]]:
        """``(text_start, text_end, raw_start, raw_end, literal)`` of each run, in order; a
        run's raw input ends where the next run's starts (the last one's at the raw length)."""
        at, raw, literal = self._at, self._raw, self._literal
        for k in range(len(at)):
            last = k + 1 == len(at)
            text_end = self._length if last else at[k + 1]
            yield at[k], text_end, raw[k], self._raw_length if last else raw[k + 1], bool(literal[k])

    def __iter__(self) -> Iterator[int]:
        at, raw, literal = self._at, self._raw, self._literal
        for k in range(len(at)):
            stop = at[k + 1] if k + 1 < len(at) else self._length
            if literal[k]:
                yield from range(raw[k], raw[k] + stop - at[k])
            else:
                yield from (raw[k] for _ in range(stop - at[k]))
        yield self._raw_length


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


def first_at_or_after(starts: Sequence[int], value: int) -> int:
    """``bisect.bisect_left(starts, value)`` for an offset map's ``starts``: the text offset a
    raw offset ``value`` falls at (runs are searched as runs)."""
    if isinstance(starts, RunStarts):
        return starts.bisect_left(value)
    return bisect_left(starts, value)

"""The match text read through the document text and the few spans it blanks.

The match text (:mod:`vnreport.lines.markup`) is the document text with its markup made spaces:
on a Markdown crawl a whole second copy of the text (1.5 times a Vietnamese input's UTF-8 size)
that differs from it in a few places. The trees, the parse's peak, are grown reading it, so
from the trees on a long text's parse holds a :class:`MatchView` instead: the text (held
anyway) and the blanked spans, each slice made when asked. Readers take a :data:`Readable`: a ``str`` (the
match text itself, in the stages before, and in tests) or a view.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Sequence
from typing import Protocol, SupportsIndex

#: A pattern read with a window around its start sees the characters a look-behind or a ``\b``
#: before the start could read (no rule looks further back).
_BEHIND = 64
#: A pattern given no end reads a window this long after its start (no rule reads further on).
_AHEAD = 256


#: A text shorter than this keeps its match text whole: the copy costs little, and each slice of
#: a view (a Python call, a search among the spans) reads a Markdown crawl's tree about 7 %
#: slower than slices of a ``str``; the largest report of the corpus is 145,000 characters.
VIEW_MIN_CHARS = 1_000_000


def match_view(text: str, blanks: Sequence[tuple[int, int]]) -> MatchView | None:
    """A view of the text with the ``blanks`` made spaces, when it is worth holding instead of
    the match text: there are spans and the text is long (:data:`VIEW_MIN_CHARS`)."""
    return MatchView(text, blanks) if blanks and len(text) >= VIEW_MIN_CHARS else None


class Readable(Protocol):
    """What the readers of the match text use of it: its length and its slices."""

    def __len__(self) -> int: ...

    def __getitem__(self, key: SupportsIndex | slice, /) -> str: ...


class MatchView:
    """The text with the ``blanks`` (spans in order, apart) read as spaces, as a ``str`` would
    read: ``view[i]``, ``view[start:end]``, ``len(view)``."""

    __slots__ = ("_ends", "_starts", "_text")

    def __init__(self, text: str, blanks: Sequence[tuple[int, int]]) -> None:
        self._text = text
        self._starts = array("q", (start for start, _ in blanks))
        self._ends = array("q", (end for _, end in blanks))

    def __len__(self) -> int:
        return len(self._text)

    def __getitem__(self, key: SupportsIndex | slice, /) -> str:
        if type(key) is slice and key.step is None:
            start, stop = key.start, key.stop
            if type(start) is int and type(stop) is int and 0 <= start <= stop:
                # The readers' slice, a line's or a title's: read without slice.indices.
                return self._slice(start, min(stop, len(self._text)))
        if isinstance(key, slice):
            start, stop, step = key.indices(len(self._text))
            if step != 1:
                return self._slice(0, len(self._text))[key]
            return self._slice(start, stop)
        char = self._text[key]  # raises IndexError as a str does
        i = key.__index__() % len(self._text)
        k = bisect_right(self._starts, i) - 1
        return " " if k >= 0 and i < self._ends[k] else char

    def _slice(self, start: int, stop: int) -> str:
        if start >= stop:
            return ""
        starts, ends = self._starts, self._ends
        k = bisect_right(starts, start) - 1
        if k < 0 or ends[k] <= start:
            k += 1
        if k >= len(starts) or starts[k] >= stop:
            return self._text[start:stop]
        pieces: list[str] = []
        pos = start
        while k < len(starts) and starts[k] < stop:
            b_start, b_end = max(starts[k], start), min(ends[k], stop)
            pieces.extend((self._text[pos:b_start], " " * (b_end - b_start)))
            pos = b_end
            k += 1
        pieces.append(self._text[pos:stop])
        return "".join(pieces)


def window(text: Readable, pos: int, endpos: int | None = None) -> tuple[str, int, int]:
    """A ``str`` to run a pattern on as on ``text`` from ``pos`` to ``endpos`` (the end when
    None), and where these fall in it: ``text`` itself when it is a ``str``, else the view's
    slice around them. A match's groups are those on ``text``; its positions are the slice's."""
    if isinstance(text, str):
        return text, pos, len(text) if endpos is None else endpos
    end = min(len(text), pos + _AHEAD) if endpos is None else min(endpos, len(text))
    at = max(0, pos - _BEHIND)
    return text[at:end], pos - at, end - at

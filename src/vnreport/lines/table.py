"""The lines of a text held as columns of integers: what a parse keeps of its lines once the
stages that read them have run.

A :class:`~vnreport.lines.split.Line` object costs 88 bytes compiled (about 220 when it held
two spans and their integers); a report has a line for every 50–70 characters, so the line
objects weigh more than the input. A :class:`LineTable` holds the same lines in six compact
arrays (21 bytes a line) and makes each :class:`Line` again when it is asked for, equal to the
one it was made from.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from vnreport.lines.split import Line, LineKind
from vnreport.model import Span

_KINDS = tuple(LineKind)
_KIND_CODE = {kind: code for code, kind in enumerate(_KINDS)}


class LineTable(Sequence[Line]):
    """``lines`` as columns: the ``k``-th line has index ``indices[k]``, spans ``[starts[k], ends[k])``,
    its content ``[content_starts[k], content_ends[k])``, and its kind is ``kinds[k]``."""

    __slots__ = ("_content_ends", "_content_starts", "_ends", "_indices", "_kinds", "_starts")

    def __init__(self, lines: Iterable[Line] = ()) -> None:
        lines = lines if isinstance(lines, Sequence) else tuple(lines)
        last = max((line.end for line in lines[-1:]), default=0)
        code = "I" if last < 2**32 and len(lines) < 2**32 else "Q"
        # From generators, not lists: a list of the boxed integers of one column (40 bytes a
        # line) is made while every line object is still held, at the parse's peak.
        self._indices = array(code, (line.index for line in lines))
        self._starts = array(code, (line.start for line in lines))
        self._ends = array(code, (line.end for line in lines))
        self._content_starts = array(code, (line.content_start for line in lines))
        self._content_ends = array(code, (line.content_end for line in lines))
        self._kinds = bytes(_KIND_CODE[line.kind] for line in lines)

    def __len__(self) -> int:
        return len(self._kinds)

    @overload
    def __getitem__(self, index: int) -> Line: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Line, ...]: ...

    def __getitem__(self, index: int | slice) -> Line | tuple[Line, ...]:
        if isinstance(index, slice):
            return tuple(self._line(k) for k in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("line index out of range")
        return self._line(index)

    def __iter__(self) -> Iterator[Line]:
        return (self._line(k) for k in range(len(self)))

    def _line(self, k: int) -> Line:
        start, end = self._starts[k], self._ends[k]
        c_start, c_end = self._content_starts[k], self._content_ends[k]
        whole = Span(start, end)
        content = whole if (c_start, c_end) == (start, end) else Span(c_start, c_end)
        return Line(self._indices[k], whole, content, _KINDS[self._kinds[k]])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LineTable):
            return (self._kinds, self._indices, self._starts, self._ends, self._content_starts, self._content_ends) == (
                other._kinds,
                other._indices,
                other._starts,
                other._ends,
                other._content_starts,
                other._content_ends,
            )
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self._kinds, bytes(self._starts), bytes(self._ends)))

    def __repr__(self) -> str:
        return f"LineTable({len(self)} lines)"


def compact_lines(lines: Sequence[Line]) -> Sequence[Line]:
    """``lines`` as a :class:`LineTable` (a table stays as it is)."""
    return lines if isinstance(lines, LineTable) else LineTable(lines)

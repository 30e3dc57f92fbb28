"""Lines: the flat stream every later stage reads. Each line knows its span and its shape."""

from __future__ import annotations

import enum
from typing import Final

from vnreport.model import Span
from vnreport.rules.shapes import RULE_LINE, STAR_LINE


class LineKind(str, enum.Enum):
    BLANK = "blank"  # nothing but spaces (NBSP-only lines included)
    RULE = "rule"  # "¯¯¯¯", "-----": typographic rules under header lines
    STAR = "star"  # the lone "*" under the issuing body
    TEXT = "text"


class Line:
    """One line of the text: its span, its content's span and its shape.

    A report has a line for every 50–70 characters, so a line is held as five plain integers
    (unboxed when compiled) and its kind; :attr:`span` and :attr:`content` are made when asked
    for. Immutable (the attributes are final), equal and hashed by value.
    """

    __slots__ = ("content_end", "content_start", "end", "index", "kind", "start")

    index: Final[int]
    """0-based line number."""
    start: Final[int]
    end: Final[int]
    """The whole line, without its newline: ``[start, end)``."""
    content_start: Final[int]
    content_end: Final[int]
    """The line without leading and trailing spaces (empty at ``start`` for blank lines)."""
    kind: Final[LineKind]

    def __init__(self, index: int, span: Span, content: Span, kind: LineKind) -> None:
        self.index = index
        self.start = span.start
        self.end = span.end
        self.content_start = content.start
        self.content_end = content.end
        self.kind = kind

    @property
    def span(self) -> Span:
        """The whole line, without its newline."""
        return Span(self.start, self.end)

    @property
    def content(self) -> Span:
        """The line without leading and trailing spaces (empty at ``span.start`` for blank lines)."""
        return Span(self.content_start, self.content_end)

    @property
    def content_length(self) -> int:
        """``len(self.content)``, without making the span."""
        return self.content_end - self.content_start

    @property
    def indent(self) -> int:
        """Leading spaces (NBSP included), in characters."""
        return self.content_start - self.start

    def _key(self) -> tuple[int, int, int, int, int, LineKind]:
        return (self.index, self.start, self.end, self.content_start, self.content_end, self.kind)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Line):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Line(index={self.index!r}, span={self.span!r}, content={self.content!r}, kind={self.kind!r})"

    def __reduce__(self) -> tuple[type[Line], tuple[int, Span, Span, LineKind]]:
        return (Line, (self.index, self.span, self.content, self.kind))


#: The characters a rule line (RULE_LINE) or the star line (STAR_LINE) can open with.
_RULE_FIRST = frozenset("¯-_=─━~·.…*")


def split_lines(text: str) -> tuple[Line, ...]:
    lines: list[Line] = []
    start = 0
    n = len(text)
    index = 0
    while start <= n:
        end = text.find("\n", start)
        if end < 0:
            end = n
        raw = text[start:end]
        stripped_left = raw.lstrip()
        if not stripped_left:
            # Spans are immutable: an empty line's span is its content too.
            whole = Span(start, end)
            lines.append(Line(index, whole, whole if start == end else Span(start, start), LineKind.BLANK))
        else:
            c_start = start + (len(raw) - len(stripped_left))
            c_end = start + len(raw.rstrip())
            kind = LineKind.TEXT
            if stripped_left[0] in _RULE_FIRST:
                # Only a line opening with a rule character can be a rule or the lone star.
                content = raw[c_start - start : c_end - start]
                if len(content) <= 200 and STAR_LINE.match(content):
                    kind = LineKind.STAR
                elif len(content) <= 400 and RULE_LINE.match(content):
                    kind = LineKind.RULE
            whole = Span(start, end)
            lines.append(Line(index, whole, whole if c_end - c_start == end - start else Span(c_start, c_end), kind))
        index += 1
        if end == n:
            break
        start = end + 1
    return tuple(lines)

"""Lines: the flat stream every later stage reads. Each line knows its span and its shape."""

from __future__ import annotations

import enum

from attrs import frozen

from vnreport.model import Span
from vnreport.rules.shapes import RULE_LINE, STAR_LINE


class LineKind(str, enum.Enum):
    BLANK = "blank"  # nothing but spaces (NBSP-only lines included)
    RULE = "rule"  # "¯¯¯¯", "-----": typographic rules under header lines
    STAR = "star"  # the lone "*" under the issuing body
    TEXT = "text"


@frozen
class Line:
    index: int
    """0-based line number."""
    span: Span
    """The whole line, without its newline."""
    content: Span
    """The line without leading and trailing spaces (empty at ``span.start`` for blank lines)."""
    kind: LineKind

    @property
    def indent(self) -> int:
        """Leading spaces (NBSP included), in characters."""
        return self.content.start - self.span.start


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

"""The text as the source displays it: capitals where the source shows capitals.

A Word run with ``w:caps`` or ``w:smallCaps``, or an HTML element under
``text-transform: uppercase``, prints "Báo cáo chính trị" as "BÁO CÁO CHÍNH TRỊ": what the
reader sees, and what the genre's rules mean when they look for capitals (a title in capitals,
an upper-case section title, the issuer's lines, a signature's position). The source hands
those paragraphs over as :attr:`vnreport.hints.SourceHints.upper_case`; :func:`shown` writes
them in capitals into a copy of a text of the same length, which the rules read instead of the
stored letters. The stored text, and every value and span taken from it, stay as they are.
"""

from __future__ import annotations

from collections.abc import Sequence

from vnreport.model import Span
from vnreport.text.folds import upper_same_length


def shown(text: str, upper_case: Sequence[Span]) -> str:
    """``text`` with the spans ``upper_case`` in capitals, the same length (``text`` itself when
    there are none)."""
    if not upper_case:
        return text
    parts: list[str] = []
    pos = 0
    for span in sorted(upper_case, key=lambda s: s.start):
        start = max(pos, span.start)
        if span.end <= start:
            continue
        parts.append(text[pos:start])
        parts.append(upper_same_length(text[start : span.end]))
        pos = span.end
    parts.append(text[pos:])
    return "".join(parts)

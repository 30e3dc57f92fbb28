"""Parentheses, phrases and clauses of a sentence, as offsets: where a figure stands."""

from __future__ import annotations

from vnreport.rules.figures import PARENS


def paren_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parentheses of a sentence as (open, close) offsets; an unclosed one runs to the end."""
    if "(" not in text[start:end]:
        return []
    out: list[tuple[int, int]] = []
    stack: list[int] = []
    for m in PARENS.finditer(text, start, end):
        if m.group() == "(":
            stack.append(m.start())
        elif stack:
            out.append((stack.pop(), m.start()))
    out.extend((o, end) for o in stack)
    return out


def innermost_paren(parens: list[tuple[int, int]], pos: int) -> int:
    """Offset of the innermost '(' open at ``pos``, or -1."""
    best = -1
    for o, c in parens:
        if o < pos < c and o > best:
            best = o
    return best


def phrase_start(text: str, start: int, pos: int) -> int:
    """Start of the phrase ending at ``pos``: after the last , ; : ( ) or the sentence start."""
    lo = max(start, pos - 80)
    cut = max(text.rfind(ch, lo, pos) for ch in ",;:()\n")
    return cut + 1 if cut >= 0 else lo


def clause_start(text: str, start: int, pos: int) -> int:
    i = text.rfind(";", start, pos)
    return i + 1 if i >= 0 else start

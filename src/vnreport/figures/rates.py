"""Rates whose denominator is written as a phrase after the count: "50 giường bệnh trên 1 vạn dân"."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from vnreport.rules.figures import LISTED_WITH, PER_DENOMINATOR, PER_DENOMINATOR_BEFORE, SPACES


class Figure(Protocol):
    """What this module reads and sets of a figure being read (``read.DraftFigure``)."""

    start: int
    end: int
    unit: str | None
    per: str | None


def per_denominator_end(text: str, s: int, e: int, end: int, figs: Sequence[Figure]) -> int:
    """After "<count> trên": "1 vạn dân" (a population unit) is the denominator of the count
    just read ("50 giường bệnh trên 1 vạn dân"), which it makes a rate, and of the counts listed
    with it ("19 bác sỹ, 50 giường bệnh"); returns where scanning resumes past it, or -1 when
    "trên" qualifies the figure ``text[s:e]`` ("có trên 1 vạn dân tham gia": more than).

    Args:
        text: the text being read.
        s: start of the number after "trên".
        e: end of that number.
        end: end of the span being read.
        figs: the figures read so far in the span, in order; the rate's ``per`` is set on them.
    """
    last = figs[-1]
    if last.unit in (None, "%") or last.per is not None or not PER_DENOMINATOR_BEFORE.fullmatch(text, last.end, s):
        return -1  # only right after a count: "… giường bệnh trên 1 vạn dân"
    m = PER_DENOMINATOR.match(text, s, end)
    if m is None or m.end("n") != e:
        return -1
    per = SPACES.sub(" ", m.group("per").casefold())
    last.per = per if m.group("n") == "1" else f"{m.group('n')} {per}"
    for i in range(len(figs) - 2, -1, -1):
        f = figs[i]
        if f.unit in (None, "%") or f.per is not None or not LISTED_WITH.fullmatch(text, f.end, figs[i + 1].start):
            break
        f.per = last.per
    return m.end()

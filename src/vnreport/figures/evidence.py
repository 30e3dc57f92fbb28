"""Which figures of a claim its cited footnotes contain or add up to."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

from vnreport.figures.fields import tuple_field
from vnreport.figures.quantities import find_quantities
from vnreport.model import Evidence, Footnote, Quantity, Sentence


def check_evidence(text: str, sentence: Sentence, footnotes: Sequence[Footnote], read_missing: bool = True) -> Evidence:
    """Which figures of a claim its cited footnotes contain or add up to.

    A claim figure is supported when a cited footnote states the same value in a compatible
    unit, or when two to four of their figures in the same unit add up to it ("30.154 giấy" ←
    "28.640 giấy" + "15.14 giấy"); shares (%) are not added. The cited footnotes are those the
    sentence's markers resolve to (by id, else by label) or that list the sentence in
    ``cited_by``. Figures come from ``sentence.quantities`` and the footnotes' sentences, or are
    read afresh when those are empty and ``read_missing`` is true (the parser, which has read
    every sentence already, passes false).
    """
    cited = _cited(sentence, footnotes)
    claim = sentence.quantities or (find_quantities(text, sentence.span)[0] if read_missing else ())
    pool = _footnote_figures(text, cited, read_missing)
    supported: list[Quantity] = []
    unsupported: list[Quantity] = []
    for q in claim:
        (supported if _backed(q, pool) else unsupported).append(q)
    return Evidence(
        sentence=sentence.id,
        footnotes=tuple_field(f.id for f in cited),
        supported=tuple_field(supported),
        unsupported=tuple_field(unsupported),
    )


def _cited(sentence: Sentence, footnotes: Sequence[Footnote]) -> list[Footnote]:
    """The footnotes the sentence's markers resolve to (by id, else by label) or that list the
    sentence in ``cited_by``."""
    ids = {r.footnote for r in sentence.footnote_refs if r.footnote}
    labels = {r.label for r in sentence.footnote_refs if not r.footnote}
    return [f for f in footnotes if f.id in ids or f.label in labels or sentence.id in f.cited_by]


def _footnote_figures(text: str, cited: Sequence[Footnote], read_missing: bool) -> list[Quantity]:
    """The figures of the cited footnotes: those of their sentences, else read afresh."""
    pool: list[Quantity] = []
    for f in cited:
        own = [q for s in f.sentences for q in s.quantities]
        pool.extend(own or (find_quantities(text, f.text_span)[0] if read_missing else ()))
    return pool


def _compatible(a: Quantity, b: Quantity) -> bool:
    return a.unit is None or b.unit is None or a.unit == b.unit


def _backed(q: Quantity, pool: Iterable[Quantity]) -> bool:
    same = [p for p in pool if _compatible(q, p)]
    for p in same:
        if q.value is not None and p.value == q.value:
            return True
        if q.value is None and (p.low, p.high) == (q.low, q.high):
            return True
    if q.value is None or q.unit == "%":
        return False
    parts = [p.value for p in same if p.value is not None and p.unit == q.unit and 0 < p.value < q.value][:16]
    for n in range(2, min(4, len(parts)) + 1):
        for combo in itertools.combinations(parts, n):
            if sum(combo) == q.value:
                return True
    return False

"""The figures of one sentence, their clauses, and what each has become in a comparison."""

from __future__ import annotations

from bisect import bisect_left

from vnreport.figures.lexicon import DIRECTIONS
from vnreport.figures.subjects import clean_base, subject_of
from vnreport.figures.units import one_spaced
from vnreport.model import Comparison, ComparisonKind, Quantity, Span
from vnreport.rules.figures import SO_VOI_HEADER


def direction_of(verb: str) -> str:
    """A verb of change as a direction: "cao hơn" → tăng, "xuống còn" → giảm; others as written."""
    v = one_spaced(verb.casefold())
    return DIRECTIONS.get(v, v)


#: How many figures back :meth:`SentenceFigures.achieved_for` looks, and how many past the
#: nearest that qualifies for one in the preferred unit (a report's clause holds a handful).
FIGURE_REACH = 64
UNIT_REACH = 32
#: How far before a figure :func:`~vnreport.figures.subjects.subject_of` looks for the mark
#: that opens its clause, in characters.
SUBJECT_REACH = 2_000


class SentenceFigures:
    """The figures of one sentence and what each has become in a comparison."""

    __slots__ = (
        "aligned",
        "clause_of_end",
        "clause_of_start",
        "end",
        "header",
        "low",
        "occurrences",
        "qs",
        "role",
        "start",
        "text",
    )

    def __init__(self, text: str, start: int, end: int, qs: list[Quantity], low: str) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.qs = qs
        self.role: dict[int, str] = {}  # index → "target" | "change" | "baseline"
        self.low = low  # the sentence casefolded, for case-blind cue tests
        # Casefolding keeps offsets in Vietnamese text; where it does not ("ß"), cue tests
        # casefold the piece they look at instead.
        self.aligned = len(low) == end - start
        self.header: tuple[str | None, int] | None = None
        # Clause (count of ";" before) of each figure's start and end, made on first need.
        self.clause_of_start: list[int] = []
        self.clause_of_end: list[int] = []
        # Where each cue word asked about occurs in ``low``, found once: asked per figure of
        # "what follows it", a search to the sentence's end made a long line quadratic.
        self.occurrences: dict[str, list[int]] = {}

    def has(self, word: str, lo: int, hi: int) -> bool:
        """Whether ``text[lo:hi]``, casefolded, contains ``word``."""
        if not self.aligned:
            return word in self.text[lo:hi].casefold()
        found = self.occurrences.get(word)
        if found is None:
            found = self.occurrences[word] = occurrences_of(self.low, word)
        k = bisect_left(found, max(lo - self.start, 0))
        return k < len(found) and found[k] + len(word) <= hi - self.start

    def same_clause(self, a: int, b: int) -> bool:
        return self.text.find(";", a, b) < 0

    def before(self, i: int) -> list[int]:
        """Indices of the figures before figure ``i`` in its clause, nearest first.

        Figure ``j`` is in ``i``'s clause when no ";" lies between its end and ``i``'s start
        (or it ends after that start): compared as clause numbers, so that a sentence of many
        figures is not searched again for every pair.
        """
        if not self.clause_of_start:
            self._number_clauses()
        qs, cs, ce = self.qs, self.clause_of_start, self.clause_of_end
        start, clause = qs[i].span.start, cs[i]
        out: list[int] = []
        for j in range(i - 1, -1, -1):
            if ce[j] == clause or qs[j].span.end > start:
                out.append(j)
            else:
                break  # an earlier clause: so are all before it (see achieved_for)
        return out

    def _number_clauses(self) -> None:
        semis: list[int] = []
        i = self.text.find(";", self.start, self.end)
        while i >= 0:
            semis.append(i)
            i = self.text.find(";", i + 1, self.end)
        # bisect_left: a ";" right at a figure's end lies after it, one at its start before it.
        self.clause_of_start = [bisect_left(semis, q.span.start) for q in self.qs]
        self.clause_of_end = [bisect_left(semis, q.span.end) for q in self.qs]

    def achieved_for(self, i: int, prefer_unit: str | None, limit: int | None = None) -> int | None:
        """The figure a target, change or share refers to: the nearest before it in its clause,
        preferably in the same unit, and not itself a target or a change."""
        # The nearest figure of before(i) that qualifies, unless a farther one has the unit.
        if not self.clause_of_start:
            self._number_clauses()
        qs, ce, role = self.qs, self.clause_of_end, self.role
        start, clause = qs[i].span.start, self.clause_of_start[i]
        nearest: int | None = None
        # At most FIGURE_REACH figures back, and UNIT_REACH past the nearest that qualifies: a
        # clause of figures that are all changes, or all in another unit ("tăng 28,67% và …"
        # x 2,000), made each figure scan back to the clause start (quadratic).
        farthest = max(-1, i - 1 - FIGURE_REACH)
        for j in range(i - 1, farthest, -1):
            q = qs[j]
            if ce[j] != clause and q.span.end <= start:
                # An earlier clause: the figures of a sentence do not overlap, so those before
                # this one end earlier still, in earlier clauses too (scanning on made a line of
                # 8,000 figures quadratic).
                break
            if role.get(j) in ("target", "change") or (limit is not None and q.span.end > limit):
                continue
            if prefer_unit is None or q.unit == prefer_unit:
                return j
            if nearest is None:
                nearest = j
            elif j < nearest - UNIT_REACH:
                break
        return nearest

    def comparison(
        self,
        kind: ComparisonKind,
        lo: int,
        hi: int,
        *,
        achieved: Quantity | None = None,
        target: Quantity | None = None,
        baseline: Quantity | None = None,
        change: Quantity | None = None,
        percent: Quantity | None = None,
        direction: str | None = None,
        baseline_period: str | None = None,
    ) -> Comparison:
        return Comparison(
            kind,
            Span(lo, hi),
            self.text[lo:hi],
            subject_of(self.text, max(self.start, lo - SUBJECT_REACH), lo),
            achieved,
            target,
            baseline,
            change,
            percent,
            direction,
            baseline_period,
        )


def header_baseline(st: SentenceFigures) -> tuple[str | None, int]:
    """A reference stated once for the sentence ("So với năm 2015: …") and where it is."""
    if st.header is None:
        st.header = _find_header_baseline(st)
    return st.header


def _find_header_baseline(st: SentenceFigures) -> tuple[str | None, int]:
    low = st.low
    if "so " not in low and "so\u00a0" not in low:
        return None, st.end
    # The header starts with "so": no need to try the positions before the first one.
    first = low.find("so") if st.aligned else 0
    h = SO_VOI_HEADER.search(st.text, st.start + first, st.end)
    return (clean_base(h.group("base")), h.start()) if h else (None, st.end)


def occurrences_of(low: str, word: str) -> list[int]:
    """Every start of ``word`` in ``low``, overlapping ones too, in order."""
    out: list[int] = []
    i = low.find(word)
    while i >= 0:
        out.append(i)
        i = low.find(word, i + 1)
    return out

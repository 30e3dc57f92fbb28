"""Legacy files that mix encodings: which lines are in which encoding, region by region.

A report assembled from several offices' files can hold a TCVN3 body with a paragraph typed in
VNI, or a VNI draft with a CP1258 insert. Read with one guess for the whole file, one half is
mojibake. :func:`find_regions` reads every line that is not UTF-8 in each legacy family and
chooses the encodings by a best path over the lines (Viterbi): a line scores what its words score
in an encoding (:func:`~vnreport.text.detection.score_text`), and changing encoding between two
lines costs :data:`SWITCH_COST` points. A region therefore stands only where its words read better
in its own encoding by more than that cost; a few weak words never make one, they go with their
neighbours. Each region found is then checked as a whole (it must read plausibly as Vietnamese
in its encoding), else it joins the one before it.

The pass is linear: one decode and one scoring of the lines per family, and a path over four
states. A file that reads cleanly in the encoding the whole file reads best in is not scored in
the others (one region, decoded exactly as a file in one encoding always was).
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from vnreport.model import Diagnostic, DiagnosticCode, Severity, Span
from vnreport.text.detection import points_by_line, score_text, vn1_or_tcvn3
from vnreport.text.legacy_codecs import ENCODING_NAMES, decode_as

#: The encodings a region can be in. TCVN 5712 VN1 is a reading of TCVN3's family (they share
#: the upper half): a line scores the better of the two, a region is told VN1 or VN3 afterwards.
FAMILIES = ("tcvn3", "vni", "viscii", "cp1258")
#: Points a change of encoding between two lines costs: about five words read as Vietnamese in
#: one encoding and as mojibake in the other (a genre word scores 3, a mojibake word -3).
SWITCH_COST = 30.0
#: A region in an encoding other than its neighbours' needs at least this many accented words.
MIN_WORDS = 8


@frozen
class Region:
    """Lines ``first``..``last`` (indexes into the file's lines, both included) in ``encoding``."""

    first: int
    last: int
    encoding: str


def _family_points(joined: bytes) -> tuple[list[list[float]], list[int]]:
    """For each line of ``joined``: its points read in each family, and its accented words."""
    columns: list[list[float]] = []
    words: list[int] = []
    for family in FAMILIES:
        points, tokens = points_by_line(decode_as(joined, family))
        if family == "tcvn3":
            vn1, _ = points_by_line(decode_as(joined, "tcvn5712"))
            points = [max(p, q) for p, q in zip(points, vn1, strict=True)]
        columns.append(points)
        words = tokens if not words else [max(w, t) for w, t in zip(words, tokens, strict=True)]
    return [list(row) for row in zip(*columns, strict=True)], words


def _reads_cleanly(joined: bytes, main: str) -> bool:
    """Whether the lines read as Vietnamese in ``main`` but for a few words: no run of
    neighbouring lines that score under a point a word (mojibake; the genre's text scores over
    two) holds :data:`MIN_WORDS` words. A file in one encoding is then spared the scoring in every
    other: it would find one region. (Over the corpus encoded in each encoding, one file in 95
    has such a run and is scored in full; every mixed file tried has one.)"""
    points, tokens = points_by_line(decode_as(joined, main))
    run = 0
    for p, t in zip(points, tokens, strict=True):
        if t and p < t:
            run += t
            if run >= MIN_WORDS:
                return False
        elif t:
            run = 0
    return True


def _best_path(emissions: Sequence[Sequence[float]]) -> list[int]:
    """The family index of each line on the best path (ties keep the earlier family)."""
    k = len(FAMILIES)
    total = list(emissions[0])
    back: list[bytes] = []
    for row in emissions[1:]:
        leader = max(range(k), key=lambda s: total[s])
        stay_or_switch = []
        step = bytearray(k)
        for s in range(k):
            switched = total[leader] - SWITCH_COST
            if total[s] >= switched:
                stay_or_switch.append(total[s] + row[s])
                step[s] = s
            else:
                stay_or_switch.append(switched + row[s])
                step[s] = leader
        total = stay_or_switch
        back.append(bytes(step))
    state = max(range(k), key=lambda s: total[s])
    path = [state]
    for step_back in reversed(back):
        state = step_back[state]
        path.append(state)
    path.reverse()
    return path


def find_regions(
    data: bytes, lines: Sequence[tuple[int, int]], candidates: Sequence[int], main: str | None
) -> list[Region]:
    """The regions of ``candidates`` (indexes of the lines that are not UTF-8, ascending) by
    encoding, neighbours in one encoding merged; one region when the file is in one encoding.
    ``main`` is the encoding the whole file reads best in, if one does."""
    if not candidates:
        return []
    joined = b"\n".join(data[lines[i][0] : lines[i][1]].rstrip(b"\n") for i in candidates)
    if main is not None and _reads_cleanly(joined, main):
        family = "tcvn3" if main == "tcvn5712" else main
        return [Region(candidates[0], candidates[-1], family)]
    emissions, words = _family_points(joined)
    path = _best_path(emissions)
    runs: list[tuple[int, int, int]] = []  # (first candidate, last candidate, family), positions in candidates
    for pos, state in enumerate(path):
        if runs and runs[-1][2] == state:
            runs[-1] = (runs[-1][0], pos, state)
        else:
            runs.append((pos, pos, state))
    runs = _checked(data, lines, candidates, runs, words)
    return [Region(candidates[a], candidates[b], FAMILIES[state]) for a, b, state in runs]


def _checked(
    data: bytes,
    lines: Sequence[tuple[int, int]],
    candidates: Sequence[int],
    runs: list[tuple[int, int, int]],
    words: Sequence[int],
) -> list[tuple[int, int, int]]:
    """Runs that read as Vietnamese in their family; any other joins the run before it (or, the
    first, the one after it), and neighbours left in one family are merged."""
    if len(runs) == 1:
        return runs
    kept: list[tuple[int, int, int]] = []
    for a, b, state in runs:
        sample = b"".join(data[lines[candidates[p]][0] : lines[candidates[p]][1]] for p in range(a, b + 1))
        good = sum(words[a : b + 1]) >= MIN_WORDS and score_text(decode_as(sample, FAMILIES[state])).plausible
        if not good and kept:
            state = kept[-1][2]
        elif not good:
            state = -1  # settled by the next run
        if kept and kept[-1][2] in (state, -1):
            kept[-1] = (kept[-1][0], b, state)
        else:
            kept.append((a, b, state))
    if kept[-1][2] == -1:
        return [(kept[0][0], kept[-1][1], runs[0][2])]
    return kept


def region_encoding(data: bytes, lines: Sequence[tuple[int, int]], region: Region) -> str:
    """The encoding of ``region``: its family, TCVN3's told VN1 or VN3 on the region's own bytes."""
    if region.encoding != "tcvn3":
        return region.encoding
    return vn1_or_tcvn3(data[lines[region.first][0] : lines[region.last][1]])


def main_encoding(data: bytes, lines: Sequence[tuple[int, int]], regions: Sequence[tuple[Region, str]]) -> str:
    """The encoding that holds the most bytes of the regions (the earliest on a tie)."""
    size: dict[str, int] = {}
    for region, encoding in regions:
        size[encoding] = size.get(encoding, 0) + lines[region.last][1] - lines[region.first][0]
    return max(size, key=lambda e: size[e])


#: Regions reported one by one; beyond, one diagnostic sums up the rest.
MAX_REPORTED = 20


def region_diagnostics(spans: Sequence[tuple[int, int, str]]) -> tuple[Diagnostic, ...]:
    """One ``encoding-region`` diagnostic per region ``(text start, text end, encoding)``."""
    n = len(spans)
    out = [
        Diagnostic(
            DiagnosticCode.ENCODING_REGION,
            f"region {k} of {n} is in the legacy encoding {ENCODING_NAMES[encoding]}; converted to Unicode",
            Span(start, end),
            Severity.INFO,
        )
        for k, (start, end, encoding) in enumerate(spans[:MAX_REPORTED], 1)
    ]
    if n > MAX_REPORTED:
        rest = spans[MAX_REPORTED:]
        names = ", ".join(ENCODING_NAMES[e] for e in sorted({e for _, _, e in rest}))
        out.append(
            Diagnostic(
                DiagnosticCode.ENCODING_REGION,
                f"{len(rest)} more regions in {names}; converted to Unicode",
                Span(rest[0][0], rest[-1][1]),
                Severity.INFO,
            )
        )
    return tuple(out)

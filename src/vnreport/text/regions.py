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

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

from attrs import frozen

from vnreport.model import Diagnostic, DiagnosticCode, Severity, Span
from vnreport.text.detection import points_by_line, score_text, vn1_or_tcvn3
from vnreport.text.legacy_codecs import ENCODING_NAMES, decode_as
from vnreport.text.region_split import refine, units, vn1_vn3_runs

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
    """Bytes ``start``..``end`` of the file in ``encoding``: from line ``first`` to line ``last``
    (indexes into the file's lines, both included), whole lines but where a region begins or ends
    inside a line (:mod:`vnreport.text.region_split`)."""

    first: int
    last: int
    encoding: str
    start: int
    end: int
    settled: bool = False
    """The encoding is the region's own (VN1 or VN3 told apart by its words), not its family's."""


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
    pieces = units(data, lines, candidates)
    joined = b"\n".join(data[a:b] for a, b, _ in pieces)
    if main is not None and _reads_cleanly(joined, main):
        family = "tcvn3" if main == "tcvn5712" else main
        runs = [(0, len(pieces) - 1, FAMILIES.index(family))]
    else:
        emissions, words = _family_points(joined)
        path = _best_path(emissions)
        runs = []  # (first unit, last unit, family)
        for pos, state in enumerate(path):
            if runs and runs[-1][2] == state:
                runs[-1] = (runs[-1][0], pos, state)
            else:
                runs.append((pos, pos, state))
        runs = _checked(data, pieces, runs, emissions, words)
    named = _vn1_vn3(joined, pieces, [(a, b, FAMILIES[state], False) for a, b, state in runs])
    return _placed(data, lines, pieces, named)


def _vn1_vn3(
    joined: bytes, pieces: Sequence[tuple[int, int, int]], runs: list[tuple[int, int, str, bool]]
) -> list[tuple[int, int, str, bool]]:
    """``runs`` with each TCVN-family run split into its VN1 and VN3 runs where its words tell
    them apart (:func:`~vnreport.text.region_split.vn1_vn3_runs`); those are settled."""
    out: list[tuple[int, int, str, bool]] = []
    offsets = list(accumulate((b - a + 1 for a, b, _ in pieces), initial=0))
    for a, b, family, settled in runs:
        split = None
        if family == "tcvn3":
            stretch = joined[offsets[a] : offsets[b + 1] - 1]
            split = vn1_vn3_runs(stretch, [o - offsets[a] for o in offsets[a : b + 1]])
        if split is None:
            out.append((a, b, family, settled))
        else:
            out.extend((a + x, a + y, encoding, True) for x, y, encoding in split)
    return out


def _placed(
    data: bytes,
    lines: Sequence[tuple[int, int]],
    pieces: Sequence[tuple[int, int, int]],
    runs: Sequence[tuple[int, int, str, bool]],
) -> list[Region]:
    """The regions of ``runs`` (positions in ``pieces``), in bytes: a boundary moved to the word
    where the two encodings cross (:func:`~vnreport.text.region_split.refine`)."""
    starts = [pieces[a][0] for a, _, _, _ in runs]
    ends = [
        lines[pieces[b][2]][1] if b + 1 == len(pieces) or pieces[b + 1][2] != pieces[b][2] else pieces[b][1]
        for _, b, _, _ in runs
    ]
    for k in range(1, len(runs)):
        b = runs[k - 1][1]
        cut = refine(data, (pieces[b], pieces[b + 1]), runs[k - 1][2], runs[k][2])
        if cut is not None:
            ends[k - 1] = starts[k] = cut
    out = []
    for (_, _, encoding, settled), start, end in zip(runs, starts, ends, strict=True):
        first = _line_of(lines, start)
        out.append(Region(first, _line_of(lines, end - 1), encoding, start, end, settled))
    return out


def _line_of(lines: Sequence[tuple[int, int]], byte: int) -> int:
    return bisect_right(lines, byte, key=lambda line: line[0]) - 1


def _checked(
    data: bytes,
    pieces: Sequence[tuple[int, int, int]],
    runs: list[tuple[int, int, int]],
    emissions: Sequence[Sequence[float]],
    words: Sequence[int],
) -> list[tuple[int, int, int]]:
    """Runs that read as Vietnamese in their family; any other joins the run before it (or, the
    first, the one after it), and neighbours left in one family are merged."""
    if len(runs) == 1:
        return runs
    kept: list[tuple[int, int, int]] = []
    for k, (a, b, state) in enumerate(runs):
        sample = b"\n".join(data[pieces[p][0] : pieces[p][1]] for p in range(a, b + 1))
        good = sum(words[a : b + 1]) >= MIN_WORDS and (
            score_text(decode_as(sample, FAMILIES[state])).plausible or _own_best(runs, k, emissions)
        )
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


def _own_best(runs: Sequence[tuple[int, int, int]], k: int, emissions: Sequence[Sequence[float]]) -> bool:
    """Whether run ``k`` reads better in its family than in each neighbour's by more than a
    switch: a run that holds a short passage in another encoding (too short to pay for two
    switches) can read too poorly as a whole to pass as plausible, yet joined to a neighbour it
    would be read all wrong (its neighbour's encoding makes mojibake of all of it)."""
    a, b, state = runs[k]
    rows = emissions[a : b + 1]
    own = sum(row[state] for row in rows)
    others = {runs[j][2] for j in (k - 1, k + 1) if 0 <= j < len(runs)}
    # More syllables than mojibake in its own family (random bytes read as mojibake in all).
    return own > 0 and all(own - sum(row[other] for row in rows) > SWITCH_COST for other in others)


def region_encoding(data: bytes, lines: Sequence[tuple[int, int]], region: Region) -> str:
    """The encoding of ``region``: its family, TCVN3's told VN1 or VN3 on the region's own bytes."""
    if region.encoding != "tcvn3" or region.settled:
        return region.encoding
    return vn1_or_tcvn3(data[region.start : region.end])


def region_lines(
    lines: Sequence[tuple[int, int]], regions: Sequence[tuple[Region, str]]
) -> tuple[list[str | None], list[tuple[int, int, str, str]]]:
    """The encoding of each line (its region's, the region before it for a line between regions,
    the first region's before that; a line a region begins inside is the region's before), and
    the cuts ``(byte, end of its line, the line's encoding, the region's)`` where a region begins
    inside a line (:func:`~vnreport.text.region_split.cut_segments`)."""
    encoding_of: list[str | None] = [regions[0][1]] * len(lines)
    begins = [region.first + (region.start != lines[region.first][0]) for region, _ in regions]
    for k, (_, encoding) in enumerate(regions):
        stop = begins[k + 1] if k + 1 < len(regions) else len(lines)
        encoding_of[begins[k] : stop] = [encoding] * max(0, stop - begins[k])
    cuts = [
        (region.start, lines[region.first][1], str(encoding_of[region.first]), encoding)
        for region, encoding in regions
        if region.start != lines[region.first][0]
    ]
    return encoding_of, cuts


def main_encoding(data: bytes, lines: Sequence[tuple[int, int]], regions: Sequence[tuple[Region, str]]) -> str:
    """The encoding that holds the most bytes of the regions (the earliest on a tie)."""
    size: dict[str, int] = {}
    for region, encoding in regions:
        size[encoding] = size.get(encoding, 0) + region.end - region.start
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

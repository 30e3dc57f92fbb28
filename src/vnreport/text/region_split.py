"""Where exactly one encoding gives way to the next in a mixed legacy file, and VN1 told from VN3.

:mod:`vnreport.text.regions` chooses the encodings over *units*: whole lines, and long lines cut
every :data:`UNIT_WORDS` words (at a space, which no legacy encoding uses inside a character), so
that a passage pasted mid-line can start a region there. A unit is still coarse: the boundary the
best path puts between two units is then moved to the word where the two readings cross
(:func:`refine`): the words before it read better in the first encoding, those after it in the
second, by at least :data:`CUT_GAIN` points over the unit boundary. A cut inside a line splits that
line's decoding (:func:`cut_segments`).

TCVN 5712 VN1 and VN3 (TCVN3, the ABC fonts) are one family: they read the upper half alike and
differ only where VN1 has capitals VN3 lacks (0x80–0x9F and twelve C0 codes, Windows punctuation in
VN3 files) and where VN3's uppercase fonts store a capital with its lowercase code ("ĐảNG"). A file
typed partly in each therefore reads the same in both but for those words, and only those words
can place the regions (:func:`vn1_vn3_runs`): each votes by how much better it reads in one, the
rest vote for nothing, and a best path with a switch cost of :data:`VN_SWITCH` points groups them.
A stretch with no deciding word goes with its neighbours: its text is the same either way.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import pairwise

from vnreport.text.detection import deciding_words, score_text
from vnreport.text.legacy_codecs import decode_as, restore_capitals

#: A line longer than this many words is scored in pieces of this many words.
UNIT_WORDS = 12
#: A boundary moves into a unit when the words it moves read better on their new side by this
#: many points (a point: the smallest difference a word makes). The best path has already put the
#: boundary between these two units on strong evidence; within them, the split the words read
#: best in is the best guess, and a tie keeps the units' boundary.
CUT_GAIN = 1.0
#: Points a change between VN1 and VN3 costs: about two deciding words.
VN_SWITCH = 8.0
#: What a word typed in a VN3 uppercase font ("ĐảNG" for "ĐẢNG") weighs for VN3: as much as a
#: VN1 capital read as a syllable rather than as mojibake.
CAPITALS_POINTS = 4.0

_WORD = re.compile(rb"\S+")
_SPACE = ord(" ")
# A word with an ASCII capital, from its start only (else every byte of a long word restarts the scan).
_CAPS_WORD = re.compile(r"(?<!\S)[^\sA-Z]*[A-Z]\S*")


def units(data: bytes, lines: Sequence[tuple[int, int]], candidates: Sequence[int]) -> list[tuple[int, int, int]]:
    """``(start, end, line)`` of each unit of the ``candidates`` lines (a line's newline left out)."""
    out: list[tuple[int, int, int]] = []
    for i in candidates:
        s, e = lines[i]
        if e > s and data[e - 1] == 0x0A:
            e -= 1
        if data.count(_SPACE, s, e) < UNIT_WORDS:
            out.append((s, e, i))
            continue
        starts = [m.start() for m in _WORD.finditer(data, s, e)][UNIT_WORDS::UNIT_WORDS]
        bounds = [s, *starts, e]
        out.extend((a, b, i) for a, b in pairwise(bounds))
    return out


def _word_points(words: Sequence[bytes], encoding: str, capitals: bool) -> list[float]:
    """Each word's points in ``encoding``; with ``capitals``, a word VN3's uppercase fonts typed
    ("ĐảNG") scores for VN3 (the only VN3 evidence VN1 letters read alike in)."""
    out = []
    for word in words:
        text = decode_as(word, encoding)
        points = score_text(text).points
        if capitals and encoding == "tcvn3" and restore_capitals(text) != text:
            points += CAPITALS_POINTS
        out.append(points)
    return out


def refine(data: bytes, pair: tuple[tuple[int, int, int], tuple[int, int, int]], before: str, after: str) -> int | None:
    """The byte where ``after`` begins between the units ``pair`` (``before``'s last, ``after``'s
    first), when the words read best split elsewhere than at the units' boundary; else None."""
    spans = [m.span() for u in pair for m in _WORD.finditer(data, u[0], u[1])]
    if len(spans) < 2:
        return None
    words = [data[a:b] for a, b in spans]
    capitals = {before, after} == {"tcvn3", "tcvn5712"}
    first = _word_points(words, before, capitals)
    second = _word_points(words, after, capitals)
    boundary = sum(1 for a, _ in spans if a < pair[1][0])  # words of the first unit
    total_second = sum(second)
    best_k, best, run_first, run_second = boundary, 0.0, 0.0, 0.0
    scores = []
    for k in range(len(words) + 1):
        scores.append(run_first + total_second - run_second)
        if k < len(words):
            run_first += first[k]
            run_second += second[k]
    original = scores[boundary]
    for k in range(1, len(words)):
        if k != boundary and scores[k] - original >= CUT_GAIN and scores[k] > best:
            best_k, best = k, scores[k]
    return spans[best_k][0] if best_k != boundary else None


def vn1_vn3_runs(joined: bytes, offsets: Sequence[int]) -> list[tuple[int, int, str]] | None:
    """Runs ``(first unit, last unit, encoding)`` of VN1 ("tcvn5712") and VN3 ("tcvn3") in
    ``joined`` (the units of one TCVN-family stretch joined by newlines, unit k starting at
    ``offsets[k]``); None when the words do not tell two apart (no deciding word for one of them)."""
    vn1 = [0.0] * len(offsets)
    vn3 = [0.0] * len(offsets)
    for at, word in deciding_words(joined):
        k = bisect_right(offsets, at) - 1
        vn1[k] += score_text(decode_as(word, "tcvn5712")).points
        vn3[k] += score_text(decode_as(word, "tcvn3")).points
    as_vn3 = decode_as(joined, "tcvn3")  # one character per byte: offsets hold
    for m in _CAPS_WORD.finditer(as_vn3):
        if not m.group().isascii() and restore_capitals(m.group()) != m.group():
            vn3[bisect_right(offsets, m.start()) - 1] += CAPITALS_POINTS
    if not any(a > b for a, b in zip(vn1, vn3, strict=True)) or not any(b > a for a, b in zip(vn1, vn3, strict=True)):
        return None
    path = _two_state_path(vn1, vn3)
    runs: list[tuple[int, int, str]] = []
    for k, state in enumerate(path):
        encoding = "tcvn5712" if state == 0 else "tcvn3"
        if runs and runs[-1][2] == encoding:
            runs[-1] = (runs[-1][0], k, encoding)
        else:
            runs.append((k, k, encoding))
    return runs if len(runs) > 1 else None


def _two_state_path(a: Sequence[float], b: Sequence[float]) -> list[int]:
    """The best path over two states scoring ``a`` and ``b`` with a switch cost of :data:`VN_SWITCH`
    (ties keep the state of the unit before)."""
    totals = [a[0], b[0]]
    back: list[tuple[int, int]] = []
    for x, y in zip(a[1:], b[1:], strict=True):
        from0 = 0 if totals[0] >= totals[1] - VN_SWITCH else 1
        from1 = 1 if totals[1] >= totals[0] - VN_SWITCH else 0
        totals = [totals[from0] - (VN_SWITCH if from0 else 0.0) + x, totals[from1] - (0.0 if from1 else VN_SWITCH) + y]
        back.append((from0, from1))
    state = 0 if totals[0] > totals[1] else 1
    path = [state]
    for step in reversed(back):
        state = step[state]
        path.append(state)
    path.reverse()
    return path


def cut_segments(
    segments: Sequence[tuple[int, int, str]], cuts: Sequence[tuple[int, int, str, str]]
) -> list[tuple[int, int, str]]:
    """``segments`` (sorted ``(start, end, kind)``) with each cut ``(byte, end of its line, the
    line's encoding, the region's encoding)`` applied: from the cut to the end of its line, what
    was decoded in the line's encoding is decoded in the region's. Cuts are sorted, at word starts."""
    out: list[tuple[int, int, str]] = []
    ci = 0
    for s, e, kind in segments:
        while ci < len(cuts) and cuts[ci][1] <= s:
            ci += 1
        j, current, start = ci, kind, s
        while j < len(cuts) and cuts[j][0] <= s:
            if kind == cuts[j][2]:
                current = cuts[j][3]
            j += 1
        while j < len(cuts) and cuts[j][0] < e:
            if kind == cuts[j][2]:
                out.append((start, cuts[j][0], current))
                start, current = cuts[j][0], cuts[j][3]
            j += 1
        out.append((start, e, current))
    return out

"""``RunStarts.bisect_left`` (vnreport.text.offsets) answers as ``bisect.bisect_left`` over the
whole sequence does, for any runs: literal ones (a character per raw character) and merged ones
(NFC compositions, CR LF read as one character), and raw offsets before, inside and after them."""

from __future__ import annotations

import bisect

from hypothesis import given
from hypothesis import strategies as st

from vnreport.text.offsets import RunStarts, first_at_or_after

runs = st.lists(st.tuples(st.integers(1, 6), st.booleans(), st.integers(0, 3)), min_size=1, max_size=25)


@given(runs, st.integers(0, 4))
def test_bisect_left_over_runs_is_bisect_over_the_sequence(spec: list[tuple[int, bool, int]], tail: int) -> None:
    starts = RunStarts()
    raw = 0
    for length, literal, skipped in spec:
        starts.add(raw, length, literal)
        raw += (length if literal else 2) + skipped  # a merged run reads two raw characters
    starts.close(raw + tail)
    whole = list(starts)
    assert len(whole) == len(starts)
    for value in range(-1, raw + tail + 3):
        assert first_at_or_after(starts, value) == bisect.bisect_left(whole, value), value
        assert first_at_or_after(whole, value) == bisect.bisect_left(whole, value)

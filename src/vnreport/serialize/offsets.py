"""The offset maps in JSON: how ``raw_span`` and ``byte_span`` survive a round trip.

A map holds one offset per character, too many to write out. Each is written as the places where
it departs from what the text alone predicts — the raw map from the identity, the byte map from
the width of each character in the input's encoding — as ``[offset, difference]`` pairs, each
difference holding until the next pair. A UTF-8 text with LF newlines writes nothing; CRLF
newlines one pair a line; an HTML page one pair per stretch of markup.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import Any

from vnreport.text.offsets import OffsetMap, byte_offsets


def offsets_to_dict(text: str, to_raw: OffsetMap | None, byte_map: OffsetMap | None, encoding: str | None) -> Any:
    """``{"raw": pairs, "bytes": pairs}``, each None when there is no such map."""
    if to_raw is None:
        raw = None
    else:
        raw = [] if to_raw.is_identity else _departures(to_raw.starts, range(len(text) + 1))
    if byte_map is None or encoding is None:
        return {"raw": raw, "bytes": None}
    return {"raw": raw, "bytes": _departures(byte_map.starts, _predicted(text, encoding).starts)}


def offsets_from_dict(text: str, value: Any, encoding: str | None) -> tuple[OffsetMap | None, OffsetMap | None]:
    """``(to_raw, byte_map)`` rebuilt from :func:`offsets_to_dict` output."""
    if not isinstance(value, dict):
        return None, None
    raw_pairs, byte_pairs = value.get("raw"), value.get("bytes")
    to_raw = None if raw_pairs is None else _rebuilt(OffsetMap.identity(len(text)).starts, raw_pairs)
    if byte_pairs is None or encoding is None:
        return to_raw, None
    return to_raw, _rebuilt(_predicted(text, encoding).starts, byte_pairs)


def _predicted(text: str, encoding: str) -> OffsetMap:
    try:
        return byte_offsets(text, encoding)
    except LookupError:  # an encoding name this Python has no codec for: predict UTF-8 widths
        return byte_offsets(text, "utf-8")


def _departures(actual: Sequence[int], predicted: Sequence[int]) -> list[list[int]]:
    pairs: list[list[int]] = []
    current = 0
    for i, (a, p) in enumerate(zip(actual, predicted, strict=True)):
        if a - p != current:
            current = a - p
            pairs.append([i, current])
    return pairs


def _rebuilt(predicted: Sequence[int], pairs: list[list[int]]) -> OffsetMap:
    if not pairs:
        return OffsetMap(predicted)
    starts = array("q", predicted)
    bounds = [*(int(p[0]) for p in pairs), len(starts)]
    for (offset, difference), end in zip(pairs, bounds[1:], strict=True):
        for i in range(int(offset), end):
            starts[i] += int(difference)
    return OffsetMap(starts)

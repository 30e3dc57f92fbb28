"""Numbering inside one list: which value a marker holds, and gaps, repeats and disorder."""

from __future__ import annotations

from vnreport.model import DiagnosticCode, Marker, MarkerStyle
from vnreport.rules.numbers import letter_index
from vnreport.tree.nodes import OpenNode


def numbered_as(marker: Marker, prefix: tuple[int, ...]) -> bool:
    """Is ``marker`` the number ``prefix`` ("2." or "2.1." for the prefix of "2.1.3.")?"""
    value = marker.value
    if marker.style is MarkerStyle.ARABIC and len(prefix) == 1:
        return value == prefix[0]
    if marker.style is MarkerStyle.DECIMAL and isinstance(value, tuple):
        return value == prefix
    return False


def ordinal(value: int | str | tuple[int, ...]) -> int | None:
    """The place of a marker value in its list: "IV" 4, "đ" 6, (2, 3) 3."""
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        if len(value) == 1 and value.isalpha():
            index = letter_index(value) if value.islower() else ord(value) - ord("A")
            return index + 1 if index >= 0 else None
        return None
    return value[-1] if value else None


def numbering_problem(previous: Marker | None, marker: Marker) -> tuple[DiagnosticCode | None, str]:
    """What is wrong with ``marker`` after ``previous`` of the same list, if anything."""
    assert marker.value is not None
    current = ordinal(marker.value)
    if current is None:
        return None, ""
    if previous is None or previous.value is None:
        # Forms are counted across an act's appendices: "Mẫu số 03" may open "Phụ lục II".
        if current > 1 and marker.style is not MarkerStyle.FORM:
            return DiagnosticCode.NUMBERING_GAP, f"numbering starts at {marker.text!r}, not at the first value"
        return None, ""
    before = ordinal(previous.value)
    if before is None:
        return None, ""
    if current == before:
        return DiagnosticCode.NUMBERING_REPEAT, f"{marker.text!r} repeats the previous number {previous.text!r}"
    if current < before:
        return DiagnosticCode.NUMBERING_ORDER, f"{marker.text!r} comes after {previous.text!r}"
    if current > before + 1:
        return DiagnosticCode.NUMBERING_GAP, f"{marker.text!r} follows {previous.text!r}: numbers are missing"
    return None, ""


def restarts_under(open_node: OpenNode, top: OpenNode, node: OpenNode) -> bool:
    """Does ``node`` start a new list under ``top`` rather than go on with ``open_node``'s?

    "a)" after "b) Khai các mục …", "(1)" … "(27) Đặc điểm lịch sử bản thân:" (corpus 09) starts
    the points of "(27)": a list's first value under a heading of another style that the open
    list's later value is above. Decimals keep their prefix rule.
    """
    marker, open_marker = node.marker, open_node.marker
    if marker is None or open_marker is None or marker.value is None or open_marker.value is None:
        return False
    if marker.style not in _RESTARTING or not top.is_section or top.marker is None:
        return False
    return ordinal(marker.value) == 1 and (ordinal(open_marker.value) or 0) > 1


#: Numbered list styles whose first value under a heading of another style opens a list of its own.
_RESTARTING = frozenset({MarkerStyle.LETTER, MarkerStyle.PAREN, MarkerStyle.ARABIC})

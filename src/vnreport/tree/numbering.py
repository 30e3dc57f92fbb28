"""Numbering inside one list: which value a marker holds, and gaps, repeats and disorder."""

from __future__ import annotations

from vnreport.model import DiagnosticCode, Marker, MarkerStyle
from vnreport.rules.numbers import letter_index


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
        if current > 1:
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

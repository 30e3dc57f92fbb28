"""Header fields the OCR stripped of their diacritics (issue 12, corpus 06).

"TiNH UY THAI NGUYEN" over "THÔNG BAO / CUA BAN CHAP HANH HANG B() TIN}I" is no issuer and no
title a reader would state: a field whose text lost its marks is left empty, with a diagnostic
that says so. An issuer that is a Party committee of the place the header names with its marks
("Thái Nguyên") is read as a careful reader reads it, and so is the header's title line, one
fixed string of the genre ("BANG CONG SAN VIT NAM" is "ĐẢNG CỘNG SẢN VIỆT NAM").
"""

from __future__ import annotations

import attrs

from vnreport.lines.quality import lost_diacritics
from vnreport.model import Diagnostic, DiagnosticCode, Metadata, Severity, Signature, Span
from vnreport.rules import furniture as P
from vnreport.text.folds import fold_accents

#: Party committees named by their place: the issuer of most provincial and district documents.
_PLACE_COMMITTEES = ("TỈNH ỦY", "THÀNH ỦY", "HUYỆN ỦY", "QUẬN ỦY", "THỊ ỦY", "ĐẢNG ỦY")
#: The header's title lines: whatever the OCR left of their marks, the header pattern that found
#: them names them (reference §7.3).
_FIXED_TITLES = ((P.PARTY_TITLE, "ĐẢNG CỘNG SẢN VIỆT NAM"), (P.STATE_TITLE, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
#: The text fields checked, in the order they are reported.
_FIELDS = ("issuer", "parent_issuer", "party_title", "title", "subtitle")


def withhold_damaged(meta: Metadata, at: Span) -> tuple[Metadata, tuple[Diagnostic, ...]]:
    """``meta`` without the values that lost their diacritics, and a diagnostic for each.

    ``at`` is where to report a field whose own span is not known (the header's start)."""
    changes: dict[str, object] = {}
    found: list[Diagnostic] = []
    for name in _FIELDS:
        value = getattr(meta, name)
        if not isinstance(value, str) or not lost_diacritics(value):
            continue
        repaired = _repaired(name, value, meta.place)
        changes[name] = repaired
        span = meta.spans.get(name, at)
        what = f"read as {repaired!r}" if repaired else "left empty"
        found.append(_diagnostic(f"the {name.replace('_', ' ')} {value!r} lost its diacritics; {what}", span))
    signature = _withhold_signature(meta.signature, found, at)
    if signature is not meta.signature:
        changes["signature"] = signature
    return (attrs.evolve(meta, **changes) if changes else meta), tuple(found)  # type: ignore[arg-type]


def _repaired(name: str, value: str, place: str | None) -> str | None:
    if name in ("issuer", "parent_issuer"):
        return _committee_of_place(value, place)
    return _fixed_title(value) if name == "party_title" else None


def _fixed_title(value: str) -> str | None:
    folded = fold_accents(value, punctuation=True).strip()
    for pattern, title in _FIXED_TITLES:
        m = pattern.match(folded)
        if m is not None and m.group("title") == folded:
            return title
    return None


def _committee_of_place(value: str, place: str | None) -> str | None:
    if not place:
        return None
    folded = fold_accents(value).casefold().split()
    for committee in _PLACE_COMMITTEES:
        candidate = f"{committee} {place.upper()}"
        if fold_accents(candidate).casefold().split() == folded:
            return candidate
    return None


def _withhold_signature(s: Signature | None, found: list[Diagnostic], at: Span) -> Signature | None:
    if s is None or s.authority is None or not lost_diacritics(s.authority):
        return s
    # The position under a stripped authority ("BH" for "BÍ THƯ") is no better.
    found.append(_diagnostic(f"the signature {s.authority!r} lost its diacritics; left empty", s.span or at))
    return attrs.evolve(s, authority=None, position=None)


def _diagnostic(message: str, span: Span) -> Diagnostic:
    return Diagnostic(DiagnosticCode.METADATA_DAMAGED, message, span, Severity.WARNING)

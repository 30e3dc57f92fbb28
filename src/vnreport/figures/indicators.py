"""A figure's indicator: the common indicator its subject names (``rules/indicators.py``)."""

from __future__ import annotations

from vnreport.rules.indicators import (
    ANY_INDICATOR,
    CLAUSE_END,
    INDICATOR_PATTERNS,
    PARTY_ADMISSION_BEFORE_FIGURE,
    PARTY_MEMBER_UNITS,
)


def indicator_of(subject: str | None, unit: str | None = None, before: str = "", after: str = "") -> str | None:
    """The code of the indicator ``subject`` names, or None.

    ``unit`` is the figure's unit. A subject often runs over several mentions ("thu ngân sách
    … tăng, tỷ lệ hộ nghèo giảm còn"): the mention that ends nearest the figure (the subject's
    end) is the one the figure measures; at equal ends the earlier (more specific) pattern wins.
    ``before`` and ``after`` are the sentence's text before and after the figure.
    """
    # The subject drops trailing verbs ("kết nạp"), so the figure's count of members admitted is
    # read from the words right before it (``before``: the sentence up to the figure).
    if unit in PARTY_MEMBER_UNITS and PARTY_ADMISSION_BEFORE_FIGURE.search(before or subject or ""):
        return "party_members_admitted"
    found = _nearest_mention(subject) if subject else None
    if found is None and after:
        # "có 82% trường học đạt chuẩn quốc gia", "144/216 xã đạt chuẩn nông thôn mới": a share or
        # a count names what it counts after itself (``after``: the rest of its clause).
        found = _first_mention(CLAUSE_END.split(after, maxsplit=1)[0])
    return found


def _first_mention(text: str) -> str | None:
    if not ANY_INDICATOR.search(text):
        return None
    first = min(
        (
            (m.start(), rank, name)
            for rank, (name, pattern) in enumerate(INDICATOR_PATTERNS)
            if (m := pattern.search(text))
        ),
        default=None,
    )
    return first[2] if first else None


def _nearest_mention(subject: str) -> str | None:
    if not ANY_INDICATOR.search(subject):
        return None
    best: tuple[int, int] | None = None
    code: str | None = None
    for rank, (name, pattern) in enumerate(INDICATOR_PATTERNS):
        last = None
        for last in pattern.finditer(subject):  # noqa: B007 - the last match is the one wanted
            pass
        if last is None:
            continue
        key = (last.end(), -rank)
        if best is None or key > best:
            best, code = key, name
    return code

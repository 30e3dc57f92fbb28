"""The subject of a comparison: the words before its first figure, trailing verbs peeled off."""

from __future__ import annotations

from vnreport.rules.figures import (
    CLAUSE_MARK_BEFORE,
    FOOTNOTE_IN_TEXT,
    SPACES,
    SUBJECT_LEAD,
    SUBJECT_TAIL,
    SUBJECT_TAIL_BY_LAST,
    SUBJECT_TAIL_LAST,
    SUBJECT_TAIL_REACH,
)


def subject_of(text: str, lo: int, hi: int) -> str | None:
    """Best-effort subject: the words from the clause start to the first figure."""
    # The clause the figure stands in: one backward search from the figure, which stops at the
    # nearest mark (five rfind calls would each scan back to the sentence start when absent).
    mark = CLAUSE_MARK_BEFORE.search(text, lo, hi)
    seg = text[mark.start() + 1 if mark else lo : hi]
    if "[" in seg:
        seg = FOOTNOTE_IN_TEXT.sub("", seg)
    seg = _one_spaced_text(seg).strip(" ,.-–")
    seg = SUBJECT_LEAD.sub("", seg)
    seg = seg[: _subject_tail_start(seg)].strip(" ,:")
    if not seg:
        return None
    return (seg[:1].upper() + seg[1:])[:160]


def _subject_tail_start(seg: str) -> int:
    """Where the trailing verbs of a subject phrase begin (``SUBJECT_TAIL``), or its length.

    The phrase's spaces are single ASCII ones by now, so the tail is peeled off phrase by phrase
    from the end (``SUBJECT_TAIL_BY_LAST``), which gives the start of the leftmost match of
    ``SUBJECT_TAIL.sub`` without a case-blind regex scan. A phrase with "ı",
    "İ" or "ſ" (which IGNORECASE matches with "i" or "s", and "İ" changes length when
    lower-cased) is searched with the regex itself, one reach at a time.
    """
    cut = len(seg)
    last = seg.rpartition(" ")[2]
    if last.casefold() not in SUBJECT_TAIL_LAST and "ı" not in last and "İ" not in last:
        return cut
    low = seg.lower()
    if len(low) == cut and "ı" not in low and "ſ" not in low:
        return _peel_tail(low)
    return _tail_start_by_regex(seg, cut)


def _peel_tail(low: str) -> int:
    """:func:`_subject_tail_start` of the lower-cased phrase ``low``, one tail phrase at a time
    from the end (an "ước" before a phrase goes with it)."""
    cut = len(low)
    while True:
        space = low.rfind(" ", 0, cut)
        phrases = SUBJECT_TAIL_BY_LAST.get(low[space + 1 : cut]) if space >= 0 else None
        if not phrases:
            return cut
        for phrase in phrases:
            start = _earlier_words_start(low, space, phrase)
            if start >= 0:
                break
        else:
            return cut
        before = low.rfind(" ", 0, start)
        cut = before if before >= 0 and low[before + 1 : start] == "ước" else start


def _earlier_words_start(low: str, space: int, words: tuple[str, ...]) -> int:
    """Where ``words`` (nearest first) begin when they are the words right before the space at
    ``space``: the offset of the space before them; -1 when they are not."""
    start = space
    for word in words:
        before = low.rfind(" ", 0, start)
        if before < 0 or low[before + 1 : start] != word:
            return -1
        start = before
    return start


def _tail_start_by_regex(seg: str, cut: int) -> int:
    """:func:`_subject_tail_start` with ``SUBJECT_TAIL`` itself, one reach back at a time."""
    while True:
        m = SUBJECT_TAIL.search(seg, max(0, cut - SUBJECT_TAIL_REACH))
        if m is None or m.start() >= cut:
            return cut
        cut = m.start()


def _one_spaced_text(s: str) -> str:
    """``SPACES.sub(" ", s)``, skipped when every space is already a single ASCII one (any other
    whitespace character is unprintable)."""
    return SPACES.sub(" ", s) if "  " in s or not s.isprintable() else s


def clean_base(base: str | None) -> str | None:
    if base is None:
        return None
    b = _one_spaced_text(base)
    if "[" in b:
        b = FOOTNOTE_IN_TEXT.sub("", b)
    b = b.strip(" ,.")
    return b or None

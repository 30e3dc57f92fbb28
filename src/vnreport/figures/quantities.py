"""Every figure of a sentence, and the units and rates a reader gives the bare ones."""

from __future__ import annotations

import sys

import attrs

from vnreport.figures.lexicon import COMPOUND_HEADS, MAX_HEAD_WORDS
from vnreport.figures.phrases import clause_start, innermost_paren, paren_spans, phrase_start
from vnreport.figures.read import DraftFigure, read_figure_at
from vnreport.figures.units import head_noun
from vnreport.model import Diagnostic, Quantity, Span
from vnreport.rules.figures import (
    CHANGE_WORD,
    COUNTED_TOTAL,
    EACH_YEAR,
    GOVERNING_RATE,
    LABEL_FIRST,
    LEADING_LABEL,
    NUMBER_TOKEN,
    RESTATED_BY,
    SLASH_WORD,
    SPACES,
    TOTAL_WITHIN,
)

_NOTHING: tuple[tuple[Quantity, ...], tuple[Diagnostic, ...]] = ((), ())


def find_quantities(text: str, span: Span) -> tuple[tuple[Quantity, ...], tuple[Diagnostic, ...]]:
    """Every figure inside ``text[span.start:span.end]`` (a sentence), with absolute spans.

    Args:
        text: the document text.
        span: the sentence (or line, or footnote body) to read.

    Returns:
        The quantities in text order, and a ``quantity-unreadable`` diagnostic for each figure
        that could not be read (a malformed number followed by a unit or a counted noun; a bare
        "4.3.3" is a section reference). Never raises on odd input.

    >>> qs, _ = quantities_in("tổng vốn đầu tư là 802,2 tỷ đồng, đạt 101,6% so với mục tiêu")
    >>> [(q.text, q.value, q.unit) for q in qs]
    [('802,2 tỷ đồng', Decimal('802200000000'), 'VND'), ('101,6%', Decimal('101.6'), '%')]
    """
    start, end = span.start, span.end
    if text.find("\n", start, end) < 0:
        return _find(text, start, end, text, 0)
    # A sentence hard-wrapped over lines (PDF text, wrapped Markdown) is read as one line: a
    # figure goes on across the break ("từ 437⏎triệu đồng/lao động", "2021 -⏎2025", "đến năm⏎
    # 2030"). The view is the sentence with its newlines made spaces, same length, so a figure's
    # offset in it is its offset in the text less the sentence's start. It keeps the two
    # characters before the sentence, which tell digits glued to them ("CT.07") from a count.
    lead = min(start, 2)
    view = text[start - lead : end].replace("\n", " ")
    return _find(view, lead, end - start + lead, text, start - lead)


def _find(
    text: str, start: int, end: int, source: str, base: int
) -> tuple[tuple[Quantity, ...], tuple[Diagnostic, ...]]:
    """:func:`find_quantities` of ``text[start:end]``; spans are shifted by ``base`` into
    ``source``, the text the figures' own texts are taken from."""
    figs: list[DraftFigure] = []
    diags: list[Diagnostic] = []
    skip = -1
    for m in NUMBER_TOKEN.finditer(text, start, end):
        s, e = m.span()
        if skip < 0:
            # The leading label is looked for only once a digit is seen (half the sentences of
            # a report have none), and only when the sentence can open with one.
            first = text[start : start + 1]
            lab = LEADING_LABEL.match(text, start, end) if first in LABEL_FIRST or first.isspace() else None
            skip = lab.end() if lab else start
        if s >= skip:
            skip = read_figure_at(text, s, e, start, end, figs, diags)
    if base and diags:
        diags = [attrs.evolve(d, span=Span(d.span.start + base, d.span.end + base)) for d in diags]
    if not figs:
        return ((), tuple(diags)) if diags else _NOTHING
    _resolve_bare_units(text, start, end, figs)
    _governing_per(text, start, figs)
    # Positional, and inline: a method call per figure costs more than building it.
    quantities = tuple(
        [
            Quantity(
                Span(f.start + base, f.end + base),
                source[f.start + base : f.end + base],
                f.value,
                # The units and qualifiers are a few words repeated: one string each.
                _interned(f.unit),
                f.low,
                f.high,
                _interned(f.per),
                f.den,
                _interned(f.qual),
            )
            for f in figs
        ]
    )
    return quantities, tuple(diags) if diags else ()


def _interned(word: str | None) -> str | None:
    return None if word is None else sys.intern(word)


def quantities_in(text: str) -> tuple[tuple[Quantity, ...], tuple[Diagnostic, ...]]:
    """:func:`find_quantities` over a whole string: handy for one-off phrases and tests."""
    return find_quantities(text, Span(0, len(text)))


def _resolve_bare_units(text: str, start: int, end: int, figs: list[DraftFigure]) -> None:
    """Give a bare number the unit a reader would: 'Bằng khen … 49', '308, tăng 48 người'.

    In order: 'Tổng số được khen thưởng 60' → what follows 'tổng số'; the figure that right away
    restates it ('trình độ đại học 308, tăng 48 người', 'báo cáo 3.910, chi trả 3.710 hồ sơ');
    the counted noun opening its phrase ('Cờ thi đua của Chính phủ 03'); inside a parenthesis,
    the figure it breaks down ('130.082 yêu cầu … (cấp huyện 21.756; cấp xã 108.326)'); the
    previous figure of the sentence ('trình độ khác 47, giảm 4').
    """
    for f in figs:
        if f.unit is None:
            break
    else:
        return
    parens = paren_spans(text, start, end)
    for i, f in enumerate(figs):
        if f.unit is None:
            f.unit = _bare_unit(text, start, figs, i, parens)


def _bare_unit(text: str, start: int, figs: list[DraftFigure], i: int, parens: list[tuple[int, int]]) -> str | None:
    """The unit of the bare figure ``i``, by the readings of :func:`_resolve_bare_units` in order."""
    f = figs[i]
    lo = phrase_start(text, start, f.start)
    unit = _counted_total(text, lo, f.start)
    if unit is not None:
        return unit
    nxt = figs[i + 1] if i + 1 < len(figs) else None
    if nxt is not None and nxt.unit is not None and RESTATED_BY.fullmatch(text, f.end, nxt.start):
        return nxt.unit
    unit = _np_head(text, lo, f.start)
    if unit is not None:
        return unit
    opened = innermost_paren(parens, f.start)
    if opened >= 0:
        for g in reversed(figs[:i]):
            if g.unit is not None and (g.start > opened or g.end <= opened):
                return g.unit
    return next((g.unit for g in reversed(figs[:i]) if g.unit is not None), None)


def _counted_total(text: str, lo: int, pos: int) -> str | None:
    """'Tổng số được khen thưởng 60' → 'khen thưởng'."""
    phrase = text[lo:pos].strip()
    m = COUNTED_TOTAL.match(phrase)
    if m is None and "tổng" in phrase:
        m = TOTAL_WITHIN.search(phrase)
    if m and 0 < m.end() < len(phrase):
        return head_noun(phrase[m.end() :])[0]
    return None


def _np_head(text: str, lo: int, pos: int) -> str | None:
    """The counted noun opening the phrase ``text[lo:pos]``, if it is a known one."""
    low = [w.casefold() for w in text[lo:pos].split()[:MAX_HEAD_WORDS]]
    for n in range(len(low), 1, -1):
        cand = " ".join(low[:n])
        if cand in COMPOUND_HEADS:
            return cand
    return None


def _governing_per(text: str, start: int, figs: list[DraftFigure]) -> None:
    """Per from the governing phrase.

    'mỗi năm … 12 nghìn lượt khách' and 'tăng bình quân hàng năm 19,5%' → per 'năm' (a flow, a
    rate of change); 'hằng năm đạt 90%' keeps per None (a share held each year). The cue governs
    only the first figure after it. 'số bác sĩ/vạn dân là 5,6 bác sĩ' → per 'vạn dân'.
    """
    last = figs[-1].start
    each_year = _may_say_each_year(text, start, last)
    # A rate needs "/" before a word; a fraction's "14/17" does not count.
    rate = text.find("/", start, last) >= 0 and SLASH_WORD.search(text, start, last) is not None
    if not each_year and not rate:
        return
    prev_end = start
    for f in figs:
        clause = clause_start(text, start, f.start)
        lo = max(clause, prev_end)
        prev_end = f.end
        if f.per is not None:
            continue
        before = text[lo : f.start]
        if f.unit and rate and "/" in before and SLASH_WORD.search(before):
            per = _governing_rate(before, f.unit)
            if per is not None:
                f.per = per
                continue
        if each_year and _each_year_governs(text, clause, f, before):
            f.per = "năm"


def _may_say_each_year(text: str, start: int, last: int) -> bool:
    """Whether EACH_YEAR can match before ``last``: it needs "năm" and one of "mỗi", "hằng",
    "hàng" ("ı" matches its "i" only under IGNORECASE). Casefolded only where "năm" is written,
    so a sentence without it needs no copy."""
    if text.find("năm", start, last) < 0:
        return False
    seg = text[start:last].casefold()
    return "mỗi" in seg or "hằng" in seg or "hàng" in seg or "ı" in seg


def _governing_rate(before: str, unit: str) -> str | None:
    """The "per" of a rate in the same unit governing the figure: "số bác sĩ/vạn dân là" → "vạn
    dân"; None when the rate's unit differs or it follows a figure of its own."""
    m = GOVERNING_RATE.search(before)
    if m is None or m.group("unit").casefold() != unit:
        return None
    if before[: m.start()].rstrip().endswith(tuple("0123456789%")):
        return None
    return SPACES.sub(" ", m.group("per").casefold())


def _each_year_governs(text: str, clause: int, f: DraftFigure, before: str) -> bool:
    """Whether "mỗi năm"/"hằng năm" before the figure makes it a yearly flow; a share (%) only
    when a verb of change is in its clause ("tăng bình quân hàng năm 19,5%")."""
    if "năm" not in before or EACH_YEAR.search(before) is None:
        return False
    if before.endswith(("cả ", "cả\u00a0")):
        return False  # "hằng năm giảm cả 03 tiêu chí": all three criteria, not three a year
    return f.unit != "%" or CHANGE_WORD.search(text, clause, f.start) is not None

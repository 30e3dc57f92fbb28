"""Typed comparisons among the figures of one sentence: targets, changes, baselines."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from operator import attrgetter

import attrs

from vnreport.figures.sentence import SentenceFigures, direction_of, header_baseline, occurrences_of
from vnreport.figures.subjects import clean_base
from vnreport.model import Comparison, ComparisonKind, Quantity, Span
from vnreport.rules.figures import (
    CHANGE_BEFORE,
    CHANGE_CUES,
    CHANGE_GOES_ON,
    FROM_BEFORE,
    MERGED_INTO,
    MET_TARGET_PHRASE,
    MULTIPLE_OF_AFTER,
    OF_TARGET_AFTER,
    PHRASE,
    SO_VOI_AFTER,
    SPACES,
    TARGET_BEFORE,
    TARGET_WORDS,
    TARGETS_MET_BEFORE,
    TO_BETWEEN,
    YEAR_IS_BEFORE,
)


def find_comparisons(text: str, span: Span, quantities: Sequence[Quantity]) -> tuple[Comparison, ...]:
    """Typed comparisons among the figures of one sentence.

    Kinds: ``achieved_vs_target`` ("28,67% (mục tiêu 29,44%)"), ``change_vs_baseline`` ("tăng
    166,4% so với giai đoạn 2011-2015", "từ 74,5% lên 94,63%", "năm 2015 đạt 65,4%, năm 2019 đạt
    81%"), ``change_vs_target`` ("vượt 10% so mục tiêu"), ``percent_of_target`` ("đạt 101,6% so
    với mục tiêu"), ``targets_met`` ("vượt 18/19 chỉ tiêu").

    Args:
        text: the document text.
        span: the sentence.
        quantities: the sentence's figures (from :func:`find_quantities`); others are ignored.

    Returns:
        The comparisons in text order, each with its wording's span, the figures it sets against
        each other, the direction (tăng, giảm, vượt) and the baseline as written.
    """
    if not quantities:
        return ()
    start, end = span.start, span.end
    qs = [q for q in quantities if start <= q.span.start and q.span.end <= end]
    if not qs:
        return ()
    qs.sort(key=_START_OF)
    if text.find("\n", start, end) >= 0:
        return _wrapped_comparisons(text, start, end, qs)
    return _comparisons(text, start, end, qs)


def _wrapped_comparisons(text: str, start: int, end: int, qs: list[Quantity]) -> tuple[Comparison, ...]:
    """The comparisons of a sentence hard-wrapped over lines, read as one line ("gấp 1,5 lần so
    với năm⏎2025"): on the sentence with its newlines made spaces (same length), its figures
    shifted into it and back."""
    view = text[start:end].replace("\n", " ")
    local = [attrs.evolve(q, span=Span(q.span.start - start, q.span.end - start)) for q in qs]
    back = {id(lq): q for lq, q in zip(local, qs, strict=True)}

    def orig(q: Quantity | None) -> Quantity | None:
        return back[id(q)] if q is not None else None

    out: list[Comparison] = []
    for c in _comparisons(view, 0, end - start, local):
        lo, hi = c.span.start + start, c.span.end + start
        out.append(
            attrs.evolve(
                c,
                span=Span(lo, hi),
                text=text[lo:hi],
                achieved=orig(c.achieved),
                target=orig(c.target),
                baseline=orig(c.baseline),
                change=orig(c.change),
                percent=orig(c.percent),
            )
        )
    return tuple(out)


def _comparisons(text: str, start: int, end: int, qs: list[Quantity]) -> tuple[Comparison, ...]:
    """:func:`find_comparisons` of the figures ``qs`` (sorted) of ``text[start:end]``."""
    low = text[start:end].casefold()
    st = SentenceFigures(text, start, end, qs, low)
    out = _target_comparisons(st, low)
    if "từ" in low:
        out.extend(_from_to(st))
    if "năm" in low and len(qs) > 1:
        out.extend(_year_pairs(st))
    cues = _find_all(low, CHANGE_CUES, start)
    if cues:
        cues.sort()
        out.extend(_changes(st, cues))
    if len(out) > 1:
        out.sort(key=_SPAN_OF)
    return tuple(out)


def _target_comparisons(st: SentenceFigures, low: str) -> list[Comparison]:
    """The comparisons with a target, tried only when the casefolded sentence ``low`` names one."""
    out: list[Comparison] = []
    if "(" in low and ("tiêu" in low or "hoạch" in low or "kh" in low):
        out.extend(_achieved_vs_target(st))
    if "tiêu" in low or "hoạch" in low or "toán" in low or "kh" in low:
        out.extend(_percent_of_target(st))
    if "chỉ tiêu" in low or "chỉ\u00a0tiêu" in low:
        out.extend(_targets_met(st))
    return out


#: Sort keys read in C ("span.start" through both attributes).
_START_OF = attrgetter("span.start")
_SPAN_OF = attrgetter("span.start", "span.end")


def _find_all(low: str, words: Sequence[str], offset: int) -> list[int]:
    """End offsets (absolute) of every occurrence of ``words`` in ``low``."""
    return [offset + i + len(w) for w in words for i in occurrences_of(low, w)]


def _achieved_vs_target(st: SentenceFigures) -> list[Comparison]:
    """ "28,67% (mục tiêu 29,44%)", "(chỉ tiêu 70%, tăng 11% so với chỉ tiêu)"."""
    text, s, e, qs = st.text, st.start, st.end, st.qs
    out: list[Comparison] = []
    for i, q in enumerate(qs):
        lo_win = max(s, q.span.start - 40)
        if text.find("(", lo_win, q.span.start) < 0:
            continue
        m = TARGET_BEFORE.match(text, lo_win, q.span.start)
        if not m:
            continue
        st.role[i] = "target"
        a = st.achieved_for(i, q.unit, m.start())
        close = text.find(")", q.span.end, e)
        hi = close + 1 if close >= 0 else q.span.end
        change: Quantity | None = None
        direction: str | None = None
        for k in range(i + 1, len(qs)):
            if qs[k].span.start >= hi:
                break
            cb = CHANGE_BEFORE.match(text, max(s, qs[k].span.start - 40), qs[k].span.start)
            if cb:
                change, direction = qs[k], direction_of(cb.group("verb"))
                st.role[k] = "change"
                break
        lo = qs[a].span.start if a is not None else m.start()
        out.append(
            st.comparison(
                ComparisonKind.ACHIEVED_VS_TARGET,
                lo,
                hi,
                achieved=qs[a] if a is not None else None,
                target=q,
                change=change,
                direction=direction,
            )
        )
    return out


def _percent_of_target(st: SentenceFigures) -> list[Comparison]:
    """ "đạt 101,6% so với mục tiêu", "171 người/199 người đạt 86% mục tiêu đề ra"."""
    text, s, e, qs = st.text, st.start, st.end, st.qs
    out: list[Comparison] = []
    for i, q in enumerate(qs):
        if q.unit != "%" or i in st.role:
            continue
        m = OF_TARGET_AFTER.match(text, q.span.end, e)
        if not m or CHANGE_BEFORE.match(text, max(s, q.span.start - 40), q.span.start):
            continue
        st.role[i] = "target"
        a = st.achieved_for(i, None)
        lo = qs[a].span.start if a is not None else q.span.start
        out.append(
            st.comparison(
                ComparisonKind.PERCENT_OF_TARGET,
                lo,
                m.end(),
                achieved=qs[a] if a is not None else None,
                percent=q,
                baseline_period=SPACES.sub(" ", m.group()).strip(),
            )
        )
    return out


def _targets_met(st: SentenceFigures) -> list[Comparison]:
    """ "hoàn thành và vượt 18/19 chỉ tiêu", "đạt chỉ tiêu tỉnh giao, … được 624/624 công dân"."""
    text, s, e, qs = st.text, st.start, st.end, st.qs
    out: list[Comparison] = []
    phrase = MET_TARGET_PHRASE.search(text, s, e)
    for i, q in enumerate(qs):
        if q.denominator is None:
            continue
        if q.unit == "chỉ tiêu":
            m = TARGETS_MET_BEFORE.match(text, max(s, q.span.start - 30), q.span.start)
            lo = m.start() if m else q.span.start
        elif phrase and phrase.end() <= q.span.start and st.same_clause(phrase.end(), q.span.start):
            lo = phrase.start()
        else:
            continue
        st.role.setdefault(i, "target")
        pe = PHRASE.match(text, q.span.end, e)
        hi = max(q.span.end, pe.end() if pe else q.span.end)
        out.append(st.comparison(ComparisonKind.TARGETS_MET, lo, hi, achieved=q))
    return out


def _from_to(st: SentenceFigures) -> list[Comparison]:
    """ "tăng từ 74,5% lên 94,63%", "từ 215 thôn, khu phố xuống còn 185 thôn"."""
    text, s, qs = st.text, st.start, st.qs
    out: list[Comparison] = []
    for i in range(len(qs) - 1):
        a, b = qs[i], qs[i + 1]
        if not st.has("từ", max(s, a.span.start - 12), a.span.start):
            continue
        fb = FROM_BEFORE.match(text, max(s, a.span.start - 20), a.span.start)
        if not fb or not st.same_clause(a.span.end, b.span.start):
            continue
        tb = TO_BETWEEN.fullmatch(text, a.span.end, b.span.start)
        if not tb:
            continue
        st.role[i] = "baseline"
        verb = fb.group("verb")
        out.append(
            st.comparison(
                ComparisonKind.CHANGE_VS_BASELINE,
                fb.start(),
                b.span.end,
                achieved=b,
                baseline=a,
                direction=direction_of(verb or tb.group("to")),
                baseline_period=f"năm {tb.group('y')}" if tb.group("y") else header_baseline(st)[0],
            )
        )
    return out


def _year_pairs(st: SentenceFigures) -> list[Comparison]:
    """ "năm 2015 đạt 65,4%, năm 2019 đạt 81%": a change whose direction the reader derives."""
    text, s, qs = st.text, st.start, st.qs
    out: list[Comparison] = []
    for i in range(len(qs) - 1):
        a, b = qs[i], qs[i + 1]
        if a.unit != b.unit or a.value is None or b.value is None:
            continue
        if not st.has("năm", max(s, a.span.start - 24), a.span.start):
            continue
        ya = YEAR_IS_BEFORE.match(text, max(s, a.span.start - 24), a.span.start)
        if not ya:
            continue
        yb = YEAR_IS_BEFORE.match(text, max(s, b.span.start - 24), b.span.start)
        if not yb or ya.group("y") == yb.group("y"):
            continue
        if text[a.span.end : yb.start()].strip(" ,\u00a0\t") != "":
            continue
        early, late = (a, b) if ya.group("y") < yb.group("y") else (b, a)
        assert early.value is not None and late.value is not None
        if late.value == early.value:
            direction = "không đổi"
        else:
            direction = "tăng" if late.value > early.value else "giảm"
        out.append(
            st.comparison(
                ComparisonKind.CHANGE_VS_BASELINE,
                ya.start(),
                b.span.end,
                achieved=late,
                baseline=early,
                direction=direction,
                baseline_period=f"năm {min(ya.group('y'), yb.group('y'))}",
            )
        )
    return out


def _changes(st: SentenceFigures, cues: list[int]) -> list[Comparison]:
    """ "tăng 166,4% so với giai đoạn 2011-2015", "giảm 43 vụ (32,5%)", "vượt 10% so mục tiêu",
    "Tỷ lệ hộ nghèo năm 2019 là 8,85%, giảm 20,82% (năm 2015 là 29,67%)"."""
    out: list[Comparison] = []
    last: tuple[int, str | None, int | None] | None = None  # the previous change figure
    for i in range(len(st.qs)):
        if st.role.get(i) is not None:
            continue
        cue = _change_cue(st, cues, i, last)
        if cue is None:
            continue
        direction, verb_start, a = cue
        st.role[i] = "change"
        out.append(_change(st, i, a, direction, verb_start))
        last = (i, direction, a)
    return out


def _change_cue(
    st: SentenceFigures, cues: list[int], i: int, last: tuple[int, str | None, int | None] | None
) -> tuple[str | None, int, int | None] | None:
    """What makes figure ``i`` a change: (its direction, where its verb starts, the figure it
    changes). A verb of change before it ("tăng 5%"), or the change figure before it going on
    ("giảm 43 vụ (32,5%)"); None when neither."""
    text, q = st.text, st.qs[i]
    k = bisect_left(cues, q.span.start - 48)
    if k < len(cues) and cues[k] <= q.span.start:
        cb = CHANGE_BEFORE.match(text, max(st.start, q.span.start - 48), q.span.start)
        if cb:
            return direction_of(cb.group("verb")), cb.start(), st.achieved_for(i, q.unit)
    if last is not None and CHANGE_GOES_ON.fullmatch(text, st.qs[last[0]].span.end, q.span.start):
        return last[1], q.span.start, last[2]
    return None


def _change(st: SentenceFigures, i: int, a: int | None, direction: str | None, verb_start: int) -> Comparison:
    """The comparison of the change figure ``i`` with the figure ``a`` it changes and its baseline."""
    qs = st.qs
    q = qs[i]
    base_text, hi = _stated_baseline(st, q)
    baseline, year, hi = _year_baseline(st, i, hi)
    if base_text is None:
        base_text = year
    if baseline is None and a is not None:
        baseline = _merged_from(st, a)
    kind = ComparisonKind.CHANGE_VS_BASELINE
    if base_text is not None and TARGET_WORDS.match(base_text):
        kind = ComparisonKind.CHANGE_VS_TARGET
    achieved = qs[a] if a is not None else None
    lo = achieved.span.start if achieved is not None else min(verb_start, q.span.start)
    return st.comparison(
        kind,
        lo,
        hi,
        achieved=achieved,
        baseline=baseline,
        change=q,
        percent=q if q.unit == "%" and achieved is not None and achieved.unit not in (None, "%") else None,
        direction=direction,
        baseline_period=base_text,
    )


def _stated_baseline(st: SentenceFigures, q: Quantity) -> tuple[str | None, int]:
    """The reference of a change as written: after it ("so với năm 2015"), else stated once for
    the sentence before it ("So với năm 2015: …"); and where the comparison's wording ends."""
    e = st.end
    so = SO_VOI_AFTER.match(st.text, q.span.end, e) if st.has("so", q.span.end, e) else None
    if so is None and q.unit == "lần":
        so = MULTIPLE_OF_AFTER.match(st.text, q.span.end, e)  # "gấp 1,6 lần năm 2020"
    base_text = clean_base(so.group("base")) if so else None
    hi = so.end() if so else q.span.end
    if base_text is None:
        header, header_pos = header_baseline(st)  # read once per sentence, on first need
        if header is not None and header_pos < q.span.start:
            base_text = header
    return base_text, hi


def _year_baseline(st: SentenceFigures, i: int, hi: int) -> tuple[Quantity | None, str | None, int]:
    """The figure right after change ``i`` when it gives the baseline's year ("(năm 2015 là
    29,67%)"): (it, "năm 2015", the comparison's end), or (None, None, ``hi``)."""
    qs, nxt = st.qs, i + 1
    if nxt >= len(qs) or st.role.get(nxt) is not None:
        return None, None, hi
    text, after = st.text, qs[nxt].span.start
    yb = YEAR_IS_BEFORE.match(text, max(st.start, after - 24), after)
    if not yb or text[qs[i].span.end : yb.start()].strip(" ,(\u00a0\t") != "":
        return None, None, hi
    st.role[nxt] = "baseline"
    return qs[nxt], f"năm {yb.group('y')}", max(hi, qs[nxt].span.end)


def _merged_from(st: SentenceFigures, a: int) -> Quantity | None:
    """The figure that units were merged from into figure ``a``: "8 đơn vị … thành 05 đơn vị,
    giảm 03 đơn vị"."""
    qs = st.qs
    if not st.has("thành", st.start, qs[a].span.start):
        return None  # no "thành" before it: asking each earlier figure made a long line quadratic
    for j in st.before(a):
        if (
            qs[j].unit == qs[a].unit
            and st.has("thành", qs[j].span.end, qs[a].span.start)
            and MERGED_INTO.search(st.text, qs[j].span.end, qs[a].span.start)
        ):
            return qs[j]
    return None

"""Reading one figure at its first digit: number(s), scale, unit, "/" and qualifiers."""

from __future__ import annotations

import re
from decimal import Decimal

from vnreport.figures.lexicon import (
    COMPOUND_FIRST,
    CONTEXT_LAST,
    GENERIC_TOTALS,
    IDENTIFIER_NEXT,
    LABEL_LAST,
    LUMP_SUM,
    MAP_SCALES,
    NOT_BEFORE_HON,
    ONE_IDIOMS,
    QUALIFIER_LAST,
    QUALIFIERS,
    QUALIFIERS_2,
    RATING_UNITS,
    STOP_WORDS,
)
from vnreport.figures.numbers import is_well_formed, is_year, read_number, scaled, tidy
from vnreport.figures.rates import per_denominator_end
from vnreport.figures.units import GLUED, UnitRead, head_noun, read_unit, unit_follows
from vnreport.figures.words import (
    after_proper_name,
    closes_count_paren,
    label_kind,
    last_word_before,
    skip_label,
    start_of_words,
    words_before,
)
from vnreport.model import Diagnostic, DiagnosticCode, Severity, Span
from vnreport.rules.figures import (
    EACH_YEAR_AFTER,
    FROM_TO_AHEAD,
    GLUED_MARKER_END,
    IDENTIFIER_TAIL,
    INLINE_DOT_LABEL,
    INLINE_LABEL,
    MAP_SCALE_TAIL,
    NON_QUANTITY_AT,
    PART_OF_YEAR_AFTER,
    POST_QUALIFIER,
    QUANTITY_FOOTNOTE_REF,
    RANGE_TAIL,
    SLASH_NUMBER,
    SLASH_PER,
    SPACES,
    TIERED_GOVERNMENT_BEFORE,
    UNIT_MORE_WORDS,
    VERSION,
)


class DraftFigure:
    """A figure being read: scratch local to one call, frozen into a Quantity at the end."""

    __slots__ = ("den", "end", "high", "low", "per", "qual", "start", "unit", "value")

    def __init__(
        self,
        start: int,
        end: int,
        value: Decimal | None,
        low: Decimal | None,
        high: Decimal | None,
        unit: str | None,
    ) -> None:
        self.start = start
        self.end = end
        self.value = value
        self.low = low
        self.high = high
        self.unit = unit
        self.per: str | None = None
        self.den: Decimal | None = None
        self.qual: str | None = None


def _unreadable(text: str, s: int, e: int, why: str) -> Diagnostic:
    return Diagnostic(
        code=DiagnosticCode.QUANTITY_UNREADABLE,
        message=f"figure {text[s:e]!r} skipped: {why}",
        span=Span(s, e),
        severity=Severity.WARNING,
    )


def read_figure_at(
    text: str, s: int, e: int, start: int, end: int, figs: list[DraftFigure], diags: list[Diagnostic]
) -> int:
    """Read the figure whose first digit run is ``text[s:e]``; returns where scanning resumes."""
    tok = text[s:e]
    # The document's own character, even at the span's start: a sentence wrongly cut after the
    # dot of "cao tốc CT.07 đoạn …" must not make "07 đoạn" a count.
    prev = text[s - 1] if s > 0 else " "
    if prev != " ":  # after a plain space (most figures) none of these can apply
        resume = _glued_end(text, tok, prev, s, e, start, end)
        if resume >= 0:
            return resume
    c1 = text[e : e + 1]
    if c1 in _MAY_CONTINUE or len(tok) >= 5:  # "%", ",", a letter: no date or number goes on
        resume = _identifier_end(text, tok, s, e, end, c1)
        if resume >= 0:
            return resume
    # The word right before decides whether the two before it matter at all: most figures
    # follow a verb ("đạt", "là", "có") that is no label, qualifier or lump-sum word.
    w3 = last_word_before(text, s, start)
    w2, weak_label = "", False
    if w3 in CONTEXT_LAST:
        resume, w2, w3, weak_label = _read_context(text, tok, s, e, start, end)
        if resume >= 0:
            return resume
    if w3 == "trên" and figs:
        resume = per_denominator_end(text, s, e, end, figs)
        if resume >= 0:
            return resume
    read = _read_figure(text, tok, s, e, end, w2, w3, weak_label, diags)
    if isinstance(read, int):
        return read
    _qualify_if_worded(text, read[0], start, end, w2, w3)
    figs.extend(read)
    return read[-1].end


def _qualify_if_worded(text: str, fig: DraftFigure, start: int, end: int, w2: str, w3: str) -> None:
    """Qualify ``fig`` where words may do so: without a qualifier word before, "trở lên" or
    "năm" after, :func:`_qualify` would change nothing, and most figures have none."""
    fe = fig.end
    if (
        w3 in QUALIFIER_LAST
        or text.find("trở", fe, fe + 16) >= 0
        or (fig.per is None and text.find("năm", fe, fe + 16) >= 0)
    ):
        _qualify(text, fig, start, end, w2, w3, text[fe : fe + 16])


def _glued_end(text: str, tok: str, prev: str, s: int, e: int, start: int, end: int) -> int:
    """Where scanning resumes after digits glued to what precedes them, which identify or
    mark a note rather than count; -1 when they are a figure."""
    # Digits glued to letters identify ("COVID-19", "QH15", "H5N1", "Quý I/2020").
    if prev.isalpha() or (prev in "-/." and s >= 2 and text[s - 2].isalpha()):
        ident = IDENTIFIER_TAIL.match(text, e, end)
        return ident.end() if ident else e
    if prev == "[":
        ref = QUANTITY_FOOTNOTE_REF.match(text, s - 1, end)
        if ref:
            return ref.end()
    if len(tok) <= 3 and tok.isdigit() and _note_number_after(text, prev, e, end):
        return e
    return -1


def _note_number_after(text: str, prev: str, e: int, end: int) -> bool:
    """Short digits glued to a closing quote, or to "%" or ")" and then ending a clause, number a
    note (PDF text): "“Tuổi trẻ”12", "đạt trên 61,6%16.", "(79,4 triệu đồng)13."."""
    if prev in '”"’':
        return True
    if prev not in "%)":
        return False
    m = GLUED_MARKER_END.match(text, e, end)
    return m is not None and (m.group("next") is None or m.group("next").isupper())


#: What may follow the first digits of a date, a period or a document number: IDENTIFIER_NEXT,
#: or a space before a dash, a slash or a capital ("05 - CT/TW").
_MAY_CONTINUE = IDENTIFIER_NEXT | frozenset(" \u00a0")


def _identifier_end(text: str, tok: str, s: int, e: int, end: int, c1: str) -> int:
    """The end of the date, period or document number the figure ``tok`` starts, or -1; ``c1``
    is the character after it.

    The regex is tried only after a character that can continue such a shape."""
    if (
        (c1 in IDENTIFIER_NEXT and (c1 != "." or _digit_after_dot(text, e)))
        or (len(tok) >= 5 and tok[-5] == ".")  # "01.10.1997"
        or (c1 in (" ", "\u00a0") and ((c2 := text[e + 1 : e + 2]) in ("-", "–", "/") or c2.isupper()))
    ):
        nq = NON_QUANTITY_AT.match(text, s, end)
        if nq:
            return int(nq.end())
    return -1


def _digit_after_dot(text: str, e: int) -> bool:
    """After "." at ``e``, a digit, maybe after one space: only then can the number start a
    NON_QUANTITY_AT shape ("15.5.2016", "15. 5. 2016"); "năm 2020." ends a sentence."""
    c = text[e + 1 : e + 2]
    return c.isdigit() or (c.isspace() and text[e + 2 : e + 3].isdigit())


def _read_context(text: str, tok: str, s: int, e: int, start: int, end: int) -> tuple[int, str, str, bool]:
    """The two words before a figure that follows a label, qualifier or lump-sum word:
    (where scanning resumes past a label, date or drawing scale, else -1; the word before
    the last; the last; whether the label is a weak one)."""
    w1, w2, w3 = words_before(text, s, start)
    label = label_kind(w1, w2, w3, tok) if w3 in LABEL_LAST else None
    if label == "strong" or label == "date":
        return skip_label(text, e, end), w2, w3, False
    if tok == "1" and w3 == "lệ" and w2 in ("tỷ", "tỉ"):
        sc = MAP_SCALE_TAIL.match(text, e, end)
        if sc:
            return sc.end(), w2, w3, False  # "tỷ lệ 1/2000": a drawing scale
    return -1, w2, w3, label == "weak"


#: The dashes of a range ("30 - 35", "4–5%").
_DASHES = frozenset("-–—")


def _read_figure(
    text: str,
    tok: str,
    s: int,
    e: int,
    end: int,
    w2: str,
    w3: str,
    weak_label: bool,
    diags: list[Diagnostic],
) -> list[DraftFigure] | int:
    """Number(s), scale, unit and "/" of the figure ``tok`` at ``s``.

    Returns the figures to keep (two for "105 lần/5.248 lượt"; the first is then qualified), or
    where to resume scanning when there is none: a non-quantity, an unreadable figure.
    """
    v1 = read_number(tok)
    if v1 is None:
        if unit_follows(text, e, end):
            diags.append(_unreadable(text, s, e, "not a number in Vietnamese notation"))
        return e
    cursor = e
    v2: Decimal | None = None
    ahead = text[e : e + 6]
    if w3 == "từ" or not _DASHES.isdisjoint(ahead):
        ranged = _range_tail(text, tok, v1, e, end, w3, ahead)
        if isinstance(ranged, int):
            return ranged
        cursor, v2 = ranged
    read: UnitRead
    if cursor == e and ahead[:1] == "%" and ahead[1:2] != "/":
        read = (e + 1, None, "%", None)  # "28,67%": most figures of a report, read without a regex
    else:
        read = read_unit(text, cursor, end)
    stop, scale, unit, trouble = read
    if trouble is not None:
        if trouble is not GLUED:
            diags.append(_unreadable(text, s, stop, trouble))
        return stop
    if "." in tok and unit in (None, "%") and not is_well_formed(tok):
        return _misgrouped_end(text, tok, s, e, unit, scale, diags)
    return _keep_figure(text, tok, s, e, end, cursor, v1, v2, read, w2, w3, weak_label, diags)


def _range_tail(
    text: str, tok: str, v1: Decimal, e: int, end: int, w3: str, ahead: str
) -> tuple[int, Decimal | None] | int:
    """The other end of a range after the number ``tok`` (``v1``) ending at ``e``: (where the
    range ends, its high value), or (``e``, None) when there is none; an int when the range is a
    period of years, which is where scanning resumes."""
    if _DASHES.isdisjoint(ahead) and "đến" not in ahead and "tới" not in ahead:
        return e, None  # "từ" without a dash, "đến" or "tới" after the number
    r = RANGE_TAIL.match(text, e, end)
    if not r or (r.group("sep").strip() not in "-–—" and w3 != "từ"):
        return e, None
    n2 = r.group("n2")
    if is_year(tok) and is_year(n2):
        return r.end()  # "từ 2015 đến 2019": a period
    v2 = read_number(n2)
    if v2 is None or v2 <= v1 or not is_well_formed(n2):
        return e, None
    return r.end(), v2


def _misgrouped_end(
    text: str, tok: str, s: int, e: int, unit: str | None, scale: Decimal | None, diags: list[Diagnostic]
) -> int:
    """ "1.2", "137.16%": a malformed group is read only when a counted unit vouches for a
    figure. Without a unit it is a section reference ("điểm 10.5"), and "4.0" a version
    ("công nghiệp 4.0"): both skipped without a word."""
    if unit == "%" or (scale is not None and not VERSION.fullmatch(tok)):
        diags.append(_unreadable(text, s, e, "digit groups are not groups of three"))
    return e


def _keep_figure(
    text: str,
    tok: str,
    s: int,
    e: int,
    end: int,
    cursor: int,
    v1: Decimal,
    v2: Decimal | None,
    read: UnitRead,
    w2: str,
    w3: str,
    weak_label: bool,
    diags: list[Diagnostic],
) -> list[DraftFigure] | int:
    """The figure read up to its unit, unless it is an idiom, a grade, a year or a label; then
    its "/" (a fraction, a second count, a rate)."""
    stop, scale, unit, _ = read
    if v2 is not None:
        fig = DraftFigure(s, cursor, None, scaled(v1, scale), scaled(v2, scale), unit)
    else:
        fig = DraftFigure(s, cursor, v1 if scale is None else tidy(v1 * scale), None, None, unit)
    if stop > cursor:
        fig.end = stop
    if unit is not None:
        if unit in RATING_UNITS or (tok == "1" and v2 is None and _one_is_idiom(unit, w2, w3)):
            return fig.end  # "khách sạn 3 sao", "1 số" = some, "trợ cấp 1 lần" = a lump sum
        if unit == "cấp" and TIERED_GOVERNMENT_BEFORE.search(text, max(0, s - 28), s):
            return fig.end  # "chính quyền địa phương 02 cấp": the name of the two-tier model
        if unit == "tháng" and v2 is None and PART_OF_YEAR_AFTER.match(text, fig.end, end):
            return fig.end  # "6 tháng đầu năm": a part of the year, a period
    elif scale is None and v2 is None:
        resume = _bare_number_end(text, tok, s, e, end, weak_label)
        if resume >= 0:
            return resume
    if text.find("/", fig.end, fig.end + 3) >= 0:
        return _after_slash(text, fig, v1, v2, scale, end, w3, diags)
    return [fig]


def _one_is_idiom(unit: str, w2: str, w3: str) -> bool:
    """Whether "1 ``unit``" is no count: "1 số" = "một số" (some), "trợ cấp 1 lần" (a lump sum)."""
    return unit in ONE_IDIOMS or (unit == "lần" and f"{w2} {w3}" in LUMP_SUM)


def _bare_number_end(text: str, tok: str, s: int, e: int, end: int, weak_label: bool) -> int:
    """Where scanning resumes after a bare number that is a year, a label or a list marker; -1
    when it is a figure."""
    if is_year(tok) or weak_label:
        return skip_label(text, e, end)  # "từ 2015 đến nay", "2019)", "Quyết định số 15"
    after = text[e : e + 1]
    if after == ")":
        before = text[s - 1 : s] if s > 0 else ""
        if before == "(":
            return e + 1  # "(3)" inside running text
        if before in ("", " ", "\t", ":") and INLINE_LABEL.match(text, e, end) and not closes_count_paren(text, s):
            return e + 1  # "1) …; 2) …"
    elif after == "." and len(tok) <= 2 and _inline_dot_label(text, s, e, end):
        return e + 1  # "(bao gồm: 1. Bối cảnh …, 2. Sự phát triển …; 3. Những thành tựu …)"
    if len(tok) <= 2 and after_proper_name(text, s):
        # "KCN Yên Bình 3", "tràn Thác Huống 2", "- Như Điều 3;": the number of a name; with
        # what is glued to it ("Ngày Nhà giáo Việt Nam 20/11": a day and month).
        ident = IDENTIFIER_TAIL.match(text, e, end)
        return ident.end() if ident else e
    return -1


def _inline_dot_label(text: str, s: int, e: int, end: int) -> bool:
    """Whether the number ``text[s:e]`` and the "." after it label a list run into a sentence:
    after a list mark (":", ";", ",", "(") and before a capital."""
    m = INLINE_DOT_LABEL.match(text, e, end)
    if m is None or not m.group("c").isupper():
        return False
    j = s - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    return j >= 0 and text[j] in ":;,("


def _after_slash(
    text: str,
    fig: DraftFigure,
    v1: Decimal,
    v2: Decimal | None,
    scale: Decimal | None,
    end: int,
    w3: str,
    diags: list[Diagnostic],
) -> list[DraftFigure] | int:
    """A "/" right after the figure: a denominator ("14/17 xã"), or a rate ("15 người/năm")."""
    unit = fig.unit
    sl = SLASH_NUMBER.match(text, fig.end, end) if v2 is None else None
    if sl and sl.group("n") == "1" and unit is not None:
        sl = None  # "30 giường bệnh/1 vạn dân": per ten thousand people, not a fraction
    if sl:
        return _denominator(text, fig, v1, scale, sl, end, w3, diags)
    if unit is not None:
        per = SLASH_PER.match(text, fig.end, end)
        if per and per.group("per").casefold() not in STOP_WORDS:  # "1,15%/ và": a stray slash
            fig.per, fig.end = _per_unit(text, per, end)
    return [fig]


def _per_unit(text: str, per: re.Match[str], end: int) -> tuple[str, int]:
    """The per of a rate and where it ends: "/năm", "/1 vạn dân", and a compound head noun
    read whole ("triệu đồng/lao động", "/hộ gia đình"), not its first syllable."""
    word = per.group("per")
    low = word.casefold()
    if low in COMPOUND_FIRST:
        more = UNIT_MORE_WORDS.match(text, per.end(), end)
        stop = more.end() if more else per.end()
        head, length = head_noun(text[per.start("per") : stop])
        if head is not None and length > len(word):
            stop = per.start("per") + length
            again = SLASH_PER.match(text, stop, end)  # "/hộ gia đình/năm"
            if again is not None and again.group("per").casefold() not in COMPOUND_FIRST:
                return f"{head}/{SPACES.sub(' ', again.group('per').casefold())}", again.end()
            return head, stop
    return SPACES.sub(" ", low), per.end()


def _denominator(
    text: str,
    fig: DraftFigure,
    v1: Decimal,
    scale: Decimal | None,
    sl: re.Match[str],
    end: int,
    w3: str,
    diags: list[Diagnostic],
) -> list[DraftFigure] | int:
    """ "14/17 xã", "47.053 người/49.760 dân số" (a fraction) or "105 lần/5.248 lượt" (two figures)."""
    vd = read_number(sl.group("n"))
    if vd is None:
        diags.append(_unreadable(text, sl.start("n"), sl.end("n"), "unreadable denominator"))
        return sl.end()
    stop2, scale2, unit2, _ = read_unit(text, sl.end(), end)
    if fig.unit is None and unit2 is None and _scale_or_date(v1, vd, w3):
        return sl.end()
    if fig.unit is None or unit2 is None or fig.unit == unit2 or unit2 in GENERIC_TOTALS:
        _set_fraction(fig, v1, vd, scale, (stop2, scale2, unit2, None), sl.end())
        return [fig]
    # "105 lần/5.248 lượt", "336 vụ/540 bị can": two counts of different things.
    return [fig, DraftFigure(sl.start("n"), stop2, scaled(vd, scale2), None, None, unit2)]


def _scale_or_date(numerator: Decimal, denominator: Decimal, w3: str) -> bool:
    """Whether a bare "a/b" is a drawing scale ("1/500") or a date ("từ 15/5"), not a fraction."""
    if numerator == 1 and denominator in MAP_SCALES:
        return True
    return numerator <= 31 and denominator <= 12 and w3 in ("từ", "đến", "hôm", "sáng", "chiều")


def _set_fraction(
    fig: DraftFigure, v1: Decimal, vd: Decimal, scale: Decimal | None, read: UnitRead, slash_end: int
) -> None:
    """Make ``fig`` the fraction ``v1``/``vd``, the denominator's unit reading ``read``: a bare
    numerator takes the denominator's unit and scale ("14/17 xã")."""
    stop2, scale2, unit2, _ = read
    if fig.unit is None:
        fig.unit = unit2
        if fig.value is not None and scale2 is not None:
            fig.value = scaled(v1, scale2)
    fig.den = scaled(vd, scale2 if scale2 is not None else scale)
    fig.end = stop2 if unit2 is not None or scale2 is not None else slash_end


def _qualify(text: str, fig: DraftFigure, start: int, end: int, w2: str, w3: str, after: str) -> None:
    """Qualifiers on both sides ("trên 1.000 lao động", "10% trở lên", "từ 10% trở lên"), and
    "mỗi năm"/"/năm" after the figure; ``after`` is the text right after it."""
    qual = _qualifier_before(w2, w3) if w3 in QUALIFIER_LAST else None
    qual_start = fig.start
    if qual is not None:
        qual_start = start_of_words(text, fig.start, start, qual.count(" ") + 1)
    pq = POST_QUALIFIER.match(text, fig.end, end) if "trở" in after else None
    if qual == "từ":
        if fig.low is not None or FROM_TO_AHEAD.match(text, fig.end, end):
            # "từ 3 đến 5 tuổi" is a range, bounded both ways; "từ X lên Y" a change.
            qual, qual_start = None, fig.start
        else:
            # "từ 10% trở lên", and the elliptical "tăng từ 2%" read the same way.
            qual = "từ … trở lên"
            if pq:
                fig.end = pq.end()
    elif pq:
        qual = SPACES.sub(" ", pq.group("q").casefold())
        fig.end = pq.end()
    fig.qual = qual
    fig.start = qual_start
    if fig.per is None and "năm" in after and EACH_YEAR_AFTER.match(text, fig.end, end):
        fig.per = "năm"


def _qualifier_before(w2: str, w3: str) -> str | None:
    """The qualifier the last two words before a figure make ("ít nhất", "trên"), if any; "cao
    hơn 5%" compares, so only a bare "hơn" qualifies."""
    if w2 and f"{w2} {w3}" in QUALIFIERS_2:
        return f"{w2} {w3}"
    if w3 in QUALIFIERS and not (w3 == "hơn" and w2 in NOT_BEFORE_HON):
        return w3
    return None

"""What follows a number: the scale word, the unit or the counted head noun."""

from __future__ import annotations

import re
from decimal import Decimal

from vnreport.figures.lexicon import (
    CASED_MEASURES,
    COMPOUND_FIRST,
    COMPOUND_HEADS,
    COMPOUNDS_BY_FIRST,
    CURRENCIES,
    DOCUMENT_KINDS,
    MAX_HEAD_WORDS,
    MEASURES,
    SCALE_VALUES,
    SCALE_WORDS,
    STOP_WORDS,
)
from vnreport.rules.figures import SPACES, UNIT, UNIT_MORE_WORDS

#: What :func:`read_unit` returns: where the figure ends, the scale factor, the normalised unit,
#: and None or what went wrong (``GLUED`` or a diagnostic message). A plain tuple: it is built
#: for nearly every figure, and a tuple costs a fraction of an object with attributes.
UnitRead = tuple[int, Decimal | None, str | None, str | None]
GLUED = "letters glued to the number"


def head_noun(words: str) -> tuple[str | None, int]:
    """'doanh nghiệp mới thành lập' → ('doanh nghiệp', its length); a stop word → (None, 0)."""
    low = words.casefold()
    if len(low) == len(words) and low[:1] != " " and "  " not in low and low.replace(" ", "").isalpha():
        # The usual shape (letters, single spaces, casefolding keeps lengths): compounds are
        # compared on the string itself, without splitting it into words.
        first = low.partition(" ")[0]
        for cand in COMPOUNDS_BY_FIRST.get(first, ()):
            if low.startswith(cand) and low[len(cand) : len(cand) + 1] in ("", " "):
                return cand, len(cand)
        return _simple_head(words, first, len(first))
    parts = words.split(None, MAX_HEAD_WORDS)[:MAX_HEAD_WORDS]
    if not parts:
        return None, 0
    first = parts[0].casefold()
    if first in COMPOUND_FIRST:
        # Compounds first: "chỉ tiêu" is a noun although "chỉ" (only) is a stop word.
        low_parts = [first] + [p.casefold() for p in parts[1:]]
        for n in range(len(low_parts), 1, -1):
            cand = " ".join(low_parts[:n])
            if cand in COMPOUND_HEADS:
                return cand, _length_of_words(words, parts, n)
    return _simple_head(words, first, len(parts[0]))


def _simple_head(words: str, first: str, length: int) -> tuple[str | None, int]:
    """The head noun when no compound opens ``words``: its first word ``first``, unless that is
    a stop word; "lượt" keeps what it counts in the span."""
    if first in STOP_WORDS:
        return None, 0
    if first == "lượt":
        # "235.653 lượt người" counts turns: the unit is "lượt"; what is counted stays in the span.
        rest = words[length:].lstrip()
        noun, rest_length = head_noun(rest)
        if noun is not None and noun != "lượt":
            return "lượt", len(words) - len(rest) + rest_length
    return first, length


def _length_of_words(words: str, parts: list[str], n: int) -> int:
    """Length, in ``words`` with its own spacing, of its first ``n`` words (``parts``)."""
    end = 0
    for p in parts[:n]:
        end = words.index(p, end) + len(p)
    return end


def one_spaced(words: str) -> str:
    """Words joined by single spaces, as the lexicon keys are ("nghìn  tỷ" → "nghìn tỷ")."""
    return words if words.isalpha() else SPACES.sub(" ", words)


def read_unit(text: str, pos: int, end: int) -> UnitRead:
    """Scale word and unit after a number ending at ``pos``."""
    m = UNIT.match(text, pos, end)
    if m is None:
        return pos, None, None, None
    scale_w, sp, pct, comrade, currency, measure, w0 = m.groups()
    scale: Decimal | None = None
    stop = pos
    if scale_w:
        scale = SCALE_VALUES[one_spaced(scale_w.casefold())]
        stop = m.end("scale")
    if pct:
        return m.end(), scale, "%", None
    if comrade:
        return m.end(), scale, "đồng chí", None
    if currency:
        return m.end(), scale, CURRENCIES.get(one_spaced(currency.casefold()), "VND"), None
    if measure:
        key = one_spaced(measure.casefold())
        return m.end(), scale, measure if measure in CASED_MEASURES else MEASURES.get(key, key), None
    if not w0:
        return stop, scale, None, None
    if not (sp or scale_w):
        return m.end("w0"), None, None, GLUED  # "5G", "4A": letters glued to a number, no unit
    first = w0.casefold()
    if scale is None and first not in _NOT_PLAIN_NOUN:
        return m.end("w0"), None, first, None  # most counted nouns: one plain syllable, no scale
    return _counted_noun(text, m, first, end, scale, stop)


#: First words that make a counted noun more than its first syllable, or no noun at all.
_NOT_PLAIN_NOUN = COMPOUND_FIRST | STOP_WORDS | {"lượt"}


def _counted_noun(text: str, m: re.Match[str], first: str, end: int, scale: Decimal | None, stop: int) -> UnitRead:
    """The counted head noun opening with the word ``first`` (casefolded) after a number and its
    scale word, if any (``scale``, ending at ``stop``), as :func:`read_unit` returns it."""
    if scale is not None and first in SCALE_WORDS:
        # "tỷ tỷ đồng": no reader can tell what was meant.
        return m.start("w0") + len(first), scale, None, "two scale words after one number"
    # Most counted nouns are one plain syllable; only compounds and "lượt" need the full lookup.
    if first in COMPOUND_FIRST or first == "lượt":
        words_end = UNIT_MORE_WORDS.match(text, m.end("w0"), end)
        head, length = head_noun(text[m.start("w0") : words_end.end() if words_end else m.end("w0")])
    elif first in STOP_WORDS:
        head, length = None, 0
    else:
        head, length = first, m.end("w0") - m.start("w0")
    if head is None:
        return stop, scale, None, None
    if head in DOCUMENT_KINDS and m.group("w0")[:1].isupper():
        # "điểm 3.4 Quy định số 294": a cited title, read as the capitalised word it opens with
        # (which the figure's readers then take for a title, not a count).
        return m.end("w0"), scale, first, None
    return m.start("w0") + length, scale, head, None


def unit_follows(text: str, pos: int, end: int) -> bool:
    """Whether a unit or a counted noun follows ``pos``: what makes a malformed number a figure
    worth a diagnostic. "Điểm 4.3.3 (a)", "điểm 10.5, Quy định 294" are section references;
    "1.2.3.4 tỷ đồng", "12,,5 tấn", "137.16%" are figures nobody can read. A capitalised word
    after the number starts a title ("Điểm 4.3.1 Hướng dẫn số 38"), not a counted noun."""
    _, scale, unit, _ = read_unit(text, pos, end)
    if scale is not None:
        return True
    if unit is None:
        return False
    m = UNIT.match(text, pos, end)
    noun = m.group("w0") if m else None  # set only when the unit is a counted noun
    return not (noun and noun[:1].isupper())

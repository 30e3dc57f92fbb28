"""The one home of each fold (text/folds.py, rules/numbers.py) against the copies it replaces.

Each ``_old_*`` function below is a verbatim copy of a fold that lived elsewhere before it was
merged: ``layout/codes.py`` ``fold`` and ``fold_tones``, ``layout/tables.py`` ``_fold``,
``sentences/tokens.py`` ``fold``, ``layout/furniture.py`` ``_ordinal``. The tests show where the
single implementation gives the same result (every code point, every corpus line) and pin down
the few inputs where it deliberately does not.
"""

from __future__ import annotations

import unicodedata
from functools import cache

import pytest
import regex

from vnreport.rules.numbers import read_roman, roman_value
from vnreport.text.folds import fold_accents, fold_key, fold_tone_placement
from vnreport.text.reading import read

from ..helpers import CORPUS

# -- the folds as they were ----------------------------------------------------------------------


def _old_codes_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in (*range(0xC0, 0x250), *range(0x1EA0, 0x1F00)):
        ch = chr(cp)
        base = unicodedata.normalize("NFD", ch)[0]
        if base != ch and base.isascii() and base.isalpha():
            table[cp] = base
    table[ord("Đ")] = "D"
    table[ord("đ")] = "d"
    for dash in "–—−‐‑":
        table[ord(dash)] = "-"
    for space in "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003":
        table[ord(space)] = " "
    return table


_OLD_CODES_FOLD = str.maketrans(_old_codes_table())


def _old_codes_fold(text: str) -> str:
    return text.translate(_OLD_CODES_FOLD)


_OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_OLD_TONES.update({k.upper(): v.upper() for k, v in list(_OLD_TONES.items())})
_OLD_TONES.update({k[0].upper() + k[1]: v[0].upper() + v[1] for k, v in list(_OLD_TONES.items()) if k.islower()})
_OLD_TONE = regex.compile(
    "(?<![qQ])(" + "|".join(sorted(_OLD_TONES, key=len, reverse=True)) + r")(?!\p{L})", regex.VERSION1
)


def _old_fold_tones(text: str) -> str:
    result: str = _OLD_TONE.sub(lambda m: _OLD_TONES[m.group(1)], text)
    return result


def _old_tables_fold(s: str) -> str:
    decomposed = unicodedata.normalize("NFD", s.casefold().strip(" *_-:\u00a0"))
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("đ", "d").split())


def _old_tokens_fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[:1]
    return "d" if base in "đĐ" else base.casefold()[:1] or ch


def _old_tokens_fold(text: str) -> str:
    return "".join(_old_tokens_fold_char(ch) if not ch.isascii() or ch.isupper() else ch for ch in text)


_OLD_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _old_ordinal_roman(value: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(value):
        v = _OLD_ROMAN.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total or None


# -- samples ---------------------------------------------------------------------------------------

EVERY_CODE_POINT = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)
LATIN = "".join(chr(cp) for cp in (*range(0x250), *range(0x1EA0, 0x1F00)))


@cache
def _corpus_lines() -> tuple[str, ...]:
    if not CORPUS.is_dir():
        return ()
    lines: list[str] = []
    for path in sorted(CORPUS.rglob("*")):
        if path.is_file():
            try:
                lines.extend(read(path.read_bytes()).text.splitlines())
            except Exception:
                continue
    return tuple(lines)


def corpus_lines() -> tuple[str, ...]:
    lines = _corpus_lines()
    if not lines:
        pytest.skip("../shared/corpus is not beside the checkout")
    return lines


def _tone_samples() -> list[str]:
    toned = [unicodedata.normalize("NFC", v + m) for v in "aey" for m in "\u0300\u0301\u0303\u0309\u0323"]
    pairs = [first + second for first in "ou" for second in toned]
    pairs += [p.upper() for p in pairs] + [p[0].upper() + p[1] for p in pairs]
    before = ("", " ", "q", "Q", "h", "Th", "1")
    after = ("", " ", "n", "N", "1", ".")
    return [b + p + a for p in pairs for b in before for a in after]


# -- accent folds ----------------------------------------------------------------------------------


def test_fold_accents_with_punctuation_is_codes_fold_on_every_code_point() -> None:
    assert fold_accents(EVERY_CODE_POINT, punctuation=True) == _old_codes_fold(EVERY_CODE_POINT)


def test_fold_accents_with_punctuation_is_codes_fold_on_the_corpus() -> None:
    for line in corpus_lines():
        assert fold_accents(line, punctuation=True) == _old_codes_fold(line)


def test_fold_accents_lower_is_tokens_fold_on_latin_letters() -> None:
    # Latin letters whose base is an ASCII letter: the ones underthesea's rewrites touch.
    latin = "".join(ch for ch in LATIN if unicodedata.normalize("NFD", ch)[0].isascii())
    assert fold_accents(latin, lower=True) == _old_tokens_fold(latin)


def test_fold_accents_lower_keeps_the_length_and_is_finer_than_the_tokens_fold() -> None:
    folded = fold_accents(EVERY_CODE_POINT, lower=True)
    assert len(folded) == len(EVERY_CODE_POINT)
    old = _old_tokens_fold(EVERY_CODE_POINT)
    # The old fold also took the marks off non-Latin letters ("ά" → "α", "≠" → "="); where the two
    # differ, the new one keeps the character (lower-cased), never merges two the old kept apart.
    for ch, new, was in zip(EVERY_CODE_POINT, folded, old, strict=True):
        if new != was:
            assert new == ch.casefold()[:1], ch


def test_fold_accents_lower_is_tokens_fold_on_the_corpus_but_for_not_equal() -> None:
    for line in corpus_lines():
        assert fold_accents(line, lower=True) == _old_tokens_fold(line.replace("≠", "="))


def test_fold_key_is_tables_fold() -> None:
    samples = [*EVERY_CODE_POINT[:0x3000], " **Tỷ lệ** ", "----Cơ quan chủ trì:", "  Đơn\u00a0 vị  ", "HOÁ"]
    for s in samples:
        assert fold_key(s.strip(" *_-:\u00a0")) == _old_tables_fold(s), s


def test_fold_key_is_tables_fold_on_the_corpus() -> None:
    for line in corpus_lines():
        for cell in line.split("|"):
            assert fold_key(cell.strip(" *_-:\u00a0")) == _old_tables_fold(cell)


# -- tone placement ---------------------------------------------------------------------------------


def test_fold_tone_placement_is_fold_tones_on_the_corpus() -> None:
    for line in corpus_lines():
        assert fold_tone_placement(line) == _old_fold_tones(line)


def test_fold_tone_placement_is_fold_tones_on_samples() -> None:
    for s in _tone_samples():
        assert fold_tone_placement(s) == _old_fold_tones(s), s


@pytest.mark.parametrize(
    ("text", "new", "old"),
    [
        ("hoÀ", "hòA", "hoÀ"),  # a lower-case vowel before a capital: the old table had no entry
        ("hoá²", "hoá²", "hóa²"),  # a superscript digit counts as part of the word in the new one
    ],
)
def test_fold_tone_placement_differs_from_fold_tones_only_off_the_page(text: str, new: str, old: str) -> None:
    assert fold_tone_placement(text) == new
    assert _old_fold_tones(text) == old


# -- Roman numerals ----------------------------------------------------------------------------------


def _numerals() -> list[str]:
    ones = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
    tens = ["", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"]
    return [tens[n // 10] + ones[n % 10] for n in range(1, 100)] + ["C", "CI", "CX"]


def test_read_roman_is_the_furniture_ordinal() -> None:
    for numeral in [*_numerals(), "", "xiv", "X1", "IIX", "IL", "VX", "MC", "Ⅳ"]:
        assert read_roman(numeral) == _old_ordinal_roman(numeral), numeral


def test_roman_value_reads_either_case() -> None:
    for n, numeral in enumerate(_numerals()[:99], start=1):
        assert roman_value(numeral) == n
        assert roman_value(numeral.lower()) == n
    with pytest.raises(ValueError, match="not a Roman numeral"):
        roman_value("XM")

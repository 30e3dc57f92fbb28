"""The text folds of the parser: one home for each way two spellings are made to compare equal.

:func:`fold_accents` strips diacritics ("HÒA" → "HOA", "Đảng" → "Dang"), optionally lower-cases
and evens out dashes and odd spaces; it keeps the length, so a match in the folded text is a
match at the same offsets in the original. :func:`fold_key` is the same idea for comparing two
labels, where offsets do not matter: lower case, no marks, runs of space as one.

:func:`fold_tone_placement` gives a matching key in which old-style ("hoá", "khoẻ", "uỷ") and
new-style ("hóa", "khỏe", "ủy") tone placement read the same. The key has the input's length,
character for character, so a match found in the key is a match at the same offsets in the text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Combining marks of the five Vietnamese tones (grave, acute, tilde, hook above, dot below).
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _accent_table() -> dict[int, str]:
    """Latin letters with diacritics (Latin-1, Extended-A and -B, the Vietnamese block) → base."""
    table: dict[int, str] = {}
    for cp in (*range(0xC0, 0x250), *range(0x1EA0, 0x1F00)):
        ch = chr(cp)
        base = unicodedata.normalize("NFD", ch)[0]
        if base != ch and base.isascii() and base.isalpha():
            table[cp] = base
    table[ord("Đ")] = "D"
    table[ord("đ")] = "d"
    return table


def _punctuation_table() -> dict[int, str]:
    table = dict.fromkeys(map(ord, "–—−‐‑"), "-")
    table.update(dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003"), " "))
    return table


_ACCENTS = str.maketrans(_accent_table())
_ACCENTS_AND_PUNCTUATION = str.maketrans(_accent_table() | _punctuation_table())


@lru_cache(maxsize=4096)
def _lower_same_length(ch: str) -> str:
    # "İ".lower() and "ß".casefold() are two characters; the first keeps the length.
    return ch.casefold()[:1] or ch


def fold_accents(text: str, *, lower: bool = False, punctuation: bool = False) -> str:
    """``text`` without diacritics on its Latin letters, "Đ"/"đ" → "D"/"d", of the same length.

    ``lower`` also lower-cases, one character for one. ``punctuation`` also makes every dash "-"
    and every odd space (no-break, thin, figure …) " ". Header patterns run on the folded text:
    "HÒA"/"HOÀ" and "ỦY"/"UỶ" become one spelling, and OCR that lost its marks ("BANG CONG SAN
    VIT NAM") still meets them.
    """
    folded = text.translate(_ACCENTS_AND_PUNCTUATION if punctuation else _ACCENTS)
    if not lower:
        return folded
    if folded.isascii():
        return folded.lower()
    return "".join(_lower_same_length(ch) if not ch.isascii() or ch.isupper() else ch for ch in folded)


def fold_key(text: str) -> str:
    """A key for comparing labels: lower case, no diacritics, "đ" → "d", runs of space as one.

    Unlike :func:`fold_accents` the length changes ("ß" → "ss", marks dropped), which a key
    compared whole can afford.
    """
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("đ", "d").split())


def _toned(vowel: str) -> str:
    return "".join(unicodedata.normalize("NFC", vowel + mark) for mark in _TONES)


def _fold_table() -> dict[str, str]:
    """Old-style pair (tone on the second vowel) → new-style pair (tone on the first), all cases."""
    table: dict[str, str] = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for mark in _TONES:
            old = first + unicodedata.normalize("NFC", second + mark)
            new = unicodedata.normalize("NFC", first + mark) + second
            for upper_first in (False, True):
                for upper_second in (False, True):
                    o = (old[0].upper() if upper_first else old[0]) + (old[1].upper() if upper_second else old[1])
                    n = (new[0].upper() if upper_first else new[0]) + (new[1].upper() if upper_second else new[1])
                    table[o] = n
    return table


_FOLD = _fold_table()

# Only a word-final "oa"/"oe"/"uy" differs between the styles: with a final consonant both put the
# tone on the second vowel ("hoàn", "thuyền"), and after "q" the "u" belongs to the onset ("quý").
# Three-vowel rhymes ("khoái", "khuỷu") fall outside the pattern because a letter follows.
_OLD_STYLE = re.compile(
    "(?<![qQ])(?:[oO][" + _toned("a") + _toned("e") + "]|[uU][" + _toned("y") + "])(?![^\\W\\d_])",
    re.IGNORECASE,
)


def fold_tone_placement(text: str) -> str:
    """Return ``text`` with old-style tone placement rewritten to the new style.

    "hoá" → "hóa", "khoẻ" → "khỏe", "uỷ" → "ủy", "thuỷ" → "thủy", "HOÀ" → "HÒA"; words whose
    placement does not depend on the style ("hoàng", "quý", "khuyến") are unchanged. The result
    has the same length as ``text`` (NFC input expected), so offsets carry over unchanged: fold
    both the text and the pattern's literal, match on the folded text, and report the spans.
    """
    if not _OLD_STYLE.search(text):
        return text
    return _OLD_STYLE.sub(lambda m: _FOLD.get(m.group(), m.group()), text)


def upper_same_length(text: str) -> str:
    """``text`` in capitals, character for character: a letter whose capital is longer ("ß" →
    "SS") stays as it is, so that every offset still points at the same character."""
    upper = text.upper()
    if len(upper) == len(text):
        return upper
    return "".join(u if len(u := c.upper()) == 1 else c for c in text)

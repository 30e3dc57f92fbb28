"""Small Vietnamese text helpers shared by the parser's stages.

:func:`fold_tone_placement` gives a matching key in which old-style ("hoá", "khoẻ", "uỷ") and
new-style ("hóa", "khỏe", "ủy") tone placement read the same. The key has the input's length,
character for character, so a match found in the key is a match at the same offsets in the text.
"""

from __future__ import annotations

import re
import unicodedata

#: Combining marks of the five Vietnamese tones (grave, acute, tilde, hook above, dot below).
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")

_TONES = "\u0300\u0301\u0303\u0309\u0323"


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

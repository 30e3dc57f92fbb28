"""Numbers written as words, and Roman numerals: "Phần thứ hai", "Hai là,", "XIV"."""

from __future__ import annotations

from vnreport.rules.common import SP

# ---------------------------------------------------------------------------------------------
# Numbers written as words, and Roman numerals
# ---------------------------------------------------------------------------------------------

#: Vietnamese number words used in "Phần thứ hai", "Hai là,", "Thứ tư,". "tư" is the ordinal
#: form of four; "nhất" only occurs as the ordinal of one; "lăm"/"mốt" occur in 15, 21...
NUMBER_WORDS: dict[str, int] = {
    "nhất": 1,
    "một": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}
_UNIT_WORD = r"(?:một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|bẩy|tám|chín)"
NUMBER_WORD = rf"(?:nhất|mười(?:{SP}+{_UNIT_WORD})?|{_UNIT_WORD})"
# "Nhất là, …" means "especially": the "X là," form never takes "nhất".
LA_WORD = rf"(?:mười(?:{SP}+{_UNIT_WORD})?|{_UNIT_WORD})"


def number_words_value(words: str) -> int | None:
    """``"hai"`` → 2, ``"mười một"`` → 11, ``"nhất"`` → 1; None when not a number word."""
    parts = words.casefold().split()
    if not parts:
        return None
    if parts[0] == "mười":
        if len(parts) == 1:
            return 10
        unit = {"mốt": 1, "lăm": 5}.get(parts[1], NUMBER_WORDS.get(parts[1]))
        return 10 + unit if unit is not None and len(parts) == 2 else None
    if len(parts) == 1:
        return NUMBER_WORDS.get(parts[0])
    return None


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
ROMAN = r"(?:X{0,3}(?:IX|IV|V?I{1,3}|V)|X{1,3})"
"""I … XXXIX. Uppercase only: "i." and "v." are letters or abbreviations."""


def read_roman(numeral: str) -> int | None:
    """The value of a Roman numeral in capitals ("XIV" → 14), or None when a character is not a
    Roman digit or ``numeral`` is empty. The digits are not checked for order ("IIX" → 8)."""
    total = 0
    prev = 0
    for ch in reversed(numeral):
        value = _ROMAN_VALUES.get(ch)
        if value is None:
            return None
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return total or None


def roman_value(numeral: str) -> int:
    """The value of a numeral that :data:`ROMAN` matched, in either case ("xiv" → 14)."""
    value = read_roman(numeral.upper())
    if value is None:
        raise ValueError(f"not a Roman numeral: {numeral!r}")
    return value


#: Vietnamese alphabetical order for list letters: no f, j, w, z (kept at the end so that a
#: document that uses them still gets an order), and "đ" after "d".
LETTER_ORDER = "abcdđeghiklmnopqrstuvxy" + "fjwz"


def letter_index(letter: str) -> int:
    return LETTER_ORDER.find(letter.casefold())

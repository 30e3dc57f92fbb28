"""Every pattern the parser matches, named and commented in one place.

Patterns are compiled with the ``regex`` module (Unicode classes such as ``\\p{Lu}``, full
case folding for Vietnamese). ``SP`` is "a space that is not a newline": NBSP (U+00A0) and the
other Unicode spaces count, because reports indent with NBSP and PDFs leave odd spaces.

Marker rules are data (:data:`MARKER_RULES`): a name, a pattern, the style it yields, an
example, and why it exists. They are tried in order, most specific first ("Phần thứ hai"
before a bare Roman numeral, "2.1-" before "2-").
"""

from __future__ import annotations

from collections.abc import Callable

import regex
from attrs import frozen

from .model import MarkerStyle

SP = r"[^\S\n]"
"""One horizontal space: any Unicode whitespace but the newline (NBSP included)."""

_FLAGS = regex.VERSION1 | regex.IGNORECASE

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
_NUMBER_WORD = rf"(?:nhất|mười(?:{SP}+{_UNIT_WORD})?|{_UNIT_WORD})"
# "Nhất là, …" means "especially": the "X là," form never takes "nhất".
_LA_WORD = rf"(?:mười(?:{SP}+{_UNIT_WORD})?|{_UNIT_WORD})"


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


def roman_value(numeral: str) -> int:
    total = 0
    prev = 0
    for ch in reversed(numeral.upper()):
        value = _ROMAN_VALUES[ch]
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return total


#: Vietnamese alphabetical order for list letters: no f, j, w, z (kept at the end so that a
#: document that uses them still gets an order), and "đ" after "d".
LETTER_ORDER = "abcdđeghiklmnopqrstuvxy" + "fjwz"


def letter_index(letter: str) -> int:
    return LETTER_ORDER.find(letter.casefold())


# ---------------------------------------------------------------------------------------------
# Marker rules
# ---------------------------------------------------------------------------------------------

ValueOf = Callable[["regex.Match[str]"], "int | str | tuple[int, ...] | None"]


@frozen
class MarkerRule:
    """One way of numbering a heading or item."""

    name: str
    style: MarkerStyle
    pattern: regex.Pattern[str]
    """Matched at the first non-space character of a line; group ``marker`` is the marker."""
    value: ValueOf
    example: str
    why: str


def _compile(body: str, flags: int = _FLAGS) -> regex.Pattern[str]:
    return regex.compile(body, flags)


def _part_value(m: regex.Match[str]) -> int | None:
    if m.group("word"):
        return number_words_value(m.group("word"))
    if m.group("roman"):
        return roman_value(m.group("roman"))
    return int(m.group("num"))


def _roman_or_int(m: regex.Match[str]) -> int:
    v = m.group("v")
    return int(v) if v.isdigit() else roman_value(v)


def _int_value(m: regex.Match[str]) -> int:
    return int(m.group("v"))


def _decimal_value(m: regex.Match[str]) -> tuple[int, ...]:
    return tuple(int(p) for p in m.group("v").split("."))


def _letter_value(m: regex.Match[str]) -> str:
    return str(m.group("v")).casefold()


def _capital_value(m: regex.Match[str]) -> str:
    return str(m.group("v")).upper()


def _ordinal_value(m: regex.Match[str]) -> int | None:
    return number_words_value(m.group("w"))


def _none(m: regex.Match[str]) -> None:
    return None


# After a marker: a space, the end of the line, or (for tight writing such as "I.TÌNH HÌNH")
# an upper-case letter. Never a digit: "1.683.240", "30 - 35", "1-2%" are numbers.
_AFTER = rf"(?={SP}|$|\p{{Lu}}|\*)"
_SEP = r"[.\-–—:)]"  # separators after a number: "1.", "1-", "1–", "1:", "1)"

MARKER_RULES: tuple[MarkerRule, ...] = (
    MarkerRule(
        "part",
        MarkerStyle.PART,
        _compile(
            rf"(?P<marker>phần{SP}++(?:thứ{SP}++(?P<word>{_NUMBER_WORD})|(?P<roman>(?-i:{ROMAN}))|(?P<num>\d{{1,2}}))"
            rf"(?![\w]){SP}*+(?:[.:\-–—]{SP}*+(?!\d))?)",
        ),
        _part_value,
        "Phần thứ hai",
        "Top division of congress reports; spelled out, Roman or Arabic, any case (seed, corpus 01, 07).",
    ),
    MarkerRule(
        "chapter",
        MarkerStyle.CHAPTER,
        _compile(rf"(?P<marker>chương{SP}++(?P<v>(?-i:{ROMAN})|\d{{1,3}})(?![\w]){SP}*+(?:[.:\-–]{SP}*+)?)"),
        _roman_or_int,
        "Chương I",
        "Chapters of laws, decrees, regulations (Decree 30/2020, corpus 16-18).",
    ),
    MarkerRule(
        "subsection",
        MarkerStyle.SUBSECTION,
        _compile(rf"(?P<marker>tiểu{SP}++mục{SP}++(?P<v>(?-i:{ROMAN})|\d{{1,3}})(?![\w]){SP}*+(?:[.:\-–]{SP}*+)?)"),
        _roman_or_int,
        "Tiểu mục 1",
        "Sub-sections inside a Mục of long legal texts.",
    ),
    MarkerRule(
        "section",
        MarkerStyle.SECTION,
        _compile(rf"(?P<marker>mục{SP}++(?P<v>(?-i:{ROMAN})|\d{{1,3}})(?![\w,/]|\.\d){SP}*+(?:[.:\-–]{SP}*+)?)"),
        _roman_or_int,
        "Mục 1",
        "Sections inside a Chương (corpus 16, 17); 'Mục tiêu' has no number and never matches.",
    ),
    MarkerRule(
        "article",
        MarkerStyle.ARTICLE,
        _compile(rf"(?P<marker>điều{SP}++(?P<v>\d{{1,3}})(?P<suffix>[a-zđ])?{SP}*+[.:](?!\d){SP}*+)"),
        _int_value,
        "Điều 1.",
        "Articles; the '.' or ':' is required so that 'Điều 5 Luật …' in prose is not taken.",
    ),
    MarkerRule(
        "ordinal-word",
        MarkerStyle.ORDINAL_WORD,
        _compile(
            rf"(?P<marker>(?:(?P<w>{_LA_WORD}){SP}++là{SP}*+[,:]|thứ{SP}++(?P<w>{_NUMBER_WORD}){SP}*+[,:]"
            rf"(?!{SP}*+(?:ngày|\d))){SP}*+)"
        ),
        _ordinal_value,
        "Một là,",
        "Enumerated lessons and tasks: 'Một là, …', 'Thứ nhất, …' (seed 'Bài học kinh nghiệm'). "
        "'Thứ hai, ngày 5/10' is a weekday, not an ordinal.",
    ),
    MarkerRule(
        "paren",
        MarkerStyle.PAREN,
        _compile(rf"(?P<marker>\({SP}*+(?P<v>\d{{1,3}}){SP}*+\){SP}*+)(?=\S|$)"),
        _int_value,
        "(1)",
        "Numbered targets and tasks: '(1) Đến năm 2025 …' (seed 'Chỉ tiêu chủ yếu').",
    ),
    MarkerRule(
        "decimal",
        MarkerStyle.DECIMAL,
        _compile(
            rf"(?P<marker>(?P<v>\d{{1,2}}(?:\.\d{{1,2}}){{1,4}})(?:{SP}*+{_SEP}(?!\d)|(?={SP}++\p{{Lu}})){SP}*+)"
            rf"(?!\d|%|,)",
            regex.VERSION1,
        ),
        _decimal_value,
        "2.1-",
        "Sub-numbering that carries its parents: '2.1-', '1.1.1.'. Components have at most two digits, "
        "so '1.683.240' stays a number; without a separator only when a capital follows.",
    ),
    MarkerRule(
        "roman",
        MarkerStyle.ROMAN,
        _compile(rf"(?P<marker>(?P<v>{ROMAN}){SP}*+{_SEP}{_AFTER}{SP}*+)", regex.VERSION1),
        _roman_or_int,
        "II-",
        "Main sections of reports: 'I-', 'II.', 'IV -'. Upper case only.",
    ),
    MarkerRule(
        "capital",
        MarkerStyle.CAPITAL,
        _compile(rf"(?P<marker>(?P<v>[A-ZĐ]){SP}*+[.)\-]{SP}++)(?=\S)", regex.VERSION1),
        _capital_value,
        "A.",
        "Lettered divisions 'A.', 'B.' (programmes, appendices). I, V, X are read as Roman first.",
    ),
    MarkerRule(
        "arabic",
        MarkerStyle.ARABIC,
        _compile(rf"(?P<marker>(?P<v>\d{{1,3}}){SP}*+(?:[.\-–—)]|:(?={SP})){_AFTER}{SP}*+)(?!\d)", regex.VERSION1),
        _int_value,
        "1-",
        "Numbered sections and items: '1-', '1.', '1)'. A digit after the separator means a range or "
        "a number ('30 - 35', '1.683'), and four digits mean a year ('2020 - 2025').",
    ),
    MarkerRule(
        "letter",
        MarkerStyle.LETTER,
        _compile(rf"(?P<marker>(?P<v>[a-zđ]){SP}*+[).]{SP}++)(?=\S)", regex.VERSION1),
        _letter_value,
        "đ)",
        "Lettered points 'a)', 'b.', 'đ)'; a space must follow, so 'v.v.' is not a marker.",
    ),
    MarkerRule(
        "dash",
        MarkerStyle.DASH,
        _compile(rf"(?P<marker>[-–—−‐](?![-–—−‐]){SP}*+)(?=\S)", regex.VERSION1),
        _none,
        "-",
        "Dash bullets; a rule line '-----' is not a bullet.",
    ),
    MarkerRule(
        "plus",
        MarkerStyle.PLUS,
        _compile(rf"(?P<marker>\+{SP}*+)(?=\S)", regex.VERSION1),
        _none,
        "+",
        "Second-level bullets.",
    ),
    MarkerRule(
        "bullet",
        MarkerStyle.BULLET,
        _compile(rf"(?P<marker>[•●▪■◦○♦➢➤✓√]{SP}*+)(?=\S)", regex.VERSION1),
        _none,
        "•",
        "Typographic bullets from Word and PDF exports.",
    ),
    MarkerRule(
        "star",
        MarkerStyle.STAR,
        _compile(rf"(?P<marker>\*{SP}++)(?=[^\s*])", regex.VERSION1),
        _none,
        "* Về kinh tế",
        "A star bullet introduces a bullet-level sub-heading; '**bold**' (no space) is not one.",
    ),
)

# ---------------------------------------------------------------------------------------------
# Line shapes
# ---------------------------------------------------------------------------------------------

#: A rule line: only rule characters ("¯¯¯¯", "-----", "____", "===", "* * *").
RULE_LINE = regex.compile(rf"^{SP}*(?:[¯\-_=─━~·.…]{{3,}}|(?:\*{SP}*){{2,}}){SP}*$", regex.VERSION1)
#: The lone "*" under the issuing body of a Party header (Guideline 36-HD/VPTW).
STAR_LINE = regex.compile(rf"^{SP}*\*{SP}*$", regex.VERSION1)

#: Where a sentence ends inside a title-or-sentence decision: ". X" with a capital after.
SENTENCE_BREAK = regex.compile(r"[.!?…](?:[\"”’)\]])?\s+[\"“(]?\p{Lu}", regex.VERSION1)
#: A run-in heading: a short label, a colon, then running text ("1- Thuận lợi: Nước ta …").
RUN_IN = regex.compile(rf"^(?P<label>[^:.;!?\n]{{1,90}}?){SP}*:{SP}*(?P<body>\S)", regex.VERSION1)
#: Letters of a line: used to tell upper-case title lines from prose.
LOWER = regex.compile(r"\p{Ll}", regex.VERSION1)
UPPER = regex.compile(r"\p{Lu}", regex.VERSION1)

# ---------------------------------------------------------------------------------------------
# Footnotes
# ---------------------------------------------------------------------------------------------

#: An inline bracket marker: "[14]", "[3-5]", "[3,4]", "[3, 4]". Labels are 1-4 digits.
FOOTNOTE_REF = regex.compile(
    r"\[(?P<labels>\d{1,4}(?:[^\S\n]*[-–,;][^\S\n]*\d{1,4})*)\]", regex.VERSION1
)
#: A footnote body line: "[1]- text", "[3] - text", "[2] text", "[12]. text".
FOOTNOTE_BODY = regex.compile(rf"{SP}*\[(?P<label>\d{{1,4}})\]{SP}*(?:[-–—.:)]{SP}*)?", regex.VERSION1)

# ---------------------------------------------------------------------------------------------
# Closing matter
# ---------------------------------------------------------------------------------------------

#: "Nơi nhận:" (recipients list) — the start of the closing matter.
RECIPIENTS_LABEL = regex.compile(rf"{SP}*[*_]*{SP}*nơi{SP}+nhận{SP}*:?", _FLAGS)
#: Signature authority lines: "T/M HUYỆN ỦY", "K/T TRƯỞNG BAN", "TM.", "KT.", "TL.", "TUQ.", "Q.".
SIGNATURE_AUTHORITY = regex.compile(
    rf"{SP}*[*_]*{SP}*(?:T/M|K/T|T/L|TM\.|KT\.|TL\.|TUQ\.|Q\.|THỪA{SP}+LỆNH|THỪA{SP}+ỦY{SP}+QUYỀN)"
    rf"{SP}*\p{{Lu}}",
    regex.VERSION1,
)

"""Every pattern the parser matches, named and commented in one place.

Patterns are compiled with the ``regex`` module (Unicode classes such as ``\\p{Lu}``, full
case folding for Vietnamese). ``SP`` is "a space that is not a newline": NBSP (U+00A0) and the
other Unicode spaces count, because reports indent with NBSP and PDFs leave odd spaces.

Blocks, one per stage: markers and line shapes (classifier, tree), footnotes, furniture (header,
signature, recipients, web boilerplate), pages (page numbers, running headers, glued footnote
markers), tables, and quantities (numbers, units, comparison cues, targets).

Marker rules are data (:data:`MARKER_RULES`): a name, a pattern, the style it yields, an
example, and why it exists. They are tried in order, most specific first ("Phần thứ hai"
before a bare Roman numeral, "2.1-" before "2-").
"""

from __future__ import annotations

import re
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
    first: str = ""
    """Characters a marker of this rule can start with (lower case; empty: any). Lets the
    classifier try only the few rules that can match a line, the cheap way."""


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
        first="p",
    ),
    MarkerRule(
        "chapter",
        MarkerStyle.CHAPTER,
        _compile(rf"(?P<marker>chương{SP}++(?P<v>(?-i:{ROMAN})|\d{{1,3}})(?![\w]){SP}*+(?:[.:\-–]{SP}*+)?)"),
        _roman_or_int,
        "Chương I",
        "Chapters of laws, decrees, regulations (Decree 30/2020, corpus 16-18).",
        first="c",
    ),
    MarkerRule(
        "subsection",
        MarkerStyle.SUBSECTION,
        _compile(rf"(?P<marker>tiểu{SP}++mục{SP}++(?P<v>(?-i:{ROMAN})|\d{{1,3}})(?![\w]){SP}*+(?:[.:\-–]{SP}*+)?)"),
        _roman_or_int,
        "Tiểu mục 1",
        "Sub-sections inside a Mục of long legal texts.",
        first="t",
    ),
    MarkerRule(
        "section",
        MarkerStyle.SECTION,
        _compile(rf"(?P<marker>mục{SP}++(?P<v>(?-i:{ROMAN})|\d{{1,3}})(?![\w,/]|\.\d){SP}*+(?:[.:\-–]{SP}*+)?)"),
        _roman_or_int,
        "Mục 1",
        "Sections inside a Chương (corpus 16, 17); 'Mục tiêu' has no number and never matches.",
        first="m",
    ),
    MarkerRule(
        "article",
        MarkerStyle.ARTICLE,
        _compile(rf"(?P<marker>điều{SP}++(?P<v>\d{{1,3}})(?P<suffix>[a-zđ])?{SP}*+[.:](?!\d){SP}*+)"),
        _int_value,
        "Điều 1.",
        "Articles; the '.' or ':' is required so that 'Điều 5 Luật …' in prose is not taken.",
        first="đ",
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
        first="mhbtnsc",
    ),
    MarkerRule(
        "paren",
        MarkerStyle.PAREN,
        _compile(rf"(?P<marker>\({SP}*+(?P<v>\d{{1,3}}){SP}*+\){SP}*+)(?=\S|$)"),
        _int_value,
        "(1)",
        "Numbered targets and tasks: '(1) Đến năm 2025 …' (seed 'Chỉ tiêu chủ yếu').",
        first="(",
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
        first="0123456789",
    ),
    MarkerRule(
        "roman",
        MarkerStyle.ROMAN,
        _compile(rf"(?P<marker>(?P<v>{ROMAN}){SP}*+{_SEP}{_AFTER}{SP}*+)", regex.VERSION1),
        _roman_or_int,
        "II-",
        "Main sections of reports: 'I-', 'II.', 'IV -'. Upper case only.",
        first="ivx",
    ),
    MarkerRule(
        "capital",
        MarkerStyle.CAPITAL,
        _compile(rf"(?P<marker>(?P<v>[A-ZĐ]){SP}*+[.)\-]{SP}++)(?=\S)", regex.VERSION1),
        _capital_value,
        "A.",
        "Lettered divisions 'A.', 'B.' (programmes, appendices). I, V, X are read as Roman first.",
        first="abcdefghijklmnopqrstuvwxyzđ",
    ),
    MarkerRule(
        "arabic",
        MarkerStyle.ARABIC,
        _compile(
            rf"(?P<marker>(?P<v>\d{{1,3}}){SP}*+(?:[.\-–—)]|:(?={SP})){_AFTER}{SP}*+)(?!\d|\p{{Lu}}{{1,8}}/)",
            regex.VERSION1,
        ),
        _int_value,
        "1-",
        "Numbered sections and items: '1-', '1.', '1)'. A digit after the separator means a range or "
        "a number ('30 - 35', '1.683'), four digits mean a year ('2020 - 2025'), and capitals then a "
        "slash a document code wrapped to a line start ('21-NQ/TW').",
        first="0123456789",
    ),
    MarkerRule(
        "letter",
        MarkerStyle.LETTER,
        _compile(rf"(?P<marker>(?P<v>[a-zđ]){SP}*+[).]{SP}++)(?=\S)", regex.VERSION1),
        _letter_value,
        "đ)",
        "Lettered points 'a)', 'b.', 'đ)'; a space must follow, so 'v.v.' is not a marker.",
        first="abcdefghijklmnopqrstuvwxyzđ",
    ),
    MarkerRule(
        "dash",
        MarkerStyle.DASH,
        _compile(rf"(?P<marker>[-–—−‐](?![-–—−‐]){SP}*+)(?=\S)", regex.VERSION1),
        _none,
        "-",
        "Dash bullets; a rule line '-----' is not a bullet.",
        first="-–—−‐",
    ),
    MarkerRule(
        "plus",
        MarkerStyle.PLUS,
        _compile(rf"(?P<marker>\+{SP}*+)(?=\S)", regex.VERSION1),
        _none,
        "+",
        "Second-level bullets.",
        first="+",
    ),
    MarkerRule(
        "bullet",
        MarkerStyle.BULLET,
        _compile(rf"(?P<marker>[•●▪■◦○♦➢➤✓√]{SP}*+)(?=\S)", regex.VERSION1),
        _none,
        "•",
        "Typographic bullets from Word and PDF exports.",
        first="•●▪■◦○♦➢➤✓√",
    ),
    MarkerRule(
        "star",
        MarkerStyle.STAR,
        _compile(rf"(?P<marker>\*{SP}++)(?=[^\s*])", regex.VERSION1),
        _none,
        "* Về kinh tế",
        "A star bullet introduces a bullet-level sub-heading; '**bold**' (no space) is not one.",
        first="*",
    ),
)


def rules_by_first_char(rules: tuple[MarkerRule, ...]) -> dict[str, tuple[MarkerRule, ...]]:
    """For each possible first character, the rules (in order) that can match a line starting with it."""
    table: dict[str, list[MarkerRule]] = {}
    chars = {ch for rule in rules for ch in rule.first}
    for ch in chars:
        table[ch] = [rule for rule in rules if not rule.first or ch in rule.first]
    return {ch: tuple(found) for ch, found in table.items()}


#: The dispatch table of the default rules; lines starting with another character match no rule.
MARKER_RULES_BY_FIRST = rules_by_first_char(MARKER_RULES)

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

#: "(5)" inside running text: an enumeration in a sentence, which a wrapped line may continue
#: with "(6)" at its start (corpus 03).
INLINE_PAREN_NUMBER = regex.compile(r"\((\d{1,2})\)", regex.VERSION1)

# ---------------------------------------------------------------------------------------------
# Footnotes
# ---------------------------------------------------------------------------------------------

#: An inline bracket marker: "[14]", "[3-5]", "[3,4]", "[3, 4]". Labels are 1-4 digits.
FOOTNOTE_REF = regex.compile(r"\[(?P<labels>\d{1,4}(?:[^\S\n]*[-–,;][^\S\n]*\d{1,4})*)\]", regex.VERSION1)
#: A footnote body line: "[1]- text", "[3] - text", "[2] text", "[12]. text".
FOOTNOTE_BODY = regex.compile(rf"{SP}*\[(?P<label>\d{{1,4}})\]{SP}*(?:[-–—.:)]{SP}*)?", regex.VERSION1)


# =============================================================================================
# Furniture: header, signature, recipients, web boilerplate
# =============================================================================================
# Owned by the furniture stage (src/vnreport/furniture.py). Patterns marked (folded) run on
# ``codes.fold(text)``: diacritics stripped, Đ→D, dashes→"-", odd spaces→" ", same length as
# the text, so match offsets are text offsets. Folding makes "HÒA"/"HOÀ", "ỦY"/"UỶ",
# "khóa"/"khoá" one spelling, and lets OCR that lost its marks ("BANG CONG SAN VIT NAM",
# "S 348-TB/TU") meet the same patterns. Unmarked patterns run on the text itself.
# Header columns arrive in any order (left first, right first, both on one line, interleaved,
# pipe-joined), so the header anchors match anywhere in the header window, each at the start
# of a "segment": a line start (after markup), a pipe, a rule, or a gap of 3+ spaces.

_FM = regex.VERSION1 | regex.MULTILINE
_FMI = _FM | regex.IGNORECASE

_SEG_START = r"(?:(?<=^[^\S\n]*[*_|#>]*[^\S\n]*)|(?<=[|_¯=\-][^\S\n]*\**[^\S\n]*)|(?<=[^\S\n]{3}))"
_SEG_END = r"(?=[^\S\n]*[*_]*[^\S\n]*(?:$|[|¯=\-]|_{2}|[^\S\n]{2}))"

#: (folded) The Party title "ĐẢNG CỘNG SẢN VIỆT NAM", upper case, possibly wrapped over two
#: lines (markdown 14) or damaged ("VIT", "BANG"; "NAM" lost: reference §7.3).
PARTY_TITLE = regex.compile(_SEG_START + r"(?P<title>[DB]ANG\s+CONG\s+SAN\s+VIE?T(?:\s+NAM)?)" + _SEG_END, _FM)
#: (folded) The State title; in crawls the motto is glued to it ("VIỆT NAMĐộc lập", corpus 16/17).
STATE_TITLE = regex.compile(
    _SEG_START + r"(?P<title>CONG\s+HOA\s+XA\s+HOI\s+CHU\s+NGHIA\s+VIET\s+NAM)(?:" + _SEG_END + r"|(?=Doc\s))",
    _FM,
)
#: (folded) The motto "Độc lập - Tự do - Hạnh phúc" (also "Độc lập -Tự do- Hạnh phúc", en dashes).
MOTTO = regex.compile(r"(?P<motto>doc\s+lap\s*-\s*tu\s+do\s*-\s*hanh\s+phuc)", _FMI)

_CODE = r"[A-Za-z][A-Za-z0-9]*"
#: (folded) Number and symbol. Party "Số 12-BC/HU", "Số 38 - HD/BTCTW", blank in drafts
#: ("Số      -BC/HU", "Số⏎- HD/BTCTU"); State "Số: 15/BC-UBND", "23/2015/NQ-HĐND",
#: "Luật số: 60/2024/QH15", "66/QĐ/TW"; OCR "S 348-TB/TU" (only with the full Party shape).
NUMBER = regex.compile(
    _SEG_START + r"(?P<label>(?:(?P<prefix>(?i:bo\s+luat|luat|phap\s+lenh|nghi\s+quyet|nghi\s+dinh|quyet\s+dinh"
    r"|thong\s+tu(?:\s+lien\s+tich)?|chi\s+thi|lenh))[^\S\n]+)?(?:(?i:so)|S(?=[^\S\n]+\d+[^\S\n]*-)))"
    r"(?![A-Za-z])[^\S\n]*:?\s*"
    r"(?:(?P<pnum>\d+[a-z]?)?[^\S\n]*\n?[^\S\n]*-[^\S\n]*(?P<ptype>[A-Za-z]{1,6})[^\S\n]*/[^\S\n]*"
    rf"(?P<pissuer>{_CODE}(?:[^\S\n]*-[^\S\n]*{_CODE})*)"
    r"|(?P<snum>\d+[a-z]?)?[^\S\n]*/[^\S\n]*(?:(?P<year>\d{4})[^\S\n]*/[^\S\n]*)?"
    rf"(?P<ssym>{_CODE}(?:[^\S\n]*[-/][^\S\n]*{_CODE})*))",
    _FM,
)
#: (folded) A "Số:" label whose rest is not a number and symbol: kept raw with a diagnostic.
NUMBER_LABEL = regex.compile(_SEG_START + r"(?P<label>(?i:so))[^\S\n]*:[^\S\n]*(?P<rest>[^\n|]*)", _FM)

_PLACE_WORD = r"(?:\p{Lu}\p{Ll}*(?:\p{Lu}\p{Ll}+)?\.?)"
#: (folded) "ngày 03 tháng 4 năm 2018"; any part may be blank ("ngày    tháng 3 năm 2020",
#: "ngày⏎⏎tháng 9 năm 2025", dots or underscores in templates) or glued ("ngày22 tháng8nám").
DATE_PHRASE = (
    r"(?P<date>(?<![A-Za-z])(?i:ngay)[^\S\n]*(?P<day>\d{1,2})?[\s.…_*]*?(?i:thang)[^\S\n]*(?P<month>\d{1,2})?"
    r"[\s.…_*]*?(?i:nam)(?![A-Za-z])[^\S\n]*(?P<year>\d{4})?)"
)
#: (folded) The date of the header (found first: it starts with a literal, so the search is cheap).
DATE = regex.compile(DATE_PHRASE, _FM)
#: (folded) The place before the date, "Văn Lãng, ngày …", matched backwards from the comma: title-
#: case words (one line break allowed, as in "*Hà⏎Nội, ngày", corpus 19), possibly after a rule
#: ("-----Hà Nội, …", corpus 10) or glued ("TháiNguyên", OCR).
PLACE = regex.compile(
    r"(?P<place>(?<!\p{L})(?:TP\.[^\S\n]*)?"
    + _PLACE_WORD
    + r"(?:(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*\**)(?:"
    + _PLACE_WORD
    + r"|pho)){0,5})[^\S\n]*,[^\S\n]*$",
    _FM,
)
#: (folded) A line or segment that is only a type name: the title block starts here. Upper case
#: only; "DỰ THẢO" may precede it (cover of corpus 05). Every name of codes.DOC_TYPES is listed.
TYPE_LINE = regex.compile(
    r"^[^\S\n]*[*_#|]*[^\S\n]*(?:(?P<draft>DU\s+THAO)\s+)?(?P<type>NGHI\s+QUYET\s+LIEN\s+TICH|THONG\s+TU\s+LIEN\s+TICH"
    r"|NGHI\s+QUYET|QUYET\s+DINH|QUY\s+DINH|CHI\s+THI|KET\s+LUAN|HUONG\s+DAN|BAO\s+CAO|KE\s+HOACH"
    r"|CHUONG\s+TRINH|THONG\s+BAO|TO\s+TRINH|QUY\s+CHE|THONG\s+TRI|THONG\s+TU|CONG\s+VAN|BIEN\s+BAN"
    r"|BAN\s+SAO\s+Y|BAN\s+TRICH\s+SAO|BAN\s+SAO\s+LUC|BAN\s+SAO|THONG\s+CAO|DE\s+AN|DU\s+AN|PHUONG\s+AN"
    r"|NGHI\s+DINH|HOP\s+DONG|CONG\s+DIEN|BAN\s+GHI\s+NHO|BAN\s+THOA\s+THUAN|GIAY\s+UY\s+QUYEN|GIAY\s+MOI"
    r"|GIAY\s+GIOI\s+THIEU|GIAY\s+NGHI\s+PHEP|PHIEU\s+GUI|PHIEU\s+CHUYEN|PHIEU\s+BAO|BO\s+LUAT|LUAT"
    r"|PHAP\s+LENH|LENH|HIEN\s+PHAP)(?![A-Za-z])",
    _FM,
)
#: (folded) Draft marks: "(Dự thảo)", "Dự thảo", "DỰ THẢO", "Dự thảo lần 2", "(Dự thảo 3)".
DRAFT = regex.compile(
    r"^[^\S\n]*[*_(]*[^\S\n]*(?P<draft>du\s+thao(?:\s+lan(?:\s+thu)?\s+\d+|\s+\d+)?)"
    r"[^\S\n]*[*_)]*[^\S\n]*$",
    _FMI,
)
#: (folded) Secrecy, urgency and circulation marks, alone in their segment (QĐ 66 Điều 16, NĐ30
#: ô 10-11): one pattern with a group per field, so the window is scanned once.
MARKS = regex.compile(
    r"^[^\S\n]*[*_|]*[^\S\n]*(?:(?P<secrecy>TUYET\s+MAT|TOI\s+MAT|MAT)"
    r"|(?P<urgency>THUONG\s+KHAN|HOA\s+TOC(?:\s*\(HEN\s+GIO\))?|KHAN)"
    r"|(?P<circulation>LUU\s+HANH\s+NOI\s+BO|XEM\s+XONG\s+TRA\s+LAI|XONG\s+HOI\s+NGHI\s+TRA\s+LAI))"
    r"[^\S\n]*[*_|]*[^\S\n]*$",
    _FM,
)
#: (folded) State công văn subject "V/v nâng bậc lương năm 2019" (reference §7.11).
SUBJECT_LINE = regex.compile(r"^[^\S\n]*[*_]*[^\S\n]*(?P<label>V/v)[^\S\n]*(?P<rest>\S.*?)[\s*_]*$", _FMI)
#: (folded) "Kính gửi: …" addressees (tờ trình, báo cáo lên cấp trên, công văn).
ADDRESSEES = regex.compile(r"^[^\S\n]*[*_]*[^\S\n]*(?P<label>kinh\s+gui)[^\S\n]*[*_]*[^\S\n]*:(?P<rest>.*)$", _FMI)
#: (folded) Preamble lines that open the body of decisions and guidelines: "Căn cứ …",
#: "- Căn cứ …", "*Căn cứ …*", "Xét đề nghị …", "Theo đề nghị …". Not "Thực hiện …": a title
#: may start so ("HƯỚNG DẪN ⏎ Thực hiện quy trình, thủ tục …", corpus 08).
PREAMBLE = regex.compile(
    r"^[^\S\n]*[-+*_]*[^\S\n]*(?:can\s+cu|xet\s+(?:de\s+nghi|to\s+trinh)|theo\s+de\s+nghi)(?![a-z])", _FMI
)
#: A rule glued to the first body line: "----Thực hiện …" (corpus 04, 07, 08).
RULE_GLUED = regex.compile(r"^[^\S\n]*[-_¯=–—]{3,}[^\S\n]*(?=[^\s\-_¯=–—])", _FM)
#: (folded) The first word of a unit of the issuing body: a line that does not start with one
#: continues the unit above it ("ỦY BAN NHÂN DÂN⏎TỈNH BẮC NINH", "BAN CHẤP HÀNH⏎TRUNG ƯƠNG").
ORG_HEAD = regex.compile(
    r"^(?:BAN\s+CHAP\s+HANH|BAN\s+THUONG\s+VU|BAN\s+BI\s+THU|BO\s+CHINH\s+TRI|DANG\s+BO|DANG\s+UY|CHI\s+BO"
    r"|DANG\s+DOAN|BAN\s+CAN\s+SU|UY\s+BAN|HOI\s+DONG|DOAN\s+CHU\s+TICH|DAI\s+HOI|TINH\s+UY|THANH\s+UY"
    r"|HUYEN\s+UY|QUAN\s+UY|THI\s+UY|XA\s+UY|PHUONG\s+UY|BAN|VAN\s+PHONG|BO|SO|CHINH\s+PHU|QUOC\s+HOI"
    r"|MAT\s+TRAN|DOAN|HOI|TRUONG|CONG\s+AN|TOA\s+AN|VIEN|KIEM\s+TOAN|THUONG\s+TRUC|UBND|HDND|CO\s+QUAN"
    r"|TONG\s+CUC|CUC|VU|TRUNG\s+TAM|HOC\s+VIEN|BO\s+CHI\s+HUY|QUAN\s+KHU|THANH\s+DOAN|TINH\s+DOAN)(?![A-Za-z])",
    regex.VERSION1,
)

# -- closing matter ---------------------------------------------------------------------------

#: The start of the closing matter, searched over the body: "Nơi nhận:" (OCR "No'i nhân:") or a
#: signature authority line ("T/M HUYỆN ỦY", "K/T TRƯỞNG BAN", "TM.", "KT.", "TL.", "TUQ.", "Q.").
CLOSING_START = regex.compile(
    r"^[^\S\n]*[*_|]*[^\S\n]*(?:(?P<label>(?i:n[ơo]'?i[^\S\n]+nh[ậâa]n)[^\S\n]*[*_]*[^\S\n]*:)"
    r"|(?P<auth>T/M|K/T|T/L|TM\.|KT\.|TL\.|TUQ\.|Q\.|THỪA[^\S\n]+LỆNH|THỪA[^\S\n]+(?:ỦY|UỶ)[^\S\n]+QUYỀN)"
    r"[^\S\n]*[*_]*[^\S\n]*(?=\p{Lu}{2}))",
    _FM,
)
#: A recipients list flattened into one line without its label (corpus 17):
#: "- Ban Bí thư Trung ương Đảng; - Thủ tướng…; - Lưu: VT, TCCV (2). |".
RECIPIENT_RUN = regex.compile(r"^[^\S\n]*[-–][^\S\n]*[^\n]*?[;,][^\S\n]*[-–][^\n]*?[-–][^\S\n]*Lưu\b", _FM)
#: "Nơi nhận:" at the start of a closing segment (folded; "No'i nhân:" from OCR folds the same).
RECIPIENTS_LABEL = regex.compile(r"^[^\S\n]*[*_|]*[^\S\n]*(?P<label>no'?i\s+nhan)[^\S\n]*[*_]*[^\S\n]*:?", _FMI)
#: (folded) Signature authority: "T/M", "K/T", "T/L" (Party, 36-HD §1.3); "TM.", "KT.", "TL.",
#: "TUQ.", "Q." (State, NĐ30 ô 7a); spelled out "THỪA LỆNH", "THỪA ỦY QUYỀN", "THAY MẶT", "KÝ THAY".
SIGNATURE_AUTHORITY = regex.compile(
    r"^[\s*_|]*(?P<mark>T/M|K/T|T/L|T/U|TM\.|KT\.|TL\.|TUQ\.|Q\.|THUA\s+LENH|THUA\s+UY\s+QUYEN|THAY\s+MAT"
    r"|KY\s+THAY)[^\S\n]*[*_]*[^\S\n]*(?=[A-Z]{2})",
    _FM,
)
#: (folded) The first words of a signer's post ("BÍ THƯ", "PHÓ TRƯỞNG BAN", "THỨ TRƯỞNG"…): such
#: a line starts the position; any other upper-case line continues the authority ("TM. ỦY BAN
#: NHÂN⏎DÂN", corpus 15). A lone "PHÓ" is the first half of a wrapped post ("PHÓ⏎TRƯỞNG BAN", 09).
SIGNER_POSITION = regex.compile(
    r"^(?:PHO\s+)?(?:TONG\s+)?(?:BI\s+THU|CHU\s+TICH|TRUONG|GIAM\s+DOC|BO\s+TRUONG|THU\s+TRUONG|CHANH"
    r"|UY\s+VIEN|THU\s+TUONG|CHU\s+NHIEM|VIEN\s+TRUONG|HIEU\s+TRUONG|CUC\s+TRUONG|VU\s+TRUONG|KIEM\s+TOAN"
    r"|THU\s+KY|THUONG\s+TRUC|KE\s+TOAN|DAI\s+DIEN)(?![A-Za-z])",
    regex.VERSION1,
)
DANGLING_POSITION = regex.compile(r"^(?:PHO|PHO\s+CHU|PHO\s+TRUONG|TONG|PHO\s+TONG)$", regex.VERSION1)
#: A signer's name: two to five capitalised words and nothing else ("Nguyễn Văn Trường", "**Mai Sơn**").
SIGNER_NAME = regex.compile(r"^[\s*_|]*(?P<name>\p{Lu}\p{Ll}+(?:[^\S\n]+\p{Lu}\p{Ll}*){1,4})[\s*_|]*$", regex.VERSION1)
#: "(đã ký)", "Đã ký", "(Ký tên, đóng dấu)", "(Ký, ghi rõ họ tên)", "(chữ ký số)".
SIGNED_MARK = regex.compile(
    r"^[\s*_]*\(?[^\S\n]*(?i:đã[^\S\n]+ký|ký[^\S\n]+tên(?:[^\S\n]*,[^\S\n]*đóng[^\S\n]+dấu)?"
    r"|ký,?[^\S\n]+ghi[^\S\n]+rõ[^\S\n]+họ[^\S\n]+(?:và[^\S\n]+)?tên|chữ[^\S\n]+ký[^\S\n]+số)[^\S\n]*\)?[\s*_]*$",
    regex.VERSION1,
)
#: A recipient (or addressee) item: "- Thường trực Tỉnh uỷ (báo cáo),", "+ Lưu: VT.".
RECIPIENT_ITEM = regex.compile(r"^[\s*_|]*(?P<bullet>[-–—+•])[^\S\n]*(?P<text>\S.*?)[\s*_|]*$", regex.VERSION1)
#: Several items on one line: "- Các đồng chí Phó Trưởng Ban, - Các vụ, cục," (corpus 09, 17).
RECIPIENT_SPLIT = regex.compile(r"(?<=[,;.])[^\S\n]+[-–][^\S\n]+(?=\S)", regex.VERSION1)
#: A typist/copy reference under the recipients ("BTCTU/205", "ABC-268"): furniture, not a post.
TYPIST_REFERENCE = regex.compile(r"^[\s*_]*\p{Lu}{2,}[/-]\d{1,4}[\s*_]*$", regex.VERSION1)
#: (folded) An appendix after the signature: "PHỤ LỤC", "**Phụ lục I**", "BIỂU MẪU", "Mẫu số 01".
APPENDIX = regex.compile(
    r"^[^\S\n]*[*_#|]*[^\S\n]*(?:(?:PHU\s+LUC|BIEU\s+MAU|MAU\s+SO)(?![a-z])|(?:Phu\s+luc|Mau\s+so)(?![a-z])[^\n]{0,40}$)",
    _FM,
)

# -- page and web boilerplate -----------------------------------------------------------------

#: A printed page number alone on its line ("5", "- 12 -", "Trang 3"), anchored at both ends.
LONE_PAGE_NUMBER = regex.compile(r"^[\s\-–]*(?:(?i:trang)[^\S\n]+)?\d{1,4}[\s\-–]*$", regex.VERSION1)
#: Web page chrome at the top of a crawl: "Skip to main content" and its Vietnamese forms.
SKIP_LINK = regex.compile(
    r"^(?i:skip\s+to\s+(?:main\s+)?content|bỏ\s+qua\s+nội\s+dung(?:\s+chính)?|chuyển\s+đến\s+nội\s+dung(?:\s+chính)?)$",
    regex.VERSION1,
)
#: A CMS byline: "Submitted by Ban biên tập Huyện Văn Lãng on 22 April 2020" (Drupal).
WEB_BYLINE = regex.compile(r"^(?i:submitted|posted)\s+(?i:by)\s+(?P<who>.+?)\s+(?i:on)\s+(?P<when>.+)$", regex.VERSION1)
#: A Vietnamese CMS date line: "Ngày đăng: 22/04/2020", "Ngày giờ đăng bài viết gốc: 12:40 19/5/2025".
WEB_DATE_LINE = regex.compile(
    r"^(?i:ngày\s+giờ\s+đăng(?:\s+bài\s+viết\s+gốc)?|ngày\s+đăng|đăng\s+ngày|ngày\s+cập\s+nhật|cập\s+nhật(?:\s+lúc)?)"
    r"\s*:?\s*(?P<when>.+)$",
    regex.VERSION1,
)
#: Source lines a news crawl ends with: "Theo Cổng Thông tin điện tử Chính phủ", "Link bài viết gốc: …".
WEB_SOURCE = regex.compile(
    r"^(?:Theo\s+[^.\n]{3,80}|(?i:nguồn)\s*:.{0,200}|(?i:link\s+bài\s+viết(?:\s+gốc)?)\s*:.*|https?://\S+)$",
    regex.VERSION1,
)
#: A markdown heading line ("# TOÀN VĂN: …" is the page title of a crawl; "### Nội dung chính" chrome).
MARKDOWN_HEADING = regex.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*$", regex.VERSION1)
#: Headings a news page puts around an article: "### Nội dung chính", "Mục lục".
WEB_CHROME_HEADING = regex.compile(r"^(?i:nội\s+dung\s+chính|mục\s+lục|tóm\s+tắt|tin\s+liên\s+quan)$", regex.VERSION1)
#: Web dates: "22 April 2020", "April 22, 2020", "Wed, 04/22/2020 - 10:15", "12:40 19/5/2025".
WEB_DATE_DMY_WORDS = regex.compile(
    r"(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]{3,9})\.?,?\s+(?P<year>\d{4})", regex.VERSION1
)
WEB_DATE_MDY_WORDS = regex.compile(
    r"(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})", regex.VERSION1
)
WEB_DATE_NUMERIC = regex.compile(r"(?P<a>\d{1,2})[/.\-](?P<b>\d{1,2})[/.\-](?P<year>\d{4})", regex.VERSION1)
#: Start and end of a digital-signature stamp block ("Ký bởi: Tỉnh ủy Thái ⏎ Nguyên ⏎ Email: … ⏎
#: Ngày ký: 24-08-2025 ⏎ 07:56:25 +07:00", corpus 06).
STAMP_START = regex.compile(r"^(?i:ký\s+bởi|người\s+ký|signed\s+by)\s*:", regex.VERSION1)
STAMP_DATE = regex.compile(r"^(?i:ngày\s+ký|thời\s+gian\s+ký|signing\s+time)\s*:", regex.VERSION1)
STAMP_TIME = regex.compile(r"^\d{1,2}:\d{2}(?::\d{2})?(?:\s*[+-]\d{2}:?\d{2})?$", regex.VERSION1)
#: (folded) The date line of a cover page: "THÁNG 9 - 2025", "Thái Nguyên, tháng 9 năm 2025", "NĂM 2025".
COVER_DATE = regex.compile(
    r"^[\s*_]*(?:[\p{L} .]+,[^\S\n]*)?(?:(?i:thang)[^\S\n]+\d{1,2}[^\S\n]*(?:[-/.]|(?i:nam))[^\S\n]*\d{4}"
    r"|(?i:nam)[^\S\n]+\d{4})[\s*_]*$",
    regex.VERSION1,
)

# -- congress context -------------------------------------------------------------------------

#: (folded) "nhiệm kỳ 2020 - 2025", "NHIỆM KỲ (2023 - 2025)", "nhiệm kỳ 2025 2030" (hyphen lost).
TERM = regex.compile(r"(?i:nhiem\s+ky)[^\S\n]*\(?(?P<start>\d{4})[^\S\n]*-?[^\S\n]*(?P<end>\d{4})", _FM)
#: (folded) The congress ordinal: "Đại hội … lần thứ XXII" → 22, "lần thứ 42" → 42.
CONGRESS_ORDINAL = regex.compile(
    r"(?i:dai\s+hoi)(?P<between>[^.;()]{0,120}?)(?i:lan\s+thu)[^\S\n]+(?P<n>[IVXLC]+|\d{1,3})(?![A-Za-z0-9])",
    _FM,
)
#: (folded) The committee term: "khoá XXI" → 21, "KHÓA II" → 2.
COMMITTEE_TERM = regex.compile(r"(?<![A-Za-z])(?i:khoa)[^\S\n]+(?P<n>[IVXLC]+|\d{1,3})(?![A-Za-z0-9])", _FM)


# -- small helpers of the furniture reader ----------------------------------------------------

#: Column gaps inside one line: pipes, rules, runs of 3+ spaces, markdown bold runs.
SEGMENT_BREAK = regex.compile(r"\s*\|\s*|[^\S\n]{3,}|[_¯=]{3,}|-{3,}|\*{2,}", regex.VERSION1)
#: Markdown and table markup dropped from field values ("**ỦY BAN NHÂN⏎DÂN **").
MARKUP = regex.compile(r"[*_|#]+", regex.VERSION1)
#: The bullet that opens a recipient or addressee item.
ITEM_BULLET = regex.compile(r"[-–—+•][^\S\n]*", regex.VERSION1)
#: A clock time on a stamp's date line ("Ngày ký: 24-08-2025 07:56:25").
CLOCK = regex.compile(r"\d{1,2}:\d{2}", regex.VERSION1)
#: An English weekday in a web date: Drupal's "Wed, 04/22/2020" is month first.
WEEKDAY = regex.compile(r"(?i)\b(?:mon|tue|wed|thu|fri|sat|sun)\b", regex.VERSION1)
#: (folded) Where a congress issuer's name ends ("ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ⏎TỈNH … LẦN THỨ I").
CONGRESS_NAME_END = regex.compile(r"LAN\s+THU|NHIEM\s+KY", regex.VERSION1)
#: Letters, and letters or digits: does a piece carry any text at all?
LETTER = regex.compile(r"\p{L}", regex.VERSION1)
LETTER_OR_DIGIT = regex.compile(r"[\p{L}\d]", regex.VERSION1)


# =============================================================================================
# Pages: page numbers, running headers, glued footnote markers
# =============================================================================================
# Owned by the pages stage (src/vnreport/pages.py): what pdftotext leaves of a printed page.
# Footnote markers are read body first (a page's labelled bodies fix which numbers to look
# for), so these patterns only say what a label or a marker can look like, never that one is.

#: A printed page number alone on its line: "7", "- 7 -", "Trang 7", "7/45".
PAGE_NUMBER = regex.compile(
    rf"(?:(?i:trang){SP}*)?[-–—]?{SP}*(?P<n>\d{{1,4}}){SP}*[-–—]?(?:{SP}*/{SP}*\d{{1,4}})?", regex.VERSION1
)
#: Digits replaced by "#" when comparing running lines: "Trang 7" and "Trang 8" are one line.
RUNNING_LINE_DIGITS = regex.compile(r"\d+", regex.VERSION1)
#: Words of a watermark or circulation stamp printed across pages: "Tài liệu này thuộc sở hữu
#: của các cơ quan Đảng…" (corpus 09), "Lưu hành nội bộ", "Tài liệu mật", "Bản quyền…".
WATERMARK_WORDS = regex.compile(
    r"tài\s+liệu|thuộc\s+sở\s+hữu|lưu\s+hành\s+nội\s+bộ|nghiêm\s+cấm|bản\s+quyền|không\s+phổ\s+biến"
    r"|\bmật\b|copyright|watermark",
    regex.VERSION1 | regex.IGNORECASE,
)

#: A footnote label alone on its line (superscript flattened, smaller font): "3".
PDF_FOOTNOTE_LONE_LABEL = regex.compile(r"[1-9]\d{0,2}", regex.VERSION1)
#: A footnote body opened by its label: "4 Thái Nguyên quy hoạch…", "12 “Dân vận khéo”…".
PDF_FOOTNOTE_GLUED_LABEL = regex.compile(rf"(?P<n>[1-9]\d{{0,2}}){SP}+(?P<text>[\p{{Lu}}“\"(])", regex.VERSION1)
#: A maximal run of digits: each is judged as a possible glued marker by its neighbours
#: (pages._Analyzer._candidate): after a word "đại1.", after closing punctuation "VNeID.9",
#: before a word "Bác” 2tại", apart before punctuation "đề ra 4.", after a year "20281.".
DIGIT_RUN = regex.compile(r"\d+", regex.VERSION1)
#: Units written with a flattened exponent or glued to their number: "km2", "m3", "3km",
#: "15g00", "100đ"; digits next to them are never footnote markers.
MARKER_UNITS = frozenset(
    {
        "km",
        "m",
        "cm",
        "mm",
        "dm",
        "ha",
        "kg",
        "g",
        "mg",
        "l",
        "ml",
        "h",
        "ph",
        "p",
        "s",
        "t",
        "tr",
        "đ",
        "vnđ",
        "kw",
        "kwh",
        "mw",
        "mwh",
        "gb",
        "mb",
        "tb",
        "co",
        "x",
        "lần",
    }
)
#: Words a number counts or names ("Điều 4.", "lần 2,", "khoản 3."): a number set apart after
#: them is not a marker, even in a footnote's place.
COUNTER_WORDS = frozenset(
    {
        "số",
        "điều",
        "khoản",
        "điểm",
        "mục",
        "phần",
        "chương",
        "lần",
        "thứ",
        "năm",
        "tháng",
        "ngày",
        "quý",
        "kỳ",
        "khóa",
        "khoá",
        "trang",
        "lớp",
        "tổ",
        "cấp",
        "nhóm",
        "loại",
        "hạng",
        "phụ",
        "lục",
        "bước",
        "giai",
        "đoạn",
        "tiết",
        "tầng",
        "phòng",
        "xã",
        "phường",
        "quận",
        "huyện",
        "tỉnh",
        "giờ",
        "phút",
        "km",
        "tuổi",
        "đợt",
        "vòng",
        "đội",
        "tốp",
        "bảng",
        "biểu",
        "mẫu",
        "hình",
    }
)

# =============================================================================================
# Tables: markdown pipes and flattened cells
# =============================================================================================
# Owned by src/vnreport/tables.py. Patterns marked (folded) run on a cell folded to lower case
# without diacritics and without the bold/rule marks around it ("**TT**", "----Cơ quan chủ
# trì"), so that "Tỷ lệ"/"Tỉ lệ" and "hoá"/"hóa" are one spelling. Cell patterns only ever see
# lines of at most a few hundred characters.

#: (folded) "STT", "TT", "Số TT", "Số thứ tự": the numbering column's title. A short line that
#: says only this is a table header, whatever is around it.
TABLE_STRONG_HEADER = regex.compile(r"s?tt|so[^\S\n]*tt|so[^\S\n]+thu[^\S\n]+tu", regex.VERSION1)
#: (folded) Column titles of report tables (appendices of targets, action programmes, forms):
#: "Nội dung", "Mục tiêu, chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2025", "Kết quả thực hiện",
#: "Đánh giá", "Tỷ lệ (%)", "Cơ quan chủ trì", "Thời gian ban hành", "Ghi chú". A whole short
#: line must be one of them: "Nội dung" inside a sentence is not a header. "Nghị quyết" and
#: "Kết luận" are left out: alone on a line they are more often a document's type.
TABLE_HEADER_CELL = regex.compile(
    r"(?:s?tt|so\s*tt|so\s+thu\s+tu"
    r"|noi\s+dung(?:\s+\w+){0,3}"
    r"|(?:muc\s+tieu,?\s+)?chi\s+tieu(?:\s+\w+){0,2}"
    r"|ten\s+(?:chi\s+tieu|nhiem\s+vu|de\s+an|chuong\s+trinh|du\s+an|don\s+vi|to\s+chuc|co\s+quan|san\s+pham)"
    r"(?:\s+\S+){0,3}"
    r"|don\s+vi(?:\s+tinh)?|dvt"
    r"|(?:ke\s+hoach|thuc\s+hien|uoc\s+thuc\s+hien|uoc\s+dat|uoc\s+th|du\s+kien)(?:\s+(?:nam\s+)?\d{4})?"
    r"|ket\s+qua(?:\s+thuc(?:\s+hien)?)?(?:\s+nam\s+\d{4})?|danh\s+gia|ghi\s+chu|muc\s+do"
    r"|t[yi]\s+le(?:\s*\(%\))?(?:\s+\S+){0,2}"
    r"|so\s+sanh(?:\s+\S+){0,4}"
    r"|(?:co\s+quan|don\s+vi)\s+(?:chu\s+tri|phoi\s+hop|thuc\s+hien)|chu\s+tri|phoi\s+hop"
    r"|thoi\s+(?:gian|han)(?:\s+\w+){0,3}|tien\s+do(?:\s+\w+){0,2}"
    r"|nam\s+\d{4}|so\s+luong|kinh\s+phi(?:\s+\w+){0,3}|nguon\s+von|san\s+pham(?:\s+\w+){0,2})",
    regex.VERSION1,
)
#: A line that is only a number of a table's numbering column: "1", "12.", "2.1.", "(3)",
#: "II", "a)", or the dash of a sub-row. Alone on a line, it is a cell, never a heading.
TABLE_ROW_MARKER = regex.compile(
    r"(?:\d{1,3}\.?|\d{1,2}(?:\.\d{1,2}){1,3}\.?|\(\d{1,3}\)|[IVXLC]{1,6}\.?|[a-zđ]\)|[-–+])", regex.VERSION1
)
#: A figure cell: short, starting with the figure (or a comparison sign, or a period word), at
#: most four words, no sentence end: "95,5%", "150 triệu đồng", "≥ 80%", "2026 - 2030", "(98%)",
#: "Quý I/2026", "Tháng 12 năm", "Giai đoạn 2026 - 2030", "Quý IV năm". "năm 2025." with its
#: full stop ends a sentence, and "Sản phẩm đạt 5 sao" is a label with a number in it.
TABLE_VALUE_CELL = regex.compile(
    r"(?=[^\n]{1,32}$)(?![^\n]*[.;:,]$)"
    r"(?:[<>≤≥~±≈(+\-–][^\S\n]*)?"
    r"(?:\d|(?i:quý|tháng|năm|giai\s+đoạn|đến\s+năm|trước|sau)[^\S\n]+[\dIVX])"
    r"[^\S\n]*+(?:\S+(?:[^\S\n]+|$)){0,4}",
    regex.VERSION1,
)
#: The cells of a GitHub table's separator row: "---", ":---:", "---:".
TABLE_SEPARATOR_CELL = regex.compile(r"\s*:?-{3,}:?\s*", regex.VERSION1)
#: Cells of a pipe table that only lays out furniture: the national motto, "Nơi nhận", "Số:",
#: a signature authority ("TM.", "KT.", "T/M"), "(Ký tên, đóng dấu)", "(Ký, ghi rõ họ tên)".
TABLE_LAYOUT_CELL = regex.compile(
    r"(?i:nơi\s+nhận|cộng\s+h(?:òa|oà)\s+xã\s+hội|độc\s+lập\s*[-–]\s*tự\s+do|đảng\s+cộng\s+sản\s+việt\s+nam"
    r"|ký\s+tên|chữ\s+ký|\(\s*ký\s*[,)]|\(\s*ký\s+(?:và|ghi))|(?:^|\n|\*)\s*Số\s*:|(?:^|\n|\*)\s*(?:TM|KT|TL|TUQ)\.|(?:^|\n|\*)\s*[TK]/[MTL]\s",
    regex.VERSION1,
)
#: A column gap of ``pdftotext -layout``: two or more spaces between text on one line (body
#: lines of -layout output are single-spaced, so a gap means columns).
TABLE_COLUMN_GAP = regex.compile(r"(?<=\S)[^\S\n]{2,}(?=\S)", regex.VERSION1)
#: The closing matter after a flattened table: "Nơi nhận:", "T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH".
#: Matched on the text as written (the furniture patterns above run folded).
TABLE_CLOSING = regex.compile(
    r"[\s*_|]*(?:(?i:nơi\s+nhận)|(?:T/M|K/T|T/L|TM\.|KT\.|TL\.|TUQ\.)[^\S\n]*[*_]*[^\S\n]*\p{Lu}{2})",
    regex.VERSION1,
)


# =============================================================================================
# Quantities: numbers, units, comparison cues, targets (used by quantities.py)
#
# Forward patterns use the stdlib ``re`` (half the per-call cost of ``regex`` on these short
# anchored matches); ``L`` is "a letter" in ``re`` syntax. Patterns that read the words *before*
# a figure use ``regex`` in reverse mode (``(?r)``): ``.match(text, pos, endpos)`` then anchors
# at ``endpos`` and reads leftwards, so no window has to be searched.
# ``H`` is one horizontal space: NBSP counts (reports pad with it), a newline never does.
# =============================================================================================

H = r"[^\S\n]"
L = r"[^\W\d_]"
_I = re.IGNORECASE
_RV = regex.VERSION1 | regex.IGNORECASE

#: A digit run with its separators, validated later by :func:`parse_vn_number`. Deliberately
#: permissive ("1.2.3.4", "12,,5") so that malformed figures are seen and reported, not split
#: into innocent-looking pieces. (``regex`` and ASCII digits: the fastest scan of a sentence,
#: which is most of what a sentence without figures costs.)
NUMBER_TOKEN = regex.compile(r"[0-9](?:[0-9.,]*[0-9])?")

#: A label opening the sentence (or the item or footnote it belongs to): "(3)", "[14]-", "1-",
#: "2.1-", "5.6-", "1.". A digit right after the separator makes a figure instead ("1- 2%").
LEADING_LABEL = re.compile(
    rf"{H}*(?:\(\d{{1,3}}\)|\[\d{{1,4}}\]{H}*[-–—.:)]?|\d{{1,3}}(?:\.\d{{1,2}}){{0,4}}{H}*[-–—.)])"
    rf"(?={H}+\D|{H}*$)"
)

#: What LEADING_LABEL can start with, after its optional spaces.
_LABEL_FIRST = frozenset("([0123456789")

#: An inline footnote reference "[14]", "[3-5]", "[3, 4]": a note number, never an amount.
QUANTITY_FOOTNOTE_REF = re.compile(rf"\[\d{{1,4}}(?:{H}*[-–,;]{H}*\d{{1,4}})*\]")

_MONTHS_EN = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_YEAR = r"(?:19|20)\d\d"

#: Shapes that identify something, tried at the first digit of a token, most specific first.
#: (``regex``: type codes need ``\p{Lu}``.)
NON_QUANTITY_AT = regex.compile(
    rf"""
    (?P<document_number>
        # "05-CT/TW", "142/2008/QĐ-TTg", "367 - QĐ/TWĐTN-VP", "60/2024/QH15": a number, an optional
        # year, then a type code of capitals ("QyĐ", "CTr": a capital after the first one too).
        \d+[a-zđ]?(?:{H}?/{H}?\d+)*{H}?[-–/]{H}?
        (?:\p{{Lu}}{{2,}}|\p{{Lu}}[\p{{L}}\d]*(?=[-/]\p{{Lu}}))[\p{{L}}\d]*(?:[-/.&]\p{{L}}[\p{{L}}\d]*)*
    )
    | (?P<date>
        # "15/5/2016", "7-4-2015", "01.10.1997", "3/2020" (month/year), "22 April 2020".
        \d{{1,2}}{H}?(?P<sep>[/.-]){H}?\d{{1,2}}{H}?(?P=sep){H}?{_YEAR}(?!\d)
        | (?:0?[1-9]|1[0-2])/{_YEAR}(?!\d)
        | \d{{1,2}}{H}+{_MONTHS_EN}(?:,?{H}+{_YEAR})?(?![\p{{L}}\d])
    )
    | (?P<period>
        # "2020 - 2025", "2015- 2020", "2019/2020", "nhiệm kỳ 2020-2015" (reversed, still a period).
        {_YEAR}{H}*[-–—/]{H}*{_YEAR}(?!\d)
    )
    """,
    regex.VERSION1 | regex.VERBOSE,
)

#: Up to three words right before a figure, read backwards: the qualifier ("trên", "ít nhất"),
#: the label noun ("giai đoạn", "mức độ", "Trung ương"), the date word ("ngày", "tháng", "năm").
PRE_WORDS = regex.compile(
    rf"(?r)(?:(?P<w1>\p{{L}}+){H}+)?(?:(?P<w2>\p{{L}}+){H}+)?(?P<w3>\p{{L}}+){H}*", regex.VERSION1
)

#: After the first number: the other end of a range. "30 - 35", "1- 2%", "4-5%", "6,5% - 7%",
#: "từ 2 đến 3" (``đến``/``tới`` only count after "từ"; checked in code).
RANGE_TAIL = re.compile(
    rf"(?P<pct>{H}*%)?(?P<sep>{H}*[-–—]{H}*|{H}+(?:đến|tới){H}+)(?P<n2>\d(?:[\d.,]*\d)?)(?![\d/])", _I
)

#: What follows a number: an optional scale word ("nghìn tỷ" and "triệu tỷ" before "nghìn"; "tỷ
#: lệ" is a word of its own), then the unit. Units are tried in order: "đ/c" (đồng chí) before
#: "đ" (đồng); symbols and currencies may be glued to the number ("88,6ha", "7.977.500.000đ"); a
#: counted noun needs a space (a letter glued to a number is an identifier: "5G", "4A").
UNIT = re.compile(
    rf"""
    (?:{H}*(?P<scale>(?:nghìn|ngàn|triệu){H}+t[ỷỉ]|nghìn|ngàn|vạn|triệu|t[ỷỉ](?!{H}*lệ))(?!{L}|\d))?
    (?P<sp>{H}*)
    (?:
        (?P<pct>%|phần{H}+trăm(?!{L}))
      | (?P<comrade>[đĐ]/[cC](?!{L}))
      | (?P<currency>đồng(?!{H}*(?:chí|bào|hương|ruộng|bằng)(?!{L}))|đ(?![^\W\d_/])|VNĐ|VND|vnđ
            |USD|đô{H}?la(?:{H}+Mỹ)?|nhân{H}+dân{H}+tệ|NDT|CNY|EUR|euro)(?!{L})
      | (?P<measure>km2|km²|km|hm|ha|héc{H}?ta|hecta|m2|m²|m3|m³|cm|mm|m|tấn|tạ|kg|lít|MW|kWh|kW|MWh|GWh)
            (?!{L}|\d)
      | (?P<w0>{L}+)
    )?
    """,
    re.VERBOSE,
)
#: The words after a counted noun's first one, read only when that word may open a compound
#: ("tổ chức cơ sở đảng"): at most four more.
UNIT_MORE_WORDS = re.compile(rf"(?:{H}+{L}+){{0,4}}")

#: "/" after a figure: a denominator ("14/17 xã", "47.053 người/49.760 dân số") or a rate
#: ("400ha/năm", "11,2 tiêu chí/xã", "30 giường bệnh/1 vạn dân", "đồng/người/tháng").
SLASH_NUMBER = re.compile(rf"{H}*/{H}*(?P<n>\d(?:[\d.,]*\d)?)(?![\d/])")
SLASH_PER = re.compile(rf"{H}*/{H}*(?:1{H}+)?(?P<per>(?:vạn|nghìn|ngàn|trăm){H}+{L}+|{L}+(?:{H}*/{H}*{L}+)?)(?!{L})")

#: Qualifiers written after the figure: "10% trở lên", "từ 10% trở lên".
POST_QUALIFIER = re.compile(rf"{H}*(?P<q>trở{H}+lên|trở{H}+xuống)(?!{L})", _I)

#: A from→to change after "từ X" ("từ 86,6 nghìn tấn lên 2.760", "từ 215 thôn, khu phố xuống
#: còn 185", "từ 572,5 nghìn m3 năm 2015 lên"): then "từ" is no qualifier.
FROM_TO_AHEAD = re.compile(rf"[^;\n]{{0,60}}?{H}(?:lên|xuống(?:{H}+còn)?|đến|tới){H}+(?=\d)", _I)

#: After a label number: more labels of the same list ("Khu 2,3,5,6", "đối tượng 2, 3, 4",
#: "năm 2018, 2019", "tháng 3/2020", "ngày 01/01", "giai đoạn 1 và 2").
LABEL_TAIL = re.compile(
    rf"(?:{H}*(?:[,;/]|và|-|–|đến|tới){H}*(?:năm{H}+)?(?:{_YEAR}|\d{{1,2}})(?![\d.,]*\d|{H}*%))*", _I
)
#: The rest of a drawing scale after its "1": "tỷ lệ 1/2000", "tỷ lệ 1:500".
MAP_SCALE_TAIL = re.compile(rf"{H}*[/:]{H}*\d[\d.]*")
#: Letters and digits glued to an identifier's number ("19" of "COVID-19", "15" of "QH15").
IDENTIFIER_TAIL = re.compile(r"[\w./-]*")
#: "4.0", "2.0": a version number ("cách mạng công nghiệp 4.0").
VERSION = re.compile(r"\d\.0")
#: "1) …; 2) …": a label inside running text.
INLINE_LABEL = re.compile(rf"\){H}+{L}")

#: "mỗi năm", "hằng năm", "hàng năm": governs a flow or a rate of change (per = "năm").
EACH_YEAR = re.compile(rf"(?:mỗi|hằng|hàng){H}+năm(?!{L})", _I)
EACH_YEAR_AFTER = re.compile(rf"{H}*(?:/{H}*năm|(?:mỗi|hằng|hàng){H}+năm)(?!{L})", _I)
#: Verbs that make a yearly figure a rate of change rather than a level held each year.
CHANGE_WORD = re.compile(rf"(?<!{L})(?:tăng|giảm|kiềm{H}+chế|kéo{H}+giảm)(?!{L})", _I)
#: "số bác sĩ/vạn dân là 5,6 bác sĩ": the rate named before its figure.
GOVERNING_RATE = re.compile(rf"(?P<unit>{L}+(?:{H}+{L}+)?){H}*/{H}*(?P<per>(?:vạn|nghìn|ngàn){H}+{L}+|{L}+)")
#: "/" before a word: what GOVERNING_RATE needs, searched for first.
_SLASH_WORD = re.compile(rf"/{H}*{L}")
#: "Tổng số được khen thưởng 60": a bare number counting what follows "tổng số".
COUNTED_TOTAL = re.compile(rf"(?:tổng{H}+)?số{H}+(?:lượng{H}+)?(?:được{H}+)?", _I)
#: Between a bare number and the figure that restates it with a unit: a comma and at most three
#: words ("308, tăng 48 người", "3.910, chi trả 3.710 hồ sơ").
RESTATED_BY = re.compile(rf"{H}*,{H}*(?:{L}+{H}+){{0,3}}")
_PARENS = re.compile(r"[()]")
_SPACES = re.compile(r"\s+")

# ---------------------------------------------------------------------------------------------
# Comparison cues: read backwards before a figure, or forwards after it
# ---------------------------------------------------------------------------------------------

_TARGET_WORD = rf"(?:mục{H}+tiêu|chỉ{H}+tiêu|kế{H}+hoạch|KH)"
_TARGET_TAIL = rf"(?:{H}+(?:đề{H}+ra|nghị{H}+quyết|NQ|tỉnh{H}+giao|được{H}+giao|giao|năm))?"
#: A baseline that is a target ("so mục tiêu Nghị quyết") makes a change a change_vs_target.
TARGET_WORDS = re.compile(rf"{_TARGET_WORD}|nghị{H}+quyết|NQ", _I)

#: "(mục tiêu 29,44%)", "(chỉ tiêu 70%", "(Mục tiêu 50%)", "(mục tiêu giảm 2% trở lên)".
TARGET_BEFORE = regex.compile(
    rf"(?r)\({H}*{_TARGET_WORD}{_TARGET_TAIL}{H}*(?:là|:)?{H}*(?:(?P<dir>tăng|giảm|đạt){H}+)?", _RV
)
#: "đạt 101,6% so với mục tiêu", "đạt 86% mục tiêu đề ra", "102% kế hoạch", "120% dự toán".
OF_TARGET_AFTER = re.compile(rf"{H}*(?:so{H}+(?:với{H}+)?|của{H}+)?(?:{_TARGET_WORD}|dự{H}+toán){_TARGET_TAIL}", _I)
#: The verb of a change right before its figure: "tăng 166,4%", "giảm 43 vụ", "vượt 10%",
#: "tăng bình quân hàng năm 19,5%", "Kiềm chế … 10%".
CHANGE_BEFORE = regex.compile(
    rf"(?r)(?<!\p{{L}})(?P<verb>tăng|giảm|vượt|kiềm{H}+chế|kéo{H}+giảm|cao{H}+hơn|thấp{H}+hơn"
    rf"|nhiều{H}+hơn|ít{H}+hơn)(?:{H}+thêm)?(?:{H}+(?:bình{H}+quân|trung{H}+bình))?"
    rf"(?:{H}+(?:hàng|hằng|mỗi){H}+năm)?(?:{H}+(?:bình{H}+quân|trung{H}+bình))?(?:{H}+được)?{H}*",
    _RV,
)
#: Where change verbs may be: CHANGE_BEFORE runs only near them (found with str.find, which is
#: far cheaper than a case-insensitive regex scan of every sentence).
CHANGE_CUES = ("tăng", "giảm", "vượt", "chế", "hơn")
#: "so với năm 2015", "so mục tiêu Nghị quyết", "so với giai đoạn 2011-2015" after a change, in
#: its clause.
SO_VOI_AFTER = re.compile(
    rf"[^;()\n]{{0,80}}?(?<!{L})so{H}+(?:với{H}+)?(?P<base>[^,;:.()\[\]\n]{{1,60}}(?:\.\d[^,;:()\[\]\n]*)?)",
    _I,
)
#: A reference for the whole sentence: "So với năm 2015: …", "… so với nhiệm kỳ 2010-2015: …",
#: "So với mục tiêu Nghị quyết giảm 05 vụ, …".
SO_VOI_HEADER = re.compile(
    rf"(?<!{L})so{H}+(?:với{H}+)?(?P<base>[^,;:.()\n]{{1,60}}?)(?:{H}*:|(?=,)|(?={H}+(?:tăng|giảm|vượt)(?!{L})))",
    _I,
)
#: "(năm 2015 là 29,67%)", "năm 2019 đạt 81%": a figure tied to a year.
YEAR_IS_BEFORE = regex.compile(rf"(?r)(?<!\p{{L}})năm{H}+(?P<y>{_YEAR})(?:{H}+(?:đạt|là|có|chiếm))?{H}*", _RV)
FROM_BEFORE = regex.compile(rf"(?r)(?:(?P<verb>tăng|giảm|nâng|hạ){H}+)?(?<!\p{{L}})từ{H}*", _RV)
TO_BETWEEN = re.compile(rf"(?:{H}+năm{H}+(?P<y>{_YEAR}))?[^;\n]{{0,40}}?{H}(?P<to>lên|xuống(?:{H}+còn)?){H}*", _I)
#: "hoàn thành và vượt 18/19 chỉ tiêu", "đạt chỉ tiêu tỉnh giao, … 624/624 công dân".
TARGETS_MET_BEFORE = regex.compile(
    rf"(?r)(?<!\p{{L}})(?:hoàn{H}+thành|đạt|vượt)(?:{H}+và{H}+vượt(?:{H}+mức)?)?{H}*", _RV
)
MET_TARGET_PHRASE = re.compile(rf"(?<!{L})(?:hoàn{H}+thành|đạt|vượt)(?:{H}+và{H}+vượt)?{H}+chỉ{H}+tiêu(?!{L})", _I)
#: "A thành B" (eight units merged into five): the figure before "thành" is a baseline.
MERGED_INTO = re.compile(rf"(?<!{L})thành(?!{L})", _I)
#: "giảm 43 vụ (32,5%)", "tăng 249 cuộc, với 11.232 lượt người so với …": a change goes on.
CHANGE_GOES_ON = re.compile(rf"{H}*\({H}*|{H}*,{H}*(?:với{H}+)?")
_PHRASE = re.compile(r"[^,;:.()\[\]\n]*")
_SUBJECT_LEAD = re.compile(rf"^(?:và|trong đó|hiện nay|đến nay|theo đó|qua đó)(?!{L}){H}*,?{H}*", _I)
_SUBJECT_TAIL_WORDS = (
    "đạt",
    "là",
    "được",
    "có",
    "còn",
    "lên",
    "chiếm",
    "tăng",
    "giảm",
    "vượt",
    "bình quân",
    "trung bình",
    "hằng năm",
    "hàng năm",
    "mỗi năm",
    "so với",
    "thực hiện",
)
#: Verbs and adverbs that end a subject phrase and are dropped from it ("Tổng thu ngân sách đạt").
_SUBJECT_TAIL = re.compile(
    rf"(?:{H}+(?:ước{H}+)?(?:{'|'.join(w.replace(' ', f'{H}+') for w in _SUBJECT_TAIL_WORDS)}))+$", _I
)
#: The same tail by its last word: the earlier words of each phrase, nearest first, longest
#: phrase first ("năm" → ("hằng",), ("hàng",), ("mỗi",)).
_SUBJECT_TAIL_BY_LAST: dict[str, tuple[tuple[str, ...], ...]] = {
    last: tuple(
        sorted(
            (tuple(reversed(w.split()[:-1])) for w in _SUBJECT_TAIL_WORDS if w.split()[-1] == last),
            key=len,
            reverse=True,
        )
    )
    for last in {w.split()[-1] for w in _SUBJECT_TAIL_WORDS}
}
#: Their last syllables: a phrase whose last word is none of them has no tail to drop. ("ı" and
#: "İ" match "i" under IGNORECASE but casefold otherwise: such a word is searched anyway.)
_SUBJECT_TAIL_LAST = frozenset(w.split()[-1] for w in _SUBJECT_TAIL_WORDS)
#: How far from its end a phrase ending in _SUBJECT_TAIL words is searched: one word of it,
#: spaces made single, is at most " ước trung bình".
_SUBJECT_TAIL_REACH = 24
_FOOTNOTE_IN_TEXT = re.compile(r"\[\d+\]")
#: The nearest mark that opens the clause a subject is read from (searched backwards).
CLAUSE_MARK_BEFORE = regex.compile(r"(?r)[;():]|\. ", regex.VERSION1)

# ---------------------------------------------------------------------------------------------
# Targets
# ---------------------------------------------------------------------------------------------

#: "Đến năm 2025", "đến hết năm 2025", "tới năm 2030": the deadline of a target item.
DEADLINE = re.compile(rf"(?<!{L})(?:đến|tới)(?:{H}+(?:hết|cuối))?{H}+năm{H}+(?P<y>{_YEAR})", _I)
#: The verb that sets a target figure; longer phrases first.
TARGET_VERB = re.compile(
    rf"(?<!{L})(?P<v>xây{H}+dựng{H}+thêm|xây{H}+dựng{H}+mới|trồng{H}+mới|kết{H}+nạp|duy{H}+trì"
    rf"|giữ{H}+vững|giữ{H}+ổn{H}+định|kiềm{H}+chế|kéo{H}+giảm|tăng|giảm|đạt|là|chiếm)(?!{L})",
    _I,
)
#: A parenthesis quoting a reference figure, not a target: "(giai đoạn 2015-2020 đạt 3.275,7 tỷ đồng)".
BASELINE_PAREN = re.compile(
    rf"giai{H}+đoạn|nhiệm{H}+kỳ|năm{H}+{_YEAR}|so{H}+với|hiện{H}+nay|hiện{H}+tại|cùng{H}+kỳ|trước", _I
)
_TARGET_SUBJECT_LEAD = re.compile(rf"^{H}*,?{H}*(?:phấn{H}+đấu{H}*)?", _I)
_TARGET_SUBJECT_VERB = re.compile(
    rf"^(?:xây{H}+dựng{H}+thêm|xây{H}+dựng{H}+mới(?:{H}+được)?|xây{H}+dựng|kết{H}+nạp|duy{H}+trì"
    rf"|kiềm{H}+chế|giảm|tăng){H}+",
    _I,
)
_TARGET_SUBJECT_TAIL = re.compile(
    rf"(?:{H}*(?:đạt|là|:|được|bình{H}+quân|hằng{H}+năm|hàng{H}+năm|tăng|giảm|từ|trong{H}+nhiệm{H}+kỳ))+{H}*$",
    _I,
)


# =============================================================================================
# Markup that hides markers (markup.py)
# =============================================================================================

#: Emphasis runs: "**", "__", and a single "*" that touches a word on one side (italics), but
#: not a star bullet ("* Về kinh tế": a star, a space, a word).
MARKDOWN_EMPHASIS = regex.compile(r"\*\*+|__+|(?<=\S)\*|\*(?=\S)", regex.VERSION1)
#: "# Title", "### Nội dung chính": Markdown heading hashes at a line start.
MARKDOWN_HEADING_MARK = regex.compile(rf"^{SP}*#{{1,6}}(?={SP})", regex.VERSION1 | regex.MULTILINE)
#: A separator rule glued to the text that follows it: "----Đại hội …", "¯¯¯¯Hà Nội, ngày …".
GLUED_SEPARATOR = regex.compile(rf"{SP}*(?:-{{3,}}|¯{{3,}}|_{{3,}})(?=[^\s\-¯_])", regex.VERSION1)
#: A numbered item glued to the sentence before it: "… như sau:**1. Cơ bản thống nhất …".
GLUED_ITEM = regex.compile(r"(?<=[:.;!?])\*\*(?=\s?\d{1,2}(?:\.\d{1,2})*\.\s)", regex.VERSION1)


# =============================================================================================
# Bundles: where a second document starts (bundles.py)
# =============================================================================================

#: Mottos that open a Vietnamese document header (Decree 30/2020, Guideline 36-HD/VPTW).
HEADER_MOTTO = regex.compile(
    r"(?:CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI(?:\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM)?|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM)",
    regex.VERSION1,
)


# =============================================================================================
# Sentences: what the splitter gets wrong (sentences.py)
# =============================================================================================

#: "[1]." / "[1]" alone: a footnote label the splitter cut off as a sentence.
LABEL_ONLY = regex.compile(r"\[\d{1,4}\][.:\-–]?")
#: Footnote markers opening a sentence that belong to the previous one.
LEADING_REFS = regex.compile(r"^(?:\[\d{1,4}(?:[-–,;]\s*\d{1,4})*\][.,;:]?\s*)+")
#: What the splitter may read at the start of a stretch between marks: the spaces, the first
#: word, and one character more (``sentences.condense``).
GAP_HEAD = re.compile(r"\s*\S+\s?")
#: Places the splitter misses: "v.v. Sau", "mức độ A. Năm" (lower-case word, capital, period).
MISSED_BREAK = regex.compile(r"(?:\bv\.v\.|(?<=\p{Ll}\s)\p{Lu}\.)(?=\s+\p{Lu})", regex.VERSION1)


# =============================================================================================
# Quality checks (quality.py)
# =============================================================================================

# The standard library's engine scans a whole text for one character class several times faster.
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: The number of blank lines in a row that the quality check reports.
MANY_BLANK_LINES = 1_000
# Anchored on a newline, each attempt fails at the first line with text in it.
BLANK_FLOOD = re.compile(rf"\n(?:[^\S\n]*\n){{{MANY_BLANK_LINES - 1}}}")


# =============================================================================================
# Targets: which sections list targets (pipeline.py)
# =============================================================================================

#: A section that lists targets: "Chỉ tiêu chủ yếu nhiệm kỳ 2020 - 2025", "Các chỉ tiêu chủ yếu".
TARGET_LIST = regex.compile(r"^(?:các\s+|một\s+số\s+|hệ\s+thống\s+)?chỉ\s+tiêu", regex.IGNORECASE | regex.VERSION1)

"""Marker rules: how a heading or list item opens ("Phần I", "2.1-", "a)", "Một là,"), as data."""

from __future__ import annotations

from collections.abc import Callable

import regex
from attrs import frozen

from vnreport.model import MarkerStyle
from vnreport.rules.common import FLAGS, SP
from vnreport.rules.numbers import LA_WORD, NUMBER_WORD, ROMAN, number_words_value, roman_value

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


def _compile(body: str, flags: int = FLAGS) -> regex.Pattern[str]:
    return regex.compile(body, flags)


def _appendix_value(m: regex.Match[str]) -> int:
    """An appendix's number; the single unnumbered "PHỤ LỤC" is the first."""
    number = m.group("v") or m.group("w")
    if not number:
        return 1
    if number.isdigit():
        return int(number)
    if len(number) == 1 and number not in "IVX":
        return ord(number) - ord("A") + 1
    return roman_value(number) or 1


def _attached_value(m: regex.Match[str]) -> int:
    """An attached document is one of its kind: the first of the back matter's divisions."""
    return 1


def _form_value(m: regex.Match[str]) -> int | str:
    """A form's number; a variant ("1A", "1B") is no step of the count and is kept as written."""
    number = int(m.group("v"))
    variant = m.group("variant")
    return f"{number}{variant}" if variant else number


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


#: A share at the start of an item's text: "100%", "95,5 %" (a plan's numbered targets).
PERCENT_START = r"[0-9]{1,3}(?:[,.][0-9]{1,2})?[^\S\n]?%"

# After a marker: a space, the end of the line, or (for tight writing such as "I.TÌNH HÌNH")
# an upper-case letter. Never a digit: "1.683.240", "30 - 35", "1-2%" are numbers.
_AFTER = rf"(?={SP}|$|\p{{Lu}}|\*)"
_SEP = r"[.\-–—:)]"  # separators after a number: "1.", "1-", "1–", "1:", "1)"

MARKER_RULES: tuple[MarkerRule, ...] = (
    MarkerRule(
        "appendix",
        MarkerStyle.APPENDIX,
        # Written in capitals, or "Phụ lục" with its number and a separator or the end of the
        # line: "Phụ lục 01 và mục tiêu …" at the start of a wrapped line is prose.
        _compile(
            rf"(?P<marker>(?-i:PHỤ{SP}++LỤC(?:{SP}++(?:SỐ{SP}++)?(?P<v>{ROMAN}|[0-9]{{1,2}}|[A-Z]))?"
            rf"|Phụ{SP}++lục(?:{SP}++(?:số{SP}++)?(?P<w>{ROMAN}|[0-9]{{1,2}}|[A-Z]))?(?={SP}*+(?:[.:\-–]|$)))"
            rf"(?![\w]){SP}*+(?:[.:\-–]{SP}*+)?)"
        ),
        _appendix_value,
        "PHỤ LỤC",
        "Back matter after the signature (corpus 01, 05): a top-level division of its own.",
        first="p",
    ),
    MarkerRule(
        "attached",
        MarkerStyle.APPENDIX,
        # The type alone on its line, in capitals: a title in capitals and "(Ban hành kèm theo
        # Quyết định số …)" follow. "QUY ĐỊNH CHUNG" (a chapter's title) has words after it.
        _compile(
            rf"(?P<marker>(?-i:QUY{SP}++CHẾ|QUY{SP}++ĐỊNH|QUY{SP}++TRÌNH|ĐIỀU{SP}++LỆ|DANH{SP}++MỤC|KẾ{SP}++HOẠCH"
            rf"|CHƯƠNG{SP}++TRÌNH|ĐỀ{SP}++ÁN|HƯỚNG{SP}++DẪN))(?={SP}*+$)"
        ),
        _attached_value,
        "QUY CHẾ",
        "A regulation, plan or list a decision enacts, after its signature: back matter like an appendix.",
        first="qđdkch",
    ),
    MarkerRule(
        "form",
        MarkerStyle.FORM,
        # "Mẫu số 01:", "Mẫu 1A -", "MẪU SỐ 02" alone: the word, a number of one or two digits
        # (and a capital that tells variants apart, or the Party's code after a hyphen: "Mẫu
        # 2-KNĐ", all of it the marker), then a separator or the end of the line. A form cited
        # in a wrapped sentence ("Mẫu số 01 ban hành kèm theo …") has neither.
        _compile(
            rf"(?P<marker>mẫu{SP}++(?:số{SP}++)?(?P<v>[0-9]{{1,2}})(?P<variant>(?-i:[A-Z]))?"
            rf"(?:-(?-i:\p{{Lu}}){{2,8}})?+(?![\w])"
            rf"(?={SP}*+(?:[.:\-–]|$)){SP}*+(?:[.:\-–]{SP}*+)?)"
        ),
        _form_value,
        "Mẫu số 01:",
        "Forms attached to guidance and resolutions, under their appendix (corpus 18, 19): a division "
        "above the form's own 'I.' and 'Điều 1.'.",
        first="m",
    ),
    MarkerRule(
        "part",
        MarkerStyle.PART,
        _compile(
            rf"(?P<marker>phần{SP}++(?:thứ{SP}++(?P<word>{NUMBER_WORD})|(?P<roman>(?-i:{ROMAN}))|(?P<num>[0-9]{{1,2}}))"
            rf"(?![\w]){SP}*+(?:[.:\-–—]{SP}*+(?![0-9]))?)",
        ),
        _part_value,
        "Phần thứ hai",
        "Top division of congress reports; spelled out, Roman or Arabic, any case (seed, corpus 01, 07).",
        first="p",
    ),
    MarkerRule(
        "chapter",
        MarkerStyle.CHAPTER,
        _compile(rf"(?P<marker>chương{SP}++(?P<v>(?-i:{ROMAN})|[0-9]{{1,3}})(?![\w]){SP}*+(?:[.:\-–]{SP}*+)?)"),
        _roman_or_int,
        "Chương I",
        "Chapters of laws, decrees, regulations (Decree 30/2020, corpus 16-18).",
        first="c",
    ),
    MarkerRule(
        "subsection",
        MarkerStyle.SUBSECTION,
        _compile(rf"(?P<marker>tiểu{SP}++mục{SP}++(?P<v>(?-i:{ROMAN})|[0-9]{{1,3}})(?![\w]){SP}*+(?:[.:\-–]{SP}*+)?)"),
        _roman_or_int,
        "Tiểu mục 1",
        "Sub-sections inside a Mục of long legal texts.",
        first="t",
    ),
    MarkerRule(
        "section",
        MarkerStyle.SECTION,
        _compile(
            rf"(?P<marker>mục{SP}++(?P<v>(?-i:{ROMAN})|[0-9]{{1,3}})(?![\w,/]|\.[0-9])"
            rf"(?={SP}*+(?:[.:\-–*]|$|(?-i:\p{{Lu}}))){SP}*+(?:[.:\-–]{SP}*+)?)"
        ),
        _roman_or_int,
        "Mục 1",
        "Sections inside a Chương (corpus 16, 17); 'Mục tiêu' has no number and never matches, nor does "
        "a form's field cited by its number ('Mục 10 (thành phần gia đình): Ghi …', corpus 09).",
        first="m",
    ),
    MarkerRule(
        "article",
        MarkerStyle.ARTICLE,
        _compile(rf"(?P<marker>điều{SP}++(?P<v>[0-9]{{1,3}})(?P<suffix>[a-zđ])?{SP}*+[.:](?![0-9]){SP}*+)"),
        _int_value,
        "Điều 1.",
        "Articles; the '.' or ':' is required so that 'Điều 5 Luật …' in prose is not taken.",
        first="đ",
    ),
    MarkerRule(
        "ordinal-word",
        MarkerStyle.ORDINAL_WORD,
        _compile(
            rf"(?P<marker>(?:(?P<w>{LA_WORD}){SP}++là{SP}*+[,:]|thứ{SP}++(?P<w>{NUMBER_WORD}){SP}*+[,:]"
            rf"(?!{SP}*+(?:ngày|[0-9]))){SP}*+)"
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
        _compile(rf"(?P<marker>\({SP}*+(?P<v>[0-9]{{1,3}}){SP}*+\){SP}*+)(?=\S|$)"),
        _int_value,
        "(1)",
        "Numbered targets and tasks: '(1) Đến năm 2025 …' (seed 'Chỉ tiêu chủ yếu').",
        first="(",
    ),
    MarkerRule(
        "decimal",
        MarkerStyle.DECIMAL,
        _compile(
            rf"(?P<marker>(?P<v>[0-9]{{1,2}}(?:\.[0-9]{{1,2}}){{1,4}})"
            rf"(?:{SP}*+{_SEP}(?![0-9])|(?={SP}++\p{{Lu}})|(?=\p{{Lu}}\p{{Ll}}+{SP})){SP}*+)"
            rf"(?![0-9]|%|,)",
            regex.VERSION1,
        ),
        _decimal_value,
        "2.1-",
        "Sub-numbering that carries its parents: '2.1-', '1.1.1.'. Components have at most two digits, "
        "so '1.683.240' stays a number; without a separator only when a capital follows, set apart or "
        "glued as the first letter of a word ('2.2Quy trình …', a heading text extraction ran together).",
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
            rf"(?P<marker>(?P<v>[0-9]{{1,3}}){SP}*+(?:\.{SP}++(?={PERCENT_START})"
            rf"|(?:[.\-–—)]|:(?={SP})){_AFTER}{SP}*+(?![0-9]|\p{{Lu}}{{1,8}}/)))",
            regex.VERSION1,
        ),
        _int_value,
        "1-",
        "Numbered sections and items: '1-', '1.', '1)'. A digit after the separator means a range or "
        "a number ('30 - 35', '1.683'), four digits mean a year ('2020 - 2025'), and capitals then a "
        "slash a document code wrapped to a line start ('21-NQ/TW'); but a target opens with its share "
        "('1. 100% đội ngũ cán bộ …', a plan's objectives).",
        first="0123456789",
    ),
    MarkerRule(
        "letter",
        MarkerStyle.LETTER,
        _compile(rf"(?P<marker>(?P<v>[a-zđ]){SP}*+(?:[).]{SP}++(?=\S)|\){SP}*+$))", regex.VERSION1),
        _letter_value,
        "đ)",
        "Lettered points 'a)', 'b.', 'đ)'; a space must follow, so 'v.v.' is not a marker, or the line "
        "end after ')': a form's letter standing alone over its text ('a)⏎Các mục …', corpus 09).",
        first="abcdefghijklmnopqrstuvwxyzđ",
    ),
    MarkerRule(
        "dash",
        MarkerStyle.DASH,
        _compile(rf"(?:-{{2,}}(?=-{SP}++\p{{Lu}}))?(?P<marker>[-–—−‐](?![-–—−‐]){SP}*+)(?=\S)", regex.VERSION1),
        _none,
        "-",
        "Dash bullets; a rule line '-----' is not a bullet. PDF text glues the rule under a title to "
        "the line below it: glued to a word ('----Căn cứ …', corpus 08) it ran into a paragraph; "
        "before a space and a capital ('----- Căn cứ …', corpus 07) its last dash is the bullet of "
        "the first point, as the page shows.",
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

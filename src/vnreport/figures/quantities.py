"""Quantities, comparisons and targets: the figures of a report read as data.

A Vietnamese report states its results as figures in running text: "tổng thu ngân sách đạt
1.683.240 triệu đồng", "28,67% (mục tiêu 29,44%)", "14/17 xã, thị trấn", "tăng 166,4% so với giai
đoạn 2011-2015". This module reads them the way a Vietnamese reader does:

* ``.`` groups thousands and ``,`` is the decimal mark ("24,023 tỷ đồng" is 24.023 billion đồng,
  never an English reading); values are :class:`~decimal.Decimal`, in the base unit after the
  scale word ("802,2 tỷ đồng" → 802200000000 VND);
* a figure's span is qualifier + number(s) + unit or counted head noun ("trên 1.000 lao động");
  verbs ("tăng", "đạt") and "bình quân" stay outside;
* numbers that identify rather than measure — dates, years, periods, ordinals, document numbers,
  footnote markers, list labels, names, levels, map scales, idioms — are not quantities;
* an unreadable figure ("1.2.3.4", "12,,5", a 400-digit run) is skipped with a
  ``quantity-unreadable`` diagnostic, never guessed.

Every public function is pure: text and spans in, frozen model objects out, spans absolute into
the text passed in. The stage runs once per sentence, so it is built for speed: a sentence without
a digit costs one C-level search, and each figure costs a handful of anchored regex matches, each
behind a cheap character test.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from decimal import Decimal
from operator import attrgetter
from typing import Any

from vnreport.model import (
    Comparison,
    Diagnostic,
    DiagnosticCode,
    Evidence,
    Footnote,
    Quantity,
    Sentence,
    Severity,
    Span,
    Target,
)
from vnreport.rules.figures import (
    _FOOTNOTE_IN_TEXT,
    BASELINE_PAREN,
    CHANGE_BEFORE,
    CHANGE_CUES,
    CHANGE_GOES_ON,
    CHANGE_WORD,
    CLAUSE_MARK_BEFORE,
    COUNTED_TOTAL,
    DEADLINE,
    EACH_YEAR,
    EACH_YEAR_AFTER,
    FROM_BEFORE,
    FROM_TO_AHEAD,
    GOVERNING_RATE,
    IDENTIFIER_TAIL,
    INLINE_LABEL,
    LABEL_FIRST,
    LABEL_TAIL,
    LEADING_LABEL,
    MAP_SCALE_TAIL,
    MERGED_INTO,
    MET_TARGET_PHRASE,
    NON_QUANTITY_AT,
    NUMBER_TOKEN,
    OF_TARGET_AFTER,
    PARENS,
    PHRASE,
    POST_QUALIFIER,
    QUANTITY_FOOTNOTE_REF,
    RANGE_TAIL,
    RESTATED_BY,
    SLASH_NUMBER,
    SLASH_PER,
    SLASH_WORD,
    SO_VOI_AFTER,
    SO_VOI_HEADER,
    SPACES,
    SUBJECT_LEAD,
    SUBJECT_TAIL,
    SUBJECT_TAIL_BY_LAST,
    SUBJECT_TAIL_LAST,
    SUBJECT_TAIL_REACH,
    TARGET_BEFORE,
    TARGET_SUBJECT_LEAD,
    TARGET_SUBJECT_TAIL,
    TARGET_SUBJECT_VERB,
    TARGET_VERB,
    TARGET_WORDS,
    TARGETS_MET_BEFORE,
    TO_BETWEEN,
    UNIT,
    UNIT_MORE_WORDS,
    VERSION,
    YEAR_IS_BEFORE,
)

__all__ = [
    "MAX_DIGITS",
    "check_evidence",
    "find_comparisons",
    "find_quantities",
    "parse_vn_number",
    "quantities_in",
    "read_target",
]

MAX_DIGITS = 24
"""Longer digit strings are not figures anyone reports; reading them would only invite rounding."""


# =============================================================================================
# Lexicon
# =============================================================================================

#: Words that end a figure rather than name what it counts ("308, tăng 48 người", "giảm 4 so
#: với", "2019 có"): verbs, prepositions, conjunctions, determiners.
STOP_WORDS = frozenset(
    {
        "và",
        "với",
        "của",
        "là",
        "có",
        "được",
        "đã",
        "đang",
        "sẽ",
        "so",
        "tăng",
        "giảm",
        "đạt",
        "vượt",
        "trong",
        "trên",
        "dưới",
        "theo",
        "tại",
        "cho",
        "từ",
        "đến",
        "tới",
        "lên",
        "xuống",
        "còn",
        "thì",
        "mà",
        "nhưng",
        "hoặc",
        "hay",
        "để",
        "về",
        "này",
        "đó",
        "kia",
        "các",
        "những",
        "mỗi",
        "trở",
        "bằng",
        "như",
        "chiếm",
        "gồm",
        "thuộc",
        "sau",
        "trước",
        "khi",
        "nếu",
        "vì",
        "do",
        "nên",
        "ở",
        "ra",
        "vào",
        "qua",
        "đi",
        "lại",
        "nữa",
        "cũng",
        "đều",
        "chỉ",
        "rồi",
        "hơn",
        "nhất",
        "ước",
        "nay",
        "hiện",
        "thêm",
    }
)

#: Counted head nouns of more than one syllable, kept whole ("doanh nghiệp", "tổ chức đảng").
#: A head noun not listed here is its first syllable ("18 trường học" → "trường", "127 phòng
#: nghỉ" → "phòng"): reports count by that syllable, and the modifiers after it are not units.
COMPOUND_HEADS = frozenset(
    {
        "doanh nghiệp",
        "hợp tác xã",
        "tổ hợp tác",
        "đảng viên",
        "tổ chức đảng",
        "tổ chức cơ sở đảng",
        "chi bộ",
        "đảng bộ",
        "nhà nghỉ",
        "nhà khách",
        "nhà văn hóa",
        "nhà văn hoá",
        "khách sạn",
        "khẩu súng",
        "viên đạn",
        "xe ô tô",
        "ô tô",
        "xe máy",
        "trường hợp",
        "đơn vị",
        "cán bộ",
        "công chức",
        "viên chức",
        "lao động",
        "người lao động",
        "công trình",
        "mô hình",
        "hội nghị",
        "hội thảo",
        "phong trào",
        "tập thể",
        "cá nhân",
        "vụ việc",
        "vụ án",
        "đối tượng",
        "câu lạc bộ",
        "chương trình",
        "chuyên mục",
        "tin bài",
        "bài viết",
        "bài báo",
        "nhân khẩu",
        "thủ tục",
        "yêu cầu",
        "cơ quan",
        "văn bản",
        "hồ sơ",
        "tài liệu",
        "dự án",
        "địa điểm",
        "đường dây",
        "trung tâm",
        "bác sĩ",
        "bác sỹ",
        "giáo viên",
        "học viên",
        "học sinh",
        "sinh viên",
        "bị can",
        "bị cáo",
        "đồng chí",
        "tiêu chí",
        "chỉ tiêu",
        "đề tài",
        "thôn bản",
        "cơ sở",
        "công dân",
        "hộ gia đình",
        "huân chương",
        "huy chương",
        "cờ thi đua",
        "bằng khen",
        "giấy khen",
        "khen thưởng",
        "sản phẩm",
        "giường bệnh",
        "trạm y tế",
        "bệnh viện",
        "nhân viên",
        "giấy chứng nhận",
        "đoàn viên",
        "hội viên",
        "thanh niên",
        "chiến sĩ",
        "quân nhân",
        "tân binh",
        "thành viên",
        "ủy viên",
        "uỷ viên",
        "cấp ủy viên",
        "cấp uỷ viên",
        "đại biểu",
        "điểm trường",
        "làng nghề",
        "cụm công nghiệp",
        "khu công nghiệp",
        "thị trấn",
        "khu phố",
        "tổ dân phố",
        "hạng mục",
        "gói thầu",
        "sáng kiến",
        "phóng sự",
        "tuyến đường",
        "nhà đầu tư",
        "trang trại",
        "gia trại",
        "hộ kinh doanh",
        "cơ sở sản xuất",
        "chi hội",
        "tổ chức",
        "bánh hêrôin",
        "bánh heroin",
        "dân số",
        "máy tính",
    }
)
_MAX_HEAD = 5
_COMPOUND_FIRST = frozenset(c.split()[0] for c in COMPOUND_HEADS)
#: The compounds by first word, most words first: the longest compound a phrase opens with wins.
_COMPOUNDS_BY_FIRST: dict[str, tuple[str, ...]] = {
    first: tuple(sorted((c for c in COMPOUND_HEADS if c.split()[0] == first), key=lambda c: -len(c.split())))
    for first in _COMPOUND_FIRST
}

#: Label nouns: a number right after them names or ranks something ("giai đoạn 1", "mức độ 3",
#: "Khu 2,3,5,6", "Nghị quyết Trung ương 4", "đối tượng 2, 3, 4", "lần thứ 42").
STRONG_LABELS = frozenset(
    {
        "khóa",
        "khoá",
        "thứ",
        "điều",
        "khoản",
        "chương",
        "mục",
        "phần",
        "tiết",
        "khu",
        "tổ",
        "đợt",
        "nhóm",
        "loại",
        "hạng",
        "lô",
        "lần",
        "phường",
        "quận",
        "thôn",
        "xóm",
        "ấp",
        "iso",
        "tcvn",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    }
) | frozenset(
    {
        "mức độ",
        "cấp độ",
        "giai đoạn",
        "trung ương",
        "quốc lộ",
        "tỉnh lộ",
        "đường tỉnh",
        "huyện lộ",
        "kỳ họp",
        "tiểu mục",
        "khu phố",
        "tiểu khu",
        "đối tượng",
        "phiên bản",
        "tổ dân phố",
        "khu vực",
        "đơn nguyên",
        "tuyến số",
    }
)
#: Weaker labels name only a small plain integer with nothing counted after it ("Quyết định số
#: 15", "mức 2"); "tổng số 1.023 hồ sơ" and "Kế hoạch 5 năm" stay figures.
WEAK_LABELS = frozenset({"số", "mức"}) | frozenset(
    {
        "nghị quyết",
        "quyết định",
        "chỉ thị",
        "thông tư",
        "nghị định",
        "kết luận",
        "quy định",
        "hướng dẫn",
        "công văn",
        "thông báo",
        "tờ trình",
        "chương trình",
    }
)
#: Words before "1 lần" that make it a lump sum, not one occasion ("trợ cấp 1 lần").
LUMP_SUM = frozenset({"trợ cấp", "chi trả", "thanh toán", "bồi thường", "hỗ trợ"})
#: "1 số" = "một số" (some), "1 cách" = "một cách", "1 phần" = "một phần".
ONE_IDIOMS = frozenset({"số", "cách", "vài", "chút", "phần", "mình"})
#: Grades written like counts ("khách sạn 3 sao").
RATING_UNITS = frozenset({"sao"})
#: Denominators that total the numerator's kind: "47.053 người/49.760 dân số".
GENERIC_TOTALS = frozenset({"dân số", "dân", "tổng số", "số"})
#: The standard drawing scales of Vietnamese plans ("1/500", "1/2000"): never fractions.
MAP_SCALES = frozenset(Decimal(n) for n in (200, 250, 500, 1000, 2000, 2500, 5000, 10000, 25000, 50000))
QUALIFIERS = frozenset({"khoảng", "trên", "dưới", "gần", "hơn", "từ", "chừng"})
QUALIFIERS_2 = frozenset({"ít nhất", "tối thiểu", "tối đa", "không quá", "không dưới", "xấp xỉ", "khoảng chừng"})
#: "cao hơn 5%" compares; only a bare "hơn" qualifies a figure.
_NOT_BEFORE_HON = frozenset({"cao", "thấp", "nhiều", "ít", "lớn", "nhỏ", "tốt", "kém"})
#: "hàng tháng 16 người", "mỗi ngày 5 chuyến": a period word, not a date.
_EVERY = frozenset({"hàng", "hằng", "mỗi", "từng", "các", "những", "trong"})
_DATE_LIMITS = {"ngày": 31, "tháng": 12, "quý": 4}
#: Last words of every label and qualifier: most figures follow none of them, and skip the rest.
_LABEL_LAST = frozenset(w.split()[-1] for w in STRONG_LABELS | WEAK_LABELS) | frozenset(_DATE_LIMITS) | {"năm"}
_QUALIFIER_LAST = QUALIFIERS | frozenset(w.split()[-1] for w in QUALIFIERS_2)
#: Last words after which the two words before them matter too (labels, qualifiers, "tỷ lệ",
#: lump sums); after any other word only that word is read.
_CONTEXT_LAST = _LABEL_LAST | _QUALIFIER_LAST | frozenset(w.split()[-1] for w in LUMP_SUM) | {"lệ"}

SCALE_VALUES: dict[str, Decimal] = {
    "nghìn": Decimal("1E+3"),
    "ngàn": Decimal("1E+3"),
    "vạn": Decimal("1E+4"),
    "triệu": Decimal("1E+6"),
    "tỷ": Decimal("1E+9"),
    "tỉ": Decimal("1E+9"),
    "nghìn tỷ": Decimal("1E+12"),
    "ngàn tỷ": Decimal("1E+12"),
    "nghìn tỉ": Decimal("1E+12"),
    "ngàn tỉ": Decimal("1E+12"),
    "triệu tỷ": Decimal("1E+15"),
    "triệu tỉ": Decimal("1E+15"),
}
"""Powers of ten with a one-digit coefficient, so that scaling never rounds."""
_SCALE_WORDS = frozenset({"nghìn", "ngàn", "vạn", "triệu", "tỷ", "tỉ"})

CURRENCIES: dict[str, str] = {
    "đồng": "VND",
    "đ": "VND",
    "vnđ": "VND",
    "vnd": "VND",
    "usd": "USD",
    "đô la": "USD",
    "đôla": "USD",
    "đô la mỹ": "USD",
    "nhân dân tệ": "CNY",
    "ndt": "CNY",
    "cny": "CNY",
    "eur": "EUR",
    "euro": "EUR",
}
MEASURES: dict[str, str] = {
    "km²": "km2",
    "m²": "m2",
    "m³": "m3",
    "héc ta": "ha",
    "hécta": "ha",
    "hecta": "ha",
}
_CASED_MEASURES = frozenset({"MW", "kW", "kWh", "MWh", "GWh"})

_DIRECTIONS: dict[str, str] = {
    "kiềm chế": "giảm",
    "kéo giảm": "giảm",
    "cao hơn": "tăng",
    "nhiều hơn": "tăng",
    "thấp hơn": "giảm",
    "ít hơn": "giảm",
    "nâng": "tăng",
    "hạ": "giảm",
    "lên": "tăng",
    "xuống": "giảm",
    "xuống còn": "giảm",
}
#: Target verbs normalised ("là" → đạt, "kiềm chế" → giảm); creation verbs stay as written
#: ("xây dựng thêm", "kết nạp"). "đạt"/"là" only decide when no other verb does.
_TARGET_DIRECTIONS: dict[str, str] = {
    "là": "đạt",
    "chiếm": "đạt",
    "kiềm chế": "giảm",
    "kéo giảm": "giảm",
    "giữ vững": "duy trì",
    "giữ ổn định": "duy trì",
}


# =============================================================================================
# Numbers
# =============================================================================================


def _tidy(d: Decimal) -> Decimal:
    """``Decimal("8.022E+11")`` → ``802200000000``, ``94,0`` → ``94``: plain and exact."""
    if d == d.to_integral_value():
        return Decimal(int(d))
    return d.normalize()


def parse_vn_number(s: str) -> Decimal | None:
    """Read a number written the Vietnamese way; None when it cannot be read without guessing.

    "." groups thousands and "," is the decimal mark. A single malformed group is read by the
    thousands rule ("15.14" → 1514: a dropped digit, which the report's own arithmetic
    confirms); several ("1.2.3.4"), doubled separators ("12,,5") or more than
    :data:`MAX_DIGITS` digits are unreadable.

    >>> parse_vn_number("1.683.240"), parse_vn_number("21.228,22"), parse_vn_number("24,023")
    (Decimal('1683240'), Decimal('21228.22'), Decimal('24.023'))
    """
    s = s.strip()
    integer, comma, fraction = s.partition(",")
    digits = integer.replace(".", "")
    if not digits.isdigit() or not integer[-1:].isdigit() or not integer[0].isdigit():
        return None
    if comma and not fraction.isdigit():
        return None
    if integer.count(".") > 1 and not _is_well_formed(integer):
        return None
    if len(digits) + len(fraction) > MAX_DIGITS:
        return None
    fraction = fraction.rstrip("0")
    # Decimal from a plain string is exact; trailing zeros are dropped so that 94,0 reads 94.
    return Decimal(f"{int(digits)}.{fraction}") if fraction else Decimal(int(digits))


def _is_well_formed(s: str) -> bool:
    """Thousands groups of exactly three digits after a first group of one to three."""
    groups = s.partition(",")[0].split(".")
    return len(groups) == 1 or (len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]))


def _is_year(tok: str) -> bool:
    return len(tok) == 4 and tok.isdigit() and 1900 <= int(tok) <= 2100


def _scaled(value: Decimal, scale: Decimal | None) -> Decimal:
    return _tidy(value * scale) if scale is not None else value


# =============================================================================================
# Quantities
# =============================================================================================


class _Fig:
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


#: What :func:`_read_unit` returns: where the figure ends, the scale factor, the normalised unit,
#: and None or what went wrong (``_GLUED`` or a diagnostic message). A plain tuple: it is built
#: for nearly every figure, and a tuple costs a fraction of an object with attributes.
_UnitRead = tuple[int, Decimal | None, str | None, str | None]
_GLUED = "letters glued to the number"


def _head_noun(words: str) -> tuple[str | None, int]:
    """'doanh nghiệp mới thành lập' → ('doanh nghiệp', its length); a stop word → (None, 0)."""
    low = words.casefold()
    if len(low) == len(words) and low[:1] != " " and "  " not in low and low.replace(" ", "").isalpha():
        # The usual shape (letters, single spaces, casefolding keeps lengths): compounds are
        # compared on the string itself, without splitting it into words.
        first = low.partition(" ")[0]
        for cand in _COMPOUNDS_BY_FIRST.get(first, ()):
            if low.startswith(cand) and low[len(cand) : len(cand) + 1] in ("", " "):
                return cand, len(cand)
        return _simple_head(words, first, len(first))
    parts = words.split(None, _MAX_HEAD)[:_MAX_HEAD]
    if not parts:
        return None, 0
    first = parts[0].casefold()
    if first in _COMPOUND_FIRST:
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
        noun, rest_length = _head_noun(rest)
        if noun is not None and noun != "lượt":
            return "lượt", len(words) - len(rest) + rest_length
    return first, length


def _length_of_words(words: str, parts: list[str], n: int) -> int:
    """Length, in ``words`` with its own spacing, of its first ``n`` words (``parts``)."""
    end = 0
    for p in parts[:n]:
        end = words.index(p, end) + len(p)
    return end


def _one_spaced(words: str) -> str:
    """Words joined by single spaces, as the lexicon keys are ("nghìn  tỷ" → "nghìn tỷ")."""
    return words if words.isalpha() else SPACES.sub(" ", words)


def _read_unit(text: str, pos: int, end: int) -> _UnitRead:
    """Scale word and unit after a number ending at ``pos``."""
    m = UNIT.match(text, pos, end)
    if m is None:
        return pos, None, None, None
    scale_w, sp, pct, comrade, currency, measure, w0 = m.groups()
    scale: Decimal | None = None
    stop = pos
    if scale_w:
        scale = SCALE_VALUES[_one_spaced(scale_w.casefold())]
        stop = m.end("scale")
    if pct:
        return m.end(), scale, "%", None
    if comrade:
        return m.end(), scale, "đồng chí", None
    if currency:
        return m.end(), scale, CURRENCIES.get(_one_spaced(currency.casefold()), "VND"), None
    if measure:
        key = _one_spaced(measure.casefold())
        return m.end(), scale, measure if measure in _CASED_MEASURES else MEASURES.get(key, key), None
    if not w0:
        return stop, scale, None, None
    if not (sp or scale_w):
        return m.end("w0"), None, None, _GLUED  # "5G", "4A": letters glued to a number, no unit
    first = w0.casefold()
    if scale_w and first in _SCALE_WORDS:
        # "tỷ tỷ đồng": no reader can tell what was meant.
        return m.start("w0") + len(first), scale, None, "two scale words after one number"
    # Most counted nouns are one plain syllable; only compounds and "lượt" need the full lookup.
    if first in _COMPOUND_FIRST or first == "lượt":
        words_end = UNIT_MORE_WORDS.match(text, m.end("w0"), end)
        head, length = _head_noun(text[m.start("w0") : words_end.end() if words_end else m.end("w0")])
    elif first in STOP_WORDS:
        head, length = None, 0
    else:
        head, length = first, len(w0)
    if head is None:
        return stop, scale, None, None
    return m.start("w0") + length, scale, head, None


def _unit_follows(text: str, pos: int, end: int) -> bool:
    """Whether a unit or a counted noun follows ``pos``: what makes a malformed number a figure
    worth a diagnostic. "Điểm 4.3.3 (a)", "điểm 10.5, Quy định 294" are section references;
    "1.2.3.4 tỷ đồng", "12,,5 tấn", "137.16%" are figures nobody can read. A capitalised word
    after the number starts a title ("Điểm 4.3.1 Hướng dẫn số 38"), not a counted noun."""
    _, scale, unit, _ = _read_unit(text, pos, end)
    if scale is not None:
        return True
    if unit is None:
        return False
    m = UNIT.match(text, pos, end)
    noun = m.group("w0") if m else None  # set only when the unit is a counted noun
    return not (noun and noun[:1].isupper())


def _label_kind(w1: str, w2: str, w3: str, tok: str) -> str | None:
    """How the words before a number make it a label: 'strong', 'weak', 'date' or None."""
    if w3 in STRONG_LABELS or f"{w2} {w3}" in STRONG_LABELS or f"{w1} {w2} {w3}" in STRONG_LABELS:
        return "strong"
    if not tok.isdigit():
        return None
    if w3 == "năm" and _is_year(tok):
        return "date"
    limit = _DATE_LIMITS.get(w3)
    if limit is not None and w2 not in _EVERY and 1 <= int(tok) <= limit:
        return "date"
    if (w3 in WEAK_LABELS or f"{w2} {w3}" in WEAK_LABELS) and len(tok) <= 3 and w2 != "tổng":
        return "weak"
    return None


_NOTHING: tuple[tuple[Quantity, ...], tuple[Diagnostic, ...]] = ((), ())


def find_quantities(text: str, span: Span) -> tuple[tuple[Quantity, ...], tuple[Diagnostic, ...]]:
    """Every figure inside ``text[span.start:span.end]`` (a sentence), with absolute spans.

    Args:
        text: the document text.
        span: the sentence (or line, or footnote body) to read.

    Returns:
        The quantities in text order, and a ``quantity-unreadable`` diagnostic for each figure
        that could not be read (a malformed number followed by a unit or a counted noun; a bare
        "4.3.3" is a section reference). Never raises on odd input.

    >>> qs, _ = quantities_in("tổng vốn đầu tư là 802,2 tỷ đồng, đạt 101,6% so với mục tiêu")
    >>> [(q.text, q.value, q.unit) for q in qs]
    [('802,2 tỷ đồng', Decimal('802200000000'), 'VND'), ('101,6%', Decimal('101.6'), '%')]
    """
    start, end = span.start, span.end
    figs: list[_Fig] = []
    diags: list[Diagnostic] = []
    skip = -1
    for m in NUMBER_TOKEN.finditer(text, start, end):
        s, e = m.span()
        if skip < 0:
            # The leading label is looked for only once a digit is seen (half the sentences of
            # a report have none), and only when the sentence can open with one.
            first = text[start : start + 1]
            lab = LEADING_LABEL.match(text, start, end) if first in LABEL_FIRST or first.isspace() else None
            skip = lab.end() if lab else start
        if s >= skip:
            skip = _read_at(text, s, e, start, end, figs, diags)
    if not figs:
        return ((), tuple(diags)) if diags else _NOTHING
    _resolve_bare_units(text, start, end, figs)
    _governing_per(text, start, figs)
    # Positional, and inline: a method call per figure costs more than building it.
    quantities = tuple(
        [
            Quantity(Span(f.start, f.end), text[f.start : f.end], f.value, f.unit, f.low, f.high, f.per, f.den, f.qual)
            for f in figs
        ]
    )
    return quantities, tuple(diags) if diags else ()


def quantities_in(text: str) -> tuple[tuple[Quantity, ...], tuple[Diagnostic, ...]]:
    """:func:`find_quantities` over a whole string: handy for one-off phrases and tests."""
    return find_quantities(text, Span(0, len(text)))


def _unreadable(text: str, s: int, e: int, why: str) -> Diagnostic:
    return Diagnostic(
        code=DiagnosticCode.QUANTITY_UNREADABLE,
        message=f"figure {text[s:e]!r} skipped: {why}",
        span=Span(s, e),
        severity=Severity.WARNING,
    )


#: Digit strings already read: a report repeats its years, shares and small counts, and the
#: dictionary lookup is a fraction of :func:`parse_vn_number`. Bounded, cleared when full; values
#: are 1-tuples so that one ``get`` (atomic, safe across threads) tells a miss from None.
_NUMBER_CACHE: dict[str, tuple[Decimal | None]] = {}
_NUMBER_CACHE_SIZE = 4096


def _number(tok: str) -> Decimal | None:
    hit = _NUMBER_CACHE.get(tok)
    if hit is not None:
        return hit[0]
    if len(_NUMBER_CACHE) >= _NUMBER_CACHE_SIZE:
        _NUMBER_CACHE.clear()
    value = parse_vn_number(tok)
    _NUMBER_CACHE[tok] = (value,)
    return value


def _read_at(text: str, s: int, e: int, start: int, end: int, figs: list[_Fig], diags: list[Diagnostic]) -> int:
    """Read the figure whose first digit run is ``text[s:e]``; returns where scanning resumes."""
    tok = text[s:e]
    prev = text[s - 1] if s > start else " "
    if prev != " ":  # after a plain space (most figures) none of these can apply
        # Digits glued to letters identify ("COVID-19", "QH15", "H5N1", "Quý I/2020").
        if prev.isalpha() or (prev in "-/." and s - 2 >= start and text[s - 2].isalpha()):
            ident = IDENTIFIER_TAIL.match(text, e, end)
            return ident.end() if ident else e
        if prev == "[":
            ref = QUANTITY_FOOTNOTE_REF.match(text, s - 1, end)
            if ref:
                return ref.end()
        if prev in '”"’' and len(tok) <= 3 and tok.isdigit():
            return e  # a note number glued to a closing quote (PDF text)
    c1 = text[e : e + 1]
    if (
        (c1 in _IDENTIFIER_NEXT and (c1 != "." or _digit_after_dot(text, e)))
        or (len(tok) >= 5 and tok[-5] == ".")  # "01.10.1997"
        or (c1 in (" ", "\u00a0") and ((c2 := text[e + 1 : e + 2]) in ("-", "–", "/") or c2.isupper()))
    ):
        nq = NON_QUANTITY_AT.match(text, s, end)
        if nq:
            return int(nq.end())
    # The word right before decides whether the two before it matter at all: most figures
    # follow a verb ("đạt", "là", "có") that is no label, qualifier or lump-sum word.
    w3 = _last_word_before(text, s, start)
    if w3 in _CONTEXT_LAST:
        w1, w2, w3 = _words_before(text, s, start)
        label = _label_kind(w1, w2, w3, tok) if w3 in _LABEL_LAST else None
        if label == "strong" or label == "date":
            return _skip_label(text, e, end)
        if tok == "1" and w3 == "lệ" and w2 in ("tỷ", "tỉ"):
            sc = MAP_SCALE_TAIL.match(text, e, end)
            if sc:
                return sc.end()  # "tỷ lệ 1/2000": a drawing scale
    else:
        w2, label = "", None
    read = _read_figure(text, tok, s, e, end, w2, w3, label == "weak", diags)
    if isinstance(read, int):
        return read
    fig = read[0]
    fe = fig.end
    # Without a qualifier word before, "trở lên" or "năm" after, _qualify would change nothing.
    if (
        w3 in _QUALIFIER_LAST
        or text.find("trở", fe, fe + 16) >= 0
        or (fig.per is None and text.find("năm", fe, fe + 16) >= 0)
    ):
        _qualify(text, fig, start, end, w2, w3, text[fe : fe + 16])
    figs.extend(read)
    return read[-1].end


def _digit_after_dot(text: str, e: int) -> bool:
    """After "." at ``e``, a digit, maybe after one space: only then can the number start a
    NON_QUANTITY_AT shape ("15.5.2016", "15. 5. 2016"); "năm 2020." ends a sentence."""
    c = text[e + 1 : e + 2]
    return c.isdigit() or (c.isspace() and text[e + 2 : e + 3].isdigit())


#: A character right after a number that may make it part of a date, a period or a document
#: number ("15/5/2016", "2020-2025", "05-CT/TW", "01.10.1997").
_IDENTIFIER_NEXT = frozenset("-–—/.")


def _last_word_before(text: str, s: int, start: int) -> str:
    """``_words_before(text, s, start)[2]``, without looking at the two words before it."""
    if s <= start:
        return ""
    c = text[s - 1]
    lo = s - 32 if s - 32 > start else start
    if c == " ":
        # Usually a word of letters and one space: found with one rfind, no split.
        j = text.rfind(" ", lo, s - 1)
        word = text[j + 1 if j >= 0 else lo : s - 1]
        if word.isalpha():
            if j < 0 and lo > start and not text[lo - 1].isspace():
                return ""  # the window began inside this word
            return word.casefold()
    elif c == "\n" or not c.isspace():
        return ""
    seg, cut_word = _line_window(text, lo, s, start)
    parts = seg.rsplit(None, 1)
    if not parts or (cut_word and len(parts) == 1):
        return ""  # no word, or only the one the window began inside
    word = parts[-1]
    if word.isalpha():
        return word.casefold()
    head = word.lstrip(_OPENERS)
    return head.casefold() if head != word and head.isalpha() else ""


def _line_window(text: str, lo: int, s: int, start: int) -> tuple[str, bool]:
    """``text[lo:s]`` cut back to the figure's own line, and whether it begins inside a word."""
    seg = text[lo:s]
    nl = seg.rfind("\n")
    if nl >= 0:
        return seg[nl + 1 :], False
    return seg, lo > start and not text[lo - 1].isspace() and not seg[:1].isspace()


def _words_before(text: str, s: int, start: int) -> tuple[str, str, str]:
    """The (up to) three words right before offset ``s``, casefolded, nearest last.

    Only letters-only words joined by spaces on the figure's own line count: "(mục tiêu 29,44%)"
    gives ("", "", "tiêu"). A str.split of a short window is cheaper than any regex here.
    """
    lo = max(start, s - 32)
    seg, cut_word = _line_window(text, lo, s, start)
    if not seg or not seg[-1].isspace():
        return "", "", ""
    parts = seg.split()
    if cut_word:
        parts = parts[1:]  # the window began inside a word
    out = ["", "", ""]
    k = 2
    for word in reversed(parts[-3:]):
        if not word.isalpha():
            # "(Khu 2,3,5,6", "“Trung ương 4": an opening mark starts the run of words.
            head = word.lstrip(_OPENERS)
            if head != word and head.isalpha():
                out[k] = head.casefold()
            break
        out[k] = word.casefold()
        k -= 1
    return out[0], out[1], out[2]


_OPENERS = "([{“\"'‘«"


def _skip_label(text: str, pos: int, end: int) -> int:
    m = LABEL_TAIL.match(text, pos, end)
    return m.end() if m else pos


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
) -> list[_Fig] | int:
    """Number(s), scale, unit and "/" of the figure ``tok`` at ``s``.

    Returns the figures to keep (two for "105 lần/5.248 lượt"; the first is then qualified), or
    where to resume scanning when there is none: a non-quantity, an unreadable figure.
    """
    v1 = _number(tok)
    if v1 is None:
        if _unit_follows(text, e, end):
            diags.append(_unreadable(text, s, e, "not a number in Vietnamese notation"))
        return e
    cursor = e
    v2: Decimal | None = None
    ahead = text[e : e + 6]
    if ("-" in ahead or "–" in ahead or "—" in ahead) or (w3 == "từ" and ("đến" in ahead or "tới" in ahead)):
        r = RANGE_TAIL.match(text, e, end)
        if r and (r.group("sep").strip() in "-–—" or w3 == "từ"):
            n2 = r.group("n2")
            if _is_year(tok) and _is_year(n2):
                return r.end()  # "từ 2015 đến 2019": a period
            v2 = _number(n2)
            if v2 is None or v2 <= v1 or not _is_well_formed(n2):
                v2 = None
            else:
                cursor = r.end()
    read: _UnitRead
    if cursor == e and ahead[:1] == "%" and ahead[1:2] != "/":
        read = (e + 1, None, "%", None)  # "28,67%": most figures of a report, read without a regex
    else:
        read = _read_unit(text, cursor, end)
    stop, scale, unit, trouble = read
    if trouble is not None:
        if trouble is not _GLUED:
            diags.append(_unreadable(text, s, stop, trouble))
        return stop
    if (unit is None or unit == "%") and "." in tok and not _is_well_formed(tok):
        # "1.2", "137.16%": a malformed group is read only when a counted unit vouches for a
        # figure. Without a unit it is a section reference ("điểm 10.5"), and "4.0" a version
        # ("công nghiệp 4.0"): both skipped without a word.
        if unit == "%" or (scale is not None and not VERSION.fullmatch(tok)):
            diags.append(_unreadable(text, s, e, "digit groups are not groups of three"))
        return e
    if v2 is not None:
        fig = _Fig(s, cursor, None, _scaled(v1, scale), _scaled(v2, scale), unit)
    else:
        fig = _Fig(s, cursor, v1 if scale is None else _tidy(v1 * scale), None, None, unit)
    if stop > cursor:
        fig.end = stop
    if unit is not None:
        if unit in RATING_UNITS:
            return fig.end  # "khách sạn 3 sao"
        if tok == "1" and v2 is None and (unit in ONE_IDIOMS or (unit == "lần" and f"{w2} {w3}" in LUMP_SUM)):
            return fig.end  # "1 số" = some, "trợ cấp 1 lần" = a lump sum
    elif scale is None and v2 is None:
        if _is_year(tok):
            return _skip_label(text, e, end)  # "từ 2015 đến nay", "2019)"
        if weak_label:
            return _skip_label(text, e, end)  # "Quyết định số 15"
        if text[e : e + 1] == ")":
            before = text[s - 1 : s] if s > 0 else ""
            if before == "(":
                return e + 1  # "(3)" inside running text
            if before in ("", " ", "\t", ":") and INLINE_LABEL.match(text, e, end):
                return e + 1  # "1) …; 2) …"
    if text.find("/", fig.end, fig.end + 3) >= 0:
        sl = SLASH_NUMBER.match(text, fig.end, end) if v2 is None else None
        if sl and sl.group("n") == "1" and unit is not None:
            sl = None  # "30 giường bệnh/1 vạn dân": per ten thousand people, not a fraction
        if sl:
            return _denominator(text, fig, v1, scale, sl, end, w3, diags)
        if unit is not None:
            per = SLASH_PER.match(text, fig.end, end)
            if per:
                fig.per = SPACES.sub(" ", per.group("per").casefold())
                fig.end = per.end()
    return [fig]


def _denominator(
    text: str,
    fig: _Fig,
    v1: Decimal,
    scale: Decimal | None,
    sl: re.Match[str],
    end: int,
    w3: str,
    diags: list[Diagnostic],
) -> list[_Fig] | int:
    """ "14/17 xã", "47.053 người/49.760 dân số" (a fraction) or "105 lần/5.248 lượt" (two figures)."""
    vd = _number(sl.group("n"))
    if vd is None:
        diags.append(_unreadable(text, sl.start("n"), sl.end("n"), "unreadable denominator"))
        return sl.end()
    stop2, scale2, unit2, _ = _read_unit(text, sl.end(), end)
    if fig.unit is None and unit2 is None:
        if v1 == 1 and vd in MAP_SCALES:
            return sl.end()  # "1/500": a drawing scale
        if v1 <= 31 and vd <= 12 and w3 in ("từ", "đến", "hôm", "sáng", "chiều"):
            return sl.end()  # "từ 15/5": a date
    if fig.unit is None or unit2 is None or fig.unit == unit2 or unit2 in GENERIC_TOTALS:
        if fig.unit is None:
            fig.unit = unit2
            if fig.value is not None and scale2 is not None:
                fig.value = _scaled(v1, scale2)
        fig.den = _scaled(vd, scale2 if scale2 is not None else scale)
        fig.end = stop2 if unit2 is not None or scale2 is not None else sl.end()
        return [fig]
    # "105 lần/5.248 lượt", "336 vụ/540 bị can": two counts of different things.
    return [fig, _Fig(sl.start("n"), stop2, _scaled(vd, scale2), None, None, unit2)]


def _qualify(text: str, fig: _Fig, start: int, end: int, w2: str, w3: str, after: str) -> None:
    """Qualifiers on both sides ("trên 1.000 lao động", "10% trở lên", "từ 10% trở lên"), and
    "mỗi năm"/"/năm" after the figure; ``after`` is the text right after it."""
    qual: str | None = None
    qual_start = fig.start
    if w3 in _QUALIFIER_LAST:
        if w2 and f"{w2} {w3}" in QUALIFIERS_2:
            qual = f"{w2} {w3}"
        elif w3 in QUALIFIERS and not (w3 == "hơn" and w2 in _NOT_BEFORE_HON):
            qual = w3
        if qual is not None:
            qual_start = _start_of_words(text, fig.start, start, qual.count(" ") + 1)
    pq = POST_QUALIFIER.match(text, fig.end, end) if "trở" in after else None
    if qual == "từ":
        if FROM_TO_AHEAD.match(text, fig.end, end):
            qual, qual_start = None, fig.start  # "từ X lên Y" is a change, not a floor
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


def _start_of_words(text: str, pos: int, start: int, n: int) -> int:
    """Offset where the ``n`` words before ``pos`` begin."""
    lo = max(start, pos - 32)
    seg = text[lo:pos]
    for _ in range(n):
        seg = seg.rstrip()
        cut = max(seg.rfind(" "), seg.rfind("\u00a0"), seg.rfind("\t"))
        seg = seg[: cut + 1]
    return lo + len(seg)


# ---------------------------------------------------------------------------------------------
# Sentence-level readings
# ---------------------------------------------------------------------------------------------


def _resolve_bare_units(text: str, start: int, end: int, figs: list[_Fig]) -> None:
    """Give a bare number the unit a reader would: 'Bằng khen … 49', '308, tăng 48 người'.

    In order: 'Tổng số được khen thưởng 60' → what follows 'tổng số'; the figure that right away
    restates it ('trình độ đại học 308, tăng 48 người', 'báo cáo 3.910, chi trả 3.710 hồ sơ');
    the counted noun opening its phrase ('Cờ thi đua của Chính phủ 03'); inside a parenthesis,
    the figure it breaks down ('130.082 yêu cầu … (cấp huyện 21.756; cấp xã 108.326)'); the
    previous figure of the sentence ('trình độ khác 47, giảm 4').
    """
    for f in figs:
        if f.unit is None:
            break
    else:
        return
    parens = _paren_spans(text, start, end)
    for i, f in enumerate(figs):
        if f.unit is not None:
            continue
        lo = _phrase_start(text, start, f.start)
        unit = _counted_total(text, lo, f.start)
        nxt = figs[i + 1] if i + 1 < len(figs) else None
        if unit is None and nxt is not None and nxt.unit is not None:
            unit = nxt.unit if RESTATED_BY.fullmatch(text, f.end, nxt.start) else None
        if unit is None:
            unit = _np_head(text, lo, f.start)
        opened = _innermost(parens, f.start)
        if unit is None and opened >= 0:
            for g in reversed(figs[:i]):
                if g.unit is not None and (g.start > opened or g.end <= opened):
                    unit = g.unit
                    break
        if unit is None:
            unit = next((g.unit for g in reversed(figs[:i]) if g.unit is not None), None)
        f.unit = unit


def _paren_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parentheses of a sentence as (open, close) offsets; an unclosed one runs to the end."""
    if "(" not in text[start:end]:
        return []
    out: list[tuple[int, int]] = []
    stack: list[int] = []
    for m in PARENS.finditer(text, start, end):
        if m.group() == "(":
            stack.append(m.start())
        elif stack:
            out.append((stack.pop(), m.start()))
    out.extend((o, end) for o in stack)
    return out


def _innermost(parens: list[tuple[int, int]], pos: int) -> int:
    """Offset of the innermost '(' open at ``pos``, or -1."""
    best = -1
    for o, c in parens:
        if o < pos < c and o > best:
            best = o
    return best


def _phrase_start(text: str, start: int, pos: int) -> int:
    """Start of the phrase ending at ``pos``: after the last , ; : ( ) or the sentence start."""
    lo = max(start, pos - 80)
    cut = max(text.rfind(ch, lo, pos) for ch in ",;:()\n")
    return cut + 1 if cut >= 0 else lo


def _counted_total(text: str, lo: int, pos: int) -> str | None:
    """'Tổng số được khen thưởng 60' → 'khen thưởng'."""
    phrase = text[lo:pos].strip()
    m = COUNTED_TOTAL.match(phrase)
    if m and 0 < m.end() < len(phrase):
        return _head_noun(phrase[m.end() :])[0]
    return None


def _np_head(text: str, lo: int, pos: int) -> str | None:
    """The counted noun opening the phrase ``text[lo:pos]``, if it is a known one."""
    low = [w.casefold() for w in text[lo:pos].split()[:_MAX_HEAD]]
    for n in range(len(low), 1, -1):
        cand = " ".join(low[:n])
        if cand in COMPOUND_HEADS:
            return cand
    return None


def _governing_per(text: str, start: int, figs: list[_Fig]) -> None:
    """Per from the governing phrase.

    'mỗi năm … 12 nghìn lượt khách' and 'tăng bình quân hàng năm 19,5%' → per 'năm' (a flow, a
    rate of change); 'hằng năm đạt 90%' keeps per None (a share held each year). The cue governs
    only the first figure after it. 'số bác sĩ/vạn dân là 5,6 bác sĩ' → per 'vạn dân'.
    """
    last = figs[-1].start
    # EACH_YEAR needs one of these words; "ı" matches its "i" only under IGNORECASE. It is only
    # tried where "năm" is written, so a sentence without it needs no casefolded copy.
    each_year = False
    if text.find("năm", start, last) >= 0:
        seg = text[start:last].casefold()
        each_year = "mỗi" in seg or "hằng" in seg or "hàng" in seg or "ı" in seg
    # A rate needs "/" before a word; a fraction's "14/17" does not count.
    rate = text.find("/", start, last) >= 0 and SLASH_WORD.search(text, start, last) is not None
    if not each_year and not rate:
        return
    prev_end = start
    for f in figs:
        clause = _clause_start(text, start, f.start)
        lo = max(clause, prev_end)
        prev_end = f.end
        if f.per is not None:
            continue
        before = text[lo : f.start]
        if f.unit and rate and "/" in before and SLASH_WORD.search(before):
            m = GOVERNING_RATE.search(before)
            if (
                m
                and m.group("unit").casefold() == f.unit
                and not before[: m.start()].rstrip().endswith(tuple("0123456789%"))
            ):
                f.per = SPACES.sub(" ", m.group("per").casefold())
                continue
        if (
            each_year
            and "năm" in before
            and EACH_YEAR.search(before)
            and (f.unit != "%" or CHANGE_WORD.search(text, clause, f.start))
        ):
            f.per = "năm"


def _clause_start(text: str, start: int, pos: int) -> int:
    i = text.rfind(";", start, pos)
    return i + 1 if i >= 0 else start


# =============================================================================================
# Comparisons
# =============================================================================================


def _direction(verb: str) -> str:
    v = _one_spaced(verb.casefold())
    return _DIRECTIONS.get(v, v)


def _subject(text: str, lo: int, hi: int) -> str | None:
    """Best-effort subject: the words from the clause start to the first figure."""
    # The clause the figure stands in: one backward search from the figure, which stops at the
    # nearest mark (five rfind calls would each scan back to the sentence start when absent).
    mark = CLAUSE_MARK_BEFORE.search(text, lo, hi)
    seg = text[mark.start() + 1 if mark else lo : hi]
    if "[" in seg:
        seg = _FOOTNOTE_IN_TEXT.sub("", seg)
    seg = _one_spaced_text(seg).strip(" ,.-–")
    seg = SUBJECT_LEAD.sub("", seg)
    seg = seg[: _subject_tail_start(seg)].strip(" ,:")
    if not seg:
        return None
    return (seg[:1].upper() + seg[1:])[:160]


def _subject_tail_start(seg: str) -> int:
    """Where the trailing verbs of a subject phrase begin (``SUBJECT_TAIL``), or its length.

    The phrase's spaces are single ASCII ones by now, so the tail is peeled off phrase by phrase
    from the end (``SUBJECT_TAIL_BY_LAST``), which gives the start of the leftmost match of
    ``SUBJECT_TAIL.sub`` without a case-blind regex scan. A phrase with "ı",
    "İ" or "ſ" (which IGNORECASE matches with "i" or "s", and "İ" changes length when
    lower-cased) is searched with the regex itself, one reach at a time.
    """
    cut = len(seg)
    last = seg.rpartition(" ")[2]
    if last.casefold() not in SUBJECT_TAIL_LAST and "ı" not in last and "İ" not in last:
        return cut
    low = seg.lower()
    if len(low) == cut and "ı" not in low and "ſ" not in low:
        while True:
            space = low.rfind(" ", 0, cut)
            phrases = SUBJECT_TAIL_BY_LAST.get(low[space + 1 : cut]) if space >= 0 else None
            if not phrases:
                return cut
            for phrase in phrases:
                start = space
                for word in phrase:  # the phrase's earlier words, nearest first
                    before = low.rfind(" ", 0, start)
                    if before < 0 or low[before + 1 : start] != word:
                        break
                    start = before
                else:
                    break
            else:
                return cut
            before = low.rfind(" ", 0, start)
            cut = before if before >= 0 and low[before + 1 : start] == "ước" else start
    while True:
        m = SUBJECT_TAIL.search(seg, max(0, cut - SUBJECT_TAIL_REACH))
        if m is None or m.start() >= cut:
            return cut
        cut = m.start()


def _one_spaced_text(s: str) -> str:
    """``SPACES.sub(" ", s)``, skipped when every space is already a single ASCII one (any other
    whitespace character is unprintable)."""
    return SPACES.sub(" ", s) if "  " in s or not s.isprintable() else s


def _clean_base(base: str | None) -> str | None:
    if base is None:
        return None
    b = _one_spaced_text(base)
    if "[" in b:
        b = _FOOTNOTE_IN_TEXT.sub("", b)
    b = b.strip(" ,.")
    return b or None


class _Sentence:
    """The figures of one sentence and what each has become in a comparison."""

    __slots__ = (
        "aligned",
        "clause_of_end",
        "clause_of_start",
        "end",
        "header",
        "low",
        "qs",
        "role",
        "start",
        "text",
    )

    def __init__(self, text: str, start: int, end: int, qs: list[Quantity], low: str) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.qs = qs
        self.role: dict[int, str] = {}  # index → "target" | "change" | "baseline"
        self.low = low  # the sentence casefolded, for case-blind cue tests
        # Casefolding keeps offsets in Vietnamese text; where it does not ("ß"), cue tests
        # casefold the piece they look at instead.
        self.aligned = len(low) == end - start
        self.header: tuple[str | None, int] | None = None
        # Clause (count of ";" before) of each figure's start and end, made on first need.
        self.clause_of_start: list[int] = []
        self.clause_of_end: list[int] = []

    def has(self, word: str, lo: int, hi: int) -> bool:
        """Whether ``text[lo:hi]``, casefolded, contains ``word``."""
        if self.aligned:
            return self.low.find(word, max(lo - self.start, 0), hi - self.start) >= 0
        return word in self.text[lo:hi].casefold()

    def same_clause(self, a: int, b: int) -> bool:
        return self.text.find(";", a, b) < 0

    def before(self, i: int) -> list[int]:
        """Indices of the figures before figure ``i`` in its clause, nearest first.

        Figure ``j`` is in ``i``'s clause when no ";" lies between its end and ``i``'s start
        (or it ends after that start): compared as clause numbers, so that a sentence of many
        figures is not searched again for every pair.
        """
        if not self.clause_of_start:
            self._number_clauses()
        qs, cs, ce = self.qs, self.clause_of_start, self.clause_of_end
        start, clause = qs[i].span.start, cs[i]
        return [j for j in range(i - 1, -1, -1) if ce[j] == clause or qs[j].span.end > start]

    def _number_clauses(self) -> None:
        semis: list[int] = []
        i = self.text.find(";", self.start, self.end)
        while i >= 0:
            semis.append(i)
            i = self.text.find(";", i + 1, self.end)
        # bisect_left: a ";" right at a figure's end lies after it, one at its start before it.
        self.clause_of_start = [bisect_left(semis, q.span.start) for q in self.qs]
        self.clause_of_end = [bisect_left(semis, q.span.end) for q in self.qs]

    def achieved_for(self, i: int, prefer_unit: str | None, limit: int | None = None) -> int | None:
        """The figure a target, change or share refers to: the nearest before it in its clause,
        preferably in the same unit, and not itself a target or a change."""
        # The nearest figure of before(i) that qualifies, unless a farther one has the unit.
        if not self.clause_of_start:
            self._number_clauses()
        qs, ce, role = self.qs, self.clause_of_end, self.role
        start, clause = qs[i].span.start, self.clause_of_start[i]
        nearest: int | None = None
        for j in range(i - 1, -1, -1):
            q = qs[j]
            if ce[j] != clause and q.span.end <= start:
                continue  # another clause
            if role.get(j) in ("target", "change") or (limit is not None and q.span.end > limit):
                continue
            if prefer_unit is None or q.unit == prefer_unit:
                return j
            if nearest is None:
                nearest = j
        return nearest

    def comparison(
        self,
        kind: str,
        lo: int,
        hi: int,
        *,
        achieved: Quantity | None = None,
        target: Quantity | None = None,
        baseline: Quantity | None = None,
        change: Quantity | None = None,
        percent: Quantity | None = None,
        direction: str | None = None,
        baseline_period: str | None = None,
    ) -> Comparison:
        return Comparison(
            kind,
            Span(lo, hi),
            self.text[lo:hi],
            _subject(self.text, self.start, lo),
            achieved,
            target,
            baseline,
            change,
            percent,
            direction,
            baseline_period,
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
    low = text[start:end].casefold()
    st = _Sentence(text, start, end, qs, low)
    out: list[Comparison] = []
    if "(" in low and ("tiêu" in low or "hoạch" in low or "kh" in low):
        out.extend(_achieved_vs_target(st))
    if "tiêu" in low or "hoạch" in low or "toán" in low or "kh" in low:
        out.extend(_percent_of_target(st))
    if "chỉ tiêu" in low or "chỉ\u00a0tiêu" in low:
        out.extend(_targets_met(st))
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


#: Sort keys read in C ("span.start" through both attributes).
_START_OF = attrgetter("span.start")
_SPAN_OF = attrgetter("span.start", "span.end")


def _find_all(low: str, words: Sequence[str], offset: int) -> list[int]:
    """End offsets (absolute) of every occurrence of ``words`` in ``low``."""
    out: list[int] = []
    for w in words:
        i = low.find(w)
        while i >= 0:
            out.append(offset + i + len(w))
            i = low.find(w, i + 1)
    return out


def _achieved_vs_target(st: _Sentence) -> list[Comparison]:
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
                change, direction = qs[k], _direction(cb.group("verb"))
                st.role[k] = "change"
                break
        lo = qs[a].span.start if a is not None else m.start()
        out.append(
            st.comparison(
                "achieved_vs_target",
                lo,
                hi,
                achieved=qs[a] if a is not None else None,
                target=q,
                change=change,
                direction=direction,
            )
        )
    return out


def _percent_of_target(st: _Sentence) -> list[Comparison]:
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
                "percent_of_target",
                lo,
                m.end(),
                achieved=qs[a] if a is not None else None,
                percent=q,
                baseline_period=SPACES.sub(" ", m.group()).strip(),
            )
        )
    return out


def _targets_met(st: _Sentence) -> list[Comparison]:
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
        out.append(st.comparison("targets_met", lo, hi, achieved=q))
    return out


def _from_to(st: _Sentence) -> list[Comparison]:
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
                "change_vs_baseline",
                fb.start(),
                b.span.end,
                achieved=b,
                baseline=a,
                direction=_direction(verb or tb.group("to")),
                baseline_period=f"năm {tb.group('y')}" if tb.group("y") else _header_baseline(st)[0],
            )
        )
    return out


def _year_pairs(st: _Sentence) -> list[Comparison]:
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
                "change_vs_baseline",
                ya.start(),
                b.span.end,
                achieved=late,
                baseline=early,
                direction=direction,
                baseline_period=f"năm {min(ya.group('y'), yb.group('y'))}",
            )
        )
    return out


def _header_baseline(st: _Sentence) -> tuple[str | None, int]:
    """A reference stated once for the sentence ("So với năm 2015: …") and where it is."""
    if st.header is None:
        st.header = _find_header_baseline(st)
    return st.header


def _find_header_baseline(st: _Sentence) -> tuple[str | None, int]:
    low = st.low
    if "so " not in low and "so\u00a0" not in low:
        return None, st.end
    # The header starts with "so": no need to try the positions before the first one.
    first = low.find("so") if st.aligned else 0
    h = SO_VOI_HEADER.search(st.text, st.start + first, st.end)
    return (_clean_base(h.group("base")), h.start()) if h else (None, st.end)


def _changes(st: _Sentence, cues: list[int]) -> list[Comparison]:
    """ "tăng 166,4% so với giai đoạn 2011-2015", "giảm 43 vụ (32,5%)", "vượt 10% so mục tiêu",
    "Tỷ lệ hộ nghèo năm 2019 là 8,85%, giảm 20,82% (năm 2015 là 29,67%)"."""
    text, s, e, qs = st.text, st.start, st.end, st.qs
    out: list[Comparison] = []
    last: tuple[int, str | None, int | None] | None = None  # the previous change figure
    for i, q in enumerate(qs):
        if st.role.get(i) is not None:
            continue
        cb = None
        k = bisect_left(cues, q.span.start - 48)
        if k < len(cues) and cues[k] <= q.span.start:
            cb = CHANGE_BEFORE.match(text, max(s, q.span.start - 48), q.span.start)
        direction: str | None
        if cb:
            direction = _direction(cb.group("verb"))
            verb_start = cb.start()
            a = st.achieved_for(i, q.unit)
        elif last is not None and CHANGE_GOES_ON.fullmatch(text, qs[last[0]].span.end, q.span.start):
            direction, a = last[1], last[2]
            verb_start = q.span.start
        else:
            continue
        st.role[i] = "change"
        so = SO_VOI_AFTER.match(text, q.span.end, e) if st.has("so", q.span.end, e) else None
        base_text = _clean_base(so.group("base")) if so else None
        hi = so.end() if so else q.span.end
        if base_text is None:
            header, header_pos = _header_baseline(st)  # read once per sentence, on first need
            if header is not None and header_pos < q.span.start:
                base_text = header
        baseline: Quantity | None = None
        nxt = i + 1
        if nxt < len(qs) and st.role.get(nxt) is None:
            yb = YEAR_IS_BEFORE.match(text, max(s, qs[nxt].span.start - 24), qs[nxt].span.start)
            if yb and text[q.span.end : yb.start()].strip(" ,(\u00a0\t") == "":
                baseline = qs[nxt]  # "(năm 2015 là 29,67%)"
                st.role[nxt] = "baseline"
                base_text = base_text or f"năm {yb.group('y')}"
                hi = max(hi, qs[nxt].span.end)
        if baseline is None and a is not None:
            for j in st.before(a):
                if (
                    qs[j].unit == qs[a].unit
                    and st.has("thành", qs[j].span.end, qs[a].span.start)
                    and MERGED_INTO.search(text, qs[j].span.end, qs[a].span.start)
                ):
                    baseline = qs[j]  # "8 đơn vị … thành 05 đơn vị, giảm 03 đơn vị"
                    break
        kind = "change_vs_baseline"
        if base_text is not None and TARGET_WORDS.match(base_text):
            kind = "change_vs_target"
        achieved = qs[a] if a is not None else None
        lo = achieved.span.start if achieved is not None else min(verb_start, q.span.start)
        out.append(
            st.comparison(
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
        )
        last = (i, direction, a)
    return out


# =============================================================================================
# Targets
# =============================================================================================


def read_target(text: str, item_id: str, label: str, item_span: Span, quantities: Sequence[Quantity]) -> Target:
    """One item of a "Chỉ tiêu …" list read as a target.

    Args:
        text: the document text.
        item_id: id of the item the target is read from (the target's id is ``item_id + ".target"``).
        label: the item's label ("4" for "(4)").
        item_span: the item, starting at its marker.
        quantities: the item's figures (from :func:`find_quantities`).

    The item's direction is that of its leading figure: the verb governing it in its clause,
    normalised ("là" → đạt, "kiềm chế" → giảm; creation verbs such as "xây dựng thêm" or "kết
    nạp" stay as written; no verb → đạt). ``deadline_year`` comes from "đến năm 2025". A figure
    in a parenthesis that quotes a period or a year ("(giai đoạn 2015-2020 đạt 3.275,7 tỷ đồng)")
    is a baseline, not a target value.
    """
    lo, hi = item_span.start, item_span.end
    lab = LEADING_LABEL.match(text, lo, hi)
    body = lab.end() if lab else lo
    qs = sorted((q for q in quantities if item_span.contains(q.span)), key=lambda q: q.span.start)
    parens = _paren_spans(text, lo, hi)
    values: list[Quantity] = []
    baselines: list[Quantity] = []
    for q in qs:
        opened = _innermost(parens, q.span.start)
        if opened >= 0:
            close = next(c for o, c in parens if o == opened)
            if BASELINE_PAREN.search(text, opened, close):
                baselines.append(q)
                continue
        values.append(q)
    dl = DEADLINE.search(text, lo, hi) if _may_name_a_year(text, lo, hi) else None
    direction: str | None = None
    first = values[0].span.start if values else hi
    if values:
        direction = _target_direction(text, _clause_start(text, body, first), first)
    return Target(
        id=f"{item_id}.target",
        label=label,
        span=item_span,
        subject=_target_subject(text, body, first),
        values=_tuple_field(values),
        deadline_year=int(dl.group("y")) if dl else None,
        direction=direction,
        baseline_values=_tuple_field(baselines),
        item=item_id,
    )


def _may_name_a_year(text: str, lo: int, hi: int) -> bool:
    """Whether DEADLINE can match in ``text[lo:hi]``: it needs "đến" or "tới", so one of their
    letters in either case (a case-blind regex scan of every item costs more than these)."""
    return any(text.find(letter, lo, hi) >= 0 for letter in "ếẾớỚ")


def _target_direction(text: str, lo: int, hi: int) -> str:
    """The first verb other than đạt/là in the clause decides; otherwise đạt."""
    for m in TARGET_VERB.finditer(text, lo, hi):
        v = SPACES.sub(" ", m.group("v").casefold())
        norm = _TARGET_DIRECTIONS.get(v, v)
        if norm != "đạt":
            return norm
    return "đạt"


def _target_subject(text: str, lo: int, hi: int) -> str | None:
    seg = text[lo:hi]
    cut = seg.find(";")
    if cut >= 0:
        seg = seg[:cut]
    if _may_name_a_year(seg, 0, len(seg)):
        seg = DEADLINE.sub("", seg)
    seg = SPACES.sub(" ", seg).strip(" ,:")
    seg = TARGET_SUBJECT_LEAD.sub("", seg)
    seg = TARGET_SUBJECT_TAIL.sub("", seg).strip(" ,:")
    seg = TARGET_SUBJECT_VERB.sub("", seg).strip(" ,:")
    if not seg:
        return None
    return seg[:1].upper() + seg[1:]


# =============================================================================================
# Evidence
# =============================================================================================


def check_evidence(text: str, sentence: Sentence, footnotes: Sequence[Footnote], read_missing: bool = True) -> Evidence:
    """Which figures of a claim its cited footnotes contain or add up to.

    A claim figure is supported when a cited footnote states the same value in a compatible
    unit, or when two to four of their figures in the same unit add up to it ("30.154 giấy" ←
    "28.640 giấy" + "15.14 giấy"); shares (%) are not added. The cited footnotes are those the
    sentence's markers resolve to (by id, else by label) or that list the sentence in
    ``cited_by``. Figures come from ``sentence.quantities`` and the footnotes' sentences, or are
    read afresh when those are empty and ``read_missing`` is true (the parser, which has read
    every sentence already, passes false).
    """
    ids = {r.footnote for r in sentence.footnote_refs if r.footnote}
    labels = {r.label for r in sentence.footnote_refs if not r.footnote}
    cited = [f for f in footnotes if f.id in ids or f.label in labels or sentence.id in f.cited_by]
    claim = sentence.quantities or (find_quantities(text, sentence.span)[0] if read_missing else ())
    pool: list[Quantity] = []
    for f in cited:
        own = [q for s in f.sentences for q in s.quantities]
        pool.extend(own or (find_quantities(text, f.text_span)[0] if read_missing else ()))
    supported: list[Quantity] = []
    unsupported: list[Quantity] = []
    for q in claim:
        (supported if _backed(q, pool) else unsupported).append(q)
    return Evidence(
        sentence=sentence.id,
        footnotes=_tuple_field(f.id for f in cited),
        supported=_tuple_field(supported),
        unsupported=_tuple_field(unsupported),
    )


def _tuple_field(items: Iterable[Any]) -> Any:
    """A value for a model field declared with ``converter=tuple``.

    mypy's attrs plugin types such a field's parameter as an unsolved ``Iterable[_T_co]`` and
    rejects every argument; the converter still makes the tuple at runtime.
    """
    return tuple(items)


def _compatible(a: Quantity, b: Quantity) -> bool:
    return a.unit is None or b.unit is None or a.unit == b.unit


def _backed(q: Quantity, pool: Iterable[Quantity]) -> bool:
    same = [p for p in pool if _compatible(q, p)]
    for p in same:
        if q.value is not None and p.value == q.value:
            return True
        if q.value is None and (p.low, p.high) == (q.low, q.high):
            return True
    if q.value is None or q.unit == "%":
        return False
    parts = [p.value for p in same if p.value is not None and p.unit == q.unit and 0 < p.value < q.value][:16]
    for n in range(2, min(4, len(parts)) + 1):
        for combo in itertools.combinations(parts, n):
            if sum(combo) == q.value:
                return True
    return False

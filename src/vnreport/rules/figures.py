"""Figures: numbers, units, comparison cues and targets."""

from __future__ import annotations

import re

import regex

# =============================================================================================
# Quantities: numbers, units, comparison cues, targets (used by the figures package)
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
    rf"{H}*(?:\([0-9]{{1,3}}\)|\[[0-9]{{1,4}}\]{H}*[-–—.:)]?|[0-9]{{1,3}}(?:\.[0-9]{{1,2}}){{0,4}}{H}*[-–—.)])"
    rf"(?={H}+[^0-9]|{H}*$)"
)

#: What LEADING_LABEL can start with, after its optional spaces.
LABEL_FIRST = frozenset("([0123456789")

#: An inline footnote reference "[14]", "[3-5]", "[3, 4]": a note number, never an amount.
QUANTITY_FOOTNOTE_REF = re.compile(rf"\[[0-9]{{1,4}}(?:{H}*[-–,;]{H}*[0-9]{{1,4}})*\]")

_MONTHS_EN = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_YEAR = r"(?:19|20)[0-9][0-9]"

#: Shapes that identify something, tried at the first digit of a token, most specific first.
#: (``regex``: type codes need ``\p{Lu}``.)
NON_QUANTITY_AT = regex.compile(
    rf"""
    (?P<document_number>
        # "05-CT/TW", "142/2008/QĐ-TTg", "367 - QĐ/TWĐTN-VP", "60/2024/QH15": a number, an optional
        # year, then a type code of capitals ("QyĐ", "CTr": a capital after the first one too).
        [0-9]+[a-zđ]?(?:{H}?/{H}?[0-9]+)*{H}?[-–/]{H}?
        (?:\p{{Lu}}{{2,}}|\p{{Lu}}[\p{{L}}0-9]*(?=[-/]\p{{Lu}}))[\p{{L}}0-9]*(?:[-/.&]\p{{L}}[\p{{L}}0-9]*)*
    )
    | (?P<date>
        # "15/5/2016", "7-4-2015", "01.10.1997", "3/2020" (month/year), "22 April 2020".
        [0-9]{{1,2}}{H}?(?P<sep>[/.-]){H}?[0-9]{{1,2}}{H}?(?P=sep){H}?{_YEAR}(?![0-9])
        | (?:0?[1-9]|1[0-2])/{_YEAR}(?![0-9])
        | [0-9]{{1,2}}{H}+{_MONTHS_EN}(?:,?{H}+{_YEAR})?(?![\p{{L}}0-9])
    )
    | (?P<period>
        # "2020 - 2025", "2015- 2020", "2019/2020", "nhiệm kỳ 2020-2015" (reversed, still a period).
        {_YEAR}{H}*[-–—/]{H}*{_YEAR}(?![0-9])
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
    rf"(?P<pct>{H}*%)?(?P<sep>{H}*[-–—]{H}*|{H}+(?:đến|tới){H}+)(?P<n2>[0-9](?:[0-9.,]*[0-9])?)(?![0-9/])", _I
)

#: What follows a number: an optional scale word ("nghìn tỷ" and "triệu tỷ" before "nghìn"; "tỷ
#: lệ" is a word of its own), then the unit. Units are tried in order: "đ/c" (đồng chí) before
#: "đ" (đồng); symbols and currencies may be glued to the number ("88,6ha", "7.977.500.000đ"); a
#: counted noun needs a space (a letter glued to a number is an identifier: "5G", "4A").
UNIT = re.compile(
    rf"""
    (?:{H}*(?P<scale>(?:nghìn|ngàn|triệu){H}+t[ỷỉ]|nghìn|ngàn|vạn|triệu|t[ỷỉ](?!{H}*lệ))(?!{L}|[0-9]))?
    (?P<sp>{H}*)
    (?:
        # "1 - 1,5 điểm%/năm", "giảm 2 điểm phần trăm": percentage points, told apart from percent
        # by no one (the gold conventions count both as %).
        (?P<pct>%|phần{H}+trăm(?!{L})|điểm{H}?%|điểm{H}+phần{H}+trăm(?!{L}))
      | (?P<comrade>[đĐ]/[cC](?!{L}))
      | (?P<currency>đồng(?!{H}*(?:chí|bào|hương|ruộng|bằng)(?!{L}))|đ(?![^\W0-9_/])|VNĐ|VND|vnđ
            |USD|đô{H}?la(?:{H}+Mỹ)?|nhân{H}+dân{H}+tệ|NDT|CNY|EUR|euro)(?!{L})
      # Data rates before "km"…: "tốc độ trên 1Gb/s" (the slash is the unit's, no rate of a count).
      | (?P<measure>[GMKkT]b/s|[GMKkT]bps
            |km2|km²|km|hm|ha|héc{H}?ta|hecta|m2|m²|m3|m³|cm|mm|m|tấn|tạ|kg|lít|MW|kWh|kW|MWh|GWh)
            (?!{L}|[0-9])
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
SLASH_NUMBER = re.compile(rf"{H}*/{H}*(?P<n>[0-9](?:[0-9.,]*[0-9])?)(?![0-9/])")
SLASH_PER = re.compile(rf"{H}*/{H}*(?:1{H}+)?(?P<per>(?:vạn|nghìn|ngàn|trăm){H}+{L}+|{L}+(?:{H}*/{H}*{L}+)?)(?!{L})")

#: After digits glued to a "%" or ")" ("trên 61,6%16.", "(79,4 triệu đồng)13."): what ends a
#: footnote marker in PDF text, i.e. punctuation, a line end or a new sentence; no amount is ever
#: written glued to a percent sign or a closing parenthesis. (``next`` must be a capital.)
GLUED_MARKER_END = re.compile(rf"[.,;:)\n]|$|{H}+(?P<next>[^\W\d_])")

#: "19 bác sỹ, 50 giường bệnh trên 1 vạn dân", "tội phạm trên 100.000 dân": "trên" + one unit of
#: a population after a count is the rate's denominator ("per"), not the qualifier "more than".
#: Between two counts of one list that share a denominator: "19 bác sỹ, 50 giường bệnh".
LISTED_WITH = re.compile(r"\s*(?:,|và)\s*", _I)
#: Between that count and its denominator.
PER_DENOMINATOR_BEFORE = re.compile(r"\s+trên\s+", _I)
PER_DENOMINATOR = re.compile(
    rf"(?P<n>1|10+|1(?:\.000)+){H}+(?P<per>(?:(?:vạn|nghìn|ngàn|trăm){H}+)?(?:người{H}+dân|dân{H}+số|dân|người))(?!{L})",
    _I,
)

#: Right before "2 cấp": "chính quyền (địa phương) 02 cấp", "đơn vị hành chính 2 cấp" name the
#: two-tier local government model (2025 reform), no count of anything, like "mức độ 3".
TIERED_GOVERNMENT_BEFORE = re.compile(r"(?:chính\s+quyền(?:\s+địa\s+phương)?|đơn\s+vị\s+hành\s+chính)\s+$", _I)

#: Right after "N tháng": "6 tháng đầu năm", "9 tháng cuối năm" name a part of the year (a
#: report's period, as "giai đoạn 2021 - 2025" is), no duration: "đánh giá công tác 6 tháng đầu
#: năm" (corpus 10).
PART_OF_YEAR_AFTER = re.compile(rf"(?:{H}|\n)+(?:đầu|cuối){H}+năm(?!{L})", _I)

#: Qualifiers written after the figure: "10% trở lên", "từ 10% trở lên".
POST_QUALIFIER = re.compile(rf"{H}*(?P<q>trở{H}+lên|trở{H}+xuống)(?!{L})", _I)

#: A from→to change after "từ X" ("từ 86,6 nghìn tấn lên 2.760", "từ 215 thôn, khu phố xuống
#: còn 185", "từ 572,5 nghìn m3 năm 2015 lên"): then "từ" is no qualifier. So is a range whose
#: upper bound is qualified ("từ 3 tháng đến dưới 1 năm", corpus 10): bounded both ways.
FROM_TO_AHEAD = re.compile(
    rf"[^;\n]{{0,60}}?{H}(?:lên|xuống(?:{H}+còn)?|đến|tới){H}+(?:(?:dưới|trên|hơn|gần){H}+)?(?=[0-9])", _I
)

#: After a label number: more labels of the same list ("Khu 2,3,5,6", "đối tượng 2, 3, 4",
#: "năm 2018, 2019", "tháng 3/2020", "ngày 01/01", "giai đoạn 1 và 2").
LABEL_TAIL = re.compile(
    rf"(?:{H}*(?:[,;/]|và|-|–|đến|tới){H}*(?:năm{H}+)?(?:{_YEAR}|[0-9]{{1,2}})(?![0-9.,]*[0-9]|{H}*%))*", _I
)
#: The rest of a drawing scale after its "1": "tỷ lệ 1/2000", "tỷ lệ 1:500".
MAP_SCALE_TAIL = re.compile(rf"{H}*[/:]{H}*[0-9][0-9.]*")
#: Letters and digits glued to an identifier's number ("19" of "COVID-19", "15" of "QH15").
IDENTIFIER_TAIL = re.compile(r"[\w./-]*")
#: "4.0", "2.0": a version number ("cách mạng công nghiệp 4.0").
VERSION = re.compile(r"[0-9]\.0")
#: "1) …; 2) …": a label inside running text.
INLINE_LABEL = re.compile(rf"\){H}+{L}")
#: "…; 3. Những thành tựu": a "N." label inside running text (a capital follows; checked in code).
INLINE_DOT_LABEL = re.compile(rf"\.{H}+(?P<c>{L})")

#: "mỗi năm", "hằng năm", "hàng năm": governs a flow or a rate of change (per = "năm").
EACH_YEAR = re.compile(rf"(?:mỗi|hằng|hàng){H}+năm(?!{L})", _I)
EACH_YEAR_AFTER = re.compile(rf"{H}*(?:/{H}*năm|(?:mỗi|hằng|hàng){H}+năm)(?!{L})", _I)
#: Verbs that make a yearly figure a rate of change rather than a level held each year.
CHANGE_WORD = re.compile(rf"(?<!{L})(?:tăng|giảm|kiềm{H}+chế|kéo{H}+giảm)(?!{L})", _I)
#: "số bác sĩ/vạn dân là 5,6 bác sĩ": the rate named before its figure.
#: It starts at a word's start (a match inside a word implies one at its start, further left):
#: searched from every letter of a long word, the word was read again each time (quadratic).
GOVERNING_RATE = re.compile(rf"(?<!{L})(?P<unit>{L}+(?:{H}+{L}+)?){H}*/{H}*(?P<per>(?:vạn|nghìn|ngàn){H}+{L}+|{L}+)")
#: "/" before a word: what GOVERNING_RATE needs, searched for first.
SLASH_WORD = re.compile(rf"/{H}*{L}")
#: "Tổng số được khen thưởng 60": a bare number counting what follows "tổng số".
COUNTED_TOTAL = re.compile(rf"(?:tổng{H}+)?số{H}+(?:lượng{H}+)?(?:được{H}+)?", _I)
#: "nâng tổng số doanh nghiệp trên địa bàn lên 13.044": "tổng số" inside the phrase.
TOTAL_WITHIN = re.compile(rf"(?<!{L})tổng{H}+số{H}+(?:lượng{H}+)?(?:được{H}+)?", _I)
#: Between a bare number and the figure that restates it with a unit: a comma and at most three
#: words ("308, tăng 48 người", "3.910, chi trả 3.710 hồ sơ").
RESTATED_BY = re.compile(rf"{H}*,{H}*(?:{L}+{H}+){{0,3}}")
PARENS = re.compile(r"[()]")
SPACES = re.compile(r"\s+")

# ---------------------------------------------------------------------------------------------
# Comparison cues: read backwards before a figure, or forwards after it
# ---------------------------------------------------------------------------------------------

_TARGET_WORD = rf"(?:mục{H}+tiêu|chỉ{H}+tiêu|kế{H}+hoạch|KH)"
_TARGET_TAIL = rf"(?:{H}+(?:đề{H}+ra|nghị{H}+quyết|NQ|tỉnh{H}+giao|được{H}+giao|giao|năm))?"
#: A baseline that is a target ("so mục tiêu Nghị quyết") makes a change a change_vs_target.
TARGET_WORDS = re.compile(rf"{_TARGET_WORD}|nghị{H}+quyết|NQ", _I)

#: "(mục tiêu 29,44%)", "(chỉ tiêu 70%", "(Mục tiêu 50%)", "(mục tiêu giảm 2% trở lên)"; and
#: "18%/năm (vượt mục tiêu⏎12%)": what is exceeded is "the target of 12%" (a gap would be
#: "vượt 6% so với mục tiêu"). The paren may wrap over a line.
TARGET_BEFORE = regex.compile(
    rf"(?r)\(\s*(?:(?:vượt|đạt){H}+)?{_TARGET_WORD}{_TARGET_TAIL}\s*(?:là|:)?\s*(?:(?P<dir>tăng|giảm|đạt)\s+)?", _RV
)
#: "đạt 101,6% so với mục tiêu", "đạt 86% mục tiêu đề ra", "102% kế hoạch", "120% dự toán".
OF_TARGET_AFTER = re.compile(rf"{H}*(?:so{H}+(?:với{H}+)?|của{H}+)?(?:{_TARGET_WORD}|dự{H}+toán){_TARGET_TAIL}", _I)
#: The verb of a change right before its figure: "tăng 166,4%", "giảm 43 vụ", "vượt 10%",
#: "tăng bình quân hàng năm 19,5%", "Kiềm chế … 10%"; and a multiplier, "gấp 1,5 lần so với
#: năm 2020" (the figure is so many times its baseline: a rise).
CHANGE_BEFORE = regex.compile(
    rf"(?r)(?<!\p{{L}})(?P<verb>tăng|giảm|vượt|gấp|kiềm{H}+chế|kéo{H}+giảm|cao{H}+hơn|thấp{H}+hơn"
    rf"|nhiều{H}+hơn|ít{H}+hơn)(?:{H}+thêm)?(?:{H}+(?:bình{H}+quân|trung{H}+bình))?"
    rf"(?:{H}+(?:hàng|hằng|mỗi){H}+năm)?(?:{H}+(?:bình{H}+quân|trung{H}+bình))?(?:{H}+được)?{H}*",
    _RV,
)
#: Where change verbs may be: CHANGE_BEFORE runs only near them (found with str.find, which is
#: far cheaper than a case-insensitive regex scan of every sentence).
CHANGE_CUES = ("tăng", "giảm", "vượt", "gấp", "chế", "hơn")
#: "so với năm 2015", "so mục tiêu Nghị quyết", "so với giai đoạn 2011-2015" after a change, in
#: its clause.
SO_VOI_AFTER = re.compile(
    rf"[^;()\n]{{0,80}}?(?<!{L})so{H}+(?:với{H}+)?(?P<base>[^,;:.()\[\]\n]{{1,60}}(?:\.[0-9][^,;:()\[\]\n]*)?)",
    _I,
)
#: A multiplier's baseline written without "so với": "gấp 1,6 lần năm 2020", "gấp 2 lần cùng
#: kỳ", "gấp 1,5 lần giai đoạn 2015 - 2020" (right after the figure, a period or a year).
MULTIPLE_OF_AFTER = re.compile(
    rf"{H}+(?P<base>năm{H}+{_YEAR}|cùng{H}+kỳ(?:{H}+năm{H}+(?:{_YEAR}|trước))?|(?:đầu{H}+)?nhiệm{H}+kỳ"
    rf"(?:{H}+(?:trước|{_YEAR}{H}*[-–]{H}*{_YEAR}))?|giai{H}+đoạn{H}+{_YEAR}{H}*[-–]{H}*{_YEAR})(?!{L}|[0-9])",
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
PHRASE = re.compile(r"[^,;:.()\[\]\n]*")
SUBJECT_LEAD = re.compile(rf"^(?:và|trong đó|hiện nay|đến nay|theo đó|qua đó)(?!{L}){H}*,?{H}*", _I)
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
SUBJECT_TAIL = re.compile(
    rf"(?:{H}+(?:ước{H}+)?(?:{'|'.join(w.replace(' ', f'{H}+') for w in _SUBJECT_TAIL_WORDS)}))+$", _I
)
#: The same tail by its last word: the earlier words of each phrase, nearest first, longest
#: phrase first ("năm" → ("hằng",), ("hàng",), ("mỗi",)).
SUBJECT_TAIL_BY_LAST: dict[str, tuple[tuple[str, ...], ...]] = {
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
SUBJECT_TAIL_LAST = frozenset(w.split()[-1] for w in _SUBJECT_TAIL_WORDS)
#: How far from its end a phrase ending in SUBJECT_TAIL words is searched: one word of it,
#: spaces made single, is at most " ước trung bình".
SUBJECT_TAIL_REACH = 24
FOOTNOTE_IN_TEXT = re.compile(r"\[[0-9]+\]")
#: The nearest mark that opens the clause a subject is read from (searched backwards).
CLAUSE_MARK_BEFORE = regex.compile(r"(?r)[;():]|\. ", regex.VERSION1)

# ---------------------------------------------------------------------------------------------
# Targets
# ---------------------------------------------------------------------------------------------

# A target item runs over wrapped lines ("đến năm⏎2030", "duy⏎trì"): its patterns take any
# space, a newline included (``S``), where the figures of a sentence take ``H``.
S = r"\s"

#: "Đến năm 2025", "đến hết năm 2025", "tới năm 2030", "trước năm 2030": the deadline of a
#: target item.
DEADLINE = re.compile(rf"(?<!{L})(?:đến|tới|trước)(?:{S}+(?:hết|cuối))?{S}+năm{S}+(?P<y>{_YEAR})(?![0-9])", _I)
#: The year of a target written without "đến": "Năm 2030 phấn đấu có 82% trường học", "… năng
#: lượng xanh năm 2030 đạt từ 40%", "Năm 2030, tỷ lệ …": "năm" and a year (not a period)
#: followed by the verb that sets the figure, or opening a clause with a comma. The words before
#: it (BASELINE_YEAR_BEFORE) may still make it a baseline.
YEAR_DEADLINE = re.compile(
    rf"(?<!{L})năm{S}+(?P<y>{_YEAR})(?![0-9]|{S}*[-–—/]{S}*[0-9])"
    rf"(?={S}*(?:,|:|(?:phấn{S}+đấu|đạt|là|có|chiếm|tăng|giảm)(?!{L})))",
    _I,
)
#: Before "năm 2020": what makes the year a reference rather than a deadline ("so với năm 2020",
#: "từ năm 2020", "giai đoạn … năm", "cùng kỳ năm"), read backwards from "năm".
BASELINE_YEAR_BEFORE = regex.compile(
    rf"(?r)(?<!\p{{L}})(?:so(?:{S}+với)?|từ|kể{S}+từ|cùng{S}+kỳ|sau|của|trong|với){S}*", _RV
)
#: The verb that sets a target figure; longer phrases first. "gấp" (so many times the
#: baseline) sets a rise.
TARGET_VERB = re.compile(
    rf"(?<!{L})(?P<v>xây{S}+dựng{S}+thêm|xây{S}+dựng{S}+mới|trồng{S}+mới|kết{S}+nạp|duy{S}+trì"
    rf"|giữ{S}+vững|giữ{S}+ổn{S}+định|kiềm{S}+chế|kéo{S}+giảm|tăng|giảm|gấp|đạt|là|chiếm)(?!{L})",
    _I,
)
#: A noun of measure right before a verb makes the verb part of what is measured, not the
#: target's direction: "tỷ lệ kết nạp đảng viên mới … đạt 3%", "tốc độ tăng thu ngân sách … đạt
#: 10%", "tỷ trọng giá trị tăng thêm (value added) … đạt 35%" (read backwards from the verb).
MEASURE_NOUN_BEFORE = regex.compile(
    rf"(?r)(?<!\p{{L}})(?:t[ỷỉ]{S}+lệ|t[ỷỉ]{S}+trọng|tốc{S}+độ|chỉ{S}+số|giá{S}+trị|số{S}+lượng|mức{S}+độ){S}+",
    _RV,
)
#: A parenthesis quoting a reference figure, not a target: "(giai đoạn 2015-2020 đạt 3.275,7 tỷ đồng)".
BASELINE_PAREN = re.compile(
    rf"giai{S}+đoạn|nhiệm{S}+kỳ|năm{S}+{_YEAR}|so{S}+với|hiện{S}+nay|hiện{S}+tại|cùng{S}+kỳ|trước", _I
)
TARGET_SUBJECT_LEAD = re.compile(rf"^{H}*,?{H}*(?:phấn{H}+đấu{H}*)?", _I)
TARGET_SUBJECT_VERB = re.compile(
    rf"^(?:xây{H}+dựng{H}+thêm|xây{H}+dựng{H}+mới(?:{H}+được)?|xây{H}+dựng|kết{H}+nạp|duy{H}+trì"
    rf"|kiềm{H}+chế|giảm|tăng){H}+",
    _I,
)
#: Read backwards from the end (``regex`` reverse mode, simple case folding as ``re``'s): scanned
#: forwards, every tail word of a long run of them restarted the run ("tăng " x 4,000: 2.2 s).
TARGET_SUBJECT_TAIL = regex.compile(
    rf"(?r)(?:{H}*(?:đạt|là|:|được|bình{H}+quân|hằng{H}+năm|hàng{H}+năm|tăng|giảm|từ|trong{H}+nhiệm{H}+kỳ))+{H}*$",
    regex.VERSION0 | regex.IGNORECASE,
)


# =============================================================================================
# Targets: which sections list targets (pipeline.py)
# =============================================================================================

#: A section that lists targets: "Chỉ tiêu chủ yếu nhiệm kỳ 2020 - 2025", "Các chỉ tiêu chủ yếu".
TARGET_LIST = regex.compile(r"^(?:các\s+|một\s+số\s+|hệ\s+thống\s+)?chỉ\s+tiêu", regex.IGNORECASE | regex.VERSION1)

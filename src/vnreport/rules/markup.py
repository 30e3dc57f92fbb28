"""Markup that hides markers: Markdown emphasis, "#" headings, glued separators."""

from __future__ import annotations

import re

import regex

from vnreport.rules.common import SP
from vnreport.rules.numbers import ROMAN

# =============================================================================================
# Markup that hides markers (markup.py)
# =============================================================================================

#: Emphasis runs: "**", "__", and a single "*" that touches a word on one side (italics), but
#: not a star bullet ("* Về kinh tế": a star, a space, a word).
MARKDOWN_EMPHASIS = regex.compile(r"\*\*+|__+|(?<=\S)\*|\*(?=\S)", regex.VERSION1)
#: "# Title", "### Nội dung chính": Markdown heading hashes at a line start.
MARKDOWN_HEADING_MARK = regex.compile(rf"^{SP}*#{{1,6}}(?={SP})", regex.VERSION1 | regex.MULTILINE)
#: A separator rule glued to the text that follows it: "----Đại hội …", "¯¯¯¯Hà Nội, ngày …".
#: (Runs possessive: the text after a run is never its own character, so no run gives one back.)
GLUED_SEPARATOR = regex.compile(rf"{SP}*+(?:-{{3,}}+|¯{{3,}}+|_{{3,}}+)(?=[^\s\-¯_])", regex.VERSION1)
#: A numbered item glued to the sentence before it: "… như sau:**1. Cơ bản thống nhất …".
GLUED_ITEM = regex.compile(r"(?<=[:.;!?])\*\*(?=\s?[0-9]{1,2}(?:\.[0-9]{1,2})*\.\s)", regex.VERSION1)
#: A bold (or italic) heading the crawl broke over two lines opens with "**" (or "*") and a
#: marker: a number ("**5. Chuyển đổi⏎AI**", "*3.1.⏎Thương mại*"), a Roman numeral, "a)", "(1)"
#: or a division word alone ("**Điều⏎2. Đối tượng áp dụng**", "**PHỤ⏎LỤC**": the crawl broke "Phụ lục" itself),
#: or a form's number ("**Mẫu số 04: Kế hoạch tiến⏎hành kiểm tra**", corpus 18).
BROKEN_BOLD_HEADING = regex.compile(
    rf"{SP}*+(?P<mark>\*\*?){SP}*+"
    rf"(?:[0-9]|[IVXLC]+{SP}*[.\-]|\p{{Ll}}\)|\([0-9]"
    rf"|(?i:điều|chương|mục|phần|phụ lục|phụ(?={SP}*$)|mẫu{SP}++(?:số{SP}++)?[0-9])(?!\p{{L}}))",
    regex.VERSION1,
)
#: The longest bold heading joined across a line break, in characters.
MAX_BROKEN_BOLD = 240
#: A form's heading the crawl broke after its word: "Mẫu số" alone on a line (markup blanked),
#: and on the next the form's number and a separator or the line end ("01: Sử dụng cho …",
#: corpus 19). Only a number that opens its line with a separator follows: "01 ban hành kèm
#: theo …" continues a sentence that cites a form and is no heading.
BROKEN_FORM_WORD = regex.compile(rf"{SP}*+mẫu(?:{SP}++số)?{SP}*+$", regex.VERSION1 | regex.IGNORECASE)
BROKEN_FORM_NUMBER = regex.compile(
    rf"{SP}*+[0-9]{{1,2}}(?-i:[A-Z])?(?:-(?-i:\p{{Lu}}){{2,8}})?+(?![\w])(?={SP}*+(?:[.:\-–]|$))",
    regex.VERSION1 | regex.IGNORECASE,
)

# =============================================================================================
# Headings glued to the sentence before them by text extraction (issue 12 class 7)
# =============================================================================================

#: "… đã hoàn thành.2. Công tác tuyên truyền …": a sentence end (after a word, a quote or a
#: bracket, never a digit: "đạt 8.2." is a number; GLUED_HEADING_AFTER), at most one space,
#: then a numbered heading marker and a capital. The marker is written as the document writes
#: its numbers ("2.", "2.2-"); a sub-number may lose even its separator and space ("… đúng quy
#: định. 2.2Quy trình làm thẻ …", corpus 09's text) or its space only (its PDF sets "2.2-" at a
#: line end and "Quy trình" below: a word broken there is rejoined), then a capitalised word must follow. Matched
#: from the sentence end; whether it is a heading is decided by the numbering (lines/markup.py).
GLUED_HEADING = regex.compile(
    rf"[.!?](?:\*\*)?{SP}?"
    rf"(?P<marker>(?P<number>[0-9]{{1,2}}(?:\.[0-9]{{1,2}}){{0,3}})(?:\.|{SP}?-){SP}+(?=\p{{Lu}})"
    rf"|(?P<number>[0-9]{{1,2}}(?:\.[0-9]{{1,2}}){{1,3}})-?(?=\p{{Lu}}\p{{Ll}}+{SP})"
    rf"|(?P<roman>{ROMAN})\.{SP}+(?=\p{{Lu}})"
    rf"|\((?P<paren>[0-9]{{1,2}})\){SP}+(?=\p{{Lu}}))",
    regex.VERSION1,
)
#: What may stand before that sentence end: a letter, a closing quote or a bracket.
GLUED_HEADING_AFTER = regex.compile(r"[\p{L}”\"’)\]]", regex.VERSION1)
#: A numbered heading at a line start (matched from the line's first character), whose value
#: the glued ones must continue; a form's field number may stand alone on its line ("(11)",
#: then "Trình độ hiện nay:", corpus 09).
LINE_NUMBER = regex.compile(
    rf"(?:\*\*{SP}*)?(?:(?:(?P<number>[0-9]{{1,2}}(?:\.[0-9]{{1,2}}){{0,3}})[.\-]|(?P<roman>{ROMAN})[.\-]){SP}"
    rf"|\((?P<paren>[0-9]{{1,2}})\)(?:{SP}|$))",
    regex.VERSION1,
)

# =============================================================================================
# A list's first point glued after the colon of its lead-in (lines/glued_points.py)
# =============================================================================================

#: "… cụ thể như⏎sau: a) Đảng viên tuổi cao, …": a word, a colon, then the first point of a
#: lettered list ("a)") and a capital. A point only when "b)" opens a line below it
#: (lines/glued_points.py): "gồm: a) …; b) …" written inside one sentence stays text.
GLUED_FIRST_POINT = regex.compile(rf"(?<=\p{{L}}:){SP}+(?P<marker>a\)){SP}+(?=\p{{Lu}})", regex.VERSION1)
#: The second point at a line's start, which shows that the glued first one opened a list.
SECOND_POINT = regex.compile(rf"b\){SP}", regex.VERSION1)
#: Another list's first point at a line's start: the glued one opened no list that "b)" continues.
FIRST_POINT = regex.compile(rf"a\){SP}", regex.VERSION1)

# =============================================================================================
# A dash point glued after a full stop or a lead-in's colon (lines/glued_bullets.py)
# =============================================================================================

#: "… chỉ ghi học vị cao nhất. - Học hàm cao nhất: …", "… trong gia đình như: - Đối với ông, bà,
#: …": a word, a figure, a bracket or a quote, a full stop or a colon, a dash between spaces and
#: a capital. Whether the dash opens a point is decided by the list around it.
#: Where a glued dash point may be: a dash and a space. Looked for first, as a literal the
#: engine finds at C speed; GLUED_DASH, whose first character is a class it tries at every
#: position, is then matched only from the stop before each (several times faster on a report).
DASH_BEFORE_SPACE = re.compile(r"-[^\S\n]")
GLUED_DASH = regex.compile(
    rf"(?<=[\p{{L}}\p{{N}})”\"’])(?P<stop>[.:]){SP}+(?P<marker>-){SP}+(?=\p{{Lu}})", regex.VERSION1
)
#: A marker opening a line: a dash ("dash"), another bullet, a number ("1.", "1.1-", "(1)", "1)"),
#: a letter ("a)") or a Roman numeral ("II.").
LINE_MARKER = regex.compile(
    rf"(?P<dash>-)(?={SP})|[+*•](?={SP})|\(?[0-9]{{1,2}}(?:\.[0-9]{{1,2}})*[.\-)]|\p{{Ll}}\)|{ROMAN}[.\-]{SP}",
    regex.VERSION1,
)

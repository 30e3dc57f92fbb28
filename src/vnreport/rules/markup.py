"""Markup that hides markers: Markdown emphasis, "#" headings, glued separators."""

from __future__ import annotations

import regex

from vnreport.rules.common import SP

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
#: A bold heading the crawl broke over two lines opens with "**" and a marker: a number
#: ("**5. Chuyển đổi⏎AI**"), a Roman numeral, "a)", "(1)" or a division word alone
#: ("**Điều⏎2. Đối tượng áp dụng**").
BROKEN_BOLD_HEADING = regex.compile(
    rf"{SP}*\*\*{SP}*(?:\d|[IVXLC]+{SP}*[.\-]|\p{{Ll}}\)|\(\d|(?i:điều|chương|mục|phần|phụ lục)(?!\p{{L}}))",
    regex.VERSION1,
)
#: The longest bold heading joined across a line break, in characters.
MAX_BROKEN_BOLD = 240

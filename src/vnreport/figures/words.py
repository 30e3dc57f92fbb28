"""The words right before a figure, which make it a label, a date or a qualified figure."""

from __future__ import annotations

from vnreport.figures.lexicon import DATE_LIMITS, EVERY, OPENERS, STRONG_LABELS, WEAK_LABELS
from vnreport.figures.numbers import is_year
from vnreport.rules.figures import LABEL_TAIL


def label_kind(w1: str, w2: str, w3: str, tok: str) -> str | None:
    """How the words before a number make it a label: 'strong', 'weak', 'date' or None."""
    if w3 in STRONG_LABELS or f"{w2} {w3}" in STRONG_LABELS or f"{w1} {w2} {w3}" in STRONG_LABELS:
        return "strong"
    if not tok.isdigit():
        return None
    if w3 == "năm" and is_year(tok):
        return "date"
    limit = DATE_LIMITS.get(w3)
    if limit is not None and w2 not in EVERY and 1 <= int(tok) <= limit:
        return "date"
    if (w3 in WEAK_LABELS or f"{w2} {w3}" in WEAK_LABELS) and len(tok) <= 3 and w2 != "tổng":
        return "weak"
    return None


def last_word_before(text: str, s: int, start: int) -> str:
    """``words_before(text, s, start)[2]``, without looking at the two words before it."""
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
    return _last_word_in_window(text, lo, s, start)


def _last_word_in_window(text: str, lo: int, s: int, start: int) -> str:
    """:func:`last_word_before` the long way, through the figure's line in ``text[lo:s]``:
    other spaces, a word behind an opening mark ("(mục tiêu")."""
    seg, cut_word = _line_window(text, lo, s, start)
    parts = seg.rsplit(None, 1)
    if not parts or (cut_word and len(parts) == 1):
        return ""  # no word, or only the one the window began inside
    word = parts[-1]
    if word.isalpha():
        return word.casefold()
    head = word.lstrip(OPENERS)
    return head.casefold() if head != word and head.isalpha() else ""


def _line_window(text: str, lo: int, s: int, start: int) -> tuple[str, bool]:
    """``text[lo:s]`` cut back to the figure's own line, and whether it begins inside a word."""
    seg = text[lo:s]
    nl = seg.rfind("\n")
    if nl >= 0:
        return seg[nl + 1 :], False
    return seg, lo > start and not text[lo - 1].isspace() and not seg[:1].isspace()


def words_before(text: str, s: int, start: int) -> tuple[str, str, str]:
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
            head = word.lstrip(OPENERS)
            if head != word and head.isalpha():
                out[k] = head.casefold()
            break
        out[k] = word.casefold()
        k -= 1
    return out[0], out[1], out[2]


def skip_label(text: str, pos: int, end: int) -> int:
    m = LABEL_TAIL.match(text, pos, end)
    return m.end() if m else pos


def start_of_words(text: str, pos: int, start: int, n: int) -> int:
    """Offset where the ``n`` words before ``pos`` begin."""
    lo = max(start, pos - 32)
    seg = text[lo:pos]
    for _ in range(n):
        seg = seg.rstrip()
        cut = max(seg.rfind(" "), seg.rfind("\u00a0"), seg.rfind("\t"))
        seg = seg[: cut + 1]
    return lo + len(seg)


def after_proper_name(text: str, s: int) -> bool:
    """Whether the two words right before ``s`` are capitalised syllables of a name ("Yên
    Bình", "Thác Huống", "Như Điều"); a bare number after them numbers that name (a parallel
    count after a place keeps its unit: "Thái Nguyên 575 sản phẩm")."""
    if s < 1 or text[s - 1] != " ":
        return False
    words = text[max(0, s - 24) : s - 1].split(" ")  # words across a line break hold "\n": none
    return len(words) >= 3 and all(w[:1].isupper() and w[1:].isalpha() and w[1:].islower() for w in words[-2:])


def closes_count_paren(text: str, s: int) -> bool:
    """Whether the number at ``s`` ends a list of counts in a paren opened shortly before, whose
    ")" it is followed by: "(khiển trách 10, cảnh cáo 01) và 905 đảng viên" (a count, not a
    label "01)"). A label follows a list mark ("(bao gồm: 1) Bối cảnh …; 2) …") or stands alone
    ("(trang 34)", "(theo Mục 1 hoặc 2)", "(NB 00005000)")."""
    j = s - 1
    while j > 0 and text[j] in " \t":
        j -= 1
    lo = max(0, s - 80)
    opener = text.rfind("(", lo, s)
    if not text[j].isalpha() or opener <= text.rfind(")", lo, s):
        return False
    last_digit = max(text.rfind(d, opener, j) for d in "0123456789")
    return last_digit > opener and text.find(",", last_digit, j) >= 0


# ---------------------------------------------------------------------------------------------
# Sentence-level readings
# ---------------------------------------------------------------------------------------------

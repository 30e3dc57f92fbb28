"""Glued footnote markers: the digits a flattened superscript left in a page's running text.

pdftotext sets a superscript label as plain digits beside the word that cites it ("hiện đại1.",
"Chính phủ9", "tích cực10"). Which digits are markers is only asked once a page's footnote
bodies are known (:mod:`vnreport.footnotes.page_bodies`): the candidates here are digits whose
neighbours allow a marker, scored, and the page's markers are the best chain of candidates
whose values count up through the page's labels.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs

from vnreport.lines.classify import ClassifiedLine
from vnreport.model import Diagnostic, DiagnosticCode, Severity, Span
from vnreport.rules.pages import (
    AMOUNT_WORDS,
    COUNTED_BY,
    COUNTER_WORDS,
    DIGIT_RUN,
    MARKER_FOLLOWER_VERBS,
    MARKER_FOLLOWERS,
    MARKER_UNITS,
)

#: Marker strength: glued to a word or closing punctuation beats a number set apart by a space
#: before punctuation or a line end, which beats one set apart in the middle of a sentence.
STRONG = 8
WEAK = 2
FAINT = 1

#: At most this many labels a page whose bodies were not read may cite.
MAX_SKIPPED_LABELS = 10

_CLOSERS = '.,;:)]”"’»'
#: What may stand just before a number set apart from it that is a marker: the end of a quote,
#: a bracket, a percentage ("“Tuổi trẻ” 12,", "(gấp 1,70 lần) 19;", "61,6% 16.").
_APART_CLOSERS = ')]”"’»%'
_SENTENCE_ENDS = ".!?…"
_CLAUSE_ENDS = ",;:"


@attrs.define
class MarkerCandidate:
    pos: int
    """Text offset of the digits."""
    end: int
    value: int
    score: int


def find_markers(
    text: str,
    lines: Sequence[ClassifiedLine],
    running: list[int],
    low: int,
    high: int,
    labels: frozenset[int] = frozenset(),
    raised: Sequence[Span] | None = None,
) -> list[tuple[str, Span]]:
    """The page's markers for labels ``low..high``, in order, best chain of candidates; digits
    at the offsets ``labels`` are body labels glued to a line, never markers. ``raised``: the
    digit runs the page sets as superscripts (a PDF read directly), then the only candidates."""
    found = marker_candidates(text, lines, running, low, high, raised)
    candidates = [c for c in found if c.pos not in labels]
    if not candidates:
        return []
    # Weighted longest increasing chain by value (and text order): a few dozen at most.
    n = len(candidates)
    best = [c.score for c in candidates]
    back: list[int | None] = [None] * n
    for b in range(n):
        for a in range(b):
            if candidates[a].value < candidates[b].value and best[a] + candidates[b].score > best[b]:
                best[b] = best[a] + candidates[b].score
                back[b] = a
    end = max(range(n), key=lambda i: (best[i], -i))
    chain: list[MarkerCandidate] = []
    at: int | None = end
    while at is not None:
        chain.append(candidates[at])
        at = back[at]
    chain.reverse()
    return [(str(c.value), Span(c.pos, c.end)) for c in chain]


def markers_without_bodies(
    text: str,
    lines: Sequence[ClassifiedLine],
    missed: list[tuple[list[int], int]],
    raised: Sequence[Span] | None = None,
) -> list[Diagnostic]:
    """In a text with PDF footnotes, a word with the label due glued to it ("Chính phủ9") on a
    page where no body was found (``missed``: its running lines and the label due) is a marker
    whose body is lost."""
    out: list[Diagnostic] = []
    for flow, due in missed:
        cands = marker_candidates(text, lines, flow, due, due, raised)
        cand = next((c for c in cands if c.score >= STRONG), None)
        if cand is not None:
            out.append(
                Diagnostic(
                    DiagnosticCode.FOOTNOTE_MARKER_WITHOUT_BODY,
                    f"footnote marker {due} (digits glued to a word) has no body at the page bottom",
                    Span(cand.pos, cand.end),
                    Severity.INFO,
                )
            )
    return out


def labels_cited(
    text: str, lines: Sequence[ClassifiedLine], running: list[int], due: int, raised: Sequence[Span] | None = None
) -> int:
    """How many labels from ``due`` on the lines ``running`` of a page whose bodies were not
    read cite by digits glued to words ("Chính phủ9"): the sequence goes on past them."""
    cands = marker_candidates(text, lines, running, due, due + MAX_SKIPPED_LABELS - 1, raised)
    strong = [c.value for c in cands if c.score >= STRONG]
    return max(strong) - due + 1 if strong else 0


def marker_candidates(
    text: str,
    lines: Sequence[ClassifiedLine],
    running: list[int],
    low: int,
    high: int,
    raised: Sequence[Span] | None = None,
) -> list[MarkerCandidate]:
    """Digits on the lines at positions ``running`` that may be markers of labels ``low..high``
    (only the ``raised`` runs, when the page says which digits it raises)."""
    if raised is not None:
        return raised_candidates(text, lines, running, low, high, raised)
    out: list[MarkerCandidate] = []
    for pos in running:
        c = lines[pos].line.content
        for m in DIGIT_RUN.finditer(text, c.start, c.end):
            cand = candidate(text, m.start(), m.end(), c.start, c.end)
            if cand is not None and low <= cand.value <= high:
                out.append(cand)
    return out


def raised_candidates(
    text: str, lines: Sequence[ClassifiedLine], running: list[int], low: int, high: int, raised: Sequence[Span]
) -> list[MarkerCandidate]:
    """The raised digit runs on the lines ``running`` numbered ``low..high``, but the powers of
    a unit ("km2", "m3"): each a strong candidate, as the page itself raises it."""
    starts = [span.start for span in raised]
    out: list[MarkerCandidate] = []
    for pos in running:
        c = lines[pos].line.content
        i = bisect.bisect_left(starts, c.start)
        while i < len(raised) and raised[i].start < c.end:
            span = raised[i]
            i += 1
            digits = text[span.start : span.end]
            if not digits.isdigit() or len(digits) > 3 or _is_power(text, span.start, c.start):
                continue
            if low <= int(digits) <= high:
                out.append(MarkerCandidate(span.start, span.end, int(digits), STRONG))
    return out


def _is_power(text: str, s: int, line_start: int) -> bool:
    """The raised digits at ``s`` follow a unit they are the power of ("km2", "m3")."""
    w = s
    while w > line_start and text[w - 1].isalpha() and s - w < 6:
        w -= 1
    return text[w:s].casefold() in MARKER_UNITS


def candidate(text: str, s: int, e: int, line_start: int, line_end: int) -> MarkerCandidate | None:
    """Digits ``text[s:e]`` (on the line ``text[line_start:line_end]``) as a flattened
    superscript, or None."""
    digits = text[s:e]
    if len(digits) > 6:
        return None
    run = _Digits(text, s, e, line_start, line_end)
    if len(digits) >= 5:
        return run.label_after_year(digits)
    if digits[0] == "0" or len(digits) > 3:
        return None
    value = int(digits)
    pc, nc = run.before, run.after
    if pc.isalpha():
        return run.glued_after_word(value)
    if pc == "%" and _ends_token(nc):
        return MarkerCandidate(s, e, value, STRONG)  # "đạt trên 61,6%16."
    if pc in _CLOSERS:
        return run.after_closer(value)
    if pc.isspace():
        return run.glued_before_word(value) if nc.isalpha() else run.apart(value)
    return None


class _Digits:
    """A run of digits on a line, with the characters on either side (a space at a line edge)."""

    __slots__ = ("after", "before", "end", "line_end", "line_start", "start", "text")

    def __init__(self, text: str, start: int, end: int, line_start: int, line_end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.line_start = line_start
        self.line_end = line_end
        self.before = text[start - 1] if start > line_start else " "
        self.after = text[end] if end < line_end else " "

    def label_after_year(self, digits: str) -> MarkerCandidate | None:
        """ "2023 - 20281.", "năm 20239", "2021-202512": a year with the label glued after it."""
        if digits[:2] not in ("19", "20") or digits[4] == "0" or not _ends_token(self.after):
            return None
        if self.before in ".,/" or (
            self.before == "-" and not _year_before(self.text, self.start - 1, self.line_start)
        ):
            return None  # "1.20251", "12/20253", "Covid-20251": not a year standing alone
        return MarkerCandidate(self.start + 4, self.end, int(digits[4:]), WEAK)

    def glued_after_word(self, value: int) -> MarkerCandidate | None:
        """ "hiện đại1.", "chữ V9": digits glued to the end of a word, unless a code or a unit;
        glued to an acronym ("NTM9", "khóa XIII2") only weakly, as codes are written so too."""
        text, s, line_start = self.text, self.start, self.line_start
        w = s
        while w > line_start and text[w - 1].isalpha() and s - w < 40:
            w -= 1
        word = text[w:s]
        before = text[w - 1] if w > line_start else " "
        code = before in "/-_.@&" and any(ch.isupper() for ch in word)
        if before.isdigit() or code:
            return None  # "15g00", "202/2025/QH15", "Covid-19", "TP.HCM2"
        if word.casefold() in MARKER_UNITS or not _ends_token(self.after):
            return None  # "km2", "m3"; "H2O"
        if len(word) >= 2 and word.isupper():
            return None if self._decimal() else MarkerCandidate(s, self.end, value, WEAK)  # "GRDP1,5 lần"
        return MarkerCandidate(s, self.end, value, STRONG)

    def _decimal(self) -> bool:
        """The digits go on after a decimal point or comma ("1,5")."""
        e = self.end
        return self.after in ".," and e + 1 < self.line_end and self.text[e + 1].isdigit()

    def after_closer(self, value: int) -> MarkerCandidate | None:
        """ "VNeID.9", "xã hội.8", "nông thôn;15", "61,6%.16", "2023 - 2028.1": digits after
        the punctuation that closes a word, a percentage or a year."""
        text, s = self.text, self.start
        pc = self.before
        before = text[s - 2] if s - 2 >= self.line_start else " "
        if before.isspace() or self.after.isdigit():
            return None
        if pc == "," and before.isdigit() and _marker_before(text, s - 1, self.line_start) == value - 1:
            return MarkerCandidate(s, self.end, value, WEAK)  # "hiện đại1,2": two notes cited at once
        if pc in ".,;:" and not (
            before.isalpha() or before in _CLOSERS or before == "%" or _year_before(text, s - 1, self.line_start)
        ):
            return None  # "1.683", "10,5", "7:30"
        return MarkerCandidate(s, self.end, value, STRONG)

    def glued_before_word(self, value: int) -> MarkerCandidate | None:
        """ "Bác” 2tại", "năm 2025 4do": the superscript lost its space after, not before."""
        text, e, line_end = self.text, self.end, self.line_end
        w = e
        while w < line_end and text[w].isalpha() and w - e < 40:
            w += 1
        after = text[w] if w < line_end else " "
        if not self.after.islower() or text[e:w].casefold() in MARKER_UNITS or after.isdigit():
            return None  # "3km", "15g00", "100đ"
        return MarkerCandidate(self.start, e, value, WEAK)

    def apart(self, value: int) -> MarkerCandidate | None:
        """A number set apart by a space, read by what stands before it and what follows.

        Before it: a word ("đề ra 4."), the end of a quote, a bracket or a percentage
        ("“Tuổi trẻ” 12,"), a year ("năm 2024 29,"), or punctuation ("phong trào. 7"). After
        it: the line end or punctuation, a capital after a full stop ("phong trào. 7 Tiếp"), or,
        in the middle of a sentence, a word that opens a new phrase ("Chính phủ 9 được")."""
        before, at = self._token_before()
        after = self._token_after()
        if before is None or after is None:
            return None
        if after == "stop":
            if before in ("sentence", "clause") and self.end >= self.line_end and _lower_next(self.text, self.end):
                return None  # "… hoàn thành. 5⏎xã đạt chuẩn": a count opening a sentence, wrapped
            return MarkerCandidate(self.start, self.end, value, WEAK)
        if before == "sentence":
            return MarkerCandidate(self.start, self.end, value, WEAK) if after == "capital" else None
        if after == "phrase" or (before == "clause" and self._opens_clause(after, at)):
            return MarkerCandidate(self.start, self.end, value, FAINT)  # "lần); 19 Chi ngân sách"
        return None

    def _opens_clause(self, after: str, at: int) -> bool:
        """After a comma or semicolon, what follows the number opens the next clause: a capital,
        another number after a semicolon ("86,2%; 24 100%"; after a comma "2020, 15 300 ha" may be
        one figure written with a space), or a word where the clause before lists no counts
        ("thường xuyên, 6 coi trọng")."""
        if after == "capital" or (after == "number" and self.text[at - 1] == ";"):
            return True
        return after == "word" and not _counts_before(self.text, at - 1, self.line_start)

    def _token_before(self) -> tuple[str | None, int]:
        """What stands before the number and its space: "word", "closer", "year", "sentence"
        (a full stop), "clause" (a comma), or None when a number there is a count or a code;
        and where it ends."""
        text, line_start = self.text, self.line_start
        p = self.start - 1
        while p > line_start and text[p - 1].isspace():
            p -= 1
        if p <= line_start:
            return None, p  # a number opening a line is a list number or a body's label
        ch = text[p - 1]
        if ch.isalpha():
            return ("word" if _names_no_number(text, p, line_start) else None), p
        if ch in _APART_CLOSERS:
            return "closer", p
        if ch.isdigit():
            return ("year" if _year_before(text, p, line_start) else None), p  # "2023 - 2025."
        return _punctuation_before(text, p, line_start), p

    def _token_after(self) -> str | None:
        """What follows the number: "stop" (the line end, or punctuation ending the token),
        "capital" (a space and a capital), "phrase" (a space and a word that opens a phrase),
        "number" (a space and another number)."""
        text, e, line_end = self.text, self.end, self.line_end
        if e >= line_end:
            return "stop"
        nc = text[e]
        if nc in ".,;:!?…)" and (e + 1 >= line_end or text[e + 1].isspace()):
            return "stop"
        if not nc.isspace():
            return None
        w = e
        while w < line_end and text[w].isspace():
            w += 1
        if w >= line_end:
            return "stop"
        if text[w].isupper() or text[w] in '“"':
            return "capital"
        if text[w].isdigit():
            return "number"  # "86,2%; 24 100% rác": two numbers set apart are no one figure
        return _word_after(text, w, line_end)


def _lower_next(text: str, e: int) -> bool:
    """The text after ``e`` (the end of a line) goes on with a lower-case word."""
    k = e
    while k < len(text) and k - e < 8 and text[k].isspace() and text[k] != "\f":
        k += 1
    return k < len(text) and text[k].islower()


def _punctuation_before(text: str, p: int, line_start: int) -> str | None:
    """ "sentence" after a full stop, "clause" after a comma that closes a word, a quote, a
    percentage or a year; None otherwise ("1. 2", "3, 4")."""
    ch = text[p - 1]
    if ch not in _SENTENCE_ENDS and ch not in _CLAUSE_ENDS:
        return None
    mark = text[p - 2] if p - 2 >= line_start else " "
    if not (mark.isalpha() or mark in _APART_CLOSERS or _year_before(text, p - 1, line_start)):
        return None
    return "sentence" if ch in _SENTENCE_ENDS else "clause"


def _word_after(text: str, w: int, line_end: int) -> str | None:
    """ "phrase" when the word at ``w`` opens a phrase, "word" for another word, None for a unit."""
    word, k = _word_at(text, w, line_end)
    if word in MARKER_FOLLOWERS or f"{word} {_next_word(text, k)}" in MARKER_FOLLOWER_VERBS:
        return "phrase"
    return "word" if word and word not in MARKER_UNITS else None


def _next_word(text: str, k: int) -> str:
    """The word after the space at ``k``, on this line or, past its end, on the next."""
    w = k
    while w < len(text) and w - k < 3 and text[w] in " \n":
        w += 1
    return _word_at(text, w, min(len(text), w + 20))[0]


def _words_back(text: str, p: int, line_start: int) -> tuple[str, int]:
    """The word ending at ``p`` (letters only), and where it starts."""
    w = p
    while w > line_start and text[w - 1].isalpha():
        w -= 1
    return text[w:p].casefold(), w


def _names_no_number(text: str, p: int, line_start: int) -> bool:
    """The word ending at ``p`` is not one a number after it counts or names ("Điều 4.",
    "lần 2,"), unless it is a unit ("%/năm 12") or a noun already counted ("của hai tỉnh 5.")."""
    word, w = _words_back(text, p, line_start)
    if word not in COUNTER_WORDS or (w > line_start and text[w - 1] == "/"):
        return True
    q = w
    while q > line_start and text[q - 1] == " ":
        q -= 1
    return _words_back(text, q, line_start)[0] in COUNTED_BY


def _counts_before(text: str, comma: int, line_start: int) -> bool:
    """The clause before the comma at ``comma`` holds a count: "gồm 3 xã, 2 phường" lists
    counts; "đạt 7,3%/năm, 12" and "81.734 tỷ đồng; 20" hold amounts, no counts."""
    start = max(line_start, comma - 30)
    for k in range(comma - 1, start - 1, -1):
        if text[k] in _SENTENCE_ENDS or text[k] in _CLAUSE_ENDS:
            return False
        if text[k].isdigit() and _counts(text, k + 1, comma):
            return True
    return comma - 30 > line_start and any(
        text[k].isdigit() and _counts(text, k + 1, comma) for k in range(line_start, start)
    )


def _counts(text: str, e: int, limit: int) -> bool:
    """The digit at ``e - 1`` ends a number that counts the word after it ("3 xã"), not an
    amount ("7,3%", "81.734 tỷ") or a number inside a figure ("7,3")."""
    if e < limit and text[e].isdigit():
        return False
    if e >= limit or text[e] != " ":
        return e >= limit  # a number just before the comma ("3, 4") is listed too
    word, _ = _word_at(text, e + 1, limit)
    return bool(word) and word not in AMOUNT_WORDS and word not in MARKER_UNITS


def _word_at(text: str, w: int, end: int) -> tuple[str, int]:
    """The word (letters only) starting at ``w``, case-folded, and where it ends."""
    k = w
    while k < end and text[k].isalpha():
        k += 1
    return text[w:k].casefold(), k


def _marker_before(text: str, p: int, line_start: int) -> int | None:
    """The number ``text[:p]`` ends with when it is at most three digits glued to a word ("1" of
    "đại1,2"; a second marker cited with it is the next number, or "1,5" is a decimal)."""
    w = p
    while w > line_start and text[w - 1].isdigit():
        w -= 1
    glued = 0 < p - w <= 3 and w > line_start and text[w - 1].isalpha()
    return int(text[w:p]) if glued else None


def _year_before(text: str, p: int, line_start: int) -> bool:
    """``text[:p]`` ends with a year set apart ("nhiệm kỳ 2023 - 2028", "năm 2024")."""
    w = p
    while w > line_start and text[w - 1].isdigit():
        w -= 1
    return p - w == 4 and text[w : w + 2] in ("19", "20") and (w == line_start or not text[w - 1].isalnum())


def _ends_token(ch: str) -> bool:
    return ch.isspace() or ch in '.,;:!?…)]”"’»'

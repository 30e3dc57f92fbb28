"""Whole-text checks that say what is odd about an input: OCR damage, huge lines, blank floods.

Each check is linear in the text and returns diagnostics; none changes the text.
"""

from __future__ import annotations

from itertools import accumulate

from vnreport.lines.split import Line, LineKind
from vnreport.model import Diagnostic, DiagnosticCode, Severity, Span
from vnreport.rules.quality import BLANK_FLOOD, CONTROL_CHARACTER, MANY_BLANK_LINES

#: Share of words carrying a Vietnamese letter (a diacritic or đ) below which a Vietnamese text is
#: judged to have lost its diacritics (OCR, a broken font). Real reports sit at 0.85–0.9; the
#: OCR-damaged notice of the corpus at 0.3.
MIN_DIACRITIC_SHARE = 0.5
_VIETNAMESE_LETTERS = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
_VIETNAMESE_LETTER_SET = frozenset(_VIETNAMESE_LETTERS)
_PUNCTUATION = ".,;:!?()[]\"'“”…-–"
#: Words that only Vietnamese without diacritics produces ("cua", "nhung", "duoc"…): a text full
#: of them is damaged Vietnamese, not another language.
_STRIPPED_VIETNAMESE = frozenset(
    [
        "cua",
        "va",
        "cac",
        "nhung",
        "duoc",
        "trong",
        "nguoi",
        "nhan",
        "dan",
        "dang",
        "tinh",
        "huyen",
        "xa",
        "thuc",
        "hien",
        "cong",
        "tac",
        "nam",
        "theo",
        "ve",
        "voi",
        "tren",
        "den",
        "tu",
        "mot",
        "chi",
        "uy",
        "ban",
        "chap",
        "hanh",
        "nghi",
        "quyet",
        "bao",
        "cao",
    ]
)
MIN_WORDS_TO_JUDGE = 40
#: Characters read to judge damage: a page and a half of a report is plenty.
SAMPLE_CHARS = 8_000
LONG_LINE_CHARS = 100_000


def assess(text: str, lines: tuple[Line, ...]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    out.extend(_damage(text))
    out.extend(_control_characters(text))
    longest = max((line.end - line.start for line in lines), default=0)
    if longest <= LONG_LINE_CHARS and BLANK_FLOOD.search(text) is None:
        return out  # neither check can fire: skip the pass over the lines
    out.extend(_long_lines_and_blank_floods(lines))
    return out


#: Characters :func:`_odd_lines` splits into lines at a time (to the next line end).
_ODD_LINES_CHUNK = 1 << 16


def _odd_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the lines holding something unprintable besides NBSP and tabs.

    A line is searched only when str.isprintable (C speed) says it holds something odd: a regex
    over the whole text costs far more. The text is split into lines a chunk at a time: split
    whole, its lines were a second copy of the text, held at once.
    """
    odd: list[tuple[int, int]] = []
    pos, n = 0, len(text)
    while pos < n:
        cut = text.find("\n", min(pos + _ODD_LINES_CHUNK, n))
        end = n if cut < 0 else cut
        parts = text[pos:end].split("\n")
        suspects = [i for i, printable in enumerate(map(str.isprintable, parts)) if not printable]
        if suspects:
            ends = list(accumulate(map(len, parts)))  # ends[i] + i: where line i ends in the chunk
            for i in suspects:
                if not parts[i].replace("\xa0", " ").replace("\t", " ").isprintable():
                    line_end = pos + ends[i] + i
                    odd.append((line_end - len(parts[i]), line_end))
        pos = end + 1
    return odd


def _control_characters(text: str) -> list[Diagnostic]:
    odd = _odd_lines(text)
    control = next((m for lo, hi in odd if (m := CONTROL_CHARACTER.search(text, lo, hi))), None)
    if control is None:
        return []
    count = sum(len(CONTROL_CHARACTER.findall(text, lo, hi)) for lo, hi in odd)
    return [
        Diagnostic(
            DiagnosticCode.TEXT_CONTROL_CHARACTERS,
            f"{count} control character(s) in the text (first at offset {control.start()})",
            Span(control.start(), control.end()),
            Severity.INFO,
        )
    ]


def _long_lines_and_blank_floods(lines: tuple[Line, ...]) -> list[Diagnostic]:
    """Each line too long to be one, and the first run of too many blank lines, in line order."""
    out: list[Diagnostic] = []
    blank_run = 0
    run_start = 0
    reported_blank = False
    for line in lines:
        if len(line.span) > LONG_LINE_CHARS:
            out.append(
                Diagnostic(
                    DiagnosticCode.LONG_LINE,
                    f"line {line.index + 1} is {len(line.span):,} characters long: "
                    "the text may have lost its line breaks",
                    line.span,
                    Severity.INFO,
                )
            )
        if line.kind is not LineKind.BLANK:
            blank_run = 0
            continue
        if blank_run == 0:
            run_start = line.start
        blank_run += 1
        if blank_run == MANY_BLANK_LINES and not reported_blank:
            reported_blank = True
            out.append(
                Diagnostic(
                    DiagnosticCode.MANY_BLANK_LINES,
                    f"{MANY_BLANK_LINES:,} or more blank lines in a row",
                    Span(run_start, line.end),
                    Severity.INFO,
                )
            )
    return out


def lost_diacritics(value: str) -> bool:
    """Is ``value`` Vietnamese written without its marks ("CUA BAN CHAP HANH", "TiNH UY")?

    No word of it carries a Vietnamese letter, and one is a word only marks-less Vietnamese
    writes: a header line the OCR stripped, not a name or a code.
    """
    words = [w.strip(_PUNCTUATION) for w in value.casefold().split()]
    words = [w for w in words if len(w) > 1]
    if not words or not all(map(_VIETNAMESE_LETTER_SET.isdisjoint, words)):
        return False
    return any(w in _STRIPPED_VIETNAMESE for w in words)


def _damage(text: str) -> list[Diagnostic]:
    # A sample is enough to judge, and keeps the check cheap on big inputs. A word carries a
    # Vietnamese letter unless it is disjoint from them: map() keeps that loop in C.
    all_words = [w for w in text[:SAMPLE_CHARS].casefold().split() if len(w) > 1]
    words = len(all_words)
    if words < MIN_WORDS_TO_JUDGE:
        return []
    vietnamese = words - sum(map(_VIETNAMESE_LETTER_SET.isdisjoint, all_words))
    share = vietnamese / words
    if share >= MIN_DIACRITIC_SHARE:
        return []
    stripped = sum(1 for w in all_words if w.strip(_PUNCTUATION) in _STRIPPED_VIETNAMESE)
    # Only a text full of Vietnamese words written without their marks ("cua", "cac", "duoc") is
    # damaged Vietnamese; English or French text quoting a few Vietnamese names is not.
    is_vietnamese = stripped >= 0.05 * words
    if share < MIN_DIACRITIC_SHARE and is_vietnamese:
        return [
            Diagnostic(
                DiagnosticCode.TEXT_DAMAGED,
                f"the text looks damaged: only {share:.0%} of its words carry Vietnamese letters "
                "(diacritics lost, e.g. by OCR); structure is partial",
                Span(0, len(text)),
                Severity.WARNING,
            )
        ]
    return []

"""Sentences with exact spans: underthesea's splitter, one line at a time, then corrected.

``underthesea.sent_tokenize`` never treats a newline as a boundary, so it is fed one line at a
time; each sentence it returns is an exact substring of its input and is found again by
searching forward. Its known errors on this genre are then corrected (see
``reference/underthesea-notes.md``):

* a line-initial footnote label "[1]." is not a sentence of its own;
* a marker after the period ("…quy định.[9] Các …") belongs to the sentence before it, and so
  does a short number glued to it ("… chi bộ cơ sở).1", a PDF's superscript);
* "v.v." followed by a capitalised word ends a sentence;
* Markdown emphasis closed after the period ("… năm 2025.**") belongs to the sentence before it;
* a single capital letter after a lower-case word ("mức độ A. Năm 2020") ends a sentence.

In a hard-wrapped paragraph (text from PDFs) a sentence that runs to the end of a line
without closing continues on the next line; a paragraph boundary always ends a sentence.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate, compress

from vnreport.model import Span
from vnreport.rules.sentences import GAP_HEAD, LABEL_ONLY, LEADING_REFS, MISSED_BREAK
from vnreport.sentences import nlp

_TERMINAL = frozenset('.!?…:;"”)')
#: Stretches between marks shorter than this are handed to the splitter as they are.
MIN_GAP = 48


def split_line(text: str, start: int, end: int) -> list[Span]:
    """Sentence spans of ``text[start:end]``, a stretch without line breaks."""
    segment = text[start:end]
    stripped = segment.strip()
    if not stripped:
        return []
    body = stripped[:-1]
    if "." not in body and "?" not in body and "!" not in body:
        # Without ".", "?" or "!" before its last character the splitter can only return the
        # stretch itself; skipping the call saves its per-character loop on headings and items.
        t0 = start + segment.index(stripped)
        return [Span(t0, t0 + len(stripped))]
    spans = [Span(start + lo, start + hi) for lo, hi in splitter_spans(segment)]
    return _correct(text, spans)


def splitter_spans(segment: str) -> list[tuple[int, int]]:
    """Offsets in ``segment`` (one line) of the sentences ``underthesea.sent_tokenize`` makes of it."""
    fed, chunk_at, chunk_from = condense(segment)
    pieces = nlp.sent_tokenize()(fed)
    spans: list[tuple[int, int]] = []
    pos = 0
    for piece in pieces:
        found = fed.find(piece, pos)
        if found < 0:
            # The splitter is documented to return substrings; if a future version does not,
            # fall back to the rest of the line rather than lose text.
            spans.append(_back(pos, len(fed.rstrip()), chunk_at, chunk_from))
            pos = len(fed)
            break
        spans.append(_back(found, found + len(piece), chunk_at, chunk_from))
        pos = found + len(piece)
    tail = fed[pos:].strip()
    if tail:
        t0 = fed.index(tail, pos)
        spans.append(_back(t0, t0 + len(tail), chunk_at, chunk_from))
    return spans


def condense(segment: str) -> tuple[str, list[int], list[int]]:
    """The line as the splitter needs to see it, and where its kept chunks come from.

    underthesea's splitter decides only at ".", "?" and "!", and each decision reads a few
    characters around the mark: the digit or word right before it (back to the first
    character that is neither a letter, a digit nor "."), the marks and spaces right after it,
    and the first character after those. Between two marks, the splitter only walks. So a long
    stretch without marks keeps its first word (with the spaces before it and one character
    after) and its last word (with the space before it and everything after), and the middle
    is left out: the splitter then returns the same sentences, shortened the same way, at a
    seventh of the cost on a report. ``tests/test_sentences.py`` checks this against the plain
    call on every line of the corpus and on generated text.

    Returns the shortened line, the offsets in it where each kept chunk starts, and the offsets
    in ``segment`` they come from.
    """
    chunk_at = [0]
    chunk_from = [0]
    parts: list[str] = []
    kept = 0  # where the part not yet copied starts
    length = 0  # length of the shortened line so far
    # Stretches between marks, found by str.split (a regex scan costs several times more); "?"
    # and "!" become "." first, which keeps every offset.
    marked = segment.replace("?", ".").replace("!", ".") if "?" in segment or "!" in segment else segment
    gaps = marked.split(".")
    lengths = list(map(len, gaps))
    # The long stretches, picked out in C: most stretches are short and stay as they are.
    long_ones = list(compress(range(len(gaps)), map(MIN_GAP.__le__, lengths)))
    if not long_ones:
        return segment, chunk_at, chunk_from
    ends = list(accumulate(lengths))
    for i in long_ones:
        gap = gaps[i]
        gap_length = lengths[i]
        g0 = ends[i] - gap_length + i  # i marks come before it
        if gap[0] == " " and not gap[1].isspace():
            first_space = gap.find(" ", 2)  # after the first word: keeps it and one more
        else:
            head = GAP_HEAD.match(gap)
            first_space = head.end() - 1 if head else -1
        if first_space < 0:
            continue
        keep_to = g0 + first_space + 1
        # The space before the last word: the word a mark after the gap is read with, and the
        # last character the line's last sentence ends with.
        last = gap_length if not gap[-1].isspace() else len(gap.rstrip())
        resume = segment.rfind(" ", keep_to, g0 + last)
        if resume <= keep_to:
            continue
        parts.append(segment[kept:keep_to])
        length += keep_to - kept
        chunk_at.append(length)
        chunk_from.append(resume)
        kept = resume
    if not parts:
        return segment, chunk_at, chunk_from
    parts.append(segment[kept:])
    return "".join(parts), chunk_at, chunk_from


def _back(lo: int, hi: int, chunk_at: list[int], chunk_from: list[int]) -> tuple[int, int]:
    """Offsets in the line of ``[lo, hi)`` in its shortened form (see :func:`condense`)."""
    if len(chunk_at) == 1:
        return lo, hi
    k = bisect_right(chunk_at, lo) - 1
    start = chunk_from[k] + lo - chunk_at[k]
    if hi > lo:
        k = bisect_right(chunk_at, hi - 1) - 1
    return start, chunk_from[k] + hi - chunk_at[k]


def _correct(text: str, spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    bracketed = False
    for span in spans:
        if out and text[span.start] in _EMPHASIS:
            rest = _give_back_closing_emphasis(text, span, out)
            if rest is None:
                continue
            span = rest
        if out and _glued_number(text, span, out[-1]):
            out[-1] = Span(out[-1].start, span.end)
            continue
        if text[span.start] == "[":
            bracketed = True
            if out:
                rest = _give_back_leading_refs(text, span, out)
                if rest is None:
                    continue
                span = rest
        # Both missed breaks are a period, a space and a capital inside the piece; most pieces
        # have no ". " before their end at all.
        if text.find(". ", span.start, span.end - 1) < 0:
            out.append(span)
        else:
            out.extend(_split_missed(text, span, text[span.start : span.end]))
    if not bracketed:
        return out
    return _glue_lone_labels(text, out)


#: Markdown emphasis marks (a crawl's bold and italics).
_EMPHASIS = frozenset("*_")


def _give_back_closing_emphasis(text: str, span: Span, out: list[Span]) -> Span | None:
    """Move the emphasis marks that open ``span`` to the sentence before (``out[-1]``), which
    they close: "… ban hành **trước ngày 25/6/2025.**", "… ngày 01/6/2025.** Chính phủ …". The
    splitter cuts after the full stop, so the closing stars were a sentence of their own or the
    head of the next. Marks alone at the line's end close; so do marks set right after the stop
    and followed by a space (Markdown's right-flanking run); "**Câu hai.**" opens the next
    sentence's emphasis and stays.
    Returns what is left of ``span``, or None when the marks (and spaces) were all of it."""
    piece = text[span.start : span.end]
    if all(ch in _EMPHASIS or ch.isspace() for ch in piece):
        out[-1] = Span(out[-1].start, span.end)  # "**", "* *": the line's closing marks
        return None
    k = len(piece) - len(piece.lstrip("*_"))
    if out[-1].end != span.start or not piece[k].isspace():
        return span
    out[-1] = Span(out[-1].start, span.start + k)
    return Span(span.start + k + (len(piece) - k - len(piece[k:].lstrip())), span.end)


#: The longest number glued after a stop that is read as that sentence's footnote marker.
_MAX_GLUED_MARKER_DIGITS = 3


def _glued_number(text: str, span: Span, prev: Span) -> bool:
    """A short number alone, glued to the stop that ends the sentence before ("… (Đảng bộ cơ
    sở, chi bộ cơ sở).1", PDF text where the superscript lost its size): that sentence's
    footnote marker, not a sentence of its own."""
    if span.start != prev.end or span.end - span.start > _MAX_GLUED_MARKER_DIGITS:
        return False
    piece = text[span.start : span.end]
    return piece.isascii() and piece.isdigit() and text[prev.end - 1] in _TERMINAL


def _give_back_leading_refs(text: str, span: Span, out: list[Span]) -> Span | None:
    """Move the footnote markers that open ``span`` to the end of the sentence before (``out[-1]``).

    "quy định.[9] Các …": the marker closes the previous sentence. Returns what is left of
    ``span``, or None when the markers were all of it.
    """
    piece = text[span.start : span.end]
    if LABEL_ONLY.fullmatch(piece) is not None:
        return span
    lead = LEADING_REFS.match(piece)
    if lead is None:
        return span
    prev = out[-1]
    if lead.end() == len(piece):
        out[-1] = Span(prev.start, span.end)
        return None
    cut = span.start + len(piece[: lead.end()].rstrip())
    out[-1] = Span(prev.start, cut)
    return Span(span.start + lead.end(), span.end)


def _glue_lone_labels(text: str, spans: list[Span]) -> list[Span]:
    """ "[1]." alone: glue it to the sentence that follows it."""
    merged: list[Span] = []
    pending: Span | None = None
    for span in spans:
        if text[span.start] == "[" and LABEL_ONLY.fullmatch(text, span.start, span.end):
            pending = pending or span
            continue
        if pending is not None:
            span = Span(pending.start, span.end)
            pending = None
        merged.append(span)
    if pending is not None:
        merged.append(pending)
    return merged


def _split_missed(text: str, span: Span, piece: str) -> list[Span]:
    result: list[Span] = []
    start = 0
    for m in MISSED_BREAK.finditer(piece):
        cut = m.end()
        result.append(Span(span.start + start, span.start + cut))
        nxt = cut
        while nxt < len(piece) and piece[nxt].isspace():
            nxt += 1
        start = nxt
    if not result:
        return [span]
    result.append(Span(span.start + start, span.end))
    return result


def split_paragraph(text: str, span: Span) -> list[Span]:
    """Sentence spans of a paragraph; wrapped lines continue an unfinished sentence."""
    if text.find("\n", span.start, span.end) < 0:
        return split_line(text, span.start, span.end)
    segment = text[span.start : span.end]
    spans: list[Span] = []
    line_start = span.start
    for line in segment.split("\n"):
        line_end = line_start + len(line)
        pieces = split_line(text, line_start, line_end)
        if pieces and spans and text[spans[-1].end - 1] not in _TERMINAL:
            first = pieces.pop(0)
            spans[-1] = Span(spans[-1].start, first.end)
        spans.extend(pieces)
        line_start = line_end + 1
    return spans

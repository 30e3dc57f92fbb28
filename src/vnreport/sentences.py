"""Sentences with exact spans: underthesea's splitter, one line at a time, then corrected.

``underthesea.sent_tokenize`` never treats a newline as a boundary, so it is fed one line at a
time; each sentence it returns is an exact substring of its input and is found again by
searching forward. Its known errors on this genre are then corrected (see
``reference/underthesea-notes.md``):

* a line-initial footnote label "[1]." is not a sentence of its own;
* a marker after the period ("…quy định.[9] Các …") belongs to the sentence before it;
* "v.v." followed by a capitalised word ends a sentence;
* a single capital letter after a lower-case word ("mức độ A. Năm 2020") ends a sentence.

In a hard-wrapped paragraph (text from PDFs) a sentence that runs to the end of a line
without closing continues on the next line; a paragraph boundary always ends a sentence.
"""

from __future__ import annotations

from . import nlp
from .model import Span
from .patterns import LABEL_ONLY, LEADING_REFS, MISSED_BREAK

_TERMINAL = frozenset('.!?…:;"”)')


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
    pieces = nlp.sent_tokenize()(segment)
    spans: list[Span] = []
    pos = 0
    for piece in pieces:
        found = segment.find(piece, pos)
        if found < 0:
            # The splitter is documented to return substrings; if a future version does not,
            # fall back to the rest of the line rather than lose text.
            spans.append(Span(start + pos, start + len(segment.rstrip())))
            pos = len(segment)
            break
        spans.append(Span(start + found, start + found + len(piece)))
        pos = found + len(piece)
    tail = segment[pos:].strip()
    if tail:
        t0 = segment.index(tail, pos)
        spans.append(Span(start + t0, start + t0 + len(tail)))
    return _correct(text, spans)


def _correct(text: str, spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    bracketed = False
    for span in spans:
        if text[span.start] == "[":
            bracketed = True
            if out:
                piece = text[span.start : span.end]
                if LABEL_ONLY.fullmatch(piece) is None:
                    lead = LEADING_REFS.match(piece)
                    if lead is not None and lead.end() < len(piece):
                        # "quy định.[9] Các …": the marker closes the previous sentence.
                        cut = span.start + len(piece[: lead.end()].rstrip())
                        prev = out[-1]
                        out[-1] = Span(prev.start, cut)
                        span = Span(span.start + lead.end(), span.end)
                    elif lead is not None:
                        prev = out[-1]
                        out[-1] = Span(prev.start, span.end)
                        continue
        # Both missed breaks are a period, a space and a capital inside the piece; most pieces
        # have no ". " before their end at all.
        if text.find(". ", span.start, span.end - 1) < 0:
            out.append(span)
        else:
            out.extend(_split_missed(text, span, text[span.start : span.end]))
    if not bracketed:
        return out
    # "[1]." alone: glue it to the sentence that follows it.
    merged: list[Span] = []
    pending: Span | None = None
    for span in out:
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

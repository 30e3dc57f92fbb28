"""What the reading views (Markdown, HTML) share: a sentence cut into text, footnote markers and
figures; the whole text of a footnote; the metadata rows a reader sees first.

The views show the text as a reader reads it: whitespace evened out, page furniture inside a
sentence (a page number where a page broke) left out, footnote markers turned into links.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from attrs import frozen

from vnreport.model import DateValue, Footnote, FootnoteRef, Metadata, Quantity, Sentence, Span


@frozen
class Piece:
    """One stretch of a sentence: running text, a footnote marker (one or several refs written as
    one marker, "[3-5]"), or a figure."""

    kind: Literal["text", "ref", "figure"]
    text: str
    span: Span
    refs: tuple[FootnoteRef, ...] = ()
    quantity: Quantity | None = None


def one_line(text: str) -> str:
    """Whitespace (line breaks of wrapped PDF text too) evened out to single spaces."""
    return " ".join(text.split())


def _marks(sentence: Sentence, figures: Iterable[Quantity]) -> list[Piece]:
    """Markers, figures and gaps of the sentence, sorted, with no two overlapping (a marker or a
    gap wins over a figure that overlaps it)."""
    by_span: dict[Span, list[FootnoteRef]] = {}
    for ref in sentence.footnote_refs:
        by_span.setdefault(ref.span, []).append(ref)
    marks = [Piece("ref", "", span, tuple(refs)) for span, refs in by_span.items()]
    marks += [Piece("text", " ", gap) for gap in sentence.gaps]
    taken = sorted((m.span for m in marks), key=lambda s: s.start)
    for quantity in figures:
        if not any(s.start < quantity.span.end and quantity.span.start < s.end for s in taken):
            marks.append(Piece("figure", quantity.text, quantity.span, quantity=quantity))
    marks.sort(key=lambda m: (m.span.start, m.span.end))
    kept: list[Piece] = []
    for mark in marks:
        if not kept or mark.span.start >= kept[-1].span.end:
            kept.append(mark)
    return kept


def sentence_pieces(text: str, sentence: Sentence, figures: bool = False) -> list[Piece]:
    """The sentence as pieces in order; the gaps (page furniture) become a space. ``text`` is the
    document text; with ``figures`` the sentence's quantities are pieces of their own."""
    pieces: list[Piece] = []
    pos = sentence.span.start
    for mark in _marks(sentence, sentence.quantities if figures else ()):
        if mark.span.start > pos:
            pieces.append(Piece("text", text[pos : mark.span.start], Span(pos, mark.span.start)))
        if mark.kind == "ref":
            pieces.append(Piece("ref", text[mark.span.start : mark.span.end], mark.span, mark.refs))
        else:
            pieces.append(mark)
        pos = mark.span.end
    if pos < sentence.span.end:
        pieces.append(Piece("text", text[pos : sentence.span.end], Span(pos, sentence.span.end)))
    return pieces


def footnote_text(text: str, note: Footnote) -> str:
    """The body of a footnote on one line, with what it continues with after a page break."""
    parts = [note.text, *(span.slice(text) for span in note.continued)]
    return one_line(" ".join(parts))


def _date(d: DateValue | None) -> str | None:
    if d is None or (d.year is None and d.month is None and d.day is None):
        return None
    return "/".join("…" if part is None else str(part) for part in (d.day, d.month, d.year))


def _joined(separator: str, *parts: str | None) -> str | None:
    return separator.join(one_line(part) for part in parts if part) or None


def _listed(items: tuple[str, ...], in_full: bool) -> str | None:
    if not items:
        return None
    # Each entry as printed ends in "," or ";" (a list down the page): joined with "; ", the
    # printed mark would double it ("(báo cáo),; Các Ban …"); the last keeps its full stop.
    entries = [item.rstrip(" ,;") for item in items[:-1]] + [items[-1]]
    return _joined("; ", *entries) if in_full else str(len(items))


def metadata_rows(meta: Metadata, in_full: bool = True) -> list[tuple[str, str]]:
    """The metadata a reader wants first, as (label, value) rows, only those with a value; the
    addressees and recipients in full, or (not ``in_full``) counted."""
    signer = meta.signature
    rows: list[tuple[str, str | None]] = [
        ("Title", _joined(" ", meta.title)),
        ("Subtitle", _joined(" ", meta.subtitle)),
        ("Type", _joined(" ", meta.doc_type_name or meta.doc_type_code)),
        ("Number", _joined(" ", meta.number_raw) or _joined("/", meta.number, meta.symbol)),
        ("Issuer", _joined(" / ", meta.parent_issuer, meta.issuer)),
        ("Place and date", _joined(", ", meta.place, _date(meta.date))),
        ("Subject", _joined(" ", meta.subject_line)),
        ("Term", f"{meta.term[0]}–{meta.term[1]}" if meta.term else None),
        ("Signed", _joined(" / ", signer.authority, signer.position, signer.name) if signer else None),
        ("Marks", _joined(" · ", "DỰ THẢO" if meta.draft else None, meta.secrecy, meta.urgency, meta.circulation)),
        ("Addressees", _listed(meta.addressees, in_full)),
        ("Recipients", _listed(meta.recipients, in_full)),
        ("Web title", _joined(" ", meta.web_title)),
        ("Web date", _date(meta.web_date)),
    ]
    return [(label, value) for label, value in rows if value]

"""Footnotes lifted from PDF page bottoms, merged into the footnotes of the running text."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from vnreport.footnotes.notes import FootnoteIndex
from vnreport.footnotes.pdf_entries import PdfFootnote
from vnreport.model import Footnote, Sentence, Span

ExtraRef = tuple[int, int, str, str | None]
"""A marker found by the page stage (glued PDF digits): start, end, label, footnote id."""


def add_pdf_footnotes(
    text: str,
    index: FootnoteIndex,
    notes: Sequence[PdfFootnote],
    refs: Sequence[tuple[str, Span]],
    make_sentences: Callable[[str, Span], tuple[Sentence, ...]],
    prefix: str,
) -> tuple[FootnoteIndex, tuple[ExtraRef, ...]]:
    """The index with the page-bottom bodies added, and their glued markers resolved to them."""
    made: list[Footnote] = []
    used = {note.id for note in index.bodies}
    for pdf_note in notes:
        base = f"{prefix}fn{pdf_note.label}"
        note_id, k = base, 1
        while note_id in used:
            k += 1
            note_id = f"{base}-{k}"
        used.add(note_id)
        made.append(
            Footnote(
                note_id,
                pdf_note.label,
                pdf_note.span,
                text[pdf_note.text_span.start : pdf_note.text_span.end],
                pdf_note.text_span,
                make_sentences(f"{note_id}.", pdf_note.text_span),
                continued=pdf_note.continued,
            )
        )
    bodies = sorted([*index.bodies, *made], key=lambda f: f.span.start)
    by_label = dict(index.by_label)
    for note in made:
        by_label.setdefault(note.label, note.id)
    # A glued marker points at the first body with its label below it (bodies sit at the bottom
    # of the marker's page); labels may restart, so the label alone is not enough.
    extra: list[ExtraRef] = []
    for label, span in refs:
        target = next((f.id for f in made if f.label == label and f.span.start >= span.end), None)
        if target is None:
            target = next((f.id for f in reversed(made) if f.label == label), None)
        extra.append((span.start, span.end, label, target))
    extra.sort()
    return FootnoteIndex(bodies, by_label, list(index.diagnostics)), tuple(extra)

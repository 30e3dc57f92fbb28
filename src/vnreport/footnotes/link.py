"""Checks between footnotes and the tree that are not links: markers where none belong."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from vnreport.footnotes.notes import find_refs
from vnreport.model import Diagnostic, DiagnosticCode, Section, Span
from vnreport.rules.footnotes import RAISED_EXPONENT_UNIT

#: The longest number a raised marker can be (labels run to four digits, as "[1234]").
_MAX_LABEL_DIGITS = 4


def raised_numbers(text: str, raised: Sequence[Span]) -> tuple[tuple[Span, str], ...]:
    """Each raised run that is a bare number ("2" from ``<sup>2</sup>`` or a Word superscript
    run), with its label: a footnote marker if a body of that label exists. Markers the reader
    already wrote as "[n]" are read from the text."""
    out: list[tuple[Span, str]] = []
    for span in raised:
        written = text[span.start : span.end]
        if not (0 < len(written) <= _MAX_LABEL_DIGITS and written.isascii() and written.isdigit()):
            continue
        if written in ("2", "3") and RAISED_EXPONENT_UNIT.search(text, max(0, span.start - 3), span.start):
            continue
        out.append((span, str(int(written))))
    return tuple(out)


def raised_refs(
    text: str, raised: Sequence[Span], resolve: Callable[[str], str | None]
) -> tuple[tuple[int, int, str, str | None], ...]:
    """The raised numbers that cite a footnote of the document, as refs for the sentences."""
    found = ((span, label, resolve(label)) for span, label in raised_numbers(text, raised))
    return tuple((span.start, span.end, label, target) for span, label, target in found if target is not None)


def merged_refs(
    found: Sequence[tuple[int, int, str, str | None]], raised: Sequence[tuple[int, int, str, str | None]]
) -> tuple[tuple[int, int, str, str | None], ...]:
    """The markers found at the page bottoms' labels and the raised ones, in text order, each
    once: a PDF's superscript digit glued after a stop ("… chi bộ cơ sở).1") is both, and one
    marker is one reference."""
    taken = {(r[0], r[1]) for r in found}
    unique = [r for r in raised if (r[0], r[1]) not in taken]
    return tuple(sorted((*found, *unique), key=lambda r: (r[0], r[1])))


def refs_in_headings(text: str, sections: Sequence[Section], resolve: Callable[[str], str | None]) -> list[Diagnostic]:
    """A footnote marker in a heading's title: reported, not linked."""
    out: list[Diagnostic] = []
    for node in sections:
        if "[" in node.title:
            refs, _ = find_refs(text, node.title_span, resolve)
            for ref in refs:
                out.append(
                    Diagnostic(
                        DiagnosticCode.FOOTNOTE_IN_HEADING,
                        f"footnote marker [{ref.label}] inside the heading {node.title!r}",
                        ref.span,
                    )
                )
    return out

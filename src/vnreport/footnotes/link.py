"""Checks between footnotes and the tree that are not links: markers where none belong."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from vnreport.footnotes.notes import find_refs
from vnreport.model import Diagnostic, DiagnosticCode, Section


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

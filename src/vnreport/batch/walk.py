"""One walk of a document's tree gathering what every batch table reads.

The tables' rows were built through :class:`~vnreport.document.Document`'s navigation
(``nodes()``, ``sentences()``, ``claims()``, ``quantities()``, ``all_footnotes()``, ``path()``),
each call a walk of its own: about six walks a document, a third of the rows' cost in a worker.
Here one depth-first walk collects the node counts, the headed nodes with their depth and heading
path, the body sentences with the path of the sections and items around them, and the footnotes
in ``all_footnotes()`` order. The paths are those of ``Document.path`` (the same marker and title
of each enclosing section or item, outermost first), carried down the walk instead of looked up
through the id index; a footnote's sentences stand in no section (``path`` gives them none).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from attrs import define, field

from vnreport.document import Document
from vnreport.model import Footnote, Item, Section, Sentence, SubDocument


@define
class Gathered:
    """What one walk of a document found, in document order."""

    counts: Counter[str] = field(factory=Counter)
    """Body nodes by type name (sentences included), as ``Counter(type(n).__name__ for n in nodes())``."""
    headed: list[tuple[Section | Item, int, tuple[str, ...]]] = field(factory=list)
    """Each section and item, its depth (1 outermost) and its heading path ending with its own."""
    sentences: list[tuple[Sentence, tuple[str, ...]]] = field(factory=list)
    """Each body sentence and the headings of the sections and items around it."""
    notes: list[Footnote] = field(factory=list)
    """The document's footnotes, then each sub-document's (``Document.all_footnotes()``)."""


def heading(node: Section | Item) -> str:
    """A section's or item's own entry in a heading path (as ``Document.path`` writes it)."""
    if isinstance(node, Section):
        return " ".join(p for p in (node.marker.text if node.marker else "", node.title) if p)
    return node.marker.text


def gather(doc: Document) -> Gathered:
    """Walk ``doc``'s body once."""
    found = Gathered(notes=list(doc.footnotes))
    _walk(doc.body, 1, (), found)
    return found


def _walk(nodes: tuple[Any, ...], depth: int, path: tuple[str, ...], found: Gathered) -> None:
    for node in nodes:
        found.counts[type(node).__name__] += 1
        if isinstance(node, Sentence):
            found.sentences.append((node, path))
            continue
        inner_depth, inner_path = depth, path
        if isinstance(node, (Section, Item)):
            inner_path = (*path, heading(node))
            found.headed.append((node, depth, inner_path))
            inner_depth = depth + 1
        elif isinstance(node, SubDocument):
            found.notes.extend(node.footnotes)
        children = getattr(node, "children", None)
        if children:
            _walk(children, inner_depth, inner_path, found)

"""Retrieval chunks: contiguous spans of the body that never cut a sentence, each with the
heading path it stands under and the footnote bodies its sentences cite.

Chunkers that cut the flattened text lose what makes a claim checkable here: the footnote that
backs a figure and the section that says what the figure is about. A chunk carries both.

The rules, in order of precedence:

- a chunk is ``[start of its first sentence, end of its last sentence)``, widened back to the
  start of the outermost node inside its heading whose first sentence it is (so an item's marker,
  or a merged sibling's heading, stays in the text); chunks are in order and disjoint, and every
  body sentence is in exactly one;
- a section boundary (a section or bundled document starting or ending) closes a chunk, except
  that whole sibling sections merge while one side is shorter than ``min_chars`` and the merged
  chunk fits ``max_chars``;
- within a section, sentences are packed while the chunk fits ``max_chars``; a sentence longer
  than ``max_chars`` is a chunk of its own.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from attrs import frozen

from vnreport.document import Document
from vnreport.model import Footnote, Paragraph, Section, Sentence, Span, SubDocument

DEFAULT_MAX_CHARS = 2000


@frozen
class Chunk:
    """One retrieval chunk; ``text == document.text[span.start:span.end]``."""

    id: str
    span: Span
    text: str
    headings: tuple[str, ...]
    """The heading path ("marker title" of each enclosing section), outermost first."""
    footnotes: tuple[Footnote, ...]
    """The footnote bodies the chunk's sentences cite, in order of first citation."""
    pages: tuple[int, ...]
    """The source pages the chunk lies on (1-based), when the source has pages; else empty."""
    sentences: tuple[str, ...]
    """Ids of the body sentences in the chunk."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "span": [self.span.start, self.span.end],
            "text": self.text,
            "headings": list(self.headings),
            "footnotes": [{"id": n.id, "label": n.label, "text": n.text} for n in self.footnotes],
            "pages": list(self.pages),
        }


@frozen
class _Unit:
    """A body sentence with the containers (sections, documents) and nodes around it."""

    sentence: Sentence
    containers: tuple[Any, ...]
    """Enclosing sections and bundled documents, outermost first."""
    ancestors: tuple[Any, ...]
    """Every enclosing node, outermost first."""


@frozen
class _Block:
    """Consecutive sentences with the same innermost container."""

    units: tuple[_Unit, ...]
    containers: tuple[Any, ...]
    whole: bool
    """The block is its container's whole text (a leaf section read in one run)."""


def document_chunks(doc: Document, max_chars: int = DEFAULT_MAX_CHARS, min_chars: int | None = None) -> list[Chunk]:
    """The document's body as retrieval chunks (see the module's docstring for the rules)."""
    if max_chars < 1:
        raise ValueError("max_chars must be at least 1")
    small = max_chars // 4 if min_chars is None else min_chars
    units = list(_units(doc.body, (), ()))
    groups = _pack(_blocks(units), max_chars, small)
    notes = {note.id: note for note in doc.all_footnotes()}
    pages = _page_finder(doc)
    chunks: list[Chunk] = []
    previous_end = 0
    for k, (group, heading) in enumerate(groups, start=1):
        start = max(previous_end, _widened_start(group, heading))
        span = Span(start, group[-1].sentence.span.end)
        previous_end = span.end
        chunks.append(
            Chunk(
                id=f"c{k}",
                span=span,
                text=doc.text[span.start : span.end],
                headings=tuple(_heading(c) for c in heading if isinstance(c, Section)),
                footnotes=_cited(group, notes),
                pages=pages(span),
                sentences=tuple(u.sentence.id for u in group),
            )
        )
    return chunks


def _units(nodes: Sequence[Any], containers: tuple[Any, ...], ancestors: tuple[Any, ...]) -> Iterator[_Unit]:
    for node in nodes:
        if isinstance(node, Sentence):
            yield _Unit(node, containers, ancestors)
            continue
        children = getattr(node, "children", ())
        if not children:
            continue
        inner = (*containers, node) if isinstance(node, (Section, SubDocument)) else containers
        yield from _units(children, inner, (*ancestors, node))


def _blocks(units: list[_Unit]) -> list[_Block]:
    runs: list[list[_Unit]] = []
    for unit in units:
        if runs and runs[-1][0].containers == unit.containers:
            runs[-1].append(unit)
        else:
            runs.append([unit])
    # A container is read whole in one block when no other block lies inside or around it.
    seen: dict[tuple[str, ...], int] = {}
    for run in runs:
        for depth in range(len(run[0].containers) + 1):
            key = _key(run[0].containers[:depth])
            seen[key] = seen.get(key, 0) + 1
    return [_Block(tuple(run), run[0].containers, seen[_key(run[0].containers)] == 1) for run in runs]


def _key(containers: tuple[Any, ...]) -> tuple[str, ...]:
    return tuple(c.id for c in containers)


def _pack(blocks: list[_Block], max_chars: int, small: int) -> list[tuple[list[_Unit], tuple[Any, ...]]]:
    """Groups of sentences, each with the containers its headings come from."""
    groups: list[tuple[list[_Unit], tuple[Any, ...]]] = []
    merging = False  # the last group holds only whole sibling sections
    for block in blocks:
        if merging and block.whole and _joins(groups[-1], block, max_chars, small):
            units, _ = groups[-1]
            groups[-1] = ([*units, *block.units], block.containers[:-1])
            continue
        merging = False
        current: list[_Unit] = []
        for unit in block.units:
            if current and _length(current, block.containers, unit) > max_chars:
                groups.append((current, block.containers))
                current = []
            current.append(unit)
            if len(unit.sentence.span) > max_chars:
                groups.append((current, block.containers))
                current = []
        if current:
            groups.append((current, block.containers))
            merging = block.whole and len(current) == len(block.units) and bool(block.containers)
    return groups


def _joins(group: tuple[list[_Unit], tuple[Any, ...]], block: _Block, max_chars: int, small: int) -> bool:
    """Whether a whole sibling section joins the chunk of whole sibling sections before it."""
    units, heading = group
    parent = block.containers[:-1]
    if _key(heading) not in (_key(parent), _key(units[0].containers)):
        return False
    if _key(units[0].containers[:-1]) != _key(parent):
        return False
    before = _length(units, heading, units[-1])
    after = _length(list(block.units), block.containers, block.units[-1])
    return (before < small or after < small) and _length(units, parent, block.units[-1]) <= max_chars


def _length(group: list[_Unit], heading: tuple[Any, ...], last: _Unit) -> int:
    """The length of the chunk of ``group`` under ``heading`` once it runs to ``last``."""
    return last.sentence.span.end - _widened_start(group, heading)


def _widened_start(group: list[_Unit], heading: tuple[Any, ...]) -> int:
    """The start of the outermost node inside the chunk's heading that opens with the chunk's
    first sentence (its item marker, or a merged section's heading), else the sentence's."""
    first = group[0]
    inside = first.ancestors[len(_ancestor_prefix(first, heading)) :]
    for node in inside:
        if _first_sentence(node) is first.sentence:
            return int(node.span.start)
    return first.sentence.span.start


def _ancestor_prefix(unit: _Unit, heading: tuple[Any, ...]) -> tuple[Any, ...]:
    if not heading:
        return ()
    last = heading[-1]
    for i, node in enumerate(unit.ancestors):
        if node is last:
            return unit.ancestors[: i + 1]
    return unit.ancestors


def _first_sentence(node: Any) -> Sentence | None:
    for child in getattr(node, "children", ()):
        if isinstance(child, Sentence):
            return child
        if isinstance(child, (Paragraph, Section, SubDocument)) or hasattr(child, "children"):
            found = _first_sentence(child)
            if found is not None:
                return found
    return None


def _heading(section: Section) -> str:
    marker = " ".join(section.marker.text.split()) if section.marker else ""
    return " ".join(part for part in (marker, " ".join(section.title.split())) if part)


def _cited(group: list[_Unit], notes: dict[str, Footnote]) -> tuple[Footnote, ...]:
    cited: dict[str, Footnote] = {}
    for unit in group:
        for ref in unit.sentence.footnote_refs:
            note = notes.get(ref.footnote) if ref.footnote else None
            if note is not None:
                cited.setdefault(note.id, note)
    return tuple(cited.values())


def _page_finder(doc: Document) -> Any:
    """How to tell a span's pages: the source's page boxes when the reader kept them (PDF), else
    the form feeds of a text extracted from pages, else no pages."""
    if doc.page_layout is not None or type(doc).page_boxes is not Document.page_boxes:
        return lambda span: _box_pages(doc.page_boxes(span))
    return doc.pages


def _box_pages(boxes: Any) -> tuple[int, ...]:
    """Page numbers from whatever page boxes are: numbers, objects with ``page``, or tuples
    whose first member is the page."""
    found: set[int] = set()
    for box in boxes or ():
        page = box if isinstance(box, int) else getattr(box, "page", None)
        if page is None and isinstance(box, (tuple, list)) and box:
            page = box[0]
        if isinstance(page, int):
            found.add(page)
    return tuple(sorted(found))

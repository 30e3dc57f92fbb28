"""The parsed document and its query API."""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from attrs import field, frozen

from vnreport.lines.split import Line
from vnreport.model import (
    Comparison,
    Diagnostic,
    Evidence,
    Footnote,
    Furniture,
    Item,
    Metadata,
    Node,
    Paragraph,
    Quantity,
    Section,
    Sentence,
    Span,
    SubDocument,
    Target,
    iter_nodes,
)
from vnreport.provenance import PageBox, PdfLayout
from vnreport.text.offsets import OffsetMap
from vnreport.text.reading import NormalizedText

if TYPE_CHECKING:
    import pandas

    from vnreport.serialize.chunks import Chunk

SCHEMA_VERSION = "1.0"


@frozen
class Claim:
    """A sentence that cites footnotes, with the footnotes that are its evidence."""

    sentence: Sentence
    evidence: tuple[Footnote, ...]
    section_path: tuple[str, ...]
    """Markers and titles of the enclosing sections and items, outermost first."""
    check: Evidence | None = None
    """Which of the sentence's figures the cited footnotes back (when quantities are read)."""

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def span(self) -> Span:
        return self.sentence.span


@frozen
class Document:
    """A parsed document. ``text[node.span.start:node.span.end]`` is what every node says."""

    text: str
    body: tuple[Node, ...] = field()
    footnotes: tuple[Footnote, ...] = field(default=())
    metadata: Metadata = field(factory=Metadata)
    diagnostics: tuple[Diagnostic, ...] = field(default=())
    furniture: tuple[Furniture, ...] = field(default=())
    _targets: tuple[Target, ...] = field(default=(), alias="targets")
    evidence: tuple[Evidence, ...] = field(default=())
    lines: Sequence[Line] = field(default=(), eq=False, repr=False)
    """The lines of :attr:`text` (a parse keeps them as a compact :class:`~vnreport.lines.table.LineTable`)."""
    to_raw: OffsetMap | None = field(default=None, eq=False, repr=False)
    """Maps offsets of :attr:`text` to the decoded input (or to the HTML/DOCX source)."""
    source: NormalizedText | None = field(default=None, eq=False, repr=False)
    """The decoded input and its maps (byte offsets are computed from it on demand)."""
    encoding: str | None = field(default=None, eq=False)
    stored_bytes: OffsetMap | None = field(default=None, eq=False, repr=False)
    """The byte map of a document read back from JSON (one parsed from bytes computes it from
    :attr:`source`)."""
    source_format: str = field(default="text", eq=False)
    page_layout: PdfLayout | None = field(default=None, eq=False, repr=False)
    """Where each line stands on its page (a PDF read directly; None for other sources)."""
    _index: dict[str, Any] = field(init=False, factory=dict, eq=False, repr=False)

    # -- navigation ---------------------------------------------------------------------------

    def nodes(self) -> Iterator[Any]:
        """Every body node, depth first, in document order (sentences included)."""
        return iter_nodes(self.body)

    def sentences(self) -> Iterator[Sentence]:
        for node in self.nodes():
            if isinstance(node, Sentence):
                yield node

    def all_footnotes(self) -> tuple[Footnote, ...]:
        notes = list(self.footnotes)
        for node in self.nodes():
            if isinstance(node, SubDocument):
                notes.extend(node.footnotes)
        return tuple(notes)

    def node(self, node_id: str) -> Any:
        """The node (section, item, paragraph, sentence, footnote…) with this id, or None."""
        by_id = self._lookup("by_id")
        return by_id.get(node_id)

    def footnote(self, label: str) -> Footnote | None:
        """The footnote labelled ``label`` ("14"), or None."""
        for note in self.all_footnotes():
            if note.label == str(label):
                return note
        return None

    def path(self, node_id: str) -> tuple[str, ...]:
        """Marker and title of each section or item enclosing ``node_id``, outermost first."""
        parents: dict[str, str | None] = self._lookup("parents")
        out: list[str] = []
        current = parents.get(node_id)
        by_id = self._lookup("by_id")
        while current is not None:
            node = by_id[current]
            if isinstance(node, Section):
                out.append(" ".join(p for p in (node.marker.text if node.marker else "", node.title) if p))
            elif isinstance(node, Item):
                out.append(node.marker.text)
            current = parents.get(current)
        return tuple(reversed(out))

    def claims(self) -> Iterator[Claim]:
        """Sentences that cite footnotes, each with ``.evidence`` (the cited footnotes)."""
        notes = {note.id: note for note in self.all_footnotes()}
        checks = {e.sentence: e for e in self.evidence}
        for sentence in self.sentences():
            if not sentence.footnote_refs:
                continue
            cited: list[Footnote] = []
            for ref in sentence.footnote_refs:
                note = notes.get(ref.footnote) if ref.footnote else None
                if note is not None and note not in cited:
                    cited.append(note)
            yield Claim(sentence, tuple(cited), self.path(sentence.id), checks.get(sentence.id))

    def quantities(self) -> Iterator[tuple[Sentence, Quantity]]:
        """Every figure with the sentence it stands in (body first, then footnotes)."""
        for sentence in self._all_sentences():
            for quantity in sentence.quantities:
                yield sentence, quantity

    def targets(self) -> tuple[Target, ...]:
        """The items of every "Chỉ tiêu …" list read as targets."""
        return self._targets

    def comparisons(self) -> Iterator[tuple[Sentence, Comparison]]:
        for sentence in self._all_sentences():
            for comparison in sentence.comparisons:
                yield sentence, comparison

    def _all_sentences(self) -> Iterator[Sentence]:
        yield from self.sentences()
        for note in self.all_footnotes():
            yield from note.sentences

    # -- offsets ------------------------------------------------------------------------------

    def raw_span(self, span: Span) -> Span:
        """``span`` in offsets of the decoded input (or of the HTML source for HTML input)."""
        return self.to_raw.map_span(span) if self.to_raw is not None else span

    def byte_span(self, span: Span) -> Span | None:
        """``span`` in byte offsets of the input file, when bytes were given."""
        byte_map = self.bytes_map()
        return byte_map.map_span(span) if byte_map is not None else None

    def bytes_map(self) -> OffsetMap | None:
        """Offsets of :attr:`text` to byte offsets of the input; None when a str was parsed."""
        if "bytes" not in self._index:
            if self.stored_bytes is not None:
                self._index["bytes"] = self.stored_bytes
            else:
                self._index["bytes"] = self.source.byte_map() if self.source is not None else None
        byte_map: OffsetMap | None = self._index["bytes"]
        return byte_map

    def page_boxes(self, span: Span) -> list[PageBox]:
        """The page and box of every line ``span`` touches: ``[(page, x0, y0, x1, y1), …]`` in
        PDF points from the page's top left; empty for a source without pages (text, HTML, DOCX)."""
        return self.page_layout.boxes(span) if self.page_layout is not None else []

    def pages(self, span: Span) -> tuple[int, ...]:
        """The pages (numbered from 1) that ``span`` touches: from the page boxes of a PDF read
        directly, else from the page breaks of the text (its form feeds, or the breaks a Word or
        HTML source states: ``page-break`` furniture); empty for a source without pages."""
        if self.page_layout is not None:
            return tuple(sorted({box[0] for box in self.page_layout.boxes(span)}))
        if "page_breaks" not in self._index:
            from vnreport.serialize.pages import page_breaks

            self._index["page_breaks"] = page_breaks(self)
        breaks: list[int] = self._index["page_breaks"]
        if not breaks:
            return ()
        first = bisect.bisect_right(breaks, span.start) + 1
        last = bisect.bisect_right(breaks, max(span.start, span.end - 1)) + 1
        return tuple(range(first, last + 1))

    # -- output -------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        from vnreport.serialize.json import document_to_dict

        return document_to_dict(self)

    def to_json(self, indent: int | None = None) -> str:
        from vnreport.serialize.json import document_to_json

        return document_to_json(self, indent=indent)

    def to_xml(self) -> str:
        """Akoma Ntoso 3.0 XML, valid against the OASIS schema; the parse itself under ``meta/proprietary``."""
        from vnreport.serialize.xml import document_to_xml

        return document_to_xml(self)

    def to_markdown(self) -> str:
        """CommonMark with GFM footnotes and tables: metadata, headings, lists, footnotes."""
        from vnreport.serialize.markdown import document_to_markdown

        return document_to_markdown(self)

    def to_html(self) -> str:
        """One self-contained HTML page to read the document in a browser (works offline)."""
        from vnreport.serialize.html_view import document_to_html

        return document_to_html(self)

    def outline(self) -> str:
        from vnreport.serialize.outline import document_outline

        return document_outline(self)

    def chunks(self, max_chars: int = 2000, min_chars: int | None = None) -> list[Chunk]:
        """The body as retrieval chunks: whole sentences, within sections, with their heading
        path, the footnotes they cite and their pages (see :mod:`vnreport.serialize.chunks`)."""
        from vnreport.serialize.chunks import document_chunks

        return document_chunks(self, max_chars=max_chars, min_chars=min_chars)

    def to_frame(self) -> pandas.DataFrame:
        """One row per figure (needs the ``frame`` extra: ``pip install vnreport[frame]``)."""
        from vnreport.serialize.table import indicators_frame

        return indicators_frame(self)

    # -- internals ----------------------------------------------------------------------------

    def _lookup(self, name: str) -> Any:
        if name not in self._index:
            by_id: dict[str, Any] = {}
            parents: dict[str, str | None] = {}

            def walk(nodes: tuple[Any, ...], parent: str | None) -> None:
                for node in nodes:
                    node_id = getattr(node, "id", None)
                    if node_id is None:
                        continue
                    by_id[node_id] = node
                    parents[node_id] = parent
                    if isinstance(node, Paragraph):
                        for sentence in node.children:
                            by_id[sentence.id] = sentence
                            parents[sentence.id] = node_id
                    elif hasattr(node, "children"):
                        walk(node.children, node_id)

            walk(self.body, None)
            for note in self.all_footnotes():
                by_id[note.id] = note
                for sentence in note.sentences:
                    by_id[sentence.id] = sentence
                    parents[sentence.id] = None
            self._index["by_id"] = by_id
            self._index["parents"] = parents
        return self._index[name]

"""The stages every document of a file goes through, listed once and run in order.

The file-level table (:data:`vnreport.pipeline.STAGES`) finds the documents of a file (its
``bundles`` stage); its ``parts`` stage hands each one, as a :class:`PartState`, to
:data:`PART_STAGES` here. Each stage is a function of the state that returns a new frozen state,
so that any one can be run, timed and tested alone (:func:`run_part_stages` with ``until=``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

import attrs
from attrs import frozen

from vnreport.figures import check_evidence, read_target
from vnreport.footnotes import notes as fn
from vnreport.footnotes.link import merged_refs, raised_numbers, raised_refs, refs_in_headings
from vnreport.footnotes.pdf import ExtraRef, add_pdf_footnotes
from vnreport.layout import pages
from vnreport.layout.furniture import FurnitureResult, read_furniture
from vnreport.layout.tables import KIND_SOURCE, TableBlock, table_factory
from vnreport.limits import check_time
from vnreport.lines.classify import ClassifiedLine
from vnreport.lines.match_view import Readable
from vnreport.model import (
    Diagnostic,
    Evidence,
    Footnote,
    Furniture,
    Item,
    MarkerStyle,
    Metadata,
    Node,
    Section,
    Sentence,
    Span,
    Target,
    iter_nodes,
)
from vnreport.rules.figures import TARGET_LIST
from vnreport.sentences.maker import SentenceMaker, bare_paragraph
from vnreport.tree.builder import TreeBuilder
from vnreport.tree.paragraphs import group_lines, is_hard_wrapped
from vnreport.tree.soft_wrap import soft_wrapped_groups
from vnreport.tree.stated import set_apart_lines

if TYPE_CHECKING:
    from vnreport.pipeline import ParseOptions


@frozen
class Part:
    """One document of the file: its furniture, body and footnotes."""

    span: Span
    metadata: Metadata
    furniture: tuple[Furniture, ...]
    body: tuple[Node, ...]
    footnotes: tuple[Footnote, ...]
    diagnostics: tuple[Diagnostic, ...]
    targets: tuple[Target, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    structured: bool = False
    """Whether any heading or numbered item was recognized."""
    id: str = ""
    """The document's id in a file of several ("d2"), the prefix of its nodes' ids."""


@frozen
class PartState:
    """What the per-document stages know so far; each stage returns a new one.

    The first block is the input, handed over by the file-level stages (line indices are the
    document's own); the rest is filled stage by stage.
    """

    text: str
    match: Readable
    classified: tuple[ClassifiedLine, ...]
    options: ParseOptions
    prefix: str = ""
    """Id prefix of this document's nodes and footnotes ("d2." in a bundle)."""
    page_skip: frozenset[int] = frozenset()
    """Lines the pages stage took out of the running text (page furniture, PDF footnote bodies)."""
    pdf_notes: tuple[pages.PdfFootnote, ...] = ()
    pdf_refs: tuple[tuple[str, Span], ...] = ()
    tables: tuple[TableBlock, ...] = ()
    levels: tuple[tuple[int, int], ...] = ()
    """``(line, level)``: the heading level the source states for a line (see :mod:`vnreport.hints`)."""
    list_depths: tuple[tuple[int, int], ...] = ()
    """``(line, depth)``: the line opens an entry of the source's own lists at that depth."""
    raised: tuple[Span, ...] = ()
    """Text the source raises (superscripts, footnote markers), in this document's range."""
    body_starts: tuple[int, ...] = ()
    """Lines opening a footnote body the source holds as such (Word's footnotes, ``<div id=ftn1>``)."""
    bold: tuple[int, ...] = ()
    """One-line paragraphs the source sets wholly in bold (none where it has heading styles)."""
    centred: tuple[int, ...] = ()
    """Lines the source centres."""
    italic: tuple[int, ...] = ()
    """Lines the source sets in italics."""
    shown: str = ""
    """The file's text as the source displays it, capitals where it shows capitals ("": the text)."""

    block: fn.BodyBlock | None = None
    span: Span | None = None
    """The document's span, kept by :func:`grow_tree` when it lets the lines go."""
    furniture: FurnitureResult | None = None
    index: fn.FootnoteIndex = attrs.field(factory=fn.FootnoteIndex, eq=False)
    extra_refs: tuple[ExtraRef, ...] = ()
    bare_body: tuple[Node, ...] = ()
    sections: tuple[Section, ...] = ()
    structured: bool = False
    body: tuple[Node, ...] = ()
    body_sentences: tuple[Sentence, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    targets: tuple[Target, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def figures(self) -> bool:
        return self.options.quantities and self.options.sentences

    def reading(self) -> FurnitureResult:
        assert self.furniture is not None, "the furniture stage runs first"
        return self.furniture

    def noted(self, *found: Sequence[Diagnostic]) -> tuple[Diagnostic, ...]:
        return (*self.diagnostics, *(d for group in found for d in group))


PartStage = Callable[[PartState], PartState]


def _stage_furniture(state: PartState) -> PartState:
    """Where the "[n]" footnote bodies start, and the furniture of the lines above them."""
    if state.body_starts:
        # The source says where its footnotes are: they close the document.
        block: fn.BodyBlock | None = fn.BodyBlock(min(state.body_starts), len(state.classified))
    else:
        raised = tuple((span.start, label) for span, label in raised_numbers(state.text, state.raised))
        block = fn.find_body_block(state.text, state.classified, 0, raised)
    limit = block.start if block is not None else len(state.classified)
    furniture = read_furniture(
        state.text, state.classified, limit, frozenset(state.centred), frozenset(state.italic), state.shown or None
    )
    return attrs.evolve(state, block=block, furniture=furniture, diagnostics=state.noted(furniture.diagnostics))


def _stage_footnote_bodies(state: PartState) -> PartState:
    """The "[1]- …" bodies, then the PDF bodies the pages stage found at the page bottoms."""
    # Footnote bodies are split into sentences without markers: they need no footnote index.
    maker = SentenceMaker(state.text, state.options)
    skip = state.reading().skip
    index = fn.FootnoteIndex()
    if state.block is not None:
        index = fn.read_bodies(state.text, state.classified, state.block, maker.footnote_sentences, skip, state.prefix)
    found = list(index.diagnostics)
    extra_refs: tuple[ExtraRef, ...] = ()
    if state.pdf_notes:
        index, extra_refs = add_pdf_footnotes(
            state.text, index, state.pdf_notes, state.pdf_refs, maker.footnote_sentences, state.prefix
        )
    return attrs.evolve(state, index=index, extra_refs=extra_refs, diagnostics=state.noted(found, maker.diagnostics))


def _stage_tree(state: PartState) -> PartState:
    """The body lines as sections, items, paragraphs (without sentences yet) and tables."""
    furniture = state.reading()
    body_lines = state.classified[furniture.body_start : furniture.body_end]
    shift = furniture.body_start
    body_skip = frozenset(i - shift for i in furniture.skip | state.page_skip if i >= shift)
    body_tables = [
        attrs.evolve(b, start=b.start - shift, end=b.end - shift)
        for b in state.tables
        if furniture.body_start <= b.start and b.end <= furniture.body_end
    ]
    builder = TreeBuilder(
        state.text,
        partial(bare_paragraph, state.text),
        make_table=table_factory(state.text, body_lines, body_tables) if body_tables else None,
        match_text=state.match,
    )
    table_starts = frozenset(b.start for b in body_tables)
    rows = frozenset(i for b in body_tables if b.kind == KIND_SOURCE for i in range(b.start, b.end))
    # Furniture inside the body (a header under a form's heading, a signature) is not its text.
    hard_wrapped = is_hard_wrapped([cl for k, cl in enumerate(body_lines) if k not in body_skip])
    barriers = table_starts | frozenset(i - shift for i in furniture.form_header)
    if hard_wrapped:
        groups = group_lines(state.match, body_lines, body_skip, barriers, rows)
    else:
        groups = soft_wrapped_groups(state.match, body_lines, body_skip, barriers, rows)
    in_body = range(furniture.body_start, furniture.body_end)
    levels = {i - shift: level for i, level in state.levels if i in in_body}
    list_depths = {i - shift: depth for i, depth in state.list_depths if i in in_body}
    builder.build(
        body_lines,
        paragraphs=groups,
        skip=body_skip,
        tables=[(b.start, b.end) for b in body_tables],
        levels=levels,
        list_depths=list_depths,
        set_apart=set_apart_lines(state.match, body_lines, [i - shift for i in state.bold if i >= shift]),
        back_matter=_back_matter(furniture),
    )
    bare_body = builder.finish(state.prefix)
    return attrs.evolve(
        state,
        bare_body=bare_body,
        sections=tuple(builder.sections),
        structured=bool(builder.sections) or builder.items > 0,
        diagnostics=state.noted(builder.diagnostics),
    )


def _back_matter(furniture: FurnitureResult) -> int | None:
    """The body position right after a closing block the body holds (a form's notes or an
    appendix follow the signature), if any."""
    closing = furniture.closing
    if closing is None or not (furniture.body_start <= closing[0] and closing[1] < furniture.body_end):
        return None
    return closing[1] - furniture.body_start


def _stage_sentences(state: PartState) -> PartState:
    """Every paragraph of the tree, in document order, gets its sentences, markers and figures,
    and every heading the figures of its title."""
    refs = state.extra_refs
    if state.raised:
        refs = merged_refs(refs, raised_refs(state.text, state.raised, state.index.resolve))
    maker = SentenceMaker(state.text, state.options, resolve=state.index.resolve, extra_refs=refs)
    body = maker.fill(state.bare_body)
    in_headings = refs_in_headings(state.text, state.sections, state.index.resolve)
    return attrs.evolve(
        state,
        body=body,
        body_sentences=tuple(maker.body_sentences),
        diagnostics=state.noted(maker.diagnostics, in_headings),
    )


def _stage_links(state: PartState) -> PartState:
    notes, found = fn.link(state.index.bodies, state.body_sentences)
    return attrs.evolve(state, footnotes=tuple(notes), diagnostics=state.noted(found))


def _stage_targets(state: PartState) -> PartState:
    if not state.figures:
        return attrs.evolve(state)
    sections = [n for n in iter_nodes(state.body) if isinstance(n, Section)]
    return attrs.evolve(state, targets=read_targets(state.text, sections))


def _stage_evidence(state: PartState) -> PartState:
    if not state.figures:
        return attrs.evolve(state)
    return attrs.evolve(state, evidence=read_evidence(state.text, state.body_sentences, state.footnotes))


#: The per-document stages, in the order they run.
PART_STAGES: tuple[tuple[str, PartStage], ...] = (
    ("furniture", _stage_furniture),
    ("footnote_bodies", _stage_footnote_bodies),
    ("tree", _stage_tree),
    ("sentences", _stage_sentences),
    ("links", _stage_links),
    ("targets", _stage_targets),
    ("evidence", _stage_evidence),
)


def run_part_stages(state: PartState, until: str | None = None, after: str | None = None) -> PartState:
    """Run :data:`PART_STAGES` in order; ``until`` stops after the stage of that name, and
    ``after`` starts with the stage that follows the one of that name."""
    names = [name for name, _ in PART_STAGES]
    for name in (until, after):
        if name is not None and name not in names:
            raise ValueError(f"no document stage named {name!r}; the stages are {', '.join(names)}")
    first = names.index(after) + 1 if after is not None else 0
    for name, stage in PART_STAGES[first:]:
        check_time()
        state = stage(state)
        if name == until:
            break
    return state


def grow_tree(state: PartState) -> PartState:
    """The document's stages up to its tree (:func:`finish_part` runs the rest).

    No stage after the tree reads the document's lines or its match text, so the state that
    goes on lets them go: with the file's own (:data:`vnreport.pipeline.RELEASED_AFTER`), they
    are not held while the sentences, the most numerous objects of a parse, are made.
    """
    done = run_part_stages(state, until="tree")
    return attrs.evolve(done, span=_lines_span(done.classified), classified=(), match="")


def finish_part(tree: PartState) -> Part:
    """A document grown to its tree (:func:`grow_tree`) through the stages after it, as a :class:`Part`."""
    done = run_part_stages(tree, after="tree")
    furniture = done.reading()
    return Part(
        done.span if done.span is not None else _lines_span(done.classified),
        furniture.metadata,
        furniture.furniture,
        done.body,
        done.footnotes,
        done.diagnostics,
        done.targets,
        done.evidence,
        done.structured,
    )


def parse_part(state: PartState) -> Part:
    """One document of the file through every stage, as a :class:`Part`."""
    return finish_part(grow_tree(state))


def _lines_span(classified: Sequence[ClassifiedLine]) -> Span:
    return Span(classified[0].start, classified[-1].end) if classified else Span(0, 0)


_TARGET_STYLES = frozenset(
    {MarkerStyle.PAREN, MarkerStyle.ARABIC, MarkerStyle.LETTER, MarkerStyle.DASH, MarkerStyle.PLUS}
)


def read_targets(text: str, sections: Sequence[Section]) -> tuple[Target, ...]:
    """The items of every "Chỉ tiêu …" list as targets."""
    out: list[Target] = []
    for node in sorted(sections, key=lambda s: s.span.start):
        if not TARGET_LIST.search(node.title):
            continue
        for child in node.children:
            if isinstance(child, Section) and not child.children:
                continue
            for item in (
                [child]
                if isinstance(child, Item)
                else [c for c in getattr(child, "children", ()) if isinstance(c, Item)]
            ):
                if item.marker.style not in _TARGET_STYLES:
                    continue
                figures = [q for n in iter_nodes(item.children) if isinstance(n, Sentence) for q in n.quantities]
                out.append(read_target(text, item.id, item.label, item.span, figures))
    return tuple(out)


def read_evidence(text: str, sentences: Sequence[Sentence], notes: Sequence[Footnote]) -> tuple[Evidence, ...]:
    """For every sentence that cites footnotes, which of its figures they back."""
    by_id = {note.id: note for note in notes}
    out: list[Evidence] = []
    for sentence in sentences:
        if not sentence.footnote_refs:
            continue
        cited = [by_id[r.footnote] for r in sentence.footnote_refs if r.footnote in by_id]
        if cited:
            out.append(check_evidence(text, sentence, cited, read_missing=False))
    return tuple(out)

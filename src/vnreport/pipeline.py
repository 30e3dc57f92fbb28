"""The stages, listed once and run in order.

``read → split_lines → classify_line × n → find footnote block → read furniture →
read footnote bodies → build tree (paragraphs → sentences → refs) → link footnotes``

Every stage is a function of its inputs; the objects that cross between them are frozen and
carry spans into the one normalized text.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

import attrs
from attrs import frozen

from vnreport.document import Document
from vnreport.errors import UnreadableInputError
from vnreport.figures import check_evidence, find_comparisons, find_quantities, read_target
from vnreport.footnotes import notes as fn
from vnreport.footnotes.link import refs_in_headings
from vnreport.footnotes.pdf import add_pdf_footnotes
from vnreport.layout import pages
from vnreport.layout.bundles import find_segments
from vnreport.layout.furniture import read_furniture
from vnreport.layout.tables import TableBlock, find_tables, table_factory
from vnreport.lines import markup, quality
from vnreport.lines.classify import ClassifiedLine, Role, classify_line
from vnreport.lines.split import split_lines
from vnreport.model import (
    Comparison,
    Diagnostic,
    DiagnosticCode,
    Evidence,
    Footnote,
    FootnoteRef,
    Furniture,
    Item,
    MarkerStyle,
    Metadata,
    Node,
    Paragraph,
    Quantity,
    Section,
    Sentence,
    Severity,
    Span,
    SubDocument,
    Target,
    iter_nodes,
)
from vnreport.rules.figures import TARGET_LIST
from vnreport.rules.markers import MARKER_RULES, MarkerRule
from vnreport.sentences.split import split_paragraph
from vnreport.text.reading import NormalizedText, read
from vnreport.tree.builder import TreeBuilder
from vnreport.tree.paragraphs import group_lines, is_hard_wrapped

SentenceSplitter = Callable[[str, Span], list[Span]]
"""``(text, paragraph span) -> sentence spans``; the default wraps underthesea."""


@frozen
class ParseOptions:
    """What the parser does; customise with ``attrs.evolve(DEFAULT_OPTIONS, …)``."""

    marker_rules: tuple[MarkerRule, ...] = MARKER_RULES
    split_sentences: SentenceSplitter = split_paragraph
    sentences: bool = True
    """Split paragraphs into sentences (and find footnote markers in them)."""
    quantities: bool = True
    """Read figures, comparisons and targets in sentences (needs ``sentences``)."""


DEFAULT_OPTIONS = ParseOptions()


def parse(source: str | bytes, options: ParseOptions = DEFAULT_OPTIONS) -> Document:
    """Parse a document given as text or bytes.

    Args:
        source: the document, as ``str`` or as bytes in UTF-8 (BOM or not) or UTF-16 (BOM).
        options: rule tables and injectable stages.

    Returns:
        The :class:`Document`. Odd input yields diagnostics, never an exception.

    Raises:
        UnreadableInputError: binary data or an unreadable encoding.

    >>> doc = parse("I- BỐI CẢNH\\n1- Thuận lợi\\nHuyện có nhiều lợi thế.")
    >>> [s.title for s in doc.body]
    ['BỐI CẢNH']
    """
    normalized = read(source)
    return parse_normalized(normalized, options)


def parse_file(path: str | Path, options: ParseOptions = DEFAULT_OPTIONS) -> Document:
    """Parse a file: plain text (any supported encoding), ``.html``/``.htm`` or ``.docx``."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError as exc:
        raise UnreadableInputError(f"no such file: {p}") from exc
    except IsADirectoryError as exc:
        raise UnreadableInputError(f"{p} is a folder, not a file") from exc
    except OSError as exc:
        raise UnreadableInputError(f"cannot read {p}: {exc.strerror or exc}") from exc
    suffix = p.suffix.lower()
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if suffix == ".docx" or data.startswith(b"PK\x03\x04"):
        from vnreport.sources.docx import parse_docx

        return parse_docx(data, options)
    if suffix in (".html", ".htm", ".xhtml") or head.startswith((b"<html", b"<!doctype html")):
        from vnreport.sources.html import parse_html

        return parse_html(data, options)
    return parse(data, options)


def parse_normalized(normalized: NormalizedText, options: ParseOptions = DEFAULT_OPTIONS) -> Document:
    """Parse an already normalized text (the entry point of the HTML and DOCX readers)."""
    text = normalized.text
    lines = split_lines(text)
    glued = markup.glued_rules(text, lines)
    match, is_markdown = markup.match_text(text, glued)
    if is_markdown:
        lines = markup.split_glued_items(text, lines)
    rules = options.marker_rules
    source = text if match is not text else None
    classified = tuple(classify_line(match, line, rules, source) for line in lines)
    diagnostics: list[Diagnostic] = list(normalized.diagnostics)
    diagnostics.extend(quality.assess(text, lines))

    layout = pages.analyze_pages(text, classified)
    diagnostics.extend(layout.diagnostics)
    if layout.skip:
        # Page furniture and PDF footnote bodies leave the running text: later stages see blanks.
        classified = tuple(
            ClassifiedLine(cl.line, Role.BLANK) if i in layout.skip else cl for i, cl in enumerate(classified)
        )
    blocks = [b for b in find_tables(text, classified) if not b.layout]
    segments = find_segments(match, classified)
    parts = []
    for k, (start, end) in enumerate(segments, start=1):
        seg_start = classified[start].line.span.start if start < len(classified) else len(text)
        seg_end = classified[end - 1].line.span.end if end > start else seg_start
        parts.append(
            _parse_part(
                text,
                match,
                classified[start:end],
                options,
                prefix=f"d{k}." if len(segments) > 1 else "",
                page_skip=frozenset(i - start for i in layout.skip if start <= i < end),
                pdf_notes=[
                    f
                    for f in layout.footnotes
                    if seg_start <= f.span.start < seg_end or (start == 0 and f.span.start < seg_end)
                ],
                pdf_refs=[r for r in layout.refs if seg_start <= r[1].start < seg_end],
                tables=[
                    attrs.evolve(b, start=b.start - start, end=b.end - start)
                    for b in blocks
                    if start <= b.start and b.end <= end
                ],
            )
        )
    separators = tuple(Furniture("separator", s, text[s.start : s.end]) for s in markup.separator_spans(glued))
    if len(parts) == 1:
        part = parts[0]
        body: tuple[Node, ...] = part.body
        metadata, notes = part.metadata, part.footnotes
        furniture = _merge_furniture(part.furniture, layout.furniture, separators)
    else:
        body = tuple(
            SubDocument(f"d{k}", part.span, part.metadata, part.body, part.footnotes, part.furniture)
            for k, part in enumerate(parts, start=1)
        )
        main = max(parts, key=lambda p: p.span.end - p.span.start)
        # Each document keeps its own furniture; the file's pages and separators stay on top.
        metadata, notes = main.metadata, ()
        furniture = _merge_furniture(layout.furniture, separators)
    for part in parts:
        diagnostics.extend(part.diagnostics)

    if text.strip() and not any(part.structured for part in parts):
        diagnostics.append(
            Diagnostic(
                DiagnosticCode.NO_STRUCTURE,
                "no headings or numbered items were recognized: the body is a run of paragraphs",
                Span(0, len(text)),
                Severity.INFO,
            )
        )
    diagnostics.sort(key=lambda d: (d.span.start, d.span.end, d.code.value))
    return Document(
        text=text,
        body=body,
        footnotes=notes,
        metadata=metadata,
        diagnostics=tuple(diagnostics),
        furniture=furniture,
        targets=tuple(t for part in parts for t in part.targets),
        evidence=tuple(e for part in parts for e in part.evidence),
        lines=lines,
        to_raw=normalized.to_raw,
        source=normalized,
        encoding=normalized.encoding,
    )


_TARGET_STYLES = frozenset(
    {MarkerStyle.PAREN, MarkerStyle.ARABIC, MarkerStyle.LETTER, MarkerStyle.DASH, MarkerStyle.PLUS}
)


def _merge_furniture(*groups: Sequence[Furniture]) -> tuple[Furniture, ...]:
    """All furniture in text order; a line both stages recognized (a page number) once."""
    seen: dict[tuple[int, int], Furniture] = {}
    for group in groups:
        for piece in group:
            seen.setdefault((piece.span.start, piece.span.end), piece)
    return tuple(sorted(seen.values(), key=lambda f: (f.span.start, f.span.end)))


@frozen
class _Part:
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


def _parse_part(
    text: str,
    match: str,
    classified: Sequence[ClassifiedLine],
    options: ParseOptions,
    prefix: str,
    page_skip: frozenset[int] = frozenset(),
    pdf_notes: Sequence[pages.PdfFootnote] = (),
    pdf_refs: Sequence[tuple[str, Span]] = (),
    tables: Sequence[TableBlock] = (),
) -> _Part:
    diagnostics: list[Diagnostic] = []
    block = fn.find_body_block(text, classified, 0)
    limit = block.start if block is not None else len(classified)
    furniture = read_furniture(text, classified, limit)
    diagnostics.extend(furniture.diagnostics)

    # Footnote bodies are split into sentences without markers: they need no footnote index.
    note_sentences = _SentenceMaker(text, options)
    index = (
        fn.read_bodies(text, classified, block, note_sentences.footnote_sentences, furniture.skip, prefix)
        if block is not None
        else fn.FootnoteIndex()
    )
    diagnostics.extend(index.diagnostics)
    extra_refs: tuple[tuple[int, int, str, str | None], ...] = ()
    if pdf_notes:
        index, extra_refs = add_pdf_footnotes(
            text, index, pdf_notes, pdf_refs, note_sentences.footnote_sentences, prefix
        )

    body_lines = classified[furniture.body_start : furniture.body_end]
    shift = furniture.body_start
    body_skip = frozenset(i - shift for i in furniture.skip | page_skip if i >= shift)
    body_tables = [
        attrs.evolve(b, start=b.start - shift, end=b.end - shift)
        for b in tables
        if furniture.body_start <= b.start and b.end <= furniture.body_end
    ]
    builder = TreeBuilder(
        text,
        partial(_bare_paragraph, text),
        make_table=table_factory(text, body_lines, body_tables) if body_tables else None,
        match_text=match,
        read_title=note_sentences.title_quantities if options.quantities and options.sentences else None,
    )
    table_starts = frozenset(b.start for b in body_tables)
    groups = group_lines(match, body_lines, body_skip, table_starts) if is_hard_wrapped(body_lines) else None
    builder.build(body_lines, paragraphs=groups, skip=body_skip, tables=[(b.start, b.end) for b in body_tables])
    bare_body = builder.finish(prefix)
    diagnostics.extend(builder.diagnostics)

    # The sentences stage: paragraphs of the finished tree get their sentences, markers and figures.
    sentence_maker = _SentenceMaker(text, options, resolve=index.resolve, extra_refs=extra_refs)
    body = sentence_maker.fill(bare_body)
    diagnostics.extend(note_sentences.diagnostics)
    diagnostics.extend(sentence_maker.diagnostics)
    diagnostics.extend(refs_in_headings(text, builder.sections, index.resolve))

    notes, link_diagnostics = fn.link(index.bodies, sentence_maker.body_sentences)
    diagnostics.extend(link_diagnostics)
    if classified:
        span = Span(classified[0].line.span.start, classified[-1].line.span.end)
    else:
        span = Span(0, 0)
    filled_sections = [n for n in iter_nodes(body) if isinstance(n, Section)]
    targets = _targets(text, filled_sections) if options.quantities and options.sentences else ()
    evidence = _evidence(text, sentence_maker.body_sentences, notes) if options.quantities and options.sentences else ()
    structured = bool(builder.sections) or builder.items > 0
    return _Part(
        span, furniture.metadata, furniture.furniture, body, notes, tuple(diagnostics), targets, evidence, structured
    )


def _no_footnote(label: str) -> str | None:
    return None


def _bare_paragraph(text: str, node_id: str, span: Span, gaps: tuple[Span, ...] = ()) -> Paragraph:
    """A paragraph as the tree stage makes it: its sentences come in the sentences stage."""
    return Paragraph(node_id, span, text[span.start : span.end], (), gaps)


class _SentenceMaker:
    """Makes paragraphs and footnote texts into sentences with their footnote markers."""

    def __init__(
        self,
        text: str,
        options: ParseOptions,
        resolve: Callable[[str], str | None] = _no_footnote,
        extra_refs: Sequence[tuple[int, int, str, str | None]] = (),
    ) -> None:
        self.text = text
        self.options = options
        self.resolve = resolve
        self.diagnostics: list[Diagnostic] = []
        self.body_sentences: list[Sentence] = []
        self.extra_refs = list(extra_refs)
        """Markers found by another stage (glued PDF digits): start, end, label, footnote id."""

    def fill(self, nodes: tuple[Node, ...]) -> tuple[Node, ...]:
        """The tree with every paragraph's sentences, in document order (sentence ids and the
        order of ``body_sentences`` follow the text)."""
        out: list[Node] = []
        for node in nodes:
            if isinstance(node, Paragraph):
                out.append(self.paragraph(node.id, node.span, node.gaps))
            elif isinstance(node, (Section, Item)):
                out.append(attrs.evolve(node, children=self.fill(node.children)))
            else:
                out.append(node)
        return tuple(out)

    def sentences(self, prefix: str, span: Span, with_refs: bool, gaps: tuple[Span, ...] = ()) -> tuple[Sentence, ...]:
        if not self.options.sentences:
            return ()
        text = self.text
        if gaps:
            # Page furniture inside the paragraph is blanked out for the splitter, so that a
            # sentence runs on across a page break; spans still index the real text.
            source, base = _blank_gaps(text, span, gaps), span.start
        else:
            source, base = text, 0
        local = Span(span.start - base, span.end - base) if base else span
        extra = self.extra_refs if with_refs else None
        figures_on = self.options.quantities
        out: list[Sentence] = []
        for k, piece in enumerate(self.options.split_sentences(source, local), start=1):
            # Without gaps the splitter read the text itself: its spans need no shifting, which
            # spares rebuilding every span and ref of every sentence.
            s = Span(piece.start + base, piece.end + base) if base else piece
            refs: list[FootnoteRef] = []
            if with_refs:
                refs, diags = fn.find_refs(source, piece, self.resolve)
                if base:
                    refs = [attrs.evolve(r, span=Span(r.span.start + base, r.span.end + base)) for r in refs]
                if diags:
                    self.diagnostics.extend(_shift_diagnostics(diags, base))
            if extra:
                at = bisect.bisect_left(extra, (s.start, -1, "", None))
                while at < len(extra) and extra[at][1] <= s.end:
                    r_start, r_end, label, target = extra[at]
                    refs.append(FootnoteRef(label, Span(r_start, r_end), target))
                    at += 1
                refs.sort(key=lambda r: r.span.start)
            inside = tuple(g for g in gaps if s.start <= g.start and g.end <= s.end) if gaps else ()
            figures: tuple[Quantity, ...] = ()
            comparisons: tuple[Comparison, ...] = ()
            if figures_on:
                figures, figure_diagnostics = find_quantities(source, piece)
                if base and figures:
                    figures = tuple(_shift_quantity(q, base) for q in figures)
                if figure_diagnostics:
                    self.diagnostics.extend(_shift_diagnostics(figure_diagnostics, base))
                if figures:
                    comparisons = find_comparisons(text, s, figures)
            out.append(Sentence(f"{prefix}t{k}", s, text[s.start : s.end], tuple(refs), figures, comparisons, inside))
        return tuple(out)

    def title_quantities(self, span: Span) -> tuple[Quantity, ...]:
        figures, _ = find_quantities(self.text, span)
        return figures

    def paragraph(self, node_id: str, span: Span, gaps: tuple[Span, ...] = ()) -> Paragraph:
        sentences = self.sentences(node_id + ".", span, True, gaps)
        self.body_sentences.extend(sentences)
        return Paragraph(node_id, span, self.text[span.start : span.end], sentences, gaps)

    def footnote_sentences(self, prefix: str, span: Span) -> tuple[Sentence, ...]:
        return self.sentences(prefix, span, False)


def _shift_diagnostics(diagnostics: Sequence[Diagnostic], base: int) -> Sequence[Diagnostic]:
    if not base:
        return diagnostics
    return [attrs.evolve(d, span=Span(d.span.start + base, d.span.end + base)) for d in diagnostics]


def _shift_quantity(q: Quantity, base: int) -> Quantity:
    return attrs.evolve(q, span=Span(q.span.start + base, q.span.end + base))


def _targets(text: str, sections: Sequence[Section]) -> tuple[Target, ...]:
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


def _evidence(text: str, sentences: Sequence[Sentence], notes: Sequence[Footnote]) -> tuple[Evidence, ...]:
    by_id = {note.id: note for note in notes}
    out: list[Evidence] = []
    for sentence in sentences:
        if not sentence.footnote_refs:
            continue
        cited = [by_id[r.footnote] for r in sentence.footnote_refs if r.footnote in by_id]
        if cited:
            out.append(check_evidence(text, sentence, cited, read_missing=False))
    return tuple(out)


def _blank_gaps(text: str, span: Span, gaps: tuple[Span, ...]) -> str:
    """``text[span]`` with the gaps turned into spaces (newlines kept), same length."""
    pieces: list[str] = []
    pos = span.start
    for gap in gaps:
        pieces.append(text[pos : gap.start])
        pieces.append("".join("\n" if ch == "\n" else " " for ch in text[gap.start : gap.end]))
        pos = gap.end
    pieces.append(text[pos : span.end])
    return "".join(pieces)

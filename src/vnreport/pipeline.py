"""The file-level stages, listed once (:data:`STAGES`) and run in order.

``read → lines → hints → classify → quality → pages → roles → tables → bundles → trees → parts →
document``; the ``trees`` and ``parts`` stages run each document of the file through
:data:`vnreport.part_stages.PART_STAGES` (furniture → footnote bodies → tree, then sentences →
links → targets → evidence). Between them the lines and what was read of them are let go
(:data:`RELEASED_AFTER`), so that they are not held while the sentences are made.

Every stage is a function of its inputs; the objects that cross between them are frozen and
carry spans into the one normalized text. A marked-up source (HTML, DOCX) also hands over
:class:`~vnreport.hints.SourceHints` (its tables, headings, raised footnote markers), which the
stages read as evidence; a plain text hands over none and is parsed from its characters alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import attrs
import regex
from attrs import frozen

from vnreport._collector import collector_paused
from vnreport.document import Document
from vnreport.errors import UnreadableInputError
from vnreport.hints import NO_HINTS, SourceHints
from vnreport.layout import pages
from vnreport.layout.bundles import find_segments
from vnreport.layout.tables import TableBlock, find_tables, source_tables
from vnreport.limits import DEFAULT_MAX_BYTES, check_size, check_source, check_time, checked, time_limit
from vnreport.lines import markup, quality
from vnreport.lines.classify import ClassifiedLine, Role, classify_line
from vnreport.lines.glued_bullets import split_glued_bullets
from vnreport.lines.glued_points import split_glued_points
from vnreport.lines.hinted import NO_LINE_HINTS, LineHints, place_hints
from vnreport.lines.match_view import MatchView, match_view
from vnreport.lines.shown import shown
from vnreport.lines.split import Line, split_lines
from vnreport.lines.table import compact_lines
from vnreport.model import (
    Diagnostic,
    DiagnosticCode,
    Furniture,
    FurnitureKind,
    Node,
    Severity,
    Span,
    SubDocument,
)
from vnreport.part_stages import Part, PartState, finish_part, grow_tree
from vnreport.rules.markers import MARKER_RULES, MarkerRule
from vnreport.sentences.split import split_paragraph
from vnreport.suffixes import SUPPORTED_SUFFIXES as _SUPPORTED_SUFFIXES
from vnreport.text.reading import NormalizedText, read
from vnreport.tree import continued

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
    max_bytes: int | None = DEFAULT_MAX_BYTES
    """The largest input parsed, in bytes (a ``str`` counts as UTF-8; None: no limit); a larger
    one raises :class:`~vnreport.errors.LimitExceededError` before anything is read."""
    timeout: float | None = None
    """Seconds a parse may take (None: no limit); past them it raises
    :class:`~vnreport.errors.LimitExceededError` (:mod:`vnreport.limits`)."""


DEFAULT_OPTIONS = ParseOptions()


def limited_options(max_bytes: int | None, timeout: float | None) -> ParseOptions:
    """The default options with these limits (the CLI's ``--max-bytes`` and ``--timeout``)."""
    if (max_bytes, timeout) == (DEFAULT_OPTIONS.max_bytes, DEFAULT_OPTIONS.timeout):
        return DEFAULT_OPTIONS
    return attrs.evolve(DEFAULT_OPTIONS, max_bytes=max_bytes, timeout=timeout)


def parse(source: str | bytes, options: ParseOptions = DEFAULT_OPTIONS) -> Document:
    """Parse a document given as text or bytes.

    Args:
        source: the document, as ``str`` or as bytes in UTF-8 (BOM or not) or UTF-16 (BOM).
        options: rule tables and injectable stages.

    Returns:
        The :class:`Document`. Odd input yields diagnostics, never an exception.

    Raises:
        UnreadableInputError: binary data or an unreadable encoding.
        LimitExceededError: over ``options.max_bytes`` or ``options.timeout``.

    >>> doc = parse("I- BỐI CẢNH\\n1- Thuận lợi\\nHuyện có nhiều lợi thế.")
    >>> [s.title for s in doc.body]
    ['BỐI CẢNH']
    """
    check_source(source, options.max_bytes)
    with time_limit(options.timeout):
        return parse_normalized(read(source), options)


#: The file suffixes :func:`parse_file` reads (``vnreport batch`` collects these from folders);
#: a new reader in the dispatch below adds its suffix in :mod:`vnreport.suffixes`.
SUPPORTED_SUFFIXES = _SUPPORTED_SUFFIXES


def parse_file(path: str | Path, options: ParseOptions = DEFAULT_OPTIONS) -> Document:
    """Parse a file: plain text (any supported encoding), ``.html``/``.htm``, ``.docx`` or ``.pdf``."""
    p = Path(path)
    try:
        if p.is_file():
            check_size(p.stat().st_size, options.max_bytes)
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
    if suffix == ".pdf" or data.startswith(b"%PDF-"):
        from vnreport.sources.pdf import parse_pdf

        return parse_pdf(data, options)
    if suffix in (".html", ".htm", ".xhtml") or head.startswith((b"<html", b"<!doctype html")):
        from vnreport.sources.html import parse_html

        return parse_html(data, options)
    check_source(data, options.max_bytes)
    with time_limit(options.timeout):
        normalized = read(data)
        # The text keeps what it needs of the bytes (:attr:`NormalizedText.patches`): held
        # here for the whole parse, they were one more copy of the input at its peak.
        del data
        return parse_normalized(normalized, options)


def parse_normalized(
    normalized: NormalizedText, options: ParseOptions = DEFAULT_OPTIONS, hints: SourceHints = NO_HINTS
) -> Document:
    """Parse an already normalized text (the entry point of the HTML and DOCX readers), with
    what the source says of its structure (spans in ``normalized.text``)."""
    document = run_stages(normalized, options, hints=hints).document
    assert document is not None  # the last stage always makes it
    return document


@frozen
class ParseState:
    """What the stages have found so far; each stage returns a new state with its own fields set."""

    normalized: NormalizedText
    options: ParseOptions
    hints: SourceHints = NO_HINTS
    lines: Sequence[Line] = ()
    """The lines (objects until the ``quality`` stage, a compact :class:`~vnreport.lines.table.LineTable` after)."""
    glued: tuple[regex.Match[str], ...] = ()
    """Separators glued to text ("-----Hà Nội, …"), found by the markup stage."""
    match: str = ""
    """The text as the rules read it: Markdown emphasis and "#" blanked, same length, and the
    paragraphs the source shows in capitals in capitals (:mod:`vnreport.lines.shown`)."""
    match_view: MatchView | None = None
    """The match text as the text and the spans it blanks, when that is all it differs in: held
    instead of :attr:`match` from the trees on (see :data:`RELEASED_AFTER`)."""
    shown: str = ""
    """The text as the source displays it, where it shows capitals its letters are not (the
    text, capitals in place, same length); "" where it is the text itself."""
    hinted: LineHints = NO_LINE_HINTS
    """The source hints by line (the ``hints`` stage)."""
    classified: tuple[ClassifiedLine, ...] = ()
    """Each line as the classifier reads it, alone."""
    roles: tuple[ClassifiedLine, ...] = ()
    """Each line's role once every stage that has a say about lines has spoken (the ``roles``
    stage): what the later stages read."""
    diagnostics: tuple[Diagnostic, ...] = ()
    layout: pages.PageLayout = pages.EMPTY_LAYOUT
    tables: tuple[TableBlock, ...] = ()
    segments: tuple[tuple[int, int], ...] = ()
    trees: tuple[PartState, ...] = ()
    """Each document of the file grown to its tree (:func:`vnreport.part_stages.grow_tree`)."""
    parts: tuple[Part, ...] = ()
    document: Document | None = None


Stage = Callable[[ParseState], ParseState]
"""A stage reads the state and returns a new one; it never changes what an earlier stage set."""


def _stage_lines(state: ParseState) -> ParseState:
    text = state.normalized.text
    lines = split_lines(text)
    glued = markup.glued_rules(text, lines)
    # Glued items split, broken bold and form headings joined, the match text made in one pass.
    lines, match, blanks = markup.joined_lines_blanked(text, lines, glued)
    # Headings glued to the sentence before them by extraction start lines of their own.
    lines = markup.split_glued_headings(text, lines)
    # A list's first point glued after its lead-in's colon starts a line of its own too.
    lines = split_glued_points(text, lines)
    # So does a dash point run into the line of the point or the lead-in before it.
    lines = split_glued_bullets(text, lines)
    upper = state.hints.upper_case
    displayed = shown(text, upper) if upper else ""
    view = match_view(text, blanks) if not upper else None
    return attrs.evolve(
        state, lines=tuple(lines), glued=tuple(glued), match=shown(match, upper), shown=displayed, match_view=view
    )


def _stage_hints(state: ParseState) -> ParseState:
    return attrs.evolve(state, hinted=place_hints(state.hints, state.lines))


def _stage_classify(state: ParseState) -> ParseState:
    """Each line's role from its text alone, except that the rows of a source table are table
    lines: running text without a marker, never a heading, an item or a title."""
    text, match, rules = state.normalized.text, state.match, state.options.marker_rules
    source = text if match is not text else None
    in_table = state.hinted.table_lines()
    classified = tuple(
        _table_line(line) if line.index in in_table else classify_line(match, line, rules, source)
        for line in checked(state.lines)
    )
    return attrs.evolve(state, classified=classified)


def _table_line(line: Line) -> ClassifiedLine:
    return ClassifiedLine(line, Role.TEXT if line.content_end > line.content_start else Role.BLANK)


def _stage_quality(state: ParseState) -> ParseState:
    found = quality.assess(state.normalized.text, tuple(state.lines))
    return attrs.evolve(state, diagnostics=(*state.normalized.diagnostics, *found))


def _stage_pages(state: ParseState) -> ParseState:
    raised = state.hints.superscripts if state.hints.raised_exact else None
    layout = pages.analyze_pages(state.normalized.text, state.classified, raised, state.hinted)
    return attrs.evolve(state, layout=layout, diagnostics=(*state.diagnostics, *layout.diagnostics))


def _stage_roles(state: ParseState) -> ParseState:
    """The one place where the line decisions meet: the classifier's role of each line, except
    that page furniture and PDF footnote bodies (the pages stage) leave the running text."""
    skip = state.layout.skip
    if not skip:
        return attrs.evolve(state, roles=state.classified)
    roles = tuple(ClassifiedLine(cl.line, Role.BLANK) if i in skip else cl for i, cl in enumerate(state.classified))
    return attrs.evolve(state, roles=roles)


def _stage_tables(state: ParseState) -> ParseState:
    """The source's own tables, then the tables found in the text around them."""
    hinted = source_tables(state.hinted.tables)
    found = find_tables(state.normalized.text, state.roles, taken=[(b.start, b.end) for b in hinted])
    blocks = sorted((*hinted, *(b for b in found if not b.layout)), key=lambda b: b.start)
    return attrs.evolve(state, tables=tuple(blocks))


def _stage_bundles(state: ParseState) -> ParseState:
    return attrs.evolve(state, segments=tuple(find_segments(state.match, state.roles)))


def _stage_trees(state: ParseState) -> ParseState:
    """Each document of the file through the per-document stages up to its tree."""
    segments = state.segments
    trees = tuple(
        grow_tree(_segment_state(state, start, end, len(segments) > 1, k))
        for k, (start, end) in enumerate(segments, start=1)
    )
    return attrs.evolve(state, trees=trees)


def _stage_parts(state: ParseState) -> ParseState:
    """Each document grown to its tree through the rest of the per-document stages
    (:data:`vnreport.part_stages.PART_STAGES`)."""
    several = len(state.trees) > 1
    parts = tuple(
        attrs.evolve(finish_part(tree), id=f"d{k}" if several else "") for k, tree in enumerate(state.trees, start=1)
    )
    return attrs.evolve(state, parts=_join_continued(parts))


def _join_continued(parts: tuple[Part, ...]) -> tuple[Part, ...]:
    """A part that only continues the document before it (:mod:`vnreport.tree.continued`)
    joins it as an unmarked section; its footnotes and furniture go with it."""
    out: list[Part] = []
    for part in parts:
        if not out or not continued.continues(out[-1].metadata, part.metadata):
            out.append(part)
            continue
        head = out[-1]
        section = continued.part_section(part.id, part.metadata, part.span, part.body)
        out[-1] = attrs.evolve(
            head,
            span=Span(head.span.start, part.span.end),
            body=(*head.body, section),
            footnotes=(*head.footnotes, *part.footnotes),
            furniture=(*head.furniture, *part.furniture),
            diagnostics=(*head.diagnostics, *part.diagnostics),
            targets=(*head.targets, *part.targets),
            evidence=(*head.evidence, *part.evidence),
            structured=head.structured or part.structured,
        )
    return tuple(out)


def _stage_document(state: ParseState) -> ParseState:
    return attrs.evolve(state, document=_assemble_document(state))


#: The stages, in the order they run. Each is a function of the state returning a new state;
#: ``run_stages`` runs them, and can stop after any one (to test or time it alone).
STAGES: tuple[tuple[str, Stage], ...] = (
    ("lines", _stage_lines),
    ("hints", _stage_hints),
    ("classify", _stage_classify),
    ("quality", _stage_quality),
    ("pages", _stage_pages),
    ("roles", _stage_roles),
    ("tables", _stage_tables),
    ("bundles", _stage_bundles),
    ("trees", _stage_trees),
    ("parts", _stage_parts),
    ("document", _stage_document),
)


#: What no stage after the named one reads: :func:`run_stages` lets it go then, one step after
#: the other. Once the classifier and the quality check have read the line objects, the lines
#: are kept as a compact table (for :attr:`Document.lines`): a classified line holds its line's
#: integers itself, so the objects (more than the input's size on a report) are not held while
#: the trees, the parse's peak, are grown. After the trees, the classification and the match
#: text go, so that they are not held while the sentences are made.
RELEASED_AFTER: Mapping[str, tuple[Callable[[ParseState], ParseState], ...]] = {
    # No stage after it reads the line objects: the classified lines hold what they need.
    "quality": (lambda state: attrs.evolve(state, lines=compact_lines(state.lines)),),
    # The later stages read the lines' roles; the classifier's own tuple is let go.
    "roles": (lambda state: attrs.evolve(state, classified=()),),
    # The trees read the match text through its view: the whole copy is let go.
    "bundles": (lambda state: attrs.evolve(state, match="") if state.match_view is not None else state,),
    "trees": (
        lambda state: attrs.evolve(state, classified=(), roles=(), match="", match_view=None, hinted=NO_LINE_HINTS),
    ),
    # The parts are made from the trees: the document is assembled without them.
    "parts": (lambda state: attrs.evolve(state, trees=()),),
}


def run_stages(
    normalized: NormalizedText,
    options: ParseOptions = DEFAULT_OPTIONS,
    until: str | None = None,
    on_stage: Callable[[str, ParseState], None] | None = None,
    hints: SourceHints = NO_HINTS,
) -> ParseState:
    """Run :data:`STAGES` in order on a normalized text.

    Args:
        normalized: the output of :func:`vnreport.text.reading.read`.
        options: rule tables and injectable stages.
        hints: what a marked-up source says of its structure (spans in ``normalized.text``).
        until: stop after the stage of this name (its state is returned).
        on_stage: called with each stage's name and the state it returned (for timing, tracing).
    """
    names = [name for name, _ in STAGES]
    if until is not None and until not in names:
        raise ValueError(f"no stage named {until!r}; the stages are {', '.join(names)}")
    state = ParseState(normalized, options, hints)
    with collector_paused():
        for name, stage in STAGES:
            check_time()
            state = stage(state)
            for release in RELEASED_AFTER.get(name, ()):
                state = release(state)
            if on_stage is not None:
                on_stage(name, state)
            if name == until:
                break
    return state


def _segment_state(state: ParseState, start: int, end: int, several: bool, k: int) -> PartState:
    """The lines ``[start, end)`` of the file as the per-document stages take them."""
    text, classified, layout = state.normalized.text, state.roles, state.layout
    seg_start = classified[start].start if start < len(classified) else len(text)
    seg_end = classified[end - 1].end if end > start else seg_start
    return PartState(
        text,
        state.match_view if state.match_view is not None else state.match,
        classified[start:end],
        state.options,
        prefix=f"d{k}." if several else "",
        page_skip=frozenset(i - start for i in layout.skip if start <= i < end),
        pdf_notes=tuple(
            f
            for f in layout.footnotes
            if seg_start <= f.span.start < seg_end or (start == 0 and f.span.start < seg_end)
        ),
        pdf_refs=tuple(r for r in layout.refs if seg_start <= r[1].start < seg_end),
        tables=tuple(
            attrs.evolve(b, start=b.start - start, end=b.end - start)
            for b in state.tables
            if start <= b.start and b.end <= end
        ),
        levels=_positions_in(state.hinted.levels, start, end),
        list_depths=_positions_in(state.hinted.list_depths, start, end),
        raised=tuple(s for s in state.hints.superscripts if seg_start <= s.start < seg_end),
        body_starts=_lines_in(state.hinted.bodies, start, end),
        bold=_lines_in(state.hinted.bold, start, end),
        centred=_lines_in(state.hinted.centred, start, end),
        italic=_lines_in(state.hinted.italic, start, end),
        shown=state.shown,
    )


def _positions_in(pairs: tuple[tuple[int, int], ...], start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The ``(line, value)`` pairs whose line is in ``[start, end)``, the lines made the document's own."""
    return tuple((i - start, value) for i, value in pairs if start <= i < end)


def _lines_in(lines: tuple[int, ...], start: int, end: int) -> tuple[int, ...]:
    """The line positions among ``lines`` in ``[start, end)``, made the document's own."""
    return tuple(i - start for i in lines if start <= i < end)


def _assemble_document(state: ParseState) -> Document:
    """The parts of the file as one document: a single part is the document, several are
    ``SubDocument`` nodes under it."""
    text, parts, layout = state.normalized.text, state.parts, state.layout
    glued = list(state.glued)
    separators = tuple(
        Furniture(FurnitureKind.SEPARATOR, s, text[s.start : s.end]) for s in markup.separator_spans(glued)
    )
    if len(parts) == 1:
        part = parts[0]
        body: tuple[Node, ...] = part.body
        metadata, notes = part.metadata, part.footnotes
        furniture = _merge_furniture(part.furniture, layout.furniture, separators)
    else:
        body = tuple(
            SubDocument(part.id, part.span, part.metadata, part.body, part.footnotes, part.furniture) for part in parts
        )
        main = max(parts, key=lambda p: p.span.end - p.span.start)
        # Each document keeps its own furniture; the file's pages and separators stay on top.
        metadata, notes = main.metadata, ()
        furniture = _merge_furniture(layout.furniture, separators)
    diagnostics = [*state.diagnostics, *(d for part in parts for d in part.diagnostics)]
    # Not ``text.strip()``: that copies the whole text to ask whether it holds a letter.
    if text and not text.isspace() and not any(part.structured for part in parts):
        diagnostics.append(
            Diagnostic(
                DiagnosticCode.NO_STRUCTURE,
                "no headings or numbered items were recognized: the body is a run of paragraphs",
                Span(0, len(text)),
                Severity.INFO,
            )
        )
    diagnostics.sort(key=lambda d: (d.span.start, d.span.end, d.code.value))
    normalized = state.normalized
    return Document(
        text=text,
        body=body,
        footnotes=notes,
        metadata=metadata,
        diagnostics=tuple(diagnostics),
        furniture=furniture,
        targets=tuple(t for part in parts for t in part.targets),
        evidence=tuple(e for part in parts for e in part.evidence),
        lines=state.lines,
        to_raw=normalized.to_raw,
        source=normalized,
        encoding=normalized.encoding,
    )


def _merge_furniture(*groups: Sequence[Furniture]) -> tuple[Furniture, ...]:
    """All furniture in text order; a line both stages recognized (a page number) once."""
    seen: dict[tuple[int, int], Furniture] = {}
    for group in groups:
        for piece in group:
            seen.setdefault((piece.span.start, piece.span.end), piece)
    return tuple(sorted(seen.values(), key=lambda f: (f.span.start, f.span.end)))

"""The sentences stage: paragraphs and footnote texts into sentences, with their footnote markers
and figures.

The tree stage makes paragraphs without sentences; :meth:`SentenceMaker.fill` gives every
paragraph of the finished tree its sentences, in document order, so that sentence ids and the
order of :attr:`SentenceMaker.body_sentences` follow the text.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import attrs

from vnreport.figures import find_comparisons, find_quantities
from vnreport.footnotes import notes as fn
from vnreport.limits import check_time
from vnreport.model import Comparison, Diagnostic, FootnoteRef, Item, Node, Paragraph, Quantity, Section, Sentence, Span

if TYPE_CHECKING:
    from vnreport.pipeline import ParseOptions


def _no_footnote(label: str) -> str | None:
    return None


def bare_paragraph(text: str, owner: str, ordinal: int, span: Span, gaps: tuple[Span, ...] = ()) -> Paragraph:
    """A paragraph as the tree stage makes it: its sentences come in the sentences stage. It
    holds the document text itself, not a copy of its slice, and its parent's id and ordinal
    for its own id (:class:`vnreport.model.Paragraph`)."""
    return Paragraph(owner, span, text, (), gaps, ordinal=ordinal)


class SentenceMaker:
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
                check_time()  # the longest stage: a time limit is met paragraph by paragraph
                out.append(self.paragraph(node._id, node.span, node.gaps, node._ordinal))
            elif isinstance(node, Section):
                figures = self.title_quantities(node.title_span)
                out.append(attrs.evolve(node, children=self.fill(node.children), quantities=figures))
            elif isinstance(node, Item):
                out.append(attrs.evolve(node, children=self.fill(node.children)))
            else:
                out.append(node)
        return tuple(out)

    def sentences(
        self, owner: str, span: Span, with_refs: bool, gaps: tuple[Span, ...] = (), paragraph: int = 0
    ) -> tuple[Sentence, ...]:
        """The sentences of ``span``, their ids ``owner + ".t1"``, ``".t2"``… (``owner + ".g3.t1"``…
        with the paragraph's ordinal), built when asked."""
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
        extra = self.extra_refs or None
        figures_on = self.options.quantities
        out: list[Sentence] = []
        for k, piece in enumerate(self.options.split_sentences(source, local), start=1):
            # Without gaps the splitter read the text itself: its spans need no shifting, which
            # spares rebuilding every span and ref of every sentence.
            s = Span(piece.start + base, piece.end + base) if base else piece
            if s == span:
                # A one-sentence paragraph (most of a report's) shares its span object.
                s = span
            refs = self._refs(source, piece, base, s, extra) if with_refs else ()
            inside = tuple(g for g in gaps if s.start <= g.start and g.end <= s.end) if gaps else ()
            figures, comparisons = self._figures(source, piece, base, s) if figures_on else ((), ())
            out.append(Sentence(owner, s, text, refs, figures, comparisons, inside, ordinal=k, paragraph=paragraph))
        return tuple(out)

    def _refs(
        self, source: str, piece: Span, base: int, s: Span, extra: Sequence[tuple[int, int, str, str | None]] | None
    ) -> tuple[FootnoteRef, ...]:
        """The sentence's footnote markers: those its text holds ("[14]") and those another
        stage found in it (glued PDF digits, raised source runs), in text order."""
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
        return tuple(refs)

    def _figures(
        self, source: str, piece: Span, base: int, s: Span
    ) -> tuple[tuple[Quantity, ...], tuple[Comparison, ...]]:
        figures, figure_diagnostics = find_quantities(source, piece)
        if base and figures:
            figures = tuple(_shift_quantity(q, base) for q in figures)
        if figure_diagnostics:
            self.diagnostics.extend(_shift_diagnostics(figure_diagnostics, base))
        return figures, (find_comparisons(self.text, s, figures) if figures else ())

    def title_quantities(self, span: Span) -> tuple[Quantity, ...]:
        """The figures of a heading's title ("DỰ BÁO BỐI CẢNH TÌNH HÌNH 5 NĂM TỚI"); an unreadable
        figure in a title is left unread without a diagnostic, as the title is not a claim."""
        if not (self.options.quantities and self.options.sentences) or span.end <= span.start:
            return ()
        figures, _ = find_quantities(self.text, span)
        return figures

    def paragraph(self, owner: str, span: Span, gaps: tuple[Span, ...] = (), ordinal: int = 0) -> Paragraph:
        """The paragraph with its sentences; ``owner`` is its id, or with ``ordinal`` its parent's."""
        sentences = self.sentences(owner, span, True, gaps, ordinal)
        self.body_sentences.extend(sentences)
        return Paragraph(owner, span, self.text, sentences, gaps, ordinal=ordinal)

    def footnote_sentences(self, prefix: str, span: Span) -> tuple[Sentence, ...]:
        """A footnote's sentences; ``prefix`` is the footnote's id and a dot."""
        return self.sentences(prefix.removesuffix("."), span, False)


def _shift_diagnostics(diagnostics: Sequence[Diagnostic], base: int) -> Sequence[Diagnostic]:
    if not base:
        return diagnostics
    return [attrs.evolve(d, span=Span(d.span.start + base, d.span.end + base)) for d in diagnostics]


def _shift_quantity(q: Quantity, base: int) -> Quantity:
    return attrs.evolve(q, span=Span(q.span.start + base, q.span.end + base))


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

"""The stages, listed once and run in order.

``read → split_lines → classify_line × n → find footnote block → read furniture →
read footnote bodies → build tree (paragraphs → sentences → refs) → link footnotes``

Every stage is a function of its inputs; the objects that cross between them are frozen and
carry spans into the one normalized text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import attrs
from attrs import frozen

from . import footnotes as fn
from .classify import ClassifiedLine, classify_line
from .document import Document
from .errors import UnreadableInputError
from .furniture import read_furniture
from .lines import split_lines
from .model import (
    Diagnostic,
    DiagnosticCode,
    Footnote,
    FootnoteRef,
    Paragraph,
    Section,
    Sentence,
    Severity,
    Span,
    iter_nodes,
)
from .patterns import MARKER_RULES, MarkerRule
from .reading import NormalizedText, read
from .sentences import split_paragraph
from .structure import TreeBuilder

SentenceSplitter = Callable[[str, Span], list[Span]]
"""``(text, paragraph span) -> sentence spans``; the default wraps underthesea."""


@frozen
class ParseOptions:
    """What the parser does; customise with ``attrs.evolve(DEFAULT_OPTIONS, …)``."""

    marker_rules: tuple[MarkerRule, ...] = MARKER_RULES
    split_sentences: SentenceSplitter = split_paragraph
    sentences: bool = True
    """Split paragraphs into sentences (and find footnote markers in them)."""


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
    return parse(data, options)


def parse_normalized(normalized: NormalizedText, options: ParseOptions = DEFAULT_OPTIONS) -> Document:
    text = normalized.text
    lines = split_lines(text)
    rules = options.marker_rules
    classified = tuple(classify_line(text, line, rules) for line in lines)
    diagnostics: list[Diagnostic] = list(normalized.diagnostics)

    block = fn.find_body_block(text, classified, 0)
    limit = block.start if block is not None else len(classified)
    furniture = read_furniture(text, classified, limit)
    diagnostics.extend(furniture.diagnostics)

    sentence_maker = _SentenceMaker(text, options)
    index = (
        fn.read_bodies(text, classified, block, sentence_maker.footnote_sentences, furniture.skip)
        if block is not None
        else fn.FootnoteIndex()
    )
    sentence_maker.resolve = index.resolve
    diagnostics.extend(index.diagnostics)

    builder = TreeBuilder(text, sentence_maker.paragraph)
    body_lines: Sequence[ClassifiedLine] = classified[furniture.body_start : furniture.body_end]
    shift = furniture.body_start
    builder.build(body_lines, skip=frozenset(i - shift for i in furniture.skip if i >= shift))
    body = builder.finish()
    diagnostics.extend(builder.diagnostics)
    diagnostics.extend(sentence_maker.diagnostics)
    diagnostics.extend(_refs_in_headings(text, body, index))

    notes, link_diagnostics = fn.link(index.bodies, sentence_maker.body_sentences)
    diagnostics.extend(link_diagnostics)

    if not any(not isinstance(n, Paragraph) for n in body) and text.strip():
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
        metadata=furniture.metadata,
        diagnostics=tuple(diagnostics),
        furniture=furniture.furniture,
        lines=lines,
        to_raw=normalized.to_raw,
        source=normalized,
        encoding=normalized.encoding,
    )


class _SentenceMaker:
    """Makes paragraphs and footnote texts into sentences with their footnote markers."""

    def __init__(self, text: str, options: ParseOptions) -> None:
        self.text = text
        self.options = options
        self.resolve: Callable[[str], str | None] = lambda label: None
        self.diagnostics: list[Diagnostic] = []
        self.body_sentences: list[Sentence] = []

    def sentences(self, prefix: str, span: Span, with_refs: bool) -> tuple[Sentence, ...]:
        if not self.options.sentences:
            return ()
        text = self.text
        out: list[Sentence] = []
        for k, s in enumerate(self.options.split_sentences(text, span), start=1):
            refs: list[FootnoteRef] = []
            if with_refs:
                refs, diags = fn.find_refs(text, s, self.resolve)
                self.diagnostics.extend(diags)
            out.append(Sentence(f"{prefix}t{k}", s, text[s.start : s.end], tuple(refs)))
        return tuple(out)

    def paragraph(self, node_id: str, span: Span) -> Paragraph:
        sentences = self.sentences(node_id + ".", span, True)
        self.body_sentences.extend(sentences)
        return Paragraph(node_id, span, self.text[span.start : span.end], sentences)

    def footnote_sentences(self, prefix: str, span: Span) -> tuple[Sentence, ...]:
        return self.sentences(prefix, span, False)


def _refs_in_headings(text: str, body: Sequence[object], index: fn.FootnoteIndex) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for node in iter_nodes(tuple(body)):
        if isinstance(node, Section) and "[" in node.title:
            refs, _ = fn.find_refs(text, node.title_span, index.resolve)
            for ref in refs:
                out.append(
                    Diagnostic(
                        DiagnosticCode.FOOTNOTE_IN_HEADING,
                        f"footnote marker [{ref.label}] inside the heading {node.title!r}",
                        ref.span,
                    )
                )
    return out


def with_footnotes(document: Document, notes: tuple[Footnote, ...]) -> Document:
    return attrs.evolve(document, footnotes=notes)

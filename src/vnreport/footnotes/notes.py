"""Footnotes in three passes: inline markers, body detection, linking.

1. :func:`find_refs` turns "[14]", "[3-5]", "[3,4]" inside a sentence into
   :class:`~vnreport.model.FootnoteRef` (one per label; a range shares the marker's span).
2. :func:`find_body_block` and :func:`read_bodies` find the block of bodies ("[1]- text",
   "[3] - text", bodies running over several lines) and make :class:`~vnreport.model.Footnote`.
3. :func:`link` fills ``cited_by`` both ways and reports orphans, duplicates and disorder.

State between passes lives in a typed :class:`FootnoteIndex`, not in a dict of dicts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import attrs
from attrs import define, frozen

from vnreport.lines.classify import ClassifiedLine, Role
from vnreport.model import Diagnostic, DiagnosticCode, Footnote, FootnoteRef, Sentence, Span
from vnreport.rules.footnotes import FOOTNOTE_BODY, FOOTNOTE_REF

#: More labels than this in one "[a-b]" range is a typo ("[3-300]"), not a range.
MAX_RANGE = 50


def expand_labels(labels: str) -> list[str] | None:
    """``"3-5"`` → ["3", "4", "5"]; ``"3,4"`` → ["3", "4"]; None when the range is absurd."""
    out: list[str] = []
    for part in labels.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        bounds = [p.strip() for p in part.replace("–", "-").split("-")]
        if len(bounds) == 1:
            out.append(str(int(bounds[0])))
            continue
        low, high = int(bounds[0]), int(bounds[-1])
        if high < low or high - low > MAX_RANGE:
            return None
        out.extend(str(v) for v in range(low, high + 1))
    return out


def find_refs(
    text: str, span: Span, resolve: Callable[[str], str | None]
) -> tuple[list[FootnoteRef], list[Diagnostic]]:
    """Footnote markers inside ``span``; ``resolve`` maps a label to a footnote id."""
    refs: list[FootnoteRef] = []
    diagnostics: list[Diagnostic] = []
    if text.find("[", span.start, span.end) < 0:
        return refs, diagnostics
    for m in FOOTNOTE_REF.finditer(text, span.start, span.end):
        marker = Span(m.start(), m.end())
        labels = expand_labels(m.group("labels"))
        if labels is None:
            diagnostics.append(
                Diagnostic(DiagnosticCode.FOOTNOTE_MALFORMED, f"footnote range {m.group(0)!r} is not plausible", marker)
            )
            continue
        for label in labels:
            refs.append(FootnoteRef(label, marker, resolve(label)))
    return refs, diagnostics


@frozen
class BodyBlock:
    """Where the footnote bodies are: line positions ``[start, end)`` of the classified lines."""

    start: int
    end: int


def find_body_block(
    text: str, lines: Sequence[ClassifiedLine], body_start: int, raised: Sequence[tuple[int, str]] = ()
) -> BodyBlock | None:
    """The block of footnote bodies: from the first line that opens with "[n]" where an inline
    marker "[n]" occurs earlier in running text, to the end of the document. ``raised`` holds
    ``(offset, label)`` of the numbers the source raises (a superscript "2"): markers too."""
    inline_labels: set[str] = set()
    pending = 0
    for i in range(body_start, len(lines)):
        cl = lines[i]
        if cl.role is Role.BLANK or cl.role is Role.RULE:
            continue
        content = cl.line.content
        while pending < len(raised) and raised[pending][0] < content.start:
            inline_labels.add(raised[pending][1])
            pending += 1
        # A body opens with "[" (the content starts after the spaces FOOTNOTE_BODY allows).
        m = FOOTNOTE_BODY.match(text, content.start, content.end) if text.startswith("[", content.start) else None
        if m is not None and m.group("label") in inline_labels:
            return BodyBlock(i, len(lines))
        if "[" in text[content.start : content.end]:
            for ref in FOOTNOTE_REF.finditer(text, content.start + (m.end() - content.start if m else 0), content.end):
                labels = expand_labels(ref.group("labels")) or []
                inline_labels.update(labels)
    return None


@define
class FootnoteIndex:
    """The bodies found, by label, with the diagnostics of reading them."""

    bodies: list[Footnote] = attrs.Factory(list)
    by_label: dict[str, str] = attrs.Factory(dict)
    diagnostics: list[Diagnostic] = attrs.Factory(list)

    def resolve(self, label: str) -> str | None:
        return self.by_label.get(label)


def read_bodies(
    text: str,
    lines: Sequence[ClassifiedLine],
    block: BodyBlock,
    make_sentences: Callable[[str, Span], tuple[Sentence, ...]],
    skip: frozenset[int] = frozenset(),
    id_prefix: str = "",
) -> FootnoteIndex:
    """Footnote bodies in ``block``: each starts at a "[n]" line and runs to the next one."""
    index = FootnoteIndex()
    starts: list[tuple[int, str, int]] = []  # (line position, label, offset after the label)
    for i in range(block.start, block.end):
        content = lines[i].line.content
        if lines[i].role is Role.BLANK:
            continue
        m = FOOTNOTE_BODY.match(text, content.start, content.end)
        if m is not None:
            starts.append((i, m.group("label"), m.end()))
    seen: dict[str, int] = {}
    previous_label = 0
    for k, (i, label, text_start) in enumerate(starts):
        last = (starts[k + 1][0] if k + 1 < len(starts) else block.end) - 1
        while last > i and (lines[last].role in (Role.BLANK, Role.RULE) or last in skip):
            last -= 1
        end = lines[last].content_end
        span = Span(lines[i].content_start, end)
        text_span = Span(min(text_start, end), end)
        seen[label] = seen.get(label, 0) + 1
        note_id = f"{id_prefix}fn{label}" if seen[label] == 1 else f"{id_prefix}fn{label}-{seen[label]}"
        if seen[label] > 1:
            index.diagnostics.append(
                Diagnostic(
                    DiagnosticCode.FOOTNOTE_DUPLICATE_BODY, f"a second footnote body is labelled [{label}]", span
                )
            )
        else:
            index.by_label[label] = note_id
        number = int(label)
        if number != previous_label + 1 and seen[label] == 1:
            index.diagnostics.append(
                Diagnostic(
                    DiagnosticCode.FOOTNOTE_LABEL_ORDER,
                    f"footnote body [{label}] follows [{previous_label}]"
                    if previous_label
                    else f"the first footnote body is [{label}], not [1]",
                    span,
                )
            )
        previous_label = max(previous_label, number)
        sentences = make_sentences(f"{note_id}.", text_span)
        index.bodies.append(Footnote(note_id, label, span, text[text_span.start : text_span.end], text_span, sentences))
    if not starts and block.end > block.start:
        first = lines[block.start].line.content
        index.diagnostics.append(
            Diagnostic(DiagnosticCode.FOOTNOTE_MALFORMED, "a footnote block without any labelled body", first)
        )
    return index


def link(footnotes: Sequence[Footnote], sentences: Iterable[Sentence]) -> tuple[tuple[Footnote, ...], list[Diagnostic]]:
    """Fill ``cited_by`` and report markers without bodies and bodies without markers."""
    cited: dict[str, list[str]] = {}
    diagnostics: list[Diagnostic] = []
    for sentence in sentences:
        for ref in sentence.footnote_refs:
            if ref.footnote is None:
                diagnostics.append(
                    Diagnostic(
                        DiagnosticCode.FOOTNOTE_MARKER_WITHOUT_BODY,
                        f"footnote marker [{ref.label}] has no body",
                        ref.span,
                    )
                )
                continue
            ids = cited.setdefault(ref.footnote, [])
            if not ids or ids[-1] != sentence.id:
                ids.append(sentence.id)
    linked: list[Footnote] = []
    for note in footnotes:
        ids = cited.get(note.id, [])
        if not ids:
            diagnostics.append(
                Diagnostic(
                    DiagnosticCode.FOOTNOTE_BODY_WITHOUT_MARKER, f"footnote [{note.label}] is never cited", note.span
                )
            )
        linked.append(attrs.evolve(note, cited_by=tuple(ids)))
    return tuple(linked), diagnostics

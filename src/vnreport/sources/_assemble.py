"""From extracted text to a :class:`~vnreport.document.Document`, the same way for HTML and DOCX.

The extracted text goes through the same normalization as plain text (NFC, newlines), and the
two offset maps compose: text → extracted text → source markup.

Tables. The line classifier reads plain text, where a table row such as "1.\\tDân số\\t20" would
look like a numbered item and an upper-case header row like a heading title. So the rows are
*masked* for the plain-text stages (every visible character becomes "x", the row's last one a
".": a line with no marker, no title, no sentence break), and the paragraphs the tree builder
makes of them are then replaced by :class:`~vnreport.model.Table` nodes built from the cell
spans the reader recorded. The document keeps the real text.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any

import attrs

from vnreport.document import Document
from vnreport.model import (
    Diagnostic,
    Furniture,
    Item,
    Paragraph,
    Section,
    Span,
    SubDocument,
    Table,
    TableCell,
    TableRow,
)
from vnreport.pipeline import DEFAULT_OPTIONS, ParseOptions, parse_normalized
from vnreport.sources._text import Extracted, RowSpans, TableSpans
from vnreport.text.offsets import OffsetMap
from vnreport.text.reading import NormalizedText, normalize


def assemble(
    extracted: Extracted,
    *,
    source: str,
    source_format: str,
    encoding: str | None = None,
    byte_shift: int = 0,
    options: ParseOptions = DEFAULT_OPTIONS,
    diagnostics: Sequence[Diagnostic] = (),
) -> Document:
    """Parse extracted text and give the document its source map, tables and format name."""
    text, nfc = normalize(extracted.text)
    to_raw = nfc.then(extracted.to_source)
    tables = tuple(_table_through(t, nfc) for t in extracted.tables)
    all_diagnostics = tuple(diagnostics) + tuple(d for d in extracted.diagnostics if isinstance(d, Diagnostic))
    # Byte offsets come from ``raw`` (the markup string) and ``encoding``, on demand.
    normalized = NormalizedText(
        text=text,
        raw=source,
        to_raw=to_raw,
        encoding=encoding,
        bom_length=byte_shift,
        diagnostics=all_diagnostics,
    )
    if not tables:
        doc = parse_normalized(normalized, options)
    else:
        doc = parse_normalized(attrs.evolve(normalized, text=mask_tables(text, tables)), options)
        doc = attrs.evolve(
            doc,
            text=text,
            body=replace_tables(doc.body, tables, text),
            furniture=tuple(Furniture(f.kind, f.span, f.span.slice(text)) for f in doc.furniture),
            source=normalized,
        )
        doc = _drop_lost_citations(doc)
    return attrs.evolve(doc, source_format=source_format, encoding=encoding)


def _table_through(table: TableSpans, nfc: OffsetMap) -> TableSpans:
    """Table spans recorded in the extracted text, moved into the normalized text."""
    if nfc.is_identity:
        return table
    starts = nfc.starts

    def back(offset: int) -> int:
        return bisect.bisect_left(starts, offset)

    def span(s: Span) -> Span:
        start = back(s.start)
        return Span(start, max(start, back(s.end)))

    return TableSpans(
        span(table.span), tuple(RowSpans(span(r.span), tuple(span(c) for c in r.cells)) for r in table.rows)
    )


def mask_tables(text: str, tables: Sequence[TableSpans]) -> str:
    """``text`` with every table row made opaque to the plain-text stages (same length, same lines)."""
    chars = list(text)
    for table in tables:
        for row in table.rows:
            last = None
            for k in range(row.span.start, row.span.end):
                if not chars[k].isspace():
                    chars[k] = "x"
                    last = k
            if last is not None:
                chars[last] = "."
    return "".join(chars)


def _make_table(node_id: str, table: TableSpans, text: str) -> Table:
    rows = tuple(TableRow(r.span, tuple(TableCell(c, c.slice(text)) for c in r.cells)) for r in table.rows if r.cells)
    return Table(node_id, table.span, rows)


def replace_tables(nodes: tuple[Any, ...], tables: Sequence[TableSpans], text: str) -> tuple[Any, ...]:
    """Replace the runs of paragraphs lying inside a table by one :class:`Table` each."""
    out: list[Any] = []
    done: set[int] = set()
    for node in nodes:
        if isinstance(node, Paragraph):
            k = _table_of(node.span, tables)
            if k is not None:
                if k not in done:
                    done.add(k)
                    out.append(_make_table(_table_id(node.id), tables[k], text))
                continue
            out.append(node)
        elif isinstance(node, (Section, Item, SubDocument)):
            out.append(attrs.evolve(node, children=replace_tables(node.children, tables, text)))
        else:
            out.append(node)
    return tuple(out)


def _table_of(span: Span, tables: Sequence[TableSpans]) -> int | None:
    for k, table in enumerate(tables):
        if table.span.start <= span.start and span.end <= table.span.end:
            return k
    return None


def _table_id(paragraph_id: str) -> str:
    """``"s1.g3"`` → ``"s1.tb3"``: the tree builder numbers tables apart from paragraphs."""
    head, _, last = paragraph_id.rpartition(".")
    last = "tb" + last[1:] if last.startswith("g") else last + "tb"
    return f"{head}.{last}" if head else last


def _drop_lost_citations(doc: Document) -> Document:
    """Footnotes cited only from inside a table lose those citing sentences (tables have none)."""
    alive = {s.id for s in doc.sentences()}
    notes = tuple(attrs.evolve(n, cited_by=tuple(c for c in n.cited_by if c in alive)) for n in doc.footnotes)
    return attrs.evolve(doc, footnotes=notes)

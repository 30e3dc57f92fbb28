"""The batch tables: one row per document, section, claim, footnote and figure.

Rows are plain dicts of JSON-able values, built in the worker that parsed the document (so
only small rows cross the process boundary). :data:`TABLES` is the one schema the Parquet
writer, the Dask writer and ``docs/batch.md`` share; every row carries
:data:`TABLE_SCHEMA_VERSION`.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from vnreport.batch.walk import Gathered, gather
from vnreport.document import Document
from vnreport.model import Comparison, Item, Quantity, Section, Sentence, SubDocument, Table, Target

#: Bumped whenever a column is added, removed or changes meaning.
TABLE_SCHEMA_VERSION = "1"

_S, _I, _F, _L = "string", "int64", "float64", "list<string>"

#: Table name → (column, type) in order; types are pyarrow type names.
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (
        ("schema_version", _S),
        ("path", _S),
        ("sha256", _S),
        ("source_format", _S),
        ("encoding", _S),
        ("chars", _I),
        ("doc_type_code", _S),
        ("doc_type_name", _S),
        ("number", _S),
        ("symbol", _S),
        ("issuer", _S),
        ("issuer_level", _S),
        ("parent_issuer", _S),
        ("place", _S),
        ("date", _S),
        ("year", _I),
        ("title", _S),
        ("term_start", _I),
        ("term_end", _I),
        ("congress_ordinal", _I),
        ("sections", _I),
        ("items", _I),
        ("tables", _I),
        ("documents", _I),
        ("sentences", _I),
        ("footnotes", _I),
        ("refs", _I),
        ("linked", _I),
        ("claims", _I),
        ("figures", _I),
        ("diagnostics", _S),
    ),
    "sections": (
        ("schema_version", _S),
        ("document", _S),
        ("id", _S),
        ("kind", _S),
        ("marker", _S),
        ("style", _S),
        ("depth", _I),
        ("title", _S),
        ("heading_path", _L),
        ("start", _I),
        ("end", _I),
    ),
    "claims": (
        ("schema_version", _S),
        ("document", _S),
        ("sentence_id", _S),
        ("sentence", _S),
        ("start", _I),
        ("end", _I),
        ("section_path", _L),
        ("footnote_labels", _L),
        ("evidence_status", _S),
    ),
    "footnotes": (
        ("schema_version", _S),
        ("document", _S),
        ("id", _S),
        ("label", _S),
        ("text", _S),
        ("start", _I),
        ("end", _I),
        ("cited_by", _L),
    ),
    "figures": (
        ("schema_version", _S),
        ("document", _S),
        ("sentence_id", _S),
        ("section_path", _L),
        ("sentence", _S),
        ("text", _S),
        ("start", _I),
        ("end", _I),
        ("value", _F),
        ("low", _F),
        ("high", _F),
        ("unit", _S),
        ("per", _S),
        ("qualifier", _S),
        ("kind", _S),
        ("role", _S),
        ("direction", _S),
        ("baseline_period", _S),
        ("subject", _S),
        ("indicator", _S),
        ("target_label", _S),
        ("target_year", _I),
        ("target_direction", _S),
    ),
}

TABLE_NAMES = tuple(TABLES)


def _float(value: Decimal | None) -> float | None:
    """The value as a float; None past a float's range (a figure of hundreds of digits), as a
    table cell holds no infinity (the Arrow rows go through JSON)."""
    if value is None:
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def document_tables(doc: Document, path: str, sha256: str) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows for one document (``document`` columns hold ``path``)."""
    found = gather(doc)
    tables = {
        "sections": list(_section_rows(found)),
        "claims": list(_claim_rows(doc, found)),
        "footnotes": list(_footnote_rows(found)),
        "figures": list(_figure_rows(doc, found)),
    }
    tables["documents"] = [_document_row(doc, path, sha256, tables, found)]
    for name, rows in tables.items():
        for row in rows:
            row["schema_version"] = TABLE_SCHEMA_VERSION
            if name != "documents":
                row["document"] = path
    return {name: tables[name] for name in TABLE_NAMES}


def with_path(tables: dict[str, list[dict[str, Any]]], path: str) -> dict[str, list[dict[str, Any]]]:
    """The same rows naming ``path`` (a file whose content was parsed under another name)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for name, rows in tables.items():
        key = "path" if name == "documents" else "document"
        out[name] = [{**row, key: path} for row in rows]
    return out


def _document_row(
    doc: Document, path: str, sha256: str, tables: dict[str, list[dict[str, Any]]], found: Gathered
) -> dict[str, Any]:
    meta = doc.metadata
    date = meta.date
    counts = found.counts
    refs = [ref for s, _ in found.sentences for ref in s.footnote_refs]
    return {
        "path": path,
        "sha256": sha256,
        "source_format": doc.source_format,
        "encoding": doc.encoding,
        "chars": len(doc.text),
        "doc_type_code": meta.doc_type_code,
        "doc_type_name": meta.doc_type_name,
        "number": meta.number,
        "symbol": meta.symbol,
        "issuer": meta.issuer,
        "issuer_level": meta.issuer_level,
        "parent_issuer": meta.parent_issuer,
        "place": meta.place,
        "date": _date_text(date.year, date.month, date.day) if date else None,
        "year": date.year if date else None,
        "title": meta.title,
        "term_start": meta.term[0] if meta.term else None,
        "term_end": meta.term[1] if meta.term else None,
        "congress_ordinal": meta.congress_ordinal,
        "sections": counts[Section.__name__],
        "items": counts[Item.__name__],
        "tables": counts[Table.__name__],
        "documents": counts[SubDocument.__name__],
        "sentences": counts[Sentence.__name__],
        "footnotes": len(tables["footnotes"]),
        "refs": len(refs),
        "linked": sum(1 for ref in refs if ref.footnote is not None),
        "claims": len(tables["claims"]),
        "figures": len(tables["figures"]),
        "diagnostics": json.dumps(dict(sorted(Counter(d.code.value for d in doc.diagnostics).items()))),
    }


def _date_text(year: int | None, month: int | None, day: int | None) -> str | None:
    """ISO 8601 as far as the date goes: "2020", "2020-07", "2020-07-15"."""
    if year is None:
        return None
    parts = [f"{year:04d}", *(f"{v:02d}" for v in (month, day) if v is not None)]
    return "-".join(parts if month is not None else parts[:1])


def _section_rows(found: Gathered) -> Iterator[dict[str, Any]]:
    for node, depth, heading_path in found.headed:
        marker = node.marker
        title = node.title if isinstance(node, Section) else None
        yield {
            "document": "",
            "id": node.id,
            "kind": "section" if isinstance(node, Section) else "item",
            "marker": marker.text if marker else None,
            "style": marker.style.value if marker else None,
            "depth": depth,
            "title": title,
            "heading_path": list(heading_path),
            "start": node.span.start,
            "end": node.span.end,
        }


def _claim_rows(doc: Document, found: Gathered) -> Iterator[dict[str, Any]]:
    """The rows of ``Document.claims()``: the body sentences that cite footnotes."""
    checks = {e.sentence: e for e in doc.evidence}
    for sentence, section_path in found.sentences:
        if not sentence.footnote_refs:
            continue
        check = checks.get(sentence.id)
        yield {
            "document": "",
            "sentence_id": sentence.id,
            "sentence": sentence.text,
            "start": sentence.span.start,
            "end": sentence.span.end,
            "section_path": list(section_path),
            "footnote_labels": [ref.label for ref in sentence.footnote_refs],
            "evidence_status": check.status if check is not None else None,
        }


def _footnote_rows(found: Gathered) -> Iterator[dict[str, Any]]:
    for note in found.notes:
        yield {
            "document": "",
            "id": note.id,
            "label": note.label,
            "text": note.text,
            "start": note.span.start,
            "end": note.span.end,
            "cited_by": list(note.cited_by),
        }


def _figure_rows(doc: Document, found: Gathered) -> Iterator[dict[str, Any]]:
    from vnreport.figures.indicators import indicator_of
    from vnreport.figures.subjects import subject_of

    targets = _targets_by_span(doc.targets())
    for sentence, section_path, quantity in _quantities(found):
        comparison, role = _comparison_of(sentence, quantity)
        subject = comparison.subject if comparison is not None and comparison.subject else None
        if subject is None:
            subject = subject_of(doc.text, sentence.span.start, quantity.span.start)
        target = targets.get((quantity.span.start, quantity.span.end))
        before = doc.text[sentence.span.start : quantity.span.start]
        after = doc.text[quantity.span.end : sentence.span.end]
        yield {
            "document": "",
            "sentence_id": sentence.id,
            "section_path": list(section_path),
            "sentence": " ".join(sentence.text.split()),
            "text": quantity.text,
            "start": quantity.span.start,
            "end": quantity.span.end,
            "value": _float(quantity.value),
            "low": _float(quantity.low),
            "high": _float(quantity.high),
            "unit": quantity.unit,
            "per": quantity.per,
            "qualifier": quantity.qualifier,
            "kind": comparison.kind.value if comparison is not None else None,
            "role": role,
            "direction": comparison.direction if comparison is not None else None,
            "baseline_period": comparison.baseline_period if comparison is not None else None,
            "subject": subject,
            "indicator": indicator_of(subject, quantity.unit, before, after),
            "target_label": target.label if target is not None else None,
            "target_year": target.deadline_year if target is not None else None,
            "target_direction": target.direction if target is not None else None,
        }


def _quantities(found: Gathered) -> Iterator[tuple[Sentence, tuple[str, ...], Quantity]]:
    """``Document.quantities()`` with each sentence's section path: the body's sentences, then
    the footnotes' (which stand in no section)."""
    for sentence, path in found.sentences:
        for quantity in sentence.quantities:
            yield sentence, path, quantity
    for note in found.notes:
        for sentence in note.sentences:
            for quantity in sentence.quantities:
                yield sentence, (), quantity


_ROLES = ("achieved", "target", "baseline", "change", "percent")


def _comparison_of(sentence: Sentence, quantity: Quantity) -> tuple[Comparison | None, str | None]:
    """The first comparison of the sentence the figure takes part in, and its role there."""
    for comparison in sentence.comparisons:
        for role in _ROLES:
            figure = getattr(comparison, role)
            if figure is not None and figure.span == quantity.span:
                return comparison, role
    return None, None


def _targets_by_span(targets: tuple[Target, ...]) -> dict[tuple[int, int], Target]:
    out: dict[tuple[int, int], Target] = {}
    for target in targets:
        for value in (*target.values, *target.baseline_values):
            out.setdefault((value.span.start, value.span.end), target)
    return out

"""Indicators as rows: one row per figure, for CSV, JSON Lines and pandas.

Each row says where the figure stands (section path, sentence, span), what it is (value, unit,
range, rate, qualifier), what it is compared with in its sentence, and which footnotes the
sentence cites.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from vnreport.document import Document
from vnreport.model import Quantity, Sentence

COLUMNS = (
    "section_path",
    "sentence_id",
    "sentence",
    "start",
    "end",
    "text",
    "value",
    "low",
    "high",
    "unit",
    "per",
    "denominator",
    "qualifier",
    "comparison",
    "footnotes",
)


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() and abs(value) < 10**18 else float(value)


def _comparison_of(sentence: Sentence, quantity: Quantity) -> str | None:
    kinds = []
    for comparison in sentence.comparisons:
        figures = (comparison.achieved, comparison.target, comparison.baseline, comparison.change, comparison.percent)
        if any(f is not None and f.span == quantity.span for f in figures):
            kinds.append(comparison.kind.value)
    return ";".join(kinds) or None


def indicator_rows(doc: Document) -> Iterator[dict[str, Any]]:
    """One dict per figure, body first, then footnotes; keys are :data:`COLUMNS`."""
    for sentence, quantity in doc.quantities():
        owner = sentence.id.split(".t")[0]
        path = doc.path(sentence.id) if doc.node(sentence.id) is not None else ()
        footnotes = ";".join(r.label for r in sentence.footnote_refs)
        yield {
            "section_path": " › ".join(path)
            if path
            else ("footnote " + owner if owner.startswith("fn") or ".fn" in owner else ""),
            "sentence_id": sentence.id,
            "sentence": " ".join(sentence.text.split()),
            "start": quantity.span.start,
            "end": quantity.span.end,
            "text": quantity.text,
            "value": _number(quantity.value),
            "low": _number(quantity.low),
            "high": _number(quantity.high),
            "unit": quantity.unit,
            "per": quantity.per,
            "denominator": _number(quantity.denominator),
            "qualifier": quantity.qualifier,
            "comparison": _comparison_of(sentence, quantity),
            "footnotes": footnotes or None,
        }


def indicators_frame(doc: Document) -> Any:
    """The rows as a ``pandas.DataFrame`` (the ``frame`` extra installs pandas)."""
    try:
        import pandas
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("Document.to_frame() needs pandas: pip install 'vnreport[frame]'") from exc
    return pandas.DataFrame(list(indicator_rows(doc)), columns=list(COLUMNS))

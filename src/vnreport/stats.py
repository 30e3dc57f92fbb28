"""Corpus statistics: one row per document, to read a whole folder at a glance."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Any

from vnreport.document import Document
from vnreport.errors import VnreportError
from vnreport.model import Item, Section, SubDocument


def _depth(nodes: tuple[Any, ...], level: int = 0) -> int:
    deepest = level
    for node in nodes:
        if isinstance(node, (Section, Item)):
            deepest = max(deepest, _depth(node.children, level + 1))
        elif isinstance(node, SubDocument):
            deepest = max(deepest, _depth(node.children, level))
    return deepest


def document_stats(doc: Document) -> dict[str, Any]:
    sections = items = tables = subdocuments = 0
    for node in doc.nodes():
        if isinstance(node, Section):
            sections += 1
        elif isinstance(node, Item):
            items += 1
        elif isinstance(node, SubDocument):
            subdocuments += 1
        elif type(node).__name__ == "Table":
            tables += 1
    sentences = list(doc.sentences())
    refs = [ref for s in sentences for ref in s.footnote_refs]
    notes = doc.all_footnotes()
    codes = Counter(d.code.value for d in doc.diagnostics)
    return {
        "chars": len(doc.text),
        "sections": sections,
        "items": items,
        "depth": _depth(doc.body),
        "tables": tables,
        "documents": subdocuments,
        "sentences": len(sentences),
        "refs": len(refs),
        "bodies": len(notes),
        "linked": sum(1 for ref in refs if ref.footnote is not None),
        "quantities": sum(1 for _ in doc.quantities()),
        "type": doc.metadata.doc_type_code,
        "diagnostics": dict(sorted(codes.items())),
    }


def stats_for_path(path: Path) -> dict[str, Any]:
    from vnreport.pipeline import parse_file

    start = time.perf_counter()
    try:
        doc = parse_file(path)
    except VnreportError as exc:
        return {"file": path.name, "error": str(exc)}
    seconds = time.perf_counter() - start
    row: dict[str, Any] = {"file": path.name}
    row.update(document_stats(doc))
    row["ms"] = round(seconds * 1000, 1)
    return row


def collect_paths(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and p.suffix.lower() in {".txt", ".html", ".htm", ".docx", ".md"}
                )
            )
        else:
            out.append(path)
    return out


COLUMNS = (
    "file",
    "chars",
    "sections",
    "items",
    "depth",
    "tables",
    "documents",
    "sentences",
    "refs",
    "bodies",
    "linked",
    "quantities",
    "ms",
)


def format_table(rows: list[dict[str, Any]]) -> str:
    widths = {c: max(len(c), *(len(str(r.get(c, ""))) for r in rows)) if rows else len(c) for c in COLUMNS}
    widths["file"] = min(widths["file"], 48)
    lines = ["  ".join(c.ljust(widths[c]) if c == "file" else c.rjust(widths[c]) for c in COLUMNS) + "  diagnostics"]
    for r in rows:
        if "error" in r:
            lines.append(f"{str(r['file'])[:48].ljust(widths['file'])}  error: {r['error']}")
            continue
        cells = [str(r[c])[:48].ljust(widths[c]) if c == "file" else str(r[c]).rjust(widths[c]) for c in COLUMNS]
        diags = " ".join(f"{k}={v}" for k, v in r["diagnostics"].items())
        lines.append("  ".join(cells) + "  " + diags)
    return "\n".join(lines)

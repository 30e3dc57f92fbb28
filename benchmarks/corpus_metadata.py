"""The metadata read from every corpus document, as a table to read by eye.

    python benchmarks/corpus_metadata.py [--corpus ../shared/corpus] [--long]

One row per file: type, number, issuer, place, date, signer. ``--long`` adds, under each row,
the title, subtitle, draft flag, recipients, congress context, where the body starts and ends
(line numbers, 1-based) and the furniture diagnostics, which is what one checks by hand.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import attrs

import vnreport
from vnreport.lines.split import Line
from vnreport.model import Metadata, SubDocument

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def _date(meta: Metadata) -> str:
    d = meta.date
    if d is None:
        return ""
    return "/".join("__" if p is None else str(p) for p in (d.day, d.month, d.year))


def _type(meta: Metadata) -> str:
    return " ".join(x for x in (meta.doc_type_code, meta.doc_type_name) if x)


def _number(meta: Metadata) -> str:
    if meta.symbol is None:
        return meta.number or ""
    sep = "-" if "/" in meta.symbol and "-" not in meta.symbol.split("/")[0] and meta.number_year is None else "/"
    year = f"{meta.number_year}/" if meta.number_year else ""
    return f"{meta.number or '…'}{sep}{year}{meta.symbol}"


def _issuer(meta: Metadata) -> str:
    return " / ".join(x for x in (meta.parent_issuer, meta.issuer) if x)


def _signer(meta: Metadata) -> str:
    s = meta.signature
    if s is None:
        return ""
    return " / ".join(x for x in (s.authority, s.position, s.name) if x)


def _cut(value: str, width: int) -> str:
    return value if len(value) <= width else value[: width - 1] + "…"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--long", action="store_true", help="details under each row")
    args = ap.parse_args()
    files = sorted(args.corpus.glob("*.txt"))
    if not files:
        raise SystemExit(f"no corpus files in {args.corpus}")
    options = attrs.evolve(vnreport.DEFAULT_OPTIONS, sentences=False)
    widths = (14, 26, 22, 44, 12, 12, 46)
    header = ("file", "type", "number", "issuer", "place", "date", "signer")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for path in files:
        start = time.perf_counter()
        doc = vnreport.parse_file(path, options)
        elapsed = time.perf_counter() - start
        meta = doc.metadata
        name = path.name.split("_")[0] + ("L" if ".layout." in path.name else "")
        parts = sum(1 for n in doc.body if isinstance(n, SubDocument))
        if parts:  # the pipeline split the file; the row shows its main part
            name += f" [{parts} docs]"
        row = (name, _type(meta), _number(meta), _issuer(meta), meta.place or "", _date(meta), _signer(meta))
        print("  ".join(_cut(v, w).ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
        if args.long:
            lines = doc.lines
            body = [n for n in doc.body]
            first = body[0].span.start if body else None
            last = body[-1].span.end if body else None

            def line_no(offset: int | None, lines: tuple[Line, ...] = lines) -> str:
                if offset is None:
                    return "-"
                return str(next((ln.index + 1 for ln in lines if ln.span.end >= offset), len(lines)))

            extra = [
                ("title", meta.title),
                ("subtitle", meta.subtitle),
                ("draft", "yes" if meta.draft else None),
                (
                    "issuer code/level",
                    " ".join(x for x in (meta.issuer_code, meta.issuer_level) if x) or None,
                ),
                ("state/party", meta.state_title or meta.party_title),
                ("term/congress/khóa", f"{meta.term} {meta.congress_ordinal} {meta.committee_term}"),
                ("web", " | ".join(x for x in (meta.web_title, meta.web_byline) if x) or None),
                (
                    "recipients",
                    f"{len(meta.recipients)}: " + " | ".join(meta.recipients) if meta.recipients else None,
                ),
                ("body lines", f"{line_no(first)}–{line_no(last)}"),
                ("furniture", ", ".join(sorted({f.kind for f in doc.furniture}))),
                (
                    "diagnostics",
                    ", ".join(d.code.value for d in doc.diagnostics if d.code.value.startswith("metadata")) or None,
                ),
                ("ms", f"{elapsed * 1e3:.1f}"),
            ]
            for key, value in extra:
                if value:
                    print(f"    {key:18s} {_cut(str(value), 160)}")


if __name__ == "__main__":
    main()
